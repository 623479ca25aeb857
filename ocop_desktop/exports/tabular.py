"""Plain JSON and CSV output of rows (lists of dicts) for the terminal and for scripts."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import IO, Any

from ocop_desktop.domain.text import strip_controls

# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…) sends the
# data to a web site); OWASP's advice: make it text with a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# JSON escapes C0 controls itself; C1 controls and bidi overrides are written as \uXXXX too, so a
# terminal shows them as text and a script still reads the exact value.
_UNSAFE_IN_JSON = re.compile("[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _iso(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def write_json(rows: Sequence[dict[str, Any]], out: IO[str]) -> None:
    text = json.dumps([{k: _iso(v) for k, v in r.items()} for r in rows], ensure_ascii=False, indent=2)
    out.write(_UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    out.write("\n")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: no control or bidi characters, and text a spreadsheet would take for
    a formula prefixed with an apostrophe."""
    if value is None:
        return ""
    value = _iso(value)
    if not isinstance(value, str):
        return value
    formula = value.startswith(_FORMULA_START)
    value = strip_controls(value)
    return "'" + value if formula or value.startswith(_FORMULA_START) else value


def write_csv(rows: Sequence[dict[str, Any]], out: IO[str], columns: Sequence[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: csv_cell(r.get(k)) for k in columns})
