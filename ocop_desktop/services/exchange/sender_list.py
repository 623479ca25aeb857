"""A province's list of its offices' signing keys, sent as one signed file.

Instead of every commune and council member comparing forty-five fingerprints by phone, the
province's department compares them once, then sends its list (``*.ocopkeys``) signed with its own
key. A receiver who trusts the province (its key compared once, by phone or on paper) takes the
list: offices it did not know are trusted with a note naming the list; a key the list revokes is
revoked here; an office trusted here with ANOTHER key is left as it is and named, because only
the receiver can decide which key is right. A list signed by a commune, or naming units outside
the issuer's area, is not taken for them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.language import Text
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.exports.package import PackageError
from ocop_desktop.exports.signing import b64, fingerprint, short_fingerprint, unb64, verify
from ocop_desktop.persistence.models import Place, TrustedSender
from ocop_desktop.persistence.models.base import utcnow
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.exchange.authority import Sender, level_name, level_of, rank, sender_of
from ocop_desktop.services.exchange.trust import add_sender
from ocop_desktop.services.office_key import office_key
from ocop_desktop.services.settings import office_settings

FORMAT = "ocop-trusted-senders"
VERSION = 1
SUFFIX = ".ocopkeys"
ISSUER_LEVELS = ("huyen", "tinh")  # offices that coordinate others: district (before 2025) and province
_SIGNED = ("format", "version", "issuer", "created_at", "senders", "revoked", "public_key")


def _payload(values: dict[str, Any]) -> bytes:
    return json.dumps(
        {k: values.get(k) for k in _SIGNED}, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


class IssuerNotTrusted(PackageError):
    """The list's issuer is not trusted here yet: compare ``words`` with it (by phone or on paper),
    then take the list again with ``trust_issuer``. Its own type, so a window can ask."""

    def __init__(self, message: str, issuer: str, words: str) -> None:
        super().__init__(message)
        self.issuer, self.words = issuer, words


@dataclass
class ListImport:
    issuer: str
    words: str  # the issuer's fingerprint as printed
    added: list[str] = field(default_factory=list)  # «Xã Búng Lao — 7K3M Q9TD X2CF HW4R»
    unchanged: list[str] = field(default_factory=list)
    revoked: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # each with its reason

    @property
    def summary(self) -> Text:
        return Text(
            f"Danh sách khóa của {self.issuer} (khóa {self.words}): thêm {len(self.added)} đơn vị, "
            f"{len(self.unchanged)} đã có, thu hồi {len(self.revoked)}, không nhận {len(self.refused)}.",
            f"Key list of {self.issuer} (key {self.words}): {len(self.added)} offices added, "
            f"{len(self.unchanged)} already here, {len(self.revoked)} revoked, {len(self.refused)} not taken.",
        )


class SenderListService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    # -- the province writes its list ------------------------------------------------------------
    def export(self, path: Path) -> int:
        """Write the offices trusted here (and the keys revoked) to ``path``, signed; returns how
        many offices it lists."""
        office = office_settings(self._uow)
        if not office.complete:
            raise PackageError(
                Text(
                    "Chưa thiết lập đơn vị của máy này; hãy vào «Thiết lập đơn vị» trước khi gửi danh "
                    "sách khóa, để nơi nhận biết danh sách của ai.",
                    "This computer's office is not set up yet; open «Office settings» before sending a key "
                    "list, so the receiver knows whose list it is.",
                )
            )
        key = office_key(self._uow)
        if key is None:
            raise PackageError(
                Text(
                    "Cơ sở dữ liệu này không nằm trên đĩa nên không có khóa ký.",
                    "This database is not stored on a disk, so it has no signing key.",
                )
            )
        with self._uow() as uow:
            s = uow.session
            issuer = sender_of(s, office.office_unit_id, office.office_name)
            if issuer.level not in ISSUER_LEVELS:
                raise PackageError(
                    Text(
                        f"{issuer.title} không phân phối danh sách khóa: chỉ cơ quan cấp tỉnh (hoặc cấp huyện trước "
                        "01/07/2025) gửi danh sách khóa của các đơn vị trên địa bàn cho nhau.",
                        f"{issuer.title} does not distribute key lists: only a provincial body (or a district one before "
                        "01/07/2025) sends the keys of the offices in its area to each other.",
                    )
                )
            unit = s.get(Place, office.office_unit_id)
            senders, revoked = [], []
            for r in s.scalars(select(TrustedSender).order_by(TrustedSender.office_name, TrustedSender.trusted_at)):
                place = s.get(Place, r.unit_id) if r.unit_id else None
                item = {
                    "unit_id": r.unit_id,
                    "unit_code": (place.code if place else "") or "",
                    "office": r.office_name,
                    "public_key": r.public_key,
                    "fingerprint": r.fingerprint,
                }
                if r.revoked_at is None:
                    senders.append({**item, "trusted_at": r.trusted_at.isoformat()})
                else:
                    revoked.append({**item, "revoked_at": r.revoked_at.isoformat()})
        values: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": utcnow().isoformat(),
            "issuer": {
                "unit_id": office.office_unit_id,
                "unit_name": office.office_name,
                "unit_code": (unit.code if unit else "") or "",
                "user_name": office.user_name,
                "user_title": office.user_title,
            },
            "senders": senders,
            "revoked": revoked,
            "public_key": b64(key.public_key),
        }
        values["signature"] = b64(key.sign(_payload(values)))
        path = Path(path)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(values, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)
        return len(senders)

    # -- an office takes it ----------------------------------------------------------------------
    @staticmethod
    def read(path: Path) -> dict[str, Any]:
        """The list's content once its signature verifies (PackageError in Vietnamese otherwise)."""
        path = Path(path)
        try:
            values = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise PackageError(
                Text(
                    f"Không đọc được tệp danh sách khóa {path.name} ({exc.__class__.__name__}). "
                    "Hãy đề nghị nơi gửi gửi lại.",
                    f"Cannot read the key list file {path.name} ({exc.__class__.__name__}). "
                    "Ask the sender to send it again.",
                )
            ) from None
        if not isinstance(values, dict) or values.get("format") != FORMAT:
            raise PackageError(
                Text(
                    f"Tệp {path.name} không phải danh sách khóa của OCOP Desktop.",
                    f"The file {path.name} is not an OCOP Desktop key list.",
                )
            )
        raw_key, raw_sig = unb64(values.get("public_key")), unb64(values.get("signature"))
        if raw_key is None or len(raw_key) != 32 or raw_sig is None or not verify(raw_key, raw_sig, _payload(values)):
            raise PackageError(
                Text(
                    f"Chữ ký của danh sách khóa {path.name} không hợp lệ: tệp đã bị sửa sau khi ký. "
                    "Không có gì được nhập; hãy đề nghị nơi gửi gửi lại.",
                    f"The signature of the key list {path.name} is not valid: the file was altered after it was signed. "
                    "Nothing was imported; ask the sender to send it again.",
                )
            )
        if (
            not isinstance(values.get("issuer"), dict)
            or not isinstance(values.get("senders"), list)
            or not isinstance(values.get("revoked", []), list)
        ):
            raise PackageError(
                Text(
                    f"Danh sách khóa {path.name} thiếu phần bắt buộc; không có gì được nhập.",
                    f"The key list {path.name} lacks a required part; nothing was imported.",
                )
            )
        return values

    def take(self, path: Path, trust_issuer: bool = False, actor: str = "") -> ListImport:
        """Take a signed list: its issuer must be trusted here (or, with ``trust_issuer``, is trusted
        now, after its fingerprint was compared); every office of it is added, kept or named."""
        values = self.read(path)
        issuer_info = values["issuer"]
        issuer_key = values["public_key"]
        issuer_fp = fingerprint(unb64(issuer_key) or b"")
        words = short_fingerprint(issuer_fp)
        name = str(issuer_info.get("unit_name") or "đơn vị không ghi tên")
        listed_on = (
            format_vn_date(datetime.fromisoformat(values["created_at"]).date())
            if isinstance(values.get("created_at"), str)
            else "?"
        )
        note = f"theo danh sách khóa của {name} ngày {listed_on}"
        with self._uow(action="trust", context=f"danh sách khóa của {name}") as uow:
            s = uow.session
            actor = actor or s.info.get("actor", "")
            issuer = sender_of(
                s, issuer_info.get("unit_id") if isinstance(issuer_info.get("unit_id"), str) else None, name
            )
            if issuer.level not in ISSUER_LEVELS:
                raise PackageError(
                    Text(
                        f"Danh sách khóa do {issuer.title} ký; chỉ cơ quan cấp tỉnh (hoặc cấp huyện trước "
                        "01/07/2025) phân phối khóa của các đơn vị khác. Không có gì được nhập.",
                        f"The key list is signed by {issuer.title}; only a provincial body (or a district one before "
                        "01/07/2025) distributes other offices' keys. Nothing was imported.",
                    )
                )
            mine = office_key(self._uow)
            rows = list(s.scalars(select(TrustedSender).where(TrustedSender.fingerprint == issuer_fp)))
            trusted = [r for r in rows if r.revoked_at is None and r.unit_id == issuer.unit_id]
            if not trusted and not (mine is not None and mine.fingerprint == issuer_fp):
                if any(r.revoked_at is not None for r in rows):
                    raise PackageError(
                        Text(
                            f"Khóa {words} của {name} đã bị thu hồi tin cậy ở đây; không nhận danh sách "
                            "khóa của nó. Không có gì được nhập.",
                            f"The key {words} of {name} is no longer trusted here; its key lists are not "
                            "accepted. Nothing was imported.",
                        )
                    )
                other = [
                    r
                    for r in s.scalars(
                        select(TrustedSender).where(
                            TrustedSender.unit_id == issuer.unit_id, TrustedSender.revoked_at.is_(None)
                        )
                    )
                ]
                if other:
                    raise PackageError(
                        Text(
                            f"Danh sách mang tên {name} nhưng ký bằng khóa {words}, khác với khóa đã tin cậy của đơn vị này "
                            f"({', '.join(short_fingerprint(r.fingerprint) for r in other)}). Không có gì được nhập; hãy gọi "
                            "điện cho nơi gửi để đối chiếu.",
                            f"The list bears the name {name} but is signed with the key {words}, not the key trusted for this office "
                            f"({', '.join(short_fingerprint(r.fingerprint) for r in other)}). Nothing was imported; phone "
                            "the sender to compare.",
                        )
                    )
                if not trust_issuer:
                    raise IssuerNotTrusted(
                        Text(
                            f"Danh sách khóa này do {name} ký bằng khóa {words}, chưa được tin cậy ở đây. Hãy gọi điện hoặc "
                            "xem văn bản giấy của nơi gửi để đối chiếu dấu vân tay; chỉ khi trùng khớp mới nhập lại và "
                            "đồng ý tin cậy. Chưa có gì được nhập.",
                            f"This key list is signed by {name} with the key {words}, which is not trusted here yet. Phone the sender "
                            "or read their paper letter to compare the fingerprint; only if it matches, import it again and "
                            "agree to trust it. Nothing was imported yet.",
                        ),
                        name,
                        words,
                    )
                add_sender(s, issuer.unit_id, name, issuer_key, actor, "đã đối chiếu khi nhận danh sách khóa")
            result = ListImport(name, words)
            for item in values["senders"]:
                self._take_one(s, item, issuer, note, actor, result, mine.fingerprint if mine else "")
            for item in values.get("revoked", []):
                self._revoke_one(s, item, issuer, note, result)
            uow.commit()
        return result

    @staticmethod
    def _entry(item: Any) -> tuple[str | None, str, str, str] | None:
        if not isinstance(item, dict):
            return None
        raw = unb64(item.get("public_key"))
        if raw is None or len(raw) != 32:
            return None
        unit_id = item.get("unit_id") if isinstance(item.get("unit_id"), str) and item.get("unit_id") else None
        office = str(item.get("office") or "đơn vị không ghi tên")
        return unit_id, office, item["public_key"], fingerprint(raw)

    def _take_one(
        self, s: Session, item: Any, issuer: Sender, note: str, actor: str, result: ListImport, own_fp: str
    ) -> None:
        entry = self._entry(item)
        if entry is None:
            result.refused.append(
                Text(
                    "Một dòng của danh sách không có khóa công khai hợp lệ; bỏ qua dòng đó.",
                    "A line of the list has no valid public key; that line was skipped.",
                )
            )
            return
        unit_id, office, public_key, fp = entry
        shown = f"{office} — {short_fingerprint(fp)}"
        if fp == own_fp:
            return  # this office's own key
        place = s.get(Place, unit_id) if unit_id else None
        if place is None:
            result.refused.append(
                Text(
                    f"{shown}: đơn vị không có trong danh mục địa bàn ở đây; không nhận.",
                    f"{shown}: this unit is not in the list of places here; not taken.",
                )
            )
            return
        if place.id not in issuer.area:
            result.refused.append(
                Text(
                    f"{shown}: không thuộc địa bàn của {issuer.name}; một tỉnh chỉ phân phối khóa "
                    "của các đơn vị trên địa bàn mình.",
                    f"{shown}: not in the area of {issuer.name}; a province hands out only the keys "
                    "of the offices in its own area.",
                )
            )
            return
        level = level_of(place.kind)  # not sender_of: that walks every unit under it, per entry
        if rank(level) > rank(issuer.level):
            result.refused.append(
                Text(
                    f"{shown}: đơn vị cấp {level_name(level)} cao hơn nơi gửi danh sách; không nhận.",
                    f"{shown}: an office of level «{level_name(level)}», above the sender of the list; not taken.",
                )
            )
            return
        rows = list(s.scalars(select(TrustedSender).where(TrustedSender.unit_id == place.id)))
        active = [r for r in rows if r.revoked_at is None]
        if any(r.fingerprint == fp for r in active):
            result.unchanged.append(shown)
            return
        if any(r.fingerprint == fp for r in rows):
            result.refused.append(
                Text(
                    f"{shown}: khóa này đã bị thu hồi tin cậy ở đây; giữ nguyên việc thu hồi. Nếu đơn "
                    "vị đó vẫn dùng khóa này, hãy gọi điện đối chiếu rồi tin cậy lại.",
                    f"{shown}: this key was revoked here; the revocation stays. If that office still "
                    "uses this key, phone them to compare it, then trust it again.",
                )
            )
            return
        if active:
            known = ", ".join(short_fingerprint(r.fingerprint) for r in active)
            result.refused.append(
                Text(
                    f"{shown}: ở đây đang tin cậy khóa khác của đơn vị này ({known}); giữ nguyên. Hãy "
                    "gọi điện cho đơn vị đó; nếu khóa mới là đúng, thu hồi khóa cũ rồi nhập lại danh sách.",
                    f"{shown}: another key of this office is trusted here ({known}); kept. Phone that "
                    "office; if the new key is right, revoke the old one and take the list again.",
                )
            )
            return
        add_sender(s, place.id, office, public_key, actor, note)
        result.added.append(shown)

    @staticmethod
    def _revoke_one(s: Session, item: Any, issuer: Sender, note: str, result: ListImport) -> None:
        entry = SenderListService._entry(item)
        if entry is None:
            return
        unit_id, office, _key, fp = entry
        if unit_id is None or unit_id not in issuer.area:
            return  # a province does not revoke keys of offices outside its area
        for r in s.scalars(
            select(TrustedSender).where(
                TrustedSender.fingerprint == fp, TrustedSender.unit_id == unit_id, TrustedSender.revoked_at.is_(None)
            )
        ):
            r.revoked_at = utcnow()
            r.note = (r.note + "; " if r.note else "") + f"thu hồi {note}"
            result.revoked.append(f"{office} — {short_fingerprint(fp)}")
