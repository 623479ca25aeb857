"""What survey rows and campaigns look like to their callers: the grid's columns, the DTOs the
window, the CLI and the report read, and SurveyEntryInput, one row as the user typed it."""

from __future__ import annotations

from dataclasses import dataclass, make_dataclass
from dataclasses import field as dc_field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ocop_desktop.domain.enums import SubmissionStatus
from ocop_desktop.domain.language import ENGLISH
from ocop_desktop.domain.schema import SURVEY_ENTRY, Kind

# Errors of save_entries name the cell as FieldError.field = "row {n}/{column}": n is the
# 1-based position of the row in the list given to save_entries (the grid's row number,
# blank rows included) and column is a SurveyEntryInput attribute. entry_field() builds it,
# split_entry_field() reads it back. The message itself repeats row and column in Vietnamese.
ENTRY_COLUMNS = SURVEY_ENTRY.keys  # the listed fields of domain/schema/survey.py, left to right
COLUMN_LABELS = {f.key: f.label for f in SURVEY_ENTRY.listed}
COLUMN_LABELS_EN = {f.key: f.label_in(ENGLISH) for f in SURVEY_ENTRY.listed}
NUMBER_COLUMNS = frozenset(f.key for f in SURVEY_ENTRY.listed if f.numeric)
DONE_STATUSES = {SubmissionStatus.SUBMITTED.value, SubmissionStatus.RECEIVED.value}  # submitted or received


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
    # When it was last saved, as listed: what closing, reopening or deleting it from the list
    # sends back, so a campaign changed since (another window, a package) is not acted on blind.
    version: datetime | None = None


@dataclass(frozen=True, slots=True)
class UnitStatusDTO:
    """One reporting unit of a campaign, with a count of its entries rather than the entries.
    (Slots: the window holds one for each of a national campaign's 10,000 units.)"""

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
        return self.status in DONE_STATUSES


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
    return all(is_empty(getattr(self, column)) for column in ENTRY_COLUMNS)


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


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
