"""Opening a database file: integrity check, engine, migrations, units of work, in one call.

A PostgreSQL server URL (persistence/engine.is_server_url) opens the same way, without what only
a file has: SQLite's integrity check, the backups folder beside it, a write-protected folder."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, event

from ocop_desktop.domain.language import Text
from ocop_desktop.persistence.engine import (
    is_server_url,
    make_engine,
    password_file,
    password_refused,
    server_url,
    shown_url,
)
from ocop_desktop.persistence.migrate import (
    MigrationResult,
    SchemaError,
    current_revision,
    head_revision,
    upgrade,
)
from ocop_desktop.persistence.models import Base
from ocop_desktop.persistence.snapshot import (
    BackupName,
    backups_of,
    check_file,
    integrity_problems,
    read_only_uri,
)
from ocop_desktop.persistence.uow import UowFactory, uow_factory

GOOD_BACKUP_SEARCH = 10  # how many of the newest backups to check for a sound one


class DamagedDatabaseError(SchemaError):
    """The file fails SQLite's quick check. Nothing was written to it; ``backup`` is the
    newest backup that passes the check (None if there is none)."""

    def __init__(self, path: Path, problems: list[str], backup: BackupName | None) -> None:
        self.path, self.problems, self.backup = Path(path), list(problems), backup
        details = "; ".join(problems[:3]) or "không rõ"
        details_en = "; ".join(problems[:3]) or "unknown"
        text = (
            f"Tệp dữ liệu {self.path} bị hỏng (kiểm tra toàn vẹn không đạt: {details}). "
            "OCOP Desktop không ghi gì vào tệp này. "
        )
        text_en = (
            f"The data file {self.path} is damaged (the integrity check fails: {details_en}). "
            "OCOP Desktop writes nothing to this file. "
        )
        if backup is not None:
            text += (
                f"Bản sao tốt gần nhất: {backup.path} (lúc {backup.made_at:%H:%M ngày %d/%m/%Y}). "
                f'Để khôi phục từ bản sao này, chạy: ocop --db "{self.path}" restore "{backup.path}"'
            )
            text_en += (
                f"The newest good backup: {backup.path} (at {backup.made_at:%H:%M on %d/%m/%Y}). "
                f'To restore from this backup, run: ocop --db "{self.path}" restore "{backup.path}"'
            )
        else:
            text += (
                "Không tìm thấy bản sao tốt nào trong thư mục backups cạnh tệp. Nếu có bản sao trên USB, "
                f'khôi phục bằng: ocop --db "{self.path}" restore TỆP_BẢN_SAO'
            )
            text_en += (
                "No good backup was found in the backups folder beside the file. If there is a backup on a USB stick, "
                f'restore it with: ocop --db "{self.path}" restore BACKUP_FILE'
            )
        super().__init__(Text(text, text_en))


class ReadOnlyLocationError(SchemaError):
    """The file or its folder cannot be written; the message says what to do."""


T = TypeVar("T")


@dataclass
class Database:
    # The file; on a server, only the database's name (``url`` says where it is).
    path: Path
    engine: Engine
    migration: MigrationResult
    read_only: bool = False
    _on_close: list[Callable[[], None]] = field(default_factory=list, repr=False)
    # The server's URL as --db gave it (None for a file); its password, if one was written in it,
    # is hidden by ``shown``.
    url: str | None = None

    @property
    def on_server(self) -> bool:
        return self.url is not None

    @property
    def shown(self) -> str:
        """Where the data are, as a message names them: the file, or the server's URL."""
        return shown_url(self.url) if self.url is not None else str(self.path)

    def uow_factory(self, actor: str | Callable[[], str] = "") -> UowFactory:
        return uow_factory(self.engine, actor=actor)

    def on_close(self, action: Callable[[], None]) -> None:
        """Run ``action`` when the database is closed (the `ocop` command's writer lock)."""
        self._on_close.append(action)

    def refuse(self, error: Exception) -> None:
        """Fail every transaction from now on with ``error``: a check made after the file was
        opened (in the background, while the window is shown) found it damaged."""

        def refuse_begin(_conn: Connection) -> None:
            raise error

        event.listen(self.engine, "begin", refuse_begin, insert=True)

    def close(self) -> None:
        try:
            self.engine.dispose()
        finally:
            while self._on_close:
                self._on_close.pop()()


