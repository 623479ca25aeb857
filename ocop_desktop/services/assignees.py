"""Who a task can be given to, offered from the office's place in the administration.

A new office has no tasks yet, so the names already used are not enough: a commune offers its
own offices (Decree 150/2025/NĐ-CP: Văn phòng HĐND và UBND, Phòng Kinh tế — Phòng Kinh tế, Hạ
tầng và Đô thị in a ward —, Phòng Văn hóa - Xã hội) and the Front; a province or a district its
communes' people's committees one by one, all of them at once, and the departments that the
OCOP programme involves. The user may still type any other name."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ocop_desktop.domain.enums import COMMUNE_KINDS, DISTRICT_KINDS, PROVINCE_KINDS, PlaceKind
from ocop_desktop.domain.text import vn_sort_key
from ocop_desktop.persistence.models import Place
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.settings import read_settings

# The provincial departments an OCOP letter usually assigns, as reorganised in 2025.
PROVINCE_DEPARTMENTS = (
    "Sở Nông nghiệp và Môi trường",
    "Sở Công Thương",
    "Sở Khoa học và Công nghệ",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Tài chính",
)
# Before 01/07/2025 a district's offices, as the 2024 letter of Mường Ảng names them.
DISTRICT_OFFICES = ("Phòng Nông nghiệp và PTNT", "Phòng Kinh tế - Hạ tầng", "Ủy ban MTTQ Việt Nam")
PRODUCERS = "Các chủ thể OCOP"
KIND_WORDS = (
    (PlaceKind.COMMUNE.value, "xã"),
    (PlaceKind.WARD.value, "phường"),
    (PlaceKind.TOWNSHIP.value, "thị trấn"),
    (PlaceKind.SPECIAL_ZONE.value, "đặc khu"),
)


def _lower_kind(name: str) -> str:
    """«Xã Bắc Hà» → «xã Bắc Hà», as a name reads inside a sentence («UBND xã Bắc Hà»)."""
    for word in ("Thị trấn", "Đặc khu", "Phường", "Xã", "Huyện", "Quận", "Thị xã", "Thành phố", "Tỉnh"):
        if name.startswith(word + " "):
            return word.lower() + name[len(word) :]
    return name


def _valid(p: Place, day: date) -> bool:
    return (p.valid_from is None or p.valid_from <= day) and (p.valid_to is None or p.valid_to >= day)


def suggested_assignees(make_uow: UowFactory, today: date) -> list[str]:
    """Names of the offices and units a task of this office may go to, in Vietnamese order."""
    unit_id = read_settings(make_uow).get("office_unit_id")
    if not unit_id:
        return [PRODUCERS]
    with make_uow() as uow:
        s = uow.session
        place = s.get(Place, unit_id)
        for _ in range(5):  # an office set up before the reform writes to the unit that took it over
            if place is None or _valid(place, today) or not place.successor_id:
                break
            place = s.get(Place, place.successor_id)
        if place is None:
            return [PRODUCERS]
        own = _lower_kind(place.name)
        names: list[str] = [PRODUCERS]
        if place.kind in COMMUNE_KINDS:
            economy = "Phòng Kinh tế, Hạ tầng và Đô thị" if place.kind == PlaceKind.WARD.value else "Phòng Kinh tế"
            names += [
                f"Văn phòng HĐND và UBND {own}",
                f"{economy} {own}",
                f"Phòng Văn hóa - Xã hội {own}",
                f"Ủy ban MTTQ Việt Nam {own}",
            ]
            return sorted(names, key=vn_sort_key)
        communes = [
            p
            for p in s.scalars(select(Place).where(Place.parent_id == place.id))
            if p.kind in COMMUNE_KINDS and _valid(p, today)
        ]
        names += [f"UBND {_lower_kind(p.name)}" for p in communes]
        if communes:
            # «UBND các xã, thị trấn» as the letter says, with the kinds this area has.
            kinds = {p.kind for p in communes}
            words = [w for k, w in KIND_WORDS if k in kinds]
            names.append(f"UBND các {', '.join(words)}" + (f" {own}" if place.kind in PROVINCE_KINDS else ""))
        if place.kind in PROVINCE_KINDS:
            names += [f"{d} {own}" for d in PROVINCE_DEPARTMENTS]
        elif place.kind in DISTRICT_KINDS:
            names += [f"{o} {own}" for o in DISTRICT_OFFICES]
        return sorted(names, key=vn_sort_key)
