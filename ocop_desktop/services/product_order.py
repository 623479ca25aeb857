"""The registry table's order: one page of product ids sorted by a column, read from indexes, not by sorting every row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Executable, Select, case, func, select, text
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import ProductStatus
from ocop_desktop.persistence.models import Place, Producer, Product, ProductGroup, ProductSet

# The group shown is the product's own, or its product set's (older records may lack group_id).
GROUP_ID = func.coalesce(Product.group_id, ProductSet.group_id)
_STATUSES = [s.value for s in ProductStatus]
# A status this version does not know (none expected) reads as empty: last, as empty values are.
_STATUS_ORDER = case({s: i for i, s in enumerate(_STATUSES)}, value=Product.status, else_=None)
SORT_KEYS: dict[str, Any] = {  # columns and expressions alike
    "name": Product.name_sort,
    "producer": Producer.name_sort,
    "place": Place.name_sort,
    "group": ProductGroup.position,
    "stars": Product.stars,
    "status": _STATUS_ORDER,
    "certificate_no": Product.certificate_no,
    "certified_on": Product.certified_on,
    "expires_on": Product.expires_on,
}


def ordering(sort: str, descending: bool) -> list[Any]:
    """The ORDER BY of the table sorted by ``sort``: empty values last either way, then the name,
    then the id."""
    key = SORT_KEYS[sort]
    order: list[Any] = [key.desc() if descending else key]
    if sort != "name":
        # (Names are never empty, and a bare name_sort lets SQLite walk its index.)
        order = [key.is_(None), *order, Product.name_sort]
    return [*order, Product.id]


def sorted_ids(
    session: Session, sort: str, descending: bool, conds: Sequence[Any], offset: int, limit: int
) -> list[str]:
    """The ids of one page ordered by ``sort``: empty values last either way, then the name, then
    the id. Each key has an index holding it with the name's sort key and the id (migration 0012),
    so SQLite sorts from that narrow index, not from the table."""
    ids: Select[tuple[str]] = select(Product.id)
    if sort == "producer":
        ids = ids.outerjoin(Producer, Producer.id == Product.producer_id)
    elif sort == "place":
        ids = ids.outerjoin(Place, Place.id == Product.commune_id)
    elif sort == "group":
        ids = ids.outerjoin(ProductSet, ProductSet.id == Product.product_set_id).outerjoin(
            ProductGroup, ProductGroup.id == GROUP_ID
        )
    ids = ids.where(*conds).order_by(*ordering(sort, descending)).offset(offset).limit(limit)
    return list(session.connection().scalars(ids))


# --- the whole registry (nothing narrows it but the archive state) -----------------------------------
# The same order as sorted_ids, read as consecutive segments, each walked along an index and
# stopped after a page: O(page) whatever the number of products.


@dataclass(frozen=True)
class _Segment:
    rows: Callable[[int, int], Executable]  # (offset, limit) -> the segment's ids from offset, in order
    where: tuple[Any, ...]  # what its rows are (to count them)


def _by_name(where: tuple[Any, ...]) -> _Segment:
    def rows(offset: int, limit: int) -> Executable:
        return select(Product.id).where(*where).order_by(Product.name_sort, Product.id).offset(offset).limit(limit)

    return _Segment(rows, where)


def _walk(owners: str, link: str, archive_sql: str, descending: bool, where: tuple[Any, ...], join: str) -> _Segment:
    """Products with an owner (producer, commune), the owners walked in Vietnamese order."""

    def rows(offset: int, limit: int) -> Executable:
        # CROSS JOIN: SQLite keeps this join order (the owners outside, along their name index);
        # PostgreSQL has no CROSS JOIN … ON and plans the order itself (plain JOIN, issue 18).
        return text(
            f"SELECT products.id FROM {owners} {join} products ON products.{link} = {owners}.id"
            f" WHERE {archive_sql}"
            f" ORDER BY {owners}.name_sort{' DESC' if descending else ''}, products.name_sort, products.id"
            " LIMIT :limit OFFSET :offset"
        ).bindparams(limit=limit, offset=offset)

    return _Segment(rows, where)


def _segments(
    sort: str, descending: bool, conds: Sequence[Any], archive_sql: str, join: str = "CROSS JOIN"
) -> list[_Segment] | None:
    base = tuple(conds)
    if sort in ("producer", "place"):
        owners, link = ("producers", "producer_id") if sort == "producer" else ("places", "commune_id")
        column = getattr(Product, link)
        return [
            _walk(owners, link, archive_sql, descending, (*base, column.is_not(None)), join),
            _by_name((*base, column.is_(None))),
        ]
    if sort in ("stars", "certificate_no", "certified_on", "expires_on"):
        column = getattr(Product, sort)
        filled = (*base, column.is_not(None))

        def rows(offset: int, limit: int) -> Executable:
            order = column.desc() if descending else column
            return (
                select(Product.id)
                .where(*filled)
                .order_by(order, Product.name_sort, Product.id)
                .offset(offset)
                .limit(limit)
            )

        return [_Segment(rows, filled), _by_name((*base, column.is_(None)))]
    if sort == "status":
        statuses = list(reversed(_STATUSES)) if descending else _STATUSES
        known = [_by_name((*base, Product.status == s)) for s in statuses]
        return [*known, _by_name((*base, Product.status.not_in(_STATUSES)))]
    return None  # the name walks its own index; the group is sorted (a handful of groups)


def whole_registry_ids(
    session: Session, sort: str, descending: bool, conds: Sequence[Any], archive_sql: str, offset: int, limit: int
) -> list[str] | None:
    """sorted_ids for a list narrowed by nothing but the archive state, by segments; None when
    the key has no quicker way than sorted_ids."""
    join = "CROSS JOIN" if session.get_bind().dialect.name == "sqlite" else "JOIN"
    segments = _segments(sort, descending, conds, archive_sql, join)
    if segments is None:
        return None
    page: list[str] = []
    conn = session.connection()
    for segment in segments:
        if len(page) >= limit:
            break
        if offset > 0:
            held = int(conn.scalar(select(func.count()).select_from(Product).where(*segment.where)) or 0)
            if offset >= held:
                offset -= held
                continue
        page += conn.scalars(segment.rows(offset, limit - len(page)))
        offset = 0
    return page
