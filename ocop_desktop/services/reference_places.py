"""Load the national list of administrative units (resources/reference/places.json) in bulk."""

from __future__ import annotations

import functools
import hashlib
import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from ocop_desktop.domain.text import fold, vn_sort_string
from ocop_desktop.paths import resources_dir
from ocop_desktop.persistence.models import AppMeta, Base, Place, PlaceLink, stable_id, utcnow

if TYPE_CHECKING:  # reference.py imports this module
    from ocop_desktop.services.reference import LoadReport

PLACES_FILE = "reference/places.json"
# What the database recorded of the last places file it loaded: a start-up whose file has the
# same digest skips 14,000 rows instead of comparing them again.
META_KEY = "reference.places.sha256"
# Bumped when the loader itself changes what it writes, so every database reloads once.
LOADER_VERSION = b"places-loader-2"
# Insert order by era: units valid throughout, then the 2025 units, then the older ones, so a
# parent or a successor is always written before the units that point at it.
ERA_ORDER = {"": 0, "2025": 1, "2024": 2}
_COLUMNS = (
    "key",
    "code",
    "name",
    "kind",
    "parent_id",
    "valid_from",
    "valid_to",
    "successor_id",
    "successor_confirmed",
    "note",
)


def place_id(key: str) -> str:
    return stable_id("place", key)


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def places_digest() -> str:
    raw = (resources_dir() / PLACES_FILE).read_bytes()
    return hashlib.sha256(LOADER_VERSION + raw).hexdigest()


def read_places() -> tuple[list[dict[str, Any]], dict[tuple[str, str], bool]]:
    """The units as Place column values (in insert order) and the links {(old id, new id): main}."""
    return _read_places(places_digest())


@functools.lru_cache(maxsize=1)
def _read_places(digest: str) -> tuple[list[dict[str, Any]], dict[tuple[str, str], bool]]:
    # Cached by the file's digest: a process that creates several databases (the sample in
    # its own file, tests) computes the 14,000 rows and their sort keys once.
    data = json.loads((resources_dir() / PLACES_FILE).read_text(encoding="utf-8"))
    keys: dict[str, str] = data["keys"]

    def key_of(era: str, code: str) -> str:
        return keys.get(f"{era}:{code}") or (f"{code}@{era}" if era else code)

    by_era: dict[str, dict[str, str]] = {era: {} for era in ERA_ORDER}
    for era, code, *_ in data["units"]:
        by_era[era][code] = place_id(key_of(era, code))

    def find(era: str, code: str) -> str:
        # A unit's parent is of its own era or one valid throughout (a province not merged).
        return by_era[era].get(code) or by_era[""][code]

    links: dict[tuple[str, str], bool] = {}
    main_of: dict[str, str] = {}
    for old, new, main in data["links"]:
        pair = (by_era["2024"][old], by_era["2025"][new])
        links[pair] = bool(main)
        if main:
            main_of[pair[0]] = pair[1]
    rows = []
    for era, code, name, kind, parent in sorted(data["units"], key=lambda u: ERA_ORDER[u[0]]):
        valid_from, valid_to = data["periods"][era]
        pid = by_era[era][code]
        rows.append(
            {
                "id": pid,
                "key": key_of(era, code),
                "code": code,
                "name": name,
                "kind": kind,
                "parent_id": find(era, parent) if parent else None,
                "valid_from": _date(valid_from),
                "valid_to": _date(valid_to),
                "successor_id": main_of.get(pid),
                "successor_confirmed": True,
                "note": "",
                "name_folded": fold(name),
                "name_sort": vn_sort_string(name),
            }
        )
    return rows, links


def load_places(session: Session, report: LoadReport) -> None:
    """Insert or update every unit and link; nothing is read or written when the file is the
    one already loaded. Bulk statements skip the flush hooks, so the folded and sort columns
    are filled here."""
    digest = places_digest()
    recorded = session.get(AppMeta, META_KEY)
    if recorded is not None and recorded.value == digest:
        return
    rows, links = read_places()
    existing = {r[0]: tuple(r[1:]) for r in session.execute(select(Place.id, *(getattr(Place, c) for c in _COLUMNS)))}
    now = utcnow()
    to_insert, to_update = [], []
    for row in rows:
        if row["id"] not in existing:
            to_insert.append({**row, "created_at": now, "updated_at": now})
        elif existing[row["id"]] != tuple(row[c] for c in _COLUMNS):
            to_update.append({**row, "updated_at": now})
    # One executemany on the driver: SQLAlchemy's per-row processing of 14,000 rows costs
    # more than SQLite's insert. The insert order (see ERA_ORDER) writes a successor or a
    # parent before its followers, so the foreign keys hold row by row.
    if to_insert:
        _insert_many(session, "places", to_insert)
    table = Place.__table__
    for row in to_update:
        session.connection().execute(table.update().where(table.c.id == row["id"]), row)
    _count(report, "places", len(to_insert), len(to_update))
    _load_links(session, report, links)
    if recorded is None:
        session.add(AppMeta(key=META_KEY, value=digest))
    else:
        recorded.value = digest
    session.flush()


def _load_links(session: Session, report: LoadReport, links: dict[tuple[str, str], bool]) -> None:
    """Make place_links hold exactly the file's links (they are reference data, not records)."""
    split: dict[str, int] = {}
    for old, _new in links:
        split[old] = split.get(old, 0) + 1
    wanted = {pair: (main, _note(main, split[pair[0]])) for pair, main in links.items()}
    have = {
        (p, s): (m, n)
        for p, s, m, n in session.execute(
            select(PlaceLink.predecessor_id, PlaceLink.successor_id, PlaceLink.main, PlaceLink.note)
        )
    }
    gone = [pair for pair in have if pair not in wanted]
    for pred, succ in gone:
        session.execute(delete(PlaceLink).where(PlaceLink.predecessor_id == pred, PlaceLink.successor_id == succ))
    new = [pair for pair in wanted if pair not in have]
    changed = [pair for pair in wanted if pair in have and have[pair] != wanted[pair]]
    if new:
        _insert_many(
            session,
            "place_links",
            [
                {"predecessor_id": p, "successor_id": s, "main": wanted[(p, s)][0], "note": wanted[(p, s)][1]}
                for p, s in new
            ],
        )
    if changed:
        session.execute(
            update(PlaceLink),
            [
                {"predecessor_id": p, "successor_id": s, "main": wanted[(p, s)][0], "note": wanted[(p, s)][1]}
                for p, s in changed
            ],
        )
    _count(report, "place_links", len(new), len(changed) + len(gone))


def _sql_value(value: Any) -> Any:
    """The text SQLAlchemy's SQLite dialect stores for a date, a timestamp or a flag."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _insert_many(session: Session, table: str, rows: list[dict[str, Any]]) -> None:
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        # A server (issue 18): SQLAlchemy's executemany with bound parameters, in batches of
        # many rows a statement. SQLite keeps the plain driver call below: 14,000 places in ~2 s.
        connection.execute(insert(Base.metadata.tables[table]), rows)
        return
    columns = list(rows[0])
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    params = [tuple(_sql_value(row[c]) for c in columns) for row in rows]
    connection.exec_driver_sql(sql, params)


def _note(main: bool, parts: int) -> str:
    if parts == 1:
        return ""
    return f"Chia cho {parts} đơn vị mới; " + ("đơn vị chính" if main else "một phần")


def _count(report: LoadReport, table: str, added: int, updated: int) -> None:
    if added:
        report.added[table] = report.added.get(table, 0) + added
    if updated:
        report.updated[table] = report.updated.get(table, 0) + updated
