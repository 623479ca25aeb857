"""The product form: messages under the fields, the producer picker, duplicates, keyboard use."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ocop_desktop.gui.products.dialog import ProductDialog
from ocop_desktop.services.producers import ProducerInput
from ocop_desktop.services.products import ProductInput
from ocop_desktop.services.reference import place_id
from tests.gui.keyboard import type_text
from tests.gui.products.conftest import POPUP, TODAY, names

LEFT = Qt.MouseButton.LeftButton


def _dialog(qtbot, services, product_id=None) -> ProductDialog:
    dialog = ProductDialog(
        services.products,
        services.producers,
        services.places,
        services.catalog,
        product_id=product_id,
        today=lambda: TODAY,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    _settle(qtbot, dialog)  # the product and the lists arrive from a background read
    return dialog


def _settle(qtbot, dialog) -> None:
    """Wait for the check or the save running in the background, as a user waits for the form."""
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)


def _retype(qtbot, edit, text: str) -> None:
    """Select what the field holds and type over it, as a user does."""
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(edit, text)


def _choose(qtbot, combo, text: str) -> None:
    """Type part of an entry of a searchable list (accents optional) and pick the first match."""
    _retype(qtbot, combo.lineEdit(), text)
    popup = combo.lineEdit().completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_a_bad_barcode_is_explained_under_the_field_then_the_fixed_product_appears(
    qtbot, services, make_page, vietnamese
):
    services.products.create(ProductInput(name="Măng khô"))
    page = make_page()
    page.add_product()
    dialog = page.dialog
    _settle(qtbot, dialog)
    ui = dialog.ui
    assert dialog.isVisible() and dialog.windowTitle() == "Thêm sản phẩm"
    type_text(ui.nameEdit, "Mật ong rừng Ẳng Nưa")
    type_text(ui.ean13Edit, "8935002301005")
    qtbot.mouseClick(dialog.save_button, LEFT)
    _settle(qtbot, dialog)
    assert dialog.isVisible()
    assert not ui.ean13Error.isHidden()
    assert "chữ số cuối phải là 3" in ui.ean13Error.text()
    assert ui.nameEdit.text() == "Mật ong rừng Ẳng Nưa" and ui.ean13Edit.text() == "8935002301005"
    assert [p.name for p in services.products.list()] == ["Măng khô"]
    _retype(qtbot, ui.ean13Edit, "893 5002 30100 3")
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(ui.ean13Edit, Qt.Key.Key_Return)  # Enter saves
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: names(page.model) == ["Măng khô", "Mật ong rừng Ẳng Nưa"], timeout=5000)  # ă before â
    assert page.ui.messageLabel.text() == "Đã lưu «Mật ong rừng Ẳng Nưa»."
    assert page.selected_rows() == [1]  # the saved product is selected
    assert services.products.list(search="mat ong")[0].ean13 == "8935002301003"


def test_every_problem_is_shown_at_once_and_the_input_is_kept(qtbot, services, vietnamese):
    dialog = _dialog(qtbot, services)
    ui = dialog.ui
    ui.statusCombo.setCurrentIndex(ui.statusCombo.findText("Được công nhận"))
    type_text(ui.scoreEdit, "bảy mươi")
    type_text(ui.certifiedOnEdit, "31/02/2024")
    type_text(ui.ean13Edit, "12345")
    qtbot.mouseClick(dialog.save_button, LEFT)
    _settle(qtbot, dialog)
    shown = dialog.errors.shown()
    assert set(shown) == {"name", "stars", "score", "certified_on", "ean13"}
    assert shown["name"] == "Chưa nhập tên sản phẩm."
    assert "3 sao" in shown["stars"]
    assert "không phải là số" in shown["score"]
    assert "không tồn tại" in shown["certified_on"]
    assert "13 chữ số" in shown["ean13"]
    assert dialog.isVisible() and ui.certifiedOnEdit.text() == "31/02/2024"
    assert dialog.focusWidget() is ui.nameEdit  # the first field to fix
    assert services.products.list() == []


@POPUP
def test_the_producer_is_found_by_typing_without_accents(qtbot, services):
    services.producers.create(ProducerInput(name="Hộ bà Lò Thị Xuân"))
    wanted = services.producers.create(ProducerInput(name="HTX Chè Phìn Hồ", commune_id=place_id("xa-na-tau")))
    dialog = _dialog(qtbot, services)
    picker = dialog.ui.producerPicker
    type_text(dialog.ui.nameEdit, "Chè Shan tuyết cổ thụ")
    _choose(qtbot, picker.combo, "phin ho")
    assert picker.combo.currentText() == "HTX Chè Phìn Hồ — Xã Nà Tấu"
    assert picker.producer_id() == wanted.id
    qtbot.mouseClick(dialog.save_button, LEFT)
    _settle(qtbot, dialog)
    assert dialog.saved_product.producer == "HTX Chè Phìn Hồ"


def test_a_producer_name_not_in_the_list_is_refused(qtbot, services, vietnamese):
    dialog = _dialog(qtbot, services)
    type_text(dialog.ui.nameEdit, "Gạo nếp")
    type_text(dialog.ui.producerPicker.combo.lineEdit(), "HTX Không Có")
    qtbot.mouseClick(dialog.save_button, LEFT)
    _settle(qtbot, dialog)
    assert dialog.ui.producerError.text() == (
        "Không có chủ thể nào tên «HTX Không Có». Hãy chọn trong danh sách hoặc bấm «Tạo chủ thể mới…»."
    )
    assert dialog.isVisible() and services.products.list() == []


def test_a_producer_is_created_on_the_spot_with_its_tax_code_checked(qtbot, services, vietnamese):
    dialog = _dialog(qtbot, services)
    picker = dialog.ui.producerPicker
    type_text(picker.combo.lineEdit(), "HTX Nông nghiệp Ẳng Nưa")
    qtbot.mouseClick(picker.new_button, LEFT)
    form = picker.producer_dialog
    assert form.isVisible() and form.ui.nameEdit.text() == "HTX Nông nghiệp Ẳng Nưa"  # carried over
    form.ui.kindCombo.setCurrentIndex(form.ui.kindCombo.findText("Hợp tác xã"))
    type_text(form.ui.taxCodeEdit, "0100109107")
    type_text(form.ui.phoneEdit, "0912 345 678")
    qtbot.mouseClick(form.save_button, LEFT)
    qtbot.waitUntil(lambda: not form.busy(), timeout=5000)  # the producer is saved in the background
    assert form.isVisible()
    assert "sai số kiểm tra" in form.ui.taxCodeError.text()
    assert form.errors.shown().keys() == {"tax_code"}
    _retype(qtbot, form.ui.taxCodeEdit, "0100109106")
    with qtbot.waitSignal(form.accepted, timeout=5000):  # saved in the background, then the form closes
        qtbot.mouseClick(form.save_button, LEFT)
    assert not form.isVisible()
    _settle(qtbot, dialog)  # the list of producers is read again, the new one chosen in it
    created = services.producers.list()[0]
    assert (created.name, created.kind_label, created.tax_code) == (
        "HTX Nông nghiệp Ẳng Nưa",
        "Hợp tác xã",
        "0100109106",
    )
    assert picker.producer_id() == created.id


def test_a_duplicate_name_for_the_same_producer_asks_for_confirmation(qtbot, services, vietnamese):
    producer = services.producers.create(ProducerInput(name="HTX Ẳng Cang"))
    services.products.create(ProductInput(name="Mật ong rừng", producer_id=producer.id))
    dialog = _dialog(qtbot, services)
    ui = dialog.ui
    type_text(ui.nameEdit, "mat ong RUNG")
    ui.producerPicker.combo.setCurrentIndex(ui.producerPicker.model.row_of(producer.id))
    _settle(qtbot, dialog)
    assert not ui.duplicateWarning.isHidden()
    assert ui.duplicateWarning.text() == "Chủ thể này đã có sản phẩm «Mật ong rừng»."
    qtbot.mouseClick(dialog.save_button, LEFT)
    _settle(qtbot, dialog)
    assert dialog.isVisible() and len(services.products.list()) == 1
    ui.duplicateConfirm.setChecked(True)
    qtbot.mouseClick(dialog.save_button, LEFT)
    _settle(qtbot, dialog)
    assert not dialog.isVisible()
    assert [p.name for p in services.products.list()] == ["mat ong RUNG", "Mật ong rừng"]


def test_the_set_implies_the_group_and_the_checklist_is_kept(qtbot, services, vietnamese):
    dialog = _dialog(qtbot, services)
    ui = dialog.ui
    type_text(ui.nameEdit, "Rượu ngô men lá")
    ui.setCombo.setCurrentIndex(ui.setCombo.findText("Rượu trắng"))
    assert ui.groupCombo.currentText() == "Đồ uống"
    assert ui.setCombo.currentText() == "Rượu trắng"
    dialog.checklist_boxes["truy_xuat_ma_vach"].setChecked(True)
    assert dialog.checklist_boxes["truy_xuat_ma_vach"].text() == "Mã số mã vạch"
    qtbot.mouseClick(dialog.save_button, LEFT)
    _settle(qtbot, dialog)
    saved = services.products.get(dialog.saved_product.id)
    assert (saved.group, saved.product_set, saved.checklist) == ("Đồ uống", "Rượu trắng", {"truy_xuat_ma_vach": True})
    again = _dialog(qtbot, services, saved.id)
    again.ui.groupCombo.setCurrentIndex(again.ui.groupCombo.findText("Sinh vật cảnh"))
    assert again.ui.setCombo.currentText() == ""  # a set of another group no longer fits
    assert again.checklist_boxes["truy_xuat_ma_vach"].isChecked()
    qtbot.mouseClick(again.save_button, LEFT)
    _settle(qtbot, again)
    assert services.products.get(saved.id).group == "Sinh vật cảnh"


def test_an_edit_opened_from_the_table_and_the_computed_expiry(qtbot, services, make_page):
    product = services.products.create(ProductInput(name="Chè Shan tuyết", status="duoc_cong_nhan", stars=4))
    page = make_page()
    page.ui.table.setFocus()
    page.ui.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.ui.table, Qt.Key.Key_Return)  # Enter edits
    dialog = page.dialog
    _settle(qtbot, dialog)
    ui = dialog.ui
    assert dialog.windowTitle() == "Sửa sản phẩm: Chè Shan tuyết"
    assert ui.starsCombo.currentText() == "★★★★"
    type_text(ui.certifiedOnEdit, "1/9/2024")
    ui.certifiedOnEdit.editingFinished.emit()  # leaving the field tidies it
    assert ui.certifiedOnEdit.text() == "01/09/2024"
    assert "01/09/2027" in ui.expiresOnHint.text() and "36 tháng" in ui.expiresOnHint.text()
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(dialog.save_button, LEFT)
        _settle(qtbot, dialog)
    assert "Giấy chứng nhận có hiệu lực đến ngày 01/09/2027" in page.ui.messageLabel.text()
    qtbot.waitUntil(lambda: page.model.index(0, 8).data() == "01/09/2027", timeout=5000)
    assert services.products.get(product.id).certified_on.isoformat() == "2024-09-01"


def test_keyboard_tab_order_and_escape(qtbot, services):
    dialog = _dialog(qtbot, services)
    ui = dialog.ui
    picker = ui.producerPicker
    ui.nameEdit.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        seen.append(dialog.focusWidget())
    # The hidden duplicate confirmation is skipped; the picker's list, then its button, then the commune.
    assert seen[0] in (picker.combo, picker.combo.lineEdit())
    assert seen[1] is picker.new_button
    assert seen[2] in (ui.communeCombo, ui.communeCombo.lineEdit())
    assert seen[3] is ui.groupCombo
    type_text(ui.nameEdit, "Bỏ đi")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and services.products.list() == []
