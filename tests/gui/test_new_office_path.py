"""Issue 12's path of a new office, driven as a user would on a database that never saw the sample:
first run → Tỉnh Lào Cai → a 2025 commune typed without diacritics → campaign 2026 due 30/06/2026
from the «Bắt đầu» checklist → three survey rows typed in the grid → the survey report as PDF,
whose header names that commune."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from ocop_desktop.app import build_main_window
from ocop_desktop.gui.first_run import FirstRunDialog, make_saver
from ocop_desktop.gui.reports.dialog import ReportsDialog
from ocop_desktop.gui.ui_settings import UiSettings
from ocop_desktop.persistence.models import Product, SurveyCampaign, SurveyEntry
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.surveys import SurveyService
from tests.gui.keyboard import type_keys, type_text
from tests.pdftext import pdftotext

# Typing opens the search popup, which the offscreen platform cannot raise.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")

ROWS = [
    ("Chè shan tuyết Bắc Hà", "HTX Chè Bắc Hà", "1.200"),
    ("Mận tam hoa", "Hộ ông Lù Văn Sử", "35.000"),
    ("Rượu ngô men lá", "Hộ bà Giàng Thị Mỷ", "8.500"),
]


def _count(make_uow, model) -> int:
    with make_uow() as uow:
        return uow.session.query(model).count()


def test_a_lao_cai_commune_sets_up_runs_its_2026_survey_and_prints_its_report(
    qtbot, db, make_uow, tmp_path, vietnamese, monkeypatch
):
    assert _count(make_uow, Product) == _count(make_uow, SurveyCampaign) == 0  # no sample here

    # 1. First run: the province, then the 2025 commune, typed without diacritics.
    first = FirstRunDialog(PlaceService(make_uow), make_saver(make_uow))
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: not first.is_busy(), timeout=20000)  # the units arrive from a background read
    for combo, typed in ((first.ui.provinceCombo, "lao cai"), (first.ui.unitCombo, "xa bac ha")):
        combo.lineEdit().clear()
        type_text(combo.lineEdit(), typed)
        combo.lineEdit().editingFinished.emit()
    assert (first.ui.provinceCombo.currentText(), first.ui.unitCombo.currentText()) == ("Tỉnh Lào Cai", "Xã Bắc Hà")
    type_text(first.ui.nameEdit, "Lò Thị Hoa")
    type_text(first.ui.titleEdit, "Công chức Nông nghiệp")
    qtbot.mouseClick(first.ui.buttons.button(first.ui.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not first.is_busy(), timeout=5000)  # saved in the background
    assert first.result() == first.DialogCode.Accepted

    # 2. The main window of that office: the checklist has the office ticked.
    ui_settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = build_main_window(db, ui_settings, ask_first_run=False)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    start = window.start
    qtbot.waitUntil(lambda: not start.is_busy(), timeout=5000)  # it reads in the background
    assert start.ui.stepsBox.isVisible()
    assert start.steps_status.office and not start.steps_status.campaign
    assert "Xã Bắc Hà" in window.office_label.text()

    # 3. «Tạo đợt rà soát sản phẩm năm nay» from the checklist: due 30/06/2026, for the commune.
    start.ui.stepsLabel.linkActivated.emit("step:campaign")
    dialog = window.surveys.campaign_actions.dialog
    qtbot.waitExposed(dialog)
    assert window.ui.tabs.currentWidget() is window.surveys
    dialog.ui.yearEdit.selectAll()
    type_text(dialog.ui.yearEdit, "2026")
    dialog.ui.deadlineEdit.selectAll()
    type_text(dialog.ui.deadlineEdit, "30/06/2026")
    qtbot.keyClick(dialog.ui.deadlineEdit, Qt.Key.Key_Return)
    type_text(dialog.ui.searchEdit, "bac ha")
    unit_list = dialog.ui.unitList

    def row_of_commune() -> int | None:
        return next(
            (
                r
                for r in range(unit_list.count())
                if not unit_list.isRowHidden(r) and unit_list.item(r).text().startswith("Xã Bắc Hà")
            ),
            None,
        )

    qtbot.waitUntil(lambda: row_of_commune() is not None, timeout=15000)
    # A new campaign starts in the office's own area: its province, its own commune chosen.
    assert dialog.ui.containerCombo.currentText() == "Tỉnh Lào Cai (từ 01/07/2025)"
    assert unit_list.item(row_of_commune()).checkState() == Qt.CheckState.Checked
    assert dialog.ui.countLabel.text() == "Đã chọn 1 đơn vị."
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_value is not None or dialog.ui.errorLabel.isVisible(), timeout=15000)
    assert dialog.ui.errorLabel.text() == ""
    qtbot.waitUntil(lambda: start.steps_status.campaign, timeout=5000)  # ticked by the refresh the save caused

    # 4. Three rows typed in the grid of the commune, then saved.
    page = window.surveys
    qtbot.waitUntil(
        lambda: page.ui.grid.isEnabled() and page.ui.unitCombo.currentText().startswith("Xã Bắc Hà"), timeout=15000
    )
    grid, model = page.ui.grid, page.grid_model
    # Keyboard focus needs the window to be the active one, as on a desktop.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    grid.setFocus()
    for row, (name, producer, price) in enumerate(ROWS):
        grid.setCurrentIndex(model.index(row, 0))
        type_keys(grid, name)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        type_keys(grid, producer)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        column = next(
            c
            for c in range(model.columnCount())
            if model.headerData(c, Qt.Orientation.Horizontal) == "Giá tiêu thụ (đ)"
        )
        grid.setCurrentIndex(model.index(row, column))
        type_keys(grid, price)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    page.ui.saveButton.click()
    qtbot.waitUntil(lambda: not page.has_unsaved_changes(), timeout=15000)
    from tests.ids import campaign_id

    saved = SurveyService(make_uow).entries(campaign_id(make_uow, 2026))
    assert [(e.product_name, e.producer, e.price_vnd) for e in saved] == [
        ("Chè shan tuyết Bắc Hà", "HTX Chè Bắc Hà", 1200.0),
        ("Mận tam hoa", "Hộ ông Lù Văn Sử", 35000.0),
        ("Rượu ngô men lá", "Hộ bà Giàng Thị Mỷ", 8500.0),
    ]
    assert _count(make_uow, SurveyEntry) == 3

    # 5. Báo cáo → the survey report, saved as PDF from the report dialog.
    monkeypatch.setattr(ReportsDialog, "exec", lambda self: self.show())
    target = tmp_path / "bao-cao-ra-soat-2026.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.ui.actionReports.trigger()
    reports = window.findChild(ReportsDialog)
    qtbot.waitExposed(reports)
    qtbot.waitUntil(lambda: not reports.busy(), timeout=10000)  # the choices are read in the background
    reports.select_kind("survey")
    assert reports.ui.campaignCombo.currentText() == "2026"
    qtbot.mouseClick(reports.ui.savePdfButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists(), timeout=30000)
    window.jobs.wait()

    text = pdftotext(target)
    # The header block (before the title): the issuer is the commune, the place its name.
    head = " ".join(text.split("BÁO CÁO")[0].split())
    assert "ỦY BAN NHÂN DÂN XÃ BẮC HÀ" in head
    assert f"Bắc Hà, ngày {date.today():%d} tháng" in head and f"năm {date.today().year}" in head
    for name, _producer, _price in ROWS:
        assert name in text
    assert "Mường Ảng" not in text
