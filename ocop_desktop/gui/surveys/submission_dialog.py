"""A small dialog asking the day a unit submitted its survey report."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QWidget

from ocop_desktop.gui.formatting import display
from ocop_desktop.gui.forms.ui_surveys_submission_dialog import Ui_SubmissionDialog


class SubmissionDialog(QDialog):
    def __init__(
        self, unit_name: str, deadline: date | None, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SubmissionDialog()
        self.ui.setupUi(self)
        self.ui.unitNameLabel.setText(self.tr("Unit: %1").replace("%1", unit_name))
        # A report cannot be sent in the future; the service refuses it too.
        self.ui.dateEdit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.ui.dateEdit.setDate(QDate(today.year, today.month, today.day))
        if deadline is not None:
            self.ui.hintLabel.setText(self.tr("Deadline: %1").replace("%1", display(deadline)))

    def submitted_on(self) -> date:
        return self.ui.dateEdit.date().toPython()
