"""The Excel import dialog: every problem listed with its row and column, valid rows only on request."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from PySide6.QtCore import Qt

from ocop_desktop.gui.exchange.excel_import_dialog import ExcelImportDialog
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.survey_import import SurveyImportService


@pytest.fixture
def district(office):
    return office("huyen", "huyen-muong-ang", "Nguyễn Văn Kiểm")


def sheet(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rà soát"
    ws.append(["Đơn vị", "TÊN SẢN PHẨM", "Giá tiêu thụ", "Ngày nộp"])
    ws.append(["Xã Ẳng Tở", " Chè  Shan tuyết", "15.000 đ", "04/07/2024"])
    ws.append([])
    ws.append(["Xã Ẳng Tở", "Gạo nếp", "15.000đ/kg", None])
    wb.save(path)
    return path


def cell(model, row, column):
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_problems_listed_then_valid_rows_imported(qtbot, qtmodeltester, district, tmp_path, jobs):
    path = sheet(tmp_path / "xa-ang-to.xlsx")
    dialog = ExcelImportDialog(SurveyImportService(district.make_uow), district.surveys, jobs,
                               ask_open=lambda _p: str(path), ask_save=lambda _p, _s: str(tmp_path / "mau"))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.ui.browseButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.problems.rowCount() == 1)
    assert [cell(dialog.problems, 0, c) for c in range(3)] == ["Rà soát", "4", "Giá tiêu thụ"]
    assert cell(dialog.problems, 0, 3) == ("Trang «Rà soát», dòng 4, cột «Giá tiêu thụ» (C): «15.000đ/kg» không phải là "
                                           "số. Hãy nhập số, ví dụ 1.200 hoặc 12,5.")
    assert dialog.ui.summaryLabel.text() == "2 row(s) read: 1 valid, 1 with problems."
    assert not dialog.ui.importButton.isEnabled()
    qtmodeltester.check(dialog.problems)

    qtbot.mouseClick(dialog.ui.validOnlyCheck, Qt.MouseButton.LeftButton)
    assert dialog.ui.importButton.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.statusLabel.text() == "Imported 1 row(s): 1 new, 0 updated, for Xã Ẳng Tở."
    campaign = district.campaign_id()
    [entry] = district.surveys.unit_entries(campaign, place_id("xa-ang-to"))
    assert (entry.product_name, entry.price_vnd) == ("Chè Shan tuyết", 15000)
    unit = next(u for u in district.surveys.campaign_units(campaign, today=date(2024, 7, 10))
                if u.unit_id == place_id("xa-ang-to"))
    assert (unit.status, unit.submitted_on) == ("da_nop", date(2024, 7, 4))
    assert not dialog.ui.importButton.isEnabled()  # check again before a second import


def test_template_saved_and_unsafe_file_refused(qtbot, district, tmp_path, jobs, vietnamese):
    bad = tmp_path / "doi-ten.xlsx"
    bad.write_text("Tên sản phẩm;Giá\n", encoding="utf-8")
    dialog = ExcelImportDialog(SurveyImportService(district.make_uow), district.surveys, jobs,
                               ask_open=lambda _p: str(bad), ask_save=lambda _p, _s: str(tmp_path / "mau"))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.ui.templateButton, Qt.MouseButton.LeftButton)
    assert (tmp_path / "mau.xlsx").exists()
    assert openpyxl.load_workbook(tmp_path / "mau.xlsx")["Rà soát"]["B1"].value == "Tên sản phẩm"
    assert dialog.ui.statusLabel.text().startswith("Đã lưu mẫu")
    qtbot.mouseClick(dialog.ui.browseButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "không phải tệp Excel" in dialog.ui.statusLabel.text())
    assert dialog.ui.checkButton.isEnabled() and not dialog.ui.importButton.isEnabled()
