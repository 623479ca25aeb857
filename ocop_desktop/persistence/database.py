"""Opening a database file: integrity check, engine, migrations, units of work, in one call."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from ocop_desktop.persistence.engine import make_engine, read_only_uri
from ocop_desktop.persistence.migrate import (
    MigrationResult,
    SchemaError,
    current_revision,
    upgrade,
)
from ocop_desktop.persistence.snapshot import (
    BackupName,
    backups_of,
    check_file,
    integrity_problems,
)
from ocop_desktop.persistence.uow import UowFactory, uow_factory

GOOD_BACKUP_SEARCH = 10  # how many of the newest backups to check for a sound one


class DamagedDatabaseError(SchemaError):
    """The file fails SQLite's quick check. Nothing was written to it; ``backup`` is the
    newest backup that passes the check (None if there is none)."""

    def __init__(self, path: Path, problems: list[str], backup: BackupName | None) -> None:
        self.path, self.problems, self.backup = Path(path), list(problems), backup
        details = "; ".join(problems[:3]) or "không rõ"
        text = (f"Tệp dữ liệu {self.path} bị hỏng (kiểm tra toàn vẹn không đạt: {details}). "
                "OCOP Desktop không ghi gì vào tệp này. ")
        if backup is not None:
            text += (f"Bản sao tốt gần nhất: {backup.path} (lúc {backup.made_at:%H:%M ngày %d/%m/%Y}). "
                     f"Để khôi phục từ bản sao này, chạy: ocop --db \"{self.path}\" restore \"{backup.path}\"")
        else:
            text += ("Không tìm thấy bản sao tốt nào trong thư mục backups cạnh tệp. Nếu có bản sao trên USB, "
                     f"khôi phục bằng: ocop --db \"{self.path}\" restore TỆP_BẢN_SAO")
        super().__init__(text)


class ReadOnlyLocationError(SchemaError):
    """The file or its folder cannot be written; the message says what to do."""


@dataclass
class Database:
    path: Path
    engine: Engine
    migration: MigrationResult
    read_only: bool = False

    def uow_factory(self, actor: str | Callable[[], str] = "") -> UowFactory:
        return uow_factory(self.engine, actor=actor)

    def close(self) -> None:
        self.engine.dispose()


def newest_good_backup(path: Path, search: int = GOOD_BACKUP_SEARCH) -> BackupName | None:
    """The newest backup of ``path`` in its backups folder that passes SQLite's quick check."""
    for backup in backups_of(path)[:search]:
        if not check_file(backup.path, quick=True, immutable=True):
            return backup
    return None


def integrity_at_open(path: Path) -> None:
    """SQLite's quick check, read-only; raises DamagedDatabaseError naming a good backup."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            problems = integrity_problems(conn, quick=True)
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        raise SchemaError(
            f"Không đọc được tệp dữ liệu {path} ({exc}). Dữ liệu không bị thay đổi. "
            "Hãy kiểm tra ổ đĩa (đã cắm chưa, còn đọc được không) và quyền của thư mục, rồi mở lại."
        ) from exc
    if problems:
        raise DamagedDatabaseError(path, problems, newest_good_backup(path))


def _writable(path: Path) -> bool:
    """The file (or, for a new one, the nearest existing folder above it) may be written."""
    if path.exists():
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK)


def open_database(path: Path, read_only: bool = False, check: bool = True) -> Database:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    An existing file is checked first (PRAGMA quick_check, read-only): a damaged file is
    never migrated or written. read_only=True opens it with no migration and no writes
    (used to look at a file in a write-protected place, or a damaged one on purpose with
    check=False)."""
    path = Path(path)
    if not read_only and not _writable(path):
        raise ReadOnlyLocationError(
            f"Không ghi được vào tệp dữ liệu {path}: tệp hoặc thư mục chứa nó chỉ cho phép đọc "
            "(ổ đĩa chống ghi, thư mục bị khóa hoặc tệp có thuộc tính chỉ đọc). Dữ liệu không bị thay đổi. "
            "Hãy bỏ chế độ chỉ đọc, hoặc chép tệp sang thư mục khác (ví dụ Tài liệu) rồi mở bằng --db."
        )
    if path.exists() and check:
        integrity_at_open(path)
    if read_only:
        if not path.exists():
            raise ReadOnlyLocationError(f"Không có tệp dữ liệu {path} để mở chỉ đọc.")
        engine = make_engine(path, read_only=True)
        try:
            revision = current_revision(engine)
        except Exception:
            engine.dispose()
            raise
        return Database(path=path, engine=engine, migration=MigrationResult(revision, revision, None), read_only=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    try:
        result = upgrade(engine, path)
    except Exception:
        engine.dispose()
        raise
    return Database(path=path, engine=engine, migration=result)
