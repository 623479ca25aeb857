"""Printing and the preview as a user drives them: In… prints the report selected now, each page
in its own orientation at full size; the preview zooms and turns pages."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.reports.dialog import ReportsDialog
from ocop_desktop.services.report_settings import read_report_settings, save_report_settings
from ocop_desktop.services.reports import ReportRequest, ReportService
from ocop_desktop.services.sample import load_sample

TODAY = date(2024, 7, 5)


@pytest.fixture
def dialog(qtbot, make_uow, tmp_path):
    load_sample(make_uow, "muong-ang-2024")
    jobs = JobRunner()
    dialog = ReportsDialog(
        ReportService(make_uow),
        jobs,
        (lambda: read_report_settings(make_uow), lambda s: save_report_settings(make_uow, s)),
        today=lambda: TODAY,
        work_dir=tmp_path / "work",
    )
    (tmp_path / "work").mkdir()
    dialog.resize(1100, 760)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10000)  # the choices are read in the background
    yield dialog
    jobs.wait()


def _preview(qtbot, dialog, kind: str) -> None:
    dialog.select_kind(kind)
    qtbot.mouseClick(dialog.ui.previewButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.previewButton.isEnabled() and bool(dialog.pages.pages), timeout=30000)


def _title(make_uow, kind: str) -> str:
    report = ReportService(make_uow).build(ReportRequest(kind, today=TODAY))
    return f"{report.title} {report.subtitle}"


def test_print_prints_the_report_selected_now_in_landscape_at_full_size(qtbot, dialog, make_uow, tmp_path, monkeypatch):
    printed = tmp_path / "in.pdf"

    def pdf_printer():  # what the print dialog returns when the user picks "Print to file (PDF)"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    monkeypatch.setattr(dialog, "choose_printer", pdf_printer)
    dialog.show()
    _preview(qtbot, dialog, "summary")  # report A: portrait, previewed
    assert dialog.pages.pages[0].pixmap().height() > dialog.pages.pages[0].pixmap().width()
    dialog.select_kind("products")  # report B: landscape, selected but not previewed
    qtbot.mouseClick(dialog.ui.printButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.printButton.isEnabled() and printed.exists(), timeout=60000)
    qtbot.waitUntil(lambda: "2" in dialog.ui.statusLabel.text() or "1" in dialog.ui.statusLabel.text(), timeout=5000)
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True, check=True).stdout
    # The printed file is report B: its title is the print job's (the pages themselves are images).
    assert _title(make_uow, "products") in " ".join(info.split())
    assert _title(make_uow, "summary") not in " ".join(info.split())
    source = PdfReader(dialog.last_file)
    pages = PdfReader(printed).pages
    assert len(pages) == len(source.pages) >= 1
    for page in pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width == pytest.approx(842, abs=1) and height == pytest.approx(595, abs=1)  # landscape A4, 100 %
    # Drawn over the whole sheet, not shrunk: the table's edges stand where they do on report B's page.
    assert _ink(printed) == pytest.approx(_ink(dialog.last_file), abs=0.02)


def _ink(pdf: Path) -> tuple[float, float]:
    """Leftmost and rightmost dark pixel of the first page, as shares of the page width."""
    from PIL import Image

    png = pdf.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", "30", "-gray", "-f", "1", "-l", "1", "-singlefile", "-png", str(pdf), str(png)], check=True
    )
    image = Image.open(f"{png}.png").convert("L")
    dark = [x for x in range(image.width) for y in range(0, image.height, 2) if image.getpixel((x, y)) < 128]
    return min(dark) / image.width, max(dark) / image.width


def test_mixed_orientations_print_each_page_turned_as_it_is(qtbot, tmp_path):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from ocop_desktop.gui.reports.preview import print_pdf

    source = tmp_path / "mixed.pdf"
    canvas = Canvas(str(source))
    for size in (A4, landscape(A4), A4):
        canvas.setPageSize(size)
        canvas.rect(20, 20, size[0] - 40, size[1] - 40, fill=1)
        canvas.showPage()
    canvas.save()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    assert print_pdf(source, printer) == 3
    sizes = [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(tmp_path / "out.pdf").pages
    ]
    assert sizes == [(595, 842), (842, 595), (595, 842)]
    # "Pages 2-3" in the print dialog: those two, the first of them landscape.
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_pdf(source, printer) == 2
    sizes = [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
        for p in PdfReader(tmp_path / "range.pdf").pages
    ]
    assert sizes == [(842, 595), (595, 842)]


def test_the_preview_zooms_and_turns_pages(qtbot, dialog):
    dialog.show()
    _preview(qtbot, dialog, "products")
    area, view = dialog.ui.previewArea, dialog.pages
    assert len(view.pages) >= 2
    # Fit width (the default): the page fills the width of the window.
    assert abs(view.pages[0].width() - area.viewport().width()) < 40
    qtbot.mouseClick(dialog.ui.fitPageButton, Qt.MouseButton.LeftButton)
    assert view.pages[0].height() <= area.viewport().height()
    assert view.pages[0].width() <= area.viewport().width()
    qtbot.mouseClick(dialog.ui.actualSizeButton, Qt.MouseButton.LeftButton)
    assert view.zoom == 1.0 and view.pages[0].pixmap().width() == view.images[0].width()
    assert "100 %" in dialog.ui.zoomLabel.text()
    # Ctrl + wheel zooms in.
    event = QWheelEvent(
        QPointF(50, 50),
        QPointF(50, 50),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(area.viewport(), event)
    assert view.zoom > 1.0 and view.pages[0].pixmap().width() > view.images[0].width()
    # PgDn shows the next page at the top of the window, PgUp the one before.
    area.setFocus()
    qtbot.keyClick(area, Qt.Key.Key_PageDown)
    assert dialog.navigator.current_page() == 1
    assert area.verticalScrollBar().value() > 0
    assert dialog.ui.zoomLabel.text().startswith(("Page 2", "Trang 2"))
    qtbot.keyClick(area, Qt.Key.Key_PageUp)
    assert dialog.navigator.current_page() == 0 and dialog.ui.zoomLabel.text().startswith(("Page 1", "Trang 1"))
    # Whole pages in the window: the last page cannot come to the top, yet PgDn shows it and says so.
    qtbot.mouseClick(dialog.ui.fitPageButton, Qt.MouseButton.LeftButton)
    assert view.pages[0].height() <= area.viewport().height()
    qtbot.keyClick(area, Qt.Key.Key_PageDown)
    assert dialog.ui.zoomLabel.text().startswith(("Page 2", "Trang 2"))
