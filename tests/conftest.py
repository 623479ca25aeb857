"""Shared fixtures: a fresh database on disk (copied from a template migrated once per run), with
the reference data loaded; how the suite runs in parallel (pytest-xdist, see pyproject.toml)."""

from __future__ import annotations

import contextlib
import gc
import os
import tempfile
from collections.abc import Iterator
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
from tests.pg import drop_database, pg_server, pg_url  # noqa: F401  (PostgreSQL fixtures, issue 18)

ENGINE_ENV = "OCOP_TEST_ENGINE"
# What is about the SQLite file itself (copies, WAL, integrity, sqlite3 reads, killed processes,
# read-only media, the bundle, the window): left out of a run with --engine=postgresql.
SQLITE_ONLY_PATHS = (
    "tests/bundle/",
    "tests/gui/",
    "tests/safety/",
    "tests/services/test_backup.py",
    "tests/services/test_pipeline_tamper.py",
    "tests/services/test_product_first_page.py",  # the SQLite-only fast path of a keystroke's page
    "tests/persistence/test_migrations.py",
    "tests/persistence/test_list_index_migration.py",
    "tests/persistence/test_row_seal_migration.py",
)


# The tests that run on both engines (issue 18): the persistence, services (exchange included)
# and CLI tests that open the shared ``db`` fixture (or make_uow on it), less the SQLite-only ones.
BOTH_ENGINES_PATHS = ("tests/persistence/", "tests/services/", "tests/cli/")
ENGINES = ("sqlite", "postgresql")


def pytest_addoption(parser):
    parser.addoption(
        "--engine",
        choices=(*ENGINES, "both"),
        default=os.environ.get(ENGINE_ENV) or "both",
        help="the database the shared db/make_uow fixtures open: a SQLite file, a new database on a "
        "PostgreSQL server (tests/pg.py), or both (the default: the persistence, services and CLI "
        f"tests that open it run once on each, as test[sqlite] and test[postgresql]); also {ENGINE_ENV}",
    )


def on_server(config) -> bool:
    """Every test on the server (--engine=postgresql): those about the SQLite file are skipped."""
    return config.getoption("engine") == "postgresql"


def _sqlite_only(nodeid: str, marked: bool) -> bool:
    return marked or nodeid.startswith(SQLITE_ONLY_PATHS)


# The fixtures of this file that open a database on the --engine's engine.
SHARED_DB_FIXTURES = ("db", "module_db")


def _opens_shared_db(fixtureinfo) -> bool:
    """The test opens this file's ``db`` or ``module_db`` fixture (itself or through make_uow or
    module_make_uow), not a ``db`` of its module's own (a file set up through the ``ocop`` command)."""
    for name in SHARED_DB_FIXTURES:
        defs = fixtureinfo.name2fixturedefs.get(name) if fixtureinfo is not None else None
        if defs and (defs[-1].func.__module__, defs[-1].func.__name__) == (__name__, name):
            return True
    return False


def pytest_generate_tests(metafunc):
    """With --engine=both, a test of BOTH_ENGINES_PATHS that opens ``db`` runs on each engine."""
    if metafunc.config.getoption("engine") != "both" or not _opens_shared_db(metafunc.definition._fixtureinfo):
        return
    nodeid = metafunc.definition.nodeid
    if nodeid.startswith(BOTH_ENGINES_PATHS) and not _sqlite_only(
        nodeid, metafunc.definition.get_closest_marker("sqlite_only") is not None
    ):
        # Module scope: a module's tests run on one engine, then on the other, so a module_db is
        # made once per engine.
        metafunc.parametrize("engine", ENGINES, indirect=True, scope="module")


