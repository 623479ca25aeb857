"""The report dialog as a user drives it: preview, save as PDF, cancel a long export."""

from __future__ import annotations

import threading
import unicodedata
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ocop_desktop.exports.report_model import ExportCancelled
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.reports.dialog import ReportsDialog
from ocop_desktop.gui.reports.settings_dialog import ReportSettingsDialog
from ocop_desktop.services.report_settings import read_report_settings, save_report_settings
from ocop_desktop.services.reports import ReportService
from ocop_desktop.services.sample import load_sample


def _dialog(qtbot, make_uow, tmp_path, reports=None):
    load_sample(make_uow, "muong-ang-2024")
    dialog = ReportsDialog(
        reports or ReportService(make_uow),
        JobRunner(),
        (lambda: read_report_settings(make_uow), lambda s: save_report_settings(make_uow, s)),
        today=lambda: date(2024, 7, 5),
        work_dir=tmp_path,
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10000)  # the choices are read in the background
    return dialog


def test_preview_renders_the_pdf_pages(qtbot, make_uow, tmp_path):
    dialog = _dialog(qtbot, make_uow, tmp_path)
    dialog.select_kind("products")
    qtbot.mouseClick(dialog.ui.previewButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.pages.pages) > 0, timeout=20000)
    pixmap = dialog.pages.pages[0].pixmap()
    assert pixmap.width() > pixmap.height()  # the register is a landscape table
    assert "trang" in dialog.ui.statusLabel.text() or "page" in dialog.ui.statusLabel.text()


def test_options_follow_the_report_kind(qtbot, make_uow, tmp_path):
    dialog = _dialog(qtbot, make_uow, tmp_path)
    dialog.show()
    dialog.select_kind("survey")
    assert dialog.ui.campaignCombo.isVisible() and dialog.ui.unitCombo.isVisible()
    assert dialog.ui.campaignCombo.currentText() == "2024"
    assert dialog.ui.unitCombo.count() == 11  # all units + the 10 of the letter
    dialog.select_kind("expiring")
    assert dialog.ui.monthsSpin.isVisible() and not dialog.ui.campaignCombo.isVisible()


def test_save_as_pdf_writes_the_chosen_file(qtbot, make_uow, tmp_path, monkeypatch):
    target = tmp_path / "so-san-pham.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = _dialog(qtbot, make_uow, tmp_path)
    dialog.select_kind("products")
    qtbot.mouseClick(dialog.ui.savePdfButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists(), timeout=20000)
    text = unicodedata.normalize("NFC", " ".join(p.extract_text() for p in PdfReader(target).pages))
    assert "Trà xanh hữu cơ Phan Nhất" in " ".join(text.split())
    qtbot.waitUntil(lambda: str(target) in dialog.ui.statusLabel.text(), timeout=5000)


class SlowReports(ReportService):
    """A report that takes until it is cancelled, to drive the cancel button."""

    def __init__(self, make_uow) -> None:
        super().__init__(make_uow)
        self.started = threading.Event()

    def export(self, request, fmt, path, progress=None, cancelled=None, sign=True):
        self.started.set()
        for step in range(10_000):
            if cancelled and cancelled():
                raise ExportCancelled()
            if progress:
                progress(step, 10_000)
            threading.Event().wait(0.005)
        Path(path).write_bytes(b"too late")
        return path


def test_cancel_stops_a_long_export_and_writes_nothing(qtbot, make_uow, tmp_path, monkeypatch):
    target = tmp_path / "huy.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    slow = SlowReports(make_uow)
    dialog = _dialog(qtbot, make_uow, tmp_path, reports=slow)
    dialog.show()
    qtbot.mouseClick(dialog.ui.saveXlsxButton, Qt.MouseButton.LeftButton)
    assert slow.started.wait(5)
    assert dialog.ui.cancelButton.isVisible() and not dialog.ui.previewButton.isEnabled()
    qtbot.mouseClick(dialog.ui.cancelButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.previewButton.isEnabled(), timeout=5000)
    assert not target.exists()
    assert "hủy" in dialog.ui.statusLabel.text().lower() or "cancel" in dialog.ui.statusLabel.text().lower()


