"""Whom this office takes packages from: each sending office and the key its packages must carry.

The first package of an office shows its key's fingerprint, to be compared with the sender by
phone or on paper, and is taken only once the receiver trusts it. Later packages of that office
signed with another key, or not signed at all, are refused: anyone can change a zip and recompute
its sums, nobody can sign with another office's key."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.language import Text, english
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.exports.package import PackageError, VerifiedPackage
from ocop_desktop.exports.signing import b64, fingerprint, short_fingerprint, unb64
from ocop_desktop.persistence.models import Place, TrustedSender
from ocop_desktop.persistence.models.base import utcnow

TRUSTED, NEW, REFUSED = "trusted", "new", "refused"
UNSIGNED = Text(
    "Gói không có chữ ký số của đơn vị gửi (gói do phiên bản OCOP Desktop cũ tạo ra, hoặc chữ ký đã bị gỡ "
    "trên đường gửi) nên không biết chắc ai đã gửi và gói có bị sửa hay không. Không có gì được nhập. Hãy đề "
    "nghị đơn vị gửi cập nhật OCOP Desktop rồi gửi lại gói.",
    "The package has no digital signature of the sending office (it was made by an old version of OCOP Desktop, "
    "or the signature was removed on the way), so who sent it and whether it was altered cannot be known. "
    "Nothing was imported. Ask the sending office to update OCOP Desktop and send the package again.",
)


@dataclass(frozen=True)
class SenderTrust:
    state: str  # TRUSTED, NEW (asks the receiver) or REFUSED
    office: str  # the sending office as the package names it
    unit_id: str | None
    fingerprint: str  # SHA-256 of the signing key, hex; "" when unsigned
    public_key: str  # base64; "" when unsigned
    reason: str = ""  # why refused, or what a new sender means

    @property
    def words(self) -> str:
        """The fingerprint as people compare it: «7K3M Q9TD X2CF HW4R»."""
        return short_fingerprint(self.fingerprint) if self.fingerprint else ""


@dataclass(frozen=True)
class SenderDTO:
    id: str
    office: str
    unit_id: str | None
    fingerprint: str
    words: str
    trusted_at: datetime
    trusted_by: str
    revoked_at: datetime | None
    note: str


def _sender(pkg: VerifiedPackage) -> tuple[str | None, str]:
    named = pkg.manifest.get("sender")
    sender: dict[str, Any] = named if isinstance(named, dict) else {}
    unit_id = sender.get("unit_id") if isinstance(sender.get("unit_id"), str) and sender.get("unit_id") else None
    office = sender.get("unit_name") if isinstance(sender.get("unit_name"), str) else ""
    return unit_id, office or "đơn vị không ghi tên"


def _known_unit(session: Session, unit_id: str | None) -> str | None:
    return unit_id if unit_id is not None and session.get(Place, unit_id) is not None else None


def _trusted_for(unit_id: str | None, office: str) -> Select[TrustedSender]:
    """An office is its unit; one whose unit this database does not know, its name."""
    if unit_id is not None:
        return select(TrustedSender).where(TrustedSender.unit_id == unit_id)
    return select(TrustedSender).where(TrustedSender.unit_id.is_(None), TrustedSender.office_name == office)


def sender_trust(session: Session, pkg: VerifiedPackage) -> SenderTrust:
    unit_id, office = _sender(pkg)
    if pkg.signer is None:
        return SenderTrust(REFUSED, office, unit_id, "", "", UNSIGNED)
    fp, key = pkg.signer.fingerprint, b64(pkg.signer.public_key)
    unit_id = _known_unit(session, unit_id)
    rows = list(session.scalars(_trusted_for(unit_id, office)))
    active = [r for r in rows if r.revoked_at is None]
    if any(r.fingerprint == fp for r in active):
        return SenderTrust(TRUSTED, office, unit_id, fp, key)
    words = short_fingerprint(fp)
    revoked = [r.revoked_at for r in rows if r.fingerprint == fp and r.revoked_at is not None]
    if revoked:
        return SenderTrust(
            REFUSED,
            office,
            unit_id,
            fp,
            key,
            Text(
                f"Gói của {office} ký bằng khóa {words} mà nơi này đã thu hồi tin cậy ngày "
                f"{format_vn_date(revoked[0].date())}. Không có gì được nhập. Nếu đơn vị đó vẫn dùng khóa này "
                "một cách hợp lệ, hãy gọi điện đối chiếu rồi tin cậy lại («ocop senders trust»).",
                f"The package of {office} is signed with the key {words}, which this office stopped trusting on "
                f"{format_vn_date(revoked[0].date())}. Nothing was imported. If that office still uses this key "
                "legitimately, phone them to compare, then trust it again («ocop senders trust»).",
            ),
        )
    if active:
        known = ", ".join(short_fingerprint(r.fingerprint) for r in active)
        return SenderTrust(
            REFUSED,
            office,
            unit_id,
            fp,
            key,
            Text(
                f"Gói mang tên {office} nhưng được ký bằng khóa {words}, khác với khóa đã tin cậy của đơn vị này ({known}). "
                "Có thể gói bị giả mạo, hoặc đơn vị đó đã cài lại máy và có khóa mới. Không có gì được nhập. Hãy gọi điện "
                "cho đơn vị gửi để đối chiếu dấu vân tay; nếu đúng là khóa mới, hãy thu hồi khóa cũ («ocop senders "
                "revoke») rồi nhập lại gói và tin cậy khóa mới.",
                f"The package bears the name {office} but is signed with the key {words}, not the key trusted for this "
                f"office ({known}). The package may be forged, or that office reinstalled its computer and has a new key. "
                "Nothing was imported. Phone the sending office to compare the fingerprint; if it is indeed a new key, "
                "revoke the old one («ocop senders revoke»), then import the package again and trust the new key.",
            ),
        )
    elsewhere = [
        r for r in session.scalars(select(TrustedSender).where(TrustedSender.fingerprint == fp)) if r.revoked_at is None
    ]
    note = Text("")
    if elsewhere:
        others = ", ".join(r.office_name for r in elsewhere)
        note = Text(
            f" Lưu ý: khóa này đang được tin cậy cho {others}; một đơn vị không ký thay đơn vị khác.",
            f" Note: this key is trusted for {others}; one office does not sign for another.",
        )
    return SenderTrust(
        NEW,
        office,
        unit_id,
        fp,
        key,
        Text(
            f"Đây là gói đầu tiên nhận từ {office}. Dấu vân tay khóa ký của gói: {words}. Hãy gọi điện hoặc xem văn bản "
            f"giấy của đơn vị gửi (trang «Thiết lập đơn vị», chân báo cáo) để đối chiếu; chỉ tin cậy khi trùng khớp."
            + note,
            f"This is the first package received from {office}. The fingerprint of its signing key: {words}. Phone the "
            "sending office or read its paper documents (the «Office settings» page, the report footer) to compare; "
            "trust it only if they match." + note.en,
        ),
    )


def require_trust(session: Session, pkg: VerifiedPackage, trust_new: bool, actor: str) -> SenderTrust:
    """Raise PackageError unless the sender is trusted (or, with ``trust_new``, trust a new one now)."""
    trust = sender_trust(session, pkg)
    if trust.state == REFUSED:
        raise PackageError(trust.reason)
    if trust.state == NEW:
        if not trust_new:
            raise PackageError(
                Text(
                    trust.reason + " Chưa có gì được nhập: hãy nhập lại sau khi đồng ý tin cậy đơn vị này.",
                    english(trust.reason)
                    + " Nothing was imported yet: import it again after agreeing to trust this office.",
                )
            )
        add_sender(session, trust.unit_id, trust.office, trust.public_key, actor)
    return trust


def add_sender(
    session: Session, unit_id: str | None, office: str, public_key: str, actor: str, note: str = ""
) -> TrustedSender:
    raw = unb64(public_key)
    if raw is None or len(raw) != 32:
        raise PackageError(
            Text(
                "Khóa công khai không hợp lệ (phải là 32 byte mã hóa base64).",
                "The public key is not valid (it must be 32 bytes in base64).",
            )
        )
    row = TrustedSender(
        unit_id=_known_unit(session, unit_id),
        office_name=office,
        public_key=public_key,
        fingerprint=fingerprint(raw),
        trusted_at=utcnow(),
        trusted_by=actor,
        note=note,
    )
    session.add(row)
    session.flush()
    return row


def sender_dto(r: TrustedSender) -> SenderDTO:
    return SenderDTO(
        r.id,
        r.office_name,
        r.unit_id,
        r.fingerprint,
        short_fingerprint(r.fingerprint),
        r.trusted_at,
        r.trusted_by,
        r.revoked_at,
        r.note,
    )
