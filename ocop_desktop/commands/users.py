"""`ocop users list|add|role|disable`: who may work on a provincial office's shared server, with which
role (issue 18). A file on one laptop has no users: its single local user keeps every right."""

from __future__ import annotations

import argparse
import sys

from ocop_desktop.commands.common import emit_rows, open_db, server_location
from ocop_desktop.commands.server import read_password
from ocop_desktop.domain.enums import UserRole
from ocop_desktop.services import server_roles
from ocop_desktop.services.users import LOCAL_ONLY, UserDTO, UserService

COLUMNS = ("login", "full_name", "role", "unit", "active")
HEADERS = ("Tên đăng nhập", "Họ tên", "Vai trò", "Đơn vị", "Hoạt động")
ROLE_CHOICES = [r.value for r in UserRole]
ROLE_HELP = ", ".join(f"{r.value} ({r.label.lower()})" for r in UserRole)
NOT_HERE = 2  # the command has no meaning on a file: nothing was done


def _on_file(args) -> bool:
    if server_location(args) is None:
        print(LOCAL_ONLY, file=sys.stderr)
        return True
    return False


def _row(u: UserDTO) -> dict:
    return {
        "login": u.login,
        "full_name": u.full_name,
        "role": u.role_label,
        "unit": u.unit_name,
        "active": "có" if u.active else "đã khóa",
    }


def _table(rows: list[dict]) -> None:
    """An aligned table for people (Vietnamese in NFC: one character, one column)."""
    cells = [list(HEADERS)] + [[str(r[c]) for c in COLUMNS] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    for n, row in enumerate(cells):
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def cmd_users_list(args) -> int:
    if _on_file(args):
        return NOT_HERE
    db, make_uow = open_db(args, write=False)
    try:
        rows = [_row(u) for u in UserService(make_uow).all()]
    finally:
        db.close()
    if args.format == "text":
        _table(rows)
    else:
        emit_rows(rows, args.format, COLUMNS)
    return 0


def _shown(u: UserDTO) -> str:
    unit = f", {u.unit_name}" if u.unit_name else ""
    return f"{u.login} — {u.full_name} ({u.role_label}{unit})"


def cmd_users_add(args) -> int:
    if _on_file(args):
        return NOT_HERE
    login = server_roles.check_login(args.login.strip())
    db, make_uow = open_db(args)
    try:
        service = UserService(make_uow)
        service.check_may_manage()
        with db.engine.connect() as conn:
            exists = server_roles.role_exists(conn, login)
        password = None if exists else read_password(args.password_file, login)
        user = service.add(login, args.name, args.role, args.unit, password)
    finally:
        db.close()
    kept = " (tên đăng nhập đã có trên máy chủ, giữ mật khẩu cũ)" if exists else ""
    print(f"Đã thêm người dùng {_shown(user)}{kept}.")
    return 0


def cmd_users_role(args) -> int:
    if _on_file(args):
        return NOT_HERE
    db, make_uow = open_db(args)
    try:
        user = UserService(make_uow).set_role(args.login, args.role, args.unit)
    finally:
        db.close()
    print(f"Đã đổi vai trò: {_shown(user)}.")
    return 0


def cmd_users_disable(args) -> int:
    if _on_file(args):
        return NOT_HERE
    db, make_uow = open_db(args)
    try:
        user = UserService(make_uow).disable(args.login)
    finally:
        db.close()
    print(f"Đã khóa {_shown(user)}: tên đăng nhập này không kết nối được nữa (mở lại bằng ocop users role).")
    return 0


def register(sub, command) -> None:
    """Add `ocop users list|add|role|disable`."""
    help_ = "người dùng và vai trò trên máy chủ PostgreSQL dùng chung"
    parser = sub.add_parser("users", help=help_, description=help_)
    parser.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS, help="tệp cơ sở dữ liệu hoặc máy chủ postgresql://…"
    )
    group = parser.add_subparsers(dest="action", required=True, metavar="THAO_TÁC")
    p = command("list", "danh sách người dùng: tên đăng nhập, họ tên, vai trò, đơn vị", cmd_users_list, parent=group)
    p.add_argument("--format", choices=("text", "json", "csv"), default="text", help="định dạng đầu ra")
    p = command("add", "thêm người dùng (tạo tên đăng nhập trên máy chủ)", cmd_users_add, parent=group)
    p.add_argument("login", metavar="TÊN_ĐĂNG_NHẬP", help="chữ thường không dấu, chữ số và _, ví dụ xa_an_phu")
    p.add_argument("--name", required=True, metavar="HỌ_TÊN", help="họ và tên")
    p.add_argument("--role", required=True, choices=ROLE_CHOICES, metavar="VAI_TRÒ", help=ROLE_HELP)
    p.add_argument("--unit", metavar="MÃ_ĐVHC", help="mã đơn vị (bắt buộc với cán bộ xã)")
    p.add_argument("--password-file", metavar="TỆP", help="đọc mật khẩu từ dòng đầu tệp (mặc định: hỏi hai lần)")
    p = command("role", "đổi vai trò (và đơn vị) của người dùng; mở lại người đã khóa", cmd_users_role, parent=group)
    p.add_argument("login", metavar="TÊN_ĐĂNG_NHẬP")
    p.add_argument("role", choices=ROLE_CHOICES, metavar="VAI_TRÒ", help=ROLE_HELP)
    p.add_argument("--unit", metavar="MÃ_ĐVHC", help="mã đơn vị (bắt buộc với cán bộ xã)")
    p = command(
        "disable", "khóa người dùng: không kết nối được nữa, tên vẫn giữ trong nhật ký", cmd_users_disable, parent=group
    )
    p.add_argument("login", metavar="TÊN_ĐĂNG_NHẬP")
