"""The office's document settings: issuing body, number, place, recipients and signer."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import select

from ocop_desktop.domain.text import clean
from ocop_desktop.exports.report_model import OfficialHeader, Signature
from ocop_desktop.persistence.models import AppMeta, Place
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.settings import KIND_BY_KEY, read_settings

PREFIX = "report_"
KIND_WORDS = ("Thị trấn ", "Xã ", "Phường ", "Huyện ", "Tỉnh ", "Thành phố ")


@dataclass(frozen=True)
class ReportSettings:
    parent_body: str = ""
    body: str = ""
    number: str = "Số:      /BC-UBND"
    place: str = ""
    recipients: str = "Lưu: VT"  # one line each
    signer_authority: str = "TM. ỦY BAN NHÂN DÂN"
    signer_deputy: str = ""
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""

    def header(self, day: date | None) -> OfficialHeader:
        return OfficialHeader(
            parent_body=self.parent_body, body=self.body, number=self.number, place=self.place, day=day,
            recipients=tuple(line.strip(" -;") for line in self.recipients.splitlines() if line.strip(" -;")),
            signature=Signature(self.signer_authority, self.signer_deputy, self.signer_title, self.signer_name),
        )


def _defaults(make_uow: UowFactory) -> ReportSettings:
    """Sensible values from the office settings, so the first report already looks right."""
    office = read_settings(make_uow)
    name = ""
    with make_uow() as uow:
        place = uow.session.get(Place, office.get("office_unit_id", "")) if office.get("office_unit_id") else None
        if place is not None:
            name = place.name
    short = name
    for word in KIND_WORDS:
        if short.startswith(word):
            short = short[len(word):]
    body = office.get("office_printed_name") or (f"ỦY BAN NHÂN DÂN {name}".upper() if name else "")
    kind = KIND_BY_KEY.get(office.get("office_kind", ""))
    if kind is not None:
        # The office said what it is (Tệp → Thiết lập đơn vị): its usual signer block.
        return ReportSettings(body=body, place=short, signer_authority=kind.authority, signer_deputy=kind.deputy,
                              signer_title=kind.title, signer_name=office.get("user_name", ""))
    title = (office.get("user_title") or "CHỦ TỊCH").upper()
    return ReportSettings(
        body=body,
        place=short,
        # A deputy signs "KT." (on behalf of) the chairman, as in the 2024 letter.
        signer_deputy="KT. CHỦ TỊCH" if title.startswith("PHÓ CHỦ TỊCH") else "",
        signer_title=title,
        signer_name=office.get("user_name", ""),
    )


def read_report_settings(make_uow: UowFactory) -> ReportSettings:
    stored = {k[len(PREFIX):]: v for k, v in _all(make_uow).items() if k.startswith(PREFIX)}
    base = _defaults(make_uow)
    values = {f.name: stored.get(f.name, getattr(base, f.name)) for f in fields(ReportSettings)}
    return ReportSettings(**values)


def save_report_settings(make_uow: UowFactory, settings: ReportSettings) -> ReportSettings:
    with make_uow(action="settings") as uow:
        for f in fields(ReportSettings):
            value = getattr(settings, f.name)
            value = "\n".join(clean(line) or "" for line in value.splitlines()) if f.name == "recipients" else clean(value) or ""
            row = uow.session.get(AppMeta, PREFIX + f.name)
            if row is None:
                uow.session.add(AppMeta(key=PREFIX + f.name, value=value))
            else:
                row.value = value
        uow.commit()
    return read_report_settings(make_uow)


def _all(make_uow: UowFactory) -> dict[str, str]:
    with make_uow() as uow:
        return {r.key: r.value for r in uow.session.scalars(select(AppMeta).where(AppMeta.key.like(f"{PREFIX}%")))}


SIGNER_KEYS = ("body", "signer_authority", "signer_deputy", "signer_title")


def stored_signer(make_uow: UowFactory) -> tuple[str, str, str] | None:
    """The signer block (TM., KT., title) the office saved, or None while only defaults apply."""
    stored = _all(make_uow)
    if not any(PREFIX + k in stored for k in SIGNER_KEYS[1:]):
        return None
    current = read_report_settings(make_uow)
    return current.signer_authority, current.signer_deputy, current.signer_title


def stored_body(make_uow: UowFactory) -> str:
    """The issuing body's name the office typed in the report settings, or "" if never typed."""
    return _all(make_uow).get(PREFIX + "body", "")


def save_office_block(make_uow: UowFactory, body: str, authority: str, deputy: str, title: str) -> ReportSettings:
    """Store the header name and signer block chosen at office set-up; the other settings keep
    following the office (a full save would freeze them, e.g. the signer's name)."""
    with make_uow(action="settings") as uow:
        for key, value in zip(SIGNER_KEYS, (body, authority, deputy, title), strict=True):
            row = uow.session.get(AppMeta, PREFIX + key)
            if row is None:
                uow.session.add(AppMeta(key=PREFIX + key, value=clean(value) or ""))
            else:
                row.value = clean(value) or ""
        uow.commit()
    return read_report_settings(make_uow)
