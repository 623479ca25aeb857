"""Database files for tests, copied from templates built once per test process.

Migrating a new file runs every Alembic step (about a second on a busy machine) and loading the
reference data (14,000 places) takes seconds more; copying a file that already has them takes
milliseconds. The fixtures in tests/conftest.py and helpers that prepare a database file outside
a fixture (an office for the ``ocop`` command) both start from here.
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
