"""The scorecards dialog: cards listed, the Excel template saved and imported, a card whose
points do not add up refused with the sheet and row, the shipped card restored."""

from __future__ import annotations

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt

from ocop_desktop.gui.evaluation.scorecards_dialog import ScorecardsDialog
from ocop_desktop.services.evaluation_reports import EvaluationReports
from ocop_desktop.services.scorecards import ScorecardService
from tests.gui.evaluation.conftest import TODAY


def make(qtbot, sample) -> ScorecardsDialog:
    dialog = ScorecardsDialog(ScorecardService(sample), EvaluationReports(sample), today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot, dialog)
    return dialog


def settle(qtbot, dialog) -> None:
    """Wait for the read, import or file the dialog runs in the background."""
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=20000)


def column(model, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_cards_are_listed_with_their_criteria(qtbot, vietnamese, sample, qtmodeltester):
    dialog = make(qtbot, sample)
    assert dialog.windowTitle() == "Phiếu chấm điểm"
    cards = dialog.cards_model
    assert cards.rowCount() == 9
    assert column(cards, 0)[:4] == ["1048/2019", "148/2023", "1489/2025", "26/2026"]
    assert column(cards, 1)[0] == "(mọi bộ sản phẩm)"
    assert column(cards, 2)[0] == "A 35 · B 25 · C 40"
    dialog.select("26/2026:ca-phe-ca-cao")
    assert column(dialog.criteria_model, 1)[:3] == [
        "Sản phẩm và sức mạnh cộng đồng",
        "    Tổ chức sản xuất",
        "        Nguồn nguyên liệu",
    ]
    row = column(dialog.criteria_model, 0).index("A3.1")
    assert dialog.criteria_model.index(row, 3).data() == "1 = Hộ sản xuất, hộ kinh doanh; 2 = Công ty; 3 = Hợp tác xã"
    assert cards.index(column(cards, 1).index("Cà phê, ca cao"), 4).data() == "có"
    assert not dialog.ui.restoreButton.isEnabled()
    qtmodeltester.check(cards)
    qtmodeltester.check(dialog.criteria_model)


def test_an_imported_card_with_a_wrong_total_is_refused_then_accepted_when_fixed(qtbot, vietnamese, sample, tmp_path):
    dialog = make(qtbot, sample)
    dialog.select("26/2026:ca-phe-ca-cao")
    path = tmp_path / "mau.xlsx"
    dialog.save_template(path)
    settle(qtbot, dialog)
    assert dialog.ui.statusLabel.text().startswith("Đã lưu mẫu vào")
    wb = load_workbook(path)
    ws = wb["Tiêu chí"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 2).value == "B6")
    ws.cell(row, 5).value = 4  # part B now adds up to 24
    wb.save(path)
    dialog.import_file(path)
    settle(qtbot, dialog)
    assert dialog.ui.errorsEdit.isVisible()
    assert dialog.ui.errorsEdit.toPlainText() == (
        "Trang «Phần», dòng 3: các tiêu chí của phần B cộng lại 24 điểm, khác điểm tối đa 25 của phần; "
        "hãy sửa điểm các tiêu chí cho khớp."
    )
    assert "bị từ chối" in dialog.ui.statusLabel.text()
    ws.cell(row, 5).value = 5
    ws.cell(row, 3).value = "Thể hiện bản sắc địa phương"
    wb.save(path)
    with qtbot.waitSignal(dialog.cardsChanged):
        dialog.import_file(path)
    settle(qtbot, dialog)
    assert not dialog.ui.errorsEdit.isVisible()
    assert dialog.current().code == "26/2026:ca-phe-ca-cao"
    assert dialog.cards_model.index(dialog.ui.cardsView.currentIndex().row(), 5).data() == "nhập từ mau.xlsx"
    assert "    Thể hiện bản sắc địa phương" in column(dialog.criteria_model, 1)
    assert dialog.ui.restoreButton.isEnabled()
    qtbot.mouseClick(dialog.ui.restoreButton, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert dialog.current().origin == "shipped"
    assert dialog.ui.statusLabel.text() == "Đã dùng lại phiếu gốc kèm ứng dụng."


def test_a_blank_sheet_of_the_selected_card(qtbot, vietnamese, sample, tmp_path):
    dialog = make(qtbot, sample)
    dialog.select("26/2026:ruou-trang")
    path = tmp_path / "ruou.pdf"
    dialog.save_sheet(path)
    settle(qtbot, dialog)
    assert dialog.ui.statusLabel.text() == f"Đã lưu vào {path}"
    text = " ".join(p.extract_text() for p in PdfReader(path).pages)
    assert "Rượu trắng" in text and "Tổng điểm phần A" in text
