"""How the task list is read: the columns it shows, each row turned into a TaskDTO, and how letters are named."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select

from ocop_desktop.domain.enums import TaskStatus
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.persistence.models import Directive, Task, TaskProgress
from ocop_desktop.services.task_types import OPEN_STATUSES, DirectiveDTO, TaskDTO


def _label(number: str, issued_on: date | None, issued_text: str, issuer: str) -> str:
    head = f"Số {number}" if number else "Văn bản"
    when = format_vn_date(issued_on) if issued_on else issued_text
    return ", ".join(part for part in (f"{head} của {issuer}" if issuer else head, when) if part)


def _short(number: str, issued_on: date | None, issued_text: str) -> str:
    when = format_vn_date(issued_on) if issued_on else issued_text
    return ", ".join(part for part in (number or "Văn bản", when) if part)


def directive_label(d: Directive | None) -> str:
    if d is None:
        return ""
    return _label(d.number, d.issued_on, d.issued_text, d.issuer)


def local_day(stamp: datetime | None) -> date | None:
    """The user's calendar day of a naive-UTC timestamp."""
    return stamp.replace(tzinfo=UTC).astimezone().date() if stamp else None


def is_overdue(task: Task, today: date) -> bool:
    return task.status in OPEN_STATUSES and task.due_on is not None and task.due_on < today


def overdue_clause(today: date) -> ColumnElement[bool]:
    return and_(Task.status.in_(OPEN_STATUSES), Task.due_on.is_not(None), Task.due_on < today)


def task_columns() -> Select[*tuple[Any, ...]]:
    """Only the columns the task list shows, plus the newest progress note of each task."""
    ranked = select(
        TaskProgress.task_id,
        TaskProgress.noted_on,
        TaskProgress.text,
        TaskProgress.author,
        func.row_number()
        .over(
            partition_by=TaskProgress.task_id,
            order_by=(TaskProgress.noted_on.desc(), TaskProgress.created_at.desc()),
        )
        .label("rn"),
    ).subquery()
    last = select(ranked).where(ranked.c.rn == 1).subquery()
    return (
        select(
            Task.id,
            Task.directive_id,
            Task.assignee,
            Task.title,
            Task.description,
            Task.due_on,
            Task.status,
            Task.result_note,
            Task.completed_on,
            Task.created_at,
            Task.updated_at,
            Directive.number,
            Directive.issued_on,
            Directive.issued_text,
            Directive.issuer,
            last.c.noted_on.label("last_on"),
            last.c.text.label("last_text"),
            last.c.author.label("last_by"),
        )
        .select_from(Task)
        .outerjoin(Directive, Directive.id == Task.directive_id)
        .outerjoin(last, last.c.task_id == Task.id)
    )


def task_dto(r: Any, today: date) -> TaskDTO:  # a row of task_columns()
    overdue = r.status in OPEN_STATUSES and r.due_on is not None and r.due_on < today
    has_directive = r.directive_id is not None
    return TaskDTO(
        id=r.id,
        directive=_label(r.number, r.issued_on, r.issued_text, r.issuer) if has_directive else "",
        directive_short=_short(r.number, r.issued_on, r.issued_text) if has_directive else "",
        directive_id=r.directive_id,
        assignee=r.assignee,
        title=r.title,
        description=r.description or "",
        due_on=r.due_on,
        status=r.status,
        status_label=TaskStatus(r.status).label,
        overdue=overdue,
        days_overdue=(today - r.due_on).days if overdue else 0,
        result_note=r.result_note or "",
        completed_on=r.completed_on,
        last_progress=r.last_text or "",
        last_progress_on=r.last_on,
        last_progress_by=r.last_by or "",
        created_on=local_day(r.created_at),
        updated_at=r.updated_at,
    )


def directive_dto(d: Directive, total: int = 0, done: int = 0, overdue: int = 0) -> DirectiveDTO:
    return DirectiveDTO(
        id=d.id,
        number=d.number or "",
        issued_on=d.issued_on,
        issued_text=d.issued_text or "",
        issuer=d.issuer or "",
        subject=d.subject or "",
        file_reference=d.file_reference or "",
        notes=d.notes or "",
        label=directive_label(d),
        task_count=total,
        done_count=done,
        overdue_count=overdue,
        updated_at=d.updated_at,
    )
