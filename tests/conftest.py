"""Shared fixtures: a fresh database on disk with the reference data loaded."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

# Tests never need a screen; a machine without one would otherwise abort in Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The log files of the window and of `ocop` go to a folder of this run, never the user's own.
os.environ.setdefault("OCOP_LOG_DIR", tempfile.mkdtemp(prefix="ocop-test-logs-"))

import pytest

from ocop_desktop.persistence.database import Database, open_database
from ocop_desktop.services.reference import load_reference


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ocop.db"


@pytest.fixture(scope="session")
def reference_template(tmp_path_factory) -> Path:
    """A database with the reference data loaded, built once: loading 14,000 places costs
    about two seconds, copying the file a few milliseconds."""
    path = tmp_path_factory.mktemp("template") / "reference.db"
    database = open_database(path)
    load_reference(database.uow_factory(actor="Nguyễn Văn Kiểm"))
    database.close()  # disposes the engine: the WAL is checkpointed into the file
    return path


@pytest.fixture
def db(db_path: Path, request):
    # A test that asks for the reference data starts from the template; make_uow's load then
    # finds the places file already recorded and only checks the small tables.
    if "make_uow" in request.fixturenames and not db_path.exists():
        shutil.copyfile(request.getfixturevalue("reference_template"), db_path)
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def make_uow(db: Database):
    factory = db.uow_factory(actor="Nguyễn Văn Kiểm")
    load_reference(factory)
    return factory


@pytest.fixture(autouse=True)
def _window_language_put_back():
    """A test that shows the window in English must not leave the core's labels English for the next."""
    from ocop_desktop.domain.language import VIETNAMESE, set_display_language

    yield
    set_display_language(VIETNAMESE)
