"""The survey report of a campaign (who reported, on time or not, and what) and its blank field form."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.deadlines import deadline_rule, timeliness
from ocop_desktop.domain.enums import SubmissionStatus
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.schema import SURVEY_ENTRY, Kind
from ocop_desktop.domain.validation import NotFoundError
from ocop_desktop.exports.report_model import Report, ReportSection, Row
from ocop_desktop.persistence.models import SurveyCampaign, SurveyEntry, UnitSubmission
from ocop_desktop.services.report_columns import numbered_columns
from ocop_desktop.services.report_scope import PlaceTable, Scope

# The report's columns: a row number, then SURVEY_ENTRY's listed fields (domain/schema/survey.py).
SURVEY_COLUMNS = numbered_columns(SURVEY_ENTRY.listed)
_DONE = {SubmissionStatus.SUBMITTED.value, SubmissionStatus.RECEIVED.value}
_IN_SQL = 900  # more units than this are filtered in Python, not as SQL parameters


def _cell(kind: Kind, value: Any) -> Any:
    """A year as written (no thousands separator); other values as stored, for the writer to format."""
    if kind is Kind.YEAR:
        return str(value) if value else ""
    return value


def find_campaign(session: Session, campaign_id: str | None) -> SurveyCampaign:
    """The campaign ``campaign_id`` (the CLI resolves a year to it), or the latest one."""
    if campaign_id is not None:
        campaign = session.get(SurveyCampaign, campaign_id)
    else:
        campaign = session.scalars(select(SurveyCampaign).order_by(SurveyCampaign.year.desc())).first()
    if campaign is None:
        raise NotFoundError(
            Text(
                "Không tìm thấy đợt rà soát này; có thể nó đã bị xóa. Hãy chọn lại đợt rà soát.",
                "This survey round was not found; it may have been deleted. Choose the survey round again.",
            )
            if campaign_id
            else Text(
                "Chưa có đợt rà soát nào; hãy tạo đợt rà soát trước.", "There is no survey round yet; create one first."
            )
        )
    return campaign


def _standing(sub: Any, campaign: SurveyCampaign, today: date) -> tuple[str, str]:
    """(«nộp muộn (3 ngày), nộp ngày 08/07/2024», the bare state) of one unit's submission."""
    sent = sub.submitted_on if sub.status in _DONE else None
    if sub.status in _DONE and sent is None:
        return "đã nộp (không rõ ngày nộp)", "unknown"
    t = timeliness(sent, campaign.deadline, bool(campaign.deadline_day_on_time), today)
    return (f"{t.label}, nộp ngày {sent:%d/%m/%Y}" if sent else t.label), t.state


def _printed_rows(session: Session, campaign_id: str, unit_ids: Collection[str] | None) -> Iterable[Any]:
    """(unit, SURVEY_ENTRY's listed fields …) of the campaign's rows as plain tuples, unit by unit in
    the order entered (read_entries' order): only what the report prints, so 100,000 rows are read
    in one indexed query with no DTO, date or join per row."""
    query = select(SurveyEntry.unit_id, *(getattr(SurveyEntry, f.stored) for f in SURVEY_ENTRY.listed)).where(
        SurveyEntry.campaign_id == campaign_id
    )
    if unit_ids is not None:
        query = query.where(SurveyEntry.unit_id.in_(sorted(unit_ids)))
    order = (SurveyEntry.unit_id, SurveyEntry.position, SurveyEntry.created_at, SurveyEntry.id)
    return session.execute(query.order_by(*order))


