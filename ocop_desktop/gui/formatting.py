"""How values look on screen: dd/MM/yyyy dates, 1.234.567 numbers, đồng, stars."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ocop_desktop.domain.numbers import format_vn_date, format_vn_number, format_vnd


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return format_vn_date(value)
    if isinstance(value, (int, float, Decimal)):
        return format_vn_number(value)
    return str(value)


def stars(n: int | None) -> str:
    return "★" * n if n else ""


def money(value: int | float | None) -> str:
    return format_vnd(value) if value is not None else ""
