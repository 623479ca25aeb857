"""A server connection answering what the file checks ask of a read-only sqlite3 connection."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from ocop_desktop.persistence.row_seal import as_stored


class ServerReader:
    """``execute(sql, params)`` with ``?`` parameters, each value in the form SQLite stores it
    (row_seal.as_stored): so the audit chain and health checks written for a file read a
    PostgreSQL database unchanged (services/health.py, services/server_backup.py)."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        result = self._connection.exec_driver_sql(sql.replace("%", "%%").replace("?", "%s"), tuple(params))
        return Rows([tuple(as_stored(v) for v in row) for row in result])


class Rows(list[tuple[Any, ...]]):
    """Rows read, with the two sqlite3 cursor methods the checks use."""

    def fetchone(self) -> tuple[Any, ...] | None:
        return self[0] if self else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return list(self)