@pytest.fixture(scope="module")
def engine(request) -> str:
    """The engine this test's ``db`` is on: its parameter with --engine=both, else the option's."""
    chosen = request.config.getoption("engine")
    return getattr(request, "param", "sqlite" if chosen == "both" else chosen)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ocop.db"


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the marks
def pytest_collection_modifyitems(config, items):
    """Keep together on one parallel worker (pytest-xdist's --dist loadgroup) the tests that share
    something costly built once: the PyInstaller bundle (session fixture ``built``, minutes to
    build) and a module's module-scoped fixture (a database set up through the ``ocop`` command).
    Spread over two workers, each would build it again.

    With --engine=postgresql, the tests about the SQLite file (SQLITE_ONLY_PATHS, or marked
    sqlite_only) are skipped, and so are those that never open the ``db`` fixture (nor make_uow):
    nothing in them depends on --engine, the default run runs them exactly the same (those that
    ask for pg_server or pg_url themselves included). Run again, they were two fifths of the tests
    of a --engine=postgresql pass of tests/persistence, services and cli, checking nothing new."""
    server = on_server(config)
    for item in items:
        fixtures = getattr(item, "_fixtureinfo", None)
        if server:
            if _sqlite_only(item.nodeid, item.get_closest_marker("sqlite_only") is not None):
                item.add_marker(pytest.mark.skip(reason="about the SQLite file (--engine=postgresql)"))
                continue
            if fixtures is not None and not _opens_shared_db(fixtures):
                item.add_marker(pytest.mark.skip(reason="the same on either engine: the default run has it"))
                continue
        if fixtures is None:
            continue
        if "built" in fixtures.names_closure:
            # -m "not bundle" leaves them out (the Windows workflow builds the bundle itself).
            item.add_marker(pytest.mark.bundle)
            item.add_marker(pytest.mark.slow)
            item.add_marker(pytest.mark.xdist_group("bundle"))
        elif item.get_closest_marker("xdist_group") is None and any(
            defs[-1].scope == "module" for name, defs in fixtures.name2fixturedefs.items() if defs and name != "engine"
        ):  # a module that names its group (the server's "postgresql") keeps it; ``engine`` is a name
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
    # Longest first: a group or module holding a slow test (the PyInstaller build, the national
    # import, the killed processes …), then the other named groups (tests sharing a costly
    # fixture: the server's roles, the tampered copies), then the rest, so that no worker is left
    # with a minute of work at the end while the other waits. A group's tests stay together.
    slow = {_group_of(item) for item in items if item.get_closest_marker("slow")}
    named = {_group_of(item) for item in items if item.get_closest_marker("xdist_group")}
    items.sort(key=lambda item: 0 if _group_of(item) in slow else 1 if _group_of(item) in named else 2)


def _group_of(item) -> str:
    """What pytest-xdist's loadgroup hands out as one piece: the item's xdist_group, else its module."""
    mark = item.get_closest_marker("xdist_group")
    return str(mark.args[0]) if mark is not None and mark.args else item.nodeid.split("::")[0]


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


@contextlib.contextmanager
def _test_database(engine: str, kind: str, path: Path, request) -> Iterator[Database]:
    """A new database of the template ``kind``: the file ``path`` copied from it, or with the
    engine postgresql a new database on the test server made from it, dropped afterwards."""
    if engine == "postgresql":
        server = request.getfixturevalue("pg_server")
        url = databases.server_copy(server, kind)
        database = open_database(url)
        try:
            yield database
        finally:
            database.close()
            drop_database(server, url.rpartition("/")[2])
        return
    databases.copy_template(path, kind)
    database = open_database(path)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def db(db_path: Path, engine: str, request):
    # A test that asks for the reference data starts from the template that has it (make_uow's
    # load then finds the places file already recorded and only checks the small tables); any
    # other from the migrated empty one. Migrating a new file is tested in tests/persistence.
    kind = databases.REFERENCE if "make_uow" in request.fixturenames else databases.MIGRATED
    with _test_database(engine, kind, db_path, request) as database:
        yield database


@pytest.fixture(scope="module")
def module_db(engine: str, request, tmp_path_factory):
    """One database with the reference data for every test of a module that only reads what its
    module-scoped fixture wrote (a registry of thousands of products, written once per engine
    rather than once a test). A test that changes data uses ``db``."""
    path = tmp_path_factory.mktemp("module-db") / "ocop.db"
    with _test_database(engine, databases.REFERENCE, path, request) as database:
        yield database


@pytest.fixture(scope="module")
def module_make_uow(module_db: Database):
    return module_db.uow_factory(actor="Nguyễn Văn Kiểm")


@pytest.fixture
def db_location(db: Database, db_path: Path) -> str:
    """What `ocop --db` names for the test's database: its file, or with --engine=postgresql the
    server database the db fixture made (a test that writes through make_uow, then runs ocop)."""
    return db.url or str(db_path)


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


def pytest_collection_finish(session):
    """Python's cycle collector tuned for a test process, not the program's: after collection a
    worker holds every test module, Qt and SQLAlchemy (about 210,000 tracked objects), and the
    tests allocate in bursts (ORM rows, report cells, 14,000 places). Those objects frozen once
    collected, and the youngest generation scanned every 10,000 allocations rather than 700, the
    suite took 871 s of processor time instead of 933 (same machine, one run each); the same
    cycles are found, later. The program's own processes (`ocop` started as a user starts it)
    keep Python's defaults."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)
