"""Scoring the sample's coffee product criterion by criterion: totals and star class follow the
typing, knock-outs stop it, council members are averaged, the result is saved and certified."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox

from ocop_desktop.services.evaluation import EvaluationService
from ocop_desktop.services.products import ProductService
from tests.gui.evaluation.conftest import SCORES, TODAY, click_cell, settle, tick_group, type_score
from tests.gui.keyboard import type_text


def test_totals_and_star_class_change_as_the_scores_are_typed(qtbot, make_dialog, coffee_id, qtmodeltester):
    dialog = make_dialog(coffee_id)
    ui, model = dialog.ui, dialog.model
    assert dialog.windowTitle() == "Đánh giá: Cà phê bột Hà Chung - bột pha phin"
    assert ui.ruleSetCombo.currentData() == "26/2026"  # in force on 28/11/2026
    assert ui.levelCombo.currentText() == "Cấp tỉnh"
    assert "Phiếu đánh giá sản phẩm bộ Cà phê, ca cao" in ui.cardNoteLabel.text()
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Lò Văn An"
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Bình quân"
    assert model.index(model.row_of("A3.1"), 1).data().strip() == "Loại hình chủ thể"
    assert ui.starsValue.text() == "Chưa chấm"
    assert ui.totalValue.text() == "0 / 100"

    seen_stars, running = [], 0
    for code, points in SCORES:
        type_score(qtbot, dialog, code, points)
        running += points
        assert model.index(model.row_of(code), 3).data() == str(points)
        assert ui.totalValue.text() == f"{running} / 100", code
        label = ui.starsValue.text()
        if not seen_stars or seen_stars[-1] != label:
            seen_stars.append(label)
    assert seen_stars == ["★  1 sao", "★★  2 sao", "★★★  3 sao", "★★★★  4 sao"]
    assert ui.partsValue.text() == "A: 33 / 40\nB: 19 / 25\nC: 27 / 35"
    assert model.index(model.row_of("A1"), 3).data() == "16"  # the group's subtotal
    assert ui.statusValue.text() == ""

    # A score beyond the criterion's levels is never taken: 7 is not a level of "Nguồn nguyên liệu".
    # It stays in the cell as typed, red, with the reason; the total keeps the score taken before.
    type_score(qtbot, dialog, "A1.1", 7)
    cell = model.index(model.row_of("A1.1"), 3)
    assert cell.data() == "7" and ui.totalValue.text() == "79 / 100"
    reason = "Lò Văn An, tiêu chí A1.1 «Nguồn nguyên liệu»: 7 nằm ngoài khoảng 0 đến 3; hãy nhập điểm từ 0 đến 3."
    assert ui.errorLabel.text() == reason and cell.data(Qt.ItemDataRole.ToolTipRole) == reason
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    click_cell(qtbot, ui.scoreView, model.row_of("A1.2"), 3)  # a click on the current cell would not type
    type_score(qtbot, dialog, "A1.1", 3)
    assert cell.data() == "3" and model.refusals() == [] and cell.data(Qt.ItemDataRole.BackgroundRole) is None

    # Picking a level: the combo offers exactly the card's levels for "Đảm bảo chất lượng".
    view = ui.scoreView
    click_cell(qtbot, view, model.row_of("C4"), 3)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "(chưa chấm)",
        "1 — Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
        "3 — Chứng nhận ISO, HACCP hoặc tương đương",
        "5 — Chứng nhận quốc tế",
    ]
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert ui.totalValue.text() == "81 / 100"  # committed while still in the cell
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)

    assert ui.gapLabel.text().startswith("Cần thêm 9 điểm để đạt 5 sao (90 điểm).")
    gap_rows = [
        (dialog.gap_model.index(r, 0).data(), dialog.gap_model.index(r, 4).data())
        for r in range(dialog.gap_model.rowCount())
    ]
    assert gap_rows[:2] == [("B3", "2"), ("C1.1", "2")]
    assert "C4" not in dict(gap_rows)

    qtmodeltester.check(model)
    qtmodeltester.check(dialog.gap_model)


def test_a_knock_out_stops_the_evaluation_with_the_reason(qtbot, make_dialog, coffee_id, sample):
    dialog = make_dialog(coffee_id)
    ui = dialog.ui
    for code, points in SCORES[:5]:
        type_score(qtbot, dialog, code, points)
    box = dialog.knockout_boxes["KO2"]
    assert box.text() == "KO2: Cơ sở sản xuất không có giấy chứng nhận an toàn thực phẩm"
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert ui.starsValue.text() == "Không xếp hạng: bị loại"
    assert ui.statusValue.text() == "KO2: Cơ sở sản xuất không có giấy chứng nhận an toàn thực phẩm"
    assert not ui.certifyBox.isEnabled()
    qtbot.mouseClick(ui.buttonBox.button(ui.buttonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)  # saved in the background
    saved = EvaluationService(sample).history(coffee_id)[0]
    assert saved.stars is None and saved.knockout.startswith("KO2")
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert ui.starsValue.text() == "★  1 sao"


def test_council_members_are_averaged_and_saved_with_the_evaluation(
    qtbot, make_dialog, coffee_id, sample, qtmodeltester
):
    dialog = make_dialog(coffee_id)
    ui, model = dialog.ui, dialog.model
    for code, points in SCORES:
        type_score(qtbot, dialog, code, points)
    for name in ("Quàng Thị Bình", "Tòng Văn Chiến"):
        type_text(ui.memberNameEdit, name)
        qtbot.mouseClick(ui.addMemberButton, Qt.MouseButton.LeftButton)
    assert model.member_names() == ["Lò Văn An", "Quàng Thị Bình", "Tòng Văn Chiến"]
    assert model.headerData(6, Qt.Orientation.Horizontal) == "Bình quân"
    for member in (1, 2):
        for code, points in SCORES:
            type_score(qtbot, dialog, code, points, member=member)
    type_score(qtbot, dialog, "C1.1", 10, member=1)
    type_score(qtbot, dialog, "C4", 5, member=2)
    type_score(qtbot, dialog, "A3.2", 1, member=2)
    row = model.row_of("C1.1")
    assert [model.index(row, c).data() for c in (3, 4, 5, 6)] == ["8", "10", "8", "8,67"]
    assert ui.totalValue.text() == "80,67 / 100"  # (79 + 81 + 82) / 3
    assert ui.starsValue.text() == "★★★★  4 sao"
    qtmodeltester.check(model)

    type_text(ui.notesEdit, "Hội đồng cấp tỉnh")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert ui.errorLabel.text() == "Đã lưu: 80,67 điểm."
    saved = EvaluationService(sample).get(dialog.saved.id)
    assert [(m.name, m.total) for m in saved.members] == [
        ("Lò Văn An", 79),
        ("Quàng Thị Bình", 81),
        ("Tòng Văn Chiến", 82),
    ]
    assert (saved.rule_set_code, saved.level, saved.evaluated_on, saved.total, saved.stars) == (
        "26/2026",
        "tinh",
        TODAY,
        80.67,
        4,
    )
    history = dialog.history_model
    assert history.rowCount() == 1 and history.index(0, 4).data() == "80,67"
    qtmodeltester.check(history)

    # Remove the third member: the average follows.
    click_cell(qtbot, ui.scoreView, model.row_of("B1"), 5)
    qtbot.mouseClick(ui.removeMemberButton, Qt.MouseButton.LeftButton)
    assert model.member_names() == ["Lò Văn An", "Quàng Thị Bình"] and ui.totalValue.text() == "80 / 100"


def test_a_certified_result_updates_the_product(qtbot, make_dialog, coffee_id, sample):
    dialog = make_dialog(coffee_id)
    ui = dialog.ui
    ui.dateEdit.setDate(QDate(2026, 9, 15))
    settle(qtbot, dialog)  # the card in force then is read
    for code, points in SCORES:
        type_score(qtbot, dialog, code, points)
    assert ui.certifyBox.isEnabled()
    tick_group(qtbot, ui.certifyBox)
    assert ui.certifyBox.isChecked()
    type_text(ui.certificateEdit, "GCN-26-001")
    type_text(ui.decisionEdit, "2150/QĐ-UBND")
    ui.certifiedDateEdit.setDate(QDate(2026, 10, 2))
    assert ui.expiryValue.text() == ("Có hiệu lực đến 02/10/2029. Nộp hồ sơ đánh giá lại từ 05/04/2029 đến 04/06/2029.")
    assert ui.bodyEdit.placeholderText() == "UBND cấp tỉnh"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert "Hạng sao và giấy chứng nhận của sản phẩm đã được cập nhật." in ui.errorLabel.text()
    product = ProductService(sample).get(coffee_id)
    assert (product.stars, product.score, product.certificate_no, product.certifying_decision) == (
        4,
        79,
        "GCN-26-001",
        "2150/QĐ-UBND",
    )
    assert (product.certified_on, product.expires_on) == (date(2026, 10, 2), date(2029, 10, 2))


def test_an_earlier_date_brings_the_rules_then_in_force(qtbot, make_dialog, coffee_id):
    dialog = make_dialog(coffee_id)
    ui, model = dialog.ui, dialog.model
    ui.dateEdit.setDate(QDate(2024, 6, 20))
    settle(qtbot, dialog)  # the card in force then is read
    assert ui.ruleSetCombo.currentData() == "148/2023"
    assert "Chưa đối chiếu với văn bản gốc" in ui.cardNoteLabel.text()
    assert [model.index(r, 0).data() for r in model.leaf_rows()] == ["A", "B", "C"]
    for code, points in (("A", 35), ("B", 20), ("C", 35)):
        type_score(qtbot, dialog, code, points)
    assert ui.totalValue.text() == "90 / 100"
    # Under 148 the province certifies 4 stars: 90 points at the province is a proposal to the centre.
    assert ui.starsValue.text() == (
        "Đề nghị cấp trung ương (Bộ Nông nghiệp và Phát triển nông thôn, nay là "
        "Bộ Nông nghiệp và Môi trường) đánh giá, công nhận"
    )
    assert ui.gapLabel.text() == "Đã đạt hạng cao nhất."
    assert not dialog.knockout_boxes  # 148's card names no knock-outs


def test_errors_from_the_service_stay_in_the_dialog(qtbot, make_dialog, coffee_id):
    dialog = make_dialog(coffee_id)
    ui = dialog.ui
    for code, points in SCORES:
        type_score(qtbot, dialog, code, points)
    tick_group(qtbot, ui.certifyBox)  # no decision number typed
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert "Chưa nhập số quyết định công nhận" in ui.errorLabel.text()
    assert dialog.isVisible() and dialog.saved is None


def test_the_blank_sheet_prints_from_the_dialog(qtbot, make_dialog, coffee_id, tmp_path):
    dialog = make_dialog(coffee_id)
    path = tmp_path / "phieu.pdf"
    dialog.export("blank", path)
    settle(qtbot, dialog)  # written in the background
    assert dialog.ui.errorLabel.text() == f"Đã lưu vào {path}"
    text = " ".join(p.extract_text() for p in PdfReader(path).pages)
    assert "Người đại diện là nữ" in text and "Sở hữu trí tuệ" in text


def test_a_score_outside_the_card_is_refused_never_truncated(qtbot, make_dialog, coffee_id, sample):
    """On the 148/2023 card the parts are scored in whole points (A 0–40, B 0–25, C 0–35):
    a combo that jumped to the first matching level turned "40" into 4 and "18,5" into 18."""
    dialog = make_dialog(coffee_id)
    ui, model, view = dialog.ui, dialog.model, dialog.ui.scoreView
    ui.dateEdit.setFocus()
    ui.dateEdit.selectAll()
    qtbot.keyClicks(ui.dateEdit, "20/06/2024")
    qtbot.keyClick(ui.dateEdit, Qt.Key.Key_Return)
    settle(qtbot, dialog)
    assert ui.ruleSetCombo.currentData() == "148/2023" and ui.dateEdit.text() == "20/06/2024"
    assert dialog.saved is None  # Enter in the date box does not save the evaluation

    type_score(qtbot, dialog, "C", 40)
    c_cell = model.index(model.row_of("C"), 3)
    assert c_cell.data() == "40" and ui.totalValue.text() == "0 / 100"
    assert ui.errorLabel.text().startswith("Lò Văn An, tiêu chí C «Tổng điểm phần C: ")
    assert ui.errorLabel.text().endswith("»: 40 nằm ngoài khoảng 0 đến 35; hãy nhập điểm từ 0 đến 35.")
    assert c_cell.data(Qt.ItemDataRole.ToolTipRole) == ui.errorLabel.text()
    type_score(qtbot, dialog, "B", "18,5")
    b_cell = model.index(model.row_of("B"), 3)
    assert b_cell.data() == "18,5" and ui.totalValue.text() == "0 / 100"
    assert ui.errorLabel.text().startswith("Lò Văn An, tiêu chí B «Tổng điểm phần B: ")
    assert ui.errorLabel.text().endswith(
        "»: 18,5 có phần thập phân nhưng tiêu chí này chấm điểm nguyên; hãy nhập số nguyên từ 0 đến 25."
    )
    # Opening the cell again shows what was typed, to correct it.
    click_cell(qtbot, view, model.row_of("A"), 3)
    click_cell(qtbot, view, model.row_of("B"), 3)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert QApplication.focusWidget().currentText() == "18,5"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)

    type_score(qtbot, dialog, "A", 30)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert dialog.saved is None
    assert ui.errorLabel.text().startswith("Có điểm chưa được nhận; hãy sửa các ô tô đỏ trước khi lưu:\n• ")
    assert EvaluationService(sample).history(coffee_id) == []

    type_score(qtbot, dialog, "C", 35)
    type_score(qtbot, dialog, "B", 18)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    saved = EvaluationService(sample).get(dialog.saved.id)
    assert saved.members[0].scores == {"A": 30, "B": 18, "C": 35} and saved.evaluated_on == date(2024, 6, 20)
