"""How checked Excel rows become survey entries of a unit: matched rows keep their record, so a correction is an update."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import SubmissionStatus
from ocop_desktop.domain.schema import SURVEY_ENTRY
from ocop_desktop.domain.text import fold
from ocop_desktop.persistence.models import SurveyEntry, UnitSubmission


def entry_key(values: dict[str, Any]) -> tuple[str, str]:
    return fold(values["product_name"]), fold(values["producer"])


def store_unit_rows(session: Session, campaign_id: str, unit_id: str, rows: list[Any], replace: bool) -> dict[str, int]:
    """Store the checked rows (survey_import.ImportRow) of one unit; returns added, updated, deleted,
    unchanged. The caller's unit of work (action "excel") records every change for undo and export."""
    existing = list(
        session.scalars(
            select(SurveyEntry)
            .where(SurveyEntry.campaign_id == campaign_id, SurveyEntry.unit_id == unit_id)
            .order_by(SurveyEntry.position)
        )
    )
    by_key: dict[tuple[str, str], SurveyEntry] = {}
    for e in existing:
        by_key.setdefault((fold(e.product_name), fold(e.producer_name)), e)
    matched: dict[int, SurveyEntry] = {}
    used: set[str] = set()
    for i, r in enumerate(rows):
        entry = by_key.get(entry_key(r.values))
        if entry is not None and entry.id not in used:
            matched[i] = entry
            used.add(entry.id)
    if replace:
        # A corrected name no longer matches: the sheet's row at the same place in the unit's list is
        # the same record, so it keeps its id (and travels as an update, not as a delete and an add).
        for i in range(len(rows)):
            if i not in matched and i < len(existing) and existing[i].id not in used:
                matched[i] = existing[i]
                used.add(existing[i].id)
    counts = {"added": 0, "updated": 0, "deleted": 0, "unchanged": 0}
    position = 0 if replace else max((e.position for e in existing), default=-1) + 1
    for i, r in enumerate(rows):
        entry = matched.get(i)
        if entry is None:
            entry = SurveyEntry(campaign_id=campaign_id, unit_id=unit_id, position=position)
            session.add(entry)
            position += 1
            counts["added"] += 1
        elif replace:
            entry.position = position
            position += 1
        for f, value in r.values.items():
            attr = SURVEY_ENTRY.field(f).stored
            if getattr(entry, attr) != value:
                setattr(entry, attr, value)
        if i in matched:
            counts["updated" if session.is_modified(entry) else "unchanged"] += 1
    session.flush()  # once for all rows: a flush per row made 20,000 rows take over a minute
    if replace:
        for e in existing:
            if e.id not in used:
                session.delete(e)
                counts["deleted"] += 1
        session.flush()
    submission = session.scalar(
        select(UnitSubmission).where(UnitSubmission.campaign_id == campaign_id, UnitSubmission.unit_id == unit_id)
    )
    assert submission is not None  # the import stores rows only of units in the campaign
    submitted = max((r.submitted_on for r in rows if r.submitted_on), default=None)
    if submitted is not None and submission.status != SubmissionStatus.RECEIVED.value:
        if (submission.status, submission.submitted_on) != (SubmissionStatus.SUBMITTED.value, submitted):
            submission.status, submission.submitted_on = SubmissionStatus.SUBMITTED.value, submitted
    elif submission.status == SubmissionStatus.NOT_SUBMITTED.value:
        submission.status = SubmissionStatus.IN_PROGRESS.value
    return counts
