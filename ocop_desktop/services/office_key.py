"""The signing key of the office a database serves: the file beside the database."""

from __future__ import annotations

from pathlib import Path

from ocop_desktop.exports.signing import OfficeKey, key_file_for, load_key, load_or_create_key
from ocop_desktop.persistence.uow import UowFactory


def database_file(make_uow: UowFactory) -> Path | None:
    """The database file, beside which the office's key and anchors are kept; None in memory,
    and on a server (issue 18), whose database name is no file: the key and the anchors would
    land in whatever folder `ocop` was started from. Where a server keeps them is still open."""
    with make_uow() as uow:
        bind = uow.session.get_bind()
        name = bind.engine.url.database
        on_file = bind.engine.dialect.name == "sqlite"
    return Path(name) if on_file and name and name != ":memory:" else None


def office_key(make_uow: UowFactory) -> OfficeKey | None:
    """The office's key, made the first time it is needed (None for a database in memory)."""
    path = database_file(make_uow)
    return load_or_create_key(key_file_for(path)) if path is not None else None


def existing_office_key(make_uow: UowFactory) -> OfficeKey | None:
    """The office's key if one was made already (read-only callers: nothing is written)."""
    path = database_file(make_uow)
    return load_key(key_file_for(path)) if path is not None else None
