"""A report's columns from the record schema: each field's title, kind of cell and width, after a «STT» column."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ocop_desktop.domain.schema import Field, Kind
from ocop_desktop.exports.report_model import Kind as CellKind
from ocop_desktop.exports.report_model import ReportColumn

_CELL_KINDS: dict[Kind, CellKind] = {
    Kind.DECIMAL: "number",
    Kind.SCORE: "number",
    Kind.MONEY: "money",
    Kind.INTEGER: "int",
    Kind.STARS: "stars",  # centred, as a star class is printed
    Kind.DATE: "date",
}  # a year is a label, not a quantity: text; so are statuses and yes/no, written out by the report
ROW_NUMBER = ReportColumn("stt", "STT", "int", 7)


def report_column(f: Field) -> ReportColumn:
    """The column of field ``f``, headed by its title in official documents (always Vietnamese)."""
    return ReportColumn(f.key, f.title, _CELL_KINDS.get(f.kind, "text"), f.width, total=f.total)


def report_columns(fields: Iterable[Field]) -> list[ReportColumn]:
    """A column for each field, in order (a table without row numbers)."""
    return [report_column(f) for f in fields]


def numbered_columns(fields: Iterable[Field], number_width: float = ROW_NUMBER.width) -> list[ReportColumn]:
    """«STT» (``number_width`` characters wide), then a column for each field, in order."""
    return [replace(ROW_NUMBER, width=number_width), *report_columns(fields)]