def build_survey(session: Session, places: PlaceTable, campaign_id: str | None, scope: Scope, today: date) -> Report:
    campaign = find_campaign(session, campaign_id)
    # Every reporting unit gets its section, so the receiving office sees who has not reported
    # as plainly as who has; the heading says whether it reported on time, late or not at all.
    # Plain rows (unit, status, date), not ORM objects: a national campaign has 11,000 units.
    submitted = session.execute(
        select(UnitSubmission.unit_id, UnitSubmission.status, UnitSubmission.submitted_on).where(
            UnitSubmission.campaign_id == campaign.id
        )
    )
    subs = [s for s in submitted if scope.covers(s.unit_id)]
    places.prefetch(s.unit_id for s in subs)
    subs.sort(key=lambda s: places.group_key(s.unit_id, today))
    sections: dict[str, ReportSection] = {}
    counts = {"on_time": 0, "late": 0, "missing": 0, "pending": 0, "unknown": 0}
    for sub in subs:
        text, state = _standing(sub, campaign, today)
        counts[state] += 1
        sections[sub.unit_id] = ReportSection(f"{places.name(sub.unit_id, today)} — {text}")
    in_sql = scope.ids if scope.ids is not None and len(scope.ids) <= _IN_SQL else None
    index = {key: i for i, key in enumerate(("stt", *(f.key for f in SURVEY_ENTRY.listed)))}
    years = [index[f.key] for f in SURVEY_ENTRY.listed if f.kind is Kind.YEAR]
    # The same short text (a group, a status, a producer named on many rows) is kept once, not once
    # a row: with Row's tuples this keeps a 100,000-row report's memory near its distinct texts.
    shared: dict[str, str] = {}
    for unit_id, *values in _printed_rows(session, campaign.id, in_sql):
        if not scope.covers(unit_id):
            continue
        section = sections.get(unit_id)
        if section is None:  # rows of a unit the campaign does not list
            section = sections[unit_id] = ReportSection(places.name(unit_id, today))
        cells: list[Any] = [len(section.rows) + 1]
        for value in values:
            cells.append(shared.setdefault(value, value) if isinstance(value, str) and len(value) <= 60 else value)
        for at in years:
            cells[at] = _cell(Kind.YEAR, cells[at])
        section.rows.append(Row(index, tuple(cells)))
    for section in sections.values():
        section.subtotal = bool(section.rows)  # a unit with no rows has nothing to add up
    where = f" trên địa bàn {scope.unit_name[:1].lower()}{scope.unit_name[1:]}" if scope.unit_name else ""
    letter = campaign.issuing_letter
    intro = (f"Thực hiện {letter}, báo cáo" if letter else "Báo cáo") + f" kết quả rà soát sản phẩm{where}."
    reported = [
        f"{counts['on_time']} đơn vị nộp đúng hạn",
        f"{counts['late']} đơn vị nộp muộn",
        f"{counts['missing'] + counts['pending']} đơn vị chưa nộp",
    ]
    if counts["unknown"]:
        reported.append(f"{counts['unknown']} đơn vị đã nộp nhưng chưa ghi ngày nộp")
    notes = [
        deadline_rule(campaign.deadline, bool(campaign.deadline_day_on_time)),
        f"Tình hình nộp báo cáo ({len(subs)} đơn vị): {'; '.join(reported)}.",
    ]
    with_rows = sum(1 for s in sections.values() if s.rows)
    return Report(
        kind="survey",
        title="BÁO CÁO",
        subtitle=f"Kết quả rà soát sản phẩm tham gia Chương trình OCOP năm {campaign.year}",
        columns=SURVEY_COLUMNS,
        sections=list(sections.values()) or [ReportSection("")],
        # The rule is stated before the table, where every format prints it.
        intro=f"{intro} {notes[0]} {notes[1]} Kết quả từng đơn vị như sau:",
        grand_total=with_rows > 1,
        landscape=True,
    )


def build_survey_form(campaign_year: int | None, today: date) -> Report:
    year = campaign_year or today.year
    return Report(
        kind="survey-form",
        title="PHIẾU RÀ SOÁT SẢN PHẨM",
        subtitle=f"Tham gia Chương trình OCOP năm {year}",
        columns=SURVEY_COLUMNS,
        sections=[ReportSection("")],
        landscape=True,
        blank_rows=12,
        intro="Đơn vị (xã, phường, thị trấn): ......................................   "
        "Người rà soát: ......................................   Ngày: ....../....../.........",
    )
