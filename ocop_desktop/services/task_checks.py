"""What a directive, a task and a status change are checked for before anything is written."""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeVar

from sqlalchemy.orm import object_session

from ocop_desktop.domain.enums import TaskStatus
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.domain.schema import DIRECTIVE, TASK, TASK_PROGRESS
from ocop_desktop.domain.text import clean
from ocop_desktop.domain.validation import FieldError, NotFoundError, StaleDataError, ValidationError
from ocop_desktop.persistence.models import Base, Directive, Task
from ocop_desktop.persistence.uow import UnitOfWork
from ocop_desktop.services.record_versions import stale_record
from ocop_desktop.services.task_queries import directive_label, local_day
from ocop_desktop.services.task_types import DirectiveInput, TaskInput

_Row = TypeVar("_Row", bound=Base)


def _most(record_field: int | None) -> int:
    assert record_field is not None  # every text field checked here declares its length
    return record_field


# The longest text each field takes (domain/schema/records.py declares them once).
NUMBER_MAX = _most(DIRECTIVE.field("number").max_chars)
ISSUED_TEXT_MAX = _most(DIRECTIVE.field("issued_text").max_chars)
ISSUER_MAX = _most(DIRECTIVE.field("issuer").max_chars)
ASSIGNEE_MAX = _most(TASK.field("assignee").max_chars)
AUTHOR_MAX = _most(TASK_PROGRESS.field("author").max_chars)


def completion_errors(task: Task, done_on: date, today: date) -> list[FieldError]:
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


def stale_task(row: Task | Directive) -> StaleDataError:
    """The refusal of a save over a task or a directive, naming who changed it since and when (the
    audit log)."""
    session = object_session(row)
    assert session is not None  # loaded in a unit of work
    if isinstance(row, Task):
        what, it = Text(f"Nhiệm vụ «{row.title}»", f"Task «{row.title}»"), Text("nhiệm vụ", "the task")
    else:
        label = directive_label(row)
        what, it = Text(f"Văn bản chỉ đạo «{label}»", f"Directive «{label}»"), Text("văn bản", "the directive")
    return stale_record(
        session,
        row.__tablename__,
        row.id,
        what,
        row.updated_at,
        advice=Text(
            f"Chưa lưu gì; hãy ghi lại những gì bạn vừa sửa, bấm «Làm mới» rồi mở lại {it} để sửa trên bản mới nhất.",
            "Nothing was saved; note down what you have just changed, press «Refresh» and open "
            f"{it.en} again to edit its latest version.",
        ),
        since=Text("sau khi bạn mở nó", "after you opened it"),
    )


def check_version(row: Task | Directive, expected_updated_at: datetime | None) -> None:
    """Refuse a save based on an older task or directive (the stored UPDATE also names the version
    it read, persistence/models/tasks.py, so two saves passing this at once cannot both write)."""
    if expected_updated_at is not None and row.updated_at != expected_updated_at:
        raise stale_task(row)


def load(uow: UnitOfWork, model: type[_Row], record_id: str, what: str) -> _Row:
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


def apply_directive(directive: Directive, data: DirectiveInput) -> None:
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
        record = Text(f"Văn bản {number}", f"Directive {number}") if number else Text("Văn bản chỉ đạo", "Directive")
        raise ValidationError(errors, record=record)
    directive.subject = subject
    directive.issuer = issuer
    directive.number = number
    directive.issued_on = data.issued_on
    # An exact date says it all; the free text is only for letters that give none.
    directive.issued_text = "" if data.issued_on else issued_text
    directive.file_reference = (data.file_reference or "").strip()
    directive.notes = (data.notes or "").strip()


def apply_task(uow: UnitOfWork, task: Task, data: TaskInput) -> None:
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


def status_errors(status: str, note: str) -> tuple[TaskStatus | None, list[FieldError]]:
    """The status ``status`` names (None if none) and why it cannot be set with the result ``note``."""
    try:
        new = TaskStatus(status)
    except ValueError:
        new = None
    errors: list[FieldError] = []
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
    return new, errors


def progress_errors(noted_on: date | None, body: str, who: str) -> list[FieldError]:
    """Why a progress note of ``body`` by ``who`` on ``noted_on`` cannot be kept."""
    errors: list[FieldError] = []
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
    return errors
