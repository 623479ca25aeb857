"""`ocop pipeline list|move` and `ocop dossier show|set|missing|print`: the candidate pipeline and dossiers from a terminal."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from pathlib import Path

from ocop_desktop.commands.common import Refused, emit_rows, open_db, output_file, resolve_unit
from ocop_desktop.domain.numbers import DateError, format_vn_date, parse_vn_date
from ocop_desktop.domain.pipeline import Stage
from ocop_desktop.domain.schema import CANDIDACY, DOSSIER_ITEM, TERMINAL
from ocop_desktop.services.pipeline_types import DossierItemInput, MoveInput

PIPELINE_COLUMNS = CANDIDACY.view_keys(TERMINAL)  # domain/schema/pipeline.py
DOSSIER_COLUMNS = DOSSIER_ITEM.view_keys(TERMINAL)
COUNT_COLUMNS = ("by", "name", "count")
STAGE_HELP = "; ".join(f"{s.value} ({s.label})" for s in Stage)


def _day(text: str | None, label: str) -> date | None:
    if not text:
        return None
    try:
        return parse_vn_date(text)
    except DateError as exc:
        raise Refused(f"«{label}»: {exc}") from None


def _stage(text: str | None) -> str | None:
    if not text:
        return None
    try:
        return Stage.from_label_or_code(text).value
    except ValueError:
        raise Refused(f"Không có giai đoạn «{text}»; các giai đoạn: {STAGE_HELP}.") from None


def cmd_pipeline_list(args) -> int:
    from ocop_desktop.services.pipeline import PipelineService  # noqa: PLC0415

    db, make_uow = open_db(args, write=False)
    try:
        unit = resolve_unit(make_uow, args.unit, date.today()).id if args.unit else None
        board = PipelineService(make_uow).board(stage=_stage(args.stage), unit_id=unit, search=args.search or "")
    finally:
        db.close()
    if args.counts:
        rows = [{"by": "stage", "name": Stage(k).label, "count": n} for k, n in board.by_stage.items()]
        rows += [{"by": "unit", "name": k or "(chưa rõ địa bàn)", "count": n} for k, n in board.by_unit.items()]
        emit_rows(rows, args.format, COUNT_COLUMNS)
    else:
        emit_rows([asdict(r) for r in board.rows], args.format, PIPELINE_COLUMNS)
    return 0


def cmd_pipeline_move(args) -> int:
    from ocop_desktop.services.pipeline import PipelineService  # noqa: PLC0415

    data = MoveInput(
        registered_on=_day(args.registered_on, "Ngày đăng ký"),
        round_year=args.year,
        round_no=args.round,
        dossier_due_on=_day(args.due, "Hạn nộp hồ sơ"),
        evaluation_id=args.evaluation,
        notes=args.notes or "",
    )
    db, make_uow = open_db(args)
    try:
        row = PipelineService(make_uow).move(args.product, args.stage, data)
    finally:
        db.close()
    round_ = f", đợt {row.round}" if row.round else ""
    print(f"Đã chuyển «{row.product}» sang giai đoạn «{row.stage_label}»{round_}.")
    if row.missing_count:
        print(f"Hồ sơ còn thiếu {row.missing_count} tài liệu bắt buộc: {row.missing}.")
    return 0


def cmd_dossier_show(args) -> int:
    from ocop_desktop.services.dossiers import DossierService  # noqa: PLC0415

    db, make_uow = open_db(args, write=False)
    try:
        dossier = DossierService(make_uow).dossier(args.product)
    finally:
        db.close()
    emit_rows([asdict(i) for i in dossier.items], args.format, DOSSIER_COLUMNS)
    return 0


def cmd_dossier_set(args) -> int:
    from ocop_desktop.services.dossiers import DossierService  # noqa: PLC0415

    path = args.file or ""
    if path:
        found = Path(path).expanduser()
        path = str(found.resolve()) if found.exists() else path  # a scan on another computer is kept as typed
    data = DossierItemInput(
        status=args.status,
        checked_on=_day(args.on, "Ngày kiểm tra"),
        checked_by=args.by or "",
        file_path=path,
        note=args.note or "",
    )
    db, make_uow = open_db(args)
    try:
        dossier = DossierService(make_uow).set_item(args.product, args.item, data)
    finally:
        db.close()
    missing = dossier.missing
    print(f"Đã ghi hồ sơ của «{dossier.product}».")
    print(
        f"Còn thiếu {len(missing)} tài liệu bắt buộc: " + "; ".join(i.name for i in missing) + "."
        if missing
        else "Hồ sơ đã đủ các tài liệu bắt buộc."
    )
    return 0


def cmd_dossier_missing(args) -> int:
    from ocop_desktop.services.pipeline import PipelineService  # noqa: PLC0415

    db, make_uow = open_db(args, write=False)
    try:
        unit = resolve_unit(make_uow, args.unit, date.today()).id if args.unit else None
        board = PipelineService(make_uow).board(stage=Stage.REGISTERED.value, unit_id=unit)
    finally:
        db.close()
    due = _day(args.due_before, "Hạn nộp hồ sơ")
    rows = [
        asdict(r)
        for r in board.rows
        if r.missing_count and (due is None or (r.dossier_due_on is not None and r.dossier_due_on <= due))
    ]
    emit_rows(rows, args.format, PIPELINE_COLUMNS)
    return 0


def cmd_dossier_print(args) -> int:
    from ocop_desktop.services.dossier_reports import DossierReports  # noqa: PLC0415

    out = output_file(args.output)
    fmt = out.suffix.lower().lstrip(".")
    db, make_uow = open_db(args, write=False)
    try:
        reports = DossierReports(make_uow)
        if args.product:
            report = reports.checklist(args.product)
        else:
            unit = resolve_unit(make_uow, args.unit, date.today()).id if args.unit else None
            report = reports.incomplete(unit)
        written = reports.export(report, fmt, out)
    finally:
        db.close()
    print(f"Đã ghi {written} ({format_vn_date(date.today())}).")
    return 0


def register(sub, command) -> None:
    """Add `ocop pipeline …` and `ocop dossier …`; `command(name, help, func, parent=…)` makes one subcommand."""
    pipeline = sub.add_parser(
        "pipeline",
        help="lộ trình sản phẩm: tiềm năng → đăng ký → hồ sơ đầy đủ → đã đánh giá → được công nhận → sắp đánh giá lại",
        description="Lộ trình sản phẩm theo giai đoạn. Các giai đoạn: " + STAGE_HELP + ".",
    )
    pipeline.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="tệp cơ sở dữ liệu")
    group = pipeline.add_subparsers(dest="action", required=True, metavar="THAO_TÁC")
    p = command(
        "list",
        "liệt kê sản phẩm theo giai đoạn (hoặc số sản phẩm theo giai đoạn và địa bàn)",
        cmd_pipeline_list,
        parent=group,
    )
    p.add_argument("--stage", metavar="GIAI_ĐOẠN", help="chỉ giai đoạn này: " + STAGE_HELP)
    p.add_argument("--unit", metavar="ĐƠN_VỊ", help="chỉ địa bàn này (mã ĐVHC, mã tham chiếu hoặc tên)")
    p.add_argument("--search", metavar="TÊN", help="tên sản phẩm hoặc chủ thể (không cần dấu)")
    p.add_argument("--counts", action="store_true", help="in số sản phẩm theo giai đoạn và theo địa bàn")
    p.add_argument("--format", choices=("json", "csv"), default="json", help="định dạng đầu ra")
    p = command(
        "move",
        "chuyển sản phẩm sang giai đoạn kế tiếp (chỉ khi đủ điều kiện; nếu không, in lý do)",
        cmd_pipeline_move,
        parent=group,
    )
    p.add_argument("product", metavar="SẢN_PHẨM", help="mã hoặc tên sản phẩm")
    p.add_argument("stage", metavar="GIAI_ĐOẠN", help="giai đoạn kế tiếp: " + STAGE_HELP)
    p.add_argument("--registered-on", metavar="NGÀY", help="ngày đăng ký (khi chuyển sang «Đăng ký»)")
    p.add_argument("--year", type=int, metavar="NĂM", help="năm đánh giá (khi chuyển sang «Đăng ký»)")
    p.add_argument("--round", type=int, metavar="ĐỢT", help="đợt đánh giá trong năm (mặc định 1)")
    p.add_argument("--due", metavar="NGÀY", help="hạn nộp hồ sơ của đợt")
    p.add_argument(
        "--evaluation", metavar="MÃ", help="mã kết quả đánh giá (mặc định: lần đánh giá mới nhất sau ngày đăng ký)"
    )
    p.add_argument("--notes", metavar="GHI_CHÚ")

    dossier = sub.add_parser(
        "dossier",
        help="hồ sơ đăng ký đánh giá của sản phẩm: từng tài liệu, còn thiếu gì",
        description="Hồ sơ đăng ký đánh giá, phân hạng theo bộ tiêu chí của đợt; tình trạng: chua_co (Chưa có), "
        "dang_bo_sung (Đang bổ sung), dat (Đạt).",
    )
    dossier.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="tệp cơ sở dữ liệu")
    group = dossier.add_subparsers(dest="action", required=True, metavar="THAO_TÁC")
    p = command("show", "các tài liệu của hồ sơ và tình trạng từng tài liệu", cmd_dossier_show, parent=group)
    p.add_argument("product", metavar="SẢN_PHẨM", help="mã hoặc tên sản phẩm")
    p.add_argument("--format", choices=("json", "csv"), default="json", help="định dạng đầu ra")
    p = command("set", "ghi tình trạng một tài liệu của hồ sơ", cmd_dossier_set, parent=group)
    p.add_argument("product", metavar="SẢN_PHẨM", help="mã hoặc tên sản phẩm")
    p.add_argument("item", metavar="TÀI_LIỆU", help="mã hoặc tên tài liệu (xem: ocop dossier show)")
    p.add_argument("status", metavar="TÌNH_TRẠNG", help="chua_co, dang_bo_sung hoặc dat (hoặc tên: «Đạt» …)")
    p.add_argument("--on", metavar="NGÀY", help="ngày kiểm tra (mặc định: hôm nay)")
    p.add_argument("--by", metavar="NGƯỜI", help="người kiểm tra")
    p.add_argument("--file", metavar="TỆP", help="đường dẫn tệp bản quét")
    p.add_argument("--note", metavar="GHI_CHÚ")
    p = command("missing", "các sản phẩm đã đăng ký còn thiếu hồ sơ", cmd_dossier_missing, parent=group)
    p.add_argument("--unit", metavar="ĐƠN_VỊ", help="chỉ địa bàn này")
    p.add_argument("--due-before", metavar="NGÀY", help="chỉ các đợt có hạn nộp hồ sơ đến ngày này")
    p.add_argument("--format", choices=("json", "csv"), default="json", help="định dạng đầu ra")
    p = command(
        "print",
        "in phiếu kiểm tra hồ sơ của một sản phẩm, hoặc báo cáo các sản phẩm còn thiếu hồ sơ (PDF/xlsx)",
        cmd_dossier_print,
        parent=group,
    )
    p.add_argument(
        "product", nargs="?", metavar="SẢN_PHẨM", help="sản phẩm (bỏ trống: báo cáo sản phẩm còn thiếu hồ sơ)"
    )
    p.add_argument("--unit", metavar="ĐƠN_VỊ", help="báo cáo: chỉ địa bàn này")
    p.add_argument("--output", "-o", required=True, metavar="TỆP", help="tệp .pdf hoặc .xlsx")
