"""What a survey import left in a database, read beside the program: a file with plain sqlite3,
a server database (an open Database, --engine=postgresql) through its engine."""

from __future__ import annotations

import sqlite3

from ocop_desktop.services.tamper import check_log


def _read_only(path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def counts(path) -> tuple[int, int]:
    """(survey rows, activity-log entries) in the file, or in an open server database."""
    if getattr(path, "on_server", False):
        with path.engine.connect() as server:
            return (
                server.exec_driver_sql("SELECT count(*) FROM survey_entries").scalar(),
                server.exec_driver_sql("SELECT count(*) FROM audit_log").scalar(),
            )
    if hasattr(path, "engine"):
        path = path.path
    conn = _read_only(path)
    try:
        return (
            conn.execute("SELECT count(*) FROM survey_entries").fetchone()[0],
            conn.execute("SELECT count(*) FROM audit_log").fetchone()[0],
        )
    finally:
        conn.close()


def sound(path) -> bool:
    """Whether the hash-chained activity log is whole (of a file, or an open server database)."""
    if getattr(path, "on_server", False):
        from tests.cli.test_concurrent_edit import chain_breaks  # noqa: PLC0415

        return chain_breaks(path.url) == []
    if hasattr(path, "engine"):
        path = path.path
    conn = _read_only(path)
    try:
        return check_log(conn).sound
    finally:
        conn.close()
