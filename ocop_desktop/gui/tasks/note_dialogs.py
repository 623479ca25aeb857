"""Small dialogs on one task: the result note when it is done, and a progress note."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from ocop_desktop.domain.numbers import DateError
from ocop_desktop.domain.schema import TASK, TASK_PROGRESS
from ocop_desktop.domain.validation import FieldError, ValidationError
from ocop_desktop.gui.forms.ui_tasks_progress_dialog import Ui_ProgressDialog
from ocop_desktop.gui.forms.ui_tasks_result_dialog import Ui_ResultNoteDialog
from ocop_desktop.gui.schema_columns import name_fields
from ocop_desktop.gui.tasks.form_dialog import FormDialog, Submit
from ocop_desktop.services.task_types import TaskDTO


class ResultNoteDialog(FormDialog):
    """Asks what came of a task and the day it was done before it is marked done; OK stays
    disabled while the note is empty. The day defaults to today and is kept as typed; a day
    before the task was entered or after today is refused with a message."""

    def __init__(self, task: TaskDTO, submit: Submit, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(submit, parent)
        today = today or date.today()
        self.ui = ui = Ui_ResultNoteDialog()
        ui.setupUi(self)
        name_fields(TASK, {"completed_on": ui.doneOnLabel}, shortcut=True)
        self._setup_form(ui.buttonBox, ui.errorLabel, {"result_note": ui.noteEdit, "completed_on": ui.doneOnEdit})
        self.ok_button.setText(self.tr("Mark done"))
        ui.taskLabel.setText(task.title)
        ui.noteEdit.setPlainText(task.result_note)
        ui.doneOnEdit.set_label(ui.doneOnLabel.text())
        # The service checks the same bounds; a creation day after today means a moved clock.
        created = task.created_on if task.created_on and task.created_on <= today else None
        ui.doneOnEdit.set_range(created, today, self.tr("the day the task was entered"), ui.doneOnEdit.today_name())
        ui.doneOnEdit.setDate(task.completed_on or today)
        ui.doneOnEdit.refused.connect(lambda text: self.show_errors([text]))
        ui.noteEdit.textChanged.connect(self._note_changed)
        self._note_changed()

    def _note_changed(self) -> None:
        self.ok_button.setEnabled(bool(self.ui.noteEdit.toPlainText().strip()))

    def collect(self) -> tuple[str, date]:
        try:
            done_on = self.ui.doneOnEdit.checked_date()
        except DateError as exc:
            raise ValidationError([FieldError("completed_on", str(exc))]) from None
        return self.ui.noteEdit.toPlainText(), done_on


class ProgressDialog(FormDialog):
    """A dated note of what was done on a task, signed by who wrote it."""

    def __init__(
        self,
        task: TaskDTO,
        author: str,
        today: date,
        submit: Submit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(submit, parent)
        self.ui = Ui_ProgressDialog()
        self.ui.setupUi(self)
        ui = self.ui
        name_fields(TASK_PROGRESS, {"noted_on": ui.dateLabel, "text": ui.textLabel, "author": ui.authorLabel})
        self._setup_form(
            ui.buttonBox, ui.errorLabel, {"noted_on": ui.dateEdit, "text": ui.textEdit, "author": ui.authorEdit}
        )
        ui.taskLabel.setText(task.title)
        ui.dateEdit.set_label(ui.dateLabel.text())
        ui.dateEdit.setDate(today)
        ui.dateEdit.refused.connect(lambda text: self.show_errors([text]))
        ui.authorEdit.setText(author)
        ui.textEdit.setFocus()

    def collect(self) -> tuple[date, str, str]:
        ui = self.ui
        try:
            noted_on = ui.dateEdit.checked_date()
        except DateError as exc:
            raise ValidationError([FieldError("noted_on", str(exc))]) from None
        return noted_on, ui.textEdit.toPlainText(), ui.authorEdit.text()
