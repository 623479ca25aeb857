"""The table benchmarks/run.py prints: one line per measure (what, app, floor, ratio, goal, met),
then the notes of each."""

from __future__ import annotations

import os
import sys

from harness import Line

MEASURES = ("P1", "P2", "P3", "P4", "P5", "P6", "P7")
# Run only when asked for (--only PG): issue 18's measures on a throw-away PostgreSQL server.
OPTIONAL = ("PG",)
# The lines printed: P2 measures the search keystroke twice, its query path (P2) and in the window (P2w);
# PG prints the keystroke's query path on the server (P2pg) and the registry's page load on the file
# (P8) and on the server (P8pg).
LINES = ("P1", "P2", "P2w", "P3", "P4", "P5", "P6", "P7", "P2pg", "P8", "P8pg")
SERVER_LINES = ("P2pg", "P8", "P8pg")


def _shown(key: str, wanted: set[str]) -> bool:
    return key in wanted or (key == "P2w" and "P2" in wanted) or (key in SERVER_LINES and "PG" in wanted)


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
        "P2pg": Line(
            "P2pg",
            "search keystroke on PostgreSQL: the registry's query path (service call, transaction included) vs "
            "raw LIKE + ORDER BY + LIMIT 200 with bare psycopg",
        ),
        "P8": Line(
            "P8",
            f"registry page load on SQLite: first page (200, name order) · count · page at offset "
            f"{size['products'] // 2:,} (ProductService), vs raw ORDER BY + LIMIT/OFFSET and count(*)",
        ),
        "P8pg": Line(
            "P8pg", "registry page load on PostgreSQL: the same calls, vs the same raw queries with bare psycopg"
        ),
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
