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
    dialog = ExcelImportDialog(
        SurveyImportService(district.make_uow),
        district.surveys,
        jobs,
        ask_open=lambda _p: str(path),
        ask_save=lambda _p, _s: str(tmp_path / "mau"),
    )
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.ui.browseButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.problems.rowCount() == 1)
    assert [cell(dialog.problems, 0, c) for c in range(3)] == ["Rà soát", "4", "Giá tiêu thụ"]
    assert cell(dialog.problems, 0, 3) == (
        "Trang «Rà soát», dòng 4, cột «Giá tiêu thụ» (C): «15.000đ/kg» không phải là "
        "số. Hãy nhập số, ví dụ 1.200 hoặc 12,5."
    )
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
    unit = next(
        u
        for u in district.surveys.campaign_units(campaign, today=date(2024, 7, 10))
        if u.unit_id == place_id("xa-ang-to")
    )
    assert (unit.status, unit.submitted_on) == ("da_nop", date(2024, 7, 4))
    assert not dialog.ui.importButton.isEnabled()  # check again before a second import


def test_template_saved_and_unsafe_file_refused(qtbot, district, tmp_path, jobs, vietnamese):
    bad = tmp_path / "doi-ten.xlsx"
    bad.write_text("Tên sản phẩm;Giá\n", encoding="utf-8")
    dialog = ExcelImportDialog(
        SurveyImportService(district.make_uow),
        district.surveys,
        jobs,
        ask_open=lambda _p: str(bad),
        ask_save=lambda _p, _s: str(tmp_path / "mau"),
    )
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.ui.templateButton, Qt.MouseButton.LeftButton)
    assert (tmp_path / "mau.xlsx").exists()
    assert openpyxl.load_workbook(tmp_path / "mau.xlsx")["Rà soát"]["B1"].value == "Tên sản phẩm"
    assert dialog.ui.statusLabel.text().startswith("Đã lưu mẫu")
    qtbot.mouseClick(dialog.ui.browseButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "không phải tệp Excel" in dialog.ui.statusLabel.text())
    assert dialog.ui.checkButton.isEnabled() and not dialog.ui.importButton.isEnabled()


def rows_sheet(path, rows, hidden_row=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Tên sản phẩm", "Sản lượng", "Đơn vị"])
    for row in rows:
        ws.append([*row, "Xã Ẳng Tở"])
    if hidden_row:
        ws.row_dimensions[hidden_row].hidden = True
    wb.save(path)
    return path


def test_replace_asks_with_the_count_backs_up_and_undoes(qtbot, district, tmp_path, jobs):
    path = rows_sheet(tmp_path / "xa.xlsx", [("Chè", 100), ("Gạo", 5), ("Măng", 7)], hidden_row=4)
    backups, questions, answers = [], [], [False, True]
    dialog = ExcelImportDialog(
        SurveyImportService(district.make_uow),
        district.surveys,
        jobs,
        ask_open=lambda _p: str(path),
        before_import=lambda: backups.append(1),
        confirm=lambda _w, q: (questions.append(q), answers.pop(0))[1],
    )
    qtbot.addWidget(dialog)

    def entries():
        return sorted(
            (e.product_name, e.output_quantity)
            for e in district.surveys.unit_entries(district.campaign_id(), place_id("xa-ang-to"))
        )

    qtbot.mouseClick(dialog.ui.browseButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.importButton.isEnabled())
    assert dialog.ui.warningsLabel.text() == (
        "Trang «Sheet»: 1 dòng đang ẩn nên không nhập (dòng 4). Nếu cần nhập, hãy bỏ ẩn trong Excel rồi nhập lại, "
        "hoặc chọn nhập cả phần ẩn (lệnh: thêm --include-hidden)."
    )
    qtbot.mouseClick(dialog.ui.includeHiddenCheck, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.summaryLabel.text() == "3 row(s) read: 3 valid, 0 with problems.")
    assert dialog.ui.warningsLabel.text() == ""
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    assert entries() == [("Chè", 100.0), ("Gạo", 5.0), ("Măng", 7.0)] and backups == [1]
    assert not dialog.ui.undoButton.isHidden()

    rows_sheet(path, [("Chè", 999)])
    qtbot.mouseClick(dialog.ui.browseButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.importButton.isEnabled())
    qtbot.mouseClick(dialog.ui.replaceCheck, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.statusLabel.text() == "Nothing was imported.")
    assert questions == [
        "The sheet replaces the rows of Xã Ẳng Tở: 2 survey row(s) the file no longer has will be "
        "deleted (a backup is made first). Continue?"
    ]
    assert len(entries()) == 3 and backups == [1]
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.statusLabel.text() == "Imported 1 row(s): 0 new, 1 updated, for Xã Ẳng Tở. 2 row(s) deleted."
    assert entries() == [("Chè", 999.0)] and backups == [1, 1]

    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.ui.undoButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.statusLabel.text() == (
        "Import undone: 0 added row(s) deleted, 1 updated row(s) put back, 2 deleted row(s) restored."
    )
    assert entries() == [("Chè", 100.0), ("Gạo", 5.0), ("Măng", 7.0)] and backups == [1, 1, 1]
    assert dialog.ui.undoButton.isHidden()


def test_a_template_that_cannot_be_saved_is_explained(qtbot, district, tmp_path, jobs):
    folder = tmp_path / "mau" / "mau.xlsx"
    folder.mkdir(parents=True)  # the chosen name is a folder
    dialog = ExcelImportDialog(
        SurveyImportService(district.make_uow), district.surveys, jobs, ask_save=lambda _p, _s: str(folder)
    )
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.ui.templateButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.statusLabel.text() == (
        f"Không lưu được mẫu Excel vào {folder}: đó không phải tệp thông thường "
        "(là thư mục, thiết bị hoặc ống dẫn); hãy chọn tên tệp khác."
    )
    assert folder.is_dir() and list(folder.parent.iterdir()) == [folder]
