"""`ocop activities list|add`: the offices' support, training, communication and fairs from the terminal."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from ocop_desktop.commands.common import Refused, emit_rows, open_db, resolve_unit
from ocop_desktop.domain.numbers import DateError, NumberError, format_vn_date, parse_vn_date, parse_vn_number
from ocop_desktop.domain.schema import ACTIVITY, TERMINAL
from ocop_desktop.domain.schema.activities import ActivityKind
from ocop_desktop.domain.text import fold
from ocop_desktop.services.activities import ActivityService
from ocop_desktop.services.activity_checks import kind_of
from ocop_desktop.services.activity_types import ActivityDTO, ActivityFilter, ActivityInput

COLUMNS = tuple(f.listed_as for f in ACTIVITY.view(TERMINAL))  # domain/schema/activities.py
KIND_HELP = "; ".join(f"{k.value} ({k.label})" for k in ActivityKind)


def listed(a: ActivityDTO) -> dict[str, Any]:
    """One activity as a terminal row: references by name, participants joined with «; »."""
    return {c: getattr(a, c) for c in COLUMNS}


def _label(key: str) -> str:
    return ACTIVITY.column(key).label


def _day(text: str | None, key: str) -> date | None:
    if not text:
        return None
    try:
        return parse_vn_date(text)
    except DateError as exc:
        raise Refused(f"«{_label(key)}»: {exc}") from None


def _whole(text: str | None, key: str) -> int | None:
    """A count or an amount in đồng as typed («15.000.000», «15 000 000 đ»), refused if not whole."""
    if text is None or not str(text).strip():
        return None
    try:
        value = parse_vn_number(text)
    except NumberError as exc:
        raise Refused(f"«{_label(key)}»: {exc}") from None
    if value != value.to_integral_value():
        raise Refused(f"«{_label(key)}»: «{text}» không phải là số nguyên; hãy ghi số đồng hoặc số lượng nguyên.")
    return int(value)


def _one(choices: tuple[tuple[str, str], ...], text: str, what: str) -> str:
    """The id of the one choice ``text`` names: its id, the start of it (6+ characters) or its name without accents."""
    text = text.strip()
    found = [i for i, _n in choices if i == text] or [i for i, n in choices if fold(n) == fold(text)]
    found = found or ([i for i, _n in choices if i.startswith(text)] if len(text) >= 6 else [])
    if len(found) == 1:
        return found[0]
    if not found:
        raise Refused(f"Không tìm thấy {what} «{text}»; hãy ghi đúng tên hoặc mã.")
    names = dict(choices)
    raise Refused(
        f"«{text}» ứng với {len(found)} {what}: "
        + "; ".join(f"{names[i]} [{i}]" for i in found)
        + ". Hãy ghi mã trong ngoặc vuông."
    )


def cmd_activities_list(args) -> int:
    db, make_uow = open_db(args, write=False)
    try:
        service = ActivityService(make_uow)
        choices = service.choices()
        kind = None
        if args.kind:
            found = kind_of(args.kind)
            if found is None:
                raise Refused(f"«{_label('kind')}» «{args.kind}» không có; hãy chọn: {KIND_HELP}.")
            kind = found.value
        flt = ActivityFilter(
            kind=kind,
            unit_id=resolve_unit(make_uow, args.unit).id if args.unit else None,
            year=args.year,
            search=args.search,
            product_id=_one(choices.products, args.product, "sản phẩm") if args.product else None,
            producer_id=_one(choices.producers, args.producer, "chủ thể") if args.producer else None,
        )
        rows = [listed(a) for a in service.query(flt)]
    finally:
        db.close()
    emit_rows(rows, args.format, COLUMNS)
    return 0


def cmd_activities_add(args) -> int:
    kind = kind_of(args.kind)
    if kind is None:
        raise Refused(f"«{_label('kind')}» «{args.kind}» không có; hãy chọn: {KIND_HELP}.")
    db, make_uow = open_db(args)
    try:
        service = ActivityService(make_uow)
        choices = service.choices()
        products: list[tuple[str, int | None]] = []
        for item in args.product or []:
            name, _sep, amount = item.partition("=")
            products.append((_one(choices.products, name, "sản phẩm"), _whole(amount, "sales")))
        data = ActivityInput(
            kind=kind.value,
            title=args.title,
            held_on=_day(args.date, "held_on"),
            ends_on=_day(args.until, "ends_on"),
            place=args.place or "",
            unit_id=resolve_unit(make_uow, args.unit).id if args.unit else None,
            organiser=args.organiser or "",
            in_province=not args.outside_province,
            supported=args.supported or "",
            cost=_whole(args.cost, "cost"),
            funding=args.funding or "",
            channel=args.channel or "",
            audience=args.audience or "",
            reach=_whole(args.reach, "reach"),
            participants=_whole(args.participants, "participants"),
            sales=_whole(args.sales, "sales"),
            contracts=_whole(args.contracts, "contracts"),
            contract_value=_whole(args.contract_value, "contract_value"),
            result=args.result or "",
            task_id=_one(choices.tasks, args.task, "nhiệm vụ") if args.task else None,
            producer_ids=[_one(choices.producers, p, "chủ thể") for p in args.producer or []],
            products=products,
        )
        saved = service.create(data)
    finally:
        db.close()
    print(f"Đã ghi hoạt động «{saved.title}» ({saved.kind_label}, {format_vn_date(saved.held_on)}) (mã {saved.id}).")
    return 0


def register(sub, command) -> None:
    """Add `ocop activities list|add`; `command(name, help, func, parent=…)` makes one subcommand."""
    text = "hoạt động hỗ trợ, tập huấn, tuyên truyền, hội chợ với chủ thể"
    activities = sub.add_parser("activities", help=text, description=text)
    activities.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="tệp cơ sở dữ liệu")
    group = activities.add_subparsers(dest="action", required=True, metavar="THAO_TÁC")
    p = command("list", "liệt kê các hoạt động (mới nhất trước)", cmd_activities_list, parent=group)
    p.add_argument("--kind", metavar="LOẠI", help=f"loại hoạt động: {KIND_HELP}")
    p.add_argument("--unit", metavar="ĐƠN_VỊ", help="đơn vị tổ chức: mã ĐVHC, mã tham chiếu hoặc tên")
    p.add_argument("--year", type=int, metavar="NĂM", help="năm tổ chức")
    p.add_argument("--search", metavar="TỪ", help="tìm trong tên hoạt động, không phân biệt dấu")
    p.add_argument("--product", metavar="SẢN_PHẨM", help="chỉ các hoạt động có sản phẩm này (tên hoặc mã)")
    p.add_argument("--producer", metavar="CHỦ_THỂ", help="chỉ các hoạt động có chủ thể này hoặc sản phẩm của họ")
    p.add_argument("--format", choices=("json", "csv"), default="json", help="định dạng đầu ra")
    p = command("add", "ghi một hoạt động", cmd_activities_add, parent=group)
    p.add_argument("--kind", required=True, metavar="LOẠI", help=f"loại hoạt động: {KIND_HELP}")
    p.add_argument("--title", required=True, metavar="TÊN", help="tên hoạt động")
    p.add_argument("--date", required=True, metavar="NGÀY", help="ngày tổ chức (từ ngày), dd/mm/yyyy")
    p.add_argument("--until", metavar="NGÀY", help="đến ngày (hội chợ nhiều ngày)")
    p.add_argument("--place", metavar="ĐỊA_ĐIỂM")
    p.add_argument("--unit", metavar="ĐƠN_VỊ", help="đơn vị tổ chức: mã ĐVHC, mã tham chiếu hoặc tên")
    p.add_argument("--organiser", metavar="CƠ_QUAN", help="cơ quan tổ chức hội chợ, hội nghị")
    p.add_argument("--outside-province", action="store_true", help="hội chợ tổ chức ngoài tỉnh")
    p.add_argument("--supported", metavar="NỘI_DUNG", help="nội dung hỗ trợ, hướng dẫn")
    p.add_argument("--cost", metavar="ĐỒNG", help="kinh phí (đồng)")
    p.add_argument("--funding", metavar="NGUỒN", help="nguồn kinh phí")
    p.add_argument("--channel", metavar="HÌNH_THỨC", help="hình thức tuyên truyền (loa, báo, mạng xã hội …)")
    p.add_argument("--audience", metavar="ĐỐI_TƯỢNG", help="đối tượng tuyên truyền")
    p.add_argument("--reach", metavar="SỐ", help="số lượt tiếp cận")
    p.add_argument("--participants", metavar="SỐ", help="số người tham gia")
    p.add_argument("--sales", metavar="ĐỒNG", help="doanh thu bán hàng tại hội chợ (đồng)")
    p.add_argument("--contracts", metavar="SỐ", help="số hợp đồng ký tại hội chợ")
    p.add_argument("--contract-value", metavar="ĐỒNG", help="giá trị hợp đồng (đồng)")
    p.add_argument("--result", metavar="KẾT_QUẢ", help="kết quả")
    p.add_argument("--task", metavar="NHIỆM_VỤ", help="nhiệm vụ mà hoạt động này thực hiện (tên hoặc mã)")
    p.add_argument("--producer", action="append", metavar="CHỦ_THỂ", help="chủ thể tham gia (lặp lại cho mỗi chủ thể)")
    p.add_argument(
        "--product",
        action="append",
        metavar="SẢN_PHẨM[=ĐỒNG]",
        help="sản phẩm tham gia, kèm doanh thu của nó nếu có: «Chè Shan tuyết=12.000.000» (lặp lại cho mỗi sản phẩm)",
    )
