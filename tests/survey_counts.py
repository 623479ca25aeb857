"""What a survey import left in a database file, read with plain sqlite3 beside the program."""

from __future__ import annotations

import sqlite3

from ocop_desktop.services.tamper import check_log


def _read_only(path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def counts(path) -> tuple[int, int]:
    """(survey rows, activity-log entries) in the file."""
    conn = _read_only(path)
    try:
        return (
            conn.execute("SELECT count(*) FROM survey_entries").fetchone()[0],
            conn.execute("SELECT count(*) FROM audit_log").fetchone()[0],
        )
    finally:
        conn.close()


def sound(path) -> bool:
    """Whether the file's hash-chained activity log is whole."""
    conn = _read_only(path)
    try:
        return check_log(conn).sound
    finally:
        conn.close()
