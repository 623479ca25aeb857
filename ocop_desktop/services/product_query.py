"""The registry table's query: filters, Vietnamese order and paging in SQL, only the shown columns."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar, overload

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import ProductStatus
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.numbers import add_months
from ocop_desktop.domain.text import clean, fold, like_pattern
from ocop_desktop.persistence.models import (
    Place,
    Producer,
    Product,
    ProductGroup,
    ProductSet,
)
from ocop_desktop.services.labels import incomplete_condition
from ocop_desktop.services.logbooks import idle_flags, recent_entry_products
from ocop_desktop.services.places import covered_place_ids
from ocop_desktop.services.product_first_page import first_rows
from ocop_desktop.services.product_order import GROUP_ID, SORT_KEYS, ordering, sorted_ids, whole_registry_ids

PAGE_SIZE = 200
EXPIRY_WARNING_MONTHS = 6  # rows whose certificate ends within this many months are flagged
EXPIRED, EXPIRING = "expired", "expiring"
_REVOKED, _LAPSED = ProductStatus.REVOKED.value, ProductStatus.EXPIRED.value


@dataclass(frozen=True)
class ProductFilter:
    """What the registry table shows; every field narrows the rows, in SQL."""

    search: str = ""
    place_id: str | None = None  # a unit and every unit it covers (children, 2025 predecessors)
    group_code: str | None = None
    stars: int | None = None
    status: str | None = None
    archived: bool = False  # True: only archived products (the archive view)
    include_archived: bool = False  # True: archived and active alike
    expiring_within_days: int | None = None  # certificate ends between today and today + n days
    expired: bool = False  # certificate has run out
    logbook_idle: bool = False  # no logbook entry in the last 12 months (services/logbooks.IDLE_DAYS)
    label_incomplete: bool = False  # «nhãn chưa đạt»: label, barcode, traceability or trademark lacking
    sort: str = "name"  # one of SORT_KEYS
    descending: bool = False


@dataclass(frozen=True)
class ProductRow:
    """One line of the registry table: only the columns it shows."""

    id: str
    name: str
    producer: str
    producer_id: str | None
    commune: str
    commune_id: str | None
    group: str
    group_code: str
    stars: int | None
    status: str
    status_label: str
    certificate_no: str
    certified_on: date | None
    expires_on: date | None
    archived: bool
    expiry_state: str  # EXPIRED, EXPIRING (within EXPIRY_WARNING_MONTHS) or ""
    days_left: int | None  # days from the query's ``today`` to expiry (negative once expired)
    logbook_idle: bool = False  # no logbook entry in the last 12 months (set for a page's rows: _page)


def expiry_state(status: str, expires_on: date | None, today: date, warn_until: date | None = None) -> str:
    """EXPIRED when the certificate has run out, EXPIRING when it ends within the warning months
    (by ``warn_until``, worked out from ``today`` when not given)."""
    if status == _LAPSED or (status != _REVOKED and expires_on is not None and expires_on < today):
        return EXPIRED
    if status == _REVOKED or expires_on is None:
        return ""
    return EXPIRING if expires_on <= (warn_until or add_months(today, EXPIRY_WARNING_MONTHS)) else ""


# The table's columns are the product record's fields (domain/schema PRODUCT, WINDOW view); a
# column shown by another record's name sorts by that name.
_SORT_OF_FIELD = {"producer_id": "producer", "commune_id": "place", "group_id": "group"}


def sort_key_of(field_key: str) -> str:
    """The SORT_KEYS entry that orders the table by the product field ``field_key``."""
    key = _SORT_OF_FIELD.get(field_key, field_key)
    if key not in SORT_KEYS:
        raise KeyError(field_key)
    return key


_ROW_COLUMNS = (
    Product.id,
    Product.name,
    Producer.name,
    Product.producer_id,
    Place.name,
    Product.commune_id,
    ProductGroup.name,
    ProductGroup.code,
    Product.stars,
    Product.status,
    Product.certificate_no,
    Product.certified_on,
    Product.expires_on,
    Product.archived_at,
)

_S = TypeVar("_S", bound="Select[*tuple[Any, ...]]")


def _joined(stmt: _S) -> _S:
    return (
        stmt.select_from(Product)
        .outerjoin(Producer, Producer.id == Product.producer_id)
        .outerjoin(Place, Place.id == Product.commune_id)
        .outerjoin(ProductSet, ProductSet.id == Product.product_set_id)
        .outerjoin(ProductGroup, ProductGroup.id == GROUP_ID)
    )


def row_select() -> Select[*tuple[Any, ...]]:
    return _joined(select(*_ROW_COLUMNS))


def to_rows(
    rows: Iterable[Any], today: date, idle: dict[str, bool] | None = None, shape: Callable[[Any], Any] | None = None
) -> RowPage:
    """Rows of row_select() (or rows ``shape`` turns into its shape), the date and labels they are
    read by worked out once for all; ``idle``: each product's logbook flag (logbooks.idle_flags)."""
    warn_until = add_months(today, EXPIRY_WARNING_MONTHS)
    labels = {s.value: s.label for s in ProductStatus}
    flags = idle or {}

    def make(r: Any) -> ProductRow:
        row = to_row(shape(r) if shape else r, today, warn_until, labels)
        if flags.get(row.id):
            row.__dict__["logbook_idle"] = True  # set on the row just built (replace() would build it again)
        return row

    return RowPage(list(rows), make)


