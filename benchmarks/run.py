"""Issue 16's speed table in one run: every measure beside its floor, with ratios and goals.

    python benchmarks/run.py [--quick] [--only P1,P4] [--repeat N] [--keep]
    python benchmarks/run.py --only PG      # issue 18: search and page load on PostgreSQL beside SQLite

Builds the national data with generate.py (cached in the temp folder, keyed by its size), then
for each measure runs the app as a whole process (`python -m ocop_desktop.cli …`, the window
`python -m ocop_desktop`) and, right beside it, a floor script doing the same job with the bare
library (benchmarks/floors.py), alternating app and floor N times and keeping the best run of
each (a shared machine only ever makes a run slower). Wall seconds are compared; CPU seconds are
printed beside them. The full run uses the issue's sizes (20,000 products, 100,000 survey rows,
10,000 PDF rows, 100,000 imported rows) and takes long; --quick uses small ones.

--only PG (not part of the default run) starts a throw-away PostgreSQL cluster (server_measures.py,
pg_server.py; needs PostgreSQL's programs and psycopg), makes the schema with `ocop init`, copies
the national data into it and measures the search keystroke's query path (P2pg) and the registry's
page load (P8pg) beside their psycopg floors and the same calls on the SQLite file (P8).

Needs xlsxwriter for the Excel floor (`pip install xlsxwriter`), and Xvfb + xdotool for P1
(`apt-get install xvfb xdotool`, and the X libraries Qt's xcb plugin loads, named in the
message when one is missing); a measure whose tool is missing is skipped with a line saying so.
Only the command line and the window's public entry point are used, so the harness keeps working
while the app changes (P2/P3/P7 drive the products page through gui_bench.py).

The parts live beside this script, each named for what it holds: harness.py (timing a process,
best of N, a line's ratio), bench_data.py (the cached national data), window_measures.py (P1, P2,
P3, P7), command_measures.py (P4, P5, P6) and report_table.py (the table printed at the end).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench_data import build_base, cache_lock, campaign, copy_db, derived
from command_measures import measure_import, measure_pdf, measure_xlsx
from gui_bench import prefixes
from harness import REPORT_YEAR, ROOT
from report_table import MEASURES, print_table, table_lines
from server_measures import measure_server
from window_measures import measure_inside, measure_window, memory_line

SIZES = {
    "quick": {
        "products": 2_000,
        "survey_rows": 10_000,
        "pdf_rows": 1_000,
        "import_rows": 2_000,
        "repeat": 2,
        "keystrokes": 16,
    },
    "full": {
        "products": 20_000,
        "survey_rows": 100_000,
        "pdf_rows": 10_000,
        "import_rows": 100_000,
        "repeat": 2,
        "keystrokes": 40,
    },
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a few minutes instead of an hour")
    parser.add_argument("--only", default=",".join(MEASURES), help="measures to run, e.g. P1,P4 (PG: on PostgreSQL)")
    parser.add_argument("--repeat", type=int, help="app/floor pairs per measure (best is kept)")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "ocop-bench",
        help="where the generated data is kept between runs",
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folder (outputs, database copies)")
    args = parser.parse_args(argv)
    size = dict(SIZES["quick" if args.quick else "full"])
    repeat = args.repeat or size["repeat"]
    wanted = {m.strip().upper() for m in args.only.split(",")}
    args.cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ocop-bench-run-"))
    home = work / "home"  # the window's settings, logs and backups stay out of the user's folders
    env = dict(
        os.environ,
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p),
    )
    env.pop("OCOP_DB", None)
    # An installed program runs from compiled bytecode (the bundle holds it); a shell that forbids
    # writing it would make every run of app and floor compile its sources again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()

    with cache_lock(args.cache):  # several runs at once build the cached data once, not over each other
        base = build_base(args.cache, size["products"], size["survey_rows"], env)
        # All rows in one campaign for the reports (as the issue measured); the PDF's campaign holds
        # pdf_rows of them, the rest go to the campaign before it.
        all_in_one = derived(base, "one-campaign", f"UPDATE survey_entries SET campaign_id = {campaign(REPORT_YEAR)};")
        pdf_db = derived(
            base,
            f"pdf-{size['pdf_rows']}",
            (
                f"UPDATE survey_entries SET campaign_id = {campaign(REPORT_YEAR - 1)};"
                f"UPDATE survey_entries SET campaign_id = {campaign(REPORT_YEAR)} WHERE position < {size['pdf_rows']};"
            ),
        )

    lines = table_lines(size)
    memory: dict = {}
    window_db = copy_db(all_in_one, work / "window.db")

    if "P1" in wanted or "P7" in wanted:
        measure_window(window_db, repeat, env, lines, memory)
    if wanted & {"P2", "P3", "P7"}:
        measure_inside(window_db, size["keystrokes"], env, lines, memory)
    if "P7" in wanted:
        memory_line(lines["P7"], memory)
    if "P4" in wanted:
        measure_xlsx(all_in_one, work, repeat, env, lines["P4"])
    if "P5" in wanted:
        measure_pdf(pdf_db, work, repeat, env, lines["P5"])
    if "P6" in wanted:
        measure_import(args.cache, all_in_one, size["import_rows"], work, repeat, env, lines["P6"])
    if "PG" in wanted:
        measure_server(window_db, prefixes(size["keystrokes"]), size["products"] // 2, env, lines)

    print_table("quick" if args.quick else "full", size, repeat, time.perf_counter() - started, wanted, lines)
    if args.keep:
        print(f"\nwork folder kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
