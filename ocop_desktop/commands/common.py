"""What every `ocop` subcommand shares: opening the database, printing rows, refusing input."""

from __future__ import annotations

import sys
from typing import Callable, Sequence

from ocop_desktop.exports.tabular import write_csv, write_json
from ocop_desktop.instance_lock import ensure_no_gui
from ocop_desktop.paths import default_db_path
from ocop_desktop.persistence.database import Database, open_database
from ocop_desktop.services.settings import current_actor


class Refused(Exception):
    """Input or data refused: printed on stderr in Vietnamese, exit status 1."""


def open_db(args, write: bool = True) -> tuple[Database, Callable]:
    """The database named by --db / OCOP_DB / the user folder, migrated, with a unit-of-work
    factory that writes the office's user (or the system login) into the audit log.

    A command that may write (``write=True``) is refused while the desktop program holds the
    database, so the two never edit the same file at once; read-only commands still run."""
    path = default_db_path(args.db)
    if write:
        ensure_no_gui(path)
    db = open_database(path)
    actor = current_actor(db.uow_factory())
    return db, db.uow_factory(actor=actor)


def emit_rows(rows: list[dict], fmt: str, columns: Sequence[str]) -> None:
    if fmt == "json":
        write_json(rows, sys.stdout)
    else:
        write_csv(rows, sys.stdout, columns)
