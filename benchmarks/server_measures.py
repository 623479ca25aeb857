"""The PostgreSQL measures (issue 18), run by `benchmarks/run.py --only PG`: the search keystroke's
query path (P2pg) and the registry's page load (P8pg) on a server holding the national data, each
beside its floor (floors.py with bare psycopg) and beside the same calls on the SQLite file in the
same run (P2's query path in P2pg's notes; P8 for the page load).

The app's side is query_path.py, the code path the window's database thread runs
(ProductService.uncounted_page and count, unit of work and transaction included), given the
server's URL instead of the file; each process's first round pays for connecting and is dropped.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import pg_server
from harness import FLOORS, HERE, PY, Line, failure, log, met, ms, percentile, timed

PAGE_ROUNDS = 6  # reads of each page per process (the first dropped)
PAGE_GOAL_S = 0.100  # issue 16's P3: a page of the registry at 20,000 products in ≤ 100 ms
KEYSTROKE_P95_S = 0.030  # issue 16's P2: p95 ≤ 30 ms for a keystroke


def _keystrokes(db: str, typed: list[str], env: dict) -> tuple[list[float], list[float], str | None]:
    """The query path and the raw query for the same prefixes, alternating, twice."""
    path_times: list[float] = []
    floor_times: list[float] = []
    for _ in range(2):
        path = timed([PY, str(HERE / "query_path.py"), db, *typed], env)
        if not path.ok:
            return [], [], failure([path])
        path_times.extend(json.loads(path.out)["times"][1:])  # the first pays for connecting
        raw = timed([*FLOORS, "search", db, *typed], env)
        if not raw.ok:
            return [], [], failure([raw])
        floor_times.extend(json.loads(raw.out)["times"][1:])
    return path_times, floor_times, None


def _pages(
    db: str, offset: int, env: dict, read: dict
) -> tuple[dict[str, list[float]], dict[str, list[float]], str | None]:
    """The app's pages and the raw ones, alternating, twice; ``read`` gets what the app read."""
    app: dict[str, list[float]] = {}
    floor: dict[str, list[float]] = {}
    for _ in range(2):
        for cmd, into in (
            ([PY, str(HERE / "query_path.py"), "--pages", str(PAGE_ROUNDS), str(offset), db], app),
            ([*FLOORS, "pages", db, str(PAGE_ROUNDS), str(offset)], floor),
        ):
            run = timed(cmd, env)
            if not run.ok:
                return {}, {}, failure([run])
            result = json.loads(run.out)
            for key, seconds in result["times"].items():
                into.setdefault(key, []).extend(seconds[1:])
            if into is app:
                read.update((k, v) for k, v in result.items() if k != "times")
    return app, floor, None


def _page_line(line: Line, offset: int, app: dict[str, list[float]], floor: dict[str, list[float]]) -> None:
    a = {k: statistics.median(v) for k, v in app.items()}
    f = {k: statistics.median(v) for k, v in floor.items()}
    line.app = f"first {ms(a['first'])} · count {ms(a['count'])} · at {offset:,} {ms(a['later'])}"
    line.floor = f"first {ms(f['first'])} · count {ms(f['count'])} · at {offset:,} {ms(f['later'])}"
    opening, raw_opening = a["first"] + a["count"], f["first"] + f["count"]
    line.ratio = f"{opening / raw_opening:.1f}× (first + count)"
    slowest = max(a["first"], a["later"])
    line.goal, line.met = "a page ≤ 100 ms", met(slowest <= PAGE_GOAL_S)
    line.notes.append(
        f"medians of {len(app['first'])} reads each; the opening (first page + count) {ms(opening)} vs raw "
        f"{ms(raw_opening)}; the later page {a['later'] / f['later']:.1f}× its raw query; the app reads the nine "
        "columns the table shows (producer, place, group joined) and each row's idle flag, the floor id and name"
    )