class RowPage(Sequence[ProductRow]):
    """A page of registry rows as the database gave them, each built into a ProductRow the first
    time it is asked for. A search keystroke reads 200 rows and the table paints the 20 or 30 the
    view shows: building all 200 cost about a third of the keystroke (tests/services/
    test_product_first_page.py checks the rows are those of the general query). ``ids`` are read
    without building anything (the table's set of the products it shows). Rows are built by
    whoever reads them — the window's thread once the page is delivered — from the page's own
    copies of names and flags: nothing here reads the database."""

    __slots__ = ("_built", "_make", "_raw", "ids")

    def __init__(self, raw: list[Any], make: Callable[[Any], ProductRow]) -> None:
        self._raw, self._make = raw, make
        self.ids: list[str] = [r[0] for r in raw]
        self._built: list[ProductRow | None] = [None] * len(raw)

    def __len__(self) -> int:
        return len(self._raw)

    @overload
    def __getitem__(self, i: int) -> ProductRow: ...
    @overload
    def __getitem__(self, i: slice) -> list[ProductRow]: ...
    def __getitem__(self, i: int | slice) -> ProductRow | list[ProductRow]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        row = self._built[i]
        if row is None:
            row = self._built[i] = self._make(self._raw[i])
        return row

    def __eq__(self, other: object) -> bool:  # compared as the list of its rows (tests, callers)
        if isinstance(other, (RowPage, list)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"RowPage({list(self)!r})"


def to_row(
    r: Any, today: date, warn_until: date | None = None, labels: dict[str, str] | None = None
) -> ProductRow:  # a row of row_select()
    (
        pid,
        name,
        producer,
        producer_id,
        commune,
        commune_id,
        group,
        group_code,
        stars,
        status,
        certificate_no,
        certified_on,
        expires_on,
        archived_at,
    ) = r
    # Its fields filled at once: a frozen dataclass's __init__ sets them one by one through
    # object.__setattr__, five times slower on the 200 rows of a keystroke. (A field with a
    # default not given here reads it from the class, as dataclasses keep defaults there.)
    row: ProductRow = _new_row(ProductRow)
    row.__dict__.update(
        id=pid,
        name=name,
        producer=producer or "",
        producer_id=producer_id,
        commune=commune or "",
        commune_id=commune_id,
        group=group or "",
        group_code=group_code or "",
        stars=stars,
        status=status,
        status_label=labels[status] if labels and status in labels else ProductStatus(status).label,
        certificate_no=certificate_no or "",
        certified_on=certified_on,
        expires_on=expires_on,
        archived=archived_at is not None,
        expiry_state=expiry_state(status, expires_on, today, warn_until),
        days_left=(expires_on - today).days if expires_on else None,
    )
    return row


_new_row = object.__new__


def search_condition(text: str | None) -> ColumnElement[bool] | None:
    """The one product search, for the window's table and `ocop products list --search` alike:
    the product's name or its producer's, accents, đ and case ignored, the user's LIKE wildcards
    literal. None when ``text`` has nothing to search for."""
    parts = search_parts(text)
    return or_(*parts) if parts else None


def search_parts(text: str | None) -> tuple[ColumnElement[bool], ColumnElement[bool]] | None:
    """search_condition's two halves: the product's own name, and its producer's."""
    if not text or not fold(text):
        return None
    pattern = like_pattern(text)
    # Both folded columns are indexed; a producer's name finds its products too.
    return (
        Product.name_folded.like(pattern, escape="\\"),
        Product.producer_id.in_(select(Producer.id).where(Producer.name_folded.like(pattern, escape="\\"))),
    )


def resolved_search(session: Session, text: str | None) -> ColumnElement[bool] | None:
    """search_condition with the producers found first: the same rows, read quicker. Most searches
    match no producer, and SQLite then need not ask of each of 20,000 products whether its producer
    is in a list (that costs ten times the name's own LIKE); a few producers are looked up by id."""
    parts = search_parts(text)
    if parts is None:
        return None
    by_name, by_producer = parts
    found = matched_producers(session, like_pattern(text or ""))
    if not found:
        return by_name
    if len(found) <= _LISTED_PRODUCERS:
        return or_(by_name, Product.producer_id.in_(found))
    return or_(by_name, by_producer)


def matched_producers(session: Session, pattern: str) -> list[str]:
    """The ids of the producers whose folded name is LIKE ``pattern``: _LISTED_PRODUCERS of them at
    most, one more when there are more."""
    connection = session.connection()
    query = _MATCHED_PRODUCERS if connection.dialect.name == "sqlite" else _MATCHED_PRODUCERS_PORTABLE
    return list(connection.scalars(query, {"pattern": pattern, "most": _LISTED_PRODUCERS + 1}))


_LISTED_PRODUCERS = 300
# The names are read from their narrow index, the table only for the producers found (a third
# quicker than reading every producer's row to test its name: about 0.9 ms to 0.5 ms of 8,000).
_MATCHED_PRODUCERS = sql_text(
    "SELECT id FROM producers WHERE rowid IN"
    " (SELECT rowid FROM producers WHERE name_folded LIKE :pattern ESCAPE '\\' LIMIT :most)"
)
# A server has no rowid (issue 18): the same ids, asked plainly.
_MATCHED_PRODUCERS_PORTABLE = sql_text(
    "SELECT id FROM producers WHERE name_folded LIKE :pattern ESCAPE '\\' LIMIT :most"
)


def conditions(session: Session, f: ProductFilter, today: date) -> list[Any]:
    conds = []
    if (found := resolved_search(session, f.search)) is not None:
        conds.append(found)
    if f.place_id:
        conds.append(Product.commune_id.in_(covered_place_ids(session, f.place_id)))
    if f.group_code:
        group_ids = select(ProductGroup.id).where(ProductGroup.code == f.group_code)
        set_ids = select(ProductSet.id).where(ProductSet.group_id.in_(group_ids))
        conds.append(
            or_(Product.group_id.in_(group_ids), and_(Product.group_id.is_(None), Product.product_set_id.in_(set_ids)))
        )
    if f.stars is not None:
        conds.append(Product.stars == f.stars)
    if f.logbook_idle:
        conds.append(Product.id.not_in(select(recent_entry_products(today).subquery())))
    if f.status:
        conds.append(Product.status == f.status)
    if f.archived:
        conds.append(Product.archived_at.is_not(None))
    elif not f.include_archived:
        conds.append(Product.archived_at.is_(None))
    if f.expired:
        conds.append(or_(Product.status == _LAPSED, and_(Product.status != _REVOKED, Product.expires_on < today)))
    if f.label_incomplete:
        conds.append(incomplete_condition(today))
    if f.expiring_within_days is not None:
        conds.append(
            and_(
                Product.status.not_in((_REVOKED, _LAPSED)),
                Product.expires_on >= today,
                Product.expires_on <= today + timedelta(days=f.expiring_within_days),
            )
        )
    return conds


def _searched_only(f: ProductFilter) -> bool:
    """Nothing narrows the list but the search and the archive state."""
    if f.logbook_idle:
        return False
    if f.label_incomplete:
        return False
    return not (
        f.place_id or f.group_code or f.stars is not None or f.status or f.expired or f.expiring_within_days is not None
    )


def _plain(f: ProductFilter) -> bool:
    """Nothing narrows the list but the archive state."""
    return not fold(f.search) and _searched_only(f)


def _archive_sql(f: ProductFilter) -> str:
    """The archive condition of ``f`` as SQL text (for the walks product_order writes by hand)."""
    if f.archived:
        return "products.archived_at IS NOT NULL"
    return "1 = 1" if f.include_archived else "products.archived_at IS NULL"  # a boolean on either engine


def query_page(
    session: Session, filters: ProductFilter, offset: int, limit: int, today: date
) -> tuple[list[ProductRow], int]:
    """One page of rows matching ``filters`` and how many match in all."""
    conds = conditions(session, _checked(filters), today)
    rows, total = _page(session, filters, conds, offset, limit, today)
    return list(rows), total if total is not None else _count(session, conds)


def uncounted_page(
    session: Session, filters: ProductFilter, offset: int, limit: int, today: date
) -> tuple[RowPage, int | None]:
    """query_page without the count: how many match only when this page tells it (it is the last),
    else None (count_matching tells it). Counting every match costs more than reading a page of
    them, so the window shows the rows first and the total a moment later."""
    if (first := _keystroke_page(session, _checked(filters), offset, limit, today)) is not None:
        return first
    return _page(session, filters, conditions(session, _checked(filters), today), offset, limit, today)


def _keystroke_page(
    session: Session, filters: ProductFilter, offset: int, limit: int, today: date
) -> tuple[RowPage, int | None] | None:
    """What a search keystroke reads — the first page in name order, nothing but the search and the
    archive state narrowing it — by product_first_page's one written statement (the same rows as
    _page's); None for any other page, or where that statement cannot run."""
    if offset != 0 or filters.sort != "name" or filters.descending or not _searched_only(filters):
        return None
    folded = fold(filters.search)
    pattern = like_pattern(filters.search) if folded else None
    read = first_rows(session, folded, pattern, _LISTED_PRODUCERS, _archive_sql(filters), limit)
    if read is None:
        return None
    found, shape = read
    first = to_rows(found, today, idle_flags(session, [r[0] for r in found], today), shape)
    return first, len(first) if len(first) < limit else None


def count_matching(session: Session, filters: ProductFilter, today: date) -> int:
    """How many products match ``filters``."""
    return _count(session, conditions(session, _checked(filters), today))


def _checked(filters: ProductFilter) -> ProductFilter:
    if filters.sort not in SORT_KEYS:
        raise ValueError(Text(f"Không sắp xếp được theo «{filters.sort}».", f"Cannot sort by «{filters.sort}»."))
    return filters


def _count(session: Session, conds: list[Any]) -> int:
    return int(session.connection().scalar(select(func.count()).select_from(Product).where(*conds)) or 0)


def _page(
    session: Session, filters: ProductFilter, conds: list[Any], offset: int, limit: int, today: date
) -> tuple[RowPage, int | None]:
    offset = max(offset, 0)
    sort, descending = filters.sort, filters.descending
    if offset == 0 and sort == "name" and _searched_only(filters):
        # The first page in name order of a search (what a keystroke reads): one statement walking
        # the name's index, the shown columns joined to the rows kept only, stopped after a page.
        # (Another filter may lead SQLite to sort every match, joined: ids first then.)
        stmt = row_select().where(*conds).order_by(*ordering(sort, descending)).limit(limit)
        found = session.connection().execute(stmt).all()
        first = to_rows(found, today, idle_flags(session, [r[0] for r in found], today))
        return first, len(first) if len(first) < limit else None
    page = None
    if _plain(filters):
        page = whole_registry_ids(session, sort, descending, conds, _archive_sql(filters), offset, limit)
    if page is None:
        page = sorted_ids(session, sort, descending, conds, offset, limit)
    # The last page: the count is known without counting.
    total = offset + len(page) if len(page) < limit and (page or offset == 0) else None
    # The page's ids first (a narrow scan, often of an index alone), then their shown columns:
    # three times quicker than joining every skipped row. (Core statements on the session's
    # connection: no ORM object is made, and the ORM's per-statement bookkeeping is skipped.)
    rows = session.connection().execute(row_select().where(Product.id.in_(page))) if page else ()
    by_id = {r[0]: r for r in rows}
    shown = [pid for pid in page if pid in by_id]
    return to_rows((by_id[pid] for pid in shown), today, idle_flags(session, shown, today)), total


def same_name_rows(
    session: Session, name: str, producer_id: str | None, exclude_id: str | None, today: date
) -> list[ProductRow]:
    """Products of ``producer_id`` whose name folds to the same text as ``name``."""
    key = fold(clean(name))
    if not key or not producer_id:
        return []
    stmt = row_select().where(Product.producer_id == producer_id, Product.name_folded == key)
    if exclude_id:
        stmt = stmt.where(Product.id != exclude_id)
    return list(to_rows(session.execute(stmt.order_by(Product.name_sort, Product.id)), today))
