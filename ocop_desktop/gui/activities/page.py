"""The «Hoạt động» page: the offices' support, training, communication and fairs, filtered by kind, unit and year."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.language import display_language
from ocop_desktop.domain.schema import ACTIVITY
from ocop_desktop.domain.schema.activities import ActivityKind
from ocop_desktop.gui.activities.dialog import ActivityDialog
from ocop_desktop.gui.activities.models import ActivityTableModel, kind_text
from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.formatting import display
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.gui.schema_columns import caption
from ocop_desktop.gui.stale import stale_handler
from ocop_desktop.gui.tasks.form_dialog import ERROR_STYLE
from ocop_desktop.services.activities import ActivityService
from ocop_desktop.services.activity_types import ActivityDTO, ActivityFilter, Choices


class ActivitiesPage(QWidget):
    changed = Signal()  # after an activity was added, changed or deleted

    def __init__(self, activities: ActivityService, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._activities = activities
        self._jobs = PageJobs(
            jobs,
            self,
            on_error=lambda exc: report_error(self, exc, show=lambda reason: self._say(reason, error=True)),
            on_stale=stale_handler(lambda text: self._say(text, error=True), self.refresh),
        )
        self._selected: str | None = None
        self._generation = 0
        self._applying = False

        self.kind_combo, self.unit_combo, self.year_combo = QComboBox(self), QComboBox(self), QComboBox(self)
        self.kind_combo.addItem(self.tr("All kinds"), None)
        for kind in ActivityKind:
            self.kind_combo.addItem(kind.shown, kind.value)
        self.unit_combo.addItem(self.tr("All units"), None)
        self.year_combo.addItem(self.tr("All years"), None)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search activity names (accents optional)"))
        self.search_edit.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        for key, combo in (("kind", self.kind_combo), ("unit", self.unit_combo)):
            label = QLabel(caption(ACTIVITY.column(key)), self)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo)
        year_label = QLabel(self.tr("&Year:"), self)
        year_label.setBuddy(self.year_combo)
        filters.addWidget(year_label)
        filters.addWidget(self.year_combo)
        filters.addWidget(self.search_edit, 1)

        self.model = ActivityTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        self.add_button = QPushButton(self.tr("&New activity…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.message)

        for combo in (self.kind_combo, self.unit_combo, self.year_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.search_edit.textChanged.connect(self._filters_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_activity())
        self.add_button.clicked.connect(self.add_activity)
        self.edit_button.clicked.connect(self.edit_activity)
        self.delete_button.clicked.connect(self.delete_activity)
        self._update_buttons()
        self.refresh()

    # -- public ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the filters' choices and the activities of the current filter."""
        self._generation += 1
        generation, flt, activities = self._generation, self.current_filter(), self._activities
        self._jobs.read(
            "all",
            lambda: (activities.choices(pickers=False), activities.query(flt)),
            lambda r: self._loaded(generation, *r),
        )

    def current_filter(self) -> ActivityFilter:
        return ActivityFilter(
            kind=self.kind_combo.currentData(),
            unit_id=self.unit_combo.currentData(),
            year=self.year_combo.currentData(),
            search=self.search_edit.text() or None,
        )

    def current(self) -> ActivityDTO | None:
        row = self.model.row_of(self._selected)
        return self.model.row(row) if row >= 0 else None

    def is_busy(self) -> bool:
        return self._jobs.busy()

    # -- loading --------------------------------------------------------------------------------------
    def _reload(self) -> None:
        self._generation += 1
        generation, flt, activities = self._generation, self.current_filter(), self._activities
        self._jobs.read("list", lambda: activities.query(flt), lambda rows: self._loaded(generation, None, rows))

    def _loaded(self, generation: int, choices: Choices | None, rows: list[ActivityDTO]) -> None:
        if generation != self._generation:
            return
        self._applying = True
        try:
            if choices is not None:
                self._refill(self.unit_combo, choices.units)
                self._refill(self.year_combo, [(y, str(y)) for y in choices.years])
            self.model.set_rows(rows)
            row = self.model.row_of(self._selected)
            if row >= 0:
                self.table.selectRow(row)
            else:
                self._selected = None
        finally:
            self._applying = False
        if rows:
            self.table.resizeColumnsToContents()
            for column in range(self.model.columnCount()):
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        self._show_detail(self.current())
        self._update_buttons()

    @staticmethod
    def _refill(combo: QComboBox, items: Any) -> None:
        chosen = combo.currentData()
        while combo.count() > 1:
            combo.removeItem(1)
        for data, text in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)

    def _filters_changed(self, *_args: Any) -> None:
        if not self._applying:
            self._reload()

    def _row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._applying:
            return
        activity = self.model.row(current.row()) if current.isValid() else None
        self._selected = activity.id if activity else None
        self._show_detail(activity)
        self._update_buttons()

    def _show_detail(self, a: ActivityDTO | None) -> None:
        if a is None:
            self.detail.setText("")
            return
        parts = [f"<b>{html.escape(a.title)}</b> — {html.escape(kind_text(a.kind))}, {html.escape(a.dates)}"]
        for key in ("producers", "products", "sales", "contracts", "task", "result"):
            value = getattr(a, key)
            if value not in (None, ""):
                shown = display(value, "money") if key == "sales" else str(value)
                parts.append(f"{html.escape(ACTIVITY.column(key).label_in(display_language()))}: {html.escape(shown)}")
        self.detail.setText("<br>".join(parts))

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    # -- changes --------------------------------------------------------------------------------------
    def _open(self, dialog: QDialog, on_saved: Callable[[Any], None]) -> None:
        """Window-modal but not blocking: tests drive the open dialog as a user would."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_saved(dialog.result_value))  # type: ignore[attr-defined]
        dialog.open()
        self.dialog = dialog

    def add_activity(self) -> None:
        activities = self._activities
        submit = lambda data, done, failed: self._jobs.write(  # noqa: E731
            lambda: activities.create(data), done, failed
        )
        self._with_choices(lambda choices: self._open(ActivityDialog(submit, choices, parent=self), self._saved))

    def edit_activity(self) -> None:
        a = self.current()
        if a is None:
            return
        activities = self._activities
        submit = lambda data, done, failed: self._jobs.write(  # noqa: E731
            lambda: activities.update(a.id, data, expected_updated_at=a.updated_at), done, failed
        )
        self._with_choices(lambda choices: self._open(ActivityDialog(submit, choices, a, parent=self), self._saved))

    def _with_choices(self, open_form: Callable[[Choices], None]) -> None:
        """Read what the form offers (producers, products, units, tasks: as they are now), then open
        it; the buttons wait meanwhile. Not kept after: at national scale the pickers hold 28,000
        names, which the list itself never needs."""
        self._jobs.write(
            self._activities.choices,
            open_form,
            controls=[self.add_button, self.edit_button, self.delete_button],
        )

    def delete_activity(self) -> None:
        a = self.current()
        if a is None:
            return
        asked = QMessageBox.question(
            self, self.tr("Delete activity"), self.tr("Delete the activity «%1»?").replace("%1", a.title)
        )
        if asked != QMessageBox.StandardButton.Yes:
            return
        activities = self._activities
        self._jobs.write(
            lambda: activities.delete(a.id, expected_updated_at=a.updated_at),
            lambda _none: self._done(self.tr("Activity deleted: %1").replace("%1", a.title)),
            controls=[self.delete_button],
        )

    def _saved(self, a: ActivityDTO) -> None:
        self._selected = a.id
        self._done(self.tr("Activity saved: %1").replace("%1", a.title))

    def _done(self, message: str) -> None:
        self._say(message)
        self.refresh()
        self.changed.emit()
