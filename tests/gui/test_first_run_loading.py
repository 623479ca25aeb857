"""Office set-up reads and saves in the background: shown at once, filled when the read arrives,
a refused save explained in Vietnamese with the dialog left open, closed early without harm."""

from __future__ import annotations

from datetime import date

import pytest
import shiboken6

from ocop_desktop.gui.first_run import FirstRunDialog, make_saver
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.settings import office_settings, save_office_settings

TODAY = date(2026, 1, 15)
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


def test_the_form_shows_before_the_office_is_read_then_shows_what_is_stored(qtbot, make_uow, jobs, vietnamese, hold):
    unit = next(p for p in PlaceService(make_uow).communes(TODAY) if p.name == "Xã Mường Ảng")
    save_office_settings(make_uow, unit.id, "Lò Văn Minh", "Chủ tịch")
    store = make_saver(make_uow)
    release = hold(store, "stored")
    # Tệp › Thiết lập đơn vị: no settings handed in, the dialog reads them itself.
    dialog = FirstRunDialog(PlaceService(make_uow), store, today=TODAY, jobs=jobs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ok = dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Ok)
    assert dialog.ui.provinceCombo.isVisible() and not dialog.ui.provinceCombo.isEnabled()
    assert not ok.isEnabled() and dialog.ui.unitError.text() == "Đang tải danh sách đơn vị hành chính…"
    assert dialog.ui.nameEdit.text() == ""

    release.set()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20000)
    assert ok.isEnabled() and dialog.ui.unitError.text() == ""
    assert (dialog.ui.provinceCombo.currentText(), dialog.ui.unitCombo.currentText()) == (
        "Tỉnh Điện Biên",
        "Xã Mường Ảng",
    )
    assert dialog.ui.nameEdit.text() == "Lò Văn Minh"


def test_a_refused_save_is_said_in_vietnamese_and_the_dialog_stays_open(qtbot, make_uow, jobs, vietnamese):
    dialog = FirstRunDialog(PlaceService(make_uow), make_saver(make_uow), today=TODAY, jobs=jobs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20000)
    dialog.ui.provinceCombo.setCurrentIndex(dialog.ui.provinceCombo.findText("Tỉnh Lào Cai"))
    dialog.ui.unitCombo.setCurrentIndex(dialog.ui.unitCombo.findText("Xã Bắc Hà"))
    dialog.ui.nameEdit.setText("   ")  # only spaces: no name
    dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)
    assert dialog.ui.nameError.text() == "Chưa nhập Họ và tên người sử dụng."
    assert dialog.isVisible() and dialog.result_settings is None
    assert dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Ok).isEnabled()
    assert not office_settings(make_uow).complete


def test_closing_the_form_while_it_is_read_breaks_nothing(qtbot, make_uow, jobs, vietnamese, hold):
    store = make_saver(make_uow)
    release = hold(store, "stored")
    dialog = FirstRunDialog(PlaceService(make_uow), store, today=TODAY, jobs=jobs)
    dialog.show()
    dialog.reject()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)
    release.set()
    jobs.wait()
    qtbot.wait(10)  # the read's answer finds no dialog, and is dropped


def test_escape_while_the_answers_are_saved_waits_for_them(qtbot, make_uow, jobs, vietnamese, hold):
    store = make_saver(make_uow)
    dialog = FirstRunDialog(PlaceService(make_uow), store, today=TODAY, jobs=jobs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20000)
    dialog.ui.provinceCombo.setCurrentIndex(dialog.ui.provinceCombo.findText("Tỉnh Lào Cai"))
    dialog.ui.unitCombo.setCurrentIndex(dialog.ui.unitCombo.findText("Xã Bắc Hà"))
    dialog.ui.nameEdit.setText("Lò Thị Hoa")
    release = hold(store, "save")
    dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Ok).click()
    dialog.reject()  # Escape while the office is being saved: the window must not start as not set up
    assert dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.result_settings.office_name == "Xã Bắc Hà"
