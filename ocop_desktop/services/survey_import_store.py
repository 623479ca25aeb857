"""How checked Excel rows become survey entries of a unit: matched rows keep their record, so a correction is an update."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import SubmissionStatus
from ocop_desktop.domain.schema import SURVEY_ENTRY
from ocop_desktop.domain.text import fold
from ocop_desktop.persistence.hooks import insert_many
from ocop_desktop.persistence.models import SurveyEntry, UnitSubmission, utcnow
from ocop_desktop.services.access import Action, require

# Rows added per insert_many call: small enough to report progress and notice a cancel often.
CHUNK = 1000
_STORED = {f.key: f.stored for f in SURVEY_ENTRY.listed}


def entry_key(values: dict[str, Any]) -> tuple[str, str]:
    return fold(values["product_name"]), fold(values["producer"])


def _key(row: Any) -> tuple[str, str]:
    key: tuple[str, str] | None = getattr(row, "key", None)
    return key if key is not None else entry_key(row.values)


def store_unit_rows(
    session: Session,
    campaign_id: str,
    unit_id: str,
    rows: Sequence[Any],
    replace: bool,
    added: list[dict[str, Any]] | None = None,
) -> dict[str, int]:
    """Store the checked rows (survey_import.ImportRow) of one unit; returns added, updated, deleted,
    unchanged. The caller's unit of work (action "excel") records every change for undo and export.

    Matching reads plain columns, and only matched entries are loaded as objects (updates go through
    the session's hooks). New rows are appended to ``added`` as column values when given (the caller
    inserts them in bulk with ``add_rows``), else inserted here."""
    require(session, Action.SURVEY, unit_id)  # a commune officer imports only their unit's rows
    existing = session.execute(
        select(SurveyEntry.id, SurveyEntry.product_name, SurveyEntry.producer_name, SurveyEntry.position)
        .where(SurveyEntry.campaign_id == campaign_id, SurveyEntry.unit_id == unit_id)
        .order_by(SurveyEntry.position)
    ).all()
    by_key: dict[tuple[str, str], str] = {}
    for e in existing:
        by_key.setdefault((fold(e.product_name), fold(e.producer_name)), e.id)
    matched: dict[int, str] = {}
    used: set[str] = set()
    for i, r in enumerate(rows):
        entry_id = by_key.get(_key(r))
        if entry_id is not None and entry_id not in used:
            matched[i] = entry_id
            used.add(entry_id)
    if replace:
        # A corrected name no longer matches: the sheet's row at the same place in the unit's list is
        # the same record, so it keeps its id (and travels as an update, not as a delete and an add).
        for i in range(min(len(rows), len(existing))):
            if i not in matched and existing[i].id not in used:
                matched[i] = existing[i].id
                used.add(existing[i].id)
    counts = {"added": 0, "updated": 0, "deleted": 0, "unchanged": 0}
    loaded: dict[str, SurveyEntry] = {}
    wanted = list(used)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        loaded.update((e.id, e) for e in session.scalars(select(SurveyEntry).where(SurveyEntry.id.in_(chunk))))
    new_rows = added if added is not None else []
    position = 0 if replace else max((e.position for e in existing), default=-1) + 1
    for i, r in enumerate(rows):
        entry_id = matched.get(i)
        if entry_id is None:
            values = {_STORED[f]: v for f, v in r.values.items()}
            new_rows.append({"campaign_id": campaign_id, "unit_id": unit_id, "position": position, **values})
            position += 1
            counts["added"] += 1
            continue
        entry = loaded[entry_id]
        if replace:
            entry.position = position
            position += 1
        for f, value in r.values.items():
            attr = _STORED[f]
            if getattr(entry, attr) != value:
                setattr(entry, attr, value)
        counts["updated" if session.is_modified(entry) else "unchanged"] += 1
    if loaded:
        session.flush()  # once for all matched rows: a flush per row made 20,000 rows take over a minute
    if replace:
        gone = [e.id for e in existing if e.id not in used]
        for start in range(0, len(gone), 500):
            for e in session.scalars(select(SurveyEntry).where(SurveyEntry.id.in_(gone[start : start + 500]))):
                session.delete(e)
                counts["deleted"] += 1
        session.flush()
    if added is None:
        add_rows(session, new_rows)
    _mark_submitted(session, campaign_id, unit_id, rows)
    return counts


def add_rows(
    session: Session, rows: list[dict[str, Any]], step: Callable[[int], None] | None = None, chunk: int = CHUNK
) -> None:
    """Insert new survey entries in bulk, each recorded in the audit chain as the flush hook would
    (persistence.hooks.insert_many); ``step(n)`` is called after each chunk of ``n`` rows (it may
    raise to stop: the caller's transaction is then rolled back). Chunks are a percent of the rows
    at most, so progress moves by the percent."""
    chunk = max(1, min(chunk, -(-len(rows) // 100)))
    for start in range(0, len(rows), chunk):
        # One time for the chunk's records, as one flush would stamp them: the column defaults
        # would call the clock twice per row.
        now = utcnow()
        part = [{"created_at": now, "updated_at": now, **r} for r in rows[start : start + chunk]]
        insert_many(session, SurveyEntry, part)
        if step is not None:
            step(len(part))


def _mark_submitted(session: Session, campaign_id: str, unit_id: str, rows: Sequence[Any]) -> None:
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
