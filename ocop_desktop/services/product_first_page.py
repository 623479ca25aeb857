"""The registry's first page for a search keystroke, read through the driver's own cursor.

What a keystroke asks (a search, perhaps nothing, in name order, the archive state its only other
filter) is the one read a user waits on as they type. It reads the rows product_query's statement
reads, along the same name index, from a statement written once as text and run on the unit of
work's own connection, inside its transaction: no expression is built, no statement compiled or
cached, no result row wrapped, on each keystroke (tests/services/test_product_first_page.py
compares the two). Names are not joined to
every row (each join costs about a quarter of the bare query): the group's come from the two small
reference tables read whole, the producer's and the commune's from names kept on the connection —
read by id for the rows that need them, all forgotten as soon as anything is written to the file
(persistence/file_version). Rows come back as read, with the function that puts one in
row_select()'s shape, for product_query.to_rows (which shapes each only when it is shown).

Only on SQLite; elsewhere None and the caller builds the statement as for every other list.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ocop_desktop.persistence.file_version import file_version, kept

# The columns of product_query.row_select(), the group's name and code read from the maps below.
_SELECT = (
    "SELECT products.id, products.name, products.producer_id, products.commune_id, products.group_id,"
    " products.product_set_id, products.stars, products.status, products.certificate_no,"
    " products.certified_on, products.expires_on, products.archived_at"
    " FROM products"
)
_BY_NAME = "products.name_folded LIKE ? ESCAPE '\\'"
# Many producers found (more than product_query lists by id): each product whose own name does not
# match asks for its producer, by id, as the walk reaches it. The IN (SELECT …) the general query
# uses builds the list of every such producer first: 4–9 ms when a letter names thousands, where
# the walk stops after a page at about 1 ms. (Not for counting: there it would ask of every product.)
_BY_PRODUCERS = (
    "EXISTS (SELECT 1 FROM producers WHERE producers.id = products.producer_id"
    " AND producers.name_folded LIKE ? ESCAPE '\\')"
)
_ORDER = " ORDER BY products.name_sort, products.id LIMIT ?"
_GROUPS = "SELECT id, name, code FROM product_groups"
_FOLDED_PRODUCERS = "SELECT id, name_folded, name FROM producers"
_SETS = "SELECT id, group_id FROM product_sets"
_NAMES_OF = {"places": "SELECT id, name FROM places WHERE id IN "}


def _group_maps(cursor: sqlite3.Cursor) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """(group id → (name, code), product set id → group id): two small reference tables."""
    groups = {gid: (name, code) for gid, name, code in cursor.execute(_GROUPS)}
    return groups, dict(cursor.execute(_SETS).fetchall())


@dataclass
class _Names:
    """Place names by id, read as rows need them (persistence/file_version keeps them on the
    connection until the file changes); the producers' come with _ProducerText."""

    places: dict[str, str | None] = field(default_factory=dict)


def _look_up(cursor: sqlite3.Cursor, table: str, names: dict[str, str | None], ids: set[str]) -> None:
    """Add the names of ``ids`` (None for an id the table lacks, as a LEFT JOIN reads it)."""
    missing = [i for i in ids if i not in names]
    if missing:
        names.update(dict.fromkeys(missing))
        names.update(cursor.execute(f"{_NAMES_OF[table]}({', '.join('?' * len(missing))})", missing).fetchall())


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class _ProducerText:
    """Every producer's folded name (ASCII letters lower-cased) in one text, one name a line, with
    where each starts: a search scans it once at C speed instead of testing each name in Python.
    Their names as shown, by id, read in the same pass: a page names its producers without asking
    for them (a query of up to 200 ids on each keystroke that finds new products)."""

    ids: list[str]
    starts: list[int]
    text: str
    names: dict[str, str | None]

    @classmethod
    def read(cls, driver: sqlite3.Connection) -> _ProducerText:
        ids, starts, lines, names, at = [], [], [], {}, 0
        for pid, folded, name in driver.execute(_FOLDED_PRODUCERS):
            line = (folded or "").translate(_ASCII_LOWER).replace("\n", " ")  # one line each
            ids.append(pid)
            starts.append(at)
            lines.append(line)
            names[pid] = name
            at += len(line) + 1
        return cls(ids, starts, "\n".join(lines), names)


