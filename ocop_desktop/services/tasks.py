"""Directives from above and the tasks they assign, with deadlines and status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ocop_desktop.domain.enums import TaskStatus
from ocop_desktop.persistence.models import Directive, Task
from ocop_desktop.persistence.uow import UowFactory


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


def directive_label(d: Directive | None) -> str:
    if d is None:
        return ""
    number = f"Số {d.number}" if d.number else "Văn bản"
    when = d.issued_on.strftime("%d/%m/%Y") if d.issued_on else d.issued_text
    return f"{number} của {d.issuer}, {when}".strip(", ")


def is_overdue(task: Task, today: date) -> bool:
    open_ = task.status in (TaskStatus.NEW.value, TaskStatus.IN_PROGRESS.value)
    return open_ and task.due_on is not None and task.due_on < today


class TaskService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def list(self, today: date | None = None) -> list[TaskDTO]:
        today = today or date.today()
        with self._uow() as uow:
            query = select(Task).outerjoin(Task.directive).order_by(
                Directive.created_at, Task.directive_id, Task.position
            )
            return [
                TaskDTO(
                    id=t.id, directive=directive_label(t.directive), directive_id=t.directive_id,
                    assignee=t.assignee, title=t.title, description=t.description, due_on=t.due_on,
                    status=t.status, status_label=TaskStatus(t.status).label,
                    overdue=is_overdue(t, today),
                )
                for t in uow.session.scalars(query).unique()
            ]
