"""Places: the national list before and after 01/07/2025, its old -> new links, search and upgrade."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from ocop_desktop.domain.enums import PROVINCE_KINDS
from ocop_desktop.domain.text import vn_sorted
from ocop_desktop.paths import resources_dir
from ocop_desktop.persistence.models import AppMeta, Place, PlaceLink, Producer, Product, SurveyEntry, UnitSubmission
from ocop_desktop.services.catalog import CatalogService
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.reference import load_reference, place_id
from ocop_desktop.services.reference_places import META_KEY, PLACES_FILE

# The 16 units shipped before the national list, by key: their ids must never change.
OLD_KEYS = [
    "tinh-dien-bien",
    "huyen-muong-ang",
    "thi-tran-muong-ang",
    "xa-ang-nua",
    "xa-ang-cang",
    "xa-bung-lao-2024",
    "xa-ang-to",
    "xa-muong-dang",
    "xa-ngoi-cay",
    "xa-muong-lan-2024",
    "xa-xuan-lao",
    "xa-nam-lich",
    "xa-muong-ang",
    "xa-bung-lao",
    "xa-na-tau",
    "xa-muong-lan",
]


def _by_name(places, name, valid_from=None):
    return next(p for p in places if p.name == name and (valid_from is None or p.valid_from == valid_from))


def _valid(unit, periods, day: str) -> bool:
    start, end = periods[unit[0]]
    return (start is None or start <= day) and (end is None or day <= end)


def test_shipped_file_counts_34_provinces_and_3321_units_in_2026_and_63_provinces_before():
    data = json.loads((resources_dir() / PLACES_FILE).read_text(encoding="utf-8"))
    units, periods = data["units"], data["periods"]
    provinces_2026 = [u for u in units if u[3] in PROVINCE_KINDS and _valid(u, periods, "2026-01-01")]
    communes_2026 = [u for u in units if u[3] in {"xa", "phuong", "dac_khu"} and _valid(u, periods, "2026-01-01")]
    provinces_2025 = [u for u in units if u[3] in PROVINCE_KINDS and _valid(u, periods, "2025-06-30")]
    communes_2025 = [u for u in units if len(u[1]) == 5 and _valid(u, periods, "2025-06-30")]
    assert (len(provinces_2026), len(communes_2026), len(provinces_2025)) == (34, 3321, 63)
    assert 10_000 <= len(communes_2025) <= 10_100
    assert "vietnamadminunits" in data["source"] and "MIT" in data["source"]


def test_database_counts_follow_the_file(make_uow):
    service = PlaceService(make_uow)
    assert len(service.communes(on=date(2026, 1, 1))) == 3321
    with make_uow() as uow:
        provinces = uow.session.scalars(select(Place).where(Place.parent_id.is_(None))).all()
    assert sum(1 for p in provinces if p.valid_to is None) == 34
    assert sum(1 for p in provinces if p.valid_from is None) == 63


def test_new_commune_covers_the_units_merged_into_it(make_uow):
    service = PlaceService(make_uow)
    new = next(i.place for i in service.by_code("03256") if i.place.valid_from)
    with make_uow() as uow:
        covered = service.covered_ids(new.id)
        names = set(uow.session.scalars(select(Place.name).where(Place.id.in_(covered))))
    assert names == {"Xã Mường Ảng", "Thị trấn Mường Ảng", "Xã Ẳng Nưa", "Xã Ẳng Cang"}


def test_old_unit_covers_only_itself_and_district_covers_its_units(make_uow):
    service = PlaceService(make_uow)
    assert service.covered_ids(place_id("xa-ang-to")) == {place_id("xa-ang-to")}
    # Huyện Mường Ảng: itself, its township and its nine communes.
    assert len(service.covered_ids(place_id("huyen-muong-ang"))) == 11


def test_old_unit_reports_under_its_successor(make_uow):
    service = PlaceService(make_uow)
    assert service.current_successor(place_id("xa-ang-to")) == place_id("xa-bung-lao")


def test_communes_valid_on_a_date(make_uow):
    service = PlaceService(make_uow)
    muong_ang = {p.id for p in service.communes(on=date(2024, 6, 1)) if p.parent_id == place_id("huyen-muong-ang")}
    assert len(muong_ang) == 10
    dien_bien = [p for p in service.communes(on=date(2026, 1, 1)) if p.parent_id == place_id("tinh-dien-bien")]
    assert len(dien_bien) == 45  # 129 commune-level units became 45 (see the province's note of 2025)


def test_search_without_accents_on_a_date_shows_the_successor(make_uow):
    (hit,) = PlaceService(make_uow).search("ang nua", on=date(2024, 6, 1))
    assert (hit.place.code, hit.place.name, hit.parent.name) == ("03307", "Xã Ẳng Nưa", "Huyện Mường Ảng")
    assert [(s.place.name, s.main) for s in hit.successors] == [("Xã Mường Ảng", True)]
    assert PlaceService(make_uow).search("ang nua", on=date(2026, 1, 1)) == []


def test_a_commune_divided_in_2025_keeps_every_link(make_uow):
    counts: dict[str, list[bool]] = {}
    with make_uow() as uow:
        for pred, main in uow.session.execute(select(PlaceLink.predecessor_id, PlaceLink.main)):
            counts.setdefault(pred, []).append(main)
        divided = sorted(pred for pred, mains in counts.items() if len(mains) > 1)
        code = uow.session.get(Place, divided[0]).code
    assert len(divided) > 400 and all(sum(counts[p]) == 1 for p in divided)
    (old,) = [i for i in PlaceService(make_uow).by_code(code) if i.place.valid_to]
    assert len(old.successors) == len(counts[divided[0]]) >= 2 and old.successors[0].main
    assert all(s.note.startswith(f"Chia cho {len(old.successors)} đơn vị mới") for s in old.successors)
    # Each new unit counts the divided one's records as its own.
    for s in old.successors:
        assert old.place.id in PlaceService(make_uow).covered_ids(s.place.id)


def test_a_second_load_reads_nothing_and_changes_nothing(make_uow):
    assert not load_reference(make_uow).changed
    with make_uow() as uow:
        assert uow.session.get(AppMeta, META_KEY).value


def test_catalog_lists_six_groups_and_26_sets(make_uow):
    groups = CatalogService(make_uow).groups()
    assert groups[0].name == "Thực phẩm"
    assert len(groups) == 6 and sum(len(g.sets) for g in groups) == 26


# The 16 rows as the loader before the national list wrote them (resources/reference/places.json
# version 1): key, code, name, kind, parent, valid_to, successor.
_V1 = [
    ("tinh-dien-bien", "11", "Tỉnh Điện Biên", "tinh", None, None, None),
    ("huyen-muong-ang", "102", "Huyện Mường Ảng", "huyen", "tinh-dien-bien", "2025-06-30", None),
    ("xa-muong-ang", None, "Xã Mường Ảng", "xa", "tinh-dien-bien", None, None),
    ("xa-bung-lao", None, "Xã Búng Lao", "xa", "tinh-dien-bien", None, None),
    ("xa-na-tau", None, "Xã Nà Tấu", "xa", "tinh-dien-bien", None, None),
    ("xa-muong-lan", None, "Xã Mường Lạn", "xa", "tinh-dien-bien", None, None),
    ("thi-tran-muong-ang", "03256", "Thị trấn Mường Ảng", "thi_tran", "huyen-muong-ang", "2025-06-30", "xa-muong-ang"),
    ("xa-ang-nua", "03307", "Xã Ẳng Nưa", "xa", "huyen-muong-ang", "2025-06-30", "xa-muong-ang"),
    ("xa-ang-cang", "03310", "Xã Ẳng Cang", "xa", "huyen-muong-ang", "2025-06-30", "xa-muong-ang"),
    ("xa-bung-lao-2024", "03301", "Xã Búng Lao", "xa", "huyen-muong-ang", "2025-06-30", "xa-bung-lao"),
    ("xa-ang-to", "03292", "Xã Ẳng Tở", "xa", "huyen-muong-ang", "2025-06-30", "xa-bung-lao"),
    ("xa-muong-dang", "03286", "Xã Mường Đăng", "xa", "huyen-muong-ang", "2025-06-30", "xa-na-tau"),
    ("xa-ngoi-cay", "03287", "Xã Ngối Cáy", "xa", "huyen-muong-ang", "2025-06-30", "xa-na-tau"),
    ("xa-muong-lan-2024", "03313", "Xã Mường Lạn", "xa", "huyen-muong-ang", "2025-06-30", "xa-muong-lan"),
    ("xa-xuan-lao", "03302", "Xã Xuân Lao", "xa", "huyen-muong-ang", "2025-06-30", "xa-muong-lan"),
    ("xa-nam-lich", "03312", "Xã Nặm Lịch", "xa", "huyen-muong-ang", "2025-06-30", "xa-muong-lan"),
]


def _pointers(make_uow) -> list[tuple[str, str | None]]:
    """Every record that points at a place: producers, products, the survey's units."""
    with make_uow() as uow:
        rows = []
        for model, column in (
            (Producer, Producer.commune_id),
            (Product, Product.commune_id),
            (UnitSubmission, UnitSubmission.unit_id),
            (SurveyEntry, SurveyEntry.unit_id),
        ):
            rows += uow.session.execute(select(model.id, column)).all()
    return sorted(rows, key=lambda r: (r[0], r[1] or ""))


