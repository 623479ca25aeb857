"""`ocop` subcommands for data safety: backup, backup list, restore, audit (the change log)."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

from ocop_desktop.commands.common import (
    Refused,
    command_name,
    db_file,
    emit_rows,
    open_db,
    output_file,
    server_location,
    writer_lock,
)
from ocop_desktop.commands.password import terminal_asker
from ocop_desktop.domain.numbers import format_vn_number, parse_vn_date
from ocop_desktop.domain.schema import AUDIT_LOG, BACKUP, TERMINAL
from ocop_desktop.domain.text import for_terminal
from ocop_desktop.persistence.database import damaged, is_writable, read_only_location, with_typed_password
from ocop_desktop.persistence.engine import shown_url
from ocop_desktop.persistence.snapshot import BackupFailed, check_file
from ocop_desktop.services import backup as backups
from ocop_desktop.services import server_backup
from ocop_desktop.services.audit import AuditFilter, AuditService
from ocop_desktop.services.errors import explain

# The columns of `backup list` and `audit` (csv/json): the records' terminal views, domain/schema/safety.py.
BACKUP_COLUMNS = BACKUP.view_keys(TERMINAL)
AUDIT_COLUMNS = AUDIT_LOG.view_keys(TERMINAL)
YES = {"c", "co", "có", "y", "yes", "đồng ý", "dong y"}


def _size(n: int) -> str:
    if n < 1024 * 1024:
        return f"{format_vn_number(max(1, round(n / 1024)))} KB"
    return f"{format_vn_number(round(n / 1024 / 1024, 1))} MB"


def _disk_error(exc: Exception) -> Refused:
    message = explain(exc)
    if message is None:
        raise exc
    return Refused(message)


def cmd_backup(args) -> int:
    server = server_location(args)
    if server is not None:
        return _server_backup(args, server)
    db_path = db_file(args)
    if not db_path.is_file():
        raise Refused(f"Không có tệp dữ liệu {db_path} để sao lưu. Hãy kiểm tra --db.")
    target = output_file(args.output) if args.output else None
    try:
        info = backups.create_backup(db_path, backups.MANUAL, target=target)
    except (BackupFailed, sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        problems = check_file(db_path, quick=True)
        if problems:  # the database itself is damaged: how to restore it, not a failed copy
            raise Refused(str(damaged(db_path, problems))) from exc
        if isinstance(exc, sqlite3.OperationalError):
            raise _disk_error(exc) from exc
        raise Refused(f"Không sao lưu được: {exc}") from exc
    except OSError as exc:
        raise _disk_error(exc) from exc
    except backups.RestoreRefused as exc:
        raise Refused(str(exc)) from exc
    summary = backups.describe(info.path)
    print(
        f"Đã sao lưu {db_path} vào {info.path} ({_size(info.size)}; {summary.describe()}). "
        "Bản sao đã được kiểm tra toàn vẹn."
    )
    return 0


def _server_backup(args, server: str) -> int:
    """`ocop backup` of a PostgreSQL database: pg_dump's archive, read back by pg_restore."""
    target = output_file(args.output) if args.output else None
    # A password typed at the prompt reaches pg_dump in its environment, as one in the URL does.
    server = with_typed_password(server, terminal_asker())
    try:
        info = server_backup.create_server_backup(server, target)
    except server_backup.ServerBackupError as exc:
        raise Refused(f"Không sao lưu được: {exc}") from exc
    except OSError as exc:
        raise _disk_error(exc) from exc
    print(
        f"Đã sao lưu {shown_url(server)} vào {info.path} ({_size(info.size)}; {info.describe()}). "
        f"Bản sao đã được kiểm tra: pg_restore đọc được và có đủ {info.tables} bảng."
    )
    return 0