def test_document_settings_are_saved(qtbot, make_uow):
    current = read_report_settings(make_uow)
    dialog = ReportSettingsDialog(current, lambda s: save_report_settings(make_uow, s))
    qtbot.addWidget(dialog)
    dialog.ui.bodyEdit.setText("ỦY BAN NHÂN DÂN XÃ MƯỜNG ẢNG")
    dialog.ui.signerNameEdit.setText("Lò Văn Minh")
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("survey"))
    dialog.ui.recipientsEdit.setPlainText("UBND tỉnh Điện Biên;\nLưu: VT, NN")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=5000)  # saved in the background
    saved = read_report_settings(make_uow)
    assert saved.body == "ỦY BAN NHÂN DÂN XÃ MƯỜNG ẢNG" and saved.signer_name == "Lò Văn Minh"
    assert saved.for_kind("survey").recipients.splitlines() == ["UBND tỉnh Điện Biên;", "Lưu: VT, NN"]


def test_the_document_date_typed_decides_the_issuer_and_a_date_outside_it_is_refused(
    qtbot, make_uow, tmp_path, monkeypatch, vietnamese
):
    from ocop_desktop.services.reference import place_id
    from ocop_desktop.services.settings import save_office_settings
    from tests.gui.keyboard import type_text

    target = tmp_path / "ra-soat.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = _dialog(qtbot, make_uow, tmp_path)
    save_office_settings(make_uow, place_id("thi-tran-muong-ang"), "Lò Văn Minh", "Phó Chủ tịch", "ubnd")
    assert dialog.ui.dateLabel.text() == "&Ngày văn bản" and dialog.ui.dateEdit.text() == "05/07/2024"
    dialog.select_kind("survey")
    # Typed as the letter's report date: issued by the 2024 township.
    dialog.ui.dateEdit.selectAll()
    type_text(dialog.ui.dateEdit, "04/07/2024")
    qtbot.keyClick(dialog.ui.dateEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.ui.savePdfButton.isEnabled(), timeout=20000)
    qtbot.mouseClick(dialog.ui.savePdfButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists(), timeout=20000)
    text = " ".join(unicodedata.normalize("NFC", " ".join(p.extract_text() for p in PdfReader(target).pages)).split())
    assert "THỊ TRẤN MƯỜNG ẢNG" in text and "ngày 04 tháng 7 năm 2024" in text
    # A date after the township ended: its successor issues it (the commune of 2025).
    target.unlink()
    dialog.ui.dateEdit.selectAll()
    type_text(dialog.ui.dateEdit, "15/01/2026")
    qtbot.keyClick(dialog.ui.dateEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.ui.savePdfButton.isEnabled(), timeout=20000)
    qtbot.mouseClick(dialog.ui.savePdfButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists(), timeout=20000)
    text = " ".join(unicodedata.normalize("NFC", " ".join(p.extract_text() for p in PdfReader(target).pages)).split())
    assert "XÃ MƯỜNG ẢNG" in text and "ngày 15 tháng 01 năm 2026" in text
    # A commune of 2025 cannot issue a document dated before it existed: refused, the dates named.
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    save_office_settings(make_uow, place_id("xa-muong-ang"), "Lò Văn Minh", "Phó Chủ tịch", "ubnd")
    target.unlink()
    dialog.ui.dateEdit.selectAll()
    type_text(dialog.ui.dateEdit, "15/06/2024")
    qtbot.keyClick(dialog.ui.dateEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.ui.savePdfButton.isEnabled(), timeout=20000)  # the issuer read again
    qtbot.mouseClick(dialog.ui.savePdfButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "01/07/2025" in dialog.ui.statusLabel.text(), timeout=20000)
    assert "15/06/2024" in dialog.ui.statusLabel.text() and not target.exists()
    assert warned == [dialog.ui.statusLabel.text()]
