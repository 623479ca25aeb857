"""The table benchmarks/run.py prints: one line per measure (what, app, floor, ratio, goal, met),
then the notes of each."""

from __future__ import annotations

import os
import sys

from harness import Line

MEASURES = ("P1", "P2", "P3", "P4", "P5", "P6", "P7")
# The lines printed: P2 measures the search keystroke twice, its query path (P2) and in the window (P2w).
LINES = ("P1", "P2", "P2w", "P3", "P4", "P5", "P6", "P7")


def _shown(key: str, wanted: set[str]) -> bool:
    return key in wanted or (key == "P2w" and "P2" in wanted)


def table_lines(size: dict[str, int]) -> dict[str, Line]:
    """Every measure's line, named for the sizes of this run; the measures fill them in."""
    return {
        "P1": Line("P1", "process start → main window visible (Xvfb, polled with xdotool) vs a bare PySide6 window"),
        "P2": Line(
            "P2",
            "search keystroke: the registry's query path (service call, transaction included) vs raw LIKE "
            "+ ORDER BY + LIMIT 200",
        ),
        "P2w": Line("P2w", "search keystroke → product table updated in the window (query + table refresh)"),
        "P3": Line("P3", f"sort the registry by a column, {size['products']:,} products, vs raw ORDER BY + LIMIT 200"),
        "P4": Line(
            "P4",
            f"`ocop report survey --format xlsx`, {size['survey_rows']:,} rows in one campaign, "
            "vs xlsxwriter constant_memory",
        ),
        "P5": Line("P5", f"`ocop report survey --format pdf`, {size['pdf_rows']:,} rows vs reportlab canvas"),
        "P6": Line(
            "P6",
            f"`ocop import survey`, {size['import_rows']:,} rows (the template's layout) vs openpyxl "
            "read-only + sqlite3 executemany",
        ),
        "P7": Line("P7", "resident memory, national DB open"),
    }


def print_table(
    mode: str, size: dict[str, int], repeat: int, seconds: float, wanted: set[str], lines: dict[str, Line]
) -> None:
    print(
        f"\nOCOP Desktop benchmarks ({mode}): {size['products']:,} products, "
        f"{size['survey_rows']:,} survey rows; best of {repeat} app/floor pairs, each a whole process; "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end, Python "
        f"{sys.version.split()[0]}; {seconds:.0f} s in all\n"
    )
    print("| # | What | App | Floor | Ratio | Goal | Met |")
    print("|---|---|---|---|---|---|---|")
    for key in LINES:
        if _shown(key, wanted):
            ln = lines[key]
            print(f"| {key} | {ln.what} | {ln.app} | {ln.floor} | {ln.ratio} | {ln.goal} | {ln.met} |")
    notes = [(key, note) for key in LINES if _shown(key, wanted) for note in lines[key].notes]
    if notes:
        print()
        for key, note in notes:
            print(f"- {key}: {note}")
