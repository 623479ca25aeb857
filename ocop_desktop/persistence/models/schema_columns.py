"""Stored columns made from the record schema's listed fields (domain/schema), so a field is declared once."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Date, Float, Integer, String, Text
from sqlalchemy.orm import mapped_column

from ocop_desktop.domain.schema import Field, Kind, Record

_NUMBER_TYPES = {
    Kind.INTEGER: Integer,
    Kind.MONEY: Integer,
    Kind.YEAR: Integer,
    Kind.STARS: Integer,
    Kind.DECIMAL: Float,
    Kind.SCORE: Float,
}


def column_of(f: Field) -> Any:
    """The mapped column of one field: text is never NULL (empty is ""), a number or a date may be."""
    if f.kind in _NUMBER_TYPES:
        return mapped_column(f.stored, _NUMBER_TYPES[f.kind], nullable=True)
    if f.kind is Kind.DATE:
        return mapped_column(f.stored, Date, nullable=True)
    if f.kind is Kind.BOOL:
        return mapped_column(f.stored, Boolean, nullable=False, default=False, server_default="0")
    if f.kind in (Kind.TEXT, Kind.NOTE):
        kind = String(f.max_chars) if f.kind is Kind.TEXT and f.max_chars else Text
        # A required field gets no default: leaving it out is a mistake the database should catch.
        if f.required:
            return mapped_column(f.stored, kind, nullable=False)
        return mapped_column(f.stored, kind, nullable=False, default="")
    # A programmer's mistake in domain/schema, met when the models are imported; never shown to users.
    raise TypeError(f"The listed field {f.key!r} is of kind {f.kind}, which has no stored form here")


def listed_columns(record: Record) -> type:
    """A declarative mixin holding a column for each listed field of ``record``."""
    return type(f"{record.table}_listed_columns", (), {f.stored: column_of(f) for f in record.listed})
