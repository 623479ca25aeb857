"""Survey campaigns and their entries: the yearly review of potential products."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, make_dataclass
from dataclasses import field as dc_field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.deadlines import timeliness
from ocop_desktop.domain.enums import COMMUNE_KINDS, ProductStatus, SubmissionStatus
from ocop_desktop.domain.language import ENGLISH, Text, english
from ocop_desktop.domain.numbers import NumberError, format_vn_date, parse_vn_number
from ocop_desktop.domain.schema import SURVEY_ENTRY, Kind
from ocop_desktop.domain.text import clean, nfc
from ocop_desktop.domain.validation import FieldError, NotFoundError, StaleDataError, ValidationError, changed_when
from ocop_desktop.persistence.models import Place, Product, SurveyCampaign, SurveyEntry, UnitSubmission
from ocop_desktop.persistence.uow import UnitOfWork, UowFactory
from ocop_desktop.services.places import place_label
from ocop_desktop.services.survey_versions import stale_changes

# Errors of save_entries name the cell as FieldError.field = "row {n}/{column}": n is the
# 1-based position of the row in the list given to save_entries (the grid's row number,
# blank rows included) and column is a SurveyEntryInput attribute. entry_field() builds it,
# split_entry_field() reads it back. The message itself repeats row and column in Vietnamese.
ENTRY_COLUMNS = SURVEY_ENTRY.keys  # the listed fields of domain/schema/survey.py, left to right
COLUMN_LABELS = {f.key: f.label for f in SURVEY_ENTRY.listed}
COLUMN_LABELS_EN = {f.key: f.label_in(ENGLISH) for f in SURVEY_ENTRY.listed}
NUMBER_COLUMNS = frozenset(f.key for f in SURVEY_ENTRY.listed if f.numeric)
_FIELDS = {f.key: f for f in SURVEY_ENTRY.listed}
_COLUMN_ATTR = {f.key: f.stored for f in SURVEY_ENTRY.listed if f.stored != f.key}  # input name -> column
_DONE = {SubmissionStatus.SUBMITTED.value, SubmissionStatus.RECEIVED.value}


def entry_field(row: int, column: str) -> str:
    return f"row {row}/{column}"


def split_entry_field(field: str) -> tuple[int, str] | None:
    """(row, column) of a field named by entry_field(), or None for a whole-record field."""
    head, _, column = field.partition("/")
    if head.startswith("row ") and head[4:].isdigit() and column in ENTRY_COLUMNS:
        return int(head[4:]), column
    return None


@dataclass(frozen=True)
class SubmissionDTO:
    unit_id: str
    unit: str
    unit_code: str
    status: str
    status_label: str
    submitted_on: date | None
    on_time: bool | None  # None while nothing is submitted and the deadline has not passed


@dataclass(frozen=True)
class CampaignDTO:
    id: str
    year: int
    title: str
    deadline: date | None
    issuing_letter: str
    unit_count: int
    submitted_count: int  # units whose report is submitted or received
    closed_on: date | None = None  # the day the office closed it; None while open
    # Each unit's submission, by name: only with campaigns(units=True) (a national list has
    # 10,000 units a campaign, which the window's lists and charts never show one by one).
    submissions: tuple[SubmissionDTO, ...] = ()


@dataclass(frozen=True)
class UnitStatusDTO:
    """One reporting unit of a campaign, with a count of its entries rather than the entries."""

    unit_id: str
    unit: str
    unit_code: str
    status: str
    status_label: str
    submitted_on: date | None
    on_time: bool | None  # as in SubmissionDTO
    entry_count: int
    saved_at: datetime | None  # naive UTC of the unit's latest saved entry
    version: datetime | None = None  # the submission's updated_at: set_submission checks it
    unit_label: str = ""  # the name with its period («Xã Búng Lao (đến 30/06/2025)»): old and new told apart

    @property
    def submitted(self) -> bool:
        return self.status in _DONE


_VALUE_TYPES = {
    Kind.TEXT: str,
    Kind.NOTE: str,
    Kind.DECIMAL: float,
    Kind.MONEY: int,
    Kind.YEAR: int,
    Kind.INTEGER: int,
    Kind.DATE: date,
}


def _shown_type(f: Any) -> Any:
    kind = _VALUE_TYPES.get(f.kind, Any)
    return kind if kind is str else kind | None


if TYPE_CHECKING:  # what a type checker sees of the two classes made below from the schema

    class SurveyEntryDTO:
        id: str
        campaign: int
        campaign_id: str
        unit: str
        unit_id: str
        position: int
        product_id: str | None
        updated_at: datetime | None

        def __init__(self, *values: Any, **named: Any) -> None: ...
        def __getattr__(self, key: str) -> Any: ...  # SURVEY_ENTRY's listed fields

    class SurveyEntryInput:
        id: str | None
        version: datetime | None

        def __init__(self, **named: Any) -> None: ...
        def __getattr__(self, key: str) -> Any: ...  # SURVEY_ENTRY's listed fields
        def is_blank(self) -> bool: ...


# One saved entry as the grid, the CLI and the report read it: where it belongs, then the listed
# fields of SURVEY_ENTRY (a field added there appears here), then its place and links.
if not TYPE_CHECKING:  # built from the schema; the type checker reads the declaration above
    SurveyEntryDTO = make_dataclass(
        "SurveyEntryDTO",
        [
            ("id", str),
            ("campaign", int),
            ("campaign_id", str),
            ("unit", str),
            ("unit_id", str),
            *[(f.key, _shown_type(f)) for f in SURVEY_ENTRY.listed],
            ("position", int, dc_field(default=0)),
            ("product_id", "str | None", dc_field(default=None)),  # the registry product this entry was promoted to
            ("updated_at", "datetime | None", dc_field(default=None)),
        ],
        frozen=True,
        namespace={"__module__": __name__},
    )

Number = Decimal | float | int | str | None


def _is_blank(self: Any) -> bool:
    return all(_empty(getattr(self, column)) for column in ENTRY_COLUMNS)


# One grid row; id names an entry of the same unit to update, None adds one. ``version`` is the
# entry's updated_at when it was shown: the save is refused if it changed since. Numbers may be
# given as numbers or as the text the user typed ("1.200", "15.000 đ").
if not TYPE_CHECKING:  # built from the schema; the type checker reads the declaration above
    SurveyEntryInput = make_dataclass(
        "SurveyEntryInput",
        [
            ("id", "str | None", dc_field(default=None)),
            ("version", "datetime | None", dc_field(default=None)),
            *[
                (f.key, "Number" if f.numeric else "str", dc_field(default=None if f.numeric else ""))
                for f in SURVEY_ENTRY.listed
            ],
        ],
        namespace={"is_blank": _is_blank, "__module__": __name__},
    )


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def proposed_year_range(campaign_year: int | None) -> tuple[int, int]:
    """Years a campaign's entries may propose for OCOP evaluation: that year to ten years on."""
    if campaign_year is None:
        return 2018, 2100  # OCOP began in 2018
    return campaign_year, campaign_year + 10


