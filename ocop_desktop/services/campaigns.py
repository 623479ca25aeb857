"""Survey campaigns created by the office: add, edit, close, reopen, delete, copy from last year."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import literal_column, select
from sqlalchemy.orm import object_session

from ocop_desktop.domain.enums import PROVINCE_KINDS, SubmissionStatus
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.domain.validation import FieldError, NotFoundError, StaleDataError, ValidationError
from ocop_desktop.persistence.models import Place, PlaceLink, SurveyCampaign, UnitSubmission
from ocop_desktop.persistence.uow import UnitOfWork, UowFactory
from ocop_desktop.services.campaign_checks import (
    FIRST_YEAR,
    LABELS,
    LABELS_EN,
    LETTER_MAX,
    TITLE_MAX,
    check_campaign,
    check_year,
    entry_count,
    record_text,
)
from ocop_desktop.services.campaign_types import CampaignInfo, CampaignInput, CopyProposal
from ocop_desktop.services.campaign_units import COMMUNE_LEVEL, CONTAINER_LEVEL, communes_within, successors_on
from ocop_desktop.services.places import PlaceDTO, PlaceService
from ocop_desktop.services.record_versions import commit_or_refuse, stale_record

__all__ = [
    "COMMUNE_LEVEL",
    "CONTAINER_LEVEL",
    "FIRST_YEAR",
    "LABELS",
    "LABELS_EN",
    "LETTER_MAX",
    "TITLE_MAX",
    "CampaignInfo",
    "CampaignInput",
    "CampaignService",
    "CopyProposal",
    "shift_year",
]


def shift_year(day: date, years: int) -> date:
    """The same day ``years`` later; 29/02 becomes 28/02 in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _stale(campaign: SurveyCampaign) -> StaleDataError:
    """The refusal of a change over a campaign changed since it was shown, naming who changed it."""
    session = object_session(campaign)
    assert session is not None  # loaded in a unit of work
    return stale_record(
        session,
        "survey_campaigns",
        campaign.id,
        record_text(campaign),
        campaign.updated_at,
        advice=Text(
            "Chưa lưu gì; hãy tải lại rồi làm lại nếu vẫn cần.",
            "Nothing was saved; reload, then do it again if it is still needed.",
        ),
        since=Text("sau khi bạn mở nó", "after you opened it"),
    )


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
        return communes_within(self._places.all(), place_id, day, self._links)

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
            year, deadline, title, letter = check_campaign(uow, data, today, None)
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
            year, deadline, title, letter = check_campaign(uow, data, today, campaign)
            campaign.year, campaign.deadline, campaign.title, campaign.issuing_letter = year, deadline, title, letter
            if data.deadline_day_on_time is not None:
                campaign.deadline_day_on_time = data.deadline_day_on_time
            self._set_units(uow, campaign, data.unit_ids, deadline)
            commit_or_refuse(uow, lambda: _stale(self._load(uow, campaign_id)))
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
                    record=record_text(campaign),
                )
            campaign.closed_on = on
            commit_or_refuse(uow, lambda: _stale(self._load(uow, campaign_id)))
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
                    record=record_text(campaign),
                )
            campaign.closed_on = None
            commit_or_refuse(uow, lambda: _stale(self._load(uow, campaign_id)))
            return self._info(uow, campaign)

    def delete(self, campaign_id: str, expected_version: datetime | None = None) -> str:
        """Delete a campaign without survey rows (and its list of units); returns its title.
        A campaign with rows is refused with their count: they are the units' work."""
        with self._uow(context="đợt rà soát") as uow:
            campaign = self._load(uow, campaign_id)
            self._check_version(campaign, expected_version)
            count = entry_count(uow, campaign.id)
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
                    record=record_text(campaign),
                )
            title = record_text(campaign)
            uow.session.delete(campaign)
            commit_or_refuse(uow, lambda: _stale(self._load(uow, campaign_id)))
            return title

    def propose_copy(self, year: int | str | None, source_id: str | None = None) -> CopyProposal:
        """Last year's campaign (or ``source_id``) carried to ``year``: the title's year and the
        deadline moved by the difference in years, each old unit replaced by the unit(s) valid
        on the new deadline that took it over. Nothing is saved; add() saves it."""
        errors: list[FieldError] = []
        target = check_year(year, date.today(), errors)
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
            new = successors_on(by_id, links, old, day)
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

    def _check_version(self, campaign: SurveyCampaign, expected: datetime | None) -> None:
        """Refuse a change based on an older campaign; commit_or_refuse holds the check between
        two people on one server (the UPDATE names the version it read, migration 0022)."""
        if expected is not None and campaign.updated_at != expected:
            raise _stale(campaign)

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
                    .order_by(*_listed_order(uow))
                )
            ),
            entry_count=entry_count(uow, c.id),
            version=c.updated_at,
            deadline_day_on_time=bool(c.deadline_day_on_time),
        )


def _listed_order(uow: UnitOfWork) -> tuple[Any, ...]:
    """The order the units were listed in: SQLite's rowid; a server has none (issue 18), the
    order they were written in is the nearest it keeps (the same unless two share a timestamp)."""
    if uow.session.get_bind().dialect.name == "sqlite":
        return (literal_column("unit_submissions.rowid"),)
    return (UnitSubmission.created_at, UnitSubmission.id)
