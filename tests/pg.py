"""A PostgreSQL server for the tests that need one (issue 18).

``OCOP_TEST_PG`` (a URL of a database the tests may connect to as a user who may create
databases, e.g. postgresql://ocop@db.example:5432/postgres) is used if set; otherwise a
throw-away cluster is made once per test session: initdb in a temporary folder, started on a
free local port with its socket in that folder, stopped and removed at the end. initdb refuses
to run as root, so as root the cluster belongs to the `postgres` system user. Without
PostgreSQL's programs the tests that need it are skipped, saying what to install.

Each test gets a new, empty database (``pg_url``).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_ENV = "OCOP_TEST_PG"
INSTALL_HINT = "PostgreSQL is not installed (apt-get install postgresql), and OCOP_TEST_PG is not set"


def pg_bin() -> Path | None:
    """The newest installed PostgreSQL's program folder (Debian's layout), or one on PATH."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    for folder in reversed(found):
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def _memory_folder() -> str | None:
    """/dev/shm where it is a memory file system with room to spare, else None (the temporary folder).

    Each test's CREATE DATABASE and DROP DATABASE make and delete some 500 files (a file per table,
    index and fork, catalogs included); on a disk's file system (ext4) that bookkeeping costs three
    times the copying itself: 0.3 s a test against 0.1 s in memory (issue 18). The cluster takes
    some 100 MB there, removed at the end of the session."""
    shm = Path("/dev/shm")
    try:
        if shm.is_dir() and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free >= 2 * 1024**3:
            return str(shm)
    except OSError:
        pass
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(args: list[str], as_user: list[str]) -> None:
    done = subprocess.run([*as_user, *args], capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): {done.stdout}{done.stderr}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of the cluster's maintenance database, as a user who may create databases."""
    given = os.environ.get(PG_ENV)
    if given:
        yield given
        return
    folder = pg_bin()
    if folder is None:
        pytest.skip(INSTALL_HINT)
    root = Path(tempfile.mkdtemp(prefix="ocop-pg-", dir=_memory_folder()))
    as_user: list[str] = []
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(root, "postgres", "postgres")
    data, port = root / "data", _free_port()
    _run([str(folder / "initdb"), "-D", str(data), "-U", "ocop", "-A", "trust", "-E", "UTF8",
          "--locale=C.UTF-8", "--no-sync", "--no-instructions"], as_user)  # fmt: skip
    # fsync off and no WAL archiving: a throw-away cluster, as fast as it can be. Its WAL is kept
    # small (it may be in memory): the checkpoints of CREATE DATABASE … FILE_COPY recycle it anyway.
    options = (f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
               " -c max_wal_size=256MB -c min_wal_size=32MB")  # fmt: skip
    _run([str(folder / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-o", options, "-w", "start"], as_user)
    try:
        yield f"postgresql://ocop@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(folder / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


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
