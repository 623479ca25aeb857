"""The Tasks tab: directives on the left, their tasks with filters on the right, progress below."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QHeaderView, QMenu, QWidget

from ocop_desktop.domain.enums import TaskStatus
from ocop_desktop.domain.schema import TASK
from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.formatting import display
from ocop_desktop.gui.forms.ui_tasks_page import Ui_TasksPage
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.gui.schema_columns import name_fields
from ocop_desktop.gui.stale import stale_handler
from ocop_desktop.gui.tasks.dialogs import DirectiveDialog, TaskDialog
from ocop_desktop.gui.tasks.form_dialog import ERROR_STYLE, Submit
from ocop_desktop.gui.tasks.models import (
    DirectiveListModel,
    ProgressTableModel,
    TaskTableModel,
    overdue_text,
    status_text,
)
from ocop_desktop.gui.tasks.note_dialogs import ProgressDialog, ResultNoteDialog
from ocop_desktop.services.activities import ActivityService, with_activities
from ocop_desktop.services.tasks import OPEN, DirectiveDTO, TaskDTO, TaskFilter, TaskService

# Widest a task column starts (directive, assignee, title): the rest stays in the tooltip.
MAX_WIDTHS = (150, 200, 300)
# Narrowest they become so that the deadline and status stay in view on a 1024-pixel screen.
MIN_WIDTHS = (90, 110, 160)
DUE, STATUS = 3, 4


class TasksPage(QWidget):
    changed = Signal()  # after any task/directive/progress change

    def __init__(
        self,
        tasks: TaskService,
        jobs: JobRunner,
        author: Callable[[], str],
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
        activities: ActivityService | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks, self._author, self._today = tasks, author, today
        self._activities = activities  # the activities that carry a task out show as its progress
        self._jobs = PageJobs(
            jobs,
            self,
            on_error=lambda exc: report_error(self, exc, show=lambda reason: self._say(reason, error=True)),
            on_stale=stale_handler(lambda text: self._say(text, error=True), self.refresh),
        )
        self.ui = ui = Ui_TasksPage()
        ui.setupUi(self)
        # The filters are named as the table heads the columns they filter (domain/schema/records.py).
        name_fields(TASK, {"assignee": ui.assigneeLabel, "status": ui.statusLabel, "due_on": ui.dueLabel})
        self.directive_model = DirectiveListModel(self)
        self.task_model = TaskTableModel(self)
        self.progress_model = ProgressTableModel(self)
        ui.directiveList.setModel(self.directive_model)
        ui.taskTable.setModel(self.task_model)
        ui.progressTable.setModel(self.progress_model)
        ui.splitter.setStretchFactor(1, 3)
        log = ui.progressTable.horizontalHeader()
        log.setStretchLastSection(False)
        log.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        log.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the note itself gets the room
        log.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        ui.taskSplitter.setStretchFactor(0, 3)
        # Narrower window, or a scroll bar appearing (the notice above the tabs arrives with the start
        # page's read): the viewport shrinks, the columns shrink with it, due and status stay in view.
        ui.taskTable.viewport().installEventFilter(self)

        self._directive_id: str | None = None  # the directive whose tasks are shown, None for all
        self._task_id: str | None = None  # the selected task, kept across reloads
        self._assignee_choices: list[str] = []  # what the task form offers (TaskService.assignee_choices)
        self._data_generation = 0  # only the newest load of each kind is shown
        self._task_generation = 0
        self._applying = False  # set while the page itself changes selections and combos
        self._sized = False

        ui.assigneeCombo.addItem(self.tr("All assignees"), None)
        ui.statusCombo.addItem(self.tr("All statuses"), None)
        ui.statusCombo.addItem(self.tr("Not finished"), OPEN)
        for status in TaskStatus:
            ui.statusCombo.addItem(status_text(status.value), status.value)
        for label, due in (
            (self.tr("All"), None),
            (self.tr("Overdue"), "overdue"),
            (self.tr("This week"), "week"),
            (self.tr("No due date"), "none"),
        ):
            ui.dueCombo.addItem(label, due)

        self.status_menu = QMenu(self)
        self.status_actions: dict[str, QAction] = {}
        for status in TaskStatus:
            text = status_text(status.value) + ("…" if status is TaskStatus.DONE else "")
            action = self.status_menu.addAction(text)
            action.setData(status.value)
            action.triggered.connect(lambda _=False, code=status.value: self._status_chosen(code))
            self.status_actions[status.value] = action
        ui.statusButton.setMenu(self.status_menu)

        for combo in (ui.assigneeCombo, ui.statusCombo, ui.dueCombo):
            combo.currentIndexChanged.connect(self._filters_changed)
        ui.searchEdit.textChanged.connect(self._filters_changed)
        ui.directiveList.selectionModel().currentChanged.connect(self._directive_selected)
        ui.taskTable.selectionModel().currentRowChanged.connect(self._task_selected)
        ui.taskTable.doubleClicked.connect(lambda _index: self._edit_task())
        ui.addDirectiveButton.clicked.connect(self.add_directive)
        ui.editDirectiveButton.clicked.connect(self._edit_directive)
        ui.addTaskButton.clicked.connect(self._add_task)
        ui.editTaskButton.clicked.connect(self._edit_task)
        ui.addProgressButton.clicked.connect(self._add_progress)
        self._show_detail(None)
        self.refresh()

    # -- public ------------------------------------------------------------------------------

    def show_filtered(self, *, due: str | None = None, status: str | None = None) -> None:
        """Reset filters, apply (due in {"overdue", "week"}), refresh (used by start-page links)."""
        ui = self.ui
        self._applying = True
        try:
            ui.searchEdit.clear()
            ui.assigneeCombo.setCurrentIndex(0)
            ui.statusCombo.setCurrentIndex(max(0, ui.statusCombo.findData(status)) if status else 0)
            ui.dueCombo.setCurrentIndex(max(0, ui.dueCombo.findData(due)) if due else 0)
            self._directive_id = None
            ui.directiveList.setCurrentIndex(self.directive_model.index(0, 0))
        finally:
            self._applying = False
        self.refresh()

    def refresh(self) -> None:
        """Reload directives, assignees and the tasks of the current filter."""
        self._data_generation += 1
        self._task_generation += 1
        data_gen, task_gen = self._data_generation, self._task_generation
        flt, today, tasks = self.current_filter(), self._today(), self._tasks

        self._jobs.read(
            "all",
            lambda: (
                tasks.directives(today),
                (tasks.assignees(), tasks.assignee_choices(today)),
                tasks.query(flt, today),
            ),
            lambda result: self._loaded(data_gen, task_gen, *result),
        )

    def current_filter(self) -> TaskFilter:
        ui = self.ui
        return TaskFilter(
            directive_id=self._directive_id,
            assignee=ui.assigneeCombo.currentData(),
            status=ui.statusCombo.currentData(),
            due=ui.dueCombo.currentData(),
            search=ui.searchEdit.text() or None,
        )

    def current_task(self) -> TaskDTO | None:
        row = self.task_model.row_of(self._task_id)
        return self.task_model.row(row) if row >= 0 else None

    def current_directive(self) -> DirectiveDTO | None:
        return self.directive_model.directive(self.directive_model.row_of(self._directive_id))

    def is_busy(self) -> bool:
        """Whether a load is still running (tests wait for this to turn False)."""
        return self._jobs.busy()

    # -- loading -----------------------------------------------------------------------------

    def _reload_tasks(self) -> None:
        self._task_generation += 1
        task_gen = self._task_generation
        flt, today, tasks = self.current_filter(), self._today(), self._tasks
        self._jobs.read(
            "tasks", lambda: tasks.query(flt, today), lambda rows: self._loaded(None, task_gen, None, None, rows)
        )

    def _loaded(self, data_gen, task_gen, directives, assignees, rows) -> None:
        self._applying = True
        try:
            if data_gen == self._data_generation:
                self._apply_directives(directives)
                self._apply_assignees(assignees[0])
                self._assignee_choices = assignees[1]
            if task_gen == self._task_generation:
                self._apply_tasks(rows)
        finally:
            self._applying = False
        self._update_buttons()

    def _apply_directives(self, directives: list[DirectiveDTO]) -> None:
        self.directive_model.set_rows(directives)
        if self._directive_id and self.directive_model.row_of(self._directive_id) == 0:
            self._directive_id = None
        row = self.directive_model.row_of(self._directive_id)
        self.ui.directiveList.setCurrentIndex(self.directive_model.index(row, 0))

    def _apply_assignees(self, names: list[str]) -> None:
        combo = self.ui.assigneeCombo
        chosen = combo.currentData()
        while combo.count() > 1:
            combo.removeItem(1)
        for name in names:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)

    def _apply_tasks(self, rows: list[TaskDTO]) -> None:
        table = self.ui.taskTable
        self.task_model.set_rows(rows)
        row = self.task_model.row_of(self._task_id)
        if row >= 0:
            table.selectRow(row)
        else:
            self._task_id = None
            table.clearSelection()
        if rows and not self._sized:
            self._sized = True
            table.resizeColumnsToContents()
            for column, widest in enumerate(MAX_WIDTHS):
                table.setColumnWidth(column, min(table.columnWidth(column), widest))
            self._fit_columns()
        self._show_detail(self.current_task())

    def _fit_columns(self) -> None:
        """Keep the deadline and status in view: the text columns give up room first."""
        table = self.ui.taskTable
        widths = [table.columnWidth(c) for c in range(STATUS + 1)]
        excess = sum(widths) - table.viewport().width()
        for column in (2, 1, 0):
            if excess <= 0:
                break
            cut = min(excess, max(0, widths[column] - MIN_WIDTHS[column]))
            table.setColumnWidth(column, widths[column] - cut)
            excess -= cut

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.taskTable.viewport() and event.type() == QEvent.Type.Resize and self._sized:
            self._fit_columns()
        return super().eventFilter(watched, event)

    # -- selection and filters ---------------------------------------------------------------

    def _filters_changed(self, *_args) -> None:
        if not self._applying:
            self._reload_tasks()

    def _directive_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._applying:
            return
        d = self.directive_model.directive(current.row()) if current.isValid() else None
        self._directive_id = d.id if d else None
        self._update_buttons()
        self._reload_tasks()

    def _task_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._applying:
            return
        task = self.task_model.row(current.row()) if current.isValid() else None
        self._task_id = task.id if task else None
        self._show_detail(task)
        self._update_buttons()

    def _show_detail(self, task: TaskDTO | None) -> None:
        ui = self.ui
        title = f"<b>{html.escape(task.title, quote=False)}</b>" if task else ""
        ui.titleLabel.setText(title or self.tr("Select a task to see its progress."))
        ui.descriptionView.setPlainText(task.description if task else "")
        ui.resultLabel.setText(self._result_text(task) if task else "")
        ui.resultLabel.setStyleSheet(ERROR_STYLE if task and task.overdue else "")
        if task is None:
            self._jobs.cancel_reads("progress")
            self.progress_model.set_rows([])
        else:
            activities = self._activities
            self._jobs.read(
                "progress",
                lambda: with_activities(
                    self._tasks.progress(task.id), activities.for_task(task.id) if activities is not None else []
                ),
                self.progress_model.set_rows,
            )
        self._update_buttons()

    def _result_text(self, task: TaskDTO) -> str:
        if task.status == TaskStatus.DONE.value:
            text = self.tr("Done on %1: %2").replace("%1", display(task.completed_on))
            return text.replace("%2", task.result_note)
        if task.status == TaskStatus.CANCELLED.value:
            return status_text(task.status) + (f": {task.result_note}" if task.result_note else "")
        return overdue_text(task)

    def _update_buttons(self) -> None:
        ui, task = self.ui, self.current_task()
        ui.editDirectiveButton.setEnabled(self.current_directive() is not None)
        for button in (ui.editTaskButton, ui.statusButton, ui.addProgressButton):
            button.setEnabled(task is not None)
        for code, action in self.status_actions.items():
            action.setEnabled(task is not None and task.status != code)

    def _say(self, text: str, error: bool = False) -> None:
        self.ui.messageLabel.setStyleSheet(ERROR_STYLE if error else "")
        self.ui.messageLabel.setText(text)

    # -- changes -----------------------------------------------------------------------------

    def _open(self, dialog: QDialog, on_saved: Callable[[Any], None]) -> None:
        """Window-modal but not blocking: tests drive the open dialog like a user would."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_saved(dialog.result_value))
        dialog.open()

    def _saved(self, message: str) -> None:
        self._say(message)
        self.refresh()
        self.changed.emit()

    def add_directive(self) -> None:
        submit = lambda data, done, failed: self._jobs.write(  # noqa: E731
            lambda: self._tasks.create_directive(data), done, failed
        )
        self._open(DirectiveDialog(submit, parent=self), self._directive_saved)

    def _edit_directive(self) -> None:
        d = self.current_directive()
        if d is not None:
            submit = lambda data, done, failed: self._jobs.write(  # noqa: E731
                lambda: self._tasks.update_directive(d.id, data, expected_updated_at=d.updated_at), done, failed
            )
            self._open(DirectiveDialog(submit, d, parent=self), self._directive_saved)

    def _directive_saved(self, d: DirectiveDTO) -> None:
        self._directive_id = d.id
        self._saved(self.tr("Directive saved: %1").replace("%1", d.label))

    def _add_task(self) -> None:
        today = self._today()
        submit = lambda data, done, failed: self._jobs.write(  # noqa: E731
            lambda: self._tasks.create_task(data, today), done, failed
        )
        self._open(self._task_dialog(submit, None), self._task_saved)

    def _edit_task(self) -> None:
        task = self.current_task()
        if task is not None:
            today = self._today()
            submit = lambda data, done, failed: self._jobs.write(  # noqa: E731
                lambda: self._tasks.update_task(task.id, data, today, expected_updated_at=task.updated_at), done, failed
            )
            self._open(self._task_dialog(submit, task), self._task_saved)

    def _task_dialog(self, submit: Submit, task: TaskDTO | None) -> TaskDialog:
        # The form offers the names used so far and the offices and units of this office's area.
        assignees = self._assignee_choices or [
            self.ui.assigneeCombo.itemData(i) for i in range(1, self.ui.assigneeCombo.count())
        ]
        directives = [self.directive_model.directive(r) for r in range(1, self.directive_model.rowCount())]
        return TaskDialog(submit, directives, assignees, task, self._directive_id, parent=self)

    def _task_saved(self, task: TaskDTO) -> None:
        self._task_id = task.id
        self._saved(self.tr("Task saved: %1").replace("%1", task.title))

    def _status_chosen(self, code: str) -> None:
        task = self.current_task()
        if task is None:
            return
        today = self._today()
        if code == TaskStatus.DONE.value:
            submit = lambda v, done, failed: self._jobs.write(  # noqa: E731
                lambda: self._tasks.set_status(
                    task.id, code, v[0], today, completed_on=v[1], expected_updated_at=task.updated_at
                ),
                done,
                failed,
            )
            self._open(ResultNoteDialog(task, submit, parent=self, today=today), self._status_saved)
            return
        self._jobs.write(
            lambda: self._tasks.set_status(task.id, code, "", today, expected_updated_at=task.updated_at),
            self._status_saved,
            controls=[self.ui.statusButton],
        )

    def _status_saved(self, task: TaskDTO) -> None:
        text = self.tr("«%1» is now: %2").replace("%2", status_text(task.status)).replace("%1", task.title)
        self._saved(text)

    def _add_progress(self) -> None:
        task = self.current_task()
        if task is not None:
            submit = lambda v, done, failed: self._jobs.write(  # noqa: E731
                lambda: self._tasks.add_progress(task.id, *v), done, failed
            )
            dialog = ProgressDialog(task, self._author(), self._today(), submit, parent=self)
            self._open(dialog, lambda _note: self._saved(self.tr("Progress noted.")))
