"""Dialogs to enter or edit a directive and one of its tasks."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from ocop_desktop.domain.numbers import DateError
from ocop_desktop.domain.schema import DIRECTIVE, TASK
from ocop_desktop.domain.validation import FieldError, ValidationError
from ocop_desktop.gui.date_field import DateField
from ocop_desktop.gui.formatting import display
from ocop_desktop.gui.forms.ui_tasks_directive_dialog import Ui_DirectiveDialog
from ocop_desktop.gui.forms.ui_tasks_task_dialog import Ui_TaskDialog
from ocop_desktop.gui.schema_columns import name_fields
from ocop_desktop.gui.tasks.form_dialog import FormDialog, Submit
from ocop_desktop.services.task_types import DirectiveDTO, DirectiveInput, TaskDTO, TaskInput


def optional_date(edit: DateField, field: str, errors: list[FieldError]) -> date | None:
    """An empty box means no date; a wrong one adds the Vietnamese message naming the field."""
    try:
        return edit.checked_value()
    except DateError as exc:
        errors.append(FieldError(field, str(exc)))
        return None


class DirectiveDialog(FormDialog):
    """A letter from above: number, date (exact or as written), issuer, subject, file."""

    def __init__(
        self,
        submit: Submit,
        directive: DirectiveDTO | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(submit, parent)
        self.ui = Ui_DirectiveDialog()
        self.ui.setupUi(self)
        ui = self.ui
        labels = {"number": ui.numberLabel, "issued_on": ui.issuedOnLabel, "issuer": ui.issuerLabel}
        labels |= {"subject": ui.subjectLabel, "file_reference": ui.fileLabel, "notes": ui.notesLabel}
        name_fields(DIRECTIVE, labels)  # as the activity log and the messages name them
        self._setup_form(
            ui.buttonBox,
            ui.errorLabel,
            {
                "number": ui.numberEdit,
                "issued_on": ui.issuedOnEdit,
                "issued_text": ui.issuedTextEdit,
                "issuer": ui.issuerEdit,
                "subject": ui.subjectEdit,
            },
        )
        self.setWindowTitle(self.tr("Edit directive") if directive else self.tr("New directive"))
        ui.browseButton.clicked.connect(self._browse)
        ui.issuedOnEdit.textChanged.connect(self._date_changed)
        ui.issuedOnEdit.set_optional()
        ui.issuedOnEdit.set_label(ui.issuedOnLabel.text())
        ui.issuedOnEdit.refused.connect(lambda text: self.show_errors([text]))
        if directive is not None:
            ui.numberEdit.setText(directive.number)
            ui.issuedOnEdit.setText(display(directive.issued_on))
            ui.issuedTextEdit.setText(directive.issued_text)
            ui.issuerEdit.setText(directive.issuer)
            ui.subjectEdit.setPlainText(directive.subject)
            ui.fileEdit.setText(directive.file_reference)
            ui.notesEdit.setPlainText(directive.notes)

    def _date_changed(self, text: str) -> None:
        # An exact date makes the "as written" text redundant; the service drops it then.
        self.ui.issuedTextEdit.setEnabled(not text.strip())

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the scanned letter"),
            self.ui.fileEdit.text(),
            self.tr("Documents (*.pdf *.doc *.docx *.jpg *.png);;All files (*)"),
        )
        if path:
            self.ui.fileEdit.setText(path)

    def collect(self) -> DirectiveInput:
        ui = self.ui
        errors: list[FieldError] = []
        issued_on = optional_date(ui.issuedOnEdit, "issued_on", errors)
        if errors:
            raise ValidationError(errors)
        return DirectiveInput(
            subject=ui.subjectEdit.toPlainText(),
            issuer=ui.issuerEdit.text(),
            number=ui.numberEdit.text(),
            issued_on=issued_on,
            issued_text=ui.issuedTextEdit.text(),
            file_reference=ui.fileEdit.text(),
            notes=ui.notesEdit.toPlainText(),
        )


class TaskDialog(FormDialog):
    """One task: its directive, who carries it out, what, and by when."""

    def __init__(
        self,
        submit: Submit,
        directives: list[DirectiveDTO],
        assignees: list[str],
        task: TaskDTO | None = None,
        directive_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(submit, parent)
        self.ui = Ui_TaskDialog()
        self.ui.setupUi(self)
        labels = {"directive": self.ui.directiveLabel, "assignee": self.ui.assigneeLabel, "title": self.ui.titleLabel}
        name_fields(TASK, labels | {"description": self.ui.descriptionLabel, "due_on": self.ui.dueLabel})
        ui = self.ui
        self._setup_form(
            ui.buttonBox,
            ui.errorLabel,
            {
                "directive_id": ui.directiveCombo,
                "assignee": ui.assigneeCombo,
                "title": ui.titleEdit,
                "due_on": ui.dueEdit,
            },
        )
        self.setWindowTitle(self.tr("Edit task") if task else self.tr("New task"))
        ui.dueEdit.set_optional()
        ui.dueEdit.set_label(ui.dueLabel.text())
        ui.dueEdit.refused.connect(lambda text: self.show_errors([text]))
        ui.directiveCombo.addItem(self.tr("(no directive)"), None)
        for d in directives:
            ui.directiveCombo.addItem(d.label, d.id)
            ui.directiveCombo.setItemData(ui.directiveCombo.count() - 1, d.subject, Qt.ItemDataRole.ToolTipRole)
        ui.assigneeCombo.addItems(assignees)
        ui.assigneeCombo.setCurrentIndex(-1)
        chosen = task.directive_id if task else directive_id
        ui.directiveCombo.setCurrentIndex(max(0, ui.directiveCombo.findData(chosen)) if chosen else 0)
        if task is not None:
            ui.assigneeCombo.setCurrentText(task.assignee)
            ui.titleEdit.setText(task.title)
            ui.titleEdit.setCursorPosition(0)  # long titles show their beginning
            ui.descriptionEdit.setPlainText(task.description)
            ui.dueEdit.setText(display(task.due_on))

    def collect(self) -> TaskInput:
        ui = self.ui
        errors: list[FieldError] = []
        due_on = optional_date(ui.dueEdit, "due_on", errors)
        if errors:
            raise ValidationError(errors)
        return TaskInput(
            assignee=ui.assigneeCombo.currentText(),
            title=ui.titleEdit.text(),
            directive_id=ui.directiveCombo.currentData(),
            description=ui.descriptionEdit.toPlainText(),
            due_on=due_on,
        )
