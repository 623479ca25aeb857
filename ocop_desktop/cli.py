"""The `ocop` command: the application's services from a terminal, without Qt."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from dataclasses import asdict

from ocop_desktop import __version__, cli_messages
from ocop_desktop.commands.common import (
    Refused,
    command_name,
    db_file,
    emit_rows,
    failure_text,
    one_place,
    open_db,
    output_file,
    release_locks,
    resolve_campaign,
    resolve_unit,
    server_location,
)
from ocop_desktop.domain.limits import entity_label  # tables named as people call them
from ocop_desktop.domain.schema import PRODUCT, SURVEY_ENTRY, TASK, TERMINAL
from ocop_desktop.domain.text import strip_controls
from ocop_desktop.domain.validation import NotFoundError, ValidationError
from ocop_desktop.instance_lock import DatabaseInUse
from ocop_desktop.logging_setup import CLI_LOG, setup_logging
from ocop_desktop.paths import default_db_path
from ocop_desktop.persistence.migrate import SchemaError
from ocop_desktop.persistence.snapshot import UnfinishedOnReadOnlyMedia

# What each command module registers: a run loads only the module of its own command (the
# services of packages, evaluations, reports… take longer to import than `products list` runs).
# tests/cli/test_cli_imports.py checks this table against what the modules register.
COMMAND_MODULES = {
    "package": "exchange",
    "import": "exchange",
    "scorecards": "evaluation",
    "evaluate": "evaluation",
    "evaluations": "evaluation",
    "backup": "safety",
    "restore": "safety",
    "audit": "safety",
    "campaigns": "campaigns",
    "directives": "tasks",
    "places": "places",
    "senders": "senders",
    "verify": "verify",
    "trace": "logbooks",
    "logbook": "logbooks",
    "activities": "activities",
    "pipeline": "pipeline",
    "dossier": "pipeline",
    "users": "users",
    "server": "server",
}
MODULE_ORDER = (
    "exchange",
    "evaluation",
    "safety",
    "campaigns",
    "tasks",
    "places",
    "senders",
    "verify",
    "activities",
    "logbooks",
    "pipeline",
    "users",
    "server",
)
BUILT_IN = ("office", "init", "check", "report", "products", "tasks", "surveys")

PRODUCT_COLUMNS = tuple(f.listed_as for f in PRODUCT.view(TERMINAL))  # domain/schema/records.py
TASK_COLUMNS = TASK.view_keys(TERMINAL)  # domain/schema/records.py
SURVEY_COLUMNS = ("id", "campaign", "unit", *SURVEY_ENTRY.keys)  # the listed fields of domain/schema/survey.py


def cmd_init(args) -> int:
    db, make_uow = open_db(args)
    try:
        m = db.migration
        if m.before is None:
            print(f"Đã tạo cơ sở dữ liệu mới: {db.path} (lược đồ {m.after}).")
        elif m.changed:
            print(f"Đã nâng cấp lược đồ {m.before} → {m.after}; bản sao dữ liệu cũ: {m.backup}.")
        else:
            print(f"Cơ sở dữ liệu {db.path} đã ở lược đồ mới nhất ({m.after}).")
        from ocop_desktop.services.reference import load_reference  # noqa: PLC0415
        from ocop_desktop.services.scorecards import load_shipped_scorecards  # noqa: PLC0415

        ref = load_reference(make_uow)
        for table, count in load_shipped_scorecards(make_uow).added.items():
            ref.added[table] = ref.added.get(table, 0) + count
        if ref.changed:
            added = ", ".join(f"{entity_label(k)}: {v}" for k, v in sorted(ref.added.items())) or "không"
            updated = ", ".join(f"{entity_label(k)}: {v}" for k, v in sorted(ref.updated.items())) or "không"
            print(f"Dữ liệu tham chiếu — thêm mới: {added}; cập nhật: {updated}.")
        else:
            print("Dữ liệu tham chiếu đã đầy đủ, không có thay đổi.")
        if db.url:  # a server: its rules for several people follow this version's
            from ocop_desktop.services import server_roles  # noqa: PLC0415

            with db.engine.begin() as conn:
                if server_roles.bring_up_to_date(conn):
                    print("Đã cập nhật nhóm quyền, quyền trên từng bảng và giới hạn theo đơn vị trên máy chủ.")
        if args.sample:
            from ocop_desktop.services.sample import load_sample  # noqa: PLC0415

            report = load_sample(make_uow, args.sample)
            if report.changed:
                added = ", ".join(f"{entity_label(k)}: {v}" for k, v in sorted(report.added.items()))
                print(f"Đã nạp dữ liệu mẫu «{report.title}» — {added}.")
            else:
                print(f"Dữ liệu mẫu «{args.sample}» đã có sẵn, không có thay đổi.")
            print("Những thông tin công văn không nêu (để trống, cần bổ sung):")
            for line in report.missing:
                print(f"  - {line}")
    finally:
        db.close()
    return 0


def cmd_products_list(args) -> int:
    from ocop_desktop.services.labels import listed_rows  # noqa: PLC0415
    from ocop_desktop.services.products import ProductService  # noqa: PLC0415

    db, make_uow = open_db(args, write=False)
    try:
        incomplete = getattr(args, "label_incomplete", False)  # «nhãn chưa đạt»
        found = ProductService(make_uow).list(search=args.search, label_incomplete=incomplete)
    finally:
        db.close()
    emit_rows(listed_rows(found), args.format, PRODUCT_COLUMNS)
    return 0


def cmd_tasks_list(args) -> int:
    from ocop_desktop.services.tasks import TaskService  # noqa: PLC0415

    db, make_uow = open_db(args, write=False)
    try:
        rows = [asdict(t) for t in TaskService(make_uow).list()]
    finally:
        db.close()
    emit_rows(rows, args.format, TASK_COLUMNS)
    return 0


def cmd_surveys_list(args) -> int:
    from ocop_desktop.services.surveys import SurveyService  # noqa: PLC0415

    db, make_uow = open_db(args, write=False)
    try:
        campaign = resolve_campaign(make_uow, args.campaign).id if args.campaign else None
        rows = [asdict(e) for e in SurveyService(make_uow).entries(campaign)]
    finally:
        db.close()
    emit_rows(rows, args.format, SURVEY_COLUMNS)
    return 0


def cmd_report(args) -> int:
    from ocop_desktop.services.reports import ReportRequest, ReportService  # noqa: PLC0415

    output = output_file(args.output)
    day = _document_date(args.date) if args.date else None
    # A number or recipients given here are this document's and remembered for its kind.
    remember = args.number is not None or args.recipient is not None
    db, make_uow = open_db(args, write=remember)
    try:
        from datetime import date  # noqa: PLC0415

        from ocop_desktop.domain.enums import COMMUNE_KINDS  # noqa: PLC0415

        campaign = resolve_campaign(make_uow, args.campaign).id if args.campaign else None
        # A unit named as of the document's date (a 2025 commune often reuses an old one's code),
        # a commune rather than a district of the same name.
        unit = resolve_unit(make_uow, args.unit, on=day or date.today(), kinds=COMMUNE_KINDS).id if args.unit else None
        if remember:
            from ocop_desktop.services.report_settings import save_kind_values  # noqa: PLC0415

            save_kind_values(
                make_uow,
                args.kind,
                number=args.number,
                recipients=None if args.recipient is None else "\n".join(args.recipient),
            )
        request = ReportRequest(
            kind=args.kind,
            campaign_id=campaign,
            unit_id=unit,
            months=args.months,
            directive_id=args.directive,
            today=day,
            year=args.year,
        )
        service = ReportService(make_uow)
        path = service.export(request, args.format, output)
        remarks = service.remarks(request)
    finally:
        db.close()
    print(f"Đã ghi báo cáo {args.kind} ra {path}.")
    for line in remarks:  # about the reference data, not the document: never printed on it
        print(f"Lưu ý (không in trên văn bản): {line}", file=sys.stderr)
    return 0


def _document_date(text: str):
    from datetime import datetime  # noqa: PLC0415

    try:
        return datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        raise Refused(f"Ngày văn bản «{text}» không đúng dạng ngày/tháng/năm; hãy ghi ví dụ 02/12/2026.") from None


def _office_kind(text: str) -> str:
    """An office kind by key («ubnd») or label, accents optional («so nong nghiep va moi truong»)."""
    from ocop_desktop.domain.text import fold  # noqa: PLC0415
    from ocop_desktop.services.settings import OFFICE_KINDS  # noqa: PLC0415

    for kind in OFFICE_KINDS:
        if fold(text) in (kind.key, fold(kind.label)):
            return kind.key
    known = "; ".join(f"{k.key} ({k.label})" for k in OFFICE_KINDS)
    raise Refused(f"Loại cơ quan «{text}» không có; hãy ghi một trong: {known}.")


def cmd_office(args) -> int:
    from datetime import date  # noqa: PLC0415

    from ocop_desktop.exports.signing import short_fingerprint  # noqa: PLC0415
    from ocop_desktop.services.office_key import existing_office_key, office_key  # noqa: PLC0415
    from ocop_desktop.services.places import PlaceService  # noqa: PLC0415
    from ocop_desktop.services.report_settings import read_report_settings  # noqa: PLC0415
    from ocop_desktop.services.settings import KIND_BY_KEY, office_settings, printed_name, save_office_settings  # noqa: PLC0415

    db, make_uow = open_db(args, write=args.action == "set")
    try:
        if args.action == "set":
            kind = _office_kind(args.kind) if args.kind else None
            places = PlaceService(make_uow).all()
            # The one resolver: a name used before and after the 2025 reform means the unit in force.
            unit = one_place(places, args.unit, on=date.today())
            printed = args.office_name
            if printed is None and kind is not None:
                # The name as a header prints it, guessed as the set-up dialog does; --office-name overrides.
                by_id = {p.id: p for p in places}
                top = unit
                while top.parent_id and top.parent_id in by_id:
                    top = by_id[top.parent_id]
                printed = printed_name(kind, unit.name, top.name)
            saved = save_office_settings(make_uow, unit.id, args.name, args.title or "", kind, printed)
            office_key(make_uow)  # the office's signing key pair is made at set-up
        else:
            saved = office_settings(make_uow)
        report = read_report_settings(make_uow, kinds=False) if saved.complete else None
        issued = _issued_today(make_uow) if saved.complete else ""
        key = existing_office_key(make_uow)
    finally:
        db.close()
    if not saved.complete or report is None:
        print(
            'Chưa thiết lập đơn vị. Dùng: ocop office set --unit MÃ --name "Họ tên" [--title "Chức vụ"] '
            '[--kind LOẠI] [--office-name "TÊN IN TRÊN VĂN BẢN"]'
        )
        return 0
    title = f", {saved.user_title}" if saved.user_title else ""
    print(f"Đơn vị: {saved.office_name}; người sử dụng: {saved.user_name}{title}.")
    kind_label = KIND_BY_KEY[saved.office_kind].label if saved.office_kind in KIND_BY_KEY else "chưa chọn"
    print(f"Loại cơ quan: {kind_label}; tên in trên văn bản: {report.body or 'chưa có'}.")
    signer = " / ".join(line for line in (report.signer_authority, report.signer_deputy, report.signer_title) if line)
    print(f"Ký tên mặc định: {signer or 'chưa có'}.")
    print(issued)
    if key is not None:
        print(
            f"Dấu vân tay khóa ký của đơn vị: {short_fingerprint(key.fingerprint)} (nơi nhận gói đối chiếu dấu vân "
            "tay này khi nhận gói đầu tiên)."
        )
    return 0


def _issued_today(make_uow) -> str:
    """Who a report dated today is issued by, or why none can be: a unit ended in 2025 says so here."""
    from datetime import date  # noqa: PLC0415

    from ocop_desktop.services.documents import DocumentService  # noqa: PLC0415

    today = date.today()
    try:
        header = DocumentService(make_uow).header("survey", today)
    except ValidationError as exc:
        return f"Cảnh báo: {'; '.join(e.message for e in exc.errors)}."
    body = " / ".join(x for x in (header.parent_body, header.body) if x) or "chưa có"
    return f"Báo cáo đề ngày {today:%d/%m/%Y} ban hành dưới tên: {body}; nơi nhận: {'; '.join(header.recipients)}."


def cmd_check(args) -> int:
    from ocop_desktop.services.health import check_database  # noqa: PLC0415

    report = check_database(server_location(args) or db_file(args))  # a server: what can be checked there
    for fact in report.facts:
        print(f"✓ {fact}")
    for problem in report.problems:
        print(f"✗ {problem}", file=sys.stderr)
    if report.healthy:
        print(f"Dữ liệu {report.path} lành mạnh{' (tệp chỉ đọc)' if report.read_only else ''}.")
        return 0
    print(f"Dữ liệu {report.path} có vấn đề (xem trên).", file=sys.stderr)
    return 1


def _db_option(parser: argparse.ArgumentParser, default=None) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="tệp cơ sở dữ liệu, hoặc máy chủ postgresql://người_dùng@máy:cổng/tên_csdl "
        "(mặc định: biến OCOP_DB hoặc thư mục dữ liệu người dùng)",
    )


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("json", "csv"), default="json", help="định dạng đầu ra")


def command_word(argv: Sequence[str]) -> str | None:
    """The command a run names (``ocop --db F products list`` → products); None for help or version."""
    words = iter(argv)
    for word in words:
        if word == "--db":
            next(words, None)
        elif word in ("-h", "--help", "--version"):
            return None
        elif not word.startswith("-"):
            return word
    return None


def build_parser(word: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with ``word`` (a known command) only that command's part, so a run
    imports only its own module. An unknown word gets the whole parser and argparse's message."""
    known = word in COMMAND_MODULES or word in BUILT_IN

    def wanted(name: str) -> bool:
        return not known or name == word

    parser = argparse.ArgumentParser(prog="ocop", description="OCOP Desktop từ dòng lệnh.")
    parser.add_argument("--version", action="version", version=f"OCOP Desktop {__version__}")
    _db_option(parser)
    sub = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")

    def command(name: str, help_: str, func, parent=sub) -> argparse.ArgumentParser:
        p = parent.add_parser(name, help=help_, description=help_)
        _db_option(p, default=argparse.SUPPRESS)  # also accepted after the command
        p.set_defaults(func=func, command_name=p.prog)  # «ocop import survey», named in the writer lock
        return p

    if wanted("office"):
        _office_parser(sub, command)
    if wanted("init"):
        from ocop_desktop.services.sample import SAMPLES  # noqa: PLC0415

        p = command("init", "tạo hoặc nâng cấp cơ sở dữ liệu, nạp dữ liệu tham chiếu", cmd_init)
        p.add_argument("--sample", choices=SAMPLES, help="nạp thêm bộ dữ liệu mẫu")
    if wanted("check"):
        command("check", "kiểm tra tính toàn vẹn và phiên bản của dữ liệu", cmd_check)
    if wanted("report"):
        _report_parser(command)

    from importlib import import_module  # noqa: PLC0415

    for module in MODULE_ORDER:
        if not known or COMMAND_MODULES.get(word or "") == module:
            import_module(f"ocop_desktop.commands.{module}").register(sub, command)

    for name, help_, func in (
        ("products", "sản phẩm OCOP", cmd_products_list),
        ("tasks", "nhiệm vụ theo văn bản chỉ đạo", cmd_tasks_list),
        ("surveys", "kết quả rà soát sản phẩm", cmd_surveys_list),
    ):
        if not wanted(name):
            continue
        group_parser = sub.add_parser(name, help=help_, description=help_)
        _db_option(group_parser, default=argparse.SUPPRESS)
        group = group_parser.add_subparsers(dest="action", required=True, metavar="THAO_TÁC")
        p = command("list", f"liệt kê {help_}", func, parent=group)
        _format_option(p)
        if name == "products":
            p.add_argument("--search", help="tìm theo tên sản phẩm hoặc tên chủ thể, không phân biệt dấu và chữ hoa")
            p.add_argument(
                "--label-incomplete",
                action="store_true",
                help="chỉ sản phẩm có nhãn, mã vạch, truy xuất nguồn gốc hoặc nhãn hiệu chưa đạt («nhãn chưa đạt»)",
            )
            from ocop_desktop.commands import products as product_commands  # noqa: PLC0415

            product_commands.register_product_actions(group, command)
        if name == "tasks":
            from ocop_desktop.commands import tasks as task_commands  # noqa: PLC0415

            task_commands.register_task_actions(group, command)
        if name == "surveys":
            p.add_argument("--campaign", type=int, metavar="NĂM", help="năm của đợt rà soát")
    return parser


