"""What the task service takes and returns: directives, tasks, progress notes and the task list's filter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ocop_desktop.domain.enums import TaskStatus

OPEN_STATUSES = (TaskStatus.NEW.value, TaskStatus.IN_PROGRESS.value)
OPEN = "open"  # a status filter meaning "not done and not cancelled"
WEEK_DAYS = 7  # "this week": due from today to today + 7 days
DUE_FILTERS = ("overdue", "week", "none")


@dataclass(frozen=True)
class TaskDTO:
    id: str
    directive: str
    directive_id: str | None
    assignee: str
    title: str
    description: str
    due_on: date | None
    status: str
    status_label: str
    overdue: bool
    directive_short: str = ""  # number and date only, for narrow columns
    days_overdue: int = 0
    result_note: str = ""
    completed_on: date | None = None
    last_progress: str = ""
    last_progress_on: date | None = None
    last_progress_by: str = ""
    created_on: date | None = None  # the local day the task was entered
    updated_at: datetime | None = None  # its version: a save based on an older one is refused


@dataclass(frozen=True)
class DirectiveDTO:
    id: str
    number: str
    issued_on: date | None
    issued_text: str
    issuer: str
    subject: str
    file_reference: str
    notes: str
    label: str
    task_count: int = 0
    done_count: int = 0
    overdue_count: int = 0
    updated_at: datetime | None = None  # the version the form sends back with a save


@dataclass(frozen=True)
class ProgressDTO:
    id: str
    task_id: str
    noted_on: date
    text: str
    author: str


@dataclass
class DirectiveInput:
    subject: str = ""
    issuer: str = ""
    number: str = ""
    issued_on: date | None = None
    issued_text: str = ""  # when the letter gives no exact day, e.g. "tháng 6 năm 2024"
    file_reference: str = ""
    notes: str = ""


@dataclass
class TaskInput:
    assignee: str = ""
    title: str = ""
    directive_id: str | None = None
    description: str = ""
    due_on: date | None = None


@dataclass(frozen=True)
class TaskFilter:
    directive_id: str | None = None
    assignee: str | None = None
    status: str | None = None  # a TaskStatus value, OPEN, or None for every status
    due: str | None = None  # "overdue", "week", "none" or None
    search: str | None = None  # ignores diacritics and case
