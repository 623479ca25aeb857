"""`ocop package …` (send, receive, undo packages) and `ocop import …` (Excel survey sheets)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from ocop_desktop.commands.common import Refused, emit_rows, open_db, output_file, resolve_campaign, resolve_unit
from ocop_desktop.domain import formatting
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.domain.schema import EXCHANGE_OUTBOX, TERMINAL
from ocop_desktop.domain.text import for_terminal
from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.exports.package import EXTENSION, PackageError
from ocop_desktop.services.backup import backup_before
from ocop_desktop.services.exchange import ConflictsUnresolved, ExchangeService, ImportPreview, Outcome, verify_package
from ocop_desktop.services.exchange.records import BY_NAME
from ocop_desktop.services.survey_import import ImportRefused, SurveyImportService, write_template


def local(moment: datetime | None) -> str:
    """A naive UTC time from the database, shown in this computer's time zone."""
    return formatting.moment(moment, utc=True)


def _db_arg(parser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="tệp cơ sở dữ liệu (mặc định: biến OCOP_DB hoặc thư mục dữ liệu người dùng)",
    )


def cmd_export(args) -> int:
    output = Path(args.output)
    if not output.name.endswith(EXTENSION):
        output = output.with_name(output.name + EXTENSION)
    output = output_file(str(output))  # never a folder or a device the write-then-rename would replace
    db, make_uow = open_db(args)
    try:
        sent = ExchangeService(make_uow).export(
            output, changes_only=args.changes, include_reports=not args.no_reports, note=args.note or ""
        )
    finally:
        db.close()
    what = "những thay đổi từ lần gửi trước" if sent.scope == "changes" else "toàn bộ dữ liệu"
    counts = ", ".join(f"{BY_NAME[k].label if k in BY_NAME else 'bản ghi đã xóa'}: {v}" for k, v in sent.counts.items())
    print(f"Đã tạo gói {output} ({what}; {counts or 'không có bản ghi nào'}).")
    print(f"Mã gói: {sent.package_id}; SHA-256 của tệp: {sent.sha256}.")
    return 0


def _print_preview(preview: ImportPreview) -> None:
    # Everything from a package goes through for_terminal: a name holding ESC sequences or
    # bidi overrides must not recolour, move or reorder what the officer reads.
    t = for_terminal
    p = preview.package
    print(
        f"Gói {t(p.file_name)}: {t(p.sender_unit or 'không rõ đơn vị')}, {t(p.sender_user or 'không rõ người gửi')}"
        f", tạo lúc {local(p.created_at)} ({'thay đổi' if p.scope == 'changes' else 'toàn bộ'}; "
        f"mã {t(p.package_id)})."
    )
    sender = preview.sender
    if sender is not None:
        state = {
            "trusted": "đơn vị đã tin cậy",
            "new": "GÓI ĐẦU TIÊN của đơn vị này: hãy đối chiếu dấu vân tay với "
            "đơn vị gửi rồi nhập với --trust (hoặc «ocop senders trust»)",
        }.get(sender.state, sender.state)
        print(f"  Ký số bởi {t(sender.office)}, dấu vân tay {sender.words} — {state}.")
    if preview.already_imported_at is not None:
        return
    print("  " + "; ".join(f"{o.label}: {preview.counts.get(o.value, 0)}" for o in Outcome))
    for change in preview.changes:
        head = f"  [{change.outcome.label}] {change.entity_label} «{t(change.title)}»"
        print(head + (f" — {t(change.reason)}" if change.reason and change.outcome is not Outcome.CONFLICT else ""))
        if change.outcome is Outcome.CONFLICT:
            if change.deleted_there:
                print("      đã bị xóa ở nơi gửi nhưng đã sửa ở đây")
            for diff in change.fields:
                print(f"      {diff.label}: ở đây «{t(diff.here)}» | trong gói «{t(diff.there)}»")
    for warning in preview.warnings:
        print(f"  Lưu ý: {t(warning)}")


