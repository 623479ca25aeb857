"""Models of the tasks tab: the directive list, the task table and a task's progress log."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ocop_desktop.domain.enums import TaskStatus
from ocop_desktop.domain.schema import TASK, TASK_PROGRESS
from ocop_desktop.gui.formatting import display
from ocop_desktop.gui.schema_columns import Shown, schema_columns
from ocop_desktop.gui.table_model import DtoTableModel
from ocop_desktop.services.task_types import DirectiveDTO, ProgressDTO, TaskDTO

DIRECTIVE_ROLE = Qt.ItemDataRole.UserRole + 1  # the DirectiveDTO of the row, None for "all"
OVERDUE_COLOR = QColor("#f6c6c6")  # light enough that black text stays readable
SUBJECT_CHARS = 110  # the list shows the start of long subjects; the tooltip holds all of it

_Index = QModelIndex | QPersistentModelIndex


def status_text(code: str) -> str:
    """The status as shown on screen, in the interface language (domain/enums.py declares both)."""
    return TaskStatus.label_of(code)


def overdue_text(task: TaskDTO) -> str:
    if not task.overdue:
        return ""
    text = QCoreApplication.translate("TaskStatus", "Overdue by %1 day(s)")
    return text.replace("%1", str(task.days_overdue))


def elide(text: str, chars: int) -> str:
    """The start of ``text`` up to a word boundary, with "…" when something was cut."""
    if len(text) <= chars:
        return text
    cut = text[:chars]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"


def directive_when(d: DirectiveDTO) -> str:
    return display(d.issued_on) if d.issued_on else d.issued_text


class DirectiveListModel(QAbstractListModel):
    """An "all directives" entry, then each directive: number and date, issuer, subject."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[DirectiveDTO] = []

    def set_rows(self, rows: Sequence[DirectiveDTO]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def directive(self, row: int) -> DirectiveDTO | None:
        return self._rows[row - 1] if 1 <= row <= len(self._rows) else None

    def row_of(self, directive_id: str | None) -> int:
        for i, d in enumerate(self._rows, start=1):
            if d.id == directive_id:
                return i
        return 0

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows) + 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() <= len(self._rows):
            return None
        d = self.directive(index.row())
        if d is None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self.tr("All directives")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            number = d.number or self.tr("(no number)")
            head = " · ".join(part for part in (number, directive_when(d)) if part)
            return "\n".join(part for part in (head, d.issuer, elide(d.subject, SUBJECT_CHARS)) if part)
        if role == Qt.ItemDataRole.ToolTipRole:
            counts = self.tr("%1 tasks, %2 done, %3 overdue")
            counts = counts.replace("%1", str(d.task_count)).replace("%2", str(d.done_count))
            counts = counts.replace("%3", str(d.overdue_count))
            return "\n".join(part for part in (d.label, d.subject, counts) if part)
        if role == DIRECTIVE_ROLE:
            return d
        return None


class TaskTableModel(DtoTableModel):
    """Tasks with their directive, deadline, status and newest progress note (TASK's window table,
    domain/schema/records.py); overdue rows red."""

    def __init__(self, parent=None) -> None:
        late = overdue_text
        columns = schema_columns(
            TASK,
            {
                "directive": Shown(
                    value=lambda t: t.directive_short,
                    tooltip=lambda t: "\n".join(part for part in (t.directive, late(t)) if part),
                ),
                "assignee": Shown(tooltip=late),
                "title": Shown(tooltip=self._title_tip),
                "due_on": Shown(tooltip=late),
                "status": Shown(text=lambda t: status_text(t.status), tooltip=late),
                "last_progress": Shown(tooltip=self._progress_tip),
            },
        )
        super().__init__(columns, row_color=lambda t: OVERDUE_COLOR if t.overdue else None, parent=parent)

    @staticmethod
    def _title_tip(t: TaskDTO) -> str:
        return "\n".join(part for part in (t.title, overdue_text(t)) if part)

    @staticmethod
    def _progress_tip(t: TaskDTO) -> str:
        if not t.last_progress:
            return overdue_text(t)
        who = f" — {t.last_progress_by}" if t.last_progress_by else ""
        return "\n".join(
            part for part in (f"{display(t.last_progress_on)}{who}", t.last_progress, overdue_text(t)) if part
        )

    def row_of(self, task_id: str | None) -> int:
        for i, t in enumerate(self.rows()):
            if t.id == task_id:
                return i
        return -1


class ProgressTableModel(DtoTableModel):
    """One task's progress log: date, what was done, who noted it (TASK_PROGRESS's window table)."""

    def __init__(self, parent=None) -> None:
        columns = schema_columns(TASK_PROGRESS, {"text": Shown[ProgressDTO](tooltip=lambda p: p.text)})
        super().__init__(columns, parent=parent)