def cmd_backup_list(args) -> int:
    db_path = db_file(args)
    items = backups.list_backups(db_path)
    if args.format != "text":
        emit_rows(
            [{**asdict(b), "path": str(b.path), "made_at": b.made_at.isoformat(timespec="seconds")} for b in items],
            args.format,
            BACKUP_COLUMNS,
        )
        return 0
    folder = db_path.parent / "backups"
    if not items:
        print(f"Chưa có bản sao nào trong {folder}.")
        return 0
    print(f"Các bản sao của {db_path.name} trong {folder} (mới nhất trước):")
    for b in items:
        print(f"  {b.made_at:%d/%m/%Y %H:%M:%S}  {_size(b.size):>9}  {b.reason_label:<34}  {b.path.name}")
    print(
        f"Tổng cộng {len(items)} bản sao, {_size(sum(b.size for b in items))}. "
        "Khôi phục một bản sao bằng: ocop restore TỆP"
    )
    return 0


def _print_summary(title: str, s: backups.BackupSummary, is_copy: bool = True) -> None:
    print(title)
    print(f"  Tệp: {s.path}")
    if s.made_at and is_copy:
        print(f"  Thời điểm sao lưu: {s.made_at:%H:%M:%S ngày %d/%m/%Y}")
    print(f"  Phiên bản lược đồ: {s.schema_version or 'không rõ'}; dung lượng {_size(s.size)}")
    print(f"  Gồm: {s.describe()}")
    if s.newest_change:
        print(f"  Thay đổi mới nhất: {s.newest_change:%H:%M ngày %d/%m/%Y}")


def _confirmed() -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        raise Refused(
            "Khôi phục sẽ thay toàn bộ dữ liệu hiện tại bằng bản sao. Chạy lại với --yes để xác nhận "
            "(không hỏi được vì lệnh không chạy trong cửa sổ dòng lệnh)."
        )
    answer = input("Thay toàn bộ dữ liệu hiện tại bằng bản sao này? Gõ «có» để đồng ý: ")
    return answer.strip().lower() in YES


def cmd_restore(args) -> int:
    """Explain the backup (refuse a foreign or damaged file, warn of a broken audit chain)
    before anything is replaced; then, under the writer lock, keep the current state and
    restore. Waiting for the lock means a running import finishes and commits first, so its
    rows are in the safety copy. On a PostgreSQL server: _server_restore."""
    server = server_location(args)
    if server is not None:
        return _server_restore(args, server)
    db_path = db_file(args)
    source = Path(args.file).expanduser()
    if source.exists() and not source.is_file():
        raise Refused(
            f"«{source}» là thư mục hoặc thiết bị, không phải tệp bản sao. Dữ liệu hiện tại không thay "
            "đổi. Hãy xem danh sách bản sao bằng: ocop backup list"
        )
    if not source.is_file():
        raise Refused(f"Không có tệp {source}. Hãy xem danh sách bản sao bằng: ocop backup list")
    if db_path.exists() and not is_writable(db_path):
        raise read_only_location(db_path)
    summary = backups.describe(source, db_path=db_path)
    if not summary.restorable:
        raise Refused(f"Không khôi phục được từ {source}: " + " ".join(summary.problems))
    _print_summary("Bản sao sẽ khôi phục:", summary)
    if summary.warnings:
        print(
            "Cảnh báo: nhật ký thay đổi của bản sao này đã bị sửa ngoài ứng dụng hoặc không khớp mốc xác nhận đã "
            "ghi, nên không chứng minh được dữ liệu trong bản sao là do người dùng nhập qua OCOP Desktop:",
            file=sys.stderr,
        )
        for line in summary.warnings:
            print(f"  - {line}", file=sys.stderr)
        if args.yes and not args.accept_broken_log:
            raise Refused(
                "Chưa khôi phục; dữ liệu hiện tại không thay đổi. Nếu vẫn muốn dùng bản sao này, "
                "chạy lại với --yes --accept-broken-log (hoặc không có --yes để được hỏi)."
            )
    with writer_lock(db_path, command_name(args)):
        if db_path.exists():
            current = backups.describe(db_path, chain=False)
            if current.restorable:
                _print_summary("Dữ liệu hiện tại (sẽ được sao lưu trước khi thay):", current, is_copy=False)
            else:
                print(
                    "Dữ liệu hiện tại không dùng được (tệp hỏng hoặc không đọc được); tệp này sẽ được giữ nguyên "
                    "trong thư mục backups trước khi thay."
                )
        if not args.yes and not _confirmed():
            print("Đã hủy; dữ liệu không thay đổi.")
            return 1
        try:
            result = backups.restore(db_path, source)
        except backups.RestoreRefused as exc:
            raise Refused(str(exc)) from exc
        except (OSError, sqlite3.Error) as exc:
            raise _disk_error(exc) from exc
    print(f"Đã khôi phục {db_path} từ {source} ({result.summary.describe()}).")
    if result.safety_copy:
        print(f"Dữ liệu ngay trước khi khôi phục được giữ ở: {result.safety_copy}")
    return 0


