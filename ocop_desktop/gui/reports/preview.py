"""Showing and printing the very PDF that is saved: its pages rendered by PDFium, zoomed and paged
in the preview, printed one sheet per page in the page's own orientation at 100 %."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QEvent, QMarginsF, QObject, QRect, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ocop_desktop.exports.report_model import ExportCancelled

PREVIEW_DPI = 96  # at 100 % a page shows at its printed size on a usual screen
PRINT_DPI = 300
PREVIEW_PAGES = 30  # a preview of a 500-page register shows its start; the file has it all
ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 0.25, 4.0, 1.15
PAGE_GAP = 12  # pixels between pages in the preview


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


def page_sizes(path: Path) -> tuple[str, list[tuple[float, float]]]:
    """The document's title and each page's (width, height) in points."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf.get_metadata_dict().get("Title", ""), [tuple(pdf[i].get_size()) for i in range(len(pdf))]
    finally:
        pdf.close()


def _layout(width: float, height: float) -> QPageLayout:
    """The sheet a page goes on: its paper size (A4 found as A4), turned as the page is, no margins."""
    size = QPageSize(
        QSizeF(min(width, height), max(width, height)), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )
    turned = QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    return QPageLayout(size, turned, QMarginsF(0, 0, 0, 0))


def print_pdf(
    path: Path,
    printer: QPrinter,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Each page on its own sheet at 100 %: the printer is given the page's orientation before the
    page, and the page covers the whole sheet (the document's margins are its own). A printer that
    cannot turn the paper within a job gets the page turned instead, still at full size.
    Safe off the UI thread: Qt paints on a QPrinter from any thread."""
    title, sizes = page_sizes(path)
    chosen = list(range(len(sizes)))
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:  # "Pages 2-3"
        chosen = chosen[printer.fromPage() - 1 : printer.toPage() or len(sizes)]
    if not chosen:
        raise OSError(f"Báo cáo chỉ có {len(sizes)} trang; hãy chọn lại các trang cần in.")
    printer.setDocName(title or path.stem)  # the print queue (and a PDF printer's file) names the report
    printer.setFullPage(True)
    printer.setPageLayout(_layout(*sizes[chosen[0]]))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("Không mở được máy in đã chọn; hãy kiểm tra máy in rồi in lại.")
    try:
        dpi = min(PRINT_DPI, max(printer.resolution(), 150))
        for done, index in enumerate(chosen):
            width, height = sizes[index]
            if cancelled is not None and cancelled():
                printer.abort()
                raise ExportCancelled()
            if done:
                printer.setPageLayout(_layout(width, height))
                printer.newPage()
            sheet = printer.pageLayout().fullRectPixels(printer.resolution())
            painter.setViewport(sheet)
            painter.setWindow(sheet)
            (image,) = render_pages(path, dpi, first=index, limit=1)
            painter.save()
            if (width > height) != (sheet.width() > sheet.height()):
                painter.translate(sheet.width(), 0)  # the paper stayed as it was: turn the page onto it
                painter.rotate(90)
                target = QRect(0, 0, sheet.height(), sheet.width())
            else:
                target = QRect(0, 0, sheet.width(), sheet.height())
            painter.drawImage(target, image)
            painter.restore()
            if progress is not None:
                progress(done + 1, len(chosen))
        return len(chosen)
    finally:
        painter.end()


class PagesView(QWidget):
    """Rendered pages one under the other, with a grey page edge, at a zoom factor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._layout.setSpacing(PAGE_GAP)
        self.setStyleSheet("background: #808080;")
        self.pages: list[QLabel] = []
        self.images: list[QImage] = []
        self.zoom = 1.0

    def set_pages(self, images: list[QImage]) -> None:
        for label in self.pages:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.pages, self.images = [], list(images)
        for _image in images:
            label = QLabel(self)
            label.setStyleSheet("background: white; border: 1px solid #404040;")
            self._layout.addWidget(label)
            self.pages.append(label)
        self.set_zoom(self.zoom)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(ZOOM_MIN, min(ZOOM_MAX, zoom))
        for label, image in zip(self.pages, self.images, strict=True):
            size = image.size() * self.zoom
            label.setPixmap(
                QPixmap.fromImage(
                    image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
                )
            )
            label.setFixedSize(size.width() + 2, size.height() + 2)  # and its 1-pixel edge
        # Sized from the pages themselves: the layout's own size hint lags until it next runs.
        margins = self._layout.contentsMargins()
        width = max((label.width() for label in self.pages), default=0) + margins.left() + margins.right()
        self.resize(width, self.page_top(len(self.pages)) - (PAGE_GAP if self.pages else 0) + margins.bottom())

    def page_top(self, index: int) -> int:
        """Where page ``index`` starts, worked out from the sizes rather than read from the layout,
        which places the pages only when it next runs."""
        top = self._layout.contentsMargins().top()
        return top + sum(label.height() + PAGE_GAP for label in self.pages[:index])

    def widest(self) -> QImage | None:
        return max(self.images, key=lambda i: i.width(), default=None)


class PreviewNavigator(QObject):
    """Zoom (fit width, fit page, 100 %, Ctrl + wheel) and PgUp/PgDn page by page, over a scroll
    area holding a PagesView. "Fit" modes follow the window as it is resized."""

    FIT_WIDTH, FIT_PAGE, FIXED = "width", "page", "fixed"

    def __init__(self, area: QScrollArea, view: PagesView, changed: Callable[[], None] | None = None) -> None:
        super().__init__(area)
        self.area, self.view, self._changed = area, view, changed
        self.mode = self.FIT_WIDTH
        area.setWidget(view)  # not resizable (the form says so): the pages keep their zoomed size
        area.viewport().installEventFilter(self)
        area.installEventFilter(self)
        area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- zoom -------------------------------------------------------------------------------
    def _room(self) -> tuple[int, int]:
        viewport = self.area.viewport()
        margins = self.view.layout().contentsMargins()
        return (
            viewport.width() - margins.left() - margins.right() - 4,
            viewport.height() - margins.top() - margins.bottom() - 4,
        )

    def fit_width(self) -> None:
        self.mode = self.FIT_WIDTH
        self.refit()

    def fit_page(self) -> None:
        self.mode = self.FIT_PAGE
        self.refit()

    def actual_size(self) -> None:
        self._fixed(1.0)

    def zoom_by(self, steps: float) -> None:
        self._fixed(self.view.zoom * ZOOM_STEP**steps)

    def _fixed(self, zoom: float) -> None:
        self.mode = self.FIXED
        page = self.current_page()
        self.view.set_zoom(zoom)
        self.show_page(page)
        self._notify()

    def refit(self) -> None:
        page, widest = self.current_page(), self.view.widest()
        if widest is None or self.mode == self.FIXED:
            return
        width, height = self._room()
        zoom = width / max(1, widest.width())
        if self.mode == self.FIT_PAGE:
            tallest = max(i.height() for i in self.view.images)
            zoom = min(zoom, height / max(1, tallest))
        self.view.set_zoom(zoom)
        self.show_page(page)
        self._notify()

    def _notify(self) -> None:
        if self._changed is not None:
            self._changed()

    # -- pages ------------------------------------------------------------------------------
    def current_page(self) -> int:
        """The page that fills most of the window (0-based): the one shown at the top, or the last
        one when the window is scrolled to the end and cannot bring it to the top."""
        top = self.area.verticalScrollBar().value()
        bottom = top + self.area.viewport().height()
        best, current = -1, 0
        for index, label in enumerate(self.view.pages):
            start = self.view.page_top(index)
            shown = min(bottom, start + label.height()) - max(top, start)
            if shown > best:
                best, current = shown, index
        return current

    def show_page(self, index: int) -> None:
        if not self.view.pages:
            return
        index = max(0, min(len(self.view.pages) - 1, index))
        bar = self.area.verticalScrollBar()
        # The scroll range follows the pages' new size only when the area hears of it: tell it now.
        bar.setRange(0, max(bar.maximum(), self.view.height() - self.area.viewport().height()))
        bar.setValue(self.view.page_top(index) - PAGE_GAP // 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.Wheel and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(event.angleDelta().y() / 120)
            return True
        if kind == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            step = 1 if event.key() == Qt.Key.Key_PageDown else -1
            self.show_page(self.current_page() + step)
            self._notify()
            return True
        if kind == QEvent.Type.Resize and watched is self.area.viewport():
            self.refit()
        return False