def _office_parser(sub, command) -> None:
    office = sub.add_parser(
        "office",
        help="đơn vị mà máy này phục vụ và người sử dụng",
        description="đơn vị mà máy này phục vụ và người sử dụng",
    )
    _db_option(office, default=argparse.SUPPRESS)
    office_sub = office.add_subparsers(dest="action", required=True, metavar="THAO_TÁC")
    command("show", "xem thiết lập", cmd_office, parent=office_sub)
    p = command("set", "thiết lập đơn vị và người sử dụng", cmd_office, parent=office_sub)
    p.add_argument("--unit", required=True, metavar="MÃ", help="mã ĐVHC, mã tham chiếu hoặc tên đơn vị")
    p.add_argument("--name", required=True, metavar="HỌ_TÊN", help="họ và tên người sử dụng")
    p.add_argument("--title", metavar="CHỨC_VỤ", help="chức vụ (in ở phần ký tên báo cáo)")
    p.add_argument(
        "--kind",
        metavar="LOẠI",
        help="loại cơ quan: ubnd (UBND xã/phường/đặc khu), so_nnmt (Sở Nông nghiệp và Môi trường), "
        "chi_cuc (Chi cục/phòng thuộc Sở), hoi_dong (Hội đồng đánh giá OCOP cấp tỉnh), khac",
    )
    p.add_argument(
        "--office-name", metavar="TÊN", help="tên cơ quan in trên văn bản (mặc định: đoán theo loại và đơn vị)"
    )


