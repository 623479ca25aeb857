"""The scoring dialog shows a class beyond the chosen level's authority as a proposal to the level
that certifies it, and offers certification only for the classes that level certifies."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from tests.gui.evaluation.conftest import settle, type_score

MINISTRY = "cấp trung ương (Bộ Nông nghiệp và Môi trường)"


def pick_level(qtbot, dialog, key) -> None:
    """Choose the evaluating level from the keyboard (Home: cấp xã, End: cấp trung ương)."""
    dialog.ui.levelCombo.setFocus()
    qtbot.keyClick(dialog.ui.levelCombo, key)


def test_a_1489_provincial_score_of_92_is_a_proposal_to_the_ministry(qtbot, make_dialog, coffee_id):
    dialog = make_dialog(coffee_id)
    ui = dialog.ui
    ui.dateEdit.setDate(QDate(2025, 9, 15))
    settle(qtbot, dialog)  # the card in force then is read
    assert ui.ruleSetCombo.currentData() == "1489/2025" and ui.levelCombo.currentText() == "Cấp tỉnh"
    for code, points in (("A", 38), ("B", 22), ("C", 32)):
        type_score(qtbot, dialog, code, points)
    assert ui.totalValue.text() == "92 / 100"
    assert ui.starsValue.text() == f"Đề nghị {MINISTRY} đánh giá, công nhận"
    assert "vượt thẩm quyền công nhận của cấp tỉnh theo Quyết định 1489/QĐ-TTg" in ui.statusValue.text()
    assert not ui.certifyBox.isEnabled()

    pick_level(qtbot, dialog, Qt.Key.Key_End)
    assert ui.levelCombo.currentText() == "Cấp trung ương"
    assert ui.starsValue.text() == "★★★★★  5 sao" and ui.statusValue.text() == ""
    assert ui.certifyBox.isEnabled() and ui.bodyEdit.placeholderText() == "Bộ Nông nghiệp và Môi trường"

    # Saved at the province, the history lists the result as a proposal, not as 5 stars.
    pick_level(qtbot, dialog, Qt.Key.Key_Up)
    assert ui.levelCombo.currentText() == "Cấp tỉnh"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert dialog.saved is not None and dialog.saved.stars == 5
    row = [dialog.history_model.index(0, c).data() for c in range(dialog.history_model.columnCount())]
    assert f"Đề nghị {MINISTRY}" in row and "★★★★★" not in row

    pick_level(qtbot, dialog, Qt.Key.Key_Home)
    assert ui.levelCombo.currentText() == "Cấp xã (kiểm tra hồ sơ)"
    assert ui.starsValue.text() == "Chỉ kiểm tra: cấp xã không đánh giá, phân hạng sản phẩm"
    assert "đề nghị cấp tỉnh (UBND cấp tỉnh) đánh giá, công nhận" in ui.statusValue.text()
    assert not ui.certifyBox.isEnabled()


def test_a_1489_provincial_score_of_80_is_rated_and_certified_by_the_province(qtbot, make_dialog, coffee_id):
    dialog = make_dialog(coffee_id)
    ui = dialog.ui
    ui.dateEdit.setDate(QDate(2025, 9, 15))
    settle(qtbot, dialog)  # the card in force then is read
    for code, points in (("A", 32), ("B", 20), ("C", 28)):
        type_score(qtbot, dialog, code, points)
    assert ui.starsValue.text() == "★★★★  4 sao" and ui.statusValue.text() == ""
    assert ui.certifyBox.isEnabled() and ui.bodyEdit.placeholderText() == "UBND cấp tỉnh"
