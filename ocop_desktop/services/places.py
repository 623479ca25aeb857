"""Administrative units for pickers, filters and search, with the 2025 reform's old -> new links."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import COMMUNE_KINDS, PlaceKind
from ocop_desktop.domain.text import like_pattern
from ocop_desktop.persistence.models import Place, PlaceLink, Producer, Product
from ocop_desktop.persistence.uow import UowFactory

SEARCH_LIMIT = 200  # a search is typed to find a few units; the first 200 are plenty
PICK_LIMIT = 50  # what a search-as-you-type list offers: a few more words narrow it
IN_CHUNK = 500  # ids bound in one IN (…): well under SQLite's and PostgreSQL's limits on parameters


def place_label(name: str, valid_from: date | None, valid_to: date | None) -> str:
    """Name with its period, so old and new units with the same name are told apart."""
    if valid_to:
        return f"{name} (đến {valid_to:%d/%m/%Y})"
    if valid_from:
        return f"{name} (từ {valid_from:%d/%m/%Y})"
    return name


@dataclass(frozen=True)
class PlaceDTO:
    id: str
    key: str
    code: str
    name: str
    kind: str
    kind_label: str
    parent_id: str | None
    valid_from: date | None
    valid_to: date | None
    successor_id: str | None
    successor_confirmed: bool
    note: str

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    @property
    def label(self) -> str:
        """Name with its period, so old and new units with the same name are told apart."""
        return place_label(self.name, self.valid_from, self.valid_to)


@dataclass(frozen=True)
class LinkedPlace:
    """A unit at the other end of an old -> new link; ``main`` is where records are grouped."""

    place: PlaceDTO
    main: bool
    note: str


@dataclass(frozen=True)
class PlaceInfo:
    """A unit with its parent and its links: what `ocop places search|show` prints."""

    place: PlaceDTO
    parent: PlaceDTO | None
    predecessors: tuple[LinkedPlace, ...]
    successors: tuple[LinkedPlace, ...]


_KIND_LABELS = {k.value: k.label for k in PlaceKind}
_DTO_COLUMNS = (
    Place.id,
    Place.key,
    Place.code,
    Place.name,
    Place.kind,
    Place.parent_id,
    Place.valid_from,
    Place.valid_to,
    Place.successor_id,
    Place.successor_confirmed,
    Place.note,
)


def _row_dto(r: Any) -> PlaceDTO:  # a row of _DTO_COLUMNS
    return PlaceDTO(
        id=r.id,
        key=r.key,
        code=r.code or "",
        name=r.name,
        kind=r.kind,
        kind_label=_KIND_LABELS[r.kind],
        parent_id=r.parent_id,
        valid_from=r.valid_from,
        valid_to=r.valid_to,
        successor_id=r.successor_id,
        successor_confirmed=r.successor_confirmed,
        note=r.note,
    )


def _dto(p: Place) -> PlaceDTO:
    return PlaceDTO(
        id=p.id,
        key=p.key,
        code=p.code or "",
        name=p.name,
        kind=p.kind,
        kind_label=PlaceKind(p.kind).label,
        parent_id=p.parent_id,
        valid_from=p.valid_from,
        valid_to=p.valid_to,
        successor_id=p.successor_id,
        successor_confirmed=p.successor_confirmed,
        note=p.note,
    )


def covered_place_ids(session: Session, place_id: str) -> set[str]:
    """The unit, the units under it and the units merged into it in 2025, transitively.

    A commune divided between several new ones counts for each of them (every link, not only
    the main successor): each new commune took over part of its records.
    Walked a level at a time through the indexed parent, successor and link columns: a province
    is five levels, ten small queries, where reading the 14,000 units to build the whole tree
    took a fifth of a second on every product filter and import."""
    seen = {place_id}
    frontier = [place_id]
    while frontier:
        found: set[str] = set()
        for start in range(0, len(frontier), IN_CHUNK):
            ids = frontier[start : start + IN_CHUNK]
            found.update(
                session.scalars(select(Place.id).where(or_(Place.parent_id.in_(ids), Place.successor_id.in_(ids))))
            )
            found.update(session.scalars(select(PlaceLink.predecessor_id).where(PlaceLink.successor_id.in_(ids))))
        frontier = sorted(found - seen)
        seen.update(frontier)
    return seen


def _infos(session: Session, places: list[Place]) -> list[PlaceInfo]:
    ids = [p.id for p in places]
    links = (
        session.execute(
            select(PlaceLink).where(or_(PlaceLink.predecessor_id.in_(ids), PlaceLink.successor_id.in_(ids)))
        )
        .scalars()
        .all()
    )
    others = {lk.predecessor_id for lk in links} | {lk.successor_id for lk in links}
    others |= {p.parent_id for p in places if p.parent_id}
    known = {p.id: _dto(p) for p in session.scalars(select(Place).where(Place.id.in_(others)))}
    known.update({p.id: _dto(p) for p in places})
    out = []
    for p in places:
        before = [LinkedPlace(known[lk.predecessor_id], lk.main, lk.note) for lk in links if lk.successor_id == p.id]
        after = [LinkedPlace(known[lk.successor_id], lk.main, lk.note) for lk in links if lk.predecessor_id == p.id]
        after.sort(key=lambda lp: (not lp.main, lp.place.name))
        before.sort(key=lambda lp: lp.place.code)
        out.append(PlaceInfo(known[p.id], known.get(p.parent_id or ""), tuple(before), tuple(after)))
    return out


def _valid_on(day: date) -> ColumnElement[bool]:
    return or_(Place.valid_from.is_(None), Place.valid_from <= day) & or_(
        Place.valid_to.is_(None), Place.valid_to >= day
    )


class PlaceService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def all(self) -> list[PlaceDTO]:
        """Every unit, in Vietnamese order of name (old and new alike)."""
        with self._uow() as uow:
            # Columns, not ORM objects: 14,000 units with their eagerly joined parents cost
            # a second; the rows alone a fraction of it.
            rows = uow.session.execute(select(*_DTO_COLUMNS).order_by(Place.name_sort, Place.valid_from))
            return [_row_dto(r) for r in rows]

    def in_use(self) -> list[PlaceDTO]:
        """The units that products or producers are registered in, the district and province above
        them and the units of today they were merged into: what a filter of the registry offers
        (tens for a commune, not 14.000 units)."""
        with self._uow() as uow:
            s = uow.session
            used = (
                select(Product.commune_id)
                .where(Product.commune_id.is_not(None))
                .union(select(Producer.commune_id).where(Producer.commune_id.is_not(None)))
            )
            wanted = {c for c in s.scalars(used) if c is not None}
            frontier = set(wanted)
            for _ in range(8):  # up to the province, then to the units of 2025; the bound stops a loop
                chunk = sorted(frontier)
                above: set[str | None] = set()
                for parent, successor in s.execute(
                    select(Place.parent_id, Place.successor_id).where(Place.id.in_(chunk))
                ):
                    above |= {parent, successor}
                above |= set(s.scalars(select(PlaceLink.successor_id).where(PlaceLink.predecessor_id.in_(chunk))))
                frontier = {p for p in above if p is not None} - wanted
                if not frontier:
                    break
                wanted |= frontier
            rows = s.execute(
                select(*_DTO_COLUMNS).where(Place.id.in_(sorted(wanted))).order_by(Place.name_sort, Place.valid_from)
            )
            return [_row_dto(r) for r in rows]

    def communes(self, on: date | None = None) -> list[PlaceDTO]:
        """Commune-level units (xã, phường, thị trấn), those valid on ``on`` if given."""
        with self._uow() as uow:
            query = select(*_DTO_COLUMNS).where(Place.kind.in_(COMMUNE_KINDS))
            if on is not None:
                query = query.where(_valid_on(on))
            rows = uow.session.execute(query.order_by(Place.name_sort, Place.valid_from))
            return [_row_dto(r) for r in rows]

    def labels(self, ids: Iterable[str]) -> dict[str, str]:
        """id -> label («Xã Búng Lao (đến 30/06/2025)») of these units only."""
        with self._uow() as uow:
            rows = uow.session.execute(select(*_DTO_COLUMNS).where(Place.id.in_(sorted(set(ids)))))
            return {dto.id: dto.label for dto in map(_row_dto, rows)}

    def commune_choices(self, on: date, keep: str | None = None) -> list[PlaceDTO]:
        """The communes valid on ``on`` (3.321 since 01/07/2025) and the unit ``keep`` already
        recorded, whatever its period: what a form offers, without reading all 14.000 units."""
        places = self.communes(on)
        if keep and all(p.id != keep for p in places):
            with self._uow() as uow:
                places += [_row_dto(r) for r in uow.session.execute(select(*_DTO_COLUMNS).where(Place.id == keep))]
        return places

    def search(self, text: str, on: date | None = None, limit: int = SEARCH_LIMIT) -> list[PlaceInfo]:
        """Units whose name contains ``text`` (accents, case and spacing ignored) or whose code
        is ``text``; with ``on``, only the units valid that day. Provinces first, then by name."""
        wanted = text.strip()
        with self._uow() as uow:
            query = select(Place).where(
                or_(Place.name_folded.like(like_pattern(wanted), escape="\\"), Place.code == wanted)
            )
            if on is not None:
                query = query.where(_valid_on(on))
            query = query.order_by(
                Place.parent_id.is_not(None), Place.name_sort, Place.valid_from.is_not(None), Place.valid_from
            ).limit(limit)
            return _infos(uow.session, list(uow.session.scalars(query)))

    def find(self, text: str, limit: int = PICK_LIMIT) -> list[PlaceDTO]:
        """The first ``limit`` units whose name contains ``text`` (accents, case and spacing
        ignored) or whose code is ``text``: provinces first, then in Vietnamese order of name.
        What a place field offers as the user types, read as plain columns (no ORM objects, no
        list of every unit kept anywhere)."""
        wanted = text.strip()
        if not wanted:
            return []
        with self._uow() as uow:
            query = (
                select(*_DTO_COLUMNS)
                .where(or_(Place.name_folded.like(like_pattern(wanted), escape="\\"), Place.code == wanted))
                .order_by(
                    Place.parent_id.is_not(None), Place.name_sort, Place.valid_from.is_not(None), Place.valid_from
                )
                .limit(limit)
            )
            return [_row_dto(r) for r in uow.session.execute(query)]

    def by_code(self, code: str) -> list[PlaceInfo]:
        """Every unit with this official code (a 2025 commune often reuses an old commune's code)."""
        with self._uow() as uow:
            query = select(Place).where(or_(Place.code == code.strip(), Place.key == code.strip()))
            rows = list(uow.session.scalars(query.order_by(Place.valid_from.is_not(None), Place.valid_from)))
            return _infos(uow.session, rows)

    def covered_ids(self, place_id: str) -> set[str]:
        """The units whose records count as this place's (see covered_place_ids)."""
        with self._uow() as uow:
            return covered_place_ids(uow.session, place_id)

    def current_successor(self, place_id: str) -> str:
        """Where an old unit's records are grouped in reports made after the 2025 merger."""
        with self._uow() as uow:
            current = place_id
            for _ in range(10):  # successor chains are one or two links; the bound stops a loop
                following = uow.session.scalar(select(Place.successor_id).where(Place.id == current))
                if not following:
                    break
                current = following
            return current