def _report_parser(command) -> None:
    from ocop_desktop.services.reports import KINDS as REPORT_KINDS  # noqa: PLC0415

    p = command("report", "xuất báo cáo ra Excel hoặc PDF theo thể thức văn bản hành chính", cmd_report)
    p.add_argument("kind", choices=REPORT_KINDS, metavar="LOẠI", help="một trong: " + ", ".join(REPORT_KINDS))
    p.add_argument("--format", choices=("xlsx", "pdf"), required=True, help="định dạng tệp")
    p.add_argument("-o", "--output", required=True, metavar="TỆP", help="tệp kết quả")
    p.add_argument("--campaign", type=int, metavar="NĂM", help="năm của đợt rà soát (mặc định: đợt mới nhất)")
    p.add_argument(
        "--unit",
        metavar="ĐƠN_VỊ",
        help="mã ĐVHC, mã tham chiếu hoặc tên đơn vị; một xã, phường từ "
        "01/07/2025 gồm cả các đơn vị cũ nhập vào nó (mặc định: địa bàn của xã, phường đã thiết lập; "
        "cơ quan cấp tỉnh: tất cả)",
    )
    p.add_argument("--months", type=int, default=6, metavar="N", help="số tháng tới (báo cáo expiring)")
    p.add_argument("--directive", metavar="ID", help="mã văn bản chỉ đạo (báo cáo tasks; mặc định: mới nhất)")
    p.add_argument(
        "--year", type=int, metavar="NĂM", help="năm của báo cáo activities (mặc định: năm của ngày văn bản)"
    )
    p.add_argument(
        "--date",
        metavar="NGÀY",
        help="ngày văn bản dd/mm/yyyy (mặc định: hôm nay); đơn vị ban hành là đơn vị có hiệu lực vào ngày đó",
    )
    p.add_argument(
        "--number", metavar="SỐ", help="số và ký hiệu văn bản, ví dụ 12 hoặc 12/BC-UBND (ghi nhớ cho loại báo cáo này)"
    )
    p.add_argument(
        "--recipient",
        action="append",
        metavar="NƠI_NHẬN",
        help="một nơi nhận (lặp lại cho mỗi nơi; ghi nhớ cho loại báo cáo này và đơn vị)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")  # Windows consoles default to a legacy code page
    cli_messages.install()
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(command_word(argv)).parse_args(argv)
    setup_logging(CLI_LOG)  # after parsing: `ocop --help` leaves no trace
    logging.getLogger("ocop_desktop.cli").info("%s", command_name(args))
    try:
        return args.func(args)
    except (
        Refused,
        ValidationError,
        NotFoundError,
        SchemaError,
        _unknown_sample(),
        DatabaseInUse,
        UnfinishedOnReadOnlyMedia,
    ) as exc:
        print(f"Lỗi: {strip_controls(str(exc))}", file=sys.stderr)  # it may quote a name from a package
        return 1
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu (Ctrl+C). Thao tác chưa xong không được lưu.", file=sys.stderr)
        return 130
    except Exception as exc:
        # A full disk, a read-only folder, a damaged file, memory running out, anything else:
        # one Vietnamese sentence and exit 1, never a traceback (OCOP_DEBUG=1 shows it).
        print(failure_text(exc, default_db_path(getattr(args, "db", None))), file=sys.stderr)
        logging.getLogger("ocop_desktop.cli").error("%s failed", command_name(args), exc_info=exc)
        if os.environ.get("OCOP_DEBUG"):
            traceback.print_exc()
        return 1
    finally:
        release_locks()  # normally released with the database already


class _NeverRaised(Exception):
    pass


def _unknown_sample() -> type[Exception]:
    """The sample's error, once `init --sample` has loaded its module (evaluated when one is raised)."""
    sample = sys.modules.get("ocop_desktop.services.sample")
    return sample.UnknownSampleError if sample is not None else _NeverRaised


if __name__ == "__main__":
    sys.exit(main())
