"""The products tab as the commune officer uses it: search, filters, expiry colours, archive."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from ocop_desktop.domain.text import fold, vn_sorted
from ocop_desktop.gui.products.models import EXPIRED_COLOR, EXPIRING_COLOR, ProducerListModel, ProductRowsModel
from ocop_desktop.persistence.models import Product
from ocop_desktop.services.products import ProductInput
from ocop_desktop.services.reference import place_id, product_set_id
from ocop_desktop.services.sample import load_sample
from tests.gui.keyboard import type_text
from tests.gui.products.conftest import POPUP, names


def test_typing_in_the_search_box_changes_the_rows(qtbot, make_uow, services, make_page):
    load_sample(make_uow, "muong-ang-2024")
    page = make_page()
    assert page.model.rowCount() == 10
    assert page.ui.countLabel.text() == "10 sản phẩm"
    assert names(page.model) == vn_sorted(p.name for p in services.products.list())
    type_text(page.ui.search, "TRA XANH")  # no accents, any case
    qtbot.waitUntil(lambda: names(page.model) == ["Trà xanh hữu cơ Phan Nhất"], timeout=5000)
    assert page.ui.countLabel.text() == "1 sản phẩm"
    assert page.model.index(0, 4).data() == "★★★★"
    page.ui.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 10, timeout=5000)


def test_the_rows_come_in_vietnamese_order(qtbot, services, make_page):
    for name in ("Ếch đồng", "Dưa", "Đậu", "Ấm trà", "Ẳng", "Bưởi", "Em"):
        services.products.create(ProductInput(name=name))
    page = make_page()
    assert names(page.model) == ["Ẳng", "Ấm trà", "Bưởi", "Dưa", "Đậu", "Em", "Ếch đồng"]
    page.ui.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: names(page.model)[0] == "Ếch đồng", timeout=5000)


@POPUP
def test_a_new_commune_shows_the_products_of_the_units_merged_into_it(qtbot, services, make_page):
    services.products.create(ProductInput(name="Bánh chưng gù", commune_id=place_id("thi-tran-muong-ang")))
    services.products.create(ProductInput(name="Gạo nếp tan", commune_id=place_id("xa-muong-ang")))
    services.products.create(ProductInput(name="Cà phê Búng Lao", commune_id=place_id("xa-bung-lao-2024")))
    page = make_page()
    combo, matches = page.ui.placeFilter, page.place_filter.matches
    assert combo.count() == 1  # «All places» only: the units are searched, not listed
    assert combo.lineEdit().placeholderText() == "Tất cả địa bàn: gõ tên xã, huyện hoặc tỉnh"
    # The officer types without accents; the matching units, new and old, come from the database.
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(combo.lineEdit(), "xa muong ang")
    qtbot.waitUntil(lambda: matches.rowCount() == 1, timeout=5000)
    popup = combo.lineEdit().completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert popup.width() >= popup.sizeHintForColumn(0)  # the whole label, not cut to the field's width
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.currentText() == "Xã Mường Ảng (từ 01/07/2025)"
    qtbot.waitUntil(lambda: combo.lineEdit().cursorPosition() == 0, timeout=2000)  # the name shows, not the tail
    qtbot.waitUntil(lambda: names(page.model) == ["Bánh chưng gù", "Gạo nếp tan"], timeout=5000)
    assert page.model.index(0, 2).data() == "Thị trấn Mường Ảng"
    # Leaving the field while the text still names two units keeps the unit chosen before.
    combo.lineEdit().setFocus()
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(combo.lineEdit(), "bung lao")
    qtbot.waitUntil(lambda: matches.rowCount() == 2, timeout=5000)  # the commune before and after 2025
    combo.lineEdit().editingFinished.emit()
    assert combo.lineEdit().text() == "Xã Mường Ảng (từ 01/07/2025)"
    # The old unit alone shows only its own records; Enter on a name typed in full takes it.
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(combo.lineEdit(), "thi tran muong ang")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: names(page.model) == ["Bánh chưng gù"], timeout=5000)
    assert "đến 30/06/2025" in combo.currentText()
    # Typing until one unit is left and leaving the field chooses it.
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(combo.lineEdit(), "xa muong an")
    combo.lineEdit().editingFinished.emit()
    qtbot.waitUntil(lambda: names(page.model) == ["Bánh chưng gù", "Gạo nếp tan"], timeout=5000)
    assert combo.currentText() == "Xã Mường Ảng (từ 01/07/2025)"
    # An emptied field is every place again.
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Delete)
    combo.lineEdit().editingFinished.emit()
    qtbot.waitUntil(lambda: len(names(page.model)) == 3, timeout=5000)
    assert combo.currentData() is None


@POPUP
def test_the_place_filter_finds_a_province_by_a_fragment_without_accents(qtbot, services, make_page):
    services.products.create(ProductInput(name="Cà phê Búng Lao", commune_id=place_id("xa-bung-lao-2024")))
    services.products.create(ProductInput(name="Bánh chưng gù", commune_id=place_id("thi-tran-muong-ang")))
    page = make_page()
    combo, matches = page.ui.placeFilter, page.place_filter.matches
    type_text(combo.lineEdit(), "dien bi")
    qtbot.waitUntil(lambda: matches.rowCount() > 0, timeout=5000)
    shown = [matches.index(r, 0).data() for r in range(matches.rowCount())]
    assert shown[0] == "Tỉnh Điện Biên"  # provinces first, then the units in Vietnamese order
    assert all("dien bi" in fold(s) for s in shown)
    page.place_filter.choose(matches.index(0, 0).data(Qt.ItemDataRole.UserRole), shown[0])
    qtbot.waitUntil(lambda: sorted(names(page.model)) == ["Bánh chưng gù", "Cà phê Búng Lao"], timeout=5000)
    assert page.ui.countLabel.text() == "2 sản phẩm"


def test_group_stars_and_status_filters(qtbot, make_uow, make_page):
    load_sample(make_uow, "muong-ang-2024")
    page = make_page()
    ui = page.ui
    ui.starsFilter.setCurrentIndex(ui.starsFilter.findText("★★★★"))
    qtbot.waitUntil(lambda: page.model.rowCount() and not page.is_loading(), timeout=5000)
    assert {page.model.index(r, 4).data() for r in range(page.model.rowCount())} == {"★★★★"}
    ui.groupFilter.setCurrentIndex(ui.groupFilter.findText("Đồ uống"))
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)
    assert {page.model.index(r, 3).data() for r in range(page.model.rowCount())} <= {"Đồ uống"}
    page.show_filtered(status="duoc_cong_nhan", stars=3)
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)
    assert ui.groupFilter.currentIndex() == 0 and ui.search.text() == ""
    assert ui.statusFilter.currentText() == "Được công nhận" and ui.starsFilter.currentText() == "★★★"
    rows = [page.model.row(r) for r in range(page.model.rowCount())]
    assert rows and all(r.status == "duoc_cong_nhan" and r.stars == 3 for r in rows)
    assert ui.countLabel.text() == f"{len(rows)} sản phẩm"


def test_expired_and_expiring_rows_are_tinted_with_the_reason(qtbot, services, make_page):
    # Certified under 148: 36 months, so 15/03/2024 runs out on 15/03/2027 and 01/09/2024 on 01/09/2027.
    services.products.create(
        ProductInput(name="Bưởi da xanh", status="duoc_cong_nhan", stars=3, certified_on=date(2024, 3, 15))
    )
    services.products.create(
        ProductInput(name="Chè Shan tuyết", status="duoc_cong_nhan", stars=4, certified_on=date(2024, 9, 1))
    )
    services.products.create(
        ProductInput(name="Dứa Mường Ảng", status="duoc_cong_nhan", stars=4, certified_on=date(2025, 3, 1))
    )
    page = make_page(today=date(2027, 6, 1))
    model = page.model
    assert names(model) == ["Bưởi da xanh", "Chè Shan tuyết", "Dứa Mường Ảng"]
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color() == EXPIRED_COLOR
    assert model.index(0, 8).data(Qt.ItemDataRole.ToolTipRole) == "Hết hạn ngày 15/03/2027"
    assert model.index(0, 8).data() == "15/03/2027"
    assert model.index(1, 3).data(Qt.ItemDataRole.BackgroundRole).color() == EXPIRING_COLOR
    # The name cell also says why it bears the no-logbook mark (none of these has a logbook).
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == (
        "Còn 92 ngày\nKhông có ghi chép sổ nhật ký trong 12 tháng qua"
    )
    assert model.index(1, 3).data(Qt.ItemDataRole.ToolTipRole) == "Còn 92 ngày"
    assert model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(2, 3).data(Qt.ItemDataRole.ToolTipRole) is None
    page.show_filtered(expired=True)
    qtbot.waitUntil(lambda: names(model) == ["Bưởi da xanh"], timeout=5000)
    page.show_filtered(expiring_within_days=100)
    qtbot.waitUntil(lambda: names(model) == ["Chè Shan tuyết"], timeout=5000)
    assert page.ui.expiryFilter.currentText() == "Hết hạn trong 100 ngày tới"


def test_archived_products_are_hidden_and_can_be_restored(qtbot, services, make_page):
    services.products.create(ProductInput(name="Mật ong rừng"))
    services.products.create(ProductInput(name="Măng khô"))
    page = make_page()
    ui = page.ui
    assert not ui.archiveButton.isEnabled()
    ui.table.selectRow(names(page.model).index("Mật ong rừng"))
    assert ui.archiveButton.isEnabled() and not ui.restoreButton.isEnabled()
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(ui.archiveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: names(page.model) == ["Măng khô"], timeout=5000)
    assert "Đã lưu trữ «Mật ong rừng»" in ui.messageLabel.text()
    assert [p.name for p in services.products.list(include_archived=True)] == ["Măng khô", "Mật ong rừng"]
    ui.statusFilter.setCurrentIndex(ui.statusFilter.findText("Đã lưu trữ"))
    qtbot.waitUntil(lambda: names(page.model) == ["Mật ong rừng"], timeout=5000)
    ui.table.selectRow(0)
    assert ui.restoreButton.isEnabled() and not ui.archiveButton.isEnabled()
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(ui.restoreButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and not page.is_loading(), timeout=5000)
    page.show_filtered()
    qtbot.waitUntil(lambda: names(page.model) == ["Măng khô", "Mật ong rừng"], timeout=5000)


def test_a_big_table_is_fetched_a_page_at_a_time(qtbot, make_uow, make_page):
    with make_uow(action="test") as uow:
        for i in range(450):
            uow.session.add(
                Product(name=f"Sản phẩm {i:04d}", status="tiem_nang", product_set_id=product_set_id("ca-phe-ca-cao"))
            )
        uow.commit()
    page = make_page()
    assert page.ui.countLabel.text() == "450 sản phẩm"
    assert page.model.rowCount() == 200 and page.model.canFetchMore()
    page.ui.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > 200, timeout=5000)

    def fetched_all() -> bool:
        page.model.fetchMore()  # as the view asks while the user scrolls: one page at a time, read in the background
        return page.model.rowCount() == 450

    qtbot.waitUntil(fetched_all, timeout=10000)
    assert not page.model.canFetchMore()
    assert names(page.model) == [f"Sản phẩm {i:04d}" for i in range(450)]


def test_every_model_passes_the_model_tester(qtmodeltester, qtbot, make_uow, services, make_page):
    load_sample(make_uow, "muong-ang-2024")
    with make_uow(action="test") as uow:
        for i in range(230):
            uow.session.add(Product(name=f"Thêm {i}", status="tiem_nang"))
        uow.commit()
    page = make_page()
    assert page.model.canFetchMore()
    qtmodeltester.check(page.model)
    empty = ProductRowsModel()
    qtmodeltester.check(empty)
    producers = ProducerListModel()
    from ocop_desktop.services.producers import ProducerInput

    services.producers.create(ProducerInput(name="HTX Chè Phìn Hồ", commune_id=place_id("xa-na-tau")))
    services.producers.create(ProducerInput(name="Hộ bà Lò Thị Xuân", tax_code="001090012345"))
    producers.set_choices(services.producers.choices())
    qtmodeltester.check(producers)
    assert producers.index(1, 0).data() == "HTX Chè Phìn Hồ — Xã Nà Tấu"
    qtmodeltester.check(page.place_filter.matches)


def test_double_click_opens_the_product(qtbot, services, make_page):
    services.products.create(ProductInput(name="Măng khô", status="dang_ky"))
    page = make_page()
    table = page.ui.table
    center = table.visualRect(page.model.index(0, 1)).center()
    # QTest's double click lacks the press before it; a real double click starts with one.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert page.dialog.isVisible()
    qtbot.waitUntil(lambda: page.dialog.loaded, timeout=5000)  # the product arrives from a background read
    assert page.dialog.ui.nameEdit.text() == "Măng khô"
    assert page.dialog.ui.statusCombo.currentText() == "Đăng ký"


def test_saving_a_form_over_a_product_changed_elsewhere_is_refused(qtbot, services, make_page):
    created = services.products.create(ProductInput(name="Măng khô", status="dang_ky"))
    page = make_page()
    page.ui.table.selectRow(0)
    page.edit_selected()
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)  # the form shows the product as read
    # While the form is open, another tab (or a package) changes the product.
    services.products.update(
        created.id,
        ProductInput(name="Măng khô", status="dang_ky", notes="Huyện đã thẩm định"),
        expected_updated_at=created.updated_at,
    )
    dialog.ui.notesEdit.setPlainText("Xã bổ sung hồ sơ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)  # the save runs in the background
    assert dialog.isVisible()  # the form stays open with the user's typing
    shown = dialog.errors.shown()[""]
    assert shown.startswith("Sản phẩm «Măng khô» đã được Nguyễn Văn Kiểm sửa lúc ")  # who, from the audit log
    assert shown.endswith(
        "Chưa lưu gì; hãy ghi lại những gì bạn vừa sửa, đóng biểu mẫu rồi mở lại sản phẩm để sửa trên bản mới nhất."
    )
    assert dialog.ui.notesEdit.toPlainText() == "Xã bổ sung hồ sơ"
    assert services.products.get(created.id).notes == "Huyện đã thẩm định"
