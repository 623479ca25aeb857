"""Shared fixtures: a fresh database on disk (copied from a template migrated once per run), with
the reference data loaded; how the suite runs in parallel (pytest-xdist, see pyproject.toml)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Tests never need a screen; a machine without one would otherwise abort in Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The log files of the window and of `ocop` go to a folder of this run, never the user's own.
os.environ.setdefault("OCOP_LOG_DIR", tempfile.mkdtemp(prefix="ocop-test-logs-"))
if os.environ.get("PYTEST_XDIST_WORKER"):  # each parallel worker logs to a folder of its own
    os.environ["OCOP_LOG_DIR"] = os.path.join(os.environ["OCOP_LOG_DIR"], os.environ["PYTEST_XDIST_WORKER"])
# Hundreds of tests start a new Python (`ocop` as a user runs it, the self-test, the workers).
# Where PYTHONDONTWRITEBYTECODE is set, as in this project's CI container, each would compile the
# whole package from source again, a quarter of its start-up: their bytecode is cached outside
# the source tree instead (Python checks each cached file against its source).
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None):
    os.environ.setdefault("PYTHONPYCACHEPREFIX", os.path.join(tempfile.gettempdir(), "ocop-test-pycache"))

import pytest

from ocop_desktop.persistence.database import Database, open_database
from ocop_desktop.services.reference import load_reference
from tests import databases
from tests.pg import pg_server, pg_url  # noqa: F401  (PostgreSQL fixtures, issue 18)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ocop.db"


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the marks
def pytest_collection_modifyitems(config, items):
    """Keep together on one parallel worker (pytest-xdist's --dist loadgroup) the tests that share
    something costly built once: the PyInstaller bundle (session fixture ``built``, minutes to
    build) and a module's module-scoped fixture (a database set up through the ``ocop`` command).
    Spread over two workers, each would build it again."""
    for item in items:
        fixtures = getattr(item, "_fixtureinfo", None)
        if fixtures is None:
            continue
        if "built" in fixtures.names_closure:
            # -m "not bundle" leaves them out (the Windows workflow builds the bundle itself).
            item.add_marker(pytest.mark.bundle)
            item.add_marker(pytest.mark.slow)
            item.add_marker(pytest.mark.xdist_group("bundle"))
        elif any(defs[-1].scope == "module" for defs in fixtures.name2fixturedefs.values() if defs):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))


@pytest.fixture(scope="session", autouse=True)
def _templates_in_the_run_folder(tmp_path_factory):
    """The template databases of tests/databases.py live in this run's temporary folder."""
    databases.folder = tmp_path_factory.mktemp("templates")


@pytest.fixture(scope="session")
def migrated_template() -> Path:
    """An empty database at the newest schema, built once: running every Alembic migration costs
    each test that opens a new file about a second on a busy machine, copying it milliseconds."""
    return databases.template(databases.MIGRATED)


@pytest.fixture(scope="session")
def reference_template() -> Path:
    """A database with the reference data loaded, built once: loading 14,000 places costs
    about two seconds, copying the file a few milliseconds."""
    return databases.template(databases.REFERENCE)


@pytest.fixture
def db(db_path: Path, request):
    # A test that asks for the reference data starts from the template that has it (make_uow's
    # load then finds the places file already recorded and only checks the small tables); any
    # other from the migrated empty one. Migrating a new file is tested in tests/persistence.
    databases.copy_template(db_path, databases.REFERENCE if "make_uow" in request.fixturenames else databases.MIGRATED)
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
