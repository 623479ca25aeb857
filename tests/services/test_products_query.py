"""Registry query: one page of shown columns, Vietnamese order, filters in SQL, duplicates, producers."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from ocop_desktop.domain.text import fold, vn_sort_key
from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.persistence.models import Producer, Product
from ocop_desktop.services.catalog import CatalogService
from ocop_desktop.services.producers import ProducerInput, ProducerService
from ocop_desktop.services.products import (
    EXPIRED,
    EXPIRING,
    ProductFilter,
    ProductInput,
    ProductService,
    checklist_sections,
)
from ocop_desktop.services.reference import group_id, place_id, product_set_id

TODAY = date(2026, 6, 1)
SYLLABLES = [
    "Cà",
    "phê",
    "Trà",
    "Mật",
    "ong",
    "Ẳng",
    "Đào",
    "Bưởi",
    "Ấm",
    "gạo",
    "nếp",
    "Ếch",
    "Sơn",
    "rượu",
    "măng",
    "ớt",
    "Ưng",
    "thịt",
    "trâu",
    "khô",
    "Dưa",
    "Đậu",
    "em",
    "chè",
]
PLACES = ["thi-tran-muong-ang", "xa-ang-nua", "xa-bung-lao-2024", "xa-muong-ang", "xa-na-tau"]
SETS = {
    "ca-phe-ca-cao": "thuc-pham",
    "che-tuoi-che-che-bien": "thuc-pham",
    "mat-ong-mat-khac-nong-san-khac": "thuc-pham",
    "ruou-trang": "do-uong",
}
STATUSES = ["tiem_nang", "dang_ky", "duoc_cong_nhan", "het_han", "bi_thu_hoi"]


@pytest.fixture
def products(make_uow):
    return ProductService(make_uow)


@pytest.fixture(scope="module")
def generated(module_make_uow):
    """2,000 products written in one transaction, once per engine for the tests that only read
    them (through ``registry``); returns their facts for the expectations."""
    rng = random.Random(2024)
    facts = []
    with module_make_uow(action="test") as uow:
        producers = [Producer(name=f"HTX {rng.choice(SYLLABLES)} {i}") for i in range(40)]
        uow.session.add_all(producers)
        uow.session.flush()
        for i in range(2000):
            name = " ".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))) + f" {i % 97}"
            status = rng.choice(STATUSES)
            expires = TODAY + timedelta(days=rng.randint(-400, 900)) if rng.random() < 0.7 else None
            fact = {
                "name": name,
                "place": rng.choice(PLACES),
                "set": rng.choice(list(SETS)),
                "status": status,
                "stars": rng.choice([None, 3, 4, 5]),
                "expires_on": expires,
                "archived": rng.random() < 0.05,
                "producer": rng.choice(producers),
            }
            uow.session.add(
                Product(
                    name=name,
                    status=status,
                    stars=fact["stars"],
                    commune_id=place_id(fact["place"]),
                    product_set_id=product_set_id(fact["set"]),
                    # Some rows carry their group, others only their set (older imports did).
                    group_id=group_id(SETS[fact["set"]]) if i % 3 else None,
                    producer_id=fact["producer"].id,
                    expires_on=expires,
                    archived_at=TODAY if fact["archived"] else None,
                )
            )
            facts.append(fact)
        uow.commit()
    return facts


@pytest.fixture
def registry(module_make_uow, generated):
    """The service on the 2,000 products of ``generated``."""
    return ProductService(module_make_uow)


def _all_pages(products, filters, size=173):
    rows, offset, total = [], 0, None
    while total is None or offset < total:
        page, total = products.query(filters, offset=offset, limit=size, today=TODAY)
        assert page or offset >= total
        rows += page
        offset += size
    return rows, total


def test_pages_cover_every_active_product_once_in_vietnamese_order(registry, generated):
    rows, total = _all_pages(registry, ProductFilter())
    active = [f for f in generated if not f["archived"]]
    assert total == len(active) == len(rows)
    assert len({r.id for r in rows}) == total
    names = [r.name for r in rows]
    assert names == sorted(names, key=vn_sort_key)
    assert sorted(names) == sorted(f["name"] for f in active)
    # Group comes from the product set even though the rows were written without group_id.
    assert {r.group for r in rows} >= {"Thực phẩm", "Đồ uống"}


def test_filters_match_a_python_count_of_the_same_facts(registry, generated):
    def expect(pred):
        return sum(1 for f in generated if not f["archived"] and pred(f))

    cases = [
        (ProductFilter(search="CA PHE"), lambda f: "ca phe" in fold(f["name"] + "|" + f["producer"].name)),
        (ProductFilter(search="ếch"), lambda f: "ech" in fold(f["name"] + "|" + f["producer"].name)),
        (ProductFilter(stars=4), lambda f: f["stars"] == 4),
        (ProductFilter(status="het_han"), lambda f: f["status"] == "het_han"),
        (ProductFilter(group_code="do-uong"), lambda f: f["set"] == "ruou-trang"),
        (
            ProductFilter(place_id=place_id("xa-muong-ang")),
            lambda f: f["place"] in ("thi-tran-muong-ang", "xa-ang-nua", "xa-muong-ang"),
        ),
        (ProductFilter(place_id=place_id("thi-tran-muong-ang")), lambda f: f["place"] == "thi-tran-muong-ang"),
        (
            ProductFilter(expired=True),
            lambda f: (
                f["status"] == "het_han"
                or (f["status"] != "bi_thu_hoi" and f["expires_on"] is not None and f["expires_on"] < TODAY)
            ),
        ),
        (
            ProductFilter(expiring_within_days=90),
            lambda f: (
                f["status"] not in ("het_han", "bi_thu_hoi")
                and f["expires_on"] is not None
                and TODAY <= f["expires_on"] <= TODAY + timedelta(days=90)
            ),
        ),
    ]
    for filters, pred in cases:
        page, total = registry.query(filters, limit=50, today=TODAY)
        assert total == expect(pred), filters
        assert len(page) == min(50, total)
    archived, total = registry.query(ProductFilter(archived=True), limit=500, today=TODAY)
    assert total == sum(f["archived"] for f in generated) == len(archived)
    assert all(r.archived for r in archived)
    _, everything = registry.query(ProductFilter(include_archived=True), limit=1, today=TODAY)
    assert everything == len(generated)


def test_rows_carry_expiry_state_relative_to_today(registry, generated):
    rows, _ = _all_pages(registry, ProductFilter(sort="expires_on"), size=500)
    dated = [r for r in rows if r.expires_on]
    assert [r.expires_on for r in dated] == sorted(r.expires_on for r in dated)
    assert rows[-1].expires_on is None  # empty expiry goes last
    for r in rows:
        if r.status == "het_han" or (r.status != "bi_thu_hoi" and r.expires_on and r.expires_on < TODAY):
            assert r.expiry_state == EXPIRED
        elif r.status != "bi_thu_hoi" and r.expires_on and r.expires_on <= date(2026, 12, 1):
            assert r.expiry_state == EXPIRING and 0 <= r.days_left <= 183
        else:
            assert r.expiry_state == ""


def test_sorting_by_producer_and_descending(registry, generated):
    rows, _ = _all_pages(registry, ProductFilter(sort="producer", descending=True), size=700)
    keys = [vn_sort_key(r.producer) for r in rows]
    assert keys == sorted(keys, reverse=True)
    with pytest.raises(ValueError):
        registry.query(ProductFilter(sort="bogus"))


def test_search_escapes_wildcards_and_finds_by_producer(products, make_uow):
    producer = ProducerService(make_uow).create(ProducerInput(name="HTX Chè Phìn Hồ"))
    products.create(ProductInput(name="Trà 100% búp", producer_id=producer.id))
    products.create(ProductInput(name="Trà 1000 búp"))
    assert [r.name for r in products.query(ProductFilter(search="100%"))[0]] == ["Trà 100% búp"]
    assert [r.name for r in products.query(ProductFilter(search="_"))[0]] == []
    assert [r.name for r in products.query(ProductFilter(search="phin ho"))[0]] == ["Trà 100% búp"]


def test_duplicate_names_for_the_same_producer_are_found(products, make_uow):
    producers = ProducerService(make_uow)
    a = producers.create(ProducerInput(name="HTX Ẳng Nưa"))
    b = producers.create(ProducerInput(name="Hộ bà Lò Thị Xuân"))
    first = products.create(ProductInput(name="Mật ong rừng", producer_id=a.id))
    products.create(ProductInput(name="Mật ong rừng", producer_id=b.id))
    found = products.find_duplicates("  mat ONG rung ", a.id)
    assert [(r.id, r.producer) for r in found] == [(first.id, "HTX Ẳng Nưa")]
    assert products.find_duplicates("Mật ong rừng", a.id, exclude_id=first.id) == []
    assert products.find_duplicates("Mật ong rừng", None) == []
    products.set_archived(first.id, True)
    assert [r.archived for r in products.find_duplicates("Mật ong rừng", a.id)] == [True]


def test_group_without_set_and_a_set_from_another_group(products):
    only_group = products.create(ProductInput(name="Hoa ban", group_code="sinh-vat-canh"))
    assert (only_group.group_code, only_group.product_set_code) == ("sinh-vat-canh", "")
    with pytest.raises(ValidationError) as info:
        products.create(ProductInput(name="Rượu", group_code="thuc-pham", product_set_code="ruou-trang"))
    assert "không thuộc nhóm «Thực phẩm»" in info.value.by_field()["product_set"][0]
    with pytest.raises(ValidationError) as info:
        products.create(ProductInput(name="Rượu", group_code="khong-co"))
    assert set(info.value.by_field()) == {"group"}


def test_validate_reports_without_saving(products):
    errors = products.validate(ProductInput(name="", ean13="8935002301005"))
    assert {e.field for e in errors} == {"name", "ean13"}
    saved = products.create(ProductInput(name="Gạo nếp nương"))
    assert products.validate(ProductInput(name="Gạo nếp nương mới"), saved.id) == []
    assert products.get(saved.id).name == "Gạo nếp nương"


def test_archiving_many_at_once(products):
    ids = [products.create(ProductInput(name=f"Sản phẩm {i}")).id for i in range(3)]
    assert products.set_archived_many(ids[:2], True) == 2
    assert products.set_archived_many(ids, True) == 1  # the first two already were
    assert products.query(ProductFilter())[1] == 0
    assert products.set_archived_many(ids[1:], False) == 2
    assert [r.name for r in products.query(ProductFilter())[0]] == ["Sản phẩm 1", "Sản phẩm 2"]


def test_checklist_comes_grouped_by_section():
    sections = checklist_sections()
    assert [s.name for s in sections] == ["Nhãn hàng hóa", "Truy xuất nguồn gốc", "Nhãn hiệu, sở hữu trí tuệ"]
    assert sections[1].items[0].name == "Mã số mã vạch"


def test_producer_choices_and_duplicate_tax_code(make_uow):
    service = ProducerService(make_uow)
    first = service.create(
        ProducerInput(name="HTX Chung Phước", tax_code="0100109106", commune_id=place_id("xa-bung-lao"))
    )
    service.create(ProducerInput(name="Hộ ông Đào Văn An"))
    choices = service.choices()
    assert [c.name for c in choices] == ["Hộ ông Đào Văn An", "HTX Chung Phước"]  # o before t
    assert choices[1].label == "HTX Chung Phước — Xã Búng Lao" and choices[1].tax_code == "0100109106"
    assert [c.name for c in service.choices("dao van")] == ["Hộ ông Đào Văn An"]
    assert service.get(first.id).name == "HTX Chung Phước"
    with pytest.raises(ValidationError) as info:
        service.create(ProducerInput(name="HTX Chung Phước 2", tax_code="0100109106"))
    assert "đã thuộc chủ thể «HTX Chung Phước»" in info.value.by_field()["tax_code"][0]
    service.update(first.id, ProducerInput(name="HTX Chung Phước", tax_code="0100109106"))


def test_catalog_codes_used_by_the_tests_exist(make_uow):
    groups = {g.code: {s.code for s in g.sets} for g in CatalogService(make_uow).groups()}
    assert "ruou-trang" in groups["do-uong"] and "sinh-vat-canh" in groups
    assert all(SETS[code] in groups and code in groups[SETS[code]] for code in SETS)
