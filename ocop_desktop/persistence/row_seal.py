"""Which tables the audit chain vouches for, and the digest of a record's stored content.

Every audit entry about a covered record carries ``row_hash``: SHA-256 of the record's content
as SQLite stores it right after the change (None after a delete). `ocop check` recomputes each
live row's digest and compares it with the newest entry for that record, so an edit, an
insert or a delete made outside the program shows. The digest is computed from the raw values
a plain sqlite3 connection returns, by the same function when writing and when checking:

    sha256(json.dumps([column, …]) + json.dumps([value, …]))   (columns in name order,
                                                           ensure_ascii=False, separators=(",", ":"))

over every column except the version stamps (created_at, updated_at, version) and derived columns
(folded and sort copies, which follow from their source). A migration that adds a column to a
covered table must seal the table again (see migration 0010).

On a PostgreSQL server the driver returns typed values (dates, booleans, parsed JSON); they are
digested in the form SQLite stores them (``as_stored``), so a record has the same digest on both.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Connection, bindparam, text

from ocop_desktop.persistence.audit_chain import GENESIS, HEAD_KEY, entry_hash, head_value
from ocop_desktop.persistence.models import Base, utcnow

# Covered tables -> the column naming a record (its id, or app_meta's key).
COVERED: dict[str, str] = {
    "products": "id",
    "producers": "id",
    "survey_campaigns": "id",
    "unit_submissions": "id",
    "survey_entries": "id",
    "directives": "id",
    "tasks": "id",
    "task_progress": "id",
    "evaluations": "id",
    "evaluation_members": "id",
    "candidacies": "id",
    "dossier_items": "id",
    "activities": "id",
    "activity_producers": "id",
    "activity_products": "id",
    "logbook_materials": "id",
    "logbook_batches": "id",
    "logbook_batch_materials": "id",
    "logbook_sales": "id",
    "trusted_senders": "id",
    "users": "id",  # who may do what on a server: a role changed outside the program shows
    "app_meta": "key",
    "scorecards": "id",  # shipped cards are also compared with their files; an office's own only here
}
# app_meta rows the program keeps for itself (the chain's head, which reference file is loaded):
# not office settings, written outside the chain.
BOOKKEEPING_PREFIXES = (HEAD_KEY, "reference.")
_SKIP = {"created_at", "updated_at", "version"}  # version: the concurrent-save counter (migration 0017)


def is_bookkeeping(key: str) -> bool:
    return key.startswith(BOOKKEEPING_PREFIXES)


def covered(table: str, key: str | None = None) -> bool:
    return table in COVERED and not (table == "app_meta" and key is not None and is_bookkeeping(key))


@cache
def content_columns(table: str) -> tuple[str, ...]:
    """The columns a record's digest covers, in name order."""
    mapped = next((m.class_ for m in Base.registry.mappers if getattr(m.local_table, "name", None) == table), None)
    derived = set(getattr(mapped, "__folded__", {})) | set(getattr(mapped, "__sortkeys__", {}))
    return tuple(sorted(c.name for c in Base.metadata.tables[table].columns if c.name not in _SKIP | derived))


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode


@cache
def _start(columns: tuple[str, ...]) -> hashlib._Hash:
    return hashlib.sha256(_ENCODE(list(columns)).encode("utf-8"))


def row_digest(columns: Iterable[str], values: Iterable[Any]) -> str:
    digest = _start(tuple(columns)).copy()
    values = list(values)
    try:
        text = _ENCODE(values)
    except TypeError:  # a BLOB: its hex
        text = _ENCODE([v.hex() if isinstance(v, bytes) else v for v in values])
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()


def _select(table: str, where: str = "") -> str:
    key = COVERED[table]
    columns = content_columns(table)
    sql = f'SELECT "{key}", {", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)} FROM "{table}"'
    if table == "app_meta":
        sql += " WHERE " + " AND ".join(f"key NOT LIKE '{p}%'" for p in BOOKKEEPING_PREFIXES)
        if where:
            sql += f" AND {where}"
    elif where:
        sql += f" WHERE {where}"
    return sql


def iter_digests(conn: sqlite3.Connection, table: str) -> Iterator[tuple[str, str]]:
    """(record key, digest) of every live row of a covered table (a DBAPI sqlite3 connection)."""
    columns = content_columns(table)
    for row in conn.execute(_select(table)):
        yield str(row[0]), row_digest(columns, row[1:])


def as_stored(value: Any) -> Any:
    """A value a server's driver returns, in the form SQLite stores it (what SQLAlchemy writes
    there): times as text, booleans as 0/1, JSON as its text."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M:%S.%f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value)  # SQLAlchemy's own JSON serialiser on either engine
    return value


def digests_of(conn: Connection, table: str, keys: list[str]) -> dict[str, str]:
    """Digest of the named rows, read as stored (raw values, no type conversion) on ``conn``."""
    columns = content_columns(table)
    out: dict[str, str] = {}
    key = COVERED[table]
    stmt = text(_select(table, f'"{key}" IN :keys')).bindparams(bindparam("keys", expanding=True))
    typed = conn.dialect.name != "sqlite"
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        for row in conn.execute(stmt, {"keys": chunk}):
            values = [as_stored(v) for v in row[1:]] if typed else row[1:]
            out[str(row[0])] = row_digest(columns, values)
    return out


def seal_existing(conn: sqlite3.Connection, context: str, tables: Iterable[str] | None = None) -> int:
    """Append one "seal" entry per live covered record of ``tables`` (default: every covered table;
    and one, with no digest, per record the log says exists but which is gone), chained after the
    newest entry; returns how many. Used when the seal is first introduced (migration 0010), a table
    joins the covered ones (0011: scorecards) or a covered table's columns change."""
    wanted = tuple(tables) if tables is not None else tuple(COVERED)
    head = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (head[0], head[1] or "") if head else (0, GENESIS)
    at = utcnow()
    stamp = f"{at:%Y-%m-%d %H:%M:%S.%f}"
    alive: dict[tuple[str, str], bool] = {}
    log = conn.execute("SELECT entity, entity_id, action, row_hash FROM audit_log ORDER BY seq")
    for entity, entity_id, action, row_hash in log:
        if entity in wanted:
            # A record already sealed as gone (a seal without digest) is not sealed as gone again.
            gone = (action or "").endswith("delete") or (action == "seal" and not row_hash)
            alive[(entity, entity_id)] = not gone
    rows = []

    def seal(table: str, key: str, digest: str | None) -> None:
        nonlocal seq, prev
        seq += 1
        prev_hash, prev = prev, entry_hash(seq, at, "", "seal", table, key, {}, context, prev, digest)
        rows.append((seq, stamp, "", "seal", table, key, "{}", context, prev_hash, prev, digest))

    for table in wanted:
        for key, digest in iter_digests(conn, table):
            alive.pop((table, key), None)
            seal(table, key, digest)
    for (table, key), was_alive in alive.items():
        if was_alive and covered(table, key):
            seal(table, key, None)
    conn.executemany(
        "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, changes, context, prev_hash, "
        "hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    if rows:
        conn.execute(
            "INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (HEAD_KEY, head_value(seq, prev)),
        )
    return len(rows)
