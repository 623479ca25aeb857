"""Directives from above and the tasks they assign, with deadlines, status and progress notes."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, case, func, select

from ocop_desktop.domain.enums import TaskStatus
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.domain.text import clean, fold, vn_sort_key
from ocop_desktop.domain.validation import FieldError, NotFoundError, StaleDataError, ValidationError, changed_when
from ocop_desktop.persistence.models import Base, Directive, Task, TaskProgress
from ocop_desktop.persistence.uow import UnitOfWork, UowFactory

_Row = TypeVar("_Row", bound=Base)

OPEN_STATUSES = (TaskStatus.NEW.value, TaskStatus.IN_PROGRESS.value)
OPEN = "open"  # a status filter meaning "not done and not cancelled"
WEEK_DAYS = 7  # "this week": due from today to today + 7 days
DUE_FILTERS = ("overdue", "week", "none")
NUMBER_MAX, ISSUED_TEXT_MAX, ISSUER_MAX, ASSIGNEE_MAX, AUTHOR_MAX = 100, 100, 300, 300, 200


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


def _overdue_clause(today: date) -> ColumnElement[bool]:
    return and_(Task.status.in_(OPEN_STATUSES), Task.due_on.is_not(None), Task.due_on < today)


def _task_columns() -> Select[*tuple[Any, ...]]:
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


def _task_dto(r: Any, today: date) -> TaskDTO:  # a row of _task_columns()
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


class TaskService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def list(self, today: date | None = None) -> list[TaskDTO]:
        """Every task, in the order of their directives and of the letter's own list."""
        return self.query(TaskFilter(), today)

    def query(self, flt: TaskFilter, today: date | None = None) -> builtins.list[TaskDTO]:
        """Tasks matching ``flt``, filtered in SQL except the accent-free search (see below)."""
        today = today or date.today()
        query = _task_columns()
        if flt.directive_id:
            query = query.where(Task.directive_id == flt.directive_id)
        if flt.assignee:
            query = query.where(Task.assignee == flt.assignee)
        if flt.status == OPEN:
            query = query.where(Task.status.in_(OPEN_STATUSES))
        elif flt.status:
            query = query.where(Task.status == flt.status)
        if flt.due == "overdue":
            query = query.where(_overdue_clause(today))
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
        out = [_task_dto(r, today) for r in rows]
        needle = fold(flt.search)
        if needle:
            # Tasks have no folded column (the schema predates this search); an office holds
            # hundreds of tasks, not millions, so folding here stays well under a millisecond each.
            out = [t for t in out if needle in fold(f"{t.title} {t.assignee} {t.description}")]
        return out

    def get(self, task_id: str, today: date | None = None) -> TaskDTO:
        with self._uow() as uow:
            row = uow.session.execute(_task_columns().where(Task.id == task_id)).first()
        if row is None:
            raise NotFoundError(
                Text(
                    f"Không tìm thấy nhiệm vụ có mã {task_id}; hãy tải lại danh sách.",
                    f"No task has the id {task_id}; please reload the list.",
                )
            )
        return _task_dto(row, today or date.today())

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
                func.sum(case((_overdue_clause(today), 1), else_=0)).label("overdue"),
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
                self._directive_dto(d, total or 0, done or 0, overdue or 0)
                for d, total, done, overdue in uow.session.execute(query).all()
            ]

    @staticmethod
    def _directive_dto(d: Directive, total: int = 0, done: int = 0, overdue: int = 0) -> DirectiveDTO:
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
        )

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
            self._apply_directive(directive, data)
            uow.session.add(directive)
            uow.commit()
            return self._directive_dto(directive)

    def update_directive(self, directive_id: str, data: DirectiveInput) -> DirectiveDTO:
        with self._uow() as uow:
            directive = self._load(uow, Directive, directive_id, "văn bản chỉ đạo")
            self._apply_directive(directive, data)
            uow.commit()
        return next(d for d in self.directives() if d.id == directive_id)

    def create_task(self, data: TaskInput, today: date | None = None) -> TaskDTO:
        with self._uow() as uow:
            task = Task(status=TaskStatus.NEW.value)
            self._apply_task(uow, task, data)
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
            task = self._load(uow, Task, task_id, "nhiệm vụ")
            self._check_version(task, expected_updated_at)
            self._apply_task(uow, task, data)
            uow.commit()
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
            task = self._load(uow, Task, task_id, "nhiệm vụ")
            self._check_version(task, expected_updated_at)
            try:
                new = TaskStatus(status)
            except ValueError:
                new = None
            errors = []
            if new is None:
                allowed, allowed_en = (", ".join(s.label_in(lang) for s in TaskStatus) for lang in ("vi", "en"))
                errors.append(
                    FieldError(
                        "status",
                        Text(
                            f"Trạng thái «{status}» không hợp lệ; hãy chọn: {allowed}.",
                            f"«{status}» is not a valid status; choose: {allowed_en}.",
                        ),
                    )
                )
            elif new is TaskStatus.DONE and not note:
                errors.append(
                    FieldError(
                        "result_note",
                        Text(
                            "Chưa ghi kết quả thực hiện. Hãy ghi ngắn gọn kết quả (ví dụ: đã gửi báo cáo số …) "
                            "trước khi chuyển sang «Hoàn thành».",
                            "The result is missing. Write it briefly (for example: report no. … sent) before "
                            "setting the task to «Done».",
                        ),
                    )
                )
            if new is TaskStatus.DONE and completed_on is not None:
                errors += self._completion_errors(task, completed_on, today)
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
            uow.commit()
        return self.get(task_id, today)

    def add_progress(self, task_id: str, noted_on: date | None, text: str, author: str = "") -> ProgressDTO:
        with self._uow() as uow:
            task = self._load(uow, Task, task_id, "nhiệm vụ")
            body = (text or "").strip()
            who = clean(author) or ""
            errors = []
            if noted_on is None:
                errors.append(
                    FieldError(
                        "noted_on",
                        Text(
                            "Chưa nhập ngày ghi tiến độ; hãy nhập theo dạng 05/07/2024.",
                            "The date of the note is missing; type it as 05/07/2024.",
                        ),
                    )
                )
            if not body:
                errors.append(
                    FieldError(
                        "text",
                        Text(
                            "Chưa nhập nội dung tiến độ; hãy ghi việc đã làm được.",
                            "The note is empty; write what has been done.",
                        ),
                    )
                )
            if len(who) > AUTHOR_MAX:
                errors.append(
                    FieldError(
                        "author",
                        Text(
                            f"Tên người ghi dài quá {AUTHOR_MAX} ký tự; hãy rút gọn.",
                            f"The author's name is longer than {AUTHOR_MAX} characters; please shorten it.",
                        ),
                    )
                )
            if errors:
                raise ValidationError(
                    errors, record=Text(f"Tiến độ của nhiệm vụ «{task.title}»", f"Progress of task «{task.title}»")
                )
            entry = TaskProgress(task_id=task.id, noted_on=noted_on, text=body, author=who)
            uow.session.add(entry)
            uow.commit()
            return ProgressDTO(entry.id, task.id, entry.noted_on, entry.text, entry.author)

    @staticmethod
    def _completion_errors(task: Task, done_on: date, today: date) -> builtins.list[FieldError]:
        shown = format_vn_date(done_on)
        if done_on > today:
            return [
                FieldError(
                    "completed_on",
                    Text(
                        f"Ngày hoàn thành {shown} sau hôm nay ({format_vn_date(today)}); "
                        "hãy nhập ngày đã làm xong, không muộn hơn hôm nay.",
                        f"The completion date {shown} is after today ({format_vn_date(today)}); "
                        "type the day it was done, no later than today.",
                    ),
                )
            ]
        created = local_day(task.created_at)
        # A creation day after "today" means the computer's clock was moved back; the creation
        # day cannot be trusted as a floor then, so only the future is refused.
        if created is not None and created <= today and done_on < created:
            return [
                FieldError(
                    "completed_on",
                    Text(
                        f"Ngày hoàn thành {shown} trước ngày giao nhiệm vụ ({format_vn_date(created)}); hãy nhập từ ngày "
                        f"{format_vn_date(created)} trở đi.",
                        f"The completion date {shown} is before the task was assigned ({format_vn_date(created)}); "
                        f"type {format_vn_date(created)} or later.",
                    ),
                )
            ]
        return []

    @staticmethod
    def _check_version(task: Task, expected_updated_at: datetime | None) -> None:
        if expected_updated_at is not None and task.updated_at != expected_updated_at:
            when = changed_when(task.updated_at)
            raise StaleDataError(
                [
                    Text(
                        f"Nhiệm vụ «{task.title}» đã được sửa ở nơi khác {when}, sau khi bạn mở nó",
                        f"Task «{task.title}» was changed elsewhere {when.en}, after you opened it",
                    )
                ],
                advice=Text(
                    "Chưa lưu gì; hãy ghi lại những gì bạn vừa sửa, bấm «Làm mới» rồi mở lại nhiệm vụ "
                    "để sửa trên bản mới nhất.",
                    "Nothing was saved; note down what you have just changed, press «Refresh» and open "
                    "the task again to edit its latest version.",
                ),
            )

    @staticmethod
    def _load(uow: UnitOfWork, model: type[_Row], record_id: str, what: str) -> _Row:
        row = uow.session.get(model, record_id) if record_id else None
        if row is None:
            what_en = {"nhiệm vụ": "task", "văn bản chỉ đạo": "directive"}.get(what, what)
            raise NotFoundError(
                Text(
                    f"Không tìm thấy {what} có mã {record_id}; hãy tải lại danh sách.",
                    f"No {what_en} has the id {record_id}; please reload the list.",
                )
            )
        return row

    @staticmethod
    def _apply_directive(directive: Directive, data: DirectiveInput) -> None:
        subject = clean(data.subject) or ""
        issuer = clean(data.issuer) or ""
        number = clean(data.number) or ""
        issued_text = clean(data.issued_text) or ""
        errors = []
        if not subject:
            errors.append(
                FieldError(
                    "subject",
                    Text("Chưa nhập trích yếu (nội dung) của văn bản.", "The subject of the directive is missing."),
                )
            )
        if not issuer:
            errors.append(
                FieldError(
                    "issuer",
                    Text(
                        "Chưa nhập cơ quan ban hành, ví dụ «UBND huyện Mường Ảng».",
                        "The issuing body is missing, for example «UBND huyện Mường Ảng».",
                    ),
                )
            )
        elif len(issuer) > ISSUER_MAX:
            errors.append(
                FieldError(
                    "issuer",
                    Text(
                        f"Tên cơ quan ban hành dài quá {ISSUER_MAX} ký tự; hãy rút gọn.",
                        f"The issuing body is longer than {ISSUER_MAX} characters; please shorten it.",
                    ),
                )
            )
        if len(number) > NUMBER_MAX:
            errors.append(
                FieldError(
                    "number",
                    Text(
                        f"Số văn bản dài quá {NUMBER_MAX} ký tự; hãy rút gọn.",
                        f"The directive number is longer than {NUMBER_MAX} characters; please shorten it.",
                    ),
                )
            )
        if len(issued_text) > ISSUED_TEXT_MAX:
            errors.append(
                FieldError(
                    "issued_text",
                    Text(
                        f"Thời gian ban hành dài quá {ISSUED_TEXT_MAX} ký tự; hãy rút gọn.",
                        f"The time of issue is longer than {ISSUED_TEXT_MAX} characters; please shorten it.",
                    ),
                )
            )
        if errors:
            record = (
                Text(f"Văn bản {number}", f"Directive {number}") if number else Text("Văn bản chỉ đạo", "Directive")
            )
            raise ValidationError(errors, record=record)
        directive.subject = subject
        directive.issuer = issuer
        directive.number = number
        directive.issued_on = data.issued_on
        # An exact date says it all; the free text is only for letters that give none.
        directive.issued_text = "" if data.issued_on else issued_text
        directive.file_reference = (data.file_reference or "").strip()
        directive.notes = (data.notes or "").strip()

    @staticmethod
    def _apply_task(uow: UnitOfWork, task: Task, data: TaskInput) -> None:
        assignee = clean(data.assignee) or ""
        title = clean(data.title) or ""
        errors = []
        if not assignee:
            errors.append(
                FieldError(
                    "assignee",
                    Text(
                        "Chưa nhập nơi/người thực hiện; hãy ghi rõ, ví dụ «UBND các xã, thị trấn».",
                        "Who carries the task out is missing; write it, for example «UBND các xã, thị trấn».",
                    ),
                )
            )
        elif len(assignee) > ASSIGNEE_MAX:
            errors.append(
                FieldError(
                    "assignee",
                    Text(
                        f"Nơi thực hiện dài quá {ASSIGNEE_MAX} ký tự; hãy rút gọn.",
                        f"The assignee is longer than {ASSIGNEE_MAX} characters; please shorten it.",
                    ),
                )
            )
        if not title:
            errors.append(FieldError("title", Text("Chưa nhập tên nhiệm vụ.", "The task title is missing.")))
        directive = None
        if data.directive_id:
            directive = uow.session.get(Directive, data.directive_id)
            if directive is None:
                errors.append(
                    FieldError(
                        "directive_id",
                        Text(
                            "Văn bản đã chọn không còn trong danh sách; chọn lại.",
                            "The chosen directive is no longer in the list; choose again.",
                        ),
                    )
                )
        if directive is not None and directive.issued_on and data.due_on and data.due_on < directive.issued_on:
            due, issued = format_vn_date(data.due_on), format_vn_date(directive.issued_on)
            errors.append(
                FieldError(
                    "due_on",
                    Text(
                        f"Hạn {due} trước ngày ban hành văn bản ({issued}); hãy kiểm tra lại hạn.",
                        f"The deadline {due} is before the directive was issued ({issued}); please check the deadline.",
                    ),
                )
            )
        if errors:
            raise ValidationError(
                errors, record=Text(f"Nhiệm vụ «{title or '(chưa có tên)'}»", f"Task «{title or '(no title yet)'}»")
            )
        task.assignee = assignee
        task.title = title
        task.directive_id = data.directive_id or None
        task.description = (data.description or "").strip()
        task.due_on = data.due_on
