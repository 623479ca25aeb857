"""The report on a directive's tasks: who does what, by when, how far it has got."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import TaskStatus
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.schema import REPORT, TASK
from ocop_desktop.domain.schema.activities import ActivityKind
from ocop_desktop.domain.validation import NotFoundError
from ocop_desktop.exports.report_model import Report, ReportSection
from ocop_desktop.persistence.models import Activity, Directive, Task, TaskProgress
from ocop_desktop.services.report_columns import numbered_columns
from ocop_desktop.services.report_scope import Scope


def build_tasks(session: Session, directive_id: str | None, scope: Scope, today: date) -> Report:
    query = select(Directive).order_by(Directive.created_at.desc())
    if directive_id:
        query = query.where(Directive.id == directive_id)
    directive = session.scalars(query).first()
    if directive is None:
        raise NotFoundError(
            Text(
                "Không tìm thấy văn bản chỉ đạo; hãy kiểm tra mã văn bản.",
                "The directive was not found; check the document's id.",
            )
        )
    section = ReportSection("")
    for task in session.scalars(select(Task).where(Task.directive_id == directive.id).order_by(Task.position)):
        # A task given to a named unit outside the report's area is another office's; one given
        # to «các xã» (no unit) concerns every office.
        if task.assignee_place_id and not scope.covers(task.assignee_place_id):
            continue
        last = session.scalars(
            select(TaskProgress).where(TaskProgress.task_id == task.id).order_by(TaskProgress.noted_on.desc())
        ).first()
        # An activity that carries the task out (a fair, a training) is progress too, when newer.
        done = session.scalars(
            select(Activity).where(Activity.task_id == task.id).order_by(Activity.held_on.desc())
        ).first()
        latest = f"{last.noted_on:%d/%m/%Y}: {last.text}" if last else ""
        if done is not None and (last is None or done.held_on > last.noted_on):
            latest = f"{done.held_on:%d/%m/%Y}: {ActivityKind(done.kind).label}: {done.title}"
        open_ = task.status in (TaskStatus.NEW.value, TaskStatus.IN_PROGRESS.value)
        due = task.due_on
        late = open_ and due is not None and due < today
        section.rows.append(
            dict(
                stt=len(section.rows) + 1,
                assignee=task.assignee,
                title=task.title,
                due_on=task.due_on,
                status=TaskStatus(task.status).label,
                last_progress=latest,
                overdue=f"Quá hạn {(today - due).days} ngày" if late and due is not None else "",
            )
        )
    if not section.rows:
        section.heading = "Không có nhiệm vụ nào."
    label = f"văn bản số {directive.number}" if directive.number else "văn bản"
    subtitle = f"Tình hình thực hiện nhiệm vụ theo {label} của {directive.issuer}".strip()
    return Report(
        kind="tasks",
        title="BÁO CÁO",
        subtitle=subtitle,
        columns=numbered_columns(TASK.view(REPORT)),  # domain/schema/records.py
        sections=[section],
        intro=directive.subject,
        landscape=True,
    )