def cmd_import(args) -> int:
    for path in args.files:  # every check that needs no database, before it is opened
        try:
            verify_package(Path(path))
        except PackageError as exc:
            raise Refused(for_terminal(exc)) from None
    failed = 0
    db, make_uow = open_db(args)
    try:
        service = ExchangeService(make_uow)
        for path in args.files:
            try:
                result = service.import_package(
                    Path(path), prefer=args.prefer, dry_run=args.dry_run, trust_sender=args.trust
                )
            except ConflictsUnresolved as exc:
                _print_preview(service.preview(Path(path)))
                print(f"Lỗi: {for_terminal(exc.record)}.", file=sys.stderr)
                failed += 1
                continue
            except (PackageError, ValidationError) as exc:
                print(f"Lỗi: {for_terminal(Path(path).name)}: {for_terminal(exc)}", file=sys.stderr)
                failed += 1
                continue
            _print_preview(result.preview)
            if result.preview.already_imported_at is not None:
                print(f"  Gói này đã được nhập lúc {local(result.preview.already_imported_at)}; không có gì thay đổi.")
            elif not result.applied:
                print("  Chạy thử (--dry-run): chưa thay đổi gì.")
            else:
                c = result.counts
                print(
                    f"  Đã nhập: thêm {c['new']}, cập nhật {c['updated']}, xóa {c['deleted']}, giữ bản ở đây "
                    f"{c['kept'] + c['conflicts_here']}. Hoàn tác bằng: ocop package undo {result.preview.package.package_id}"
                )
    finally:
        db.close()
    return 1 if failed else 0


def cmd_undo(args) -> int:
    db, make_uow = open_db(args)
    try:
        done = ExchangeService(make_uow).undo(args.package_id)
    finally:
        db.close()
    print(
        f"Đã hoàn tác gói {done.package_id}: xóa {done.deleted} bản ghi đã thêm, trả lại {done.restored} bản ghi "
        f"đã cập nhật, tạo lại {done.recreated} bản ghi đã xóa."
    )
    return 0


def cmd_outbox(args) -> int:
    db, make_uow = open_db(args, write=False)
    try:
        rows = [
            dict(
                package_id=o.package_id,
                created_at=local(o.created_at),
                actor=o.actor,
                file_name=o.file_name,
                scope=o.scope,
                records=o.total,
                sha256=o.sha256,
            )
            for o in ExchangeService(make_uow).outbox()
        ]
    finally:
        db.close()
    emit_rows(rows, args.format, EXCHANGE_OUTBOX.view_keys(TERMINAL))
    return 0


def cmd_inbox(args) -> int:
    db, make_uow = open_db(args, write=False)
    try:
        rows = [
            dict(
                package_id=i.package_id,
                sender_unit=i.sender_unit,
                sender_user=i.sender_user,
                created_at=local(i.package_created_at),
                imported_at=local(i.imported_at),
                actor=i.actor,
                new=i.counts.get("new", 0),
                updated=i.counts.get("updated", 0),
                conflicts=i.counts.get("conflicts", 0),
                undone_at=local(i.undone_at),
            )
            for i in ExchangeService(make_uow).inbox()
        ]
    finally:
        db.close()
    emit_rows(
        rows,
        args.format,
        (
            "package_id",
            "sender_unit",
            "sender_user",
            "created_at",
            "imported_at",
            "actor",
            "new",
            "updated",
            "conflicts",
            "undone_at",
        ),
    )
    return 0


def cmd_unsent(args) -> int:
    db, make_uow = open_db(args, write=False)
    try:
        unsent = ExchangeService(make_uow).unsent()
    finally:
        db.close()
    since = f"từ lần gửi lúc {local(unsent.since)}" if unsent.since else "(chưa gửi gói nào)"
    if not unsent.total:
        print(f"Không có thay đổi nào chưa gửi {since}.")
    else:
        print(f"Chưa gửi {since}: " + ", ".join(f"{k}: {v}" for k, v in unsent.counts.items()) + ".")
    return 0


