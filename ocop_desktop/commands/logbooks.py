"""`ocop import logbook`, `ocop import template logbook`, `ocop trace BATCH` and `ocop logbook …`: producers' logbooks."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from ocop_desktop.commands.common import Refused, emit_rows, open_db, output_file
from ocop_desktop.domain import formatting
from ocop_desktop.domain.schema import SURVEY_ENTRY, TERMINAL
from ocop_desktop.domain.schema.logbooks import LOGBOOK_MATERIAL
from ocop_desktop.services.logbooks import OFFERED, LogbookService, Named, find_named, offer_lines

LOT_COLUMNS = ("batch_code", "made_on", "product", *LOGBOOK_MATERIAL.view_keys(TERMINAL)[1:])
TOTAL_COLUMNS = ("product", "year", "batches", "sales", *OFFERED, "problems")
_KINDS = {"products": ("sản phẩm", "--product"), "producers": ("chủ thể", "--producer")}


def _one(make_uow, table: str, text: str) -> Named:
    what, option = _KINDS[table]
    found = find_named(make_uow, table, text)
    if len(found) == 1:
        return found[0]
    if not found:
        raise Refused(f"Không tìm thấy {what} «{text}»; hãy ghi tên đầy đủ hoặc mã sau {option}.")
    raise Refused(
        f"«{text}» ứng với {len(found)} {what}: " + "; ".join(f"{n.name} [{n.id}]" for n in found) + ". Hãy ghi mã."
    )


def _owner(make_uow, args) -> tuple[Named, Named]:
    product = _one(make_uow, "products", args.product)
    if args.producer:
        producer = _one(make_uow, "producers", args.producer)
    elif product.producer_id:
        producer = Named(product.producer_id, "")
    else:
        raise Refused(f"Sản phẩm «{product.name}» chưa gắn với chủ thể nào; hãy ghi chủ thể sau --producer.")
    return producer, product


def cmd_import_logbook(args) -> int:
    from ocop_desktop.services.logbook_import import ImportRefused, LogbookImportService  # noqa: PLC0415

    db, make_uow = open_db(args)
    try:
        producer, product = _owner(make_uow, args)
        service = LogbookImportService(make_uow)
        try:
            check = service.check(Path(args.file), producer.id, product.id)
        except ImportRefused as exc:
            raise Refused(str(exc)) from None
        for problem in check.problems:
            print(problem.message, file=sys.stderr)
        if check.problems:
            print(
                f"Lỗi: {len(check.problems)} lỗi; chưa nhập dòng nào. Hãy sửa tệp rồi nhập lại.",
                file=sys.stderr,
            )
            return 1
        result = service.apply(check, dry_run=args.dry_run)
    finally:
        db.close()
    a, u = result.added, result.updated
    done = "Chạy thử, chưa thay đổi gì" if args.dry_run else "Đã nhập sổ nhật ký"
    print(
        f"{done} của «{check.product}» từ {check.file_name}: thêm {a['materials']} lô nguyên liệu, {a['batches']} mẻ "
        f"sản xuất, {a['links']} liên kết mẻ – lô, {a['sales']} lần bán hàng; cập nhật "
        f"{u['materials'] + u['batches'] + u['links']}; giữ nguyên {result.unchanged}."
    )
    return 0


def cmd_template_logbook(args) -> int:
    from ocop_desktop.exports.logbook_template import write_logbook_template  # noqa: PLC0415
    from ocop_desktop.services.exchange.excel_files import ImportRefused  # noqa: PLC0415

    output = output_file(args.output)
    try:
        write_logbook_template(output)
    except ImportRefused as exc:
        raise Refused(str(exc)) from None
    print(f"Đã lưu mẫu Excel sổ nhật ký (3 trang: nhập nguyên liệu, mẻ sản xuất, bán hàng): {output}.")
    return 0


def cmd_trace(args) -> int:
    db, make_uow = open_db(args, write=False)
    try:
        product = _one(make_uow, "products", args.product).id if args.product else None
        traces = LogbookService(make_uow).trace(args.batch, product)
    finally:
        db.close()
    rows = []
    for t in traces:
        for lot in t.lots:
            rows.append(
                {
                    "batch_code": t.batch_code,
                    "made_on": t.made_on,
                    "product": t.product,
                    "received_on": lot.received_on,
                    "lot_code": lot.lot_code,
                    "material": lot.material,
                    "quantity": lot.quantity,
                    "unit": lot.unit,
                    "source": lot.source,
                    "origin": lot.origin,
                }
            )
    if args.format:
        emit_rows(rows, args.format, LOT_COLUMNS)
        return 0
    for t in traces:
        print(
            f"Mẻ {t.batch_code} — {t.product} ({t.producer}), sản xuất ngày {formatting.day(t.made_on)}, "
            f"{formatting.decimal(t.quantity)} {t.unit}: {len(t.lots)} lô nguyên liệu"
        )
        for lot in t.lots:
            print(
                f"  {lot.lot_code}: {lot.material}, {formatting.decimal(lot.quantity)} {lot.unit}, nhập ngày "
                f"{formatting.day(lot.received_on)}, từ {lot.source or '(không ghi)'}, xuất xứ {lot.origin or '(không ghi)'}"
            )
    return 0


def cmd_totals(args) -> int:
    db, make_uow = open_db(args, write=False)
    try:
        product = _one(make_uow, "products", args.product)
        totals = LogbookService(make_uow).totals(product.id, args.year)
    finally:
        db.close()
    row = {
        "product": totals.product,
        "year": str(totals.year),
        "batches": totals.batches,
        "sales": totals.sales,
        "output_quantity": totals.output_quantity,
        "unit_of_measure": totals.unit,
        "quantity_sold": totals.quantity_sold,
        "price_vnd": totals.price_vnd,
        "problems": " ".join(totals.problems),
    }
    emit_rows([row], args.format, TOTAL_COLUMNS)
    return 0


def cmd_offer(args) -> int:
    db, make_uow = open_db(args, write=bool(args.accept))
    try:
        service = LogbookService(make_uow)
        offer = service.survey_offer(args.entry)
        print(f"Dòng rà soát «{offer.product_name}», năm {offer.campaign_year}: số liệu đang ghi / theo sổ nhật ký")
        for label, typed, logged in offer_lines(offer):
            print(f"  {label}: {typed or '(trống)'} / {logged or '(sổ không có)'}")
        for line in offer.totals.problems:
            print(f"Lưu ý: {line}")
        if not args.accept:
            if offer.changed:
                print(
                    "Chưa thay gì. Để lấy số liệu theo sổ: thêm --accept all (hoặc tên từng trường, cách nhau dấu phẩy)."
                )
            return 0
        keys = list(offer.changed) if args.accept == "all" else [k.strip() for k in args.accept.split(",") if k.strip()]
        written = service.accept_offer(offer, keys)
    finally:
        db.close()
    names = ", ".join(f"«{SURVEY_ENTRY.field(k).label}»" for k in written) or "không trường nào"
    print(f"Đã lấy theo sổ nhật ký: {names}.")
    return 0


def cmd_print(args) -> int:
    from ocop_desktop.services.logbook_forms import LogbookForms  # noqa: PLC0415

    output = output_file(args.output)
    db, make_uow = open_db(args, write=False)
    try:
        producer = _one(make_uow, "producers", args.producer).id if args.producer else None
        product = _one(make_uow, "products", args.product).id if args.product else None
        LogbookForms(make_uow).print_blank(output, producer, product, args.year)
    finally:
        db.close()
    print(f"Đã lưu sổ nhật ký trống để in: {output}.")
    return 0


def cmd_list(args) -> int:
    from ocop_desktop.services.logbook_listing import PARTS, listed_rows  # noqa: PLC0415

    db, make_uow = open_db(args, write=False)
    try:
        product = _one(make_uow, "products", args.product)
        rows = listed_rows(make_uow, product.id, args.kind)
    finally:
        db.close()
    emit_rows(rows, args.format, PARTS[args.kind][0].view_keys(TERMINAL))
    return 0


def cmd_idle(args) -> int:
    from ocop_desktop.services.logbook_listing import IDLE_COLUMNS, idle_rows  # noqa: PLC0415

    db, make_uow = open_db(args, write=False)
    try:
        rows = idle_rows(make_uow, date.today())
    finally:
        db.close()
    emit_rows(rows, args.format, IDLE_COLUMNS)
    return 0


def register(sub, command) -> None:
    """`ocop trace` and `ocop logbook …`; the import and template words join `ocop import` (register_imports)."""
    p = command("trace", "truy xuất một mẻ sản xuất tới các lô nguyên liệu đã dùng", cmd_trace)
    p.add_argument("batch", metavar="MÃ_MẺ")
    p.add_argument("--product", metavar="SẢN_PHẨM", help="chỉ mẻ của sản phẩm này (tên hoặc mã)")
    p.add_argument("--format", choices=("json", "csv"), help="in dạng bảng json hoặc csv")
    logbook = sub.add_parser("logbook", help="sổ nhật ký của chủ thể", description="sổ nhật ký của chủ thể")
    group = logbook.add_subparsers(dest="action", required=True, metavar="THAO_TÁC")
    p = command("list", "liệt kê một phần sổ nhật ký của sản phẩm", cmd_list, parent=group)
    p.add_argument("--product", required=True, metavar="SẢN_PHẨM")
    p.add_argument("--kind", choices=("materials", "batches", "sales"), default="batches", help="phần của sổ")
    p.add_argument("--format", choices=("json", "csv"), default="json", help="định dạng đầu ra")
    p = command("idle", "sản phẩm không ghi sổ nhật ký trong 12 tháng qua", cmd_idle, parent=group)
    p.add_argument("--format", choices=("json", "csv"), default="json", help="định dạng đầu ra")
    p = command("totals", "tổng sản lượng, lượng bán và giá bình quân của một năm", cmd_totals, parent=group)
    p.add_argument("--product", required=True, metavar="SẢN_PHẨM")
    p.add_argument("--year", type=int, required=True, metavar="NĂM")
    p.add_argument("--format", choices=("json", "csv"), default="json", help="định dạng đầu ra")
    p = command("offer", "so số liệu của dòng rà soát với sổ nhật ký; lấy theo sổ khi đồng ý", cmd_offer, parent=group)
    p.add_argument("entry", metavar="MÃ_DÒNG", help="mã dòng rà soát (ocop surveys list)")
    p.add_argument("--accept", metavar="TRƯỜNG", help="all, hoặc các trường: " + ", ".join(OFFERED))
    p = command("print", "lưu sổ nhật ký trống (PDF) để chủ thể ghi tay", cmd_print, parent=group)
    p.add_argument("-o", "--output", required=True, metavar="TỆP.pdf")
    p.add_argument("--producer", metavar="CHỦ_THỂ")
    p.add_argument("--product", metavar="SẢN_PHẨM")
    p.add_argument("--year", type=int, metavar="NĂM")


def register_imports(imports, templates, command) -> None:
    """`ocop import logbook FILE` and `ocop import template logbook` (called by commands/exchange.py)."""
    p = command(
        "logbook", "nhập sổ nhật ký của chủ thể từ tệp Excel theo mẫu (.xlsx)", cmd_import_logbook, parent=imports
    )
    p.add_argument("file", metavar="TỆP.xlsx")
    p.add_argument("--product", required=True, metavar="SẢN_PHẨM", help="tên hoặc mã sản phẩm")
    p.add_argument("--producer", metavar="CHỦ_THỂ", help="tên hoặc mã chủ thể (mặc định: chủ thể của sản phẩm)")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không nhập")
    p = command(
        "logbook",
        "mẫu Excel sổ nhật ký (nhập nguyên liệu, mẻ sản xuất, bán hàng)",
        cmd_template_logbook,
        parent=templates,
    )
    p.add_argument("-o", "--output", required=True, metavar="TỆP.xlsx")
