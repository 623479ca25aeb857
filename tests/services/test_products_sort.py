"""The registry sorted by each of its columns, both ways, page after page: the Vietnamese alphabetical
order people expect (ă after a, đ after d, tones after letters), empty values last, and the same
order whether the list is narrowed or not (the unnarrowed list is read by another query)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from ocop_desktop.domain.enums import ProductStatus
from ocop_desktop.domain.text import fold, vn_sort_string
from ocop_desktop.persistence.models import Producer, Product
from ocop_desktop.services.product_query import SORT_KEYS
from ocop_desktop.services.products import ProductFilter, ProductService
from ocop_desktop.services.reference import group_id, place_id, product_set_id

TODAY = date(2026, 6, 1)
WORDS = ["Ấm", "an", "Ăn", "bưởi", "Bún", "chè", "Đào", "dưa", "Ếch", "em", "gạo", "Ô mai", "ốc", "Ơi", "ửng", "Ưng"]
PLACES = ["thi-tran-muong-ang", "xa-ang-nua", "xa-bung-lao-2024", "xa-muong-ang", "xa-na-tau", None]
SETS = ["ca-phe-ca-cao", "che-tuoi-che-che-bien", "ruou-trang", None]
GROUP_OF = {"ca-phe-ca-cao": "thuc-pham", "che-tuoi-che-che-bien": "thuc-pham", "ruou-trang": "do-uong"}
STATUS_ORDER = {s.value: i for i, s in enumerate(ProductStatus)}
GROUP_POSITION: list[str] = []  # the catalogue's group codes in its order (filled by the fixture)


@pytest.fixture(scope="module")
def registry(module_make_uow):
    """Products with and without producer, place, group, stars, dates and certificate, some with
    the same name (the id then decides), a few archived: written once per engine, only read."""
    make_uow = module_make_uow
    rng = random.Random(16)
    with make_uow(action="test") as uow:
        producers = [Producer(name=f"{rng.choice(WORDS)} {rng.choice(WORDS)}") for _ in range(12)]
        uow.session.add_all(producers)
        uow.session.flush()
        for i in range(260):
            product_set = rng.choice(SETS)
            uow.session.add(
                Product(
                    name=" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3))),
                    status=rng.choice(list(STATUS_ORDER)),
                    stars=rng.choice([None, 3, 4, 5]),
                    commune_id=place_id(p) if (p := rng.choice(PLACES)) else None,
                    product_set_id=product_set_id(product_set) if product_set else None,
                    group_id=group_id(GROUP_OF[product_set]) if product_set and i % 2 else None,
                    producer_id=rng.choice(producers).id if rng.random() < 0.85 else None,
                    certificate_no=rng.choice([None, f"{rng.randint(1, 99)}/QĐ-UBND", f"{rng.randint(1, 9)}A"]),
                    certified_on=TODAY - timedelta(days=rng.randint(0, 900)) if rng.random() < 0.7 else None,
                    expires_on=TODAY + timedelta(days=rng.randint(-300, 900)) if rng.random() < 0.7 else None,
                    archived_at=TODAY if rng.random() < 0.08 else None,
                )
            )
        uow.commit()
    from ocop_desktop.services.catalog import CatalogService

    GROUP_POSITION[:] = [g.code for g in CatalogService(make_uow).groups()]
    return ProductService(make_uow)


def _pages(products, filters, size=37):
    rows, offset, total = [], 0, None
    while total is None or offset < total:
        page, total = products.query(filters, offset=offset, limit=size, today=TODAY)
        assert page or total == 0, (filters, offset, total)
        rows += page
        offset += size
    return rows, total


def _key(sort: str, r):
    """The value the table orders ``r`` by, as people read it; None when the cell is empty."""
    return {
        "name": lambda: vn_sort_string(r.name),
        "producer": lambda: vn_sort_string(r.producer) if r.producer else None,
        "place": lambda: vn_sort_string(r.commune) if r.commune else None,
        "group": lambda: GROUP_POSITION.index(r.group_code) if r.group_code else None,
        "stars": lambda: r.stars,
        "status": lambda: STATUS_ORDER[r.status],
        "certificate_no": lambda: r.certificate_no or None,
        "certified_on": lambda: r.certified_on,
        "expires_on": lambda: r.expires_on,
    }[sort]()


def _expected(rows, sort: str, descending: bool) -> list[str]:
    ordered = sorted(rows, key=lambda r: (vn_sort_string(r.name), r.id))  # ties: the name, then the id
    if sort == "name":
        ordered = sorted(rows, key=lambda r: vn_sort_string(r.name), reverse=descending)
        ordered = sorted(ordered, key=lambda r: vn_sort_string(r.name))  # restores id order within a name
        ordered = sorted(ordered, key=lambda r: vn_sort_string(r.name), reverse=descending)
        return [r.id for r in ordered]
    filled = [r for r in ordered if _key(sort, r) is not None]
    empty = [r for r in ordered if _key(sort, r) is None]
    filled.sort(key=lambda r: _key(sort, r), reverse=descending)  # stable: name order kept within a key
    return [r.id for r in filled + empty]  # empty cells last, both ways


@pytest.mark.parametrize("sort", list(SORT_KEYS))
def test_each_column_sorts_in_the_order_people_expect_both_ways_page_after_page(registry, sort):
    for descending in (False, True):
        for filters in (
            ProductFilter(sort=sort, descending=descending),  # the whole registry
            ProductFilter(sort=sort, descending=descending, status="duoc_cong_nhan"),  # narrowed
            ProductFilter(sort=sort, descending=descending, archived=True),  # the archive view
            ProductFilter(sort=sort, descending=descending, include_archived=True),
        ):
            rows, total = _pages(registry, filters)
            assert total == len(rows) == len({r.id for r in rows}), filters
            assert [r.id for r in rows] == _expected(rows, sort, descending), filters


@pytest.mark.parametrize("narrowed", [False, True])
def test_producers_and_places_sort_by_the_vietnamese_alphabet(make_uow, narrowed):
    from ocop_desktop.services.producers import ProducerInput, ProducerService
    from ocop_desktop.services.products import ProductInput

    products = ProductService(make_uow)
    names = ["Đào Xá", "Dưa Lưới", "Ăn Ngon", "An Phú", "Ấm Áp", "Bún", "an phú"]
    for name in names:
        producer = ProducerService(make_uow).create(ProducerInput(name=name))
        products.create(ProductInput(name=f"Sản phẩm của {name}", producer_id=producer.id, status="dang_ky"))
    products.create(ProductInput(name="Không rõ chủ thể", status="dang_ky"))
    status = "dang_ky" if narrowed else None
    rows, _ = products.query(ProductFilter(sort="producer", status=status), today=TODAY)
    assert [r.producer for r in rows] == ["an phú", "An Phú", "Ăn Ngon", "Ấm Áp", "Bún", "Dưa Lưới", "Đào Xá", ""]
    rows, _ = products.query(ProductFilter(sort="producer", descending=True, status=status), today=TODAY)
    assert [r.producer for r in rows] == ["Đào Xá", "Dưa Lưới", "Bún", "Ấm Áp", "Ăn Ngon", "An Phú", "an phú", ""]


@pytest.mark.parametrize("text", ["a", "Ư", "ca", "đ", "ôm", "bưởi", "em"])
def test_short_and_long_searches_find_product_or_producer_names(registry, text):
    everything, _ = _pages(registry, ProductFilter(include_archived=True))
    wanted = {r.id for r in everything if fold(text) in fold(r.name) or fold(text) in fold(r.producer)}
    rows, total = _pages(registry, ProductFilter(search=text, include_archived=True), size=25)
    assert {r.id for r in rows} == wanted and total == len(wanted)
    names = [r.name for r in rows]
    assert names == sorted(names, key=vn_sort_string)


def test_a_search_naming_many_producers_finds_all_their_products(make_uow):
    """Past 300 matching producers the search asks by subquery rather than by a list of ids: the
    same rows either way."""
    with make_uow(action="test") as uow:
        producers = [Producer(name=f"HTX Phìn Hồ {i}") for i in range(305)]
        uow.session.add_all(producers)
        uow.session.flush()
        for i, producer in enumerate(producers[::10]):
            uow.session.add(Product(name=f"Chè số {i}", status="dang_ky", producer_id=producer.id))
        uow.session.add(Product(name="Trà Phìn Hồ", status="dang_ky"))
        uow.session.add(Product(name="Gạo", status="dang_ky"))
        uow.commit()
    products = ProductService(make_uow)
    for text, expected in (("phin ho", 32), ("phin ho 30", 2), ("phìn hồ 304", 0), ("gao", 1)):
        rows, total = _pages(products, ProductFilter(search=text), size=7)
        assert total == len(rows) == expected, text
    rows, _ = _pages(products, ProductFilter(search="phin ho 30"))
    assert sorted(r.producer for r in rows) == ["HTX Phìn Hồ 30", "HTX Phìn Hồ 300"]


def test_a_renamed_producer_is_found_by_its_new_name_and_sorted_by_it(make_uow):
    """Nothing derived from a producer's name is stored with its products: renaming it changes
    what the search finds and where its products sort at once."""
    from ocop_desktop.services.producers import ProducerInput, ProducerService
    from ocop_desktop.services.products import ProductInput

    producers, products = ProducerService(make_uow), ProductService(make_uow)
    first = producers.create(ProducerInput(name="HTX Ấm Áp"))
    second = producers.create(ProducerInput(name="HTX Bún"))
    products.create(ProductInput(name="Chè", producer_id=first.id, status="dang_ky"))
    products.create(ProductInput(name="Gạo", producer_id=second.id, status="dang_ky"))
    assert [r.name for r in products.query(ProductFilter(search="am ap"), today=TODAY)[0]] == ["Chè"]
    producers.update(first.id, ProducerInput(name="HTX Đào Xá"))
    assert products.query(ProductFilter(search="am ap"), today=TODAY) == ([], 0)
    assert [r.name for r in products.query(ProductFilter(search="dao xa"), today=TODAY)[0]] == ["Chè"]
    rows, _ = products.query(ProductFilter(sort="producer"), today=TODAY)
    assert [r.producer for r in rows] == ["HTX Bún", "HTX Đào Xá"]
