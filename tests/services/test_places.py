"""Places and the 2025 merger: filters by a new commune include the units merged into it."""

from __future__ import annotations

from datetime import date

from ocop_desktop.services.catalog import CatalogService
from ocop_desktop.services.places import PlaceService


def _by_name(places, name, valid_from=None):
    return next(p for p in places if p.name == name and (valid_from is None or p.valid_from == valid_from))


def test_new_commune_covers_the_units_merged_into_it(make_uow):
    service = PlaceService(make_uow)
    places = service.all()
    new = _by_name(places, "Xã Mường Ảng", date(2025, 7, 1))
    names = {p.name for p in places if p.id in service.covered_ids(new.id)}
    assert names == {"Xã Mường Ảng", "Thị trấn Mường Ảng", "Xã Ẳng Nưa", "Xã Ẳng Cang"}


def test_old_unit_covers_only_itself_and_district_covers_its_units(make_uow):
    service = PlaceService(make_uow)
    places = service.all()
    old = _by_name(places, "Xã Ẳng Tở")
    assert service.covered_ids(old.id) == {old.id}
    district = _by_name(places, "Huyện Mường Ảng")
    assert len(service.covered_ids(district.id)) == 11


def test_old_unit_reports_under_its_successor(make_uow):
    service = PlaceService(make_uow)
    places = service.all()
    old = _by_name(places, "Xã Ẳng Tở")
    assert service.current_successor(old.id) == _by_name(places, "Xã Búng Lao", date(2025, 7, 1)).id


def test_communes_valid_on_a_date(make_uow):
    service = PlaceService(make_uow)
    assert len(service.communes(on=date(2024, 6, 1))) == 10
    assert [p.name for p in service.communes(on=date(2026, 1, 1))] == [
        "Xã Búng Lao", "Xã Mường Ảng", "Xã Mường Lạn", "Xã Nà Tấu",
    ]


def test_catalog_lists_six_groups_and_26_sets(make_uow):
    groups = CatalogService(make_uow).groups()
    assert [g.name for g in groups][0] == "Thực phẩm"
    assert len(groups) == 6 and sum(len(g.sets) for g in groups) == 26
