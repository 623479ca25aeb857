"""The restore dialog shows a backup whose chain was recomputed (it no longer matches its anchor)
and restores it only once the user ticks that they want it anyway."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from ocop_desktop.gui.safety.restore_dialog import RestoreConfirmDialog
from tests.safety.test_anchors import recompute_chain

LEFT = Qt.MouseButton.LeftButton


def test_a_backup_whose_chain_was_recomputed_is_restored_only_after_the_warning(qtbot, backups, vietnamese):
    copy = backups.back_up().path  # anchored in its sidecar and the database's log
    recompute_chain(copy, "Bưởi da xanh Mường Ảng", "Bưởi giả")
    summary = backups.describe(copy)
    assert summary.restorable and summary.warnings
    dialog = RestoreConfirmDialog(summary, backups.current())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    text = dialog.warning_label.text()
    assert text.startswith(
        "Cảnh báo: nhật ký thay đổi của bản sao này đã bị sửa ngoài OCOP Desktop hoặc không khớp mốc xác nhận"
    )
    assert "Nhật ký thay đổi không khớp mốc xác nhận lúc" in text and f"(bản sao lưu {copy.name})" in text
    assert not dialog.restore_button.isEnabled()
    dialog.accept_check.setFocus()
    qtbot.keyClick(dialog.accept_check, Qt.Key.Key_Space)
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, LEFT)
    assert dialog.result() == QDialog.DialogCode.Accepted
