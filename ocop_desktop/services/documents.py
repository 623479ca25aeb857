"""The identity of a printed document: its issuer valid on its date, number, recipients and signer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain import documents as docs
from ocop_desktop.domain.enums import COMMUNE_KINDS, DISTRICT_KINDS, PROVINCE_KINDS, EvaluationLevel
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.text import fold
from ocop_desktop.domain.validation import FieldError, NotFoundError, ValidationError
from ocop_desktop.exports.report_model import OfficialHeader, Signature
from ocop_desktop.persistence.models import Directive, Place, PlaceLink, SurveyCampaign
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.report_settings import ReportSettings, read_report_settings, stored_kind_values
from ocop_desktop.services.settings import read_settings

_BODY_PREFIXES = ("uy ban nhan dan ", "ubnd ")  # folded


@dataclass(frozen=True)
class Unit:
    id: str
    name: str  # "Xã Mường Ảng"
    kind: str
    parent_id: str | None
    valid_from: date | None
    valid_to: date | None
    successor_id: str | None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    @property
    def in_text(self) -> str:
        return docs.name_in_text(self.name)

    @property
    def short(self) -> str:
        return docs.short_name(self.name)


def _unit(session: Session, place_id: str | None) -> Unit | None:
    if not place_id:
        return None
    r = session.execute(
        select(
            Place.id, Place.name, Place.kind, Place.parent_id, Place.valid_from, Place.valid_to, Place.successor_id
        ).where(Place.id == place_id)
    ).first()
    return Unit(*r) if r else None


def _period(unit: Unit) -> Text:
    if unit.valid_from and unit.valid_to:
        return Text(
            f"từ ngày {unit.valid_from:%d/%m/%Y} đến ngày {unit.valid_to:%d/%m/%Y}",
            f"from {unit.valid_from:%d/%m/%Y} to {unit.valid_to:%d/%m/%Y}",
        )
    if unit.valid_to:
        return Text(f"đến ngày {unit.valid_to:%d/%m/%Y}", f"until {unit.valid_to:%d/%m/%Y}")
    return Text(f"từ ngày {unit.valid_from:%d/%m/%Y}", f"from {unit.valid_from:%d/%m/%Y}")


def _valid_or_successor(session: Session, unit: Unit, day: date) -> Unit | None:
    """The unit if it exists on the day, else the successor that took over its work by then."""
    current: Unit | None = unit
    for _ in range(5):  # chains are a link or two long
        if current is None or current.valid_on(day):
            return current
        if current.valid_to is None or day <= current.valid_to or not current.successor_id:
            return None
        current = _unit(session, current.successor_id)
    return None


def _predecessors(session: Session, unit: Unit) -> list[Unit]:
    """The units merged into this one in 2025, those grouped under it (main links) first."""
    rows = session.execute(
        select(PlaceLink.predecessor_id)
        .where(PlaceLink.successor_id == unit.id)
        .order_by(PlaceLink.main.desc(), PlaceLink.predecessor_id)
    ).scalars()
    return [u for u in (_unit(session, pid) for pid in rows) if u is not None]


def _ancestor(session: Session, unit: Unit, kinds: frozenset[str]) -> Unit | None:
    current: Unit | None = unit
    while current is not None and current.kind not in kinds:
        current = _unit(session, current.parent_id)
    return current


def _refuse(who: str, unit: Unit, day: date, label: str) -> ValidationError:
    return ValidationError(
        [
            FieldError(
                "document_date",
                (
                    Text(
                        f"{who} chỉ ban hành văn bản {_period(unit)}; văn bản «{label}» đề ngày {day:%d/%m/%Y} nên không thể "
                        f"ban hành dưới tên này. Hãy chọn ngày văn bản trong thời gian đó, hoặc thiết lập lại đơn vị "
                        f"(Tệp → Thiết lập đơn vị…, hay lệnh «ocop office set») là đơn vị đang hoạt động vào ngày văn bản",
                        f"{who} issues documents only {_period(unit).en}; the document «{label}» is dated {day:%d/%m/%Y}, so it cannot "
                        f"be issued under this name. Choose a document date within that period, or set the office again "
                        f"(File → Office settings…, or the command «ocop office set») to the office active on the document's date",
                    )
                ),
            )
        ],
        record=Text("Ngày văn bản", "Document date"),
    )


def _issuer_words(unit: Unit, office_kind: str) -> str:
    if office_kind in ("so_nnmt", "chi_cuc"):
        return f"{docs.name_on(docs.DEPARTMENT, unit.valid_to or date.today())} {unit.in_text}"
    if office_kind == "hoi_dong":
        return f"{docs.COUNCIL_NAME} {unit.in_text}"
    return f"UBND {unit.in_text}"


@dataclass(frozen=True)
class Issuer:
    """Who issues a document on its date: header lines, number symbol and the unit it speaks for."""

    parent_body: str
    body: str
    symbol: str
    unit: Unit | None
    own_office: bool  # the office's own unit (its typed names apply) rather than a successor or council
    office_kind: str


class DocumentService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    # -- the issuer -----------------------------------------------------------------------------
    def issuer(self, kind: docs.DocumentKind, day: date, level: str | None = None) -> Issuer:
        office = read_settings(self._uow)
        office_kind = office.get("office_kind", "") or "ubnd"
        with self._uow() as uow:
            s = uow.session
            home = _unit(s, office.get("office_unit_id"))
            if home is None:  # no office set up yet: dotted lines to fill by hand, nothing to check
                own = (
                    docs.COUNCIL_DOCS
                    if kind.issuer == docs.COUNCIL
                    else docs.OFFICE_DOCS.get(office_kind, docs.OFFICE_DOCS["ubnd"])
                )
                return Issuer("", "", own.symbol, None, True, office_kind)
            # A council's papers printed by the council itself are its own documents.
            if kind.issuer == docs.OFFICE or (kind.issuer == docs.COUNCIL and office_kind == "hoi_dong"):
                unit = _valid_or_successor(s, home, day)
                if unit is None:
                    raise _refuse(_issuer_words(home, office_kind), home, day, kind.label)
                return self._office_issuer(s, unit, unit.id == home.id, office_kind, day)
            return self._council_issuer(s, home, kind, day, level)

    def _office_issuer(self, s: Session, unit: Unit, own: bool, office_kind: str, day: date) -> Issuer:
        kind_docs = docs.OFFICE_DOCS.get(office_kind, docs.OFFICE_DOCS["ubnd"])
        province = _ancestor(s, unit, PROVINCE_KINDS)
        parent = ""
        if kind_docs.parent == "ubnd_province" and province is not None:
            parent = f"UBND {province.name}".upper()
        elif kind_docs.parent == "department" and province is not None:
            parent = f"{docs.name_on(docs.DEPARTMENT, day)} {province.in_text}".upper()
        if office_kind == "so_nnmt":
            body = docs.name_on(docs.DEPARTMENT, day).upper()
        elif office_kind == "hoi_dong":
            body = docs.COUNCIL_NAME.upper()
        elif office_kind in ("chi_cuc", "khac"):
            body = ""  # only the office knows its own name: the settings give it
        else:
            body = f"ỦY BAN NHÂN DÂN {unit.name}".upper()
        return Issuer(parent, body, kind_docs.symbol, unit, own, office_kind)

    def _council_issuer(self, s: Session, home: Unit, kind: docs.DocumentKind, day: date, level: str | None) -> Issuer:
        """The council (or the certifying authority) of the level that evaluates, valid on the day:
        a district council in 2024, the province's since 1 July 2025, the ministry's for 5 stars."""
        symbol = docs.COUNCIL_DOCS.symbol if kind.issuer == docs.COUNCIL else "UBND"
        if level == EvaluationLevel.CENTRAL.value:
            ministry = docs.name_on(docs.MINISTRY, day).upper()
            if kind.issuer == docs.COUNCIL:
                return Issuer(ministry, docs.COUNCIL_NAME.upper(), symbol, None, False, "hoi_dong")
            return Issuer("", ministry, "BNNMT", None, False, "khac")
        # A council evaluates for the area the office covers; a document dated before the 2025
        # reform is the council of the units the office took over (a 2024 district council).
        start = _valid_or_successor(s, home, day) or next((p for p in _predecessors(s, home) if p.valid_on(day)), home)
        if level == EvaluationLevel.DISTRICT.value:
            wanted = DISTRICT_KINDS
        elif level == EvaluationLevel.PROVINCE.value:
            wanted = PROVINCE_KINDS
        else:  # the nearest evaluating level above the office that exists on the day
            district = _ancestor(s, start, DISTRICT_KINDS)
            wanted = DISTRICT_KINDS if district is not None and district.valid_on(day) else PROVINCE_KINDS
        body_unit = _ancestor(s, start, wanted) or next(
            (a for p in _predecessors(s, home) if (a := _ancestor(s, p, wanted)) is not None), None
        )
        if body_unit is None:
            raise NotFoundError(
                Text(
                    f"Đơn vị của máy này không thuộc cấp nào có hội đồng đánh giá OCOP để ban hành "
                    f"«{kind.label}»; hãy thiết lập lại đơn vị (Tệp → Thiết lập đơn vị…).",
                    f"This computer's office belongs to no level with an OCOP evaluation council to issue "
                    f"«{kind.label}»; set the office again (File → Office settings…).",
                )
            )
        unit = _valid_or_successor(s, body_unit, day)
        if unit is None:
            who = (
                f"{docs.COUNCIL_NAME} của UBND {body_unit.in_text}"
                if kind.issuer == docs.COUNCIL
                else f"UBND {body_unit.in_text}"
            )
            raise _refuse(who, body_unit, day, kind.label)
        if kind.issuer == docs.COUNCIL:
            return Issuer(f"UBND {unit.name}".upper(), docs.COUNCIL_NAME.upper(), symbol, unit, False, "hoi_dong")
        return Issuer("", f"ỦY BAN NHÂN DÂN {unit.name}".upper(), symbol, unit, False, "ubnd")

    # -- recipients -------------------------------------------------------------------------------
    def default_recipients(
        self, kind: docs.DocumentKind, issuer: Issuer, day: date, letter_issuer: str = ""
    ) -> tuple[str, ...]:
        """Who a document goes to when the office has not said: the body above the issuer on the
        document's date, the issuer of the letter it answers while that body exists, then the file."""
        if kind.form:
            return ()
        lines: list[str] = []
        unit = issuer.unit
        with self._uow() as uow:
            s = uow.session
            if unit is not None:
                province = _ancestor(s, unit, PROVINCE_KINDS)
                where = province.in_text if province else ""
                if issuer.office_kind == "hoi_dong" or issuer.office_kind in ("so_nnmt",):
                    lines.append(f"UBND {where}".strip())
                elif issuer.office_kind == "chi_cuc":
                    lines.append(f"{docs.name_on(docs.DEPARTMENT, day)} {where}".strip())
                elif unit.kind in COMMUNE_KINDS and unit.valid_to is not None:
                    # A commune before the 2025 reform reported to its district, as the 2024 letter asks.
                    district = _ancestor(s, unit, DISTRICT_KINDS)
                    if district is not None:
                        lines.append(f"{docs.DISTRICT_OFFICE} {district.in_text}")
                elif unit.kind in PROVINCE_KINDS:
                    lines.append(docs.name_on(docs.MINISTRY, day))
                else:
                    lines.append(f"{docs.name_on(docs.DEPARTMENT, day)} {where}".strip())
            own = fold(f"UBND {unit.name}") if unit is not None else ""
            if (
                kind.letter_recipient
                and letter_issuer
                and fold(letter_issuer) != own
                and _exists_on(s, letter_issuer, day)
                and fold(letter_issuer) not in {fold(x) for x in lines}
            ):
                lines.append(letter_issuer)
        lines.append(docs.FILED)
        return tuple(lines)

    def letter_issuer(self, kind: str, campaign_id: str | None = None, directive_id: str | None = None) -> str:
        """The issuer of the letter a report answers: the campaign's letter (the latest campaign's
        when none is given), or the directive's."""
        with self._uow() as uow:
            s = uow.session
            if kind == "survey":
                campaigns = select(SurveyCampaign).order_by(SurveyCampaign.year.desc())
                if campaign_id is not None:
                    campaigns = campaigns.where(SurveyCampaign.id == campaign_id)
                campaign = s.scalars(campaigns).first()
                if campaign is None:
                    return ""
                if campaign.directive is not None and campaign.directive.issuer:
                    return campaign.directive.issuer
                _head, sep, tail = campaign.issuing_letter.rpartition(" của ")
                return tail.strip() if sep else ""
            if kind == "tasks":
                query = select(Directive.issuer).order_by(Directive.created_at.desc())
                if directive_id:
                    query = query.where(Directive.id == directive_id)
                return s.scalars(query).first() or ""
        return ""

    # -- the header -------------------------------------------------------------------------------
    def header(
        self,
        kind: str,
        day: date,
        *,
        level: str | None = None,
        campaign_id: str | None = None,
        directive_id: str | None = None,
        signer_name: str = "",
        co_signer_name: str = "",
    ) -> OfficialHeader:
        """The header, number, recipients and signer block of a document of ``kind`` dated ``day``;
        refused (ValidationError) when no body that issues it exists on that day."""
        doc = docs.DOCUMENT_BY_KEY.get(kind)
        if doc is None:
            raise NotFoundError(Text(f"Không có loại văn bản «{kind}».", f"There is no document kind «{kind}»."))
        issuer = self.issuer(doc, day, level)
        settings = read_report_settings(self._uow, kinds=False)
        stored_number, stored_recipients = stored_kind_values(self._uow, kind, _office_id(self._uow))
        parent, body, place = issuer.parent_body, issuer.body, settings.place
        if issuer.own_office:
            # What the office typed for its own name wins; a successor or a council is named anew.
            parent, body = settings.parent_body or parent, settings.body or body
        elif issuer.unit is not None and doc.issuer == docs.OFFICE:
            place = issuer.unit.short
        number = ""
        if doc.numbered:
            typed, symbol = docs.split_number(stored_number or "")
            number = docs.number_line(typed, symbol or docs.default_symbol(doc, issuer.symbol))
        if stored_recipients is not None:
            recipients = tuple(x for x in (line.strip(" -;") for line in stored_recipients.splitlines()) if x)
        else:
            letter = self.letter_issuer(kind, campaign_id, directive_id) if doc.letter_recipient else ""
            recipients = self.default_recipients(doc, issuer, day, letter)
        signature, co_signature = self._signatures(doc, issuer, settings, signer_name, co_signer_name)
        return OfficialHeader(
            parent_body=parent,
            body=body,
            number=number,
            place=place,
            day=day,
            recipients=recipients,
            signature=signature,
            co_signature=co_signature,
        )

    @staticmethod
    def _signatures(
        doc: docs.DocumentKind, issuer: Issuer, settings: ReportSettings, name: str, co_name: str
    ) -> tuple[Signature, Signature]:
        if doc.form:
            left, right = doc.form_signers
            return Signature(title=right, name=name), Signature(title=left, name=co_name)
        if not issuer.own_office and doc.issuer != docs.OFFICE:
            head = docs.COUNCIL_DOCS.signers[0] if doc.issuer == docs.COUNCIL else docs.OFFICE_DOCS["ubnd"].signers[0]
            return Signature(head.authority, head.deputy, head.title, name), Signature()
        return Signature(
            settings.signer_authority, settings.signer_deputy, settings.signer_title, name or settings.signer_name
        ), Signature()


