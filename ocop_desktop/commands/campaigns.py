"""`ocop campaigns add|list|show|edit|close|reopen|delete`: survey campaigns from the terminal."""

from __future__ import annotations

import argparse
from datetime import date

from ocop_desktop.commands.common import Refused, emit_rows, find_places, one_place, open_db, resolve_campaign
from ocop_desktop.domain.deadlines import deadline_rule
from ocop_desktop.domain.numbers import DateError, format_vn_date, parse_vn_date
from ocop_desktop.domain.schema import SURVEY_CAMPAIGN, TERMINAL
from ocop_desktop.services.campaigns import CONTAINER_LEVEL, CampaignInfo, CampaignInput, CampaignService
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.surveys import SurveyService

LIST_COLUMNS = SURVEY_CAMPAIGN.view_keys(TERMINAL)  # domain/schema/survey.py


def _day(text: str, what: str) -> date:
    try:
        return parse_vn_date(text)
    except DateError as exc:
        raise Refused(f"{what}: {exc}") from None


def _unit_ids(make_uow, args, deadline_text: str | None) -> tuple[list[str], list[str]] | None:
    """(unit ids, names) from --units or --all-in, or None when neither was given."""
    if not getattr(args, "units", None) and not getattr(args, "all_in", None):
        return None
    on = _day(deadline_text, "«Hạn nộp»") if deadline_text else None
    places = PlaceService(make_uow).all()
    if args.all_in:
        container = one_place(places, args.all_in, on, CONTAINER_LEVEL)
        if on is None:
            raise Refused("Cần «Hạn nộp» (--deadline) để chọn các đơn vị còn hiệu lực vào ngày đó.")
        units = CampaignService(make_uow).units_within(container.id, on)
        if not units:
            raise Refused(f"«{container.label}» không có xã, phường nào còn hiệu lực vào hạn nộp {format_vn_date(on)}.")
        return [u.id for u in units], [u.name for u in units]
    chosen = [one_place(places, part, on) for part in args.units.split(",") if part.strip()]
    if not chosen:
        raise Refused("«Đơn vị báo cáo» (--units) để trống; hãy ghi mã ĐVHC, cách nhau bằng dấu phẩy.")
    return [p.id for p in chosen], [p.name for p in chosen]


def _print_info(info: CampaignInfo, verb: str) -> None:
    closed = f"; kết thúc ngày {format_vn_date(info.closed_on)}" if info.closed_on else ""
    print(
        f"{verb} đợt rà soát năm {info.year} «{info.title}», hạn nộp {format_vn_date(info.deadline)}, "
        f"{len(info.unit_ids)} đơn vị báo cáo{closed}."
    )
    print(deadline_rule(info.deadline, info.deadline_day_on_time))


def cmd_add(args) -> int:
    db, make_uow = open_db(args)
    try:
        service = CampaignService(make_uow)
        units = _unit_ids(make_uow, args, args.deadline)
        data = CampaignInput(
            year=args.year,
            deadline=args.deadline,
            title=args.title or "",
            issuing_letter=args.letter or "",
            unit_ids=tuple(units[0]) if units else (),
            deadline_day_on_time=args.deadline_day_on_time,
        )
        if args.copy_from is not None:
            source = resolve_campaign(make_uow, args.copy_from)
            info, proposal = service.copy(args.year, data, source_id=source.id)
            for line in proposal.mapped:
                print(f"  {line}")
            for line in proposal.dropped:
                print(f"  Bỏ {line}: không có đơn vị kế tiếp còn hiệu lực vào hạn nộp.")
        else:
            if units is None:
                raise Refused(
                    "Chưa chọn «Đơn vị báo cáo»: hãy thêm --units MÃ,… hoặc --all-in TỈNH_HOẶC_HUYỆN "
                    "(hoặc --copy-from NĂM để lấy đơn vị của đợt trước)."
                )
            info = service.add(data)
    finally:
        db.close()
    _print_info(info, "Đã tạo")
    return 0


