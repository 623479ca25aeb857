"""Shared fixtures: a fresh database on disk with the reference data loaded."""

from __future__ import annotations

import os
from pathlib import Path

# Tests never need a screen; a machine without one would otherwise abort in Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from ocop_desktop.persistence.database import Database, open_database
from ocop_desktop.services.reference import load_reference


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ocop.db"


@pytest.fixture
def db(db_path: Path):
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def make_uow(db: Database):
    factory = db.uow_factory(actor="Nguyễn Văn Kiểm")
    load_reference(factory)
    return factory
