"""A report file vouched for by the office that made it.

Every printed page carries the office's key fingerprint and its audit chain's anchor (the Seal
of exports/report_model.py), so the paper can be compared by phone with the sender's «Thiết lập
đơn vị» page. A report saved as a file also gets a detached signature beside it,
``<file>.sig``: the file's SHA-256, the office and unit, the anchor, signed with the office key.
The receiver checks it with `ocop report verify FILE` — the same trust list as packages.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ocop_desktop.domain.language import Text
from ocop_desktop.domain.validation import NotFoundError
from ocop_desktop.exports.report_model import Progress, Report, Seal
from ocop_desktop.exports.signing import KeyFileError, OfficeKey, b64, fingerprint, short_fingerprint, unb64, verify
from ocop_desktop.persistence.models import Place, TrustedSender
from ocop_desktop.persistence.models.base import utcnow
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services import anchors
from ocop_desktop.services.office_key import database_file, existing_office_key, office_key
from ocop_desktop.services.settings import office_settings

FORMAT = "ocop-report-signature"
VERSION = 1
SUFFIX = ".sig"
_SIGNED = ("format", "version", "file", "sha256", "size", "report", "signer", "audit_anchor", "signed_at", "public_key")


def signature_file(report_file: Path) -> Path:
    return Path(f"{report_file}{SUFFIX}")


def _payload(values: dict[str, Any]) -> bytes:
    return json.dumps(
        {k: values.get(k) for k in _SIGNED}, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class Sealing:
    """What a report is sealed with: the key (None for a database in memory) and the anchor."""

    key: OfficeKey | None
    anchor: dict[str, Any]
    seal: Seal | None


def sealing(make_uow: UowFactory, create_key: bool = True) -> Sealing:
    """The office key (made now if the office has none yet and ``create_key``) and the chain's head."""
    try:
        key = office_key(make_uow) if create_key else existing_office_key(make_uow)
    except KeyFileError:  # a folder that cannot be written (read-only media): the report is still made
        key = None
    with make_uow() as uow:
        anchor = anchors.anchor_of_session(uow.session)
    if key is None:
        return Sealing(None, anchor, None)
    at = anchor.get("at")
    seal = Seal(
        short_fingerprint(key.fingerprint),
        int(anchor.get("count") or 0),
        str(anchor.get("head") or ""),
        datetime.fromisoformat(at) if isinstance(at, str) else None,
    )
    return Sealing(key, anchor, seal)


