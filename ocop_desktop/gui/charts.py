"""Small bar charts drawn with QPainter (no Qt Charts: the installer must stay small)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ocop_desktop.domain.numbers import format_vn_number


@dataclass(frozen=True)
class Bar:
    key: str  # what a click on the bar navigates to
    label: str
    value: float
    color: str = "#2e7d32"
    maximum: float | None = None  # a bar of its own scale (e.g. units submitted of units due)
    caption: str | None = None  # text at the end of the bar; default: the value


class BarChart(QWidget):
    """Horizontal bars with their label and value; clicking a bar emits ``activated(key)``."""

    activated = Signal(str)
    ROW_HEIGHT = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar]) -> None:
        self._bars = list(bars)
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def sizeHint(self) -> QSize:
        return QSize(320, max(1, len(self._bars)) * self.ROW_HEIGHT + 4)

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        return min(self.width() // 2, max((metrics.horizontalAdvance(b.label) for b in self._bars), default=0) + 10)

    def bar_rect(self, row: int) -> QRectF:
        label_w = self._label_width()
        bar = self._bars[row]
        scale = bar.maximum if bar.maximum else max((b.value for b in self._bars if not b.maximum), default=0)
        room = max(10, self.width() - label_w - 120)
        length = room * (bar.value / scale) if scale else 0
        return QRectF(label_w, row * self.ROW_HEIGHT + 4, max(length, 1.0), self.ROW_HEIGHT - 8)

    def _row_at(self, y: float) -> int | None:
        row = int(y // self.ROW_HEIGHT)
        return row if 0 <= row < len(self._bars) else None

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().windowText().color()
        for row, bar in enumerate(self._bars):
            top = row * self.ROW_HEIGHT
            painter.setPen(text_color)
            painter.drawText(
                QRectF(0, top, self._label_width() - 6, self.ROW_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                bar.label,
            )
            rect = self.bar_rect(row)
            if bar.maximum:
                track = QRectF(
                    rect.left(), rect.top(), max(10, self.width() - self._label_width() - 120), rect.height()
                )
                painter.fillRect(track, QColor("#e0e0e0"))
            painter.fillRect(rect, QColor(bar.color))
            caption = bar.caption if bar.caption is not None else format_vn_number(bar.value)
            painter.drawText(
                QRectF(rect.right() + 6, top, 110, self.ROW_HEIGHT),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                caption,
            )
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        row = self._row_at(event.position().y())
        self.setCursor(Qt.CursorShape.PointingHandCursor if row is not None else Qt.CursorShape.ArrowCursor)
        self.setToolTip(self._bars[row].label if row is not None else "")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self._row_at(event.position().y())
        if row is not None and event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self._bars[row].key)
