"""The engine: a SQLite file with the pragmas that keep the data safe (WAL, foreign keys, full
sync), or a PostgreSQL server named by a URL (issue 18: a provincial office's shared database).

``--db`` / ``OCOP_DB`` takes either. A server URL is ``postgresql://user@host:port/dbname``; its
password is never written anywhere by the program: libpq reads it from the standard password
file (~/.pgpass, %APPDATA%\\postgresql\\pgpass.conf on Windows, or PGPASSFILE) by itself.
What only makes sense for a file (integrity check, file backups, read-only folders, pragmas) is
skipped for a server; the callers ask ``is_server_url``.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

# Kept in paths.py, which the window reads before SQLAlchemy loads; named here too (re-exported).
from ocop_desktop.paths import SERVER_SCHEMES as SERVER_SCHEMES
from ocop_desktop.paths import is_server_url as is_server_url
from ocop_desktop.persistence.snapshot import read_only_uri

BUSY_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_S = 10


def server_url(location: str) -> URL:
    """The SQLAlchemy URL of a server location, on psycopg 3 (``postgresql+psycopg``)."""
    url = make_url("postgresql://" + location.split("://", 1)[1])
    return url.set(drivername="postgresql+psycopg")


def shown_url(location: str) -> str:
    """The location as it may be shown or logged: a password written into the URL is hidden."""
    return server_url(location).render_as_string(hide_password=True).replace("postgresql+psycopg://", "postgresql://")


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy, not the driver, decide where transactions begin (see _on_begin);
    # pysqlite's own guesswork would also stop the foreign_keys pragma from taking effect.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _on_connect_read_only(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA query_only=ON")  # a second lock besides mode=ro: no statement may write
    cursor.close()


def make_engine(path: Path | str, read_only: bool = False, password: str | None = None) -> Engine:
    """An engine on the database file ``path`` (":memory:" is refused: WAL needs a file), or on
    the PostgreSQL database a server URL names (``is_server_url``).

    read_only=True opens an existing file so that nothing can be written to it, not even a
    migration or a checkpoint: what the application does with a damaged file. On a server it
    opens read-only transactions; ``password`` (a server's, typed by the user) goes to the
    connection only, never into the URL, a setting or a log."""
    if is_server_url(path):
        return _server_engine(str(path), read_only, password)
    path = Path(path)
    if read_only:
        uri = read_only_uri(path)
        engine = create_engine(
            "sqlite+pysqlite://",
            future=True,
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
        )
        event.listen(engine, "connect", _on_connect_read_only)
    else:
        engine = create_engine(f"sqlite+pysqlite:///{path}", future=True)
        event.listen(engine, "connect", _on_connect)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def _server_engine(location: str, read_only: bool, password: str | None = None) -> Engine:
    # pool_pre_ping: an office network drops idle connections; a window left open overnight
    # reconnects instead of failing its first query of the morning.
    # connect_timeout: a server behind a firewall that drops packets is said to be unreachable
    # in seconds, not after the minutes of TCP's own retries (the window opens it on its UI thread).
    options: dict[str, Any] = {"application_name": "OCOP Desktop", "connect_timeout": CONNECT_TIMEOUT_S}
    if read_only:
        options["options"] = "-c default_transaction_read_only=on"
    if password is not None:
        options["password"] = password
    return create_engine(server_url(location), future=True, pool_pre_ping=True, connect_args=options)


# What libpq says when the server wants a password it was not given, or a wrong one.
_PASSWORD_REFUSALS = ("no password supplied", "password authentication failed")


def password_refused(exc: BaseException) -> bool:
    """Whether opening a server failed for want of its password (none in the password file, or a
    wrong one): the user may be asked for it."""
    seen: set[int] = set()
    item: BaseException | None = exc
    while item is not None and id(item) not in seen:
        seen.add(id(item))
        if any(words in str(item).lower() for words in _PASSWORD_REFUSALS):
            return True
        item = getattr(item, "orig", None) or item.__cause__ or item.__context__
    return False


def password_file() -> str:
    """Where libpq reads passwords on this computer: PGPASSFILE, else the standard file."""
    if os.environ.get("PGPASSFILE"):
        return os.environ["PGPASSFILE"]
    if os.name == "nt":
        return os.path.join(os.environ.get("APPDATA", "%APPDATA%"), "postgresql", "pgpass.conf")
    return str(Path.home() / ".pgpass")
