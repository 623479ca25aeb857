"""Directives from above and the tasks they assign, with deadlines, status and progress notes.

The DTOs and inputs live in services/task_types.py, the list's query in services/task_queries.py,
the checks of what is saved in services/task_checks.py; their public names are importable from here.
"""

from __future__ import annotations

import builtins
from datetime import date, datetime, timedelta

from sqlalchemy import case, func, select

from ocop_desktop.domain.enums import TaskStatus
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.text import clean, fold, vn_sort_key
from ocop_desktop.domain.validation import NotFoundError, ValidationError
from ocop_desktop.persistence.models import Directive, Task, TaskProgress
from ocop_desktop.persistence.uow import UnitOfWork, UowFactory
from ocop_desktop.services.record_versions import commit_or_refuse
from ocop_desktop.services.task_checks import (
    apply_directive,
    apply_task,
    check_version,
    completion_errors,
    load,
    progress_errors,
    stale_task,
    status_errors,
)
from ocop_desktop.services.task_queries import (
    directive_dto,
    directive_label,
    is_overdue,
    local_day,
    overdue_clause,
    task_columns,
    task_dto,
)
from ocop_desktop.services.task_types import (
    DUE_FILTERS,
    OPEN,
    OPEN_STATUSES,
    WEEK_DAYS,
    DirectiveDTO,
    DirectiveInput,
    ProgressDTO,
    TaskDTO,
    TaskFilter,
    TaskInput,
)

__all__ = [
    "DUE_FILTERS",
    "OPEN",
    "OPEN_STATUSES",
    "WEEK_DAYS",
    "DirectiveDTO",
    "DirectiveInput",
    "ProgressDTO",
    "TaskDTO",
    "TaskFilter",
    "TaskInput",
    "TaskService",
    "directive_label",
    "is_overdue",
    "local_day",
]


def _commit(uow: UnitOfWork, task_id: str) -> None:
    """Commit a task's save; if someone saved the task after it was read here (on a server, both
    past check_version at once), the UPDATE … WHERE version = ? matched nothing: refused by name."""
    commit_or_refuse(uow, lambda: stale_task(load(uow, Task, task_id, "nhiệm vụ")))


