"""The command-line measures, each beside its floor: P4 the survey report to Excel, P5 the same
report to PDF, P6 the survey import from Excel (the whole `ocop` process timed)."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

from bench_data import cache_lock, campaign, copy_db, import_workbook
from harness import (
    FLOORS,
    FONT,
    IMPORT_YEAR,
    OCOP,
    OFFICE,
    REPORT_YEAR,
    ROOT,
    Line,
    alternate,
    has_module,
    log,
    whole_process_line,
)


def _report(db: Path, fmt: str, out: Path) -> list[str]:
    return [*OCOP, "--db", str(db), "report", "survey", "--format", fmt, "--campaign", str(REPORT_YEAR), "-o", str(out)]


def measure_xlsx(source: Path, work: Path, repeat: int, env: dict, line: Line) -> None:
    """P4: `ocop report survey --format xlsx` beside xlsxwriter's constant_memory mode."""
    log("P4: survey report to Excel")
    if not has_module("xlsxwriter"):
        line.app = "not measured: the floor needs xlsxwriter (pip install xlsxwriter)"
        return
    db = copy_db(source, work / "report.db")
    apps, floors = alternate(
        lambda i: _report(db, "xlsx", work / f"app-{i}.xlsx"),
        lambda i: [*FLOORS, "xlsx", str(db), str(REPORT_YEAR), str(work / f"floor-{i}.xlsx")],
        repeat,
        env,
    )
    whole_process_line(line, apps, floors, 1.2)


def measure_pdf(source: Path, work: Path, repeat: int, env: dict, line: Line) -> None:
    """P5: `ocop report survey --format pdf` beside reportlab's canvas drawing the same rows."""
    log("P5: survey report to PDF")
    db = copy_db(source, work / "pdf.db")
    apps, floors = alternate(
        lambda i: _report(db, "pdf", work / f"app-{i}.pdf"),
        lambda i: [*FLOORS, "pdf", str(db), str(REPORT_YEAR), str(work / f"floor-{i}.pdf"), str(FONT)],
        repeat,
        env,
    )
    whole_process_line(line, apps, floors, 4)
    line.goal = "≤ 2× (≤ 4× with wrapped cells)"


def measure_import(cache: Path, source: Path, rows: int, work: Path, repeat: int, env: dict, line: Line) -> None:
    """P6: `ocop import survey` of ``rows`` rows beside openpyxl read-only + sqlite3 executemany;
    each run imports into a fresh copy, and the rows it stored are counted."""
    log("P6: survey import from Excel")
    with cache_lock(cache):
        workbook = import_workbook(cache, source, rows, env)
    # The cached data was built by the program of its day: brought to the current schema once
    # here (as a user's file is, once per new version), so no run below times a migration and
    # its safety copy, which the floor does not do either.
    import_base = copy_db(source, work / "import-base.db")
    subprocess.run([*OCOP, "--db", str(import_base), *OFFICE], check=True, env=env, cwd=ROOT, capture_output=True)
    apps, floors = alternate(
        lambda i: [
            *OCOP,
            "--db",
            str(work / f"import-{i}.db"),
            "import",
            "survey",
            str(workbook),
            "--campaign",
            str(IMPORT_YEAR),
        ],
        lambda i: [*FLOORS, "import", str(work / f"import-{i}.db"), str(workbook), str(work / f"floor-{i}.db")],
        repeat,
        env,
        before=lambda i: copy_db(import_base, work / f"import-{i}.db"),
    )
    whole_process_line(line, apps, floors, 1.5)
    for i, run in enumerate(apps):
        if run.ok:
            conn = sqlite3.connect(work / f"import-{i}.db")
            count = conn.execute(
                f"SELECT count(*) FROM survey_entries WHERE campaign_id = {campaign(IMPORT_YEAR)}"
            ).fetchone()[0]
            conn.close()
            if count != rows:
                line.notes.append(f"run {i + 1}: the app imported {count} rows, not {rows}")
                line.met = "**no**"