def sign_report_file(make_uow: UowFactory, report: Report, path: Path, sealed: Sealing) -> Path | None:
    """Write ``<path>.sig`` for a report file just written; record the anchor beside the database.
    Nothing (None) for a database without a key."""
    if sealed.key is None:
        return None
    office = office_settings(make_uow)
    with make_uow() as uow:
        unit = uow.session.get(Place, office.office_unit_id) if office.office_unit_id else None
        unit_code = (unit.code if unit else "") or ""
    values: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "file": path.name,
        "sha256": _sha256(path),
        "size": path.stat().st_size,
        "report": {
            "kind": report.kind,
            "title": report.title,
            "subtitle": report.subtitle,
            "number": report.header.number,
            "day": report.header.day.isoformat() if report.header.day else None,
        },
        "signer": {
            "unit_id": office.office_unit_id or None,
            "unit_name": office.office_name,
            "unit_code": unit_code,
            "user_name": office.user_name,
            "user_title": office.user_title,
        },
        anchors.ANCHOR_KEY: sealed.anchor,
        "signed_at": utcnow().isoformat(),
        "public_key": b64(sealed.key.public_key),
    }
    values["signature"] = b64(sealed.key.sign(_payload(values)))
    target = signature_file(path)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps(values, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(target)
    if (db_path := database_file(make_uow)) is not None:
        anchors.record(db_path, sealed.anchor, f"báo cáo {path.name}")
    return target


# -- checking a report received ------------------------------------------------------------------
VALID, UNTRUSTED, INVALID = "valid", "untrusted", "invalid"


@dataclass(frozen=True)
class ReportCheck:
    state: str  # VALID (signed by a trusted office or this one), UNTRUSTED (sound, unknown key), INVALID
    message: str  # Vietnamese, what it means and what to do
    office: str = ""
    words: str = ""  # the signer's fingerprint as printed on paper
    anchor: dict[str, Any] | None = None


def _read_signature(sig: Path) -> dict[str, Any] | str:
    try:
        values = json.loads(sig.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Text(
            f"Không có tệp chữ ký {sig.name} đi kèm báo cáo, nên không biết ai đã lập và tệp có bị sửa hay không. "
            "Hãy đề nghị đơn vị gửi gửi kèm tệp .sig cùng tên (OCOP Desktop tạo ra khi lưu báo cáo).",
            f"There is no signature file {sig.name} with the report, so who made it and whether it was altered "
            "cannot be known. Ask the sending office to send the .sig file of the same name with it (OCOP Desktop "
            "makes it when it saves a report).",
        )
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return Text(
            f"Không đọc được tệp chữ ký {sig.name} ({exc.__class__.__name__}). Hãy đề nghị đơn vị gửi gửi lại.",
            f"Cannot read the signature file {sig.name} ({exc.__class__.__name__}). Ask the sending office to send it again.",
        )
    if not isinstance(values, dict) or values.get("format") != FORMAT:
        return Text(
            f"Tệp {sig.name} không phải chữ ký báo cáo của OCOP Desktop.",
            f"The file {sig.name} is not an OCOP Desktop report signature.",
        )
    return values


def check_report_file(make_uow: UowFactory, path: Path, sig: Path | None = None) -> ReportCheck:
    """Whether ``path`` is the file its signature names, unchanged, signed by a trusted office."""
    path = Path(path)
    sig = Path(sig) if sig else signature_file(path)
    if not path.is_file():
        return ReportCheck(
            INVALID, Text(f"Không tìm thấy tệp báo cáo {path}.", f"The report file {path} was not found.")
        )
    values = _read_signature(sig)
    if isinstance(values, str):
        return ReportCheck(INVALID, values)
    raw_key, raw_sig = unb64(values.get("public_key")), unb64(values.get("signature"))
    named = values.get("signer")
    signer: dict[str, Any] = named if isinstance(named, dict) else {}
    office = str(signer.get("unit_name") or "đơn vị không ghi tên")
    if raw_key is None or len(raw_key) != 32 or raw_sig is None or not verify(raw_key, raw_sig, _payload(values)):
        return ReportCheck(
            INVALID,
            Text(
                f"Chữ ký trong {sig.name} không hợp lệ: tệp chữ ký đã bị sửa hoặc không phải do "
                f"khóa của {office} tạo ra. Không dùng báo cáo này; hãy đề nghị đơn vị gửi gửi lại.",
                f"The signature in {sig.name} is not valid: the signature file was altered or was not made by "
                f"the key of {office}. Do not use this report; ask the sending office to send it again.",
            ),
            office,
        )
    fp = fingerprint(raw_key)
    words = short_fingerprint(fp)
    anchor = values.get(anchors.ANCHOR_KEY) if isinstance(values.get(anchors.ANCHOR_KEY), dict) else None
    if _sha256(path) != values.get("sha256"):
        return ReportCheck(
            INVALID,
            Text(
                f"Tệp {path.name} đã bị thay đổi sau khi {office} ký (mã SHA-256 không còn khớp với chữ ký). Không dùng "
                "bản này; hãy đề nghị đơn vị gửi gửi lại tệp gốc.",
                f"The file {path.name} was changed after {office} signed it (its SHA-256 no longer matches the "
                "signature). Do not use this copy; ask the sending office to send the original file again.",
            ),
            office,
            words,
            anchor,
        )
    own = existing_office_key(make_uow)
    if own is not None and own.fingerprint == fp:
        return ReportCheck(
            VALID,
            Text(
                f"Báo cáo do chính đơn vị này lập, khóa {words}; tệp không bị sửa.",
                f"A report made by this office itself, key {words}; the file was not altered.",
            ),
            office,
            words,
            anchor,
        )
    unit_id = signer.get("unit_id") if isinstance(signer.get("unit_id"), str) else None
    with make_uow() as uow:
        rows = list(uow.session.scalars(select(TrustedSender).where(TrustedSender.fingerprint == fp)))
    active = [r for r in rows if r.revoked_at is None]
    if any(r.unit_id == unit_id or (r.unit_id is None and r.office_name == office) for r in active):
        return ReportCheck(
            VALID,
            Text(
                f"Báo cáo của {office}, ký bằng khóa {words} đã được tin cậy; tệp không bị sửa.",
                f"A report of {office}, signed with the trusted key {words}; the file was not altered.",
            ),
            office,
            words,
            anchor,
        )
    if rows and not active:
        return ReportCheck(
            INVALID,
            Text(
                f"Báo cáo ký bằng khóa {words} mà nơi này đã thu hồi tin cậy. Không dùng báo cáo này; hãy gọi điện "
                f"cho {office} để đối chiếu.",
                f"The report is signed with the key {words}, which this office no longer trusts. Do not use this "
                f"report; phone {office} to compare.",
            ),
            office,
            words,
            anchor,
        )
    return ReportCheck(
        UNTRUSTED,
        Text(
            f"Tệp không bị sửa kể từ khi ký, nhưng khóa ký {words} của {office} chưa có trong danh sách đơn vị tin cậy. "
            "Hãy gọi điện hoặc xem trang «Thiết lập đơn vị» của đơn vị đó để đối chiếu dấu vân tay (cũng in ở chân mỗi "
            "trang báo cáo) trước khi dùng.",
            f"The file was not altered since it was signed, but the signing key {words} of {office} is not among the "
            "trusted offices. Phone that office or look at its «Office settings» page to compare the fingerprint (also "
            "printed at the foot of every report page) before using it.",
        ),
        office,
        words,
        anchor,
    )


# -- writing a sealed report ---------------------------------------------------------------------
def check_format(fmt: str) -> None:
    """Refuse a format no report is written in (before a long report is built, where it can be)."""
    if fmt not in ("xlsx", "pdf"):
        raise NotFoundError(
            Text(
                f"Định dạng «{fmt}» không được hỗ trợ; hãy chọn xlsx hoặc pdf.",
                f"The format «{fmt}» is not supported; choose xlsx or pdf.",
            )
        )


def write_sealed(
    make_uow: UowFactory,
    report: Report,
    fmt: str,
    path: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    sign: bool = True,
) -> Path:
    """Write ``report`` as pdf or xlsx with the seal on every page and, with ``sign``, its ``.sig``.

    ``sign=False`` for reports placed inside a package: the package's signed manifest covers them."""
    check_format(fmt)
    sealed = sealing(make_uow)
    report.seal = sealed.seal
    path = Path(path)
    if fmt == "xlsx":
        from ocop_desktop.exports.excel import write_xlsx  # noqa: PLC0415  (a slow import, needed here only)

        written = write_xlsx(report, path, progress, cancelled)
    else:
        from ocop_desktop.exports.pdf import write_pdf  # noqa: PLC0415

        written = write_pdf(report, path, progress, cancelled)
    if sign:
        sign_report_file(make_uow, report, written, sealed)
    return written
