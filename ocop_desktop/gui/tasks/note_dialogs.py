"""Small dialogs on one task: the result note when it is done, and a progress note."""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from ocop_desktop.gui.forms.ui_tasks_progress_dialog import Ui_ProgressDialog
from ocop_desktop.gui.forms.ui_tasks_result_dialog import Ui_ResultNoteDialog
from ocop_desktop.gui.tasks.form_dialog import FormDialog
from ocop_desktop.services.tasks import ProgressDTO, TaskDTO


class ResultNoteDialog(FormDialog):
    """Asks what came of a task before it is marked done; OK stays disabled while empty."""

    def __init__(self, task: TaskDTO, submit: Callable[[str], TaskDTO], parent: QWidget | None = None) -> None:
        super().__init__(submit, parent)
        self.ui = Ui_ResultNoteDialog()
        self.ui.setupUi(self)
        self._setup_form(self.ui.buttonBox, self.ui.errorLabel, {"result_note": self.ui.noteEdit})
        self.ok_button.setText(self.tr("Mark done"))
        self.ui.taskLabel.setText(task.title)
        self.ui.noteEdit.setPlainText(task.result_note)
        self.ui.noteEdit.textChanged.connect(self._note_changed)
        self._note_changed()

    def _note_changed(self) -> None:
        self.ok_button.setEnabled(bool(self.ui.noteEdit.toPlainText().strip()))

    def collect(self) -> str:
        return self.ui.noteEdit.toPlainText()


class ProgressDialog(FormDialog):
    """A dated note of what was done on a task, signed by who wrote it."""

    def __init__(
        self,
        task: TaskDTO,
        author: str,
        today: date,
        submit: Callable[[tuple[date, str, str]], ProgressDTO],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(submit, parent)
        self.ui = Ui_ProgressDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._setup_form(ui.buttonBox, ui.errorLabel,
                         {"noted_on": ui.dateEdit, "text": ui.textEdit, "author": ui.authorEdit})
        ui.taskLabel.setText(task.title)
        ui.dateEdit.setDate(QDate(today.year, today.month, today.day))
        ui.authorEdit.setText(author)
        ui.textEdit.setFocus()

    def collect(self) -> tuple[date, str, str]:
        ui = self.ui
        return ui.dateEdit.date().toPython(), ui.textEdit.toPlainText(), ui.authorEdit.text()
