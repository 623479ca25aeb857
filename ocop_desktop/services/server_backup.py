"""Backups of a database on a PostgreSQL server (issue 18): ``pg_dump`` and ``pg_restore``.

A server has no file to copy: `ocop backup` asks ``pg_dump --format=custom`` for an archive and
checks it (``pg_restore --list`` reads it and it names every table of this program's schema), or
removes it and says the backup failed. `ocop restore` only fills an EMPTY database (one holding
no table of ours: a provincial database is never overwritten; the user makes a new one with
``createdb``), in one transaction (``pg_restore --single-transaction --exit-on-error``), then
brings it to this program's schema if the archive is older and checks its audit chain with every
covered record, as `ocop check` does. The restored database is the dumped one, row for row: no
entry is added to its log.

The password never goes on a command line: libpq (in pg_dump as in psycopg) reads the standard
password file (PGPASSFILE, ~/.pgpass, %APPDATA%\\postgresql\\pgpass.conf); one written into the
URL is handed to the child process in its environment (PGPASSWORD), never in its arguments.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from ocop_desktop.domain.language import Spoken, Text, english
from ocop_desktop.paths import user_data_dir
from ocop_desktop.persistence.database import open_database
from ocop_desktop.persistence.engine import make_engine, server_url, shown_url
from ocop_desktop.persistence.migrate import MigrationResult, head_revision, known_revisions
from ocop_desktop.persistence.models import Base
from ocop_desktop.persistence.server_reader import ServerReader
from ocop_desktop.services.tamper import check_log

SUMMARY_TABLES = {"products": "sản phẩm", "producers": "chủ thể", "survey_entries": "dòng rà soát", "tasks": "nhiệm vụ"}
MANUAL = "thu-cong"
SUFFIX = ".dump"
_STAMP = "%Y%m%d-%H%M%S"
_TABLE_ENTRY = re.compile(r"^\d+; \d+ \d+ TABLE (?!DATA )(\S+) (\S+) ")


class ServerBackupError(Spoken, RuntimeError):
    """A backup or restore on the server failed or was refused; the message says why and what to do."""


class ToolFailed(ServerBackupError):
    """pg_dump or pg_restore ran and failed; ``said`` is the end of what it wrote."""

    def __init__(self, message: str, said: str) -> None:
        super().__init__(message)
        self.said = said


def expected_tables() -> set[str]:
    """Every table of this program's schema, the migrations' version table included."""
    return set(Base.metadata.tables) | {"alembic_version"}


# -- PostgreSQL's programs ------------------------------------------------------------------------
def _candidates(name: str) -> list[Path]:
    exe = f"{name}.exe" if sys.platform == "win32" else name
    found: list[Path] = []
    on_path = shutil.which(name)
    if on_path:
        found.append(Path(on_path))

    def newest_first(folders: list[Path]) -> list[Path]:
        def version(p: Path) -> float:
            try:
                return float(p.parent.name)
            except ValueError:
                return 0.0

        return sorted(folders, key=version, reverse=True)

    found += [b / exe for b in newest_first(list(Path("/usr/lib/postgresql").glob("*/bin")))]
    if sys.platform == "win32":  # the official (EDB) installer: C:\Program Files\PostgreSQL\16\bin
        roots = {os.environ.get(v) for v in ("ProgramW6432", "ProgramFiles", "ProgramFiles(x86)")}
        for root in sorted(r for r in roots if r):
            found += [b / exe for b in newest_first(list((Path(root) / "PostgreSQL").glob("*/bin")))]
    return found


def find_tool(name: str) -> Path:
    """``pg_dump`` or ``pg_restore``: on PATH, in Debian's /usr/lib/postgresql/*/bin (newest
    first), or beside the official Windows installer's programs."""
    for candidate in _candidates(name):
        if candidate.is_file():
            return candidate
    raise ServerBackupError(
        Text(
            f"Không tìm thấy {name}: cài PostgreSQL (Debian: apt-get install postgresql-client; Windows: bộ cài "
            "chính thức từ postgresql.org, thư mục C:\\Program Files\\PostgreSQL\\…\\bin) hoặc thêm thư mục "
            f"chứa {name} vào PATH. Dữ liệu không bị thay đổi.",
            f"{name} was not found: install PostgreSQL (Debian: apt-get install postgresql-client; Windows: the "
            "official installer from postgresql.org, folder C:\\Program Files\\PostgreSQL\\…\\bin) or add the "
            f"folder holding {name} to PATH. The data were not changed.",
        )
    )


def _connection(location: str) -> tuple[str, dict[str, str]]:
    """The libpq URL for a child program, without a password, and the environment it runs in."""
    url = server_url(location)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = URL.create(  # (URL.set takes password=None as "unchanged")
        "postgresql", url.username, None, url.host, url.port, url.database, url.query
    )
    return plain.render_as_string(hide_password=False), env


