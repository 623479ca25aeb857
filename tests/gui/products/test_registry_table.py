"""The registry table: columns named by the product record, a search of one or two letters, Enter
searching at once, a header click sorting by producer in Vietnamese order, rows fetched as the
view scrolls."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from ocop_desktop.domain.language import set_display_language
from ocop_desktop.domain.schema import PRODUCT, WINDOW
from ocop_desktop.gui.products.models import ProductRowsModel
from ocop_desktop.services.producers import ProducerInput
from ocop_desktop.services.product_query import ProductRow
from ocop_desktop.services.products import PAGE_SIZE, ProductInput
from tests.gui.keyboard import type_text
from tests.gui.products.conftest import names


def _row(i: int, **changes) -> ProductRow:
    values = dict(
        id=f"p-{i}",
        name=f"Sản phẩm {i}",
        producer="HTX Phìn Hồ",
        producer_id="r-1",
        commune="Xã Nà Tấu",
        commune_id="x-1",
        group="Đồ uống",
        group_code="do-uong",
        stars=4,
        status="duoc_cong_nhan",
        status_label="Được công nhận",
        certificate_no="12/QĐ-UBND",
        certified_on=date(2025, 3, 2),
        expires_on=date(2028, 3, 2),
        archived=False,
        expiry_state="",
        days_left=None,
    )
    values.update(changes)
    return ProductRow(**values)


def _headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_the_columns_are_the_product_record_s_in_the_window_s_language(qapp, qtmodeltester):
    model = ProductRowsModel()
    assert _headers(model) == [f.label for f in PRODUCT.view(WINDOW)]
    assert _headers(model)[:4] == ["Tên", "Chủ thể", "Xã", "Nhóm sản phẩm"]
    model.reset([_row(i) for i in range(3)], 3, None)
    assert [model.index(0, c).data() for c in range(model.columnCount())] == [
        "Sản phẩm 0",
        "HTX Phìn Hồ",
        "Xã Nà Tấu",
        "Đồ uống",
        "★★★★",
        "Được công nhận",
        "12/QĐ-UBND",
        "02/03/2025",
        "02/03/2028",
    ]
    qtmodeltester.check(model)
    set_display_language("en")
    english = ProductRowsModel()
    english.reset([_row(0)], 1, None)
    assert _headers(english)[:2] == ["Product name", "Producer"] and "Status" in _headers(english)
    assert english.index(0, _headers(english).index("Status")).data() == "Certified"
    assert english.index(0, _headers(english).index("Group")).data() == "Beverages"


def test_rows_arrive_a_page_at_a_time_as_the_view_asks(qapp, qtmodeltester):
    model = ProductRowsModel()
    asked = []

    def fetch(offset, limit, deliver):
        asked.append((offset, limit))
        deliver(([_row(i) for i in range(offset, min(offset + limit, 450))], 450))

    model.reset([_row(i) for i in range(PAGE_SIZE)], 450, fetch)
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert asked == [(PAGE_SIZE, PAGE_SIZE), (2 * PAGE_SIZE, PAGE_SIZE)]
    assert model.rowCount() == 450 and not model.canFetchMore()
    assert model.index(449, 0).data() == "Sản phẩm 449"
    qtmodeltester.check(model)


def test_one_or_two_letters_find_products_and_producers(qtbot, services, make_page):
    producer = services.producers.create(ProducerInput(name="HTX Ơn Đồng"))
    services.products.create(ProductInput(name="Mật ong bạc hà"))
    services.products.create(ProductInput(name="Chè búp", producer_id=producer.id))
    services.products.create(ProductInput(name="Gạo nếp"))
    page = make_page()
    type_text(page.ui.search, "o")  # one letter: ong, Ơn (the producer), Đồng (the producer)
    qtbot.waitUntil(lambda: names(page.model) == ["Chè búp", "Gạo nếp", "Mật ong bạc hà"], timeout=5000)
    type_text(page.ui.search, "n")  # "on": "ong", "Ơn"; not "nếp"
    qtbot.waitUntil(lambda: names(page.model) == ["Chè búp", "Mật ong bạc hà"], timeout=5000)
    assert page.ui.countLabel.text() == "2 sản phẩm"


def test_enter_searches_without_waiting_for_the_pause(qtbot, services, make_page):
    services.products.create(ProductInput(name="Mật ong bạc hà"))
    services.products.create(ProductInput(name="Gạo nếp"))
    page = make_page()
    page.ui.search.setFocus()
    page.ui.search.blockSignals(True)  # the text arrives without starting the typing pause
    page.ui.search.setText("gao")
    page.ui.search.blockSignals(False)
    qtbot.keyClick(page.ui.search, Qt.Key.Key_Return)
    assert page.is_loading()
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)
    assert names(page.model) == ["Gạo nếp"]


def test_a_click_on_the_producer_header_sorts_by_the_vietnamese_alphabet(qtbot, services, make_page):
    for producer_name, product in (("Đào Xá", "Chè"), ("Dưa Lưới", "Dưa"), ("Ăn Ngon", "Bánh"), ("An Phú", "Gạo")):
        producer = services.producers.create(ProducerInput(name=producer_name))
        services.products.create(ProductInput(name=product, producer_id=producer.id))
    services.products.create(ProductInput(name="Ấm"))  # no producer: last, both ways
    page = make_page()
    column = list(page.model.SORT_KEYS).index("producer")
    producers = lambda: [page.model.index(r, column).data() for r in range(page.model.rowCount())]  # noqa: E731
    page.ui.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: producers() == ["An Phú", "Ăn Ngon", "Dưa Lưới", "Đào Xá", ""], timeout=5000)
    page.ui.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: producers() == ["Đào Xá", "Dưa Lưới", "Ăn Ngon", "An Phú", ""], timeout=5000)
