"""A value in a table cell: domain.formatting's text for its kind, a tick for a true flag."""

from __future__ import annotations

from typing import Any

from ocop_desktop.domain import formatting


def display(value: Any, kind: str | None = None) -> str:
    """How a cell reads: by ``kind`` when the column knows it (a year is "2025"), else by type;
    a flag is a tick (✓) rather than "có"/"không", which a column of ticks reads better as."""
    if isinstance(value, bool):
        return "✓" if value else ""
    return formatting.value(value, kind)
