"""Consistent copies of a database file through SQLite's online backup API, verified.

A copy is never a raw file copy of an open database: SQLite copies one snapshot (the row
counts are read in the same read transaction), the copy is switched to a single self-contained
file (no -wal), checked with integrity_check and the counts, fsynced, and only then renamed
to its final name, so a half-written or unverified copy never looks like a backup.

Backups kept next to the database live in ``<db dir>/backups/`` and are named
``<db stem>-<reason>-<YYYYmmdd-HHMMSS-ffffff>.sqlite`` (local time): the name alone says
whose copy it is, why and when it was made.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ocop_desktop.domain.language import Spoken, Text

FOLDER = "backups"
SUFFIX = ".sqlite"
_STAMP = "%Y%m%d-%H%M%S-%f"
_TAIL = re.compile(r"^(?P<reason>[a-z0-9]+(?:-[a-z0-9]+)*)-(?P<stamp>\d{8}-\d{6}-\d{6})\.sqlite$")
# Reasons this program writes; other names in the folder (another database's copies, the
# user's own files) are never listed as this database's backups, nor rotated away.
REASON_PREFIXES = ("hang-ngay", "thu-cong", "truoc-", "hong-")


class BackupFailed(Spoken, RuntimeError):
    """The copy could not be verified; nothing was left under the backup's name."""


@dataclass(frozen=True)
class BackupName:
    path: Path
    reason: str
    made_at: datetime  # local time, from the name


def backup_folder(db_path: Path) -> Path:
    return Path(db_path).parent / FOLDER


def backup_path(db_path: Path, reason: str, when: datetime | None = None) -> Path:
    when = when or datetime.now()
    return backup_folder(db_path) / f"{Path(db_path).stem}-{reason}-{when.strftime(_STAMP)}{SUFFIX}"


def parse_backup_name(db_path: Path, path: Path) -> BackupName | None:
    prefix = f"{Path(db_path).stem}-"
    if not path.name.startswith(prefix):
        return None
    match = _TAIL.match(path.name[len(prefix) :])
    if not match or not match["reason"].startswith(REASON_PREFIXES):
        return None
    try:
        made_at = datetime.strptime(match["stamp"], _STAMP)
    except ValueError:
        return None
    return BackupName(path, match["reason"], made_at)


def made_at_from_name(path: Path) -> datetime | None:
    """The time in a backup's name, whatever database it is a copy of."""
    match = re.search(r"-(\d{8}-\d{6}-\d{6})\.sqlite$", Path(path).name)
    try:
        return datetime.strptime(match[1], _STAMP) if match else None
    except ValueError:
        return None


def backups_of(db_path: Path) -> list[BackupName]:
    """This database's backups in its backups folder, newest first."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = [parse_backup_name(db_path, p) for p in folder.glob(f"*{SUFFIX}")]
    return sorted((b for b in found if b is not None), key=lambda b: b.made_at, reverse=True)


class UnfinishedOnReadOnlyMedia(Spoken, RuntimeError):
    """A database on read-only media with changes still in its -wal file: read as immutable,
    SQLite would silently show it without them."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            Text(
                f"Tệp dữ liệu {path} nằm ở nơi chỉ đọc và còn thay đổi chưa ghi hẳn vào tệp (tệp {path.name}-wal bên "
                "cạnh, do chương trình bị tắt ngang hoặc tệp được chép khi đang mở). Đọc tại chỗ sẽ thiếu các thay đổi "
                "đó nên OCOP Desktop không đọc. Dữ liệu không bị thay đổi. Hãy chép cả hai tệp sang một thư mục ghi được "
                "rồi mở tệp đã chép bằng --db.",
                f"The data file {path} is in a read-only place and has changes not yet written into it (the file "
                f"{path.name}-wal beside it, left by a program stopped abruptly or a file copied while open). Read in "
                "place it would lack those changes, so OCOP Desktop does not read it. The data were not changed. Copy "
                "both files to a folder that can be written, then open the copy with --db.",
            )
        )