def cmd_submissions(args) -> int:
    db, make_uow = open_db(args, write=False)
    try:
        wanted = resolve_campaign(make_uow, args.campaign).year if args.campaign else None
        campaigns = ExchangeService(make_uow).campaign_timeliness()
    finally:
        db.close()
    rows = []
    for c in campaigns:
        if wanted is not None and c.year != wanted:
            continue
        rate = f"{c.on_time_rate:.0%}" if c.on_time_rate is not None else ""
        for u in c.units:
            rows.append(
                dict(
                    year=c.year,
                    deadline=format_vn_date(c.deadline),
                    unit=u.unit,
                    status=u.status_label,
                    submitted_on=format_vn_date(u.submitted_on),
                    on_time="" if u.on_time is None else ("đúng hạn" if u.on_time else "trễ hạn"),
                    received_at=local(u.received_at),
                    on_time_rate=rate,
                )
            )
    emit_rows(
        rows,
        args.format,
        ("year", "deadline", "unit", "status", "submitted_on", "on_time", "received_at", "on_time_rate"),
    )
    return 0


_YES = {"c", "co", "có", "y", "yes", "đồng ý", "dong y"}


def _replace_confirmed(args, deleted: int, units: str) -> bool:
    """--replace deletes rows: said with their number first, then asked (or --yes)."""
    what = f"--replace sẽ xóa {deleted} dòng rà soát hiện có của {units} mà tệp không còn"
    if args.yes:
        print(f"Lưu ý: {what}.")
        return True
    if not sys.stdin or not sys.stdin.isatty():
        raise Refused(
            f"{what}; chưa nhập gì. Chạy lại với --yes để đồng ý (không hỏi được vì lệnh không chạy trong "
            "cửa sổ dòng lệnh), hoặc bỏ --replace để chỉ thêm và cập nhật."
        )
    answer = input(f"{what}. Gõ «có» để đồng ý: ")
    return answer.strip().lower() in _YES


def _terminal_bar():
    """A progress bar redrawn in place on stderr when stderr is a terminal (None otherwise: piped
    output and tests read only the result lines)."""
    stream = sys.stderr
    if stream is None or not stream.isatty():
        return None

    def show(done: int, total: int, text: str) -> None:
        filled = 30 * done // max(total, 1)
        stream.write(f"\r{text}: [{'#' * filled}{'.' * (30 - filled)}] {100 * done // max(total, 1):3d}%")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show


def cmd_import_survey(args) -> int:
    path = Path(args.file)
    bar = _terminal_bar()
    options = dict(valid_only=args.valid_only, replace=args.replace)
    db, make_uow = open_db(args)
    try:
        service = SurveyImportService(make_uow)
        campaign = resolve_campaign(make_uow, args.campaign)
        unit = resolve_unit(make_uow, args.unit, campaign=campaign) if args.unit else None
        # The workbook is read once: the rows checked here are the rows stored below.
        check = service.check(
            path, campaign.id, unit.id if unit else None, include_hidden=args.include_hidden, progress=bar
        )
        for line in check.skipped:
            print(f"Bỏ qua: {line}")
        for warning in check.warnings:
            print(f"Lưu ý: {warning}")
        for problem in check.problems:
            print(problem.message, file=sys.stderr)
        if check.problems and not args.valid_only:
            print(
                f"Lỗi: {len(check.problems)} lỗi ở {check.bad_rows} dòng; chưa nhập dòng nào. Hãy sửa tệp rồi nhập "
                "lại, hoặc thêm --valid-only để chỉ nhập các dòng hợp lệ.",
                file=sys.stderr,
            )
            return 1
        if not args.dry_run and not args.replace:
            plan = None
        else:
            plan = service.apply(check, dry_run=True, **options)
        if args.dry_run:
            print(
                f"Chạy thử: {len(check.rows)} dòng hợp lệ; sẽ thêm {plan.added}, cập nhật {plan.updated}, "
                f"giữ nguyên {plan.unchanged}, xóa {plan.deleted} dòng. Chưa thay đổi gì."
            )
            return 0
        if plan is not None and plan.deleted and not _replace_confirmed(args, plan.deleted, ", ".join(plan.units)):
            print("Đã hủy; dữ liệu không thay đổi.")
            return 1
        if not check.rows:
            print("Không có dòng nào để nhập; dữ liệu không thay đổi.")
            return 0
        copy = backup_before(db.path, "nhập Excel")
        result = service.apply(check, progress=bar, **options)
    except ImportRefused as exc:
        raise Refused(str(exc)) from None
    finally:
        db.close()
    print(
        f"Đã nhập {len(check.rows)} dòng ({result.added} dòng mới, {result.updated} dòng cập nhật, "
        f"{result.unchanged} dòng không đổi{f', xóa {result.deleted} dòng' if result.deleted else ''}) cho: "
        f"{', '.join(result.units) or 'không đơn vị nào'}."
    )
    print(f"Bản sao trước khi nhập: {copy}.")
    if result.operation_id:
        print(f"Hoàn tác bằng: ocop import undo {result.operation_id}")
    return 0


