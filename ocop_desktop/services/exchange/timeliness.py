"""Who has reported: each campaign's units, their submission, timeliness and the package that came."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import SubmissionStatus
from ocop_desktop.persistence.models import InboxEntry, Place, SurveyCampaign, UnitSubmission
from ocop_desktop.services.exchange.dto import CampaignTimeliness, UnitTimeliness
from ocop_desktop.services.places import covered_place_ids
from ocop_desktop.services.surveys import on_time  # one rule for "on time", shared with the survey tab

_DONE = {SubmissionStatus.SUBMITTED.value, SubmissionStatus.RECEIVED.value}


def _received(session: Session) -> dict[str, datetime]:
    """Unit id -> when its last package was imported (a merged commune's package counts for the
    old communes it took over, so 2024 units are found in a 2025 commune's package)."""
    query = (
        select(InboxEntry.sender_unit_id, func.max(InboxEntry.imported_at))
        .where(InboxEntry.undone_at.is_(None), InboxEntry.sender_unit_id.is_not(None))
        .group_by(InboxEntry.sender_unit_id)
    )
    out: dict[str, datetime] = {}
    for sender, at in session.execute(query):
        if sender is None:  # excluded by the query
            continue
        for unit_id in covered_place_ids(session, sender):
            if unit_id not in out or out[unit_id] < at:
                out[unit_id] = at
    return out


def campaign_timeliness(session: Session, today: date) -> list[CampaignTimeliness]:
    received = _received(session)
    out = []
    for campaign in session.scalars(select(SurveyCampaign).order_by(SurveyCampaign.year.desc())):
        rows = session.execute(
            select(UnitSubmission.unit_id, Place.name, UnitSubmission.status, UnitSubmission.submitted_on)
            .join(Place, Place.id == UnitSubmission.unit_id)
            .where(UnitSubmission.campaign_id == campaign.id)
            .order_by(Place.name_sort, Place.id)
        )
        units = tuple(
            UnitTimeliness(
                unit_id=unit_id,
                unit=name,
                status_label=SubmissionStatus(status).label,
                submitted=status in _DONE,
                submitted_on=submitted_on,
                on_time=on_time(
                    submitted_on if status in _DONE else None, campaign.deadline, today, campaign.deadline_day_on_time
                ),
                received_at=received.get(unit_id),
                status=status,
            )
            for unit_id, name, status, submitted_on in rows
        )
        out.append(CampaignTimeliness(campaign.id, campaign.year, campaign.title, campaign.deadline, units))
    return out
