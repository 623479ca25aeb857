"""Which reporting units a survey campaign can list on a day: the commune-level units inside a
province or district, and the units that took over one gone by then."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ocop_desktop.domain.enums import COMMUNE_KINDS, DISTRICT_KINDS, PROVINCE_KINDS
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.text import vn_sort_key
from ocop_desktop.domain.validation import NotFoundError
from ocop_desktop.services.places import PlaceDTO

# Reporting units are commune-level (xã, phường, thị trấn, đặc khu); «all in …» takes a province
# or a district-level unit (huyện, quận, thị xã, thành phố) of either era.
COMMUNE_LEVEL = COMMUNE_KINDS
CONTAINER_LEVEL = PROVINCE_KINDS | DISTRICT_KINDS


def communes_within(
    everything: list[PlaceDTO], place_id: str, day: date, links_of: Callable[[], dict[str, list[str]]]
) -> list[PlaceDTO]:
    """The commune-level units valid on ``day`` in a province, district or commune, among
    ``everything``; ``links_of`` reads the takeovers, only when a unit is gone by ``day``."""
    by_id = {p.id: p for p in everything}
    if place_id not in by_id:
        raise NotFoundError(
            Text(
                "Không tìm thấy đơn vị hành chính này; hãy chọn lại.",
                "This administrative unit was not found; choose it again.",
            )
        )
    children: dict[str, list[PlaceDTO]] = {}
    for p in everything:
        if p.parent_id:
            children.setdefault(p.parent_id, []).append(p)
    found, stack, seen = [], [by_id[place_id]], set()
    while stack:
        p = stack.pop()
        if p.id in seen:
            continue
        seen.add(p.id)
        if p.kind in COMMUNE_LEVEL:
            found.append(p)
        stack.extend(children.get(p.id, []))
    out: dict[str, PlaceDTO] = {}
    links = links_of() if any(not p.valid_on(day) for p in found) else {}
    for p in found:
        for q in successors_on(by_id, links, p, day):
            out[q.id] = q
    return sorted(out.values(), key=lambda p: (vn_sort_key(p.name), p.id))


def successors_on(
    by_id: dict[str, PlaceDTO], links: dict[str, list[str]], place: PlaceDTO, day: date
) -> list[PlaceDTO]:
    """The unit itself if valid on ``day``, else every unit that took over part of it by then
    (a commune of 2024 divided between several of 2025 gives each of them)."""
    frontier, seen, out = [place], set(), []
    while frontier:
        current = frontier.pop(0)
        if current.id in seen:
            continue
        seen.add(current.id)
        if current.valid_on(day):
            out.append(current)
            continue
        following = links.get(current.id) or ([current.successor_id] if current.successor_id else [])
        frontier.extend(by_id[i] for i in following if i in by_id)
    return out