def cmd_import_list(args) -> int:
    db, make_uow = open_db(args, write=False)
    try:
        rows = [
            dict(
                operation_id=i.operation_id,
                file_name=i.file_name,
                imported_at=local(i.at),
                actor=i.actor,
                added=i.added,
                updated=i.updated,
                deleted=i.deleted,
                undone_at=local(i.undone_at),
            )
            for i in SurveyImportService(make_uow).imports()
        ]
    finally:
        db.close()
    emit_rows(
        rows,
        args.format,
        ("operation_id", "file_name", "imported_at", "actor", "added", "updated", "deleted", "undone_at"),
    )
    return 0


def cmd_import_undo(args) -> int:
    db, make_uow = open_db(args)
    try:
        copy = backup_before(db.path, "hoàn tác nhập Excel")
        done = SurveyImportService(make_uow).undo(args.operation_id)
    finally:
        db.close()
    print(
        f"Đã hoàn tác lần nhập Excel {done.package_id}: xóa {done.deleted} dòng đã thêm, trả lại {done.restored} "
        f"dòng đã cập nhật, tạo lại {done.recreated} dòng đã xóa. Bản sao trước khi hoàn tác: {copy}."
    )
    return 0


def cmd_template(args) -> int:
    output = output_file(args.output)
    try:
        write_template(output, args.campaign)
    except ImportRefused as exc:
        raise Refused(str(exc)) from None
    print(f"Đã lưu mẫu Excel rà soát sản phẩm: {output}.")
    return 0


