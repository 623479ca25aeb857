"""Typing Vietnamese in tests: QTest.keyClicks only knows ASCII (it aborts on "ộ"), so the
characters arrive as key events carrying their text, as a Vietnamese keyboard delivers them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def _send(target: QWidget, ch: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` (given the focus first), one character at a time."""
    widget.setFocus()
    for ch in text:
        _send(widget, ch)


def type_keys(widget: QWidget, text: str) -> None:
    """Type where the focus goes, as in a grid whose first key opens a cell editor."""
    for ch in text:
        _send(QApplication.focusWidget() or widget, ch)
