"""A small dialog asking the day a unit submitted its survey report."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QWidget

from ocop_desktop.domain.numbers import DateError
from ocop_desktop.gui.formatting import display
from ocop_desktop.gui.forms.ui_surveys_submission_dialog import Ui_SubmissionDialog

ERROR_STYLE = "color: #a40000;"


class SubmissionDialog(QDialog):
    """OK closes only on a real date no later than today; the date is kept exactly as typed."""

    def __init__(self, unit_name: str, deadline: date | None, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_SubmissionDialog()
        ui.setupUi(self)
        ui.unitNameLabel.setText(self.tr("Unit: %1").replace("%1", unit_name))
        # A report cannot be sent in the future; the service refuses it too.
        ui.dateEdit.set_label(ui.dateLabel.text())
        ui.dateEdit.set_range(maximum=today, maximum_name=ui.dateEdit.today_name())
        ui.dateEdit.setDate(today)
        ui.dateEdit.refused.connect(self._show_error)
        ui.dateEdit.dateChanged.connect(lambda _d: self._show_error(""))
        ui.errorLabel.setStyleSheet(ERROR_STYLE)
        ui.errorLabel.hide()
        if deadline is not None:
            ui.hintLabel.setText(self.tr("Deadline: %1").replace("%1", display(deadline)))

    def _show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))

    def accept(self) -> None:
        try:
            self.ui.dateEdit.setDate(self.ui.dateEdit.checked_date())
        except DateError as exc:
            self._show_error(str(exc))
            self.ui.dateEdit.setFocus()
            return
        super().accept()

    def submitted_on(self) -> date:
        return self.ui.dateEdit.checked_date()
