"""Windows open no larger than a 1024×768 screen with a taskbar; long forms scroll instead of growing."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QScrollArea, QWidget

# 1024×768, less a 40-pixel taskbar and a 28-pixel title bar: commune laptops and old district
# screens are this size, and 1366×768 is no taller.
BUDGET = QSize(1024, 700)
TITLE_BAR = 32


def room(widget: QWidget) -> QSize:
    """The largest size ``widget`` may open at: the budget, or less on a smaller screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return BUDGET
    free = screen.availableGeometry().size()
    return QSize(min(free.width(), BUDGET.width()), min(free.height() - TITLE_BAR, BUDGET.height()))


def scroll_form(window: QWidget, area: QScrollArea) -> None:
    """Size ``window`` so the form in ``area`` shows whole where the screen allows, and scrolls
    (vertically only) where it does not; fields never get narrower than they need."""
    content = area.widget()
    bar = area.verticalScrollBar().sizeHint().width()
    frame = 2 * area.frameWidth()
    area.setMinimumWidth(content.minimumSizeHint().width() + bar + frame)
    # A scroll area hints at most 24 lines of height; ask for the whole form instead.
    others = window.sizeHint().height() - area.sizeHint().height()
    wanted = QSize(max(window.sizeHint().width(), area.minimumWidth()), others + content.sizeHint().height() + frame)
    window.resize(wanted.boundedTo(room(window)))
