"""Database files for tests, copied from templates built once per test process.

Migrating a new file runs every Alembic step (about a second on a busy machine) and loading the
reference data (14,000 places) takes seconds more; copying a file that already has them takes
milliseconds. The fixtures in tests/conftest.py and helpers that prepare a database file outside
a fixture (an office for the ``ocop`` command) both start from here; ``server_copy`` does the
same on a PostgreSQL server.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ocop_desktop.persistence.database import open_database
from ocop_desktop.services.reference import load_reference

MIGRATED = "migrated"  # an empty database at the newest schema
REFERENCE = "reference"  # the same with the reference data loaded (places, groups, rule sets)

# Where this process keeps its templates; tests/conftest.py points it into pytest's temporary
# folder of the run, so they are removed with it.
folder: Path | None = None
_built: dict[str, Path] = {}


def template(kind: str = REFERENCE) -> Path:
    """The template file of ``kind``, built the first time it is asked for."""
    global folder
    if kind not in _built:
        if folder is None:
            folder = Path(tempfile.mkdtemp(prefix="ocop-test-templates-"))
        path = folder / f"{kind}.db"
        if kind == MIGRATED:
            open_database(path).close()
        elif kind == REFERENCE:
            shutil.copyfile(template(MIGRATED), path)
            database = open_database(path)
            load_reference(database.uow_factory(actor="Nguyễn Văn Kiểm"))
            database.close()  # disposes the engine: the WAL is checkpointed into the file
        else:
            raise ValueError(kind)
        _built[kind] = path
    return _built[kind]


def copy_template(path: Path, kind: str = REFERENCE) -> Path:
    """``path`` made a copy of the template, unless a file is already there."""
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template(kind), path)
    return path


# The same on a PostgreSQL server (``--engine=postgresql``, tests/conftest.py): the template
# databases are made once per test process and each test gets CREATE DATABASE … TEMPLATE of one.
_server_built: dict[tuple[str, str], str] = {}


def server_template(server: str, kind: str = REFERENCE) -> str:
    """The name of the template database of ``kind`` on ``server``, built the first time."""
    from tests import pg  # noqa: PLC0415  (psycopg only where a server is used)

    if (server, kind) not in _server_built:
        name = pg.create_database(server, server_template(server, MIGRATED) if kind == REFERENCE else None)
        database = open_database(pg.database_url(server, name))
        if kind == REFERENCE:
            load_reference(database.uow_factory(actor="Nguyễn Văn Kiểm"))
        elif kind != MIGRATED:
            raise ValueError(kind)
        database.close()  # disposes the engine: a template may have no one connected
        _server_built[(server, kind)] = name
    return _server_built[(server, kind)]


def server_copy(server: str, kind: str = REFERENCE) -> str:
    """The URL of a new database on ``server`` made from the template of ``kind``."""
    from tests import pg  # noqa: PLC0415

    return pg.database_url(server, pg.create_database(server, server_template(server, kind)))
