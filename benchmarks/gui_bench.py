"""Desktop responsiveness at national scale: start-up, search keystrokes, memory.

    python benchmarks/gui_bench.py [--db /tmp/national.db] [--keystrokes 40]

Builds the database with generate.py first when it is missing (20,000 products,
100,000 survey rows), then runs the real main window offscreen and reports:
- time from process start to the main window shown (products tab filled);
- time for one search keystroke to update the product table, median and 95th
  percentile, both the query-and-refresh part and end to end with the 150 ms pause
  the search box waits for the user to stop typing;
- resident memory once the window is up and after the searches.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()  # before Qt and the app are imported: start-up includes them

import argparse  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "ocop-national.db")
    parser.add_argument("--keystrokes", type=int, default=40)
    args = parser.parse_args()
    if not args.db.exists():
        from generate import generate

        generate(args.db, 20_000, 100_000)
        print(f"built {args.db}", file=sys.stderr)
        global T0
        T0 = time.perf_counter()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ocop_desktop.app import build_main_window
    from ocop_desktop.gui.i18n import install_translators
    from ocop_desktop.gui.ui_settings import UiSettings
    from ocop_desktop.persistence.database import open_database

    app = QApplication(sys.argv[:1])
    install_translators(app)
    db = open_database(args.db)
    settings = UiSettings(QSettings(str(Path(tempfile.mkdtemp()) / "ui.ini"), QSettings.Format.IniFormat))
    window = build_main_window(db, settings, ask_first_run=False)
    window.show()
    page = window.products
    window.ui.tabs.setCurrentWidget(page)  # where a user searching for a product would be

    def wait_loaded(limit: float = 30.0) -> None:
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            app.processEvents()
            if not page.is_loading() and not page._search_timer.isActive():
                return
            time.sleep(0.001)
        raise TimeoutError("the product table did not update")

    wait_loaded()
    startup = time.perf_counter() - T0
    rows_shown = page.model.rowCount()
    rss_start = rss_mb()

    words = ["ca phe", "tra", "mat ong", "bưởi", "thit trau", "nam", "gao", "ruou"]
    query_times: list[float] = []
    typed_times: list[float] = []
    for i in range(args.keystrokes):
        word = words[i % len(words)]
        prefix = word[: 1 + i % len(word)]
        # Query and refresh: what the table costs once the user has stopped typing.
        page.ui.search.blockSignals(True)
        page.ui.search.setText(prefix)
        page.ui.search.blockSignals(False)
        start = time.perf_counter()
        page.refresh()
        wait_loaded()
        query_times.append(time.perf_counter() - start)
        # End to end: a keystroke in the box, the pause, the query, the table.
        page.ui.search.clear()
        wait_loaded()
        start = time.perf_counter()
        page.ui.search.setText(prefix)
        wait_loaded()
        typed_times.append(time.perf_counter() - start)
    rss_end = rss_mb()

    ms = lambda s: f"{s * 1000:.0f} ms"  # noqa: E731
    print(f"database: {args.db} ({args.db.stat().st_size / 1e6:.0f} MB)")
    print(f"start to main window shown: {startup:.2f} s (first {rows_shown} rows of the registry loaded)")
    print(f"search keystroke → table (query + refresh), n={len(query_times)}: "
          f"median {ms(statistics.median(query_times))}, p95 {ms(percentile(query_times, 95))}")
    print(f"search keystroke → table (end to end, incl. 150 ms typing pause): "
          f"median {ms(statistics.median(typed_times))}, p95 {ms(percentile(typed_times, 95))}")
    print(f"memory (RSS): {rss_start:.0f} MB at start, {rss_end:.0f} MB after the searches")
    window.close()
    window.jobs.wait()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