def register(sub, command) -> None:
    """Add this module's subcommands; `command(name, help, func, parent=sub)` makes one."""
    package = sub.add_parser(
        "package", help="gói dữ liệu gửi và nhận giữa các đơn vị", description="gói dữ liệu gửi và nhận giữa các đơn vị"
    )
    _db_arg(package)
    group = package.add_subparsers(dest="action", required=True, metavar="THAO_TÁC")
    p = command("export", "tạo gói dữ liệu để gửi cấp trên (Gửi báo cáo)", cmd_export, parent=group)
    p.add_argument("-o", "--output", required=True, metavar="TỆP", help=f"tệp gói ({EXTENSION})")
    p.add_argument("--changes", action="store_true", help="chỉ những thay đổi từ lần gửi trước")
    p.add_argument("--no-reports", action="store_true", help="không kèm báo cáo Excel và PDF (gói nhỏ hơn)")
    p.add_argument("--note", metavar="GHI_CHÚ", help="ghi chú kèm gói")
    p = command("import", "nhập gói dữ liệu nhận được (Nhận báo cáo)", cmd_import, parent=group)
    p.add_argument("files", nargs="+", metavar="TỆP", help="một hay nhiều tệp gói")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không thay đổi gì")
    p.add_argument(
        "--prefer",
        choices=("here", "there"),
        help="khi có xung đột: giữ bản ở đây (here) hay lấy bản trong gói (there)",
    )
    p.add_argument(
        "--trust",
        action="store_true",
        help="tin cậy đơn vị gửi nếu đây là gói đầu tiên của họ — chỉ sau khi đã đối chiếu dấu vân tay "
        "(xem bằng --dry-run) qua điện thoại hoặc văn bản giấy",
    )
    p = command("undo", "hoàn tác toàn bộ một lần nhập gói", cmd_undo, parent=group)
    p.add_argument("package_id", metavar="MÃ_GÓI")
    for name, help_, func in (
        ("outbox", "các gói đã gửi", cmd_outbox),
        ("inbox", "các gói đã nhận", cmd_inbox),
        ("submissions", "đơn vị đã nộp báo cáo, đúng hạn hay trễ", cmd_submissions),
    ):
        p = command(name, help_, func, parent=group)
        p.add_argument("--format", choices=("json", "csv"), default="json", help="định dạng đầu ra")
        if name == "submissions":
            p.add_argument("--campaign", type=int, metavar="NĂM", help="năm của đợt rà soát")
    command("unsent", "những thay đổi chưa gửi đi", cmd_unsent, parent=group)

    imports = sub.add_parser("import", help="nhập dữ liệu từ tệp Excel", description="nhập dữ liệu từ tệp Excel")
    _db_arg(imports)
    group = imports.add_subparsers(dest="action", required=True, metavar="LOẠI")
    p = command("survey", "nhập kết quả rà soát sản phẩm từ tệp Excel (.xlsx)", cmd_import_survey, parent=group)
    p.add_argument("file", metavar="TỆP.xlsx")
    p.add_argument("--campaign", type=int, required=True, metavar="NĂM", help="năm của đợt rà soát")
    p.add_argument(
        "--unit",
        metavar="MÃ|TÊN",
        help="đơn vị của các dòng không ghi đơn vị: mã ĐVHC, mã tham chiếu hoặc tên (có hoặc không dấu)",
    )
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không nhập")
    p.add_argument("--valid-only", action="store_true", help="chỉ nhập các dòng hợp lệ, bỏ qua dòng có lỗi")
    p.add_argument(
        "--replace",
        action="store_true",
        help="thay toàn bộ danh sách của đơn vị bằng nội dung tệp (cho biết số dòng sẽ xóa và hỏi lại)",
    )
    p.add_argument(
        "--yes", action="store_true", help="đồng ý xóa khi dùng --replace, không hỏi lại (dùng trong tập lệnh)"
    )
    p.add_argument("--include-hidden", action="store_true", help="nhập cả trang và dòng đang ẩn trong tệp")
    p = command("list", "các lần nhập từ Excel (để hoàn tác)", cmd_import_list, parent=group)
    p.add_argument("--format", choices=("json", "csv"), default="json", help="định dạng đầu ra")
    p = command("undo", "hoàn tác toàn bộ một lần nhập từ Excel", cmd_import_undo, parent=group)
    p.add_argument("operation_id", metavar="MÃ_LẦN_NHẬP", help="mã in ra sau khi nhập (xem: ocop import list)")
    templates = command("template", "lưu mẫu Excel trống", lambda a: 2, parent=group)
    kinds = templates.add_subparsers(dest="kind", required=True, metavar="MẪU")
    p = command("survey", "mẫu Excel rà soát sản phẩm", cmd_template, parent=kinds)
    p.add_argument("-o", "--output", required=True, metavar="TỆP.xlsx")
    p.add_argument("--campaign", type=int, metavar="NĂM", help="năm của đợt rà soát (ghi trong hướng dẫn)")
    from ocop_desktop.commands.logbooks import register_imports  # noqa: PLC0415

    register_imports(group, kinds, command)  # `import logbook`, `import template logbook`
