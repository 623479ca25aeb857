"""Survey campaigns created by the office: add, edit, close, reopen, delete, copy from last year."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import func, literal_column, select

from ocop_desktop.domain.enums import COMMUNE_KINDS, DISTRICT_KINDS, PROVINCE_KINDS, SubmissionStatus
from ocop_desktop.domain.language import ENGLISH, Text, english
from ocop_desktop.domain.numbers import DateError, format_vn_date, parse_vn_date
from ocop_desktop.domain.text import clean, vn_sort_key
from ocop_desktop.domain.validation import (
    FieldError,
    NotFoundError,
    StaleDataError,
    ValidationError,
    changed_when,
    text_of,
)
from ocop_desktop.persistence.models import Place, PlaceLink, SurveyCampaign, SurveyEntry, UnitSubmission
from ocop_desktop.persistence.uow import UnitOfWork, UowFactory
from ocop_desktop.services.places import PlaceDTO, PlaceService

FIRST_YEAR = 2018  # OCOP began in 2018 (Quyết định 490/QĐ-TTg)
TITLE_MAX, LETTER_MAX = 500, 500
LABELS = {
    "year": "Năm",
    "deadline": "Hạn nộp",
    "title": "Tên đợt",
    "issuing_letter": "Văn bản yêu cầu",
    "units": "Đơn vị báo cáo",
}
LABELS_EN = {
    "year": "Year",
    "deadline": "Deadline",
    "title": "Round name",
    "issuing_letter": "Requesting document",
    "units": "Reporting units",
}
# Reporting units are commune-level (xã, phường, thị trấn, đặc khu); «all in …» takes a province
# or a district-level unit (huyện, quận, thị xã, thành phố) of either era.
COMMUNE_LEVEL = COMMUNE_KINDS
CONTAINER_LEVEL = PROVINCE_KINDS | DISTRICT_KINDS


@dataclass
class CampaignInput:
    """What the office types; year and deadline may be given as the text typed."""

    year: int | str | None = None
    deadline: date | str | None = None
    title: str = ""
    issuing_letter: str = ""
    unit_ids: tuple[str, ...] = ()
    # A report sent on the deadline day is on time; None keeps the campaign's (new: the letter's
    # «trước ngày», so the day before is the last day on time).
    deadline_day_on_time: bool | None = None


@dataclass(frozen=True)
class CampaignInfo:
    id: str
    year: int
    title: str
    deadline: date | None
    issuing_letter: str
    closed_on: date | None
    unit_ids: tuple[str, ...]
    entry_count: int
    version: datetime | None  # updated_at: edit, close and delete check it when given
    deadline_day_on_time: bool = False


@dataclass(frozen=True)
class CopyProposal:
    """Last year's campaign carried to a new year, for the office to check before saving."""

    source_year: int
    data: CampaignInput
    mapped: tuple[str, ...] = ()  # «Xã Ẳng Nưa → Xã Mường Ảng», one line per old unit replaced
    dropped: tuple[str, ...] = field(default=())  # old units with no successor valid on the deadline


def _label(key: str) -> str:
    return f"«{LABELS[key]}»"


def _en(key: str) -> str:
    """The field's label in an English message."""
    return f"«{LABELS_EN[key]}»"


