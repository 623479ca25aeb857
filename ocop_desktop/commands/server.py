"""`ocop server init postgresql://…`: a provincial office's shared database made ready for several
people: the schema and reference data, the roles' groups, grants and row-level security, and the
first administrator (issue 18)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from sqlalchemy import func, select

from ocop_desktop.commands.common import Refused
from ocop_desktop.commands.password import terminal_asker
from ocop_desktop.persistence.database import open_database
from ocop_desktop.persistence.engine import is_server_url, shown_url
from ocop_desktop.persistence.models import User
from ocop_desktop.services import server_roles
from ocop_desktop.services.settings import current_actor
from ocop_desktop.services.users import UserService


def read_password(password_file: str | None, login: str) -> str:
    """The new login's password: the first line of ``password_file``, or typed twice (never shown,
    never stored by the program; the server keeps only its SCRAM digest)."""
    if password_file:
        try:
            lines = Path(password_file).read_text("utf-8").splitlines()
        except OSError as exc:
            raise Refused(f"Không đọc được tệp mật khẩu «{password_file}» ({exc.strerror}).") from None
        password = lines[0] if lines else ""
    else:
        if not sys.stdin.isatty():
            raise Refused(
                f"Cần mật khẩu cho «{login}» nhưng không có bàn phím để gõ: hãy chạy lệnh trong cửa sổ dòng lệnh, "
                "hoặc ghi mật khẩu vào dòng đầu của một tệp chỉ mình đọc được rồi dùng --password-file TỆP."
            )
        password = getpass.getpass(f"Mật khẩu cho «{login}»: ")
        if getpass.getpass("Gõ lại mật khẩu: ") != password:
            raise Refused("Hai lần gõ mật khẩu không giống nhau; chưa tạo gì. Hãy chạy lại lệnh.")
    if len(password) < 8:
        raise Refused(f"Mật khẩu cho «{login}» cần ít nhất 8 ký tự; chưa tạo gì.")
    return password


def cmd_server_init(args) -> int:
    location = args.url
    if not is_server_url(location):
        raise Refused(
            f"«{location}» không phải địa chỉ máy chủ PostgreSQL; hãy ghi dạng "
            "postgresql://NGƯỜI_SỞ_HỮU@MÁY:CỔNG/TÊN_CSDL (người sở hữu cơ sở dữ liệu, không phải người dùng hằng ngày)."
        )
    login = server_roles.check_login(args.admin.strip())
    shown = shown_url(location)
    db = open_database(location, ask_password=terminal_asker())  # the schema: every migration
    try:
        m = db.migration
        make_uow = db.uow_factory(actor=current_actor(db.uow_factory()))
        with db.engine.connect() as conn:
            users = conn.execute(select(func.count()).select_from(User)).scalar() or 0
            exists = server_roles.role_exists(conn, login)
            maintainer = server_roles.is_maintainer(conn)
        if users:
            raise Refused(
                f"Cơ sở dữ liệu {shown} đã được khởi tạo cho nhiều người dùng (đã có {users} người dùng); "
                "không khởi tạo lại. Thêm người bằng: ocop --db ĐỊA_CHỈ users add TÊN --name … --role …"
            )
        if not maintainer:
            raise Refused(
                f"Khởi tạo {shown} cần kết nối bằng người sở hữu cơ sở dữ liệu (người đã tạo nó, ví dụ "
                "createdb --owner=tinh) hoặc postgres, vì phải tạo nhóm quyền và giới hạn trên các bảng; chưa tạo gì."
            )
        from ocop_desktop.services.office_key import office_key  # noqa: PLC0415
        from ocop_desktop.services.reference import load_reference  # noqa: PLC0415
        from ocop_desktop.services.scorecards import load_shipped_scorecards  # noqa: PLC0415

        load_reference(make_uow)
        load_shipped_scorecards(make_uow)
        # The office's signing key, made now by the owner: the roles may read it, not make it, so
        # the first report a commune officer prints is signed like every other.
        office_key(make_uow)
        password = None if exists else read_password(args.password_file, login)
        with db.engine.begin() as conn:
            server_roles.install(conn)
        admin = UserService(make_uow).add(login, args.name, "admin", password=password)
    finally:
        db.close()
    if m.before is None or m.changed:
        print(f"Đã tạo lược đồ {m.after} và nạp dữ liệu tham chiếu trên {shown}.")
    print(
        "Đã tạo các nhóm quyền ocop_commune (cán bộ xã), ocop_province (chuyên viên tỉnh), ocop_council "
        "(hội đồng), ocop_admin (quản trị), quyền trên từng bảng và giới hạn theo đơn vị cho cán bộ xã."
    )
    kept = "" if password else " (tên đăng nhập đã có trên máy chủ, giữ mật khẩu cũ)"
    print(f"Quản trị viên đầu tiên: {admin.login} — {admin.full_name}{kept}.")
    print(
        f"Từ nay mỗi người dùng tên đăng nhập của mình: ocop --db postgresql://{admin.login}@MÁY/TÊN_CSDL …; "
        "quản trị viên thêm người bằng ocop users add."
    )
    return 0


def register(sub, command) -> None:
    """Add `ocop server init`."""
    help_ = "máy chủ PostgreSQL dùng chung của văn phòng tỉnh"
    parser = sub.add_parser("server", help=help_, description=help_)
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="không dùng: địa chỉ ghi sau init")
    group = parser.add_subparsers(dest="action", required=True, metavar="THAO_TÁC")
    p = command(
        "init",
        "khởi tạo cơ sở dữ liệu trên máy chủ: lược đồ, dữ liệu tham chiếu, nhóm quyền và quản trị viên đầu tiên",
        cmd_server_init,
        parent=group,
    )
    p.add_argument(
        "url", metavar="postgresql://NGƯỜI_SỞ_HỮU@MÁY:CỔNG/TÊN_CSDL", help="cơ sở dữ liệu, kết nối bằng người sở hữu nó"
    )
    p.add_argument("--admin", required=True, metavar="TÊN_ĐĂNG_NHẬP", help="tên đăng nhập của quản trị viên đầu tiên")
    p.add_argument("--name", required=True, metavar="HỌ_TÊN", help="họ và tên quản trị viên")
    p.add_argument(
        "--password-file",
        metavar="TỆP",
        help="đọc mật khẩu của tên đăng nhập mới từ dòng đầu tệp này (mặc định: hỏi hai lần)",
    )
