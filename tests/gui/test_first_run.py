"""Office set-up: province, then unit, typed without diacritics; kind, printed name, user and signer kept."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from ocop_desktop.domain.enums import COMMUNE_KINDS
from ocop_desktop.gui.first_run import FirstRunDialog, make_saver
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.report_settings import read_report_settings
from ocop_desktop.services.settings import current_actor, office_settings
from tests.gui.keyboard import type_text

TODAY = date(2026, 1, 15)

# Typing opens the search popup, which the offscreen platform cannot raise.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


def _choose(qtbot, combo, text: str) -> None:
    """Type into a searchable combo as a user does, then leave it (Tab)."""
    combo.lineEdit().clear()
    type_text(combo.lineEdit(), text)
    combo.lineEdit().editingFinished.emit()


def _dialog(qtbot, make_uow, current=None):
    dialog = FirstRunDialog(PlaceService(make_uow), make_saver(make_uow), current=current, today=TODAY)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20000)  # the lists arrive from a background read
    return dialog


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)  # saved in the background


def test_lao_cai_commune_typed_without_diacritics_is_saved_with_its_signer_block(qtbot, make_uow, vietnamese):
    dialog = _dialog(qtbot, make_uow)
    provinces = [dialog.ui.provinceCombo.itemText(i) for i in range(1, dialog.ui.provinceCombo.count())]
    assert len(provinces) == 34 and "Tỉnh Lào Cai" in provinces

    _ok(qtbot, dialog)  # nothing chosen: refused, naming the fields
    assert dialog.result_settings is None and dialog.result() == 0
    assert dialog.ui.unitError.text() == "Chưa chọn Tỉnh: hãy chọn tỉnh trước, rồi chọn Đơn vị trong tỉnh đó."
    assert dialog.ui.nameError.text() == "Chưa nhập Họ và tên người sử dụng."

    _choose(qtbot, dialog.ui.provinceCombo, "lao cai")
    assert dialog.ui.provinceCombo.currentText() == "Tỉnh Lào Cai"
    combo = dialog.ui.unitCombo
    units = [combo.itemData(i) for i in range(1, combo.count())]
    # The province itself, then only its communes and wards of today (99 since 01/07/2025).
    tree = dialog.tree
    province_id = dialog.ui.provinceCombo.currentData()
    assert units[0] == province_id and 90 < len(units) < 200
    assert all(
        tree.by_id[u].kind in COMMUNE_KINDS and tree.by_id[u].valid_on(TODAY) and tree.province_of(u) == province_id
        for u in units[1:]
    )
    assert "Phường Sa Pa" in [combo.itemText(i) for i in range(combo.count())]

    _choose(qtbot, combo, "xa bac ha")
    assert combo.currentText() == "Xã Bắc Hà"
    assert dialog.ui.kindCombo.currentText() == "UBND xã/phường/đặc khu"
    assert dialog.ui.printedEdit.text() == "ỦY BAN NHÂN DÂN XÃ BẮC HÀ"
    assert (dialog.ui.authorityEdit.text(), dialog.ui.deputyEdit.text(), dialog.ui.signerTitleEdit.text()) == (
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    )
    type_text(dialog.ui.nameEdit, "Lò Thị Hoa")
    type_text(dialog.ui.titleEdit, "Phó Chủ tịch")
    _ok(qtbot, dialog)

    assert dialog.result() == dialog.DialogCode.Accepted
    saved = office_settings(make_uow)
    assert (saved.office_name, saved.office_kind, saved.printed_name, saved.user_name) == (
        "Xã Bắc Hà",
        "ubnd",
        "ỦY BAN NHÂN DÂN XÃ BẮC HÀ",
        "Lò Thị Hoa",
    )
    unit = tree.by_id[saved.office_unit_id]
    assert tree.province_of(unit.id) == province_id and unit.valid_from == date(2025, 7, 1)
    assert current_actor(make_uow) == "Lò Thị Hoa"
    report = read_report_settings(make_uow)
    assert (report.body, report.signer_authority, report.signer_deputy, report.signer_title, report.signer_name) == (
        "ỦY BAN NHÂN DÂN XÃ BẮC HÀ",
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Lò Thị Hoa",
    )


def test_department_kind_and_what_the_user_typed_survive_reopening(qtbot, make_uow, vietnamese):
    dialog = _dialog(qtbot, make_uow)
    _choose(qtbot, dialog.ui.provinceCombo, "dien bien")
    _choose(qtbot, dialog.ui.unitCombo, "tinh dien bien")
    assert dialog.ui.kindCombo.currentText() == "Sở Nông nghiệp và Môi trường"
    assert dialog.ui.printedEdit.text() == "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"  # the province: in the parent line
    assert (dialog.ui.authorityEdit.text(), dialog.ui.deputyEdit.text(), dialog.ui.signerTitleEdit.text()) == (
        "",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
    )
    # Choosing the council kind changes the guesses; a signer title the user typed is kept.
    dialog.ui.signerTitleEdit.setText("GIÁM ĐỐC")
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("hoi_dong"))
    dialog.ui.kindCombo.activated.emit(dialog.ui.kindCombo.currentIndex())
    assert dialog.ui.printedEdit.text().startswith("HỘI ĐỒNG")
    assert dialog.ui.signerTitleEdit.text() == "GIÁM ĐỐC"
    dialog.ui.printedEdit.setText("HỘI ĐỒNG ĐÁNH GIÁ SẢN PHẨM OCOP TỈNH ĐIỆN BIÊN")
    type_text(dialog.ui.nameEdit, "Quàng Văn An")
    _ok(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted

    again = _dialog(qtbot, make_uow, current=office_settings(make_uow))
    assert again.ui.provinceCombo.currentText() == "Tỉnh Điện Biên"
    assert again.ui.unitCombo.currentText() == "Tỉnh Điện Biên"
    assert again.ui.kindCombo.currentData() == "hoi_dong"
    assert again.ui.printedEdit.text() == "HỘI ĐỒNG ĐÁNH GIÁ SẢN PHẨM OCOP TỈNH ĐIỆN BIÊN"
    assert (again.ui.authorityEdit.text(), again.ui.signerTitleEdit.text()) == ("TM. HỘI ĐỒNG", "GIÁM ĐỐC")
    assert again.ui.nameEdit.text() == "Quàng Văn An"


def test_former_provinces_and_units_are_listed_on_request(qtbot, make_uow, vietnamese):
    dialog = _dialog(qtbot, make_uow)
    dialog.ui.oldProvincesCheck.setChecked(True)
    # 34 of today, and the 52 former ones (11 provinces were kept and are listed once).
    assert dialog.ui.provinceCombo.count() == 1 + 34 + 52
    assert dialog.ui.provinceCombo.findText("Tỉnh Yên Bái (đến 30/06/2025)") > 0
    _choose(qtbot, dialog.ui.provinceCombo, "dien bien")
    names = [dialog.ui.unitCombo.itemText(i) for i in range(dialog.ui.unitCombo.count())]
    assert "Huyện Mường Ảng (đến 30/06/2025)" in names and "Xã Ẳng Nưa (đến 30/06/2025)" in names
    assert "Xã Mường Ảng" in names
    dialog.ui.oldProvincesCheck.setChecked(False)
    names = [dialog.ui.unitCombo.itemText(i) for i in range(dialog.ui.unitCombo.count())]
    assert "Xã Mường Ảng" in names and not any("(đến " in n for n in names)


def test_an_office_set_up_before_keeps_its_report_header_and_signer(qtbot, make_uow, vietnamese):
    from dataclasses import replace

    from ocop_desktop.services.report_settings import save_report_settings
    from ocop_desktop.services.settings import save_office_settings

    unit = next(p for p in PlaceService(make_uow).communes(TODAY) if p.name == "Xã Mường Ảng")
    save_office_settings(make_uow, unit.id, "Lò Văn Minh", "Chủ tịch")
    save_report_settings(
        make_uow,
        replace(
            read_report_settings(make_uow),
            body="UBND XÃ MƯỜNG ẢNG",
            signer_authority="TM. UBND",
            signer_deputy="",
            signer_title="CHỦ TỊCH",
        ),
    )
    dialog = _dialog(qtbot, make_uow, current=office_settings(make_uow))
    assert (dialog.ui.provinceCombo.currentText(), dialog.ui.unitCombo.currentText()) == (
        "Tỉnh Điện Biên",
        "Xã Mường Ảng",
    )
    assert dialog.ui.printedEdit.text() == "UBND XÃ MƯỜNG ẢNG"
    assert (dialog.ui.authorityEdit.text(), dialog.ui.deputyEdit.text(), dialog.ui.signerTitleEdit.text()) == (
        "TM. UBND",
        "",
        "CHỦ TỊCH",
    )
    _ok(qtbot, dialog)
    report = read_report_settings(make_uow)
    assert (report.body, report.signer_authority, report.signer_deputy, report.signer_title) == (
        "UBND XÃ MƯỜNG ẢNG",
        "TM. UBND",
        "",
        "CHỦ TỊCH",
    )


def test_with_the_job_runner_the_dialog_shows_at_once_and_fills_when_the_list_arrives(
    qtbot, make_uow, vietnamese, jobs
):
    dialog = FirstRunDialog(PlaceService(make_uow), make_saver(make_uow), today=TODAY, jobs=jobs)
    qtbot.addWidget(dialog)
    # Built before the 14.000 units are read (the result comes through the event loop):
    # the choices wait, and say so.
    ok = dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Ok)
    assert dialog.tree is None
    assert not dialog.ui.provinceCombo.isEnabled() and not ok.isEnabled()
    assert dialog.ui.unitError.text() == "Đang tải danh sách đơn vị hành chính…"
    qtbot.waitUntil(lambda: dialog.tree is not None, timeout=20000)
    assert dialog.ui.provinceCombo.isEnabled() and ok.isEnabled() and dialog.ui.unitError.text() == ""
    # (Typing into the searchable combos is tested above; here the arrival of the list matters.)
    dialog.ui.provinceCombo.setCurrentIndex(dialog.ui.provinceCombo.findText("Tỉnh Lào Cai"))
    dialog.ui.unitCombo.setCurrentIndex(dialog.ui.unitCombo.findText("Xã Bắc Hà"))
    assert dialog.ui.printedEdit.text() == "ỦY BAN NHÂN DÂN XÃ BẮC HÀ"
    type_text(dialog.ui.nameEdit, "Lò Thị Hoa")
    _ok(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert office_settings(make_uow).office_name == "Xã Bắc Hà"


def test_set_up_makes_the_office_key_and_the_page_shows_its_fingerprint(qtbot, make_uow, vietnamese):
    from ocop_desktop.exports.signing import short_fingerprint
    from ocop_desktop.services.office_key import existing_office_key

    assert existing_office_key(make_uow) is None
    dialog = _dialog(qtbot, make_uow)
    assert not dialog.ui.fingerprintLabel.isVisibleTo(dialog)  # no key before the office is set up
    dialog.ui.provinceCombo.setCurrentIndex(dialog.ui.provinceCombo.findText("Tỉnh Lào Cai"))
    dialog.ui.unitCombo.setCurrentIndex(dialog.ui.unitCombo.findText("Xã Bắc Hà"))
    type_text(dialog.ui.nameEdit, "Lò Thị Hoa")
    _ok(qtbot, dialog)
    key = existing_office_key(make_uow)
    assert key is not None
    again = _dialog(qtbot, make_uow, current=office_settings(make_uow))
    assert again.ui.fingerprintLabel.isVisibleTo(again)
    assert again.ui.fingerprintLabel.text().startswith(
        f"Dấu vân tay khóa ký của đơn vị: {short_fingerprint(key.fingerprint)} — "
    )