def _run(tool: str, args: Sequence[str], env: dict[str, str] | None = None) -> str:
    program = find_tool(tool)
    try:
        done = subprocess.run(
            [str(program), *args], capture_output=True, text=True, encoding="utf-8", errors="replace", env=env
        )
    except OSError as exc:
        raise ServerBackupError(Text(f"Không chạy được {program}: {exc}.", f"Cannot run {program}: {exc}.")) from exc
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip()[-1500:]
        raise ToolFailed(
            Text(f"{tool} báo lỗi (mã {done.returncode}): {said}", f"{tool} failed (status {done.returncode}): {said}"),
            said,
        )
    return done.stdout


# -- what an archive holds ------------------------------------------------------------------------
def archive_tables(path: Path) -> set[str]:
    """The tables an archive made by pg_dump defines (``pg_restore --list``)."""
    names = set()
    for line in _run("pg_restore", ["--list", str(path)]).splitlines():
        match = _TABLE_ENTRY.match(line)
        if match:
            names.add(match[2])
    return names


def archive_revision(path: Path) -> str | None:
    """The schema version stored in the archive's alembic_version table (read without restoring)."""
    out = _run("pg_restore", ["--data-only", "--table=alembic_version", "--file=-", str(path)])
    lines = out.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line and i + 1 < len(lines):
            value = lines[i + 1].strip()
            return None if value == "\\." else value
    return None


@dataclass(frozen=True)
class ArchiveSummary:
    """What a server backup is, shown before it is restored."""

    path: Path
    size: int
    made_at: datetime
    schema_version: str | None
    tables: int
    problems: tuple[str, ...] = ()

    @property
    def restorable(self) -> bool:
        return not self.problems


def describe_archive(path: Path) -> ArchiveSummary:
    path = Path(path)
    stat = path.stat()
    made_at = datetime.fromtimestamp(stat.st_mtime)
    try:
        tables = archive_tables(path)
    except ToolFailed as exc:  # (pg_restore missing is said as such, not as a foreign file)
        problem = Text(
            f"Tệp này không phải bản sao lưu máy chủ của OCOP Desktop (pg_restore không đọc được: {exc.said}).",
            f"This file is not an OCOP Desktop server backup (pg_restore cannot read it: {exc.said}).",
        )
        return ArchiveSummary(path, stat.st_size, made_at, None, 0, (problem,))
    missing = sorted(expected_tables() - tables)
    version = archive_revision(path) if "alembic_version" in tables else None
    problems: list[str] = []
    if version is None:
        problems.append(
            Text(
                "Tệp là bản sao của một cơ sở dữ liệu khác, không phải của OCOP Desktop (không có thông tin phiên bản).",
                "The file is a backup of another database, not an OCOP Desktop one (it has no version information).",
            )
        )
    elif version not in known_revisions():
        problems.append(
            Text(
                f"Bản sao do phiên bản OCOP Desktop mới hơn tạo ra (lược đồ {version}); hãy cập nhật ứng dụng "
                "trước khi khôi phục.",
                f"The backup was made by a newer version of OCOP Desktop (schema {version}); update the "
                "application before restoring.",
            )
        )
    elif version == head_revision() and missing:
        problems.append(
            Text(
                f"Bản sao thiếu bảng: {', '.join(missing[:8])}.",
                f"The backup lacks tables: {', '.join(missing[:8])}.",
            )
        )
    return ArchiveSummary(path, stat.st_size, made_at, version, len(tables), tuple(problems))


# -- the database on the server -------------------------------------------------------------------
def _server_problem(location: str, exc: DBAPIError) -> ServerBackupError:
    shown = shown_url(location)
    return ServerBackupError(
        Text(
            f"Không kết nối hoặc đọc được cơ sở dữ liệu {shown}: {exc.orig}. Nếu cơ sở dữ liệu chưa có, "
            f"hãy tạo nó trống (createdb) rồi chạy lại.",
            f"Cannot connect to or read the database {shown}: {exc.orig}. If the database does not exist yet, "
            "create it empty (createdb) and run again.",
        )
    )


def tables_of_ours(location: str) -> list[str]:
    """The tables of this program's schema the database already holds."""
    engine = make_engine(location, read_only=True)
    try:
        with engine.connect() as conn:
            return sorted(expected_tables() & set(inspect(conn).get_table_names()))
    except DBAPIError as exc:
        raise _server_problem(location, exc) from exc
    finally:
        engine.dispose()


def counts(location: str) -> dict[str, int]:
    """Rows of the tables a backup's summary names (products, producers, survey rows, tasks)."""
    engine = make_engine(location, read_only=True)
    try:
        with engine.connect() as conn:
            present = set(inspect(conn).get_table_names())
            return {
                t: int(conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one())
                for t in SUMMARY_TABLES
                if t in present
            }
    except DBAPIError as exc:
        raise _server_problem(location, exc) from exc
    finally:
        engine.dispose()


def describe_counts(found: dict[str, int]) -> str:
    return ", ".join(f"{found.get(k, 0)} {label}" for k, label in SUMMARY_TABLES.items())


