"""Which units a report covers: a unit of today with the units it took over, named as of the report's date."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, ValuesView
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import COMMUNE_KINDS
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.text import vn_sort_key, vn_sort_string
from ocop_desktop.domain.validation import NotFoundError
from ocop_desktop.persistence.models import AppMeta, Place, PlaceLink
from ocop_desktop.services.places import IN_CHUNK, covered_place_ids

UNKNOWN_PLACE = "Chưa rõ địa bàn"


def _lower_kind(name: str) -> str:
    """«Xã Mường Ảng» → «xã Mường Ảng», as it reads inside a sentence."""
    return name[:1].lower() + name[1:]


_COLUMNS = (
    Place.id,
    Place.key,
    Place.code,
    Place.name,
    Place.name_folded,
    Place.name_sort,
    Place.kind,
    Place.parent_id,
    Place.valid_from,
    Place.valid_to,
    Place.successor_id,
)
# Lookups one unit at a time before the rest are read at once: a commune's report names a few
# units, a national one thousands, for which one read of the 14,000 is quicker than the queries.
_LOOKUPS_BEFORE_ALL = 50


class _Rows(Mapping[str, Any]):
    """Units by id (rows of _COLUMNS), each read from the database the first time it is asked
    for, with the links of those that ended; everything read at once when iterated or when many
    have been asked for one by one."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._got: dict[str, Any] = {}
        self._absent: set[str] = set()
        self._complete = False
        self._lookups = 0
        self.links: dict[str, list[str]] = {}  # old unit -> the units that took it over, main first

    def fetch(self, ids: Iterable[str | None]) -> None:
        """Read the units of ``ids`` not read yet, and for those that ended, their links and the
        units that took them over (what ``PlaceTable.current`` follows)."""
        wanted = self._unread(ids)
        if not wanted or self._complete:
            return
        self._lookups += 1
        if self._lookups > _LOOKUPS_BEFORE_ALL:
            self._read_all()
            return
        while wanted:
            ended: list[str] = []
            for start in range(0, len(wanted), IN_CHUNK):
                chunk = wanted[start : start + IN_CHUNK]
                for r in self._session.execute(select(*_COLUMNS).where(Place.id.in_(chunk))):
                    self._got[r.id] = r
                    if r.valid_to is not None:
                        ended.append(r.id)
            self._absent.update(i for i in wanted if i not in self._got)
            for start in range(0, len(ended), IN_CHUNK):
                self._read_links(PlaceLink.predecessor_id.in_(ended[start : start + IN_CHUNK]))
            wanted = self._unread(i for old in ended for i in (*self.links.get(old, ()), self._got[old].successor_id))

    def _unread(self, ids: Iterable[str | None]) -> list[str]:
        return sorted({i for i in ids if i is not None and i not in self._got and i not in self._absent})

    def _read_links(self, where: Any = None) -> None:
        query = select(PlaceLink.predecessor_id, PlaceLink.successor_id).order_by(PlaceLink.main.desc())
        for old, new in self._session.execute(query if where is None else query.where(where)):
            self.links.setdefault(old, []).append(new)

    def _read_all(self) -> None:
        if self._complete:
            return
        self._got = {r.id: r for r in self._session.execute(select(*_COLUMNS))}
        self.links = {}
        self._read_links()
        self._absent.clear()
        self._complete = True

    def __getitem__(self, key: str) -> Any:
        self.fetch((key,))
        return self._got[key]

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        self.fetch((key,))
        return key in self._got

    def __iter__(self) -> Iterator[str]:
        self._read_all()
        return iter(self._got)

    def __len__(self) -> int:
        self._read_all()
        return len(self._got)

    def values(self) -> ValuesView[Any]:  # every unit, without a lookup per key
        self._read_all()
        return self._got.values()


