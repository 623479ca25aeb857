"""The Excel import dialog offers every unit of the campaign, a unit without a code included, and
stores the rows its check showed (the workbook is not read again)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ocop_desktop.gui.exchange.excel_import_dialog import ExcelImportDialog
from ocop_desktop.services import survey_import
from ocop_desktop.services.survey_import import SurveyImportService
from tests.services.test_survey_import_ids import NEW_UNIT, add_codeless_unit, workbook


def test_a_unit_without_a_code_is_chosen_and_the_checked_rows_are_stored(qtbot, office, tmp_path, jobs, monkeypatch):
    district = office("huyen", "huyen-muong-ang", "Nguyễn Văn Kiểm")
    campaign = district.campaign_id()
    unit = add_codeless_unit(district.make_uow, campaign)
    reads = []
    real = survey_import.read_sheets
    monkeypatch.setattr(survey_import, "read_sheets", lambda path, **kw: reads.append(path) or real(path, **kw))
    path = workbook(tmp_path / "nam-lich.xlsx", [("Chè búp", 120), ("Mật ong", 30)])
    dialog = ExcelImportDialog(
        SurveyImportService(district.make_uow), district.surveys, jobs, ask_open=lambda _p: str(path)
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10_000)  # the campaigns are read in the background
    combo = dialog.ui.unitCombo
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert NEW_UNIT in offered and len(offered) == 1 + len(district.surveys.campaign_units(campaign))
    combo.setCurrentIndex(combo.findText(NEW_UNIT))
    qtbot.mouseClick(dialog.ui.browseButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.importButton.isEnabled(), timeout=10_000)
    assert dialog.ui.summaryLabel.text() == "2 row(s) read: 2 valid, 0 with problems."
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.statusLabel.text() == f"Imported 2 row(s): 2 new, 0 updated, for {NEW_UNIT}."
    assert [e.product_name for e in district.surveys.unit_entries(campaign, unit)] == ["Chè búp", "Mật ong"]
    assert len(reads) == 1  # checked once, stored from what the check read


def test_a_file_changed_after_the_check_is_not_imported(qtbot, office, tmp_path, jobs):
    district = office("huyen", "huyen-muong-ang", "Nguyễn Văn Kiểm")
    campaign = district.campaign_id()
    unit = add_codeless_unit(district.make_uow, campaign)
    path = workbook(tmp_path / "nam-lich.xlsx", [("Chè búp", 120)])
    dialog = ExcelImportDialog(
        SurveyImportService(district.make_uow), district.surveys, jobs, ask_open=lambda _p: str(path), unit_id=unit
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10_000)
    assert dialog.ui.unitCombo.currentText() == NEW_UNIT
    qtbot.mouseClick(dialog.ui.browseButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.importButton.isEnabled(), timeout=10_000)
    workbook(path, [("Chè búp", 999)])
    qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "đã bị sửa, thay hoặc xóa sau khi kiểm tra" in dialog.ui.statusLabel.text(), timeout=10_000)
    assert district.surveys.unit_entries(campaign, unit) == []