def parse_entry_value(column: str, value: Any, campaign_year: int | None = None) -> Any:
    """The stored value of one cell; raises ValueError with a Vietnamese reason.

    Empty numbers give None; text is NFC with its spaces tidied."""
    f = _FIELDS[column]
    if not f.numeric:
        text = "" if value is None else str(value)
        if f.kind is Kind.NOTE:  # keep the user's line breaks
            text = (nfc(text) or "").strip()
        else:
            text = clean(text) or ""
        limit = f.max_chars
        if limit and len(text) > limit:
            raise ValueError(
                Text(
                    f"Dài quá {limit} ký tự (đang có {len(text)}); hãy rút gọn.",
                    f"Longer than {limit} characters (it has {len(text)}); shorten it.",
                )
            )
        return text
    if _empty(value):
        return None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        # repr() keeps 12.5 as 12.5 rather than its binary expansion.
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite():
            raise ValueError(
                Text("Giá trị này không phải là số; hãy nhập lại.", "This value is not a number; enter it again.")
            )
    else:
        try:
            number = parse_vn_number(str(value))
        except NumberError as exc:
            raise ValueError(exc.args[0] if len(exc.args) == 1 else str(exc)) from None  # with its English
    if number < 0:
        raise ValueError(
            Text(
                "Không được nhập số âm; hãy nhập số từ 0 trở lên.",
                "Negative numbers are not allowed; enter a number from 0 up.",
            )
        )
    if f.kind is Kind.YEAR:
        low, high = proposed_year_range(campaign_year)
        if number != number.to_integral_value() or not low <= number <= high:
            raise ValueError(
                Text(
                    f"Năm đề xuất phải là năm từ {low} đến {high}, ví dụ {low + 1}.",
                    f"The proposed year must be a year from {low} to {high}, for example {low + 1}.",
                )
            )
        return int(number)
    if f.bounds is not None and number >= f.bounds[1]:
        raise ValueError(
            Text(
                "Số quá lớn; hãy kiểm tra lại (có thể thừa chữ số 0).",
                "The number is too large; check it (perhaps an extra 0).",
            )
        )
    if f.kind is Kind.MONEY:
        if number != number.to_integral_value():
            raise ValueError(
                Text(
                    "Giá tính bằng đồng, không có phần lẻ; hãy bỏ phần thập phân.",
                    "Prices are in whole VND; remove the decimals.",
                )
            )
        return int(number)
    if f.kind.integral:
        if number != number.to_integral_value():
            raise ValueError(
                Text("Phải là số nguyên; hãy bỏ phần thập phân.", "It must be a whole number; remove the decimals.")
            )
        return int(number)
    return float(number)


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


