"""A PostgreSQL server for the tests that need one (issue 18).

``OCOP_TEST_PG`` (a URL of a database the tests may connect to as a user who may create
databases, e.g. postgresql://ocop@db.example:5432/postgres) is used if set; otherwise a
throw-away cluster is made once per test session (tests/pg_cluster.py: in memory where it can,
on a free local port, removed at the end). Without PostgreSQL's programs the tests that need it
are skipped, saying what to install.

Each test gets a new, empty database (``pg_url``).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg_cluster import pg_bin, throwaway_cluster

PG_ENV = "OCOP_TEST_PG"
INSTALL_HINT = "PostgreSQL is not installed (apt-get install postgresql), and OCOP_TEST_PG is not set"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of the cluster's maintenance database, as a user who may create databases."""
    given = os.environ.get(PG_ENV)
    if given:
        yield given
        return
    if pg_bin() is None:
        pytest.skip(INSTALL_HINT)
    with throwaway_cluster("ocop-pg-") as url:
        yield url


def _admin(server: str):  # -> psycopg.Connection
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install '.[server]')")
    return psycopg.connect(server.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


def database_url(server: str, name: str) -> str:
    """The URL of database ``name`` on the server whose maintenance database ``server`` names."""
    base, _, _ = server.rpartition("/")
    return f"{base}/{name}"


def create_database(server: str, template: str | None = None) -> str:
    """A new database's name: empty (ICU English collation where the server can, else plain
    UTF-8), or a copy of the database ``template``, which nobody may be connected to."""
    name = f"ocop_test_{uuid.uuid4().hex[:12]}"
    with _admin(server) as admin:
        if template:
            import psycopg  # noqa: PLC0415  (imported by _admin)

            # FILE_COPY copies the template's files (after a checkpoint, cheap with fsync off): on the
            # throw-away cluster a quarter faster than WAL_LOG, PostgreSQL 15's default, which writes
            # every page of the copy to the WAL too. Before PostgreSQL 15 the file copy is the only way.
            try:
                admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
            except psycopg.errors.SyntaxError:
                admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            return name
        try:
            admin.execute(
                f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' "
                "LOCALE_PROVIDER icu ICU_LOCALE 'en-US'"
            )
        except Exception:  # a server before PostgreSQL 15, or built without ICU (OCOP_TEST_PG)
            admin.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    return name


def drop_database(server: str, name: str) -> None:
    with _admin(server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A new empty database on the test server, dropped after the test. Its collation is
    ICU's English one, not "C": sorting must not depend on the server's locale."""
    name = create_database(pg_server)
    try:
        yield database_url(pg_server, name)
    finally:
        drop_database(pg_server, name)


# A login that must give a password (issue 18: the password prompt and dialog). The throw-away
# cluster trusts every local login; this one role gets a password and a «host … scram-sha-256»
# line of pg_hba.conf ahead of the others, so no other test notices it.
PASSWORD_USER, PASSWORD = "ocop_matkhau", "Mật-khẩu-Điện-Biên-1"
_PASSWORD_RULE = f"host all {PASSWORD_USER} 127.0.0.1/32 scram-sha-256\n"


def _asks_a_password(url: str) -> bool:
    import psycopg  # noqa: PLC0415

    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError as exc:
        return "no password supplied" in str(exc)
    return False


def as_password_user(server: str, url: str) -> str:
    """``url`` (a database of the test server) reached as PASSWORD_USER, whom the server asks for a
    password; skipped on a server given by OCOP_TEST_PG, whose pg_hba.conf is not the tests'."""
    import time  # noqa: PLC0415

    if os.environ.get(PG_ENV):
        pytest.skip("needs the throw-away cluster's pg_hba.conf (OCOP_TEST_PG is set)")
    with _admin(server) as admin:
        hba = Path(admin.execute("SHOW hba_file").fetchone()[0])
        if not admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (PASSWORD_USER,)).fetchone():
            admin.execute(f"CREATE ROLE {PASSWORD_USER} LOGIN SUPERUSER PASSWORD '{PASSWORD}'")
        rules = hba.read_text()
        if _PASSWORD_RULE not in rules:
            with hba.open("w") as out:  # written in place: the file stays the server's
                out.write(_PASSWORD_RULE + rules)
            admin.execute("SELECT pg_reload_conf()")
    mine = url.replace("//ocop@", f"//{PASSWORD_USER}@")
    deadline = time.monotonic() + 5
    while not _asks_a_password(mine):  # the reload is signalled, not waited for
        assert time.monotonic() < deadline, "pg_hba.conf not reloaded"
        time.sleep(0.05)
    return mine
