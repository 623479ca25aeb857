"""Administrative units for pickers and filters, with the 2025 merger's successor links."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ocop_desktop.domain.enums import PlaceKind
from ocop_desktop.persistence.models import Place
from ocop_desktop.persistence.uow import UowFactory


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
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    @property
    def label(self) -> str:
        """Name with its period, so old and new units with the same name are told apart."""
        if self.valid_to:
            return f"{self.name} (đến {self.valid_to:%d/%m/%Y})"
        if self.valid_from:
            return f"{self.name} (từ {self.valid_from:%d/%m/%Y})"
        return self.name


def _dto(p: Place) -> PlaceDTO:
    return PlaceDTO(
        id=p.id, key=p.key, code=p.code or "", name=p.name, kind=p.kind,
        kind_label=PlaceKind(p.kind).label, parent_id=p.parent_id, valid_from=p.valid_from,
        valid_to=p.valid_to, successor_id=p.successor_id, successor_confirmed=p.successor_confirmed,
        note=p.note,
    )


def covered_place_ids(session, place_id: str) -> set[str]:
    """The unit, the units under it and the units merged into it in 2025, transitively.

    Reads three columns, not ORM objects: product filters call it on every query."""
    below: dict[str, list[str]] = {}
    for pid, parent, successor in session.execute(select(Place.id, Place.parent_id, Place.successor_id)):
        for up in (parent, successor):
            if up:
                below.setdefault(up, []).append(pid)
    seen: set[str] = set()
    stack = [place_id]
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(below.get(current, []))
    return seen


class PlaceService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def all(self) -> list[PlaceDTO]:
        """Every unit, in Vietnamese order of name (old and new alike)."""
        with self._uow() as uow:
            rows = uow.session.scalars(select(Place).order_by(Place.name_sort, Place.valid_from))
            return [_dto(p) for p in rows]

    def communes(self, on: date | None = None) -> list[PlaceDTO]:
        """Commune-level units (xã, phường, thị trấn), those valid on ``on`` if given."""
        level = {PlaceKind.COMMUNE.value, PlaceKind.WARD.value, PlaceKind.TOWNSHIP.value}
        return [p for p in self.all() if p.kind in level and (on is None or p.valid_on(on))]

    def covered_ids(self, place_id: str) -> set[str]:
        """The units whose records count as this place's (see covered_place_ids)."""
        with self._uow() as uow:
            return covered_place_ids(uow.session, place_id)

    def current_successor(self, place_id: str) -> str:
        """Where an old unit's records are grouped in reports made after the 2025 merger."""
        by_id = {p.id: p for p in self.all()}
        current = by_id[place_id]
        for _ in range(len(by_id)):  # successor chains are short; the bound stops a loop
            if not current.successor_id:
                break
            current = by_id[current.successor_id]
        return current.id