def test_upgrading_a_database_with_the_16_places_keeps_their_ids_and_records(db_path):
    from ocop_desktop.persistence.database import open_database
    from ocop_desktop.services.sample import load_sample

    db = open_database(db_path)
    try:
        make_uow = db.uow_factory(actor="Nguyễn Văn Kiểm")
        with make_uow() as uow:
            for key, code, name, kind, parent, valid_to, _ in _V1:
                uow.session.add(
                    Place(
                        id=place_id(key),
                        key=key,
                        code=code,
                        name=name,
                        kind=kind,
                        parent_id=place_id(parent) if parent else None,
                        valid_from=date(2025, 7, 1) if code is None else None,
                        valid_to=date.fromisoformat(valid_to) if valid_to else None,
                    )
                )
            uow.session.flush()
            for key, *_, successor in _V1:
                if successor:
                    uow.session.get(Place, place_id(key)).successor_id = place_id(successor)
            uow.commit()
        # The rule sets and groups the sample needs, then the sample's products and producers.
        from ocop_desktop.services import reference

        with make_uow() as uow:
            reference._load_groups(uow, reference.LoadReport())
            reference._load_rule_sets(uow, reference.LoadReport())
            uow.commit()
        load_sample(make_uow, "muong-ang-2024")
        before = _pointers(make_uow)
        assert {c for _, c in before if c} <= {place_id(k) for k, *_ in _V1}
        assert len({c for _, c in before if c}) >= 3

        report = load_reference(make_uow)

        assert report.added["places"] == 14138 - 16
        with make_uow() as uow:
            for key, _code, name, *_ in _V1:
                kept = uow.session.get(Place, place_id(key))
                assert (kept.key, kept.name) == (key, name)
            assert uow.session.get(Place, place_id("xa-muong-ang")).code == "03256"
            assert uow.session.get(Place, place_id("xa-na-tau")).code == "03316"
            links = set(
                uow.session.execute(
                    select(PlaceLink.predecessor_id, PlaceLink.successor_id).where(
                        PlaceLink.successor_id == place_id("xa-muong-ang")
                    )
                ).all()
            )
        assert {p for p, _ in links} == {place_id(k) for k in ("thi-tran-muong-ang", "xa-ang-nua", "xa-ang-cang")}
        assert _pointers(make_uow) == before
    finally:
        db.close()


