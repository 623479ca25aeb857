"""Values read from the file kept on a connection until anything is written to the file.

A search keystroke reads the same names and flags again and again while nothing changes; each
driver connection keeps them (in its pool record's ``info``, which lives as long as the driver
connection, used by one thread at a time) beside the version of the file they were read at: the
count of changes this connection made, and SQLite's data_version, which moves when any other
connection — another window, the ``ocop`` command — commits.

On a server (issue 18) the version is the audit chain's head, which every change the program
makes moves (persistence/audit_chain: one entry per change, the head in app_meta), read in one
indexed statement: a registry keystroke then no longer asks the logbook flags of 200 products
again (~10 ms of a server keystroke). A change made outside the program, by hand in SQL, is not
seen until the program's next change; only display flags are kept this way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Connection, text

from ocop_desktop.persistence.audit_chain import HEAD_KEY

T = TypeVar("T")


_HEAD = text("SELECT value FROM app_meta WHERE key = :key")


def file_version(connection: Connection) -> tuple[object, object] | None:
    """(data_version, this connection's count of changes) on SQLite; on a server ("audit", the
    audit chain's head); None elsewhere."""
    if connection.dialect.name == "postgresql":
        return "audit", connection.scalar(_HEAD, {"key": HEAD_KEY})
    if connection.dialect.name != "sqlite":
        return None
    driver = connection.connection.driver_connection  # the driver's own: no statement bookkeeping
    return int(driver.execute("PRAGMA data_version").fetchone()[0]), int(driver.total_changes)  # type: ignore[union-attr]


def kept(connection: Connection, key: Any, read: Callable[[], T], version: tuple[object, object] | None = None) -> T:
    """``read()``, or what it gave before on this connection under ``key`` if the file has not
    changed since. Inside a transaction: data_version is a header value, read as the statements
    that follow read (the pragma begins the transaction's read if nothing has yet), so it is the
    version of everything the transaction reads; ``version``: file_version read already in it."""
    version = version if version is not None else file_version(connection)
    if version is None:
        return read()
    store = connection.info.setdefault(kept, {})
    held = store.get(key)
    if held is not None and held[0] == version:
        return held[1]  # type: ignore[no-any-return]
    value = read()
    store[key] = (version, value)
    return value
