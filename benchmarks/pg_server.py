"""The PostgreSQL side of benchmarks/run.py (issue 18): a throw-away cluster, and the national data
copied into a database on it.

The cluster is made as the tests make theirs (tests/pg_cluster.py: initdb in a temporary folder,
in memory where it can, as the `postgres` system user when run as root, on a free local port,
fsync off, stopped and removed at the end). OCOP_BENCH_PG (the URL of a
maintenance database on an existing server, as a user who may create databases) is used instead
when set. Nothing is cached between runs: the copy takes seconds, a cluster kept alive would not.

The database's schema is made by the program itself (`ocop --db postgresql://… init`: its
migrations), then every table of the cached SQLite file is copied into it in foreign-key order
(psycopg COPY, the values as SQLite holds them), then VACUUM ANALYZE: a settled office database.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from harness import OCOP, ROOT, log

sys.path.insert(0, str(ROOT))  # the cluster is made as the tests make theirs
from tests.pg_cluster import pg_bin, throwaway_cluster

PG_ENV = "OCOP_BENCH_PG"


def missing() -> str | None:
    """Why the PostgreSQL measures cannot run here, or None."""
    try:
        import psycopg  # noqa: F401, PLC0415
    except ImportError:
        return "psycopg is not installed (pip install '.[server]')"
    if not os.environ.get(PG_ENV) and pg_bin() is None:
        return f"PostgreSQL is not installed (apt-get install postgresql), and {PG_ENV} is not set"
    return None


@contextlib.contextmanager
def server() -> Iterator[str]:
    """The URL of a maintenance database, as a user who may create databases."""
    given = os.environ.get(PG_ENV)
    if given:
        yield given
        return
    with throwaway_cluster("ocop-bench-pg-") as url:
        yield url


def create_database(maintenance: str, name: str) -> str:
    """A new empty database's URL: ICU's English collation where the server has it (as the tests
    make theirs: an office server's locale is seldom "C"), else the server's default."""
    import psycopg  # noqa: PLC0415

    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        try:
            admin.execute(
                f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' "
                "LOCALE_PROVIDER icu ICU_LOCALE 'en-US'"
            )
        except psycopg.Error:  # before PostgreSQL 15, or built without ICU
            admin.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    return f"{maintenance.rpartition('/')[0]}/{name}"


def drop_database(maintenance: str, url: str) -> None:
    import psycopg  # noqa: PLC0415

    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{url.rpartition("/")[2]}" WITH (FORCE)')


def tables_in_fk_order(source: sqlite3.Connection) -> list[str]:
    """The file's tables, each after the tables its foreign keys name (read from the file itself:
    nothing of the program is imported here)."""
    names = [r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    needs = {t: {r[2] for r in source.execute(f"PRAGMA foreign_key_list({t})")} - {t} for t in names}
    ordered: list[str] = []
    while needs:
        ready = sorted(t for t, n in needs.items() if not n - set(ordered))
        if not ready:  # a cycle: the rest in name order (COPY checks each table's keys at its end)
            ready = sorted(needs)
        ordered += ready
        for t in ready:
            del needs[t]
    return ordered


def load(sqlite_db: Path, url: str, env: dict) -> dict[str, int]:
    """The program's schema on ``url`` (its own migrations) holding every row of ``sqlite_db``;
    returns the rows copied per table."""
    import psycopg  # noqa: PLC0415

    start = time.perf_counter()
    init = subprocess.run([*OCOP, "--db", url, "init"], capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    if init.returncode != 0:
        raise RuntimeError(f"ocop init on the server failed: {(init.stderr or init.stdout).strip()[-400:]}")
    log(f"PG: `ocop init` (migrations, reference data) in {time.perf_counter() - start:.1f} s; copying the data")
    start = time.perf_counter()
    source = sqlite3.connect(f"file:{sqlite_db}?mode=ro", uri=True)
    tables = tables_in_fk_order(source)
    copied: dict[str, int] = {}
    with psycopg.connect(url) as conn:
        server_tables = {
            r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
        }
        ours = [t for t in tables if t in server_tables and t != "alembic_version"]
        # What `ocop init` loaded (reference data) is replaced by the file's rows, ids and all.
        conn.execute(f"TRUNCATE {', '.join(ours)} RESTART IDENTITY CASCADE")
        for table in ours:
            pg_cols = {
                r[0]
                for r in conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                    "AND table_name = %s",
                    (table,),
                )
            }
            cols = [r[1] for r in source.execute(f"PRAGMA table_info({table})") if r[1] in pg_cols]
            if not cols:
                continue
            names = ", ".join(f'"{c}"' for c in cols)
            n = 0
            with conn.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in source.execute(f"SELECT {names} FROM {table}"):
                    copy.write_row(row)
                    n += 1
            copied[table] = n
        # A serial key goes on from the copied rows (the audit log's sequence number).
        for table, column in conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND (column_default LIKE 'nextval(%%' OR is_identity = 'YES')"
        ).fetchall():
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                f'COALESCE((SELECT max("{column}") FROM {table}), 0) + 1, false)'
            )
    source.close()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    log(
        f"PG: {sum(copied.values()):,} rows copied in {len(copied)} tables "
        f"({copied.get('products', 0):,} products, {copied.get('survey_entries', 0):,} survey rows), "
        f"VACUUM ANALYZE done, in {time.perf_counter() - start:.1f} s"
    )
    return copied
