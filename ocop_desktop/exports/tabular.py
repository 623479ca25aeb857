"""Plain JSON and CSV output of rows (lists of dicts) for the terminal and for scripts."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from typing import IO, Any, Sequence


def _iso(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def write_json(rows: Sequence[dict[str, Any]], out: IO[str]) -> None:
    json.dump([{k: _iso(v) for k, v in r.items()} for r in rows], out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_csv(rows: Sequence[dict[str, Any]], out: IO[str], columns: Sequence[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: ("" if r.get(k) is None else _iso(r.get(k))) for k in columns})