def cmd_list(args) -> int:
    db, make_uow = open_db(args, write=False)
    try:
        rows = []
        for c in CampaignService(make_uow).list():
            counts = {"units": len(c.unit_ids), "entries": c.entry_count}
            rows.append({k: counts[k] if k in counts else getattr(c, k) for k in LIST_COLUMNS})
    finally:
        db.close()
    emit_rows(rows, args.format, LIST_COLUMNS)
    return 0


def cmd_show(args) -> int:
    db, make_uow = open_db(args, write=False)
    try:
        info = resolve_campaign(make_uow, args.campaign)
        units = SurveyService(make_uow).campaign_units(info.id)
    finally:
        db.close()
    print(f"Đợt rà soát năm {info.year}: {info.title}")
    print(f"Hạn nộp: {format_vn_date(info.deadline)}")
    print(deadline_rule(info.deadline, info.deadline_day_on_time))
    print(f"Văn bản yêu cầu: {info.issuing_letter or '(chưa ghi)'}")
    print(f"Tình trạng: {'kết thúc ngày ' + format_vn_date(info.closed_on) if info.closed_on else 'đang mở'}")
    print(f"Mã đợt: {info.id}")
    print(f"Đơn vị báo cáo ({len(units)}):")
    for u in units:
        code = f" [{u.unit_code}]" if u.unit_code else ""
        print(f"  {u.unit}{code}: {u.status_label}, {u.entry_count} dòng")
    return 0


def cmd_edit(args) -> int:
    db, make_uow = open_db(args)
    try:
        service = CampaignService(make_uow)
        info = resolve_campaign(make_uow, args.campaign)
        deadline = args.deadline or (info.deadline.isoformat() if info.deadline else None)
        ids = list(info.unit_ids)
        chosen = _unit_ids(make_uow, args, deadline)
        if chosen is not None:
            ids = chosen[0] if args.all_in or not args.add else ids + [i for i in chosen[0] if i not in ids]
        if args.remove_units:
            places = PlaceService(make_uow).all()
            listed = [p for p in places if p.id in ids]
            for text in (t for t in args.remove_units.split(",") if t.strip()):
                unit = one_place(listed, text) if find_places(listed, text) else one_place(places, text)
                if unit.id not in ids:
                    raise Refused(
                        f"«{unit.label}» không có trong «Đơn vị báo cáo» của đợt năm {info.year}; "
                        f"«ocop campaigns show {info.year}» liệt kê các đơn vị của đợt."
                    )
                ids.remove(unit.id)
        data = CampaignInput(
            year=args.year or info.year,
            deadline=deadline,
            title=info.title if args.title is None else args.title,
            issuing_letter=info.issuing_letter if args.letter is None else args.letter,
            unit_ids=tuple(ids),
            deadline_day_on_time=args.deadline_day_on_time,
        )
        info = service.edit(info.id, data, expected_version=info.version)
    finally:
        db.close()
    _print_info(info, "Đã sửa")
    return 0


def cmd_close(args) -> int:
    db, make_uow = open_db(args)
    try:
        service = CampaignService(make_uow)
        info = resolve_campaign(make_uow, args.campaign)
        if args.action == "reopen":
            info = service.reopen(info.id, expected_version=info.version)
        else:
            on = _day(args.on, "Ngày kết thúc") if args.on else date.today()
            info = service.close(info.id, on, expected_version=info.version)
    finally:
        db.close()
    _print_info(info, "Đã mở lại" if args.action == "reopen" else "Đã kết thúc")
    return 0


def cmd_delete(args) -> int:
    db, make_uow = open_db(args)
    try:
        service = CampaignService(make_uow)
        info = resolve_campaign(make_uow, args.campaign)
        service.delete(info.id, expected_version=info.version)
    finally:
        db.close()
    print(f"Đã xóa đợt rà soát năm {info.year} «{info.title}» (chưa có dòng rà soát nào).")
    return 0


def _units_options(p: argparse.ArgumentParser, editing: bool = False) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument(
        "--units",
        metavar="MÃ,…",
        help="đơn vị báo cáo: mã ĐVHC, mã tham chiếu hoặc tên, cách nhau "
        "bằng dấu phẩy" + (" (thay cả danh sách; thêm --add để chỉ thêm)" if editing else ""),
    )
    g.add_argument(
        "--all-in", metavar="TỈNH_HOẶC_HUYỆN", help="mọi xã, phường thuộc tỉnh hoặc huyện này còn hiệu lực vào hạn nộp"
    )