def read_only_uri(path: Path, immutable: bool = False) -> str:
    """mode=ro never writes. A file in a folder that cannot be written (a write-protected
    stick, a CD, a read-only share) is read as immutable: SQLite could not even make the -shm
    file it needs to read a WAL database there, and nobody can be writing it. Immutable would
    ignore a -wal file, so one with content there is refused (UnfinishedOnReadOnlyMedia)."""
    path = Path(path).resolve()
    uri = f"{path.as_uri()}?mode=ro"
    if immutable:
        return uri + "&immutable=1"
    if os.access(path.parent, os.W_OK):
        return uri
    wal = Path(f"{path}-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        raise UnfinishedOnReadOnlyMedia(path)
    return uri + "&immutable=1"


_ro_uri = read_only_uri


def connect_read_only(path: Path, immutable: bool = False) -> sqlite3.Connection:
    """A connection that cannot write ``path``; immutable for copies nobody else has open
    (they may sit on a write-protected USB stick, where even a -shm file cannot be made)."""
    if not Path(path).is_file():
        raise FileNotFoundError(Text(f"Không có tệp {path}.", f"There is no file {path}."))
    return sqlite3.connect(_ro_uri(path, immutable), uri=True, isolation_level=None)


def open_for_reading(path: Path) -> sqlite3.Connection:
    """Read-only; a single-file copy (rollback journal, as every backup is) is read as immutable
    so a write-protected USB stick works, while a WAL-mode file is read with its -wal."""
    with open(path, "rb") as fh:
        header = fh.read(20)
    wal = len(header) == 20 and header[18] == 2
    return connect_read_only(path, immutable=not wal)


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _undecodable(exc: sqlite3.Error) -> bool:
    return "could not decode" in str(exc).lower()


def schema_text_problems(conn: sqlite3.Connection) -> list[str]:
    """Names and statements of the schema that are not valid text: SQLite's own check passes
    them (a damaged byte inside a column name still parses), but nothing can read them."""
    old = conn.text_factory
    conn.text_factory = bytes
    try:
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    finally:
        conn.text_factory = old
    problems = []
    for row in rows:
        try:
            for value in row:
                if isinstance(value, bytes):
                    value.decode("utf-8")
        except UnicodeDecodeError:
            name = row[1].decode("utf-8", "replace") if isinstance(row[1], bytes) else "?"
            problems.append(f"lược đồ của «{name}» có byte lạ, không đọc được")
    return problems


def integrity_problems(conn: sqlite3.Connection, quick: bool = False) -> list[str]:
    """SQLite's own check and a readable schema: [] when sound, else the first messages."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check")]
        if rows == ["ok"]:
            rows = schema_text_problems(conn)
    except sqlite3.OperationalError as exc:
        if _undecodable(exc):
            return [str(exc)]
        raise  # cannot open or read the disk: not a verdict on the file's contents
    except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"
        return [str(exc)]
    except UnicodeDecodeError as exc:  # a message of the check itself names damaged bytes
        return [f"dữ liệu có byte lạ, không đọc được ({exc.reason})"]
    return [] if rows in (["ok"], []) else rows[:5]


def check_file(path: Path, quick: bool = True, immutable: bool = False) -> list[str]:
    """Problems of the file at ``path`` ([] when sound); never writes to it."""
    try:
        conn = connect_read_only(path, immutable=immutable)
        try:
            return integrity_problems(conn, quick=quick)
        finally:
            conn.close()
    except (OSError, sqlite3.Error) as exc:
        return [str(exc)]


def _fsync(path: Path, directory: bool = False) -> None:
    if directory and not hasattr(os, "O_DIRECTORY"):
        return  # Windows cannot open a folder to flush it; NTFS journals the rename itself
    flags = (os.O_RDONLY | os.O_DIRECTORY) if directory else os.O_RDONLY
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temporary_name(target: Path) -> Path:
    """Where a copy is written before it is verified and renamed (see remove_leftovers)."""
    return Path(target).with_name(f".{Path(target).name}.tmp")


def claim_temporary(tmp: Path) -> int | None:
    """Create ``tmp`` and hold a lock on it while it is written, so that remove_leftovers
    tells a copy in progress (another process's) from one left by a killed process."""
    fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
    if sys.platform == "win32":
        os.close(fd)  # Windows refuses to delete a file SQLite holds open: no lock needed
        return None
    import fcntl

    # A file system without locks: the copy still works, cleaning is only less sure.
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def remove_leftovers(folder: Path, prefixes: tuple[str, ...] = (".",)) -> list[Path]:
    """Delete the temporary files (``.NAME.tmp`` and SQLite's ``-journal`` beside them) that a
    killed backup or restore left in ``folder``; a copy still being written is left alone."""
    removed: list[Path] = []
    try:
        found = sorted(Path(folder).glob(".*.tmp*"))
    except OSError:
        return removed
    for path in found:
        if not path.name.startswith(prefixes):
            continue
        if not (path.name.endswith(".tmp") or path.name.endswith(".tmp-journal")):
            continue
        base = path if path.name.endswith(".tmp") else path.with_name(path.name.removesuffix("-journal"))
        if _in_use(base):
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            continue  # Windows: still open in another process
    return removed


def _in_use(tmp: Path) -> bool:
    if sys.platform == "win32" or not tmp.exists():
        return False
    import fcntl

    try:
        fd = os.open(tmp, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)  # closing drops a lock we took


def copy_database(source: Path, target: Path, verify: bool = True) -> dict[str, int]:
    """Copy ``source`` to ``target`` (which must not exist) and return the copied row counts.

    With verify=False (a damaged file kept before a restore) the copy is kept as it is."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_name(target)
    Path(f"{tmp}-journal").unlink(missing_ok=True)  # a killed copy's journal must not be replayed
    claim = claim_temporary(tmp)
    try:
        src = sqlite3.connect(_ro_uri(source), uri=True, isolation_level=None)
        try:
            dst = sqlite3.connect(tmp, isolation_level=None)
            try:
                src.execute("BEGIN")  # counts and copy from one snapshot
                counts = table_counts(src) if verify else {}
                src.backup(dst)
                src.execute("COMMIT")
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        _fsync(tmp)
        if verify:
            check = sqlite3.connect(_ro_uri(tmp, immutable=True), uri=True)
            try:
                problems = integrity_problems(check)
                copied = table_counts(check)
            finally:
                check.close()
            if problems:
                raise BackupFailed(
                    Text(
                        f"Bản sao {target.name} không đạt kiểm tra toàn vẹn: {'; '.join(problems)}.",
                        f"The backup {target.name} fails the integrity check: {'; '.join(problems)}.",
                    )
                )
            if copied != counts:
                raise BackupFailed(
                    Text(
                        f"Bản sao {target.name} không đủ dữ liệu so với tệp gốc.",
                        f"The backup {target.name} lacks data compared with the original file.",
                    )
                )
        os.replace(tmp, target)
        _fsync(target.parent, directory=True)
        return counts
    except BaseException:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}-journal").unlink(missing_ok=True)
        raise
    finally:
        if claim is not None:
            os.close(claim)


def make_backup(db_path: Path, reason: str, when: datetime | None = None, verify: bool = True) -> Path:
    """A verified copy of ``db_path`` in its backups folder; returns the copy's path."""
    target = backup_path(db_path, reason, when)
    copy_database(db_path, target, verify=verify)
    return target
