"""`ocop verify FILE`: is a report file the one its office signed, unchanged, from a trusted office?"""

from __future__ import annotations

from pathlib import Path

from ocop_desktop.commands.common import Refused, open_db
from ocop_desktop.domain.text import for_terminal
from ocop_desktop.services.report_seal import VALID, check_report_file


def cmd_verify(args) -> int:
    db, make_uow = open_db(args, write=False)
    try:
        result = check_report_file(make_uow, Path(args.file), Path(args.sig) if args.sig else None)
    finally:
        db.close()
    if result.state != VALID:
        raise Refused(for_terminal(result.message))
    print(for_terminal(result.message))
    anchor = result.anchor or {}
    if anchor.get("count"):
        print(f"Nhật ký của đơn vị lập báo cáo lúc ký: đến mục {anchor['count']}, mã {str(anchor.get('head'))[:12]}.")
    return 0


def register(sub, command) -> None:
    p = command("verify", "kiểm tra chữ ký của một tệp báo cáo nhận được (tệp .sig cùng tên đi kèm)", cmd_verify)
    p.add_argument("file", metavar="TỆP", help="tệp báo cáo PDF hoặc Excel")
    p.add_argument("--sig", metavar="TỆP_CHỮ_KÝ", help="tệp chữ ký (mặc định: TỆP.sig)")