def shift_year(day: date, years: int) -> date:
    """The same day ``years`` later; 29/02 becomes 28/02 in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class CampaignService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow
        self._places = PlaceService(make_uow)

    # -- reading -----------------------------------------------------------------------------------
    def get(self, campaign_id: str) -> CampaignInfo:
        with self._uow() as uow:
            return self._info(uow, self._load(uow, campaign_id))

    def by_year(self, year: int) -> CampaignInfo:
        with self._uow() as uow:
            campaign = uow.session.scalar(select(SurveyCampaign).where(SurveyCampaign.year == year))
            if campaign is None:
                raise NotFoundError(
                    Text(
                        f"Không có đợt rà soát năm {year}; «ocop campaigns list» liệt kê các đợt đã có.",
                        f"There is no survey round for {year}; «ocop campaigns list» lists the rounds there are.",
                    )
                )
            return self._info(uow, campaign)

    def list(self) -> list[CampaignInfo]:
        with self._uow() as uow:
            rows = uow.session.scalars(select(SurveyCampaign).order_by(SurveyCampaign.year.desc()))
            return [self._info(uow, c) for c in rows]

    def units_on(self, day: date) -> builtins.list[PlaceDTO]:
        """Commune-level units (xã, phường, thị trấn, đặc khu) valid on ``day``, in Vietnamese order."""
        return [p for p in self._places.all() if p.kind in COMMUNE_LEVEL and p.valid_on(day)]

    def units_within(self, place_id: str, day: date) -> builtins.list[PlaceDTO]:
        """The commune-level units valid on ``day`` in a province, district or commune.

        A unit that no longer exists on ``day`` (a district of 2024 for a campaign of 2026)
        gives the units that took over its communes."""
        everything = self._places.all()
        by_id = {p.id: p for p in everything}
        if place_id not in by_id:
            raise NotFoundError(
                Text(
                    "Không tìm thấy đơn vị hành chính này; hãy chọn lại.",
                    "This administrative unit was not found; choose it again.",
                )
            )
        children: dict[str, list[PlaceDTO]] = {}
        for p in everything:
            if p.parent_id:
                children.setdefault(p.parent_id, []).append(p)
        found, stack, seen = [], [by_id[place_id]], set()
        while stack:
            p = stack.pop()
            if p.id in seen:
                continue
            seen.add(p.id)
            if p.kind in COMMUNE_LEVEL:
                found.append(p)
            stack.extend(children.get(p.id, []))
        out: dict[str, PlaceDTO] = {}
        links = self._links() if any(not p.valid_on(day) for p in found) else {}
        for p in found:
            for q in self._successors_on(by_id, links, p, day):
                out[q.id] = q
        return sorted(out.values(), key=lambda p: (vn_sort_key(p.name), p.id))

    def office_scope(self, day: date) -> tuple[str | None, tuple[str, ...]]:
        """What a new campaign of this office starts with: the province or district to pick units
        in, and the office's own commune already chosen when the office is a commune. An office unit
        gone by ``day`` (a commune of 2024 in a 2026 campaign) counts as the unit that took it over."""
        from ocop_desktop.services.settings import read_settings  # noqa: PLC0415

        unit_id = read_settings(self._uow).get("office_unit_id")
        if not unit_id:
            return None, ()

        def valid(p: Place) -> bool:
            return (p.valid_from is None or p.valid_from <= day) and (p.valid_to is None or p.valid_to >= day)

        with self._uow() as uow:
            s = uow.session
            place = s.get(Place, unit_id)
            for _ in range(5):  # successor chains are one or two links; the bound stops a loop
                if place is None or valid(place) or not place.successor_id:
                    break
                place = s.get(Place, place.successor_id)
            if place is None or not valid(place):
                return None, ()
            if place.kind not in COMMUNE_LEVEL:
                return place.id, ()
            top = place
            for _ in range(5):
                if top.kind in PROVINCE_KINDS or top.parent_id is None:
                    break
                parent = s.get(Place, top.parent_id)
                if parent is None:  # a dangling parent: the unit is known only this far up
                    break
                top = parent
            return (top.id if top.kind in PROVINCE_KINDS else None), (place.id,)

    def choices_on(self, day: date) -> tuple[builtins.list[PlaceDTO], builtins.list[PlaceDTO]]:
        """(units, containers) valid on ``day``, read once: the dialog's checklist and its
        «select every unit in …» choices (provinces and district-level units)."""
        valid = [p for p in self._places.all() if p.valid_on(day)]
        return [p for p in valid if p.kind in COMMUNE_LEVEL], [p for p in valid if p.kind in CONTAINER_LEVEL]

    # -- writing -----------------------------------------------------------------------------------
    def add(self, data: CampaignInput, today: date | None = None) -> CampaignInfo:
        today = today or date.today()
        with self._uow(context="đợt rà soát") as uow:
            year, deadline, title, letter = self._check(uow, data, today, None)
            campaign = SurveyCampaign(
                year=year,
                deadline=deadline,
                title=title,
                issuing_letter=letter,
                deadline_day_on_time=bool(data.deadline_day_on_time),
            )
            uow.session.add(campaign)
            uow.session.flush()
            self._set_units(uow, campaign, data.unit_ids, deadline)
            uow.commit()
            return self._info(uow, campaign)

    def edit(
        self, campaign_id: str, data: CampaignInput, today: date | None = None, expected_version: datetime | None = None
    ) -> CampaignInfo:
        """Save the campaign's year, title, deadline, letter and its list of units. A unit with
        survey rows is never removed: the save is refused with the count."""
        today = today or date.today()
        with self._uow(context="đợt rà soát") as uow:
            campaign = self._load(uow, campaign_id)
            self._check_version(campaign, expected_version)
            year, deadline, title, letter = self._check(uow, data, today, campaign)
            campaign.year, campaign.deadline, campaign.title, campaign.issuing_letter = year, deadline, title, letter
            if data.deadline_day_on_time is not None:
                campaign.deadline_day_on_time = data.deadline_day_on_time
            self._set_units(uow, campaign, data.unit_ids, deadline)
            uow.commit()
            return self._info(uow, campaign)

    def close(self, campaign_id: str, on: date | None = None, expected_version: datetime | None = None) -> CampaignInfo:
        """Close the campaign on ``on`` (today): its rows stay, new rows are refused until reopened."""
        on = on or date.today()
        with self._uow(action="close", context="đợt rà soát") as uow:
            campaign = self._load(uow, campaign_id)
            self._check_version(campaign, expected_version)
            if campaign.closed_on is not None:
                raise ValidationError(
                    [
                        FieldError(
                            "closed_on",
                            Text(
                                f"Đợt đã kết thúc từ ngày {format_vn_date(campaign.closed_on)}; không cần kết thúc lại.",
                                f"The round was already closed on {format_vn_date(campaign.closed_on)}; it need not be closed again.",
                            ),
                        )
                    ],
                    record=self._record(campaign),
                )
            campaign.closed_on = on
            uow.commit()
            return self._info(uow, campaign)

    def reopen(self, campaign_id: str, expected_version: datetime | None = None) -> CampaignInfo:
        with self._uow(action="reopen", context="đợt rà soát") as uow:
            campaign = self._load(uow, campaign_id)
            self._check_version(campaign, expected_version)
            if campaign.closed_on is None:
                raise ValidationError(
                    [
                        FieldError(
                            "closed_on",
                            Text("Đợt đang mở; không cần mở lại.", "The round is open; it need not be reopened."),
                        )
                    ],
                    record=self._record(campaign),
                )
            campaign.closed_on = None
            uow.commit()
            return self._info(uow, campaign)

    def delete(self, campaign_id: str, expected_version: datetime | None = None) -> str:
        """Delete a campaign without survey rows (and its list of units); returns its title.
        A campaign with rows is refused with their count: they are the units' work."""
        with self._uow(context="đợt rà soát") as uow:
            campaign = self._load(uow, campaign_id)
            self._check_version(campaign, expected_version)
            count = self._entry_count(uow, campaign.id)
            if count:
                raise ValidationError(
                    [
                        FieldError(
                            "entries",
                            Text(
                                f"đợt đã có {count} dòng rà soát của các đơn vị nên không xóa được; nếu đợt đã "
                                "xong, hãy kết thúc đợt thay vì xóa",
                                f"the round already has {count} survey rows from the units, so it cannot be deleted; if the round is "
                                "finished, close it instead of deleting it",
                            ),
                        )
                    ],
                    record=self._record(campaign),
                )
            title = self._record(campaign)
            uow.session.delete(campaign)
            uow.commit()
            return title

    def propose_copy(self, year: int | str | None, source_id: str | None = None) -> CopyProposal:
        """Last year's campaign (or ``source_id``) carried to ``year``: the title's year and the
        deadline moved by the difference in years, each old unit replaced by the unit(s) valid
        on the new deadline that took it over. Nothing is saved; add() saves it."""
        errors: list[FieldError] = []
        target = self._year(year, date.today(), errors)
        if errors or target is None:
            raise ValidationError(errors, record=Text("Sao chép đợt rà soát", "Copying a survey round"))
        with self._uow() as uow:
            s = uow.session
            source: SurveyCampaign | None
            if source_id:
                source = self._load(uow, source_id)
            else:
                source = s.scalar(
                    select(SurveyCampaign)
                    .where(SurveyCampaign.year < target)
                    .order_by(SurveyCampaign.year.desc())
                    .limit(1)
                )
                if source is None:
                    raise NotFoundError(
                        Text(
                            f"Chưa có đợt rà soát nào trước năm {target} để sao chép; hãy tạo đợt mới.",
                            f"There is no survey round before {target} to copy; create a new round.",
                        )
                    )
            unit_ids = [u.unit_id for u in source.submissions]
            shift = target - source.year
            deadline = shift_year(source.deadline, shift) if source.deadline else None
            title = source.title.replace(str(source.year), str(target))
            source_year = source.year
            deadline_day_on_time = source.deadline_day_on_time
        by_id, links = {p.id: p for p in self._places.all()}, self._links()
        day = deadline or date(target, 12, 31)
        units: dict[str, None] = {}
        mapped, dropped = [], []
        for unit_id in unit_ids:
            old = by_id[unit_id]
            new = self._successors_on(by_id, links, old, day)
            if not new:
                dropped.append(old.label)
            elif [p.id for p in new] != [old.id]:
                mapped.append(f"{old.label} → {', '.join(p.name for p in new)}")
            for p in new:
                units.setdefault(p.id)
        data = CampaignInput(
            year=target,
            deadline=deadline,
            title=title,
            issuing_letter="",
            unit_ids=tuple(units),
            deadline_day_on_time=deadline_day_on_time,
        )
        return CopyProposal(source_year, data, tuple(mapped), tuple(dropped))

    def copy(
        self,
        year: int | str | None,
        changes: CampaignInput | None = None,
        source_id: str | None = None,
        today: date | None = None,
    ) -> tuple[CampaignInfo, CopyProposal]:
        """Save the copy of last year's campaign; fields set in ``changes`` replace the proposal's."""
        proposal = self.propose_copy(year, source_id)
        data = proposal.data
        if changes is not None:
            data = replace(data, **{k: v for k, v in vars(changes).items() if v not in (None, "", ())})
        return self.add(data, today), proposal

    # -- checks ------------------------------------------------------------------------------------
    def _check(
        self, uow: UnitOfWork, data: CampaignInput, today: date, campaign: SurveyCampaign | None
    ) -> tuple[int, date, str, str]:
        errors: list[FieldError] = []
        year = self._year(data.year, today, errors)
        deadline = None
        if data.deadline is None or (isinstance(data.deadline, str) and not data.deadline.strip()):
            errors.append(
                FieldError(
                    "deadline",
                    Text(
                        f"Chưa nhập {_label('deadline')}; hãy nhập ngày theo dạng 30/06/2026.",
                        f"{_en('deadline')} is missing; enter a date such as 30/06/2026.",
                    ),
                )
            )
        else:
            try:
                deadline = parse_vn_date(data.deadline)
            except DateError as exc:
                errors.append(
                    FieldError(
                        "deadline",
                        Text(
                            f"{_label('deadline')}: {text_of(exc, 'vi').rstrip('.')}",
                            f"{_en('deadline')}: {text_of(exc, ENGLISH).rstrip('.')}",
                        ),
                    )
                )
        if deadline is not None and year is not None and not year - 1 <= deadline.year <= year + 1:
            errors.append(
                FieldError(
                    "deadline",
                    Text(
                        f"{_label('deadline')} {format_vn_date(deadline)} quá xa năm của đợt "
                        f"({year}); hãy nhập ngày từ 01/01/{year - 1} đến 31/12/{year + 1}.",
                        f"{_en('deadline')} {format_vn_date(deadline)} is too far from the round's year "
                        f"({year}); enter a date from 01/01/{year - 1} to 31/12/{year + 1}.",
                    ),
                )
            )
        title = clean(data.title) or ""
        if not title:
            errors.append(
                FieldError(
                    "title",
                    Text(
                        f"Chưa nhập {_label('title')}, ví dụ «Rà soát sản phẩm OCOP năm {year or today.year}».",
                        f"{_en('title')} is missing, for example «Rà soát sản phẩm OCOP năm {year or today.year}».",
                    ),
                )
            )
        elif len(title) > TITLE_MAX:
            errors.append(
                FieldError(
                    "title",
                    Text(
                        f"{_label('title')} dài quá {TITLE_MAX} ký tự; hãy rút gọn.",
                        f"{_en('title')} is longer than {TITLE_MAX} characters; shorten it.",
                    ),
                )
            )
        letter = clean(data.issuing_letter) or ""
        if len(letter) > LETTER_MAX:
            errors.append(
                FieldError(
                    "issuing_letter",
                    Text(
                        f"{_label('issuing_letter')} dài quá {LETTER_MAX} ký tự; hãy rút gọn.",
                        f"{_en('issuing_letter')} is longer than {LETTER_MAX} characters; shorten it.",
                    ),
                )
            )
        if year is not None:
            same = uow.session.scalar(select(SurveyCampaign).where(SurveyCampaign.year == year))
            if same is not None and same is not campaign:
                errors.append(
                    FieldError(
                        "year",
                        Text(
                            f"Đã có đợt rà soát năm {year} («{same.title}»); mỗi năm một đợt "
                            "(nhập Excel và báo cáo chọn đợt theo năm), hãy sửa đợt đó.",
                            f"There is already a survey round for {year} («{same.title}»); one round a year "
                            "(Excel imports and reports choose the round by its year): edit that round.",
                        ),
                    )
                )
            if campaign is not None and year != campaign.year and (n := self._entry_count(uow, campaign.id)):
                errors.append(
                    FieldError(
                        "year",
                        Text(
                            f"Đợt đã có {n} dòng rà soát nhập theo năm {campaign.year}; không đổi được {_label('year')}.",
                            f"The round already has {n} survey rows entered for {campaign.year}; its {_en('year')} cannot change.",
                        ),
                    )
                )
        errors += self._unit_errors(uow, data.unit_ids, deadline, campaign)
        if errors or year is None or deadline is None:
            raise ValidationError(
                errors,
                record=Text(
                    self._record(campaign) if campaign else "Đợt rà soát mới",
                    english(self._record(campaign)) if campaign else "New survey round",
                ),
            )
        return year, deadline, title, letter

    @staticmethod
    def _year(value: int | str | None, today: date, errors: builtins.list[FieldError]) -> int | None:
        last = today.year + 1
        text = str(value).strip() if value is not None else ""
        if not text:
            errors.append(
                FieldError(
                    "year",
                    Text(
                        f"Chưa nhập {_label('year')}; hãy nhập năm từ {FIRST_YEAR} đến {last}.",
                        f"{_en('year')} is missing; enter a year from {FIRST_YEAR} to {last}.",
                    ),
                )
            )
            return None
        if isinstance(value, bool) or not text.isdigit() or not FIRST_YEAR <= int(text) <= last:
            shown = text if len(text) <= 20 else text[:20] + "…"
            errors.append(
                FieldError(
                    "year",
                    Text(
                        f"{_label('year')} «{shown}» không dùng được; hãy nhập năm từ "
                        f"{FIRST_YEAR} (năm bắt đầu Chương trình OCOP) đến {last}.",
                        f"{_en('year')} «{shown}» cannot be used; enter a year from "
                        f"{FIRST_YEAR} (the year the OCOP Programme began) to {last}.",
                    ),
                )
            )
            return None
        return int(text)

    def _unit_errors(
        self, uow: UnitOfWork, unit_ids: Iterable[str] | None, deadline: date | None, campaign: SurveyCampaign | None
    ) -> builtins.list[FieldError]:
        wanted = list(dict.fromkeys(unit_ids or ()))
        if not wanted:
            return [
                FieldError(
                    "units",
                    Text(
                        f"Chưa chọn {_label('units')}; hãy chọn ít nhất một xã, phường.",
                        f"No {_en('units')} chosen; choose at least one commune or ward.",
                    ),
                )
            ]
        s = uow.session
        places = {p.id: p for p in s.scalars(select(Place).where(Place.id.in_(wanted)))}
        kept = {u.unit_id for u in campaign.submissions} if campaign is not None else set()
        errors = []
        for unit_id in wanted:
            p = places.get(unit_id)
            if p is None:
                errors.append(
                    FieldError(
                        "units",
                        Text(
                            f"{_label('units')}: có đơn vị không còn trong danh sách địa bàn "
                            f"(mã bản ghi {unit_id}); hãy chọn lại.",
                            f"{_en('units')}: a unit is no longer in the list of places "
                            f"(record id {unit_id}); choose again.",
                        ),
                    )
                )
            elif (
                unit_id not in kept
                and deadline is not None
                and not (
                    (p.valid_from is None or p.valid_from <= deadline)
                    and (p.valid_to is None or deadline <= p.valid_to)
                )
            ):
                period = f"đến {format_vn_date(p.valid_to)}" if p.valid_to else f"từ {format_vn_date(p.valid_from)}"
                period_en = (
                    f"until {format_vn_date(p.valid_to)}" if p.valid_to else f"from {format_vn_date(p.valid_from)}"
                )
                errors.append(
                    FieldError(
                        "units",
                        Text(
                            f"{_label('units')}: «{p.name}» ({period}) không tồn tại vào "
                            f"{_label('deadline')} {format_vn_date(deadline)}; hãy chọn đơn vị "
                            "còn hiệu lực vào ngày đó.",
                            f"{_en('units')}: «{p.name}» ({period_en}) does not exist on the "
                            f"{_en('deadline')} {format_vn_date(deadline)}; choose a unit "
                            "in force on that date.",
                        ),
                    )
                )
        if campaign is not None:
            removed = kept - set(wanted)
            if removed:
                counts = dict(
                    s.execute(
                        select(SurveyEntry.unit_id, func.count())
                        .where(SurveyEntry.campaign_id == campaign.id, SurveyEntry.unit_id.in_(removed))
                        .group_by(SurveyEntry.unit_id)
                    ).all()
                )
                for sub in campaign.submissions:
                    if counts.get(sub.unit_id):
                        errors.append(
                            FieldError(
                                "units",
                                Text(
                                    f"không bỏ được «{sub.unit.name}» khỏi {_label('units')}: "
                                    f"đơn vị đã có {counts[sub.unit_id]} dòng rà soát trong đợt; "
                                    "hãy giữ đơn vị này",
                                    f"cannot remove «{sub.unit.name}» from {_en('units')}: "
                                    f"the unit already has {counts[sub.unit_id]} survey rows in the round; "
                                    "keep this unit",
                                ),
                            )
                        )
        return errors

    # -- helpers -----------------------------------------------------------------------------------
    @staticmethod
    def _set_units(uow: UnitOfWork, campaign: SurveyCampaign, unit_ids: Iterable[str], deadline: date) -> None:
        wanted = list(dict.fromkeys(unit_ids))
        have = {u.unit_id: u for u in campaign.submissions}
        for unit_id, sub in have.items():
            if unit_id not in wanted:
                campaign.submissions.remove(sub)  # checked before: it has no rows
        for unit_id in wanted:
            if unit_id not in have:
                campaign.submissions.append(
                    UnitSubmission(
                        campaign_id=campaign.id, unit_id=unit_id, status=SubmissionStatus.NOT_SUBMITTED.value
                    )
                )

    def _links(self) -> dict[str, builtins.list[str]]:
        """Old unit id -> every new unit that took over part of it (the main one first)."""
        with self._uow() as uow:
            rows = uow.session.execute(
                select(PlaceLink.predecessor_id, PlaceLink.successor_id, PlaceLink.main).order_by(PlaceLink.main.desc())
            )
            out: dict[str, list[str]] = {}
            for old, new, _main in rows:
                out.setdefault(old, []).append(new)
            return out

    @staticmethod
    def _successors_on(
        by_id: dict[str, PlaceDTO], links: dict[str, builtins.list[str]], place: PlaceDTO, day: date
    ) -> builtins.list[PlaceDTO]:
        """The unit itself if valid on ``day``, else every unit that took over part of it by then
        (a commune of 2024 divided between several of 2025 gives each of them)."""
        frontier, seen, out = [place], set(), []
        while frontier:
            current = frontier.pop(0)
            if current.id in seen:
                continue
            seen.add(current.id)
            if current.valid_on(day):
                out.append(current)
                continue
            following = links.get(current.id) or ([current.successor_id] if current.successor_id else [])
            frontier.extend(by_id[i] for i in following if i in by_id)
        return out

    @staticmethod
    def _entry_count(uow: UnitOfWork, campaign_id: str) -> int:
        return (
            uow.session.scalar(
                select(func.count()).select_from(SurveyEntry).where(SurveyEntry.campaign_id == campaign_id)
            )
            or 0
        )

    @staticmethod
    def _load(uow: UnitOfWork, campaign_id: str) -> SurveyCampaign:
        campaign = uow.session.get(SurveyCampaign, campaign_id) if campaign_id else None
        if campaign is None:
            raise NotFoundError(
                Text(
                    "Không tìm thấy đợt rà soát này; có thể nó đã bị xóa. Hãy tải lại.",
                    "This survey round was not found; it may have been deleted. Reload.",
                )
            )
        return campaign

    @staticmethod
    def _record(campaign: SurveyCampaign) -> Text:
        return Text(
            f"Đợt rà soát năm {campaign.year} «{campaign.title}»",
            f"The survey round of {campaign.year} «{campaign.title}»",
        )

    def _check_version(self, campaign: SurveyCampaign, expected: datetime | None) -> None:
        if expected is not None and campaign.updated_at != expected:
            raise StaleDataError(
                [
                    Text(
                        f"{self._record(campaign)} đã được sửa ở nơi khác {changed_when(campaign.updated_at)}",
                        f"{self._record(campaign).en} was changed elsewhere {changed_when(campaign.updated_at).en}",
                    )
                ],
                advice=Text(
                    "Chưa lưu gì; hãy tải lại rồi làm lại nếu vẫn cần.",
                    "Nothing was saved; reload, then do it again if it is still needed.",
                ),
            )

    def _info(self, uow: UnitOfWork, c: SurveyCampaign) -> CampaignInfo:
        uow.session.flush()
        return CampaignInfo(
            id=c.id,
            year=c.year,
            title=c.title,
            deadline=c.deadline,
            issuing_letter=c.issuing_letter,
            closed_on=c.closed_on,
            # In the order the units were listed, as plain values: a national campaign lists
            # 11,000 units, whose ORM objects took half a second to load for a report's id.
            unit_ids=tuple(
                uow.session.scalars(
                    select(UnitSubmission.unit_id)
                    .where(UnitSubmission.campaign_id == c.id)
                    .order_by(literal_column("unit_submissions.rowid"))
                )
            ),
            entry_count=self._entry_count(uow, c.id),
            version=c.updated_at,
            deadline_day_on_time=bool(c.deadline_day_on_time),
        )