def _server_restore(args, server: str) -> int:
    """`ocop restore` on a PostgreSQL server: only into an empty database (nothing to replace, so
    nothing to keep first), by pg_restore in one transaction; then the schema is brought to this
    version and the audit chain checked. A broken chain empties the database again unless the
    user accepts it (--accept-broken-log): the archive's chain can only be read once restored."""
    shown = shown_url(server)
    source = Path(args.file).expanduser()
    if not source.is_file():
        raise Refused(f"Không có tệp {source} (hoặc đó là thư mục). Dữ liệu trên máy chủ không thay đổi.")
    server = with_typed_password(server, terminal_asker())  # for pg_restore too
    try:
        summary = server_backup.describe_archive(source)
        if not summary.restorable:
            raise Refused(f"Không khôi phục được từ {source}: " + " ".join(summary.problems))
        print("Bản sao sẽ khôi phục:")
        print(f"  Tệp: {source}")
        print(f"  Thời điểm ghi tệp: {summary.made_at:%H:%M:%S ngày %d/%m/%Y}")
        print(f"  Phiên bản lược đồ: {summary.schema_version}; dung lượng {_size(summary.size)}; {summary.tables} bảng")
        server_backup.refuse_unless_empty(server)
        print(f"Cơ sở dữ liệu đích: {shown} (trống).")
        if not args.yes:
            if not sys.stdin or not sys.stdin.isatty():
                raise Refused(
                    "Chưa khôi phục. Chạy lại với --yes để xác nhận "
                    "(không hỏi được vì lệnh không chạy trong cửa sổ dòng lệnh)."
                )
            answer = input(f"Khôi phục bản sao này vào {shown}? Gõ «có» để đồng ý: ")
            if answer.strip().lower() not in YES:
                print("Đã hủy; dữ liệu không thay đổi.")
                return 1
        result = server_backup.restore_server_backup(server, source)
    except server_backup.ServerBackupError as exc:
        raise Refused(str(exc)) from exc
    if result.warnings:
        print(
            "Cảnh báo: nhật ký thay đổi của bản sao này đã bị sửa ngoài ứng dụng hoặc không khớp dữ liệu, "
            "nên không chứng minh được dữ liệu trong bản sao là do người dùng nhập qua OCOP Desktop:",
            file=sys.stderr,
        )
        for line in result.warnings:
            print(f"  - {line}", file=sys.stderr)
        if not args.accept_broken_log:
            server_backup.empty_again(server)
            raise Refused(
                f"Chưa khôi phục: cơ sở dữ liệu {shown} đã được làm trống lại như trước. Nếu vẫn muốn dùng bản "
                "sao này, chạy lại với --accept-broken-log."
            )
    if result.migration.changed:
        print(f"Đã nâng cấp lược đồ từ {result.migration.before} lên {result.migration.after}.")
    print(f"Đã khôi phục {shown} từ {source} ({result.describe()}).")
    if not result.warnings:
        print("Nhật ký thay đổi và các bản ghi khớp nhau (chuỗi kiểm tra đạt).")
    return 0


