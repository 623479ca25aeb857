"""Base of the tasks tab's dialogs: OK saves through the service and keeps its messages in view."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from ocop_desktop.domain.validation import FieldError, NotFoundError, StaleDataError, ValidationError

ERROR_STYLE = "color: #a40000;"


class FormDialog(QDialog):
    """Subclasses build ``collect()`` from the widgets; ``submit(value)`` is the service call.

    The dialog closes only when the service accepted the record, so nothing typed is lost
    when the service refuses it; ``result_value`` holds what the service returned.
    """

    def __init__(self, submit: Callable[[Any], Any], parent: QWidget | None = None) -> None:
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
        lines = [e.message if isinstance(e, FieldError) else e for e in errors]
        self._error_label.setText("\n".join(f"• {line}" for line in lines))
        self._error_label.setVisible(bool(lines))
        for e in errors:
            widget = self._field_widgets.get(e.field) if isinstance(e, FieldError) else None
            if widget is not None:
                widget.setFocus()
                break

    def _save(self) -> None:
        try:
            self.result_value = self._submit(self.collect())
        except StaleDataError as exc:  # its advice (reload, then edit again) is part of the message
            self.show_errors([str(exc)])
        except ValidationError as exc:
            self.show_errors(exc.errors)
        except NotFoundError as exc:
            self.show_errors([str(exc)])
        else:
            self.accept()
