"""Base of the tasks tab's dialogs: OK saves through the service and keeps its messages in view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from ocop_desktop.domain.language import in_language
from ocop_desktop.domain.validation import FieldError, NotFoundError, ValidationError
from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.stale import answer_stale

ERROR_STYLE = "color: #a40000;"


Submit = Callable[[Any, Callable[[Any], None], Callable[[Exception], None]], Any]


class FormDialog(QDialog):
    """Subclasses build ``collect()`` from the widgets; ``submit(value, done, failed)`` starts the
    service call as a job of the page (``PageJobs.write``) and answers through one of the two.

    The dialog closes only when the service accepted the record, so nothing typed is lost
    when the service refuses it; ``result_value`` holds what the service returned. OK stays
    disabled while the save runs.
    """

    def __init__(self, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.result_value: Any = None
        self._field_widgets: dict[str, QWidget] = {}

    def _setup_form(self, box: QDialogButtonBox, error_label: QLabel, fields: dict[str, QWidget]) -> None:
        self._box, self._error_label, self._field_widgets = box, error_label, fields
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.accepted.connect(self._save)
        box.rejected.connect(self.reject)
        error_label.setStyleSheet(ERROR_STYLE)
        error_label.hide()

    @property
    def ok_button(self):
        return self._box.button(QDialogButtonBox.StandardButton.Ok)

    def collect(self) -> Any:
        """The value for ``submit``; raises ValidationError for what the widgets can tell."""
        raise NotImplementedError

    def show_errors(self, errors: list[FieldError] | list[str]) -> None:
        lines = [in_language(e.message) if isinstance(e, FieldError) else e for e in errors]
        self._error_label.setText("\n".join(f"• {line}" for line in lines))
        self._error_label.setVisible(bool(lines))
        for e in errors:
            widget = self._field_widgets.get(e.field) if isinstance(e, FieldError) else None
            if widget is not None:
                widget.setFocus()
                break

    def _save(self) -> None:
        try:
            value = self.collect()
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        self.ok_button.setEnabled(False)
        self._submit(value, self._saved, self._refused)

    def _saved(self, result: Any) -> None:
        if shiboken6.isValid(self):
            self.ok_button.setEnabled(True)
            self.result_value = result
            self.accept()

    def _refused(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self.ok_button.setEnabled(True)
        if answer_stale(exc, lambda text: self.show_errors([text])):  # its advice is part of the message
            return
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
        elif isinstance(exc, NotFoundError):
            self.show_errors([str(exc)])
        else:  # a full disk says so; a bug opens «Lỗi không mong đợi», its traceback in the log
            report_error(
                self,
                exc,
                show=lambda reason: self.show_errors(
                    [QCoreApplication.translate("FormDialog", "Could not save: %1").replace("%1", reason)]
                ),
            )