def _deadline_day_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--deadline-day-on-time",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="báo cáo nộp đúng ngày hạn vẫn tính là đúng hạn (--no-deadline-day-on-time: hiểu «trước "
        "ngày» theo nghĩa đen, ngày cuối cùng đúng hạn là ngày liền trước; mặc định khi tạo đợt)",
    )


def register(sub, command) -> None:
    """Add `ocop campaigns …`; `command(name, help, func, parent=…)` makes one subcommand."""
    campaigns = sub.add_parser(
        "campaigns", help="đợt rà soát sản phẩm của đơn vị", description="đợt rà soát sản phẩm của đơn vị"
    )
    campaigns.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="tệp cơ sở dữ liệu")
    group = campaigns.add_subparsers(dest="action", required=True, metavar="THAO_TÁC")
    p = command("add", "tạo đợt rà soát mới", cmd_add, parent=group)
    p.add_argument("--year", metavar="NĂM", help="năm của đợt (từ 2018)")
    p.add_argument("--deadline", metavar="NGÀY", help="hạn nộp, dd/mm/yyyy hoặc yyyy-mm-dd")
    p.add_argument("--title", metavar="TÊN", help="tên đợt, ví dụ «Rà soát sản phẩm OCOP năm 2026»")
    p.add_argument("--letter", metavar="VĂN_BẢN", help="văn bản yêu cầu: số, ngày, cơ quan ban hành")
    _deadline_day_option(p)
    _units_options(p)
    p.add_argument(
        "--copy-from",
        metavar="NĂM",
        help="sao chép đợt năm đó (đơn vị đổi sang đơn vị còn hiệu lực, "
        "tên và hạn nộp dời năm); các tùy chọn khác thay phần tương ứng",
    )
    p = command("list", "liệt kê các đợt rà soát", cmd_list, parent=group)
    p.add_argument("--format", choices=("json", "csv"), default="json", help="định dạng đầu ra")
    p = command("show", "xem một đợt và các đơn vị báo cáo", cmd_show, parent=group)
    p.add_argument("campaign", metavar="NĂM", help="năm (hoặc mã) của đợt")
    p = command("edit", "sửa tên, hạn nộp, văn bản, đơn vị báo cáo của một đợt", cmd_edit, parent=group)
    p.add_argument("campaign", metavar="NĂM", help="năm (hoặc mã) của đợt")
    p.add_argument("--year", metavar="NĂM", help="năm mới (chỉ khi chưa có dòng rà soát)")
    p.add_argument("--deadline", metavar="NGÀY", help="hạn nộp mới")
    p.add_argument("--title", metavar="TÊN", help="tên đợt mới")
    p.add_argument("--letter", metavar="VĂN_BẢN", help="văn bản yêu cầu mới")
    _deadline_day_option(p)
    _units_options(p, editing=True)
    p.add_argument("--add", action="store_true", help="thêm các đơn vị của --units vào danh sách đang có")
    p.add_argument("--remove-units", metavar="MÃ,…", help="bỏ các đơn vị này (đơn vị đã có dòng rà soát thì không bỏ)")
    p = command("close", "kết thúc đợt: giữ mọi dòng, không nhận thêm", cmd_close, parent=group)
    p.add_argument("campaign", metavar="NĂM", help="năm (hoặc mã) của đợt")
    p.add_argument("--on", metavar="NGÀY", help="ngày kết thúc (mặc định: hôm nay)")
    p = command("reopen", "mở lại đợt đã kết thúc", cmd_close, parent=group)
    p.add_argument("campaign", metavar="NĂM", help="năm (hoặc mã) của đợt")
    p = command("delete", "xóa đợt chưa có dòng rà soát nào", cmd_delete, parent=group)
    p.add_argument("campaign", metavar="NĂM", help="năm (hoặc mã) của đợt")
