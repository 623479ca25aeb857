"""What every `ocop` subcommand shares: opening the database, printing rows, refusing input."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Callable, Sequence

from ocop_desktop.exports.tabular import write_csv, write_json
from ocop_desktop.instance_lock import LockInfo, WriterLock, wait_seconds
from ocop_desktop.paths import default_db_path
from ocop_desktop.persistence.database import (
    Database,
    damaged,
    is_writable,
    needs_upgrade,
    open_database,
    read_only_location,
)
from ocop_desktop.persistence.snapshot import check_file
from ocop_desktop.services.errors import explain
from ocop_desktop.services.settings import current_actor
from ocop_desktop.domain.os_errors import os_reason


class Refused(Exception):
    """Input or data refused: printed on stderr in Vietnamese, exit status 1."""


def command_name(args) -> str:
    """«ocop import survey»: how the lock file names this command to a second writer."""
    return getattr(args, "command_name", None) or f"ocop {getattr(args, 'command', '')}".strip()


def writer_lock(path: Path, command: str) -> WriterLock:
    """The database's one writer lock, taken for this command: waits a few seconds for another
    writer (saying so on stderr), then refuses with DatabaseInUse naming it."""
    wait = wait_seconds()

    def waiting(info: LockInfo) -> None:
        details = f" ({info.details})" if info.details else ""
        print(f"Tệp dữ liệu đang được {info.who}{details} ghi; đang chờ tối đa {wait:g} giây…", file=sys.stderr)

    lock = WriterLock(path, command).acquire(wait=wait, on_wait=waiting)
    _taken.append(lock)
    return lock


_taken: list[WriterLock] = []  # released by release_locks() when the command ends, whatever happened


def release_locks() -> None:
    while _taken:
        _taken.pop().release()


def db_file(args) -> Path:
    """The database path the user named, refused if it is a folder, a device or a pipe."""
    path = default_db_path(args.db)
    if path.exists() and not path.is_file():
        raise Refused(f"«{path}» là thư mục hoặc thiết bị, không phải tệp dữ liệu OCOP Desktop. Dữ liệu không bị "
                      "thay đổi. Hãy ghi đường dẫn tới tệp dữ liệu (.db) sau --db.")
    return path


def output_file(text: str) -> Path:
    """A file the command will write (-o): its folder must exist, and it must not be a folder,
    a device or a pipe, which the write-then-rename of every export would replace."""
    path = Path(text).expanduser()
    if path.exists() and not path.is_file():
        raise Refused(f"«{path}» là thư mục hoặc thiết bị, không phải tệp; hãy ghi tên tệp kết quả sau -o, "
                      "ví dụ bao-cao.xlsx.")
    if not path.parent.is_dir():
        raise Refused(f"Thư mục {path.parent} không tồn tại; hãy chọn nơi lưu khác cho -o.")
    return path


def open_db(args, write: bool = True) -> tuple[Database, Callable]:
    """The database named by --db / OCOP_DB / the user folder, migrated, with a unit-of-work
    factory that writes the office's user (or the system login) into the audit log.

    A command that may write (``write=True``) holds the database's writer lock until the
    database is closed, so the window and other `ocop` writers never write at the same time.
    A read-only command takes no lock; it opens a file it may not write (a write-protected
    stick, a CD) read-only, and takes the lock only for the moment a new or older file's
    schema is written."""
    path = db_file(args)
    if write:
        if not is_writable(path):
            raise read_only_location(path)
        lock = writer_lock(path, command_name(args))
        try:
            db = open_database(path)
        except BaseException:
            lock.release()
            raise
        db.on_close(lock.release)
    elif path.exists() and not is_writable(path):
        db = open_database(path, read_only=True)
    elif needs_upgrade(path):
        with writer_lock(path, command_name(args)):
            db = open_database(path)
    else:
        db = open_database(path)
    try:
        actor = current_actor(db.uow_factory())
    except BaseException:
        db.close()
        raise
    return db, db.uow_factory(actor=actor)


def _damage(exc: BaseException) -> BaseException | None:
    """The part of ``exc`` that says a file could not be decoded or is malformed, if any."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, UnicodeDecodeError):
            return exc
        if isinstance(exc, sqlite3.DatabaseError) and (
                not isinstance(exc, sqlite3.OperationalError) or "could not decode" in str(exc).lower()):
            return exc
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
    return None


def failure_text(exc: BaseException, db_path: Path | None) -> str:
    """What to tell the user about a failure no command expected, in Vietnamese."""
    damage = _damage(exc)
    if damage is not None and db_path is not None and db_path.is_file():
        problems = check_file(db_path, quick=True)
        if problems:  # the database itself: say which backup to restore and how
            return f"Lỗi: {damaged(db_path, problems)}"
    message = explain(exc)
    if message is not None:
        return f"Lỗi: {message}"
    if damage is not None:
        return (f"Lỗi: Tệp đang đọc bị hỏng hoặc có byte lạ, không đọc được ({damage}). Dữ liệu không bị thay đổi. "
                "Hãy kiểm tra tệp (mở lại bằng chương trình đã tạo ra nó) hoặc chọn tệp khác.")
    if isinstance(exc, RecursionError):
        return ("Lỗi: Dữ liệu lồng nhau quá sâu nên không xử lý được (tệp bị hỏng hoặc được tạo bất thường). "
                "Dữ liệu không bị thay đổi. Hãy kiểm tra lại tệp.")
    if isinstance(exc, MemoryError):
        return ("Lỗi: Không đủ bộ nhớ để xử lý (tệp quá lớn hoặc bị hỏng). Dữ liệu không bị thay đổi. "
                "Hãy đóng bớt chương trình khác hoặc chia nhỏ tệp rồi làm lại.")
    if isinstance(exc, OSError):
        where = f" «{exc.filename}»" if exc.filename else ""
        return (f"Lỗi: Không đọc hoặc ghi được{where} ({os_reason(exc)}). Dữ liệu không bị thay đổi. "
                "Hãy kiểm tra đường dẫn (phải là một tệp thường, không phải thư mục hay thiết bị) rồi làm lại.")
    return (f"Lỗi không lường trước: {type(exc).__name__}: {exc}; hãy báo cho người hỗ trợ "
            "(kèm lệnh đã chạy). Chạy lại với biến OCOP_DEBUG=1 để xem chi tiết kỹ thuật.")


def emit_rows(rows: list[dict], fmt: str, columns: Sequence[str]) -> None:
    if fmt == "json":
        write_json(rows, sys.stdout)
    else:
        write_csv(rows, sys.stdout, columns)