def newest_good_backup(path: Path, search: int = GOOD_BACKUP_SEARCH) -> BackupName | None:
    """The newest backup of ``path`` in its backups folder that passes SQLite's quick check."""
    for backup in backups_of(path)[:search]:
        if not check_file(backup.path, quick=True, immutable=True):
            return backup
    return None


def damaged(path: Path, problems: list[str]) -> DamagedDatabaseError:
    """The error that names the newest good backup of ``path`` and how to restore it."""
    return DamagedDatabaseError(path, problems, newest_good_backup(path))


def model_problems(conn: sqlite3.Connection) -> list[str]:
    """Tables and columns this version needs but the file lacks, for a file at the newest
    schema: a damaged byte can rename a column and still pass SQLite's own check."""
    row = (
        conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
        else None
    )
    if row is None or row[0] != head_revision():
        return []
    problems = []
    for table in Base.metadata.sorted_tables:
        have = {r[1] for r in conn.execute(f'PRAGMA table_info("{table.name}")')}
        if not have:
            problems.append(f"thiếu bảng {table.name}")
            continue
        missing = [c.name for c in table.columns if c.name not in have]
        if missing:
            problems.append(f"bảng {table.name} thiếu cột {', '.join(missing)}")
    return problems


def integrity_at_open(path: Path) -> None:
    """SQLite's quick check and the schema, read-only; raises DamagedDatabaseError naming a
    good backup."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            problems = integrity_problems(conn, quick=True) or model_problems(conn)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "could not decode" not in str(exc).lower():
                raise
            problems = [str(exc)]
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        raise SchemaError(
            Text(
                f"Không đọc được tệp dữ liệu {path} ({exc}). Dữ liệu không bị thay đổi. "
                "Hãy kiểm tra ổ đĩa (đã cắm chưa, còn đọc được không) và quyền của thư mục, rồi mở lại.",
                f"Cannot read the data file {path} ({exc}). The data were not changed. "
                "Check the drive (is it plugged in, can it still be read) and the folder's permissions, then open it again.",
            )
        ) from exc
    if problems:
        raise damaged(path, problems)


def _stored_revision(path: Path) -> tuple[bool, str | None]:
    """(whether the file reads as SQLite, the schema revision it stores: None when it has none)."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError):
        return False, None
    return True, row[0] if row is not None else None


def at_head(path: Path) -> bool:
    """Whether ``path`` is a readable database already at this version's schema: opening it
    writes nothing, so its integrity check may run after the window is shown."""
    path = Path(path)
    if not path.exists():
        return False
    readable, revision = _stored_revision(path)
    return readable and revision == head_revision()


def needs_upgrade(path: Path) -> bool:
    """Whether opening ``path`` for work would write a schema (a new file, an older version)."""
    path = Path(path)
    if not path.exists():
        return True
    readable, revision = _stored_revision(path)
    # Not ours or damaged (unreadable): opening it says so, and writes nothing.
    return readable and revision != head_revision()


def is_writable(path: Path) -> bool:
    """The file (or, for a new one, the nearest existing folder above it) may be written."""
    if path.exists():
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK)