class SurveyService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def campaigns(self, today: date | None = None, units: bool = True) -> list[CampaignDTO]:
        """Every campaign, newest first, with its units counted in SQL; ``units=False`` leaves out
        the list of each unit's submission (what the window's charts and pickers show)."""
        today = today or date.today()
        done = func.sum(case((UnitSubmission.status.in_(_DONE), 1), else_=0))
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
                counts.c.units,
                counts.c.done,
            )
            .outerjoin(counts, counts.c.campaign_id == SurveyCampaign.id)
            .order_by(SurveyCampaign.year.desc())
        )
        with self._uow() as uow:
            rows = uow.session.execute(query).all()
            by_campaign = self._submissions(uow.session, today) if units and rows else {}
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
            )
            for r in rows
        ]

    @staticmethod
    def _submissions(session: Session, today: date) -> dict[str, list[SubmissionDTO]]:
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
            s = uow.session
            campaign = self._campaign(uow, campaign_id)
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
                for r in s.execute(query)
            ]

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
            errors: list[FieldError] = []
            checked: list[tuple[SurveyEntryInput, dict[str, Any]]] = []
            for n, row in enumerate(rows, start=1):
                if row.is_blank():
                    continue
                values: dict[str, Any] = {}
                row_errors: list[FieldError] = []
                for column in ENTRY_COLUMNS:
                    try:
                        values[column] = parse_entry_value(column, getattr(row, column), campaign.year)
                    except ValueError as exc:
                        reason = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
                        row_errors.append(self._cell_error(n, column, reason))
                if values.get("product_name") == "":
                    row_errors.append(
                        self._cell_error(
                            n,
                            "product_name",
                            Text("Chưa nhập tên sản phẩm; hãy nhập tên.", "The product name is missing; enter it."),
                        )
                    )
                errors += row_errors
                if not row_errors:
                    checked.append((row, values))
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
            if expected_version is not None and submission.updated_at != expected_version:
                shown = SubmissionStatus(submission.status).label
                raise StaleDataError(
                    [
                        Text(
                            f"Trạng thái nộp của {unit_name} đã được đổi ở nơi khác {changed_when(submission.updated_at)}, "
                            f"nay là «{shown}»",
                            f"The submission status of {unit_name} was changed elsewhere "
                            f"{changed_when(submission.updated_at).en}; it is now «{shown}»",
                        )
                    ],
                    advice=Text(
                        "Chưa lưu gì; bảng trạng thái đã được tải lại, hãy xem rồi làm lại nếu vẫn cần.",
                        "Nothing was saved; the status table was reloaded: look at it, then do it again if still needed.",
                    ),
                )
            errors: list[FieldError] = []
            try:
                status = SubmissionStatus(status).value
            except ValueError:
                errors.append(
                    FieldError(
                        "status", Text(f"Trạng thái «{status}» không hợp lệ.", f"The status «{status}» is not valid.")
                    )
                )
            problem = ""
            if status in _DONE and submitted_on is None:
                problem = Text(
                    "Chưa nhập ngày nộp; hãy chọn ngày đơn vị đã nộp báo cáo.",
                    "The submission date is missing; choose the day the unit submitted its report.",
                )
            elif status in _DONE and submitted_on is not None and submitted_on > today:
                problem = Text(
                    f"Ngày nộp {format_vn_date(submitted_on)} ở tương lai; hãy chọn ngày đã nộp thực tế.",
                    f"The submission date {format_vn_date(submitted_on)} is in the future; choose the actual day.",
                )
            elif status not in _DONE and submitted_on is not None:
                problem = Text(
                    "Đơn vị chưa nộp thì không có ngày nộp; hãy để trống.",
                    "A unit that has not submitted has no submission date; leave it empty.",
                )
            if problem:
                errors.append(FieldError("submitted_on", problem))
            if errors:
                raise ValidationError(
                    errors,
                    record=Text(
                        f"Rà soát năm {campaign.year} — {unit_name}", f"Survey of {campaign.year} — {unit_name}"
                    ),
                )
            submission.status = status
            submission.submitted_on = submitted_on
            uow.commit()
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
    def _cell_error(row: int, column: str, reason: str) -> FieldError:
        return FieldError(
            entry_field(row, column),
            Text(
                f"Dòng {row}, cột «{COLUMN_LABELS[column]}»: {reason}",
                f"Row {row}, column «{COLUMN_LABELS_EN[column]}»: {english(reason)}",
            ),
        )

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
