"""The survey's read queries, each one SQL statement of plain rows (no ORM objects, so a
national list stays quick): campaigns with their units counted, each unit's submission, a
campaign's units with their entry counts, and the entries themselves."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.deadlines import timeliness
from ocop_desktop.domain.enums import SubmissionStatus
from ocop_desktop.domain.schema import SURVEY_ENTRY
from ocop_desktop.persistence.models import Place, SurveyCampaign, SurveyEntry, UnitSubmission
from ocop_desktop.services.places import place_label
from ocop_desktop.services.survey_types import (
    DONE_STATUSES,
    CampaignDTO,
    SubmissionDTO,
    SurveyEntryDTO,
    UnitStatusDTO,
)


def on_time(
    submitted_on: date | None, deadline: date | None, today: date, deadline_day_on_time: bool = False
) -> bool | None:
    """On time (True), late (False), or not yet known (None: not submitted, deadline ahead); the
    campaign says whether the deadline day itself is on time (the survey report's rule)."""
    return timeliness(submitted_on, deadline, deadline_day_on_time, today).on_time


def _entry_query() -> Select[*tuple[Any, ...]]:
    """The columns the DTO shows, joined in SQL: no ORM objects, so 100,000 rows stay quick."""
    return (
        select(
            SurveyEntry.id,
            SurveyCampaign.year,
            SurveyEntry.campaign_id,
            Place.name,
            SurveyEntry.unit_id,
            *(getattr(SurveyEntry, f.stored) for f in SURVEY_ENTRY.listed),
            SurveyEntry.position,
            SurveyEntry.product_id,
            SurveyEntry.updated_at,
        )
        .join(SurveyCampaign, SurveyCampaign.id == SurveyEntry.campaign_id)
        .join(Place, Place.id == SurveyEntry.unit_id)
    )


def read_entries(
    session: Session,
    campaign_id: str | None = None,
    unit_ids: Collection[str] | None = None,
    unit_id: str | None = None,
) -> list[SurveyEntryDTO]:
    """The one read path of survey rows (the grid, the CLI, the survey report): DTOs of one
    campaign (or all), of some units (or all), by campaign year, unit and the order entered."""
    query = _entry_query()
    if campaign_id is not None:
        query = query.where(SurveyEntry.campaign_id == campaign_id)
    if unit_id is not None:
        query = query.where(SurveyEntry.unit_id == unit_id)
    if unit_ids is not None:
        query = query.where(SurveyEntry.unit_id.in_(sorted(unit_ids)))
    query = query.order_by(
        SurveyCampaign.year, SurveyEntry.unit_id, SurveyEntry.position, SurveyEntry.created_at, SurveyEntry.id
    )
    return [SurveyEntryDTO(*r) for r in session.execute(query)]


def list_campaigns(session: Session, today: date, units: bool = True) -> list[CampaignDTO]:
    """Every campaign, newest first, with its units counted in SQL; ``units=False`` leaves out
    the list of each unit's submission (what the window's charts and pickers show)."""
    done = func.sum(case((UnitSubmission.status.in_(DONE_STATUSES), 1), else_=0))
    counts = (
        select(UnitSubmission.campaign_id, func.count().label("units"), done.label("done"))
        .group_by(UnitSubmission.campaign_id)
        .subquery()
    )
    query = (
        select(
            SurveyCampaign.id,
            SurveyCampaign.year,
            SurveyCampaign.title,
            SurveyCampaign.deadline,
            SurveyCampaign.issuing_letter,
            SurveyCampaign.closed_on,
            SurveyCampaign.deadline_day_on_time,
            SurveyCampaign.updated_at,
            counts.c.units,
            counts.c.done,
        )
        .outerjoin(counts, counts.c.campaign_id == SurveyCampaign.id)
        .order_by(SurveyCampaign.year.desc())
    )
    rows = session.execute(query).all()
    by_campaign = submissions_by_campaign(session, today) if units and rows else {}
    return [
        CampaignDTO(
            id=r.id,
            year=r.year,
            title=r.title,
            deadline=r.deadline,
            issuing_letter=r.issuing_letter,
            closed_on=r.closed_on,
            unit_count=r.units or 0,
            submitted_count=r.done or 0,
            submissions=tuple(by_campaign.get(r.id, ())),
            version=r.updated_at,
        )
        for r in rows
    ]


def submissions_by_campaign(session: Session, today: date) -> dict[str, list[SubmissionDTO]]:
    """Each campaign's submissions by unit name, in one query of plain rows."""
    query = (
        select(
            UnitSubmission.campaign_id,
            UnitSubmission.unit_id,
            Place.name,
            Place.code,
            UnitSubmission.status,
            UnitSubmission.submitted_on,
            SurveyCampaign.deadline,
            SurveyCampaign.deadline_day_on_time,
        )
        .join(Place, Place.id == UnitSubmission.unit_id)
        .join(SurveyCampaign, SurveyCampaign.id == UnitSubmission.campaign_id)
        .order_by(UnitSubmission.campaign_id, Place.name_sort, Place.id)
    )
    out: dict[str, list[SubmissionDTO]] = {}
    for r in session.execute(query):
        out.setdefault(r.campaign_id, []).append(
            SubmissionDTO(
                unit_id=r.unit_id,
                unit=r.name,
                unit_code=r.code or "",
                status=r.status,
                status_label=SubmissionStatus(r.status).label,
                submitted_on=r.submitted_on,
                on_time=on_time(r.submitted_on, r.deadline, today, r.deadline_day_on_time),
            )
        )
    return out


def unit_statuses(session: Session, campaign: SurveyCampaign, today: date) -> list[UnitStatusDTO]:
    """Each reporting unit's submission and entry count, counted in SQL (entries not loaded)."""
    campaign_id = campaign.id
    counts = (
        select(
            SurveyEntry.unit_id.label("unit_id"),
            func.count().label("n"),
            func.max(SurveyEntry.updated_at).label("saved_at"),
        )
        .where(SurveyEntry.campaign_id == campaign_id)
        .group_by(SurveyEntry.unit_id)
        .subquery()
    )
    query = (
        select(
            UnitSubmission.unit_id,
            Place.name,
            Place.code,
            Place.valid_from,
            Place.valid_to,
            UnitSubmission.status,
            UnitSubmission.submitted_on,
            counts.c.n,
            counts.c.saved_at,
            UnitSubmission.updated_at,
        )
        .join(Place, Place.id == UnitSubmission.unit_id)
        .outerjoin(counts, counts.c.unit_id == UnitSubmission.unit_id)
        .where(UnitSubmission.campaign_id == campaign_id)
        .order_by(Place.name_sort, Place.id)
    )
    return [
        UnitStatusDTO(
            unit_id=r.unit_id,
            unit=r.name,
            unit_code=r.code or "",
            status=r.status,
            status_label=SubmissionStatus(r.status).label,
            submitted_on=r.submitted_on,
            on_time=on_time(r.submitted_on, campaign.deadline, today, campaign.deadline_day_on_time),
            entry_count=r.n or 0,
            saved_at=r.saved_at,
            version=r.updated_at,
            unit_label=place_label(r.name, r.valid_from, r.valid_to),
        )
        for r in session.execute(query)
    ]
