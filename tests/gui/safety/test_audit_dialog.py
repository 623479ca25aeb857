"""The activity log and a record's history: filters, old and new values, a printable document."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from ocop_desktop.gui.safety.audit_dialog import AuditLogDialog
from ocop_desktop.services.audit import AuditService
from ocop_desktop.services.products import ProductInput, ProductService
from tests.gui.keyboard import type_text

LEFT = Qt.MouseButton.LeftButton


def _dialog(qtbot, make_uow, jobs, tmp_path, record=None) -> AuditLogDialog:
    dialog = AuditLogDialog(AuditService(make_uow), jobs, record=record, today=date.today, work_dir=tmp_path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=20000)
    return dialog


def _edited(make_uow):
    products = ProductService(make_uow)
    honey = products.create(ProductInput(name="Mật ong Mường Ảng"))
    products.update(honey.id, ProductInput(name="Mật ong hoa cà phê Mường Ảng", notes="Vụ xuân"))
    return honey


def test_the_activity_log_lists_every_change_and_its_details(
    qtbot, qtmodeltester, make_uow, sample, jobs, tmp_path, vietnamese
):
    honey = _edited(make_uow)
    dialog = _dialog(qtbot, make_uow, jobs, tmp_path)
    qtmodeltester.check(dialog.model)
    assert dialog.windowTitle() == "Nhật ký thay đổi"
    top = [dialog.model.index(0, c).data() for c in range(dialog.model.columnCount())]
    assert top[2] == "Nguyễn Văn Kiểm" and top[3] == "Sửa"
    assert top[4] == "Sản phẩm: Mật ong hoa cà phê Mường Ảng"
    assert "Tên: «Mật ong Mường Ảng» → «Mật ong hoa cà phê Mường Ảng»" in top[5]
    details = dialog.ui.detailsView.toPlainText()
    assert "Ghi chú: (trống) → «Vụ xuân»" in details and honey.id not in details
    assert dialog.model.rowCount() == 30  # the sample's 28 records too
    assert "mục, mới nhất trước" in dialog.ui.statusLabel.text()


def test_filter_by_kind_and_by_record_name_without_accents(qtbot, make_uow, sample, jobs, tmp_path):
    _edited(make_uow)
    dialog = _dialog(qtbot, make_uow, jobs, tmp_path)
    index = dialog.ui.entityCombo.findData("tasks")
    dialog.ui.entityCombo.setCurrentIndex(index)
    qtbot.waitUntil(
        lambda: {dialog.model.row(r).entity for r in range(dialog.model.rowCount())} == {"tasks"}, timeout=20000
    )
    assert dialog.model.rowCount() == 6
    dialog.ui.entityCombo.setCurrentIndex(0)
    type_text(dialog.ui.searchEdit, "mat ong")
    qtbot.mouseClick(dialog.ui.refreshButton, LEFT)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=20000)
    assert {dialog.model.row(r).action for r in range(2)} == {"create", "update"}
    dialog.ui.dateCheck.setChecked(True)
    dialog.ui.fromDate.setDate(dialog.ui.fromDate.date().addYears(-10))
    dialog.ui.toDate.setDate(dialog.ui.toDate.date().addYears(-9))
    qtbot.mouseClick(dialog.ui.refreshButton, LEFT)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=20000)


def test_a_records_history_shows_only_that_record(qtbot, make_uow, sample, jobs, tmp_path, vietnamese):
    honey = _edited(make_uow)
    dialog = _dialog(qtbot, make_uow, jobs, tmp_path, record=("products", honey.id, "Mật ong hoa cà phê Mường Ảng"))
    assert dialog.windowTitle() == "Lịch sử thay đổi của Mật ong hoa cà phê Mường Ảng"
    assert not dialog.ui.entityCombo.isVisibleTo(dialog) and not dialog.ui.searchEdit.isVisibleTo(dialog)
    assert [dialog.model.row(r).action_label for r in range(dialog.model.rowCount())] == ["Sửa", "Thêm mới"]


def test_the_log_is_saved_as_an_official_document(qtbot, make_uow, sample, jobs, tmp_path, monkeypatch):
    honey = _edited(make_uow)
    target = tmp_path / "nhat-ky.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "nhat-ky"), ""))
    dialog = _dialog(qtbot, make_uow, jobs, tmp_path, record=("products", honey.id, "Mật ong hoa cà phê Mường Ảng"))
    qtbot.mouseClick(dialog.ui.savePdfButton, LEFT)
    qtbot.waitUntil(lambda: dialog.last_pdf == target, timeout=30000)
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Lịch sử thay đổi của Mật ong hoa cà phê Mường Ảng" in " ".join(text.split())
    assert "Nguyễn Văn Kiểm" in text and "Vụ xuân" in text


def test_a_wrong_date_in_the_filter_is_said_and_not_replaced(qtbot, make_uow, sample, jobs, tmp_path, vietnamese):
    dialog = _dialog(qtbot, make_uow, jobs, tmp_path)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=20000)
    shown = dialog.model.rowCount()
    dialog.ui.dateCheck.setChecked(True)
    dialog.ui.fromDate.selectAll()
    qtbot.keyClicks(dialog.ui.fromDate, "31/02/2024")
    qtbot.mouseClick(dialog.ui.refreshButton, LEFT)
    assert dialog.ui.statusLabel.text().startswith("Ngày «31/02/2024» không tồn tại.")
    assert dialog.ui.fromDate.text() == "31/02/2024" and dialog.model.rowCount() == shown