class PlaceTable:
    """The units a report names — id, name, period and successors — read as it asks for them,
    as plain rows. Reading all 14,000 up front took three quarters of a commune's report."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self.rows = _Rows(session)

    def prefetch(self, ids: Iterable[str | None]) -> None:
        """Read the units of ``ids`` in one go (a report's rows), rather than one by one."""
        self.rows.fetch(ids)

    @staticmethod
    def valid_on(row: Any, day: date) -> bool:  # a row of places
        return (row.valid_from is None or row.valid_from <= day) and (row.valid_to is None or day <= row.valid_to)

    def current(self, place_id: str | None, day: date) -> list[Any]:
        """The unit itself if it exists on ``day``, else every unit that took over part of it by then."""
        out: list[Any] = []
        seen: set[str] = set()
        frontier = [place_id] if place_id is not None and place_id in self.rows else []
        while frontier:
            pid = frontier.pop(0)
            if pid in seen:
                continue
            seen.add(pid)
            row = self.rows[pid]
            if self.valid_on(row, day):
                out.append(row)
                continue
            following = self.rows.links.get(pid) or ([row.successor_id] if row.successor_id else [])
            self.rows.fetch(following)
            frontier.extend(i for i in following if i in self.rows)
        return out

    def covered(self, place_id: str) -> frozenset[str]:
        """The unit, the units under it and those it took over, transitively
        (places.covered_place_ids)."""
        return frozenset(covered_place_ids(self._session, place_id))

    def name(self, place_id: str | None, day: date) -> str:
        """«Xã Ẳng Nưa (nay thuộc xã Mường Ảng)» for a unit gone by ``day``; its plain name otherwise."""
        row = self.rows.get(place_id) if place_id else None
        if row is None:
            return UNKNOWN_PLACE
        name: str = row.name
        if self.valid_on(row, day) or row.valid_to is None or day <= row.valid_to:
            return name
        now = [r for r in self.current(row.id, day) if r.id != row.id]
        if not now:
            return name
        return f"{row.name} (nay thuộc {', '.join(_lower_kind(r.name) for r in now)})"

    def group_key(self, place_id: str | None, day: date) -> tuple[Any, ...]:
        """Sorts units of the same unit of today together, then by their own name."""
        row = self.rows.get(place_id) if place_id else None
        if row is None:
            return (1, (), ())
        now = self.current(row.id, day) or [row]
        # The stored sort strings (vn_sort_key's order as plain strings): 10,000 units sort at once.
        return (0, now[0].name_sort or vn_sort_string(now[0].name), row.name_sort or vn_sort_string(row.name))


@dataclass(frozen=True)
class Scope:
    """A report's area: ``unit`` and the units it covers; no unit means every record."""

    unit_id: str | None = None
    unit_name: str = ""
    ids: frozenset[str] | None = None
    # The office's own area also holds its records entered without a place; a unit asked for by
    # name holds only records placed in it.
    unplaced: bool = False

    def covers(self, place_id: str | None) -> bool:
        return self.ids is None or place_id in self.ids or (self.unplaced and place_id is None)


def office_unit_id(session: Session) -> str | None:
    row = session.get(AppMeta, "office_unit_id")
    return row.value if row is not None and row.value else None


def report_scope(session: Session, places: PlaceTable, unit_id: str | None, day: date) -> Scope:
    """The unit ``unit_id`` (the CLI resolves a code or a name to it), else a commune office's own
    area (its unit and the units it took over); a district, province or department office sees
    every record."""
    if unit_id:
        unit = places.rows.get(unit_id)
        if unit is None:
            raise NotFoundError(
                Text(
                    "Không tìm thấy đơn vị hành chính này; có thể nó đã bị xóa. Hãy chọn lại đơn vị.",
                    "This administrative unit was not found; it may have been deleted. Choose the unit again.",
                )
            )
    else:
        office = places.rows.get(office_unit_id(session) or "")
        if office is None or office.kind not in COMMUNE_KINDS:
            return Scope()
        return Scope(office.id, office.name, places.covered(office.id), unplaced=True)
    return Scope(unit.id, unit.name, places.covered(unit.id))


def scope_choices(session: Session, day: date) -> list[tuple[str, str]]:
    """(id, name) of the commune-level units of ``day`` that a report may be limited to: the
    office's own province (or its whole list when the office is not set), in Vietnamese order."""
    places = PlaceTable(session)
    office = places.rows.get(office_unit_id(session) or "")
    top = office
    while top is not None and top.parent_id in places.rows:
        top = places.rows[top.parent_id]
    if top is not None:  # the province's units only
        within = places.covered(top.id)
        places.prefetch(within)
        candidates = [places.rows[i] for i in within if i in places.rows]
    else:
        candidates = list(places.rows.values())
    units = [r for r in candidates if r.kind in COMMUNE_KINDS and places.valid_on(r, day)]
    return [(r.id, r.name) for r in sorted(units, key=lambda r: (vn_sort_key(r.name), r.key))]