def cmd_audit(args) -> int:
    db, make_uow = open_db(args, write=False)
    try:
        flt = AuditFilter(
            entity=args.entity,
            entity_id=args.id,
            actor=args.actor,
            since=args.since,
            until=args.until,
            search=args.search,
            limit=args.limit,
        )
        entries = AuditService(make_uow).entries(flt)
    finally:
        db.close()
    rows = [{**asdict(e), "at": e.at.isoformat(timespec="seconds"), "summary": e.summary} for e in entries]
    for row in rows:
        row.pop("changes")
    if args.format != "text":
        emit_rows(rows, args.format, AUDIT_COLUMNS)
        return 0
    for e in entries:
        record = f"{e.entity_label} «{for_terminal(e.record)}»" if e.record else e.entity_label
        print(f"#{e.seq}  {e.at:%d/%m/%Y %H:%M}  {for_terminal(e.actor or '(không rõ)')}  {e.action_label}  {record}")
        if e.summary:
            print(f"      {for_terminal(e.summary)}")
    print(f"{len(entries)} mục.")
    return 0


def _day(text: str) -> date:
    try:
        return parse_vn_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub, command) -> None:
    """Add this module's subcommands; `command(name, help, func, parent=sub)` makes one."""
    p = command(
        "backup", "sao lưu dữ liệu (kiểm tra bản sao sau khi ghi); «backup list» liệt kê các bản sao", cmd_backup
    )
    p.epilog = (
        "Bản sao tự động nằm trong thư mục backups cạnh tệp dữ liệu và được giữ theo quy tắc: 5 bản mới nhất; "
        "ngoài ra bản mới nhất của mỗi ngày trong 7 ngày gần nhất, của mỗi tuần trong 4 tuần và của mỗi tháng "
        "trong 12 tháng. Bản sao thủ công (lệnh này) không bao giờ bị xóa tự động."
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="TỆP",
        help="ghi bản sao ra tệp này (ví dụ trên USB); mặc định: thư mục backups cạnh tệp dữ liệu "
        "(máy chủ PostgreSQL: thư mục backups trong thư mục dữ liệu người dùng, tệp .dump của pg_dump)",
    )
    actions = p.add_subparsers(dest="backup_action", metavar="THAO_TÁC")
    lp = command("list", "liệt kê các bản sao với thời điểm và dung lượng", cmd_backup_list, parent=actions)
    lp.add_argument("--format", choices=("text", "json", "csv"), default="text", help="định dạng đầu ra")

    p = command("restore", "khôi phục dữ liệu từ một bản sao (dữ liệu hiện tại được sao lưu trước)", cmd_restore)
    p.epilog = (
        "Trên máy chủ PostgreSQL (--db postgresql://…), bản sao .dump của «ocop backup» chỉ được khôi phục vào "
        "một cơ sở dữ liệu trống (tạo bằng createdb), bằng pg_restore trong một giao dịch."
    )
    p.add_argument("file", metavar="TỆP", help="tệp bản sao (xem «ocop backup list»)")
    p.add_argument("--yes", action="store_true", help="không hỏi lại (dùng trong tập lệnh)")
    p.add_argument(
        "--accept-broken-log",
        action="store_true",
        help="vẫn khôi phục khi nhật ký thay đổi của bản sao đã bị sửa ngoài ứng dụng hoặc không khớp "
        "mốc xác nhận (cùng với --yes)",
    )

    p = command("audit", "xem nhật ký thay đổi: ai sửa gì, lúc nào, giá trị cũ và mới", cmd_audit)
    p.add_argument("--entity", metavar="BẢNG", help="loại bản ghi, ví dụ products, producers, tasks")
    p.add_argument("--id", metavar="MÃ", help="mã của một bản ghi: lịch sử của riêng bản ghi đó")
    p.add_argument("--actor", metavar="NGƯỜI", help="chỉ các thay đổi của người này")
    p.add_argument("--since", type=_day, metavar="NGÀY", help="từ ngày (dd/mm/yyyy)")
    p.add_argument("--until", type=_day, metavar="NGÀY", help="đến ngày (dd/mm/yyyy)")
    p.add_argument("--search", metavar="TÊN", help="tên sản phẩm, chủ thể hoặc dòng rà soát (không cần dấu)")
    p.add_argument("--limit", type=int, default=200, metavar="N", help="số mục mới nhất (mặc định 200)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text", help="định dạng đầu ra")
