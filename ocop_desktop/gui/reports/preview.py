"""Showing and printing the very PDF that is saved: its pages rendered by PDFium."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

PREVIEW_DPI = 96
PRINT_DPI = 300
PREVIEW_PAGES = 30  # a preview of a 500-page register shows its start; the file has it all


def page_count(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def render_pages(path: Path, dpi: int = PREVIEW_DPI, first: int = 0, limit: int | None = None) -> list[QImage]:
    """Pages as images; safe off the UI thread (QImage needs no GUI thread)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        last = len(pdf) if limit is None else min(len(pdf), first + limit)
        images = []
        for index in range(first, last):
            page = pdf[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels: the PDFium buffer is freed below
            page.close()
        return images
    finally:
        pdf.close()


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Paint each page on the printer at up to 300 dpi, fitted to the printable area."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("Không mở được máy in đã chọn.")
    try:
        count = page_count(path)
        dpi = min(PRINT_DPI, max(printer.resolution(), 150))
        for index in range(count):
            if index:
                printer.newPage()
            (image,) = render_pages(path, dpi, first=index, limit=1)
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x() + (area.width() - size.width()) // 2, area.y(), size.width(), size.height())
            painter.drawImage(target, image)
        return count
    finally:
        painter.end()


class PagesView(QWidget):
    """Rendered pages one under the other, with a grey page edge."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setStyleSheet("background: #808080;")
        self.pages: list[QLabel] = []

    def set_pages(self, images: list[QImage]) -> None:
        for label in self.pages:
            label.deleteLater()
        self.pages = []
        for image in images:
            label = QLabel(self)
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("background: white; border: 1px solid #404040;")
            self._layout.addWidget(label)
            self.pages.append(label)