def _fill_keystroke(line: Line, path: list[float], raw: list[float], sqlite: tuple[list[float], list[float]]) -> None:
    median, floor, p95 = statistics.median(path), statistics.median(raw), percentile(path, 95)
    line.app = f"median {ms(median)}, p95 {ms(p95)}"
    line.floor = f"median {ms(floor)}, p95 {ms(percentile(raw, 95))}"
    line.ratio = f"{median / floor:.1f}×"
    line.goal = "≤ 2×, p95 ≤ 30 ms"
    line.met = met(median / floor <= 2 and p95 <= KEYSTROKE_P95_S)
    line.notes.append(f"{len(path)} keystrokes each (P2's prefixes), query path and raw query alternating")
    s_path, s_raw = sqlite
    if s_path and s_raw:
        s_median = statistics.median(s_path)
        line.notes.append(
            f"beside SQLite, same prefixes, same run (P2's query path): median {ms(s_median)}, "
            f"p95 {ms(percentile(s_path, 95))}; raw sqlite3 median {ms(statistics.median(s_raw))} "
            f"({s_median / statistics.median(s_raw):.1f}×); PostgreSQL's path is {median / s_median:.1f}× SQLite's"
        )


def measure_server(sqlite_db: Path, typed: list[str], offset: int, env: dict, lines: dict[str, Line]) -> None:
    """P8 on the SQLite file, then P2pg and P8pg on a throw-away server holding a copy of it;
    ``offset``: where the later page starts (10,000 of the national 20,000 products)."""
    log("P2pg/P8: the query path and the registry's pages on SQLite, for comparison")
    s_path, s_raw, problem = _keystrokes(str(sqlite_db), typed, env)
    if problem:
        lines["P2pg"].notes.append(f"SQLite's query path could not be measured: {problem}")
    on_file: dict = {}
    app, floor, problem = _pages(str(sqlite_db), offset, env, on_file)
    if problem:
        lines["P8"].app = f"failed: {problem}"
    else:
        _page_line(lines["P8"], offset, app, floor)
    problem = pg_server.missing()
    if problem:
        for key in ("P2pg", "P8pg"):
            lines[key].app = f"not measured: {problem}"
        return
    import psycopg  # noqa: PLC0415

    started = time.perf_counter()
    with pg_server.server() as maintenance:
        url = pg_server.create_database(maintenance, "ocop_bench")
        try:
            copied = pg_server.load(sqlite_db, url, env)
            with psycopg.connect(url) as conn:
                version = conn.execute("SHOW server_version").fetchone()[0]
                collation = conn.execute(
                    "SELECT COALESCE(daticulocale, datcollate) FROM pg_database WHERE datname = current_database()"
                ).fetchone()[0]
            loaded = time.perf_counter() - started
            lines["P8pg"].notes.append(
                f"PostgreSQL {version.split()[0]} (throw-away cluster, fsync off, default memory settings; "
                f"database collation {collation}), {copied.get('products', 0):,} products and "
                f"{copied.get('survey_entries', 0):,} survey rows copied from the SQLite file; "
                f"made and loaded in {loaded:.0f} s"
            )
            log(f"P2pg: {len(typed)} keystrokes on PostgreSQL")
            path, raw, problem = _keystrokes(url, typed, env)
            if problem:
                lines["P2pg"].app = f"failed: {problem}"
            else:
                _fill_keystroke(lines["P2pg"], path, raw, (s_path, s_raw))
            log("P8pg: the registry's pages on PostgreSQL")
            on_server: dict = {}
            app, floor, problem = _pages(url, offset, env, on_server)
            if problem:
                lines["P8pg"].app = f"failed: {problem}"
            else:
                _page_line(lines["P8pg"], offset, app, floor)
                if on_file:
                    same = all(on_file[k] == on_server[k] for k in ("count", "first", "later"))
                    lines["P8pg"].notes.append(
                        "beside SQLite: P8 above, same calls, same run; "
                        + (
                            f"both engines read the same pages and count ({on_server['count']:,} products)"
                            if same
                            else "**the engines read different pages or counts** "
                            f"(count {on_file['count']:,} on the file, {on_server['count']:,} on the server)"
                        )
                    )
        finally:
            pg_server.drop_database(maintenance, url)
