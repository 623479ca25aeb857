"""The building blocks of the record schema: a field (said once, with everything known about it) and a record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from dataclasses import field as dc_field
from enum import StrEnum
from typing import Any

ENGLISH = "en"

# The tables a record is shown in besides its own listed fields: each record names, per table, the
# keys of the columns in order (Record.views), and every surface takes its columns and headers there.
WINDOW = "window"  # the window's table of these records
TERMINAL = "terminal"  # `ocop … list --format csv|json`
REPORT = "report"  # the printed report's table (after its «STT» column)
EXPIRING_REPORT = "report:expiring"  # the report on certificates expiring soon
SUMMARY_REPORT = "report:summary"  # the summary of the register: counts by class, group, unit, status
SHEET_REPORT = "report:sheet"  # a council member's scoring sheet (REPORT is the council's result)


class Kind(StrEnum):
    """The kind of value a field holds: decides how it is parsed, checked, shown and exported."""

    TEXT = "text"  # one line of text
    NOTE = "note"  # text that keeps its line breaks
    INTEGER = "integer"  # a count or an ordinal: 1.234
    DECIMAL = "decimal"  # a quantity: 1.234,5
    MONEY = "money"  # whole đồng: 15.000 đ
    YEAR = "year"  # a calendar year, never grouped: 2025
    SCORE = "score"  # a score out of 100: 72,5
    STARS = "stars"  # a star class 1–5
    DATE = "date"  # dd/mm/yyyy
    MOMENT = "moment"  # a stored time (naive UTC)
    ENUM = "enum"  # one of an enumeration's codes, shown by its label
    REF = "ref"  # the id of another record, shown by its name
    PLACE = "place"  # the id of a place (commune, unit), shown by its name
    BOOL = "bool"
    JSON = "json"  # a structure (checklist, score sheet)

    @property
    def numeric(self) -> bool:
        return self in _NUMERIC

    @property
    def integral(self) -> bool:
        return self in _INTEGRAL


_NUMERIC = frozenset({Kind.INTEGER, Kind.DECIMAL, Kind.MONEY, Kind.YEAR, Kind.SCORE, Kind.STARS})
_INTEGRAL = frozenset({Kind.INTEGER, Kind.MONEY, Kind.YEAR, Kind.STARS})


@dataclass(frozen=True)
class Field:
    """One field of a record: every fact about it, written once."""

    key: str  # the name services, DTOs and the CLI use
    label: str  # Vietnamese, as the form shows it: messages, the activity log, conflicts
    label_en: str  # English, for a window in English
    kind: Kind = Kind.TEXT
    column: str = ""  # the stored column when it differs from ``key`` ("" = key)
    max_chars: int | None = None  # text: at most this many characters
    bounds: tuple[float, float] | None = None  # numbers: lowest and highest allowed, inclusive
    required: bool = False  # may not be empty
    enum: Any = None  # Kind.ENUM: the LabelledEnum class
    ref: str = ""  # Kind.REF / Kind.PLACE: the referenced table
    # In the record's table (grid, Excel template and import, report, CLI, package), in this order.
    listed: bool = False
    header: str = ""  # the column's header in official documents and the template ("" = label)
    aliases: tuple[str, ...] = ()  # more headers an imported sheet may use (compared without accents)
    width: float = 14  # the column's width in characters (Excel); the PDF scales widths to the page
    total: bool = False  # summed in a report's subtotal and total rows

    @property
    def stored(self) -> str:
        return self.column or self.key

    @property
    def title(self) -> str:
        """The header of the column in a document or a template (always Vietnamese)."""
        return self.header or self.label

    def label_in(self, language: str | None) -> str:
        return self.label_en if language == ENGLISH else self.label

    @property
    def numeric(self) -> bool:
        return self.kind.numeric

    @property
    def listed_as(self) -> str:
        """The column's name in a listing of plain values (CSV, JSON): a reference is listed by the
        name of what it points to, under its key without «_id» (``producer_id`` → ``producer``)."""
        return self.key.removesuffix("_id") if self.kind in (Kind.REF, Kind.PLACE) else self.key


# Every record's id: the first column of a terminal listing.
ID = Field("id", "Mã bản ghi", "Record id", Kind.TEXT)


@dataclass(frozen=True)
class Record:
    """A record type: its table, its names and its fields."""

    table: str
    label: str  # Vietnamese: «Dòng rà soát»
    label_en: str
    fields: tuple[Field, ...] = ()
    named_by: str = ""  # the field that names one record for people (a product's name), if any
    # Values a table shows that are not stored but worked out when read (a count, the newest note).
    computed: tuple[Field, ...] = ()
    # Table name (WINDOW, TERMINAL, REPORT) -> the keys of its columns, in order; see view().
    views: Mapping[str, tuple[str, ...]] = dc_field(default_factory=dict, compare=False)
    # Table name -> {key: width} where one table sizes a column unlike the field's own width (a
    # printed report whose columns must fit its page as they always have).
    widths: Mapping[str, Mapping[str, float]] = dc_field(default_factory=dict, compare=False)
    _by_key: dict[str, Field] = dc_field(default_factory=dict, init=False, repr=False, compare=False)
    _by_column: dict[str, Field] = dc_field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for f in self.fields:
            if f.key in self._by_key or f.stored in self._by_column:
                raise ValueError(f"{self.table}.{f.key} is declared twice")
            self._by_key[f.key] = f
            self._by_column[f.stored] = f
        shown = {ID.key: ID, **self._by_key, **{f.key: f for f in self.computed}}
        for name, keys in self.views.items():
            unknown = [k for k in keys if k not in shown]
            if unknown:
                raise ValueError(f"{self.table}: the {name} table shows undeclared fields {unknown}")

    def field(self, key: str) -> Field:
        return self._by_key[key]

    def get(self, key: str) -> Field | None:
        """The field named ``key``, by its key or by its stored column."""
        return self._by_key.get(key) or self._by_column.get(key)

    @property
    def listed(self) -> tuple[Field, ...]:
        """The record's columns as a table shows them (grid, template, report, CLI), in order."""
        return tuple(f for f in self.fields if f.listed)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.listed)

    def column(self, key: str) -> Field:
        """The field a table's column ``key`` shows: a stored one, a computed one or the id."""
        found = self.get(key) or next((f for f in self.computed if f.key == key), None)
        if found is None and key == ID.key:
            found = ID
        if found is None:
            raise KeyError(f"{self.table}.{key}")
        return found

    def view(self, name: str) -> tuple[Field, ...]:
        """The columns of the table ``name`` (WINDOW, TERMINAL, REPORT), in order."""
        sized = self.widths.get(name, {})
        return tuple(
            replace(f, width=sized[k]) if k in sized else f for k, f in ((k, self.column(k)) for k in self.views[name])
        )

    def view_keys(self, name: str) -> tuple[str, ...]:
        return tuple(self.views[name])

    def headers(self, name: str, language: str | None) -> tuple[str, ...]:
        """The headers of the table ``name`` in ``language`` (Vietnamese unless "en")."""
        return tuple(f.label_in(language) for f in self.view(name))

    def label_in(self, language: str | None) -> str:
        return self.label_en if language == ENGLISH else self.label