def chain_warnings(location: str) -> tuple[str, ...]:
    """The audit log's chain and every covered record checked as `ocop check` does; empty when sound."""
    engine = make_engine(location, read_only=True)
    try:
        with engine.connect() as conn:
            log = check_log(ServerReader(conn))  # type: ignore[arg-type]
    finally:
        engine.dispose()
    return log.warnings()


# -- backup -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ServerBackupInfo:
    path: Path
    size: int
    made_at: datetime
    counts: dict[str, int] = field(default_factory=dict)
    tables: int = 0

    def describe(self) -> str:
        return describe_counts(self.counts)


def default_target(location: str, now: datetime | None = None) -> Path:
    """Where `ocop backup` writes without -o: the user's backups folder, named after the database."""
    name = server_url(location).database or "ocop"
    when = (now or datetime.now()).strftime(_STAMP)
    return user_data_dir() / "backups" / f"{re.sub(r'[^A-Za-z0-9_-]+', '-', name)}-{MANUAL}-{when}{SUFFIX}"


def create_server_backup(location: str, target: Path | None = None, now: datetime | None = None) -> ServerBackupInfo:
    """``pg_dump --format=custom`` of the database into ``target`` (default: ``default_target``),
    written beside it first and put in place only once pg_restore reads it and finds every table
    of the schema: a failed backup leaves no file, and never replaces an older good one."""
    made = now or datetime.now()
    target = Path(target) if target is not None else default_target(location, made)
    if target.exists() and not target.is_file():
        raise ServerBackupError(
            Text(
                f"«{target}» là thư mục hoặc thiết bị, không phải tệp; hãy ghi tên một tệp bản sao, ví dụ E:/ocop.dump.",
                f"«{target}» is a folder or a device, not a file; type a backup file's name, e.g. E:/ocop.dump.",
            )
        )
    find_tool("pg_dump"), find_tool("pg_restore")  # said before anything is read or written
    target.parent.mkdir(parents=True, exist_ok=True)
    found = counts(location)
    conninfo, env = _connection(location)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        _run("pg_dump", ["--format=custom", f"--file={tmp}", f"--dbname={conninfo}"], env)
        missing = sorted(expected_tables() - archive_tables(tmp))
        if missing:
            raise ServerBackupError(
                Text(
                    f"Bản sao vừa tạo thiếu bảng {', '.join(missing[:8])}; bản sao không dùng được và đã bị xóa.",
                    f"The new backup lacks the tables {', '.join(missing[:8])}; it cannot be used and was deleted.",
                )
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return ServerBackupInfo(target, target.stat().st_size, made, found, len(expected_tables()))


# -- restore ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ServerRestoreResult:
    source: Path
    migration: MigrationResult
    counts: dict[str, int]
    warnings: tuple[str, ...]  # the audit chain's breaks (empty when it verifies)

    def describe(self) -> str:
        return describe_counts(self.counts)


def refuse_unless_empty(location: str) -> None:
    ours = tables_of_ours(location)
    if ours:
        name = server_url(location).database or "TÊN"
        raise ServerBackupError(
            Text(
                f"Cơ sở dữ liệu {shown_url(location)} đã có dữ liệu (bảng {', '.join(ours[:4])}…); chỉ khôi phục "
                f"vào một cơ sở dữ liệu trống, để không ghi đè dữ liệu đang dùng. Dữ liệu không bị thay đổi. "
                f"Hãy tạo một cơ sở dữ liệu trống, ví dụ: createdb {name}_khoi_phuc, rồi chạy lại với "
                "--db chỉ tới nó.",
                f"The database {shown_url(location)} already holds data (tables {', '.join(ours[:4])}…); a backup "
                "is restored only into an empty database, so that data in use is never overwritten. The data were "
                f"not changed. Create an empty database, for example: createdb {name}_khoi_phuc, then run again "
                "with --db naming it.",
            )
        )


def empty_again(location: str) -> None:
    """Drop what a restore made (every table of the schema): the database is empty as before."""
    engine = make_engine(location)
    try:
        with engine.begin() as conn:
            for table in sorted(expected_tables()):
                conn.execute(text(f'DROP TABLE IF EXISTS "{table}" CASCADE'))
    finally:
        engine.dispose()


def restore_server_backup(location: str, source: Path) -> ServerRestoreResult:
    """Restore the archive ``source`` into the EMPTY database ``location`` in one transaction,
    bring it to this program's schema, then check its audit chain (warnings: the caller decides)."""
    summary = describe_archive(source)
    if not summary.restorable:
        raise ServerBackupError(
            Text(
                f"Không khôi phục được từ {source}: " + " ".join(summary.problems),
                f"Cannot restore from {source}: " + " ".join(english(p) for p in summary.problems),
            )
        )
    refuse_unless_empty(location)
    conninfo, env = _connection(location)
    _run(
        "pg_restore",
        ["--no-owner", "--exit-on-error", "--single-transaction", f"--dbname={conninfo}", str(source)],
        env,
    )
    db = open_database(location)  # an older archive is brought to this version's schema here
    try:
        migration = db.migration
    finally:
        db.close()
    return ServerRestoreResult(Path(source), migration, counts(location), chain_warnings(location))