def test_the_registry_filter_offers_only_places_in_use_with_those_above_and_after_them(make_uow):
    from ocop_desktop.services.places import PlaceService
    from ocop_desktop.services.products import ProductInput, ProductService
    from ocop_desktop.services.reference import place_id

    places = PlaceService(make_uow)
    assert places.in_use() == []  # a new office: nothing to filter by yet
    ProductService(make_uow).create(ProductInput(name="Bánh chưng gù", commune_id=place_id("thi-tran-muong-ang")))
    assert [p.label for p in places.in_use()] == [
        "Huyện Mường Ảng (đến 30/06/2025)",
        "Thị trấn Mường Ảng (đến 30/06/2025)",
        "Tỉnh Điện Biên",
        "Xã Mường Ảng (từ 01/07/2025)",
    ]


def test_a_place_field_offers_the_first_units_matching_a_fragment_typed_without_accents(make_uow):
    from ocop_desktop.services.places import PlaceService

    places = PlaceService(make_uow)
    found = places.find("dien bi")
    assert found[0].label == "Tỉnh Điện Biên"  # provinces first
    rest = [p.name for p in found[1:]]
    assert rest == vn_sorted(rest)  # then in Vietnamese order
    assert "Huyện Điện Biên Đông" in rest and "Xã Diên Bình" in rest  # accents and đ ignored
    assert [p.label for p in places.find("  BÚNG lao ")] == [
        "Xã Búng Lao (đến 30/06/2025)",
        "Xã Búng Lao (từ 01/07/2025)",
    ]
    assert len(places.find("xa", limit=5)) == 5  # a typed search offers a few, never every unit
    assert places.find("   ") == []