def _producers_found(every: _ProducerText, folded: str, most: int) -> list[str]:
    """The ids of the producers whose folded name holds ``folded``: what ``name_folded LIKE
    '%folded%'`` finds (its wildcards escaped; SQLite's LIKE ignores the case of ASCII letters
    only), found in the producers' names kept on the connection; asking SQLite costs a LIKE over
    every producer's name on each keystroke (~1–2 ms, most of a bare query). Stops at ``most`` + 1:
    more than ``most`` are not listed by id anyway."""
    needle = folded.translate(_ASCII_LOWER)
    if "\n" in needle:
        return []  # no name holds a line break: each is one line of the text
    text, starts = every.text, every.starts
    found: list[str] = []
    at = text.find(needle)
    while at != -1 and len(found) <= most:
        line = bisect_right(starts, at) - 1
        found.append(every.ids[line])
        following = line + 1
        if following == len(starts):
            break
        at = text.find(needle, starts[following])  # the next name: one id per producer
    return found


def first_rows(
    session: Session,
    folded: str,
    pattern: str | None,
    listed: int,
    archive_sql: str,
    limit: int,
) -> tuple[list[tuple[Any, ...]], Callable[[tuple[Any, ...]], tuple[Any, ...]]] | None:
    """The first ``limit`` products in name order whose folded name is LIKE ``pattern`` (the LIKE
    pattern of ``folded``; None: every product) or whose producer's is, kept by ``archive_sql``;
    rows shaped as row_select()'s. The producers found are listed by id up to ``listed`` of them,
    else asked of each product in turn. Returns the rows as read and the function that shapes one
    as row_select() reads it (applied when the row is shown). None off SQLite."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return None
    driver: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
    version = file_version(connection)  # read once: every map below is kept for this version of the file
    every: _ProducerText = kept(connection, _ProducerText, lambda: _ProducerText.read(driver), version)
    named = _producers_found(every, folded, listed) if pattern is not None else []
    producers = named if len(named) <= listed else None
    params: list[Any] = []
    where = [archive_sql]
    if pattern is not None:
        params.append(pattern)
        if producers is None:
            where.insert(0, f"({_BY_NAME} OR {_BY_PRODUCERS})")
            params.append(pattern)
        elif producers:
            where.insert(0, f"({_BY_NAME} OR products.producer_id IN ({', '.join('?' * len(producers))}))")
            params += producers
        else:
            where.insert(0, _BY_NAME)
    params.append(limit)
    cursor = driver.cursor()
    try:
        found = cursor.execute(f"{_SELECT} WHERE {' AND '.join(where)}{_ORDER}", params).fetchall()
        maps: tuple[dict[str, tuple[str, str]], dict[str, str]] = kept(
            connection, _GROUPS, lambda: _group_maps(cursor), version
        )
        groups, set_groups = maps
        names = kept(connection, _Names, _Names, version)
        _look_up(cursor, "places", names.places, {r[3] for r in found if r[3] is not None})
    finally:
        cursor.close()
    # The page's own names (the kept maps grow as the file's thread reads on; the rows are shaped
    # by the window's thread later, when painted: product_query.RowPage).
    producers_named = {r[2]: every.names.get(r[2]) for r in found if r[2] is not None}
    places_named = {r[3]: names.places[r[3]] for r in found if r[3] is not None}
    day = date.fromisoformat

    def shape(r: tuple[Any, ...]) -> tuple[Any, ...]:
        pid, name, producer_id, commune_id, gid, set_id, stars, status, cert, on, until, gone = r
        group = groups.get(gid if gid is not None else set_groups.get(set_id, ""))
        return (
            pid,
            name,
            producers_named[producer_id] if producer_id is not None else None,
            producer_id,
            places_named[commune_id] if commune_id is not None else None,
            commune_id,
            group[0] if group else None,
            group[1] if group else None,
            stars,
            status,
            cert,
            day(on) if on else None,
            day(until) if until else None,
            gone,
        )

    return found, shape
