"""Schema migrations at start: keep a copy of the old file, then upgrade to the newest schema.

The same migrations run on a PostgreSQL server (persistence/engine.is_server_url); there the
file's copy and SQLite's foreign-key pragmas are left out (the server's DDL is transactional
and its foreign keys are checked as each statement runs)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from ocop_desktop.domain.language import Spoken, Text
from ocop_desktop.persistence.snapshot import make_backup

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic (with Mako and Pygments) takes longer to import than most commands take to run: the
# revisions are read from the scripts' own lines, and Alembic is loaded only to migrate.
_REVISION_LINE = re.compile(r"""^(down_)?revision\s*(?::[^=]*)?=\s*['"]?([^'"\s]*)['"]?\s*$""", re.MULTILINE)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
MIGRATION_LOCK = 0x0C0B_0001  # a server's advisory lock key serialising schema upgrades


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
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@cache
def _revisions() -> dict[str, str | None]:
    """revision → down_revision of every migration script (a test checks this against Alembic)."""
    found: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        values = {kind: value for kind, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8"))}
        if "" in values:
            found[values[""]] = values.get("down_") if values.get("down_") not in ("", "None") else None
    return found


def head_revision() -> str:
    revisions = _revisions()
    heads = set(revisions) - set(revisions.values())
    assert len(heads) == 1, heads  # one line of history: a branch would need a merge revision
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revisions())


def _table_names(conn: Connection) -> list[str]:
    # The catalogue read directly: the inspector costs more at start-up (on a server, a tenth of
    # a second more for each database opened).
    if conn.dialect.name == "sqlite":
        return [str(r[0]) for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")]
    if conn.dialect.name == "postgresql":
        query = "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
        return [str(r[0]) for r in conn.exec_driver_sql(query)]
    return inspect(conn).get_table_names()


def current_revision(engine: Engine) -> str | None:
    """The file's schema version, by a plain query (what Alembic's context would read)."""
    with engine.connect() as conn:
        if "alembic_version" not in _table_names(conn):
            return None
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return None if row is None else str(row[0])


def backup_copy(db_path: Path, label: str) -> Path:
    """A verified copy through SQLite's backup API (never a raw copy of an open file), in the
    same backups folder and naming as every other backup (see persistence/snapshot.py)."""
    return make_backup(db_path, label)


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(_table_names(conn))


def _known_revision(engine: Engine, vi: str, en: str, advice: Text) -> str | None:
    """The schema revision of the database (None: empty), refused when it is not one of ours or
    was made by a newer version; ``vi``/``en`` name it («Tệp …», «Cơ sở dữ liệu …»), ``advice``
    says what to choose instead."""
    before = current_revision(engine)
    if before is None and _has_tables(engine):
        raise SchemaError(
            Text(
                f"{vi} không phải cơ sở dữ liệu của OCOP Desktop (không có thông tin phiên bản). {advice}",
                f"{en} is not an OCOP Desktop database (it has no version information). {advice.en}",
            )
        )
    if before is not None and before not in known_revisions():
        raise SchemaError(
            Text(
                f"{vi} do một phiên bản OCOP Desktop mới hơn tạo ra (lược đồ {before}). "
                "Hãy cập nhật ứng dụng lên phiên bản mới nhất rồi mở lại; dữ liệu không bị thay đổi.",
                f"{en} was made by a newer version of OCOP Desktop (schema {before}). "
                "Update the application to the latest version, then open it again; the data were not changed.",
            )
        )
    return before


def upgrade(engine: Engine, db_path: Path | str, revision: str = "head") -> MigrationResult:
    """Bring the database to ``revision``; an older schema (of a file) is backed up first.
    ``db_path``: the file, or for a server how its URL may be shown."""
    if engine.dialect.name != "sqlite":
        return _upgrade_server(engine, str(db_path), revision)
    before = _known_revision(
        engine,
        f"Tệp {db_path}",
        f"The file {db_path}",
        Text("Hãy chọn đúng tệp dữ liệu hoặc tạo tệp mới.", "Choose the right data file or create a new one."),
    )
    target = head_revision() if revision == "head" else revision
    if before == target:
        return MigrationResult(before, target, None)
    backup = backup_copy(Path(db_path), f"truoc-nang-cap-{before}") if before is not None else None
    from alembic import command

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


def _upgrade_server(engine: Engine, shown: str, revision: str) -> MigrationResult:
    """The same steps on a server, in one transaction: a failed upgrade leaves the old schema.
    (Its backup is the server's own, pg_dump; not a copy of a file.)"""
    before = _known_revision(
        engine,
        f"Cơ sở dữ liệu {shown}",
        f"The database {shown}",
        Text(
            "Nó đã có bảng: hãy chọn đúng cơ sở dữ liệu hoặc tạo một cơ sở dữ liệu trống.",
            "It holds tables: choose the right database or create an empty one.",
        ),
    )
    target = head_revision() if revision == "head" else revision
    if before == target:
        return MigrationResult(before, target, None)
    from alembic import command

    cfg = _config()
    with engine.connect() as conn, conn.begin():
        # Two programs starting on a new database at once: the second waits here, then finds
        # the schema made (Alembic's own version check) instead of creating it twice.
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return MigrationResult(before, target, None)
