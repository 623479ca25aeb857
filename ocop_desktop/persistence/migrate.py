"""Schema migrations at start: keep a copy of the old file, then upgrade to the newest schema."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from ocop_desktop.domain.language import Spoken, Text
from ocop_desktop.persistence.snapshot import make_backup

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class SchemaError(Spoken, RuntimeError):
    """The database cannot be opened by this version; the message says why and what to do."""


@dataclass(frozen=True)
class MigrationResult:
    before: str | None
    after: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_copy(db_path: Path, label: str) -> Path:
    """A verified copy through SQLite's backup API (never a raw copy of an open file), in the
    same backups folder and naming as every other backup (see persistence/snapshot.py)."""
    return make_backup(db_path, label)


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type='table'").scalar())


def upgrade(engine: Engine, db_path: Path, revision: str = "head") -> MigrationResult:
    """Bring the database to ``revision``; an older schema is backed up first."""
    before = current_revision(engine)
    if before is None and _has_tables(engine):
        raise SchemaError(
            Text(
                f"Tệp {db_path} không phải cơ sở dữ liệu của OCOP Desktop (không có thông tin phiên bản). "
                "Hãy chọn đúng tệp dữ liệu hoặc tạo tệp mới.",
                f"The file {db_path} is not an OCOP Desktop database (it has no version information). "
                "Choose the right data file or create a new one.",
            )
        )
    if before is not None and before not in known_revisions():
        raise SchemaError(
            Text(
                f"Cơ sở dữ liệu {db_path} do một phiên bản OCOP Desktop mới hơn tạo ra (lược đồ {before}). "
                "Hãy cập nhật ứng dụng lên phiên bản mới nhất rồi mở lại; dữ liệu không bị thay đổi.",
                f"The database {db_path} was made by a newer version of OCOP Desktop (schema {before}). "
                "Update the application to the latest version, then open it again; the data were not changed.",
            )
        )
    target = head_revision() if revision == "head" else revision
    if before == target:
        return MigrationResult(before, target, None)
    backup = backup_copy(db_path, f"truoc-nang-cap-{before}") if before is not None else None
    cfg = _config()
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None  # a connection just checked out of the pool
        # Batch migrations rebuild tables; with foreign keys on, that would cascade or fail.
        # The pragma only works outside a transaction, so it goes to the driver directly.
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            # All steps in one transaction of ours (SQLite's DDL is transactional, though
            # Alembic assumes not and would commit each step): a killed or failed upgrade
            # leaves the old schema, never an intermediate one.
            with conn.begin() as transaction:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
                broken = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
                if broken:
                    transaction.rollback()
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
        if broken:
            raise SchemaError(
                Text(
                    f"Nâng cấp làm hỏng liên kết dữ liệu: {broken[:5]}. Lược đồ cũ được giữ nguyên.",
                    f"The upgrade would break links between data: {broken[:5]}. The old schema was kept.",
                )
            )
    return MigrationResult(before, target, backup)
