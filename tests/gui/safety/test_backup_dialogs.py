"""Backup, restore and damaged-file dialogs as a user drives them."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from ocop_desktop.gui.safety.backup_dialog import BackupDialog
from ocop_desktop.gui.safety.damaged_dialog import DamagedDatabaseDialog
from ocop_desktop.gui.safety.restore_dialog import RestoreConfirmDialog
from ocop_desktop.services import backup as backup_service
from ocop_desktop.services.products import ProductInput, ProductService
from tests.safety.conftest import immutable

LEFT = Qt.MouseButton.LeftButton


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM products"))
    finally:
        conn.close()


def _dialog(qtbot, backups, jobs, confirm=None) -> BackupDialog:
    dialog = BackupDialog(backups, jobs, confirm=confirm)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=20000)  # the copies are listed in the background
    return dialog


def _column(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_backing_up_now_lists_the_new_copy(qtbot, qtmodeltester, backups, jobs, vietnamese):
    dialog = _dialog(qtbot, backups, jobs)
    assert dialog.model.rowCount() == 0 and not dialog.ui.restoreButton.isEnabled()
    assert dialog.windowTitle() == "Sao lưu và khôi phục"
    assert str(backups.folder) in dialog.ui.folderLabel.text()
    qtbot.mouseClick(dialog.ui.backUpHereButton, LEFT)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=20000)
    qtmodeltester.check(dialog.model)
    assert _column(dialog.model, 1) == ["Sao lưu thủ công"]
    size = _column(dialog.model, 2)[0]  # the copy's size, in Vietnamese digits: "9,5 MB", "640 KB"
    assert re.fullmatch(r"\d+(,\d)? (KB|MB)", size), size
    assert "đã được kiểm tra" in dialog.ui.statusLabel.text()
    assert dialog.ui.restoreButton.isEnabled()


def test_backing_up_to_a_usb_stick(qtbot, backups, jobs, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(usb / "ban-sao"), ""))
    dialog = _dialog(qtbot, backups, jobs)
    qtbot.mouseClick(dialog.ui.backUpButton, LEFT)
    qtbot.waitUntil(
        lambda: (usb / "ban-sao.sqlite").exists() and "ban-sao.sqlite" in dialog.ui.statusLabel.text(), timeout=20000
    )
    assert _names(usb / "ban-sao.sqlite") == _names(backups.db_path)


def test_a_write_protected_stick_is_explained(qtbot, backups, jobs, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    with immutable(usb) as locked:
        if not locked:
            pytest.skip("chattr +i is not available here")
        dialog = _dialog(qtbot, backups, jobs)
        dialog.back_up_to(usb / "ban-sao.sqlite")
        qtbot.waitUntil(lambda: "Dữ liệu vẫn giữ nguyên" in dialog.ui.statusLabel.text(), timeout=20000)
        assert dialog.ui.backUpButton.isEnabled()
        assert list(usb.iterdir()) == []


def test_restoring_the_selected_copy_after_confirming(qtbot, backups, jobs, make_uow):
    before = _names(backups.db_path)
    backup_service.create_backup(backups.db_path, backup_service.DAILY)
    ProductService(make_uow).create(ProductInput(name="Thêm sau khi sao lưu"))
    asked = []

    def confirm(backup, current):
        asked.append((backup.counts["products"], current.counts["products"]))
        return True

    dialog = _dialog(qtbot, backups, jobs, confirm=confirm)
    with qtbot.waitSignal(dialog.restored, timeout=30000) as signal:
        qtbot.mouseClick(dialog.ui.restoreButton, LEFT)
    assert asked == [(10, 11)]  # the user saw the backup beside the current data
    assert _names(backups.db_path) == before
    result = signal.args[0]
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=20000)  # the copies are listed again
    assert "Trước khi khôi phục" in _column(dialog.model, 1)  # the pre-restore copy is listed
    assert str(result.safety_copy) in dialog.ui.statusLabel.text()
    assert len(_names(result.safety_copy)) == 11


def test_a_cancelled_restore_changes_nothing(qtbot, backups, jobs, make_uow, vietnamese):
    backup_service.create_backup(backups.db_path, backup_service.DAILY)
    ProductService(make_uow).create(ProductInput(name="Giữ lại"))
    dialog = _dialog(qtbot, backups, jobs, confirm=lambda b, c: False)
    dialog.restore_selected()
    qtbot.waitUntil(lambda: dialog.ui.statusLabel.text() == "Đã hủy khôi phục; dữ liệu không thay đổi.", timeout=20000)
    assert "Giữ lại" in _names(backups.db_path)


def test_a_file_that_is_not_a_backup_is_refused(qtbot, backups, jobs, tmp_path):
    other = tmp_path / "ghi-chu.sqlite"
    other.write_text("không phải bản sao")
    dialog = _dialog(qtbot, backups, jobs, confirm=lambda b, c: pytest.fail("must not ask"))
    dialog.restore_from(other)
    qtbot.waitUntil(lambda: "không phải bản sao" in dialog.ui.statusLabel.text(), timeout=20000)


def test_the_confirmation_shows_both_sides(qtbot, qtmodeltester, backups, vietnamese):
    copy = backup_service.create_backup(backups.db_path, backup_service.DAILY).path
    current = backups.current()
    dialog = RestoreConfirmDialog(backups.describe(copy), replace(current, made_at=None))
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    model = dialog.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == ["Bản sao", "Dữ liệu hiện tại"]
    rows = {
        model.headerData(r, Qt.Orientation.Vertical): (model.index(r, 0).data(), model.index(r, 1).data())
        for r in range(model.rowCount())
    }
    assert rows["Sản phẩm"] == ("10", "10") and rows["Nhiệm vụ"] == ("6", "6")
    assert rows["Phiên bản lược đồ"][0] == current.schema_version
    assert str(copy) in dialog.ui.questionLabel.text()
    dialog.show()
    qtbot.mouseClick(dialog.restore_button, LEFT)
    assert dialog.result() == QDialog.DialogCode.Accepted


def _damage(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))


def test_the_damaged_file_dialog_offers_and_restores_the_newest_good_backup(qtbot, backups, jobs, db, vietnamese):
    good = backup_service.create_backup(backups.db_path, backup_service.DAILY).path
    db.close()
    _damage(backups.db_path)
    damaged = backups.db_path.read_bytes()
    dialog = DamagedDatabaseDialog(backups.db_path, ["database disk image is malformed"], backups, jobs)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=20000)  # the newest good copy is looked for meanwhile
    assert "bị hỏng" in dialog.ui.problemLabel.text() and "không ghi gì" in dialog.ui.problemLabel.text()
    assert str(good) in dialog.ui.backupLabel.text() and "10 sản phẩm" in dialog.ui.backupLabel.text()
    assert backups.db_path.read_bytes() == damaged  # nothing written while the user reads
    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        qtbot.mouseClick(dialog.ui.restoreButton, LEFT)
    assert dialog.result is not None and dialog.result.safety_copy.read_bytes() == damaged
    assert len(_names(backups.db_path)) == 10


def test_without_a_good_backup_the_user_can_choose_one_or_quit(qtbot, backups, jobs, tmp_path, vietnamese):
    dialog = DamagedDatabaseDialog(backups.db_path, ["file is not a database"], backups, jobs)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=20000)
    assert not dialog.ui.restoreButton.isEnabled()
    assert "Không tìm thấy bản sao tốt" in dialog.ui.backupLabel.text()
    other = tmp_path / "la.sqlite"
    other.write_text("x")
    dialog.choose_file(other)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=20000)
    assert not dialog.ui.restoreButton.isEnabled() and "không phải bản sao" in dialog.ui.backupLabel.text()
    usb = tmp_path / "usb.sqlite"
    backup_service.create_backup(backups.db_path, target=usb)
    dialog.choose_file(usb)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=20000)
    assert dialog.ui.restoreButton.isEnabled() and str(usb) in dialog.ui.backupLabel.text()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.ui.quitButton, LEFT)


def test_a_backup_with_a_broken_audit_chain_is_restored_only_once_the_warning_is_accepted(
    qtbot, backups, tmp_path, vietnamese
):
    copy = tmp_path / "ban-sao.sqlite"
    backup_service.create_backup(backups.db_path, target=copy)
    with sqlite3.connect(copy) as conn:  # edited outside the program, its log left as it was
        conn.execute("UPDATE products SET name = 'Tên bị sửa tay' WHERE rowid = 1")
    summary = backups.describe(copy)
    assert summary.restorable and summary.warnings
    dialog = RestoreConfirmDialog(summary, backups.current())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    text = dialog.warning_label.text()
    assert text.startswith("Cảnh báo: nhật ký thay đổi của bản sao này đã bị sửa ngoài OCOP Desktop")
    assert "«Tên» khác với nhật ký thay đổi" in text
    assert not dialog.restore_button.isEnabled()
    dialog.accept_check.setFocus()
    qtbot.keyClick(dialog.accept_check, Qt.Key.Key_Space)
    assert dialog.accept_check.isChecked() and dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, LEFT)
    assert dialog.result() == QDialog.DialogCode.Accepted