def open_database(
    path: Path | str, read_only: bool = False, check: bool = True, ask_password: PasswordAsker | None = None
) -> Database:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    An existing file is checked first (PRAGMA quick_check, read-only): a damaged file is
    never migrated or written. read_only=True opens it with no migration and no writes
    (used to look at a file in a write-protected place, or a damaged one on purpose with
    check=False). ``path`` may also be a server URL (postgresql://user@host:port/dbname); when the
    server wants a password libpq has not got, ``ask_password`` (a terminal's prompt, the window's
    dialog) is asked for it, else ServerPasswordError says how to keep it in the password file."""
    if is_server_url(path):
        return _open_server(str(path), read_only, ask_password)
    path = Path(path)
    if not read_only and not is_writable(path):
        raise read_only_location(path)
    if path.exists() and check:
        integrity_at_open(path)
    if read_only:
        return _open_read_only(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    try:
        result = upgrade(engine, path)
    except Exception:
        engine.dispose()
        raise
    return Database(path=path, engine=engine, migration=result)


def read_only_location(path: Path) -> ReadOnlyLocationError:
    return ReadOnlyLocationError(
        Text(
            f"Không ghi được vào tệp dữ liệu {path}: tệp hoặc thư mục chứa nó chỉ cho phép đọc "
            "(ổ đĩa chống ghi, thư mục bị khóa hoặc tệp có thuộc tính chỉ đọc). Dữ liệu không bị thay đổi. "
            "Hãy bỏ chế độ chỉ đọc, hoặc chép tệp sang thư mục khác (ví dụ Tài liệu) rồi mở bằng --db.",
            f"Cannot write to the data file {path}: the file or its folder is read-only "
            "(a write-protected drive, a locked folder or a read-only file). The data were not changed. "
            "Turn read-only off, or copy the file to another folder (for example Documents) and open it with --db.",
        )
    )


def _open_read_only(path: Path) -> Database:
    if not path.exists():
        raise ReadOnlyLocationError(
            Text(f"Không có tệp dữ liệu {path} để mở chỉ đọc.", f"There is no data file {path} to open read-only.")
        )
    engine = make_engine(path, read_only=True)
    try:
        revision = current_revision(engine)
    except Exception:
        engine.dispose()
        raise
    if revision != head_revision():
        engine.dispose()
        # Reading an older schema with this version's mappings would fail on the first query.
        writable = is_writable(path)
        where = "ở nơi chỉ đọc nên không nâng cấp được" if not writable else "chưa được nâng cấp"
        where_en = "is in a read-only place, so it cannot be upgraded" if not writable else "was not upgraded yet"
        raise SchemaError(
            Text(
                f"Tệp dữ liệu {path} dùng lược đồ {revision or 'không rõ'} của phiên bản khác và {where}. "
                "Dữ liệu không bị thay đổi. Hãy chép tệp sang một thư mục ghi được rồi chạy: ocop --db TỆP_ĐÃ_CHÉP init",
                f"The data file {path} uses schema {revision or 'unknown'} of another version and {where_en}. "
                "The data were not changed. Copy the file to a folder that can be written, then run: ocop --db COPIED_FILE init",
            )
        )
    return Database(path=path, engine=engine, migration=MigrationResult(revision, revision, None), read_only=True)


# Asked for a server's password: (the server as shown, its user, whether a password typed before
# was refused) -> the password, or None when the user gives up.
PasswordAsker = Callable[[str, str, bool], "str | None"]
PASSWORD_TRIES = 3


class ServerPasswordError(SchemaError):
    """The server wants a password the program was not given; the message says where to keep it."""


def _password_error(location: str, typed: bool) -> ServerPasswordError:
    url = server_url(location)
    shown, user = shown_url(location), url.username or ""
    line = f"{url.host or 'localhost'}:{url.port or 5432}:{url.database or '*'}:{user or '*'}:MẬT_KHẨU"
    if typed:
        return ServerPasswordError(
            Text(
                f"Máy chủ {shown} không nhận mật khẩu đã gõ cho người dùng «{user}». Dữ liệu không bị thay đổi; "
                "hãy hỏi quản trị viên mật khẩu đúng rồi mở lại.",
                f"The server {shown} did not accept the password typed for the user «{user}». The data were not "
                "changed; ask the administrator for the right password and open it again.",
            )
        )
    where = password_file()
    return ServerPasswordError(
        Text(
            f"Máy chủ {shown} cần mật khẩu của người dùng «{user}» mà chương trình chưa có. Hãy ghi nó vào tệp "
            f"mật khẩu của PostgreSQL {where} (chỉ chủ tệp được đọc: chmod 600), một dòng «{line}», "
            "hoặc chạy lệnh trong một cửa sổ dòng lệnh để được hỏi mật khẩu. Dữ liệu không bị thay đổi.",
            f"The server {shown} wants the password of the user «{user}», which the program has not got. Write it "
            f"into PostgreSQL's password file {where} (readable by its owner only: chmod 600) as a line «{line}», "
            "or run the command in a terminal to be asked for it. The data were not changed.",
        )
    )


class ServerUnreachableError(SchemaError):
    """The server cannot be reached, or has no such database; the message says what to check."""


def _unreachable(location: str, exc: BaseException) -> ServerUnreachableError | None:
    """The Vietnamese words for a connection that failed before any query (no server at that
    address and port, a name that does not resolve, no such database); None for anything else."""
    orig = getattr(exc, "orig", None)
    if type(orig).__module__.split(".")[0] != "psycopg" or type(orig).__name__ != "OperationalError":
        return None
    said = str(orig).lower()
    url = server_url(location)
    shown, where = shown_url(location), f"{url.host or 'localhost'}:{url.port or 5432}"
    if "does not exist" in said and "database" in said:
        return ServerUnreachableError(
            Text(
                f"Máy chủ {where} không có cơ sở dữ liệu «{url.database}». Hãy kiểm tra tên trong {shown}, hoặc "
                f"tạo cơ sở dữ liệu trống (createdb --owner={url.username or 'NGƯỜI_DÙNG'} {url.database}) rồi "
                "chạy «ocop init». Dữ liệu không bị thay đổi.",
                f"The server {where} has no database «{url.database}». Check the name in {shown}, or create an "
                f"empty database (createdb --owner={url.username or 'USER'} {url.database}) and run «ocop init». "
                "The data were not changed.",
            )
        )
    if any(words in said for words in ("connection failed", "failed to resolve host", "could not connect", "timeout")):
        return ServerUnreachableError(
            Text(
                f"Không kết nối được máy chủ PostgreSQL {where} ({shown}): máy chủ chưa chạy, sai tên máy hoặc "
                "cổng, mạng chưa nối, hoặc tường lửa chặn. Dữ liệu không bị thay đổi; hãy kiểm tra rồi thử lại, "
                "hoặc hỏi quản trị viên máy chủ.",
                f"Cannot connect to the PostgreSQL server {where} ({shown}): the server is not running, the host "
                "name or port is wrong, the network is down or a firewall blocks it. The data were not changed; "
                "check and try again, or ask the server's administrator.",
            )
        )
    return None


def _asking(location: str, ask_password: PasswordAsker | None, attempt: Callable[[str | None], T]) -> T:
    """``attempt(password)``, first with none (libpq's password file, one in the URL), then with
    what ``ask_password`` is given each time the server refuses, three times at most."""
    password: str | None = None
    asked = 0
    while True:
        try:
            return attempt(password)
        except Exception as exc:
            if not password_refused(exc):
                raise
            if ask_password is None or asked == PASSWORD_TRIES:
                raise _password_error(location, typed=password is not None) from None
            password = ask_password(shown_url(location), server_url(location).username or "", password is not None)
            asked += 1
            if password is None:  # the user gave up
                raise _password_error(location, typed=False) from None


def _open_server(location: str, read_only: bool, ask_password: PasswordAsker | None = None) -> Database:
    """The database on a server, asking for its password when libpq has none (or a wrong one)."""
    try:
        return _asking(location, ask_password, lambda password: _open_server_with(location, read_only, password))
    except ServerPasswordError:
        raise
    except Exception as exc:
        unreachable = _unreachable(location, exc)
        if unreachable is not None:
            raise unreachable from None
        raise


def with_typed_password(location: str, ask_password: PasswordAsker | None) -> str:
    """``location`` itself when the server takes it as it is (libpq's password file, a password in
    the URL, no password needed); else the same URL with the password ``ask_password`` was given
    written into it, in memory only: for a program run as a child (pg_dump, pg_restore), which
    receives it in its environment (PGPASSWORD), never on its command line."""

    def connects(password: str | None) -> str | None:
        engine = make_engine(location, read_only=True, password=password)
        try:
            with engine.connect():
                return password
        except Exception as exc:
            if password_refused(exc):
                raise
            return password  # unreachable, no such database…: said by the command's own first step
        finally:
            engine.dispose()

    password = _asking(location, ask_password, connects)
    if password is None:
        return location
    url = server_url(location).set(drivername="postgresql", password=password)
    return url.render_as_string(hide_password=False)


def _open_server_with(location: str, read_only: bool, password: str | None) -> Database:
    """The database on a PostgreSQL server, migrated to this version's schema (read_only: only
    checked to be at it, as a file is)."""
    name = Path(server_url(location).database or "")
    shown = shown_url(location)
    engine = make_engine(location, read_only=read_only, password=password)
    try:
        if read_only:
            revision = current_revision(engine)
            if revision != head_revision():
                raise SchemaError(
                    Text(
                        f"Cơ sở dữ liệu {shown} dùng lược đồ {revision or 'không rõ'} của phiên bản khác; "
                        "mở chỉ đọc thì không nâng cấp được. Dữ liệu không bị thay đổi.",
                        f"The database {shown} uses schema {revision or 'unknown'} of another version; "
                        "opened read-only it cannot be upgraded. The data were not changed.",
                    )
                )
            result = MigrationResult(revision, revision, None)
        else:
            result = upgrade(engine, shown)
    except Exception:
        engine.dispose()
        raise
    return Database(path=name, engine=engine, migration=result, read_only=read_only, url=location)