def _office_id(make_uow: UowFactory) -> str:
    return read_settings(make_uow).get("office_unit_id", "")


def _exists_on(session: Session, body: str, day: date) -> bool:
    """False when the body is a unit's People's Committee and that unit no longer (or not yet)
    exists on the day: a 2026 report is not sent to "UBND huyện Mường Ảng"."""
    folded = fold(body)
    for prefix in _BODY_PREFIXES:
        if folded.startswith(prefix):
            folded = folded[len(prefix) :]
            break
    else:
        return True
    rows = session.execute(select(Place.valid_from, Place.valid_to).where(Place.name_folded == folded)).all()
    if not rows:
        return True
    return any((f is None or f <= day) and (t is None or day <= t) for f, t in rows)


def default_kind_values(service: DocumentService, day: date) -> dict[str, tuple[str, str]]:
    """Per kind of document, the number ("/BC-UBND") and recipients (one a line) it gets by default."""
    office_kind = read_settings(service._uow).get("office_kind", "") or "ubnd"
    out = {}
    for doc in docs.DOCUMENT_KINDS:
        try:
            issuer = service.issuer(doc, day)
        except (ValidationError, NotFoundError):  # no issuer on that day: the office's own symbol
            symbol = docs.OFFICE_DOCS.get(office_kind, docs.OFFICE_DOCS["ubnd"]).symbol
            out[doc.key] = (docs.default_symbol(doc, symbol), "" if doc.form else docs.FILED)
            continue
        letter = service.letter_issuer(doc.key) if doc.letter_recipient else ""
        out[doc.key] = (
            docs.default_symbol(doc, issuer.symbol),
            "\n".join(service.default_recipients(doc, issuer, day, letter)),
        )
    return out
