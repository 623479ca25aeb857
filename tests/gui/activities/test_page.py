"""The «Hoạt động» page driven like a user: a fair typed in with three products and their sales, a number
refused by its label with nothing lost, the kind filter, and the product's history widget."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from ocop_desktop.gui.activities.dialog import ActivityDialog
from ocop_desktop.gui.activities.history import ActivityHistory
from ocop_desktop.gui.activities.page import ActivitiesPage
from ocop_desktop.services.activities import ActivityInput, ActivityService
from ocop_desktop.services.producers import ProducerInput, ProducerService
from ocop_desktop.services.products import ProductInput, ProductService
from tests.gui.keyboard import type_text

PRODUCTS = ("Chè Shan tuyết Ẳng Nưa", "Mật ong Ẳng Tở", "Gạo nếp Búng Lao")


@pytest.fixture
def service(make_uow) -> ActivityService:
    htx = ProducerService(make_uow).create(ProducerInput(name="HTX Nông sản Mường Ảng", kind="hop_tac_xa"))
    for name in PRODUCTS:
        ProductService(make_uow).create(ProductInput(name=name, producer_id=htx.id, status="tiem_nang"))
    return ActivityService(make_uow)


def settle(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=10000)


@pytest.fixture
def page(qtbot, vietnamese, service, jobs) -> ActivitiesPage:
    page = ActivitiesPage(service, jobs)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, page)
    return page


def opened(qtbot, page) -> ActivityDialog:
    """The form the page opens once it has read what the form offers."""
    qtbot.waitUntil(lambda: page.findChild(ActivityDialog) is not None, timeout=10000)
    dialog = page.findChild(ActivityDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def _ok(qtbot, dialog: ActivityDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def _pick(qtbot, dialog: ActivityDialog, combo, text: str, add) -> None:
    combo.setCurrentIndex(combo.findText(text))
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)


def test_a_fair_with_three_products_typed_in_is_listed_with_its_sales(qtbot, page, service):
    assert page.add_button.text() == "&Thêm hoạt động…"
    assert page.model.headerData(2, Qt.Orientation.Horizontal) == "Tên hoạt động"
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page)
    assert dialog.isVisible() and dialog.windowTitle() == "Thêm hoạt động"
    dialog.kind.setCurrentIndex(dialog.kind.findData("hoi_cho"))
    assert dialog.edits["sales"].isVisible() and not dialog.edits["supported"].isVisible()
    type_text(dialog.edits["title"], "Hội chợ OCOP tỉnh Điện Biên năm 2024")
    type_text(dialog.edits["held_on"], "12/09/2024")
    type_text(dialog.edits["ends_on"], "15/09/2024")
    type_text(dialog.edits["place"], "TP. Điện Biên Phủ")
    type_text(dialog.edits["sales"], "45.500.000 đ")
    type_text(dialog.edits["contracts"], "3")
    for name in PRODUCTS:
        _pick(qtbot, dialog, dialog.product_pick, name, dialog.add_product)
    assert dialog.product_table.rowCount() == 3
    dialog.product_table.item(0, 1).setText("20.000.000")
    _pick(qtbot, dialog, dialog.producer_pick, "HTX Nông sản Mường Ảng", dialog.add_producer)
    with qtbot.waitSignal(page.changed, timeout=10000):
        _ok(qtbot, dialog)
    settle(qtbot, page)
    assert page.model.rowCount() == 1
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row[:3] == [
        "12/09/2024 – 15/09/2024",
        "Hội chợ, hội nghị xúc tiến thương mại",
        "Hội chợ OCOP tỉnh Điện Biên năm 2024",
    ]
    assert row[-1] == "45.500.000 đ"
    assert page.message.text() == "Đã lưu hoạt động: Hội chợ OCOP tỉnh Điện Biên năm 2024"
    [saved] = service.query()
    assert {p.name: p.sales for p in saved.product_list} == {
        "Chè Shan tuyết Ẳng Nưa": 20_000_000,
        "Mật ong Ẳng Tở": None,
        "Gạo nếp Búng Lao": None,
    }
    assert saved.producers == "HTX Nông sản Mường Ảng"


def test_a_number_that_is_not_one_is_refused_by_its_label_and_the_form_stays(qtbot, page, service):
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page)
    dialog.kind.setCurrentIndex(dialog.kind.findData("ho_tro"))
    type_text(dialog.edits["title"], "Hỗ trợ thiết kế bao bì")
    type_text(dialog.edits["held_on"], "08/05/2024")
    type_text(dialog.edits["cost"], "năm triệu")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "«Kinh phí (đồng)»" in dialog.error_label.text()
    dialog.edits["cost"].clear()
    type_text(dialog.edits["cost"], "5.000.000")
    with qtbot.waitSignal(page.changed, timeout=10000):
        _ok(qtbot, dialog)
    assert [a.cost for a in service.query()] == [5_000_000]


def test_the_kind_filter_and_the_products_history(qtbot, page, service, jobs):
    chosen = service.choices().products
    service.create(
        ActivityInput(
            kind="hoi_cho",
            title="Hội chợ Xuân 2025",
            held_on=date(2025, 2, 1),
            sales=9_000_000,
            products=[(chosen[0][0], None)],
        )
    )
    service.create(ActivityInput(kind="tap_huan", title="Tập huấn ghi sổ nhật ký", held_on=date(2025, 3, 4)))
    page.refresh()
    settle(qtbot, page)
    assert page.model.rowCount() == 2
    page.kind_combo.setCurrentIndex(page.kind_combo.findText("Tập huấn"))
    settle(qtbot, page)
    assert [page.model.row(r).title for r in range(page.model.rowCount())] == ["Tập huấn ghi sổ nhật ký"]
    assert [page.year_combo.itemText(i) for i in range(page.year_combo.count())] == ["Tất cả các năm", "2025"]

    history = ActivityHistory(service, jobs)
    qtbot.addWidget(history)
    history.show_product(chosen[0][0])
    settle(qtbot, history)
    assert history.summary.text() == "1 hoạt động, trong đó 1 hội chợ, hội nghị xúc tiến thương mại."
    assert history.model.index(0, 2).data() == "Hội chợ Xuân 2025"


def test_a_product_added_after_the_list_was_shown_is_offered_by_the_next_form(qtbot, page, make_uow):
    """The form reads its producers and products when it opens: as they are then, not as they
    were when the list was first shown (and the list does not keep 28,000 names meanwhile)."""
    htx = ProducerService(make_uow).create(ProducerInput(name="HTX Chè Tủa Chùa", kind="hop_tac_xa"))
    ProductService(make_uow).create(
        ProductInput(name="Chè Shan tuyết Tủa Chùa", producer_id=htx.id, status="tiem_nang")
    )
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page)
    assert dialog.product_pick.findText("Chè Shan tuyết Tủa Chùa") >= 0
    assert dialog.producer_pick.findText("HTX Chè Tủa Chùa") >= 0
    assert page.add_button.isEnabled()


def test_an_activity_another_person_saved_meanwhile_keeps_the_form_and_names_them(qtbot, page, service, db):
    fair = service.create(ActivityInput(kind="hoi_cho", title="Hội chợ OCOP Điện Biên", held_on=date(2024, 9, 12)))
    page.refresh()
    settle(qtbot, page)
    page.table.selectRow(0)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page)
    ActivityService(db.uow_factory(actor="Lò Văn Cường")).update(  # meanwhile, on another computer
        fair.id, ActivityInput(kind="hoi_cho", title="Hội chợ OCOP Điện Biên 2024", held_on=date(2024, 9, 12))
    )
    type_text(dialog.edits["sales"], "12.000.000")
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: "Lò Văn Cường" in dialog.error_label.text(), timeout=10000)
    said = dialog.error_label.text()
    assert "Hoạt động «Hội chợ OCOP Điện Biên 2024» đã được Lò Văn Cường sửa lúc " in said
    assert "Chưa lưu gì; hãy ghi lại những gì bạn vừa sửa, bấm «Làm mới» (F5) rồi mở lại hoạt động" in said
    assert dialog.isVisible() and dialog.edits["sales"].text() == "12.000.000"  # what was typed stays
    [stored] = service.query()
    assert (stored.title, stored.sales) == ("Hội chợ OCOP Điện Biên 2024", None)
