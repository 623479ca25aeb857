"""`ocop directives add|list` and `ocop tasks add|done`: a new office's letters and tasks from the terminal."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from pathlib import Path

from ocop_desktop.commands.common import Refused, emit_rows, one_place, open_db
from ocop_desktop.domain.enums import TaskStatus
from ocop_desktop.domain.numbers import DateError, format_vn_date, parse_vn_date
from ocop_desktop.domain.schema import DIRECTIVE, TASK, TERMINAL
from ocop_desktop.domain.text import fold
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.task_types import DirectiveDTO, DirectiveInput, TaskDTO, TaskInput
from ocop_desktop.services.tasks import TaskService

DIRECTIVE_COLUMNS = DIRECTIVE.view_keys(TERMINAL)  # domain/schema/records.py
TASK_COLUMNS = TASK.view_keys(TERMINAL)


def _day(text: str | None, label: str) -> date | None:
    if not text:
        return None
    try:
        return parse_vn_date(text)
    except DateError as exc:
        raise Refused(f"«{label}»: {exc}") from None


def find_directive(directives: list[DirectiveDTO], text: str) -> DirectiveDTO:
    """A directive by its id, the start of its id, or its number («125/UBND-KT», any case)."""
    text = text.strip()
    found = [d for d in directives if d.id == text]
    found = found or [d for d in directives if fold(d.number) == fold(text) and d.number]
    found = found or ([d for d in directives if d.id.startswith(text)] if len(text) >= 6 else [])
    if len(found) == 1:
        return found[0]
    if not found:
        raise Refused(f"Không tìm thấy văn bản «{text}»; «ocop directives list» liệt kê số và mã các văn bản.")
    raise Refused(
        f"«{text}» ứng với {len(found)} văn bản: "
        + "; ".join(f"{d.label} [{d.id}]" for d in found)
        + ". Hãy ghi mã trong ngoặc vuông."
    )


def find_task(tasks: list[TaskDTO], text: str) -> TaskDTO:
    """A task by its id or the start of it (at least 6 characters, as `ocop tasks list` prints it)."""
    text = text.strip()
    found = [t for t in tasks if t.id == text] or (
        [t for t in tasks if t.id.startswith(text)] if len(text) >= 6 else []
    )
    if len(found) == 1:
        return found[0]
    if not found:
        raise Refused(f"Không tìm thấy nhiệm vụ có mã «{text}»; «ocop tasks list» liệt kê mã các nhiệm vụ.")
    raise Refused(
        f"Mã «{text}» ứng với {len(found)} nhiệm vụ: "
        + "; ".join(f"{t.title} [{t.id}]" for t in found)
        + ". Hãy ghi đủ mã."
    )


def cmd_directives_add(args) -> int:
    attached = ""
    if args.file:
        path = Path(args.file).expanduser()
        if not path.is_file():
            raise Refused(f"«Tệp văn bản»: không có tệp {path}; hãy kiểm tra đường dẫn (hoặc bỏ --file).")
        attached = str(path.resolve())  # a relative path would mean nothing when opened later
    data = DirectiveInput(
        subject=args.subject,
        issuer=args.issuer,
        number=args.number or "",
        issued_on=_day(args.date, "Ngày ban hành"),
        issued_text=args.date_text or "",
        file_reference=attached,
        notes=args.notes or "",
    )
    db, make_uow = open_db(args)
    try:
        saved = TaskService(make_uow).create_directive(data)
    finally:
        db.close()
    print(f"Đã ghi văn bản: {saved.label} — {saved.subject} (mã {saved.id}).")
    if saved.file_reference:
        print(f"Tệp văn bản: {saved.file_reference}")
    return 0


def cmd_directives_list(args) -> int:
    db, make_uow = open_db(args, write=False)
    try:
        rows = [asdict(d) for d in TaskService(make_uow).directives()]
    finally:
        db.close()
    emit_rows(rows, args.format, DIRECTIVE_COLUMNS)
    return 0


def cmd_tasks_add(args) -> int:
    db, make_uow = open_db(args)
    try:
        service = TaskService(make_uow)
        directive = find_directive(service.directives(), args.directive) if args.directive else None
        assignee = args.assignee or ""
        if args.assignee_unit:
            assignee = one_place(PlaceService(make_uow).all(), args.assignee_unit, date.today()).name
        task = service.create_task(
            TaskInput(
                assignee=assignee,
                title=args.title,
                directive_id=directive.id if directive else None,
                description=args.description or "",
                due_on=_day(args.due, "Hạn"),
            )
        )
    finally:
        db.close()
    due = f", hạn {format_vn_date(task.due_on)}" if task.due_on else ""
    print(f"Đã giao nhiệm vụ «{task.title}» cho {task.assignee}{due} (mã {task.id}).")
    return 0


def cmd_tasks_done(args) -> int:
    db, make_uow = open_db(args)
    try:
        service = TaskService(make_uow)
        task = find_task(service.list(), args.task)
        done = service.set_status(
            task.id,
            TaskStatus.DONE.value,
            args.result or "",
            completed_on=_day(args.on, "Ngày hoàn thành"),
            expected_updated_at=task.updated_at,
        )
    finally:
        db.close()
    print(f"Đã ghi hoàn thành nhiệm vụ «{done.title}» ngày {format_vn_date(done.completed_on)}: {done.result_note}")
    return 0


def register(sub, command) -> None:
    """Add `ocop directives …`; `command(name, help, func, parent=…)` makes one subcommand."""
    directives = sub.add_parser(
        "directives", help="văn bản chỉ đạo đơn vị nhận được", description="văn bản chỉ đạo đơn vị nhận được"
    )
    directives.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="tệp cơ sở dữ liệu")
    group = directives.add_subparsers(dest="action", required=True, metavar="THAO_TÁC")
    p = command("add", "ghi một văn bản nhận được", cmd_directives_add, parent=group)
    p.add_argument("--number", metavar="SỐ", help="số văn bản, ví dụ 125/UBND-KT")
    p.add_argument("--date", metavar="NGÀY", help="ngày ban hành, dd/mm/yyyy hoặc yyyy-mm-dd")
    p.add_argument("--date-text", metavar="THỜI_GIAN", help="khi văn bản không ghi ngày, ví dụ «tháng 6 năm 2024»")
    p.add_argument("--issuer", required=True, metavar="CƠ_QUAN", help="cơ quan ban hành")
    p.add_argument("--subject", required=True, metavar="TRÍCH_YẾU", help="trích yếu nội dung")
    p.add_argument("--file", metavar="TỆP", help="tệp văn bản đính kèm (PDF, ảnh chụp …)")
    p.add_argument("--notes", metavar="GHI_CHÚ")
    p = command("list", "liệt kê các văn bản", cmd_directives_list, parent=group)
    p.add_argument("--format", choices=("json", "csv"), default="json", help="định dạng đầu ra")


def register_task_actions(group, command) -> None:
    """Add `ocop tasks add` and `ocop tasks done` beside `ocop tasks list`."""
    p = command("add", "giao một nhiệm vụ", cmd_tasks_add, parent=group)
    p.add_argument("--title", required=True, metavar="TÊN", help="tên nhiệm vụ")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--assignee", metavar="NƠI_THỰC_HIỆN", help="nơi/người thực hiện, ví dụ «UBND các xã»")
    who.add_argument("--assignee-unit", metavar="MÃ", help="đơn vị thực hiện: mã ĐVHC, mã tham chiếu hoặc tên")
    p.add_argument("--directive", metavar="SỐ_HOẶC_MÃ", help="văn bản giao nhiệm vụ (số hoặc mã)")
    p.add_argument("--due", metavar="NGÀY", help="hạn hoàn thành")
    p.add_argument("--description", metavar="NỘI_DUNG")
    p = command("done", "ghi nhiệm vụ đã hoàn thành", cmd_tasks_done, parent=group)
    p.add_argument("task", metavar="MÃ", help="mã nhiệm vụ (xem: ocop tasks list)")
    p.add_argument("--result", required=True, metavar="KẾT_QUẢ", help="kết quả thực hiện, ví dụ «đã gửi báo cáo số …»")
    p.add_argument("--on", metavar="NGÀY", help="ngày hoàn thành (mặc định: hôm nay)")
