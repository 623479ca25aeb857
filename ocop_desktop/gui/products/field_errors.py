"""Validation messages shown in red under the field they concern, keeping the form open."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ocop_desktop.domain.language import in_language

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5300;"


class FieldErrors:
    """Maps a service's field names (ValidationError.by_field()) to the labels under the fields."""

    def __init__(self, labels: dict[str, QLabel], fallback: QLabel, focus: dict[str, QWidget]) -> None:
        self._labels = labels  # in the order of the form, so the first error gets the focus
        self._fallback = fallback
        self._focus = focus
        for label in [*labels.values(), fallback]:
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)

    def clear(self) -> None:
        for label in [*self._labels.values(), self._fallback]:
            label.clear()
            label.setVisible(False)

    def show(self, by_field: dict[str, list[str]]) -> None:
        first = None
        for field, label in self._labels.items():
            if by_field.get(field):
                label.setText("\n".join(in_language(m) for m in by_field[field]))
                label.setVisible(True)
                first = first or field
        # A field with no label of its own (a new rule in the service) still gets seen.
        # A core message carrying its English (domain.language.Text) reads in the window's language.
        others = [in_language(m) for field, messages in by_field.items() if field not in self._labels for m in messages]
        if others:
            self._fallback.setText("\n".join(others))
            self._fallback.setVisible(True)
        if first and first in self._focus:
            self._focus[first].setFocus()

    def text(self, field: str) -> str:
        return self._labels.get(field, self._fallback).text()

    def shown(self) -> dict[str, str]:
        """Field → message currently visible (what the user sees)."""
        out = {f: lab.text() for f, lab in self._labels.items() if lab.text()}
        if self._fallback.text():
            out[""] = self._fallback.text()
        return out
