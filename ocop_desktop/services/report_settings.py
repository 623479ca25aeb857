"""The office's document settings: issuing body, place and signer, and per kind of document its
number and recipients (remembered per kind, and the recipients per kind and office)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.documents import OFFICE_DOCS, default_signer, short_name
from ocop_desktop.domain.text import clean
from ocop_desktop.persistence.models import AppMeta, Place
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.settings import read_settings

PREFIX = "report_"
NUMBER_KEY = PREFIX + "number."  # + kind: "report_number.survey" = "12/BC-UBND"
RECIPIENTS_KEY = PREFIX + "recipients."  # + kind + "." + office unit id: one recipient a line


@dataclass(frozen=True)
class KindSettings:
    """A kind of document's number ("12/BC-UBND", "" for a form) and recipients, one a line."""

    kind: str
    number: str = ""
    recipients: str = ""


@dataclass(frozen=True)
class ReportSettings:
    parent_body: str = ""
    body: str = ""
    place: str = ""
    signer_authority: str = "TM. ỦY BAN NHÂN DÂN"
    signer_deputy: str = ""
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""
    kinds: tuple[KindSettings, ...] = ()  # as shown and edited; what equals the default is not stored
    office_kind: str = ""  # read, not stored here: its signer blocks are offered (domain.documents)

    def for_kind(self, kind: str) -> KindSettings:
        return next((k for k in self.kinds if k.kind == kind), KindSettings(kind))


UBND_AUTHORITY = OFFICE_DOCS["ubnd"].signers[0].authority  # "TM. ỦY BAN NHÂN DÂN"
SCALARS = tuple(f.name for f in fields(ReportSettings) if f.name not in ("kinds", "office_kind"))


def _defaults(make_uow: UowFactory) -> ReportSettings:
    """Sensible values from the office settings, so the first report already looks right."""
    office = read_settings(make_uow)
    name = ""
    with make_uow() as uow:
        place = uow.session.get(Place, office.get("office_unit_id", "")) if office.get("office_unit_id") else None
        if place is not None:
            name = place.name
    short = short_name(name)
    body = office.get("office_printed_name") or (f"ỦY BAN NHÂN DÂN {name}".upper() if name else "")
    # The office kind's signer block (Tệp → Thiết lập đơn vị), a UBND's when never chosen; the
    # user's own title only picks the head's or the deputy's block, it is never printed as one.
    block = default_signer(office.get("office_kind", ""), office.get("user_title", ""))
    if block is None:
        return ReportSettings(
            body=body, place=short, signer_authority="", signer_title="", signer_name=office.get("user_name", "")
        )
    return ReportSettings(
        body=body,
        place=short,
        signer_authority=block.authority,
        signer_deputy=block.deputy,
        signer_title=block.title,
        signer_name=office.get("user_name", ""),
    )


def read_report_settings(make_uow: UowFactory, on: date | None = None, kinds: bool = True) -> ReportSettings:
    """The stored settings over the office's defaults; per kind (unless ``kinds`` is False) the
    stored number and recipients, else those a document dated ``on`` (today) would print."""
    stored = {k[len(PREFIX) :]: v for k, v in _all(make_uow).items() if k.startswith(PREFIX)}
    base = _defaults(make_uow)
    values = {name: stored.get(name, getattr(base, name)) for name in SCALARS}
    office_kind = read_settings(make_uow).get("office_kind", "")
    if _leftover_ubnd_block(office_kind, values):
        values.update({k: getattr(base, k) for k in ("signer_authority", "signer_deputy", "signer_title")})
    return ReportSettings(
        **values, kinds=_kinds(make_uow, on or date.today()) if kinds else (), office_kind=office_kind
    )


def _leftover_ubnd_block(office_kind: str, values: dict[str, str]) -> bool:
    """Older versions stored "TM. ỦY BAN NHÂN DÂN" over the user's own title for every office; a
    department or council never signs for the People's Committee, so that block is dropped."""
    own = OFFICE_DOCS.get(office_kind)
    return (
        own is not None
        and bool(own.signers)
        and values["signer_authority"] == UBND_AUTHORITY
        and all(b.authority != UBND_AUTHORITY for b in own.signers)
    )


def _kinds(make_uow: UowFactory, day: date) -> tuple[KindSettings, ...]:
    from ocop_desktop.services.documents import DocumentService, default_kind_values  # noqa: PLC0415

    stored, office_id = _all(make_uow), read_settings(make_uow).get("office_unit_id", "")
    out = []
    for kind, (number, recipients) in default_kind_values(DocumentService(make_uow), day).items():
        out.append(
            KindSettings(
                kind,
                stored.get(NUMBER_KEY + kind, number),
                stored.get(f"{RECIPIENTS_KEY}{kind}.{office_id}", recipients),
            )
        )
    return tuple(out)


def stored_kind_values(make_uow: UowFactory, kind: str, office_id: str) -> tuple[str | None, str | None]:
    """The number and recipients the office typed for this kind (None where it never did)."""
    stored = _all(make_uow)
    return stored.get(NUMBER_KEY + kind), stored.get(f"{RECIPIENTS_KEY}{kind}.{office_id}")


def save_kind_values(
    make_uow: UowFactory, kind: str, number: str | None = None, recipients: str | None = None
) -> ReportSettings:
    """Remember a kind's number and/or recipients (for this office); None leaves a value as it is."""
    current = read_report_settings(make_uow).for_kind(kind)
    typed = KindSettings(
        kind, current.number if number is None else number, current.recipients if recipients is None else recipients
    )
    return save_report_settings(make_uow, ReportSettings(kinds=(typed,)), only_kinds=True)


def save_report_settings(make_uow: UowFactory, settings: ReportSettings, only_kinds: bool = False) -> ReportSettings:
    """Store the settings; a kind's number or recipients equal to today's default are not stored
    (a stored copy is forgotten), so the default keeps following the document's date and issuer."""
    from ocop_desktop.services.documents import DocumentService, default_kind_values  # noqa: PLC0415

    defaults = default_kind_values(DocumentService(make_uow), date.today())
    office_id = read_settings(make_uow).get("office_unit_id", "")
    with make_uow(action="settings") as uow:
        for name in () if only_kinds else SCALARS:
            _put(uow.session, PREFIX + name, clean(getattr(settings, name)) or "")
        for k in settings.kinds:
            number = clean(k.number.removeprefix("Số:")) or ""
            recipients = "\n".join(x for x in (clean(line) or "" for line in k.recipients.splitlines()) if x)
            default_number, default_recipients = defaults.get(k.kind, ("", ""))
            _put(uow.session, NUMBER_KEY + k.kind, None if number == default_number else number)
            _put(
                uow.session,
                f"{RECIPIENTS_KEY}{k.kind}.{office_id}",
                None if recipients == default_recipients else recipients,
            )
        uow.commit()
    return read_report_settings(make_uow)


def _put(session: Session, key: str, value: str | None) -> None:
    row = session.get(AppMeta, key)
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(AppMeta(key=key, value=value))
    else:
        row.value = value


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
