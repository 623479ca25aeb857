"""Registry page without its count: the rows first, the total told apart, both as query() has them."""

from __future__ import annotations

from datetime import date, datetime

from ocop_desktop.persistence.models import Producer, Product
from ocop_desktop.services.products import ProductFilter, ProductService
from ocop_desktop.services.reference import product_set_id

TODAY = date(2026, 6, 1)


def _fill(make_uow) -> None:
    with make_uow(action="test") as uow:
        maker = Producer(name="HTX Đồng Xanh")
        uow.session.add(maker)
        uow.session.flush()
        set_id = product_set_id("ca-phe-ca-cao")
        for i in range(30):  # 30 named for coffee, 5 more found by their producer's name, 2 archived
            uow.session.add(Product(name=f"Cà phê số {i:02d}", status="tiem_nang", product_set_id=set_id))
        for i in range(5):
            uow.session.add(Product(name=f"Gạo {i}", status="tiem_nang", product_set_id=set_id, producer_id=maker.id))
        for i in range(2):
            uow.session.add(
                Product(
                    name=f"Cà phê cũ {i}", status="tiem_nang", product_set_id=set_id, archived_at=datetime(2026, 5, 1)
                )
            )
        uow.commit()


def test_a_full_page_leaves_the_total_to_count_which_agrees_with_query(make_uow):
    _fill(make_uow)
    products = ProductService(make_uow)
    for filters in (ProductFilter(search="ca phe"), ProductFilter(search="dong xanh"), ProductFilter()):
        rows, total = products.uncounted_page(filters, 0, 10, TODAY)
        full, counted = products.query(filters, 0, 10, TODAY)
        assert rows == full and len(rows) == min(10, counted)
        assert total is (None if counted > 10 else counted)
        assert products.count(filters, TODAY) == counted
    assert products.count(ProductFilter(search="ca phe"), TODAY) == 30  # the archived two are not listed
    assert products.count(ProductFilter(search="dong xanh"), TODAY) == 5  # found by the producer's name
    assert products.count(ProductFilter(search="ca phe", archived=True), TODAY) == 2


def test_the_last_page_tells_its_total_without_counting(make_uow):
    _fill(make_uow)
    products = ProductService(make_uow)
    rows, total = products.uncounted_page(ProductFilter(search="ca phe"), 20, 200, TODAY)
    assert [r.name for r in rows] == [f"Cà phê số {i:02d}" for i in range(20, 30)] and total == 30
    assert products.uncounted_page(ProductFilter(search="khong co"), 0, 200, TODAY) == ([], 0)


def test_the_first_page_and_the_next_ones_follow_one_order(make_uow):
    _fill(make_uow)
    products = ProductService(make_uow)
    for descending in (False, True):
        for search in ("", "ca phe", "dong xanh", "so 1"):
            filters = ProductFilter(search=search, descending=descending)
            whole, total = products.query(filters, 0, 100, TODAY)
            paged = [r for offset in range(0, total, 4) for r in products.query(filters, offset, 4, TODAY)[0]]
            assert paged == whole and len(whole) == total
            names = [r.name for r in whole]
            assert names == sorted(names, reverse=descending)  # these names sort alike in both orders
