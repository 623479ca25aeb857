"""Desktop responsiveness at national scale, inside the window: search keystrokes, sorting, memory.

    python benchmarks/gui_bench.py --db /tmp/national.db [--keystrokes 40] [--json]

Run by benchmarks/run.py for P2, P3 and P7 (start-up, P1, is measured there from outside the
process). Runs the real main window offscreen on the database and reports:
- one search keystroke → product table updated: the query-and-refresh part (until the rows are
  shown; the count of matches may follow them, timed apart too), and end to end with the pause the
  search box waits for the user to stop typing (median and 95th percentile);
- sorting the registry by each column (the header click → first page shown);
- resident memory once the window is up, after the searches, and after visiting every tab.
Each part that cannot run (the page changed under it) is reported as an error, not a crash.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()  # before Qt and the app are imported: start-up includes them

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

# The keystrokes typed: prefixes of these, one letter more each time.
WORDS = ["ca phe", "tra", "mat ong", "bưởi", "thit trau", "nam", "gao", "ruou"]


def prefixes(keystrokes: int) -> list[str]:
    out = []
    for i in range(keystrokes):
        word = WORDS[i % len(WORDS)]
        out.append(word[: 1 + i % len(word)])
    return out


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure(db_path: Path, keystrokes: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from ocop_desktop.app import build_main_window
    from ocop_desktop.gui.i18n import install_translators
    from ocop_desktop.gui.ui_settings import UiSettings
    from ocop_desktop.persistence.database import open_database

    result: dict = {"errors": {}}
    app = QApplication(sys.argv[:1])
    install_translators(app)
    db = open_database(db_path)
    settings = UiSettings(QSettings(str(Path(tempfile.mkdtemp()) / "ui.ini"), QSettings.Format.IniFormat))
    window = build_main_window(db, settings, ask_first_run=False)
    window.show()
    page = window.products
    window.ui.tabs.setCurrentWidget(page)  # where a user searching for a product would be

    def idle() -> bool:
        return not page.is_loading() and not page._search_timer.isActive()

    def rows_shown() -> bool:
        # The table holds the search's rows; their count may still be on its way (timed apart).
        loading = getattr(page, "rows_loading", page.is_loading)
        return not loading() and not page._search_timer.isActive()

    # Waiting as the application's own event loop does: asleep until an event arrives (a job's
    # result, a timer), then straight to it. (Polling with a 1 ms sleep between looks added up to
    # a millisecond, ~0.9 ms median, to every figure: time the window itself never waits.)
    tick = QTimer()
    tick.start(50)  # wakes the wait now and then to check the time limit

    def wait_until(done, limit: float = 60.0) -> None:
        end = time.perf_counter() + limit
        app.processEvents()
        while time.perf_counter() < end:
            if done():
                return
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        raise TimeoutError("the window did not finish loading")

    wait_until(idle)
    result["startup_s"] = time.perf_counter() - T0
    result["rows_shown"] = page.model.rowCount()
    result["rss_start_mb"] = rss_mb()
    # The other pages' first queries share the one database worker: searching starts once they are done.
    wait_until(lambda: window.jobs.active() == 0, limit=600)
    result["all_loaded_s"] = time.perf_counter() - T0
    result["rss_loaded_mb"] = rss_mb()

    try:
        # What the page runs once the typing pauses (its search timer's slot); refresh() on pages
        # that have no lighter path (it also re-reads the filters' lists, as after a change elsewhere).
        search_now = getattr(page, "apply_search", page.refresh)
        query_times: list[float] = []
        counted_times: list[float] = []
        typed_times: list[float] = []
        for prefix in prefixes(keystrokes):
            # Query and refresh: what the table costs once the user has stopped typing.
            page.ui.search.blockSignals(True)
            page.ui.search.setText(prefix)
            page.ui.search.blockSignals(False)
            start = time.perf_counter()
            search_now()
            wait_until(rows_shown)
            query_times.append(time.perf_counter() - start)
            wait_until(idle)
            counted_times.append(time.perf_counter() - start)
            # End to end: a keystroke in the box, the pause, the query, the table.
            page.ui.search.clear()
            wait_until(idle)
            start = time.perf_counter()
            page.ui.search.setText(prefix)
            wait_until(rows_shown)
            typed_times.append(time.perf_counter() - start)
            wait_until(idle)
        result["search_s"] = query_times
        result["counted_s"] = counted_times
        result["typed_s"] = typed_times
        page.ui.search.clear()
        wait_until(idle)
    except Exception as exc:  # noqa: BLE001 - a benchmark reports what it could not measure
        result["errors"]["search"] = repr(exc)
    result["rss_searched_mb"] = rss_mb()

    try:
        sorts: dict[str, float] = {}
        keys = list(getattr(page.model, "SORT_KEYS", ()))
        for column, key in enumerate(keys):
            for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
                start = time.perf_counter()
                page.model.sort(column, order)
                wait_until(idle)
                sorts[f"{key} {'desc' if order == Qt.SortOrder.DescendingOrder else 'asc'}"] = (
                    time.perf_counter() - start
                )
        result["sort_s"] = sorts
        result["sort_rows"] = page.model.rowCount()
    except Exception as exc:  # noqa: BLE001
        result["errors"]["sort"] = repr(exc)

    try:
        tabs = window.ui.tabs
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            wait_until(lambda: window.jobs.active() == 0)
        tabs.setCurrentWidget(page)
        result["tabs_visited"] = tabs.count()
    except Exception as exc:  # noqa: BLE001
        result["errors"]["tabs"] = repr(exc)
    result["rss_tabs_mb"] = rss_mb()
    window.close()
    window.jobs.wait()
    db.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a database built by benchmarks/generate.py")
    parser.add_argument("--keystrokes", type=int, default=40)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON (for run.py)")
    args = parser.parse_args()
    result = measure(args.db, args.keystrokes)
    if args.json:
        print(json.dumps(result))
        return 0

    def ms(s: float) -> str:
        return f"{s * 1000:.0f} ms"

    print(
        f"start to products table filled: {result['startup_s']:.2f} s ({result['rows_shown']} rows); "
        f"every page's first query done: {result['all_loaded_s']:.2f} s"
    )
    if "search_s" in result:
        for label, key in (
            ("query + refresh", "search_s"),
            ("query + refresh + the count shown", "counted_s"),
            ("end to end, incl. typing pause", "typed_s"),
        ):
            times = result[key]
            print(
                f"search keystroke → table ({label}), n={len(times)}: "
                f"median {ms(statistics.median(times))}, p95 {ms(percentile(times, 95))}"
            )
    for key, seconds in result.get("sort_s", {}).items():
        print(f"sort by {key}: {ms(seconds)}")
    print(
        f"memory (RSS): {result['rss_start_mb']:.0f} MB at start, "
        f"{result['rss_loaded_mb']:.0f} MB once loaded, {result['rss_searched_mb']:.0f} MB after "
        f"the searches, {result['rss_tabs_mb']:.0f} MB after every tab"
    )
    for part, error in result["errors"].items():
        print(f"{part}: not measured ({error})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
