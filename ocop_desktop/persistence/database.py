"""Opening a database file: engine, migrations, units of work, in one call."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sqlalchemy import Engine

from ocop_desktop.persistence.engine import make_engine
from ocop_desktop.persistence.migrate import MigrationResult, upgrade
from ocop_desktop.persistence.uow import UowFactory, uow_factory


@dataclass
class Database:
    path: Path
    engine: Engine
    migration: MigrationResult

    def uow_factory(self, actor: str | Callable[[], str] = "") -> UowFactory:
        return uow_factory(self.engine, actor=actor)

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path) -> Database:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    try:
        result = upgrade(engine, path)
    except Exception:
        engine.dispose()
        raise
    return Database(path=path, engine=engine, migration=result)
