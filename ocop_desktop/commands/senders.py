"""`ocop senders list|trust|revoke|export|import`: the offices whose signed packages this office takes,
and the signed list of them a province sends its communes."""

from __future__ import annotations

import argparse
from pathlib import Path

from ocop_desktop.commands.common import Refused, emit_rows, open_db
from ocop_desktop.domain import formatting
from ocop_desktop.domain.schema import TERMINAL, TRUSTED_SENDER
from ocop_desktop.domain.text import for_terminal
from ocop_desktop.exports.package import PackageError
from ocop_desktop.services.exchange import ExchangeService, SenderDTO, verify_package
from ocop_desktop.services.exchange.sender_list import SenderListService

COLUMNS = TRUSTED_SENDER.view_keys(TERMINAL)  # domain/schema/safety.py


def _row(s: SenderDTO) -> dict:
    return {
        "office": s.office,
        "fingerprint_words": s.words,
        "fingerprint": s.fingerprint,
        "trusted_at": formatting.moment(s.trusted_at),
        "trusted_by": s.trusted_by,
        "revoked_at": formatting.moment(s.revoked_at),
        "note": s.note,
    }


def cmd_senders_list(args) -> int:
    db, make_uow = open_db(args, write=False)
    try:
        rows = [_row(s) for s in ExchangeService(make_uow).senders()]
    finally:
        db.close()
    emit_rows(rows, args.format, COLUMNS)
    return 0


def cmd_senders_trust(args) -> int:
    try:
        verify_package(Path(args.file))
    except PackageError as exc:
        raise Refused(for_terminal(exc)) from None
    db, make_uow = open_db(args)
    try:
        sender = ExchangeService(make_uow).trust_package_sender(Path(args.file), note=args.note or "")
    except PackageError as exc:
        raise Refused(for_terminal(exc)) from None
    finally:
        db.close()
    print(
        f"Đã tin cậy {for_terminal(sender.office)}, dấu vân tay khóa ký {sender.words}. Các gói sau của đơn vị "
        "này ký bằng khóa khác sẽ bị từ chối."
    )
    return 0


def cmd_senders_revoke(args) -> int:
    db, make_uow = open_db(args)
    try:
        revoked = ExchangeService(make_uow).revoke_sender(args.fingerprint)
    except PackageError as exc:
        raise Refused(for_terminal(exc)) from None
    finally:
        db.close()
    for s in revoked:
        print(f"Đã thu hồi tin cậy {for_terminal(s.office)}, khóa {s.words}: gói ký bằng khóa này sẽ bị từ chối.")
    return 0


def cmd_senders_export(args) -> int:
    from ocop_desktop.commands.common import output_file  # noqa: PLC0415

    output = output_file(args.output)
    db, make_uow = open_db(args, write=False)
    try:
        count = SenderListService(make_uow).export(output)
    except PackageError as exc:
        raise Refused(for_terminal(exc)) from None
    finally:
        db.close()
    print(
        f"Đã ghi danh sách khóa của {count} đơn vị, có chữ ký của đơn vị này, ra {output}. Gửi tệp này cho các đơn "
        "vị trên địa bàn; họ đối chiếu dấu vân tay của đơn vị này một lần rồi nhận cả danh sách."
    )
    return 0


def cmd_senders_import(args) -> int:
    db, make_uow = open_db(args)
    try:
        result = SenderListService(make_uow).take(Path(args.file), trust_issuer=args.trust_issuer)
    except PackageError as exc:
        raise Refused(for_terminal(exc)) from None
    finally:
        db.close()
    print(for_terminal(result.summary))
    for title, lines in (("Đã thêm", result.added), ("Thu hồi", result.revoked), ("Không nhận", result.refused)):
        for line in lines:
            print(f"  {title}: {for_terminal(line)}")
    return 0


def register(sub, command) -> None:
    """Add `ocop senders list|trust|revoke`; `command(name, help, func, parent=sub)` makes one."""
    parser = sub.add_parser(
        "senders", help="đơn vị gửi đã tin cậy và khóa ký của họ", description="đơn vị gửi đã tin cậy và khóa ký của họ"
    )
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="tệp cơ sở dữ liệu")
    group = parser.add_subparsers(dest="action", required=True, metavar="THAO_TÁC")
    p = command(
        "list", "các đơn vị đã tin cậy, dấu vân tay khóa ký, ngày tin cậy và thu hồi", cmd_senders_list, parent=group
    )
    p.add_argument("--format", choices=("json", "csv"), default="json", help="định dạng đầu ra")
    p = command(
        "trust",
        "tin cậy đơn vị đã ký một gói (sau khi đã đối chiếu dấu vân tay qua điện thoại hoặc giấy)",
        cmd_senders_trust,
        parent=group,
    )
    p.add_argument("file", metavar="TỆP_GÓI", help="gói nhận được từ đơn vị đó")
    p.add_argument("--note", metavar="GHI_CHÚ", help="đã đối chiếu thế nào, với ai (ghi vào danh sách)")
    p = command(
        "revoke", "thu hồi tin cậy một khóa (máy bị mất, khóa lộ, đơn vị đã đổi khóa)", cmd_senders_revoke, parent=group
    )
    p.add_argument(
        "fingerprint", metavar="DẤU_VÂN_TAY", help="ít nhất 4 ký tự đầu, như in trên giấy (ví dụ «7K3M Q9TD»)"
    )
    p = command(
        "export",
        "ghi danh sách khóa của các đơn vị đã tin cậy, có chữ ký của đơn vị này (cấp tỉnh gửi cho các xã và hội đồng)",
        cmd_senders_export,
        parent=group,
    )
    p.add_argument("-o", "--output", required=True, metavar="TỆP", help="tệp danh sách khóa (.ocopkeys)")
    p = command("import", "nhận danh sách khóa do cấp tỉnh gửi", cmd_senders_import, parent=group)
    p.add_argument("file", metavar="TỆP", help="tệp danh sách khóa (.ocopkeys)")
    p.add_argument(
        "--trust-issuer",
        action="store_true",
        help="tin cậy nơi gửi danh sách (chỉ sau khi đã đối chiếu dấu vân tay của họ qua điện thoại hoặc giấy)",
    )
