"""Time `ocop check` (tamper evidence on every table) on a national-scale database.

    python benchmarks/check_bench.py /tmp/national.db   (built by benchmarks/generate.py)

generate.py inserts in bulk, outside the flush hook, so its rows have no audit entries: they
are sealed first as migration 0010 seals an existing database (timed too), then `check` runs.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

from ocop_desktop.persistence.row_seal import seal_existing
from ocop_desktop.services.health import check_database


def main(argv: list[str]) -> int:
    path = Path(argv[0])
    conn = sqlite3.connect(path)
    counts = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("products", "producers", "survey_entries", "audit_log")
    }
    print("rows:", counts)
    if not conn.execute("SELECT 1 FROM audit_log WHERE action = 'seal' LIMIT 1").fetchone():
        start = time.perf_counter()
        with conn:
            sealed = seal_existing(conn, "niêm phong (đo thời gian)")
        print(f"seal: {sealed} entries in {time.perf_counter() - start:.2f} s")
    conn.close()
    start, cpu = time.perf_counter(), time.process_time()
    report = check_database(path)
    print(
        f"check: {time.perf_counter() - start:.2f} s wall, {time.process_time() - cpu:.2f} s CPU; "
        f"healthy={report.healthy}"
    )
    for line in report.facts + report.problems:
        print(" ", line[:200])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
