"""`ocop places search|show`: the administrative units, their validity and their old -> new links."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import func, select

from ocop_desktop.commands.common import Refused, emit_rows, open_db
from ocop_desktop.domain.numbers import DateError, parse_vn_date
from ocop_desktop.domain.schema import PLACE, TERMINAL
from ocop_desktop.persistence.models import Place
from ocop_desktop.services.places import LinkedPlace, PlaceInfo, PlaceService

COLUMNS = PLACE.view_keys(TERMINAL)  # domain/schema/records.py


def _label(key: str) -> str:
    return PLACE.column(key).label  # the terminal speaks Vietnamese


def _validity(info: PlaceInfo) -> str:
    p = info.place
    if p.valid_from and p.valid_to:
        return f"từ {p.valid_from:%d/%m/%Y} đến {p.valid_to:%d/%m/%Y}"
    if p.valid_to:
        return f"đến {p.valid_to:%d/%m/%Y}"
    if p.valid_from:
        return f"từ {p.valid_from:%d/%m/%Y}"
    return "trước và sau 01/07/2025"


def _linked(links: tuple[LinkedPlace, ...]) -> str:
    parts = []
    for lp in links:
        code = f" ({lp.place.code})" if lp.place.code else ""
        share = " – một phần" if len(links) > 1 and not lp.main and lp.note else ""
        parts.append(f"{lp.place.name}{code}{share}")
    return "; ".join(parts)


def _row(info: PlaceInfo) -> dict:
    p = info.place
    shown = {
        "kind": p.kind_label,
        "parent": info.parent.name if info.parent else "",
        "validity": _validity(info),
        "successors": _linked(info.successors),
        "predecessors": _linked(info.predecessors),
    }
    return {k: shown[k] if k in shown else getattr(p, k) for k in COLUMNS}


def _places(args) -> PlaceService:
    db, make_uow = open_db(args, write=False)
    args._db = db
    service = PlaceService(make_uow)
    with make_uow() as uow:
        if not uow.session.scalar(select(func.count()).select_from(Place)):
            db.close()
            raise Refused("Chưa có danh mục đơn vị hành chính trong tệp dữ liệu; hãy chạy «ocop init» trước.")
    return service


def cmd_places_search(args) -> int:
    on = None
    if args.on:
        try:
            on = parse_vn_date(args.on)
        except DateError as exc:
            raise Refused(f"Ngày (--on) «{args.on}» không hợp lệ: {exc}") from None
    service = _places(args)
    try:
        hits = service.search(args.text, on=on)
    finally:
        args._db.close()
    if not hits:
        when = f" có hiệu lực ngày {on:%d/%m/%Y}" if on else ""
        print(f"Không tìm thấy đơn vị hành chính nào{when} có tên hoặc mã «{args.text}».", file=sys.stderr)
        return 1
    emit_rows([_row(h) for h in hits], args.format, COLUMNS)
    return 0


def cmd_places_show(args) -> int:
    service = _places(args)
    try:
        found = service.by_code(args.code)
    finally:
        args._db.close()
    if not found:
        raise Refused(f"Không có đơn vị hành chính mã «{args.code}»; tìm theo tên bằng «ocop places search TÊN».")
    for n, info in enumerate(found):
        if n:
            print()
        row = _row(info)
        print(f"{row['name']} – mã {row['code'] or '(chưa có)'} – {row['kind']}")
        if row["parent"]:
            print(f"  {_label('parent')}: {row['parent']}")
        print(f"  {_label('validity')}: {row['validity']}")
        for key, links in (("predecessors", info.predecessors), ("successors", info.successors)):
            label = _label(key)
            for lp in links:
                code = f" ({lp.place.code})" if lp.place.code else ""
                note = f" – {lp.note}" if lp.note else ""
                print(f"  {label}: {lp.place.name}{code}{note}")
    return 0


def register(sub, command) -> None:
    """Add `ocop places search|show`; `command(name, help, func, parent=sub)` makes one."""
    parser = sub.add_parser(
        "places",
        help="đơn vị hành chính trước và sau 01/07/2025",
        description="đơn vị hành chính trước và sau 01/07/2025",
    )
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="tệp cơ sở dữ liệu")
    group = parser.add_subparsers(dest="action", required=True, metavar="THAO_TÁC")
    p = command("search", "tìm đơn vị theo tên (không cần dấu) hoặc mã", cmd_places_search, parent=group)
    p.add_argument("text", metavar="TÊN", help="tên hay một phần tên, có dấu hoặc không; hoặc mã ĐVHC")
    p.add_argument("--on", metavar="NGÀY", help="chỉ các đơn vị có hiệu lực ngày này (dd/mm/yyyy hoặc yyyy-mm-dd)")
    p.add_argument("--format", choices=("json", "csv"), default="json", help="định dạng đầu ra")
    p = command("show", "xem một đơn vị theo mã, với các đơn vị trước đó và kế thừa", cmd_places_show, parent=group)
    p.add_argument("code", metavar="MÃ", help="mã ĐVHC (ví dụ 03307)")