class TaskService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def list(self, today: date | None = None) -> list[TaskDTO]:
        """Every task, in the order of their directives and of the letter's own list."""
        return self.query(TaskFilter(), today)

    def query(self, flt: TaskFilter, today: date | None = None) -> builtins.list[TaskDTO]:
        """Tasks matching ``flt``, filtered in SQL except the accent-free search (see below)."""
        today = today or date.today()
        query = task_columns()
        if flt.directive_id:
            query = query.where(Task.directive_id == flt.directive_id)
        if flt.assignee:
            query = query.where(Task.assignee == flt.assignee)
        if flt.status == OPEN:
            query = query.where(Task.status.in_(OPEN_STATUSES))
        elif flt.status:
            query = query.where(Task.status == flt.status)
        if flt.due == "overdue":
            query = query.where(overdue_clause(today))
        elif flt.due == "week":
            query = query.where(
                Task.status.in_(OPEN_STATUSES),
                Task.due_on >= today,
                Task.due_on <= today + timedelta(days=WEEK_DAYS),
            )
        elif flt.due == "none":
            query = query.where(Task.due_on.is_(None))
        query = query.order_by(
            func.coalesce(Directive.created_at, Task.created_at), Task.directive_id, Task.position, Task.id
        )
        with self._uow() as uow:
            rows = uow.session.execute(query).all()
        out = [task_dto(r, today) for r in rows]
        needle = fold(flt.search)
        if needle:
            # Tasks have no folded column (the schema predates this search); an office holds
            # hundreds of tasks, not millions, so folding here stays well under a millisecond each.
            out = [t for t in out if needle in fold(f"{t.title} {t.assignee} {t.description}")]
        return out

    def get(self, task_id: str, today: date | None = None) -> TaskDTO:
        with self._uow() as uow:
            row = uow.session.execute(task_columns().where(Task.id == task_id)).first()
        if row is None:
            raise NotFoundError(
                Text(
                    f"Không tìm thấy nhiệm vụ có mã {task_id}; hãy tải lại danh sách.",
                    f"No task has the id {task_id}; please reload the list.",
                )
            )
        return task_dto(row, today or date.today())

    def due_summary(self, today: date | None = None) -> tuple[builtins.list[TaskDTO], builtins.list[TaskDTO]]:
        """(overdue, due within the next 7 days) among tasks neither done nor cancelled."""
        today = today or date.today()
        overdue = sorted(self.query(TaskFilter(due="overdue"), today), key=lambda t: (t.due_on, t.title))
        week = sorted(self.query(TaskFilter(due="week"), today), key=lambda t: (t.due_on, t.title))
        return overdue, week

    def assignees(self) -> builtins.list[str]:
        with self._uow() as uow:
            names = uow.session.scalars(select(Task.assignee).distinct()).all()
        return sorted((n for n in names if n), key=vn_sort_key)

    def assignee_choices(self, today: date | None = None) -> builtins.list[str]:
        """What a task form offers: the names already used, then the offices and units of this
        office's area (services/assignees.py) not used yet."""
        from ocop_desktop.services.assignees import suggested_assignees  # noqa: PLC0415

        used = self.assignees()
        return used + [n for n in suggested_assignees(self._uow, today or date.today()) if n not in used]

    def directives(self, today: date | None = None) -> builtins.list[DirectiveDTO]:
        """Directives, the most recently entered first, with their task counts."""
        today = today or date.today()
        counts = (
            select(
                Task.directive_id,
                func.count().label("total"),
                func.sum(case((Task.status == TaskStatus.DONE.value, 1), else_=0)).label("done"),
                func.sum(case((overdue_clause(today), 1), else_=0)).label("overdue"),
            )
            .group_by(Task.directive_id)
            .subquery()
        )
        query = (
            select(Directive, counts.c.total, counts.c.done, counts.c.overdue)
            .outerjoin(counts, counts.c.directive_id == Directive.id)
            # Entry order: letters often carry only "tháng 6 năm 2024", so no date sorts them all.
            .order_by(Directive.created_at.desc(), Directive.id)
        )
        with self._uow() as uow:
            return [
                directive_dto(d, total or 0, done or 0, overdue or 0)
                for d, total, done, overdue in uow.session.execute(query).all()
            ]

    def progress(self, task_id: str) -> builtins.list[ProgressDTO]:
        """The task's progress notes, newest first."""
        with self._uow() as uow:
            rows = uow.session.execute(
                select(
                    TaskProgress.id, TaskProgress.task_id, TaskProgress.noted_on, TaskProgress.text, TaskProgress.author
                )
                .where(TaskProgress.task_id == task_id)
                .order_by(TaskProgress.noted_on.desc(), TaskProgress.created_at.desc())
            ).all()
        return [ProgressDTO(r.id, r.task_id, r.noted_on, r.text, r.author or "") for r in rows]

    def create_directive(self, data: DirectiveInput) -> DirectiveDTO:
        with self._uow() as uow:
            directive = Directive()
            apply_directive(directive, data)
            uow.session.add(directive)
            uow.commit()
            return directive_dto(directive)

    def update_directive(
        self, directive_id: str, data: DirectiveInput, expected_updated_at: datetime | None = None
    ) -> DirectiveDTO:
        """Save the form over the directive; refused by name, writing nothing, if it changed since
        the form was opened (``expected_updated_at``, DirectiveDTO.updated_at as shown)."""
        with self._uow() as uow:
            directive = load(uow, Directive, directive_id, "văn bản chỉ đạo")
            check_version(directive, expected_updated_at)
            apply_directive(directive, data)
            commit_or_refuse(uow, lambda: stale_task(load(uow, Directive, directive_id, "văn bản chỉ đạo")))
        return next(d for d in self.directives() if d.id == directive_id)

    def create_task(self, data: TaskInput, today: date | None = None) -> TaskDTO:
        with self._uow() as uow:
            task = Task(status=TaskStatus.NEW.value)
            apply_task(uow, task, data)
            last = uow.session.scalar(
                select(func.max(Task.position)).where(
                    Task.directive_id == task.directive_id if task.directive_id else Task.directive_id.is_(None)
                )
            )
            task.position = 0 if last is None else last + 1
            uow.session.add(task)
            uow.commit()
            task_id = task.id
        return self.get(task_id, today)

    def update_task(
        self, task_id: str, data: TaskInput, today: date | None = None, expected_updated_at: datetime | None = None
    ) -> TaskDTO:
        """Save the form over the task; ``expected_updated_at`` is its version when the form was
        opened: if it changed since (another tab, a package, a restore), nothing is written."""
        with self._uow() as uow:
            task = load(uow, Task, task_id, "nhiệm vụ")
            check_version(task, expected_updated_at)
            apply_task(uow, task, data)
            _commit(uow, task_id)
        return self.get(task_id, today)

    def set_status(
        self,
        task_id: str,
        status: str,
        result_note: str = "",
        today: date | None = None,
        completed_on: date | None = None,
        expected_updated_at: datetime | None = None,
    ) -> TaskDTO:
        """Change a task's status; completing it needs a short note of the result and takes the
        day it was done (``completed_on``, today when not given), not before the task was entered
        and not after today."""
        today = today or date.today()
        note = (result_note or "").strip()
        with self._uow(action="status") as uow:
            task = load(uow, Task, task_id, "nhiệm vụ")
            check_version(task, expected_updated_at)
            new, errors = status_errors(status, note)
            if new is TaskStatus.DONE and completed_on is not None:
                errors += completion_errors(task, completed_on, today)
            if errors:
                raise ValidationError(errors, record=Text(f"Nhiệm vụ «{task.title}»", f"Task «{task.title}»"))
            if new is not TaskStatus.DONE:
                task.completed_on = None
            elif completed_on is not None:
                task.completed_on = completed_on
            elif task.status != TaskStatus.DONE.value or task.completed_on is None:
                task.completed_on = today  # saving an already done task keeps its completion date
            if note:
                task.result_note = note
            assert new is not None  # an unknown status was refused above
            task.status = new.value
            _commit(uow, task_id)
        return self.get(task_id, today)

    def add_progress(self, task_id: str, noted_on: date | None, text: str, author: str = "") -> ProgressDTO:
        with self._uow() as uow:
            task = load(uow, Task, task_id, "nhiệm vụ")
            body = (text or "").strip()
            who = clean(author) or ""
            errors = progress_errors(noted_on, body, who)
            if errors:
                raise ValidationError(
                    errors, record=Text(f"Tiến độ của nhiệm vụ «{task.title}»", f"Progress of task «{task.title}»")
                )
            entry = TaskProgress(task_id=task.id, noted_on=noted_on, text=body, author=who)
            uow.session.add(entry)
            uow.commit()
            return ProgressDTO(entry.id, task.id, entry.noted_on, entry.text, entry.author)
