"""Survey campaigns and their entries: the yearly review of potential products.

SurveyService reads and writes them; what it holds is split by kind: survey_types.py (the grid's
columns and the DTOs), survey_checks.py (the checks on typed cells and submissions, with their
messages), survey_queries.py (the read queries). Their public names are re-exported here, so
``from ocop_desktop.services.surveys import …`` is unchanged."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import object_session

from ocop_desktop.domain.enums import COMMUNE_KINDS, ProductStatus, SubmissionStatus
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.domain.schema import SURVEY_ENTRY
from ocop_desktop.domain.validation import FieldError, NotFoundError, StaleDataError, ValidationError
from ocop_desktop.persistence.models import Product, SurveyCampaign, SurveyEntry, UnitSubmission
from ocop_desktop.persistence.uow import UnitOfWork, UowFactory
from ocop_desktop.services.access import Action, require
from ocop_desktop.services.record_versions import commit_or_refuse, stale_record
from ocop_desktop.services.survey_checks import (
    check_rows,
    check_submission,
    parse_entry_value,
    proposed_year_range,
)
from ocop_desktop.services.survey_queries import list_campaigns, on_time, read_entries, unit_statuses
from ocop_desktop.services.survey_types import (
    COLUMN_LABELS,
    COLUMN_LABELS_EN,
    ENTRY_COLUMNS,
    NUMBER_COLUMNS,
    CampaignDTO,
    Number,
    SubmissionDTO,
    SurveyEntryDTO,
    SurveyEntryInput,
    UnitStatusDTO,
    entry_field,
    split_entry_field,
)
from ocop_desktop.services.survey_versions import stale_changes

__all__ = [
    "COLUMN_LABELS",
    "COLUMN_LABELS_EN",
    "ENTRY_COLUMNS",
    "NUMBER_COLUMNS",
    "CampaignDTO",
    "Number",
    "SubmissionDTO",
    "SurveyEntryDTO",
    "SurveyEntryInput",
    "SurveyService",
    "UnitStatusDTO",
    "entry_field",
    "on_time",
    "parse_entry_value",
    "proposed_year_range",
    "read_entries",
    "split_entry_field",
]

_COLUMN_ATTR = {f.key: f.stored for f in SURVEY_ENTRY.listed if f.stored != f.key}  # input name -> column


def _stale_submission(submission: UnitSubmission, unit_name: str) -> StaleDataError:
    """The refusal of a status change over a submission changed since the table showed it, naming
    who changed it and what it is now."""
    session = object_session(submission)
    assert session is not None  # loaded in a unit of work
    shown = SubmissionStatus(submission.status)
    return stale_record(
        session,
        "unit_submissions",
        submission.id,
        Text(f"Trạng thái nộp của {unit_name}", f"The submission status of {unit_name}"),
        submission.updated_at,
        advice=Text(
            "Chưa lưu gì; bảng trạng thái đã được tải lại, hãy xem rồi làm lại nếu vẫn cần.",
            "Nothing was saved; the status table was reloaded: look at it, then do it again if still needed.",
        ),
        since=Text(f"nay là «{shown.label}»", f"it is now «{shown.label_en}»"),
    )


class SurveyService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def campaigns(self, today: date | None = None, units: bool = True) -> list[CampaignDTO]:
        """Every campaign, newest first, with its units counted in SQL; ``units=False`` leaves out
        the list of each unit's submission (what the window's charts and pickers show)."""
        today = today or date.today()
        with self._uow() as uow:
            return list_campaigns(uow.session, today, units)

    def entries(self, campaign_id: str | None = None, unit_id: str | None = None) -> list[SurveyEntryDTO]:
        """Rows of one campaign (by id; the CLI resolves a year to it) or of all, of one unit or all."""
        with self._uow() as uow:
            return read_entries(uow.session, campaign_id, unit_id=unit_id)

    def unit_entries(self, campaign_id: str, unit_id: str) -> list[SurveyEntryDTO]:
        """One unit's rows of one campaign, in the order they were entered."""
        with self._uow() as uow:
            return read_entries(uow.session, campaign_id, unit_id=unit_id)

    def campaign_units(self, campaign_id: str, today: date | None = None) -> list[UnitStatusDTO]:
        """Each reporting unit's submission and entry count, counted in SQL (entries not loaded)."""
        today = today or date.today()
        with self._uow() as uow:
            return unit_statuses(uow.session, self._campaign(uow, campaign_id), today)

    def save_entries(
        self,
        campaign_id: str,
        unit_id: str,
        rows: list[SurveyEntryInput],
        deleted: Mapping[str, datetime | None] | None = None,
        loaded: Mapping[str, datetime | None] | None = None,
    ) -> list[SurveyEntryDTO]:
        """Save a unit's rows in one transaction, or change nothing.

        Rows whose every field is empty are skipped (the grid's spare rows). A row whose id is one
        of the unit's entries updates it; any other row is added. Only the entries named in
        ``deleted`` (id -> the version shown) are deleted: entries not named are kept, so a view
        that never showed a row cannot delete it.

        Versions are ``updated_at`` as the caller loaded it: a row's ``version``, ``deleted``'s
        values, and ``loaded``, the id -> version map of the whole unit when the view loaded it.
        If any of them no longer matches, or the unit has entries ``loaded`` does not know,
        StaleDataError says what changed and nothing is written. A None version is not checked.
        Every problem of every row is reported at once."""
        deleted = dict(deleted or {})
        with self._uow(context="rà soát sản phẩm") as uow:
            s = uow.session
            campaign = self._campaign(uow, campaign_id)
            submission, unit_name = self._submission(uow, campaign, unit_id)
            record = Text(f"Rà soát năm {campaign.year} — {unit_name}", f"Survey of {campaign.year} — {unit_name}")
            require(s, Action.SURVEY, unit_id, record)  # a commune officer: only their unit's rows
            # The unit is locked (SELECT … FOR UPDATE on a server; SQLite has one writer) before its
            # rows are compared: of two people saving the same unit at once, the second waits for
            # the first's commit and then sees its rows, so the check below refuses by name.
            s.refresh(submission, with_for_update={"of": UnitSubmission})
            if campaign.closed_on is not None:
                raise ValidationError(
                    [
                        FieldError(
                            "closed_on",
                            Text(
                                (
                                    f"Đợt rà soát năm {campaign.year} đã kết thúc ngày {format_vn_date(campaign.closed_on)} nên không "
                                    "sửa được dòng nào; nếu cần sửa, hãy mở lại đợt (Rà soát sản phẩm → Mở lại đợt)."
                                ),
                                f"The survey round of {campaign.year} was closed on {format_vn_date(campaign.closed_on)}, so no row "
                                "can be changed; to change one, reopen the round (Product survey → Reopen round).",
                            ),
                        )
                    ],
                    record=record,
                )
            existing = {
                e.id: e
                for e in s.scalars(
                    select(SurveyEntry)
                    .where(SurveyEntry.campaign_id == campaign_id, SurveyEntry.unit_id == unit_id)
                    .order_by(SurveyEntry.position, SurveyEntry.created_at, SurveyEntry.id)
                )
            }
            changes = stale_changes(existing, rows, deleted, loaded)
            if changes:
                raise StaleDataError(changes, record=record)
            checked, errors = check_rows(rows, campaign.year)
            if errors:
                raise ValidationError(errors, record=record)
            kept: set[str] = set()
            # Rows given for the whole unit take the order given; rows given for part of it keep
            # their place, and new ones go after the last.
            whole = set(existing) - set(deleted) <= {row.id for row, _ in checked}
            after = max((e.position for e in existing.values()), default=-1) + 1
            for n, (row, values) in enumerate(checked):
                entry = existing.get(row.id) if row.id and row.id not in kept and row.id not in deleted else None
                if entry is None:
                    # Ids of other units, deleted entries or repeated rows are added as new rows:
                    # what the user typed is kept, and another unit's entry is never touched.
                    entry = SurveyEntry(campaign_id=campaign_id, unit_id=unit_id, position=after + n)
                    s.add(entry)
                else:
                    kept.add(entry.id)
                if whole:
                    entry.position = n
                for column, value in values.items():
                    setattr(entry, _COLUMN_ATTR.get(column, column), value)
            for entry_id in deleted:
                if entry_id in existing and entry_id not in kept:
                    s.delete(existing[entry_id])
            if checked and submission.status == SubmissionStatus.NOT_SUBMITTED.value:
                submission.status = SubmissionStatus.IN_PROGRESS.value
            uow.commit()
        return self.unit_entries(campaign_id, unit_id)

    def set_submission(
        self,
        campaign_id: str,
        unit_id: str,
        status: str,
        submitted_on: date | None,
        today: date | None = None,
        expected_version: datetime | None = None,
    ) -> UnitStatusDTO:
        """Record how far a unit has got; đã nộp and đã nhận need the day it was sent.

        ``expected_version`` is UnitStatusDTO.version as shown: if the submission changed since
        (a package, another window), StaleDataError and nothing is written."""
        today = today or date.today()
        with self._uow() as uow:
            campaign = self._campaign(uow, campaign_id)
            submission, unit_name = self._submission(uow, campaign, unit_id)
            require(
                uow.session,
                Action.SURVEY,
                unit_id,
                Text(f"Rà soát năm {campaign.year} — {unit_name}", f"Survey of {campaign.year} — {unit_name}"),
            )
            if expected_version is not None and submission.updated_at != expected_version:
                raise _stale_submission(submission, unit_name)
            status, errors = check_submission(status, submitted_on, today)
            if errors:
                raise ValidationError(
                    errors,
                    record=Text(
                        f"Rà soát năm {campaign.year} — {unit_name}", f"Survey of {campaign.year} — {unit_name}"
                    ),
                )
            submission.status = status
            submission.submitted_on = submitted_on
            commit_or_refuse(uow, lambda: _stale_submission(self._submission(uow, campaign, unit_id)[0], unit_name))
        return next(u for u in self.campaign_units(campaign_id, today) if u.unit_id == unit_id)

    def promote_to_product(self, entry_id: str) -> str:
        """Add the entry to the registry as a potential product and link it; returns its id."""
        with self._uow(action="promote", context="rà soát sản phẩm") as uow:
            s = uow.session
            entry = s.get(SurveyEntry, entry_id)
            if entry is None:
                raise NotFoundError(
                    Text(
                        "Không tìm thấy dòng rà soát này; có thể nó đã bị xóa. Hãy tải lại.",
                        "This survey row was not found; it may have been deleted. Reload.",
                    )
                )
            record = Text(f"Dòng rà soát «{entry.product_name}»", f"Survey row «{entry.product_name}»")
            require(s, Action.PRODUCT, entry.unit_id, record)
            if entry.product_id:
                existing = s.get(Product, entry.product_id)
                name = existing.name if existing else entry.product_name
                raise ValidationError(
                    [
                        FieldError(
                            "product_id",
                            Text(
                                f"Đã tạo sản phẩm tiềm năng «{name}» từ dòng này; không tạo lại.",
                                f"The potential product «{name}» was already made from this row; it is not made again.",
                            ),
                        )
                    ],
                    record=record,
                )
            commune_level = COMMUNE_KINDS
            notes = [f"Tạo từ kết quả rà soát sản phẩm năm {entry.campaign.year} của {entry.unit.name}."]
            for label, value in (
                ("Chủ thể", entry.producer_name),
                ("Tình hình sản xuất", entry.production_situation),
                ("Đề xuất OCOP năm", entry.proposed_year),
                ("Ghi chú rà soát", entry.notes),
            ):
                if value:
                    notes.append(f"{label}: {value}.")
            product = Product(
                name=entry.product_name,
                status=ProductStatus.POTENTIAL.value,
                producer_id=entry.producer_id,
                commune_id=entry.unit_id if entry.unit.kind in commune_level else None,
                notes=" ".join(notes),
            )
            s.add(product)
            s.flush()
            entry.product_id = product.id
            uow.commit()
            return product.id

    @staticmethod
    def _campaign(uow: UnitOfWork, campaign_id: str) -> SurveyCampaign:
        campaign = uow.session.get(SurveyCampaign, campaign_id)
        if campaign is None:
            raise NotFoundError(
                Text(
                    "Không tìm thấy đợt rà soát này; có thể nó đã bị xóa. Hãy tải lại.",
                    "This survey round was not found; it may have been deleted. Reload.",
                )
            )
        return campaign

    @staticmethod
    def _submission(uow: UnitOfWork, campaign: SurveyCampaign, unit_id: str) -> tuple[UnitSubmission, str]:
        submission = uow.session.scalar(
            select(UnitSubmission).where(UnitSubmission.campaign_id == campaign.id, UnitSubmission.unit_id == unit_id)
        )
        if submission is None:
            raise NotFoundError(
                Text(
                    f"Đơn vị này không có trong danh sách báo cáo của đợt rà soát năm {campaign.year}.",
                    f"This unit is not among the reporting units of the survey round of {campaign.year}.",
                )
            )
        return submission, submission.unit.name
