"""A process killed (SIGKILL, as a power cut would) in the middle of a large import leaves a sound
database with all of the import or none of it; a killed draft writer leaves a whole draft."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ocop_desktop.persistence.database import open_database
from ocop_desktop.persistence.snapshot import check_file
from ocop_desktop.services.drafts import DraftStore
from ocop_desktop.services.health import check_database
from ocop_desktop.services.reference import load_reference
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.surveys import SurveyService
from tests.databases import copy_template

CHILD = Path(__file__).with_name("kill_child.py")
# 3,500 rows write about 4.3 MB into the WAL before COMMIT (measured; 6,000 wrote 8.7 MB), twice
# SQLite's 2 MB page cache, so pages spill into the WAL while the INSERTs run (0.4 MB by the
# second batch), as a national import's do: the test checks that spill at its "exec 2" kill.
# A full run takes about 4 s where 6,000 rows took 7 s (OCOP_KILL_ROWS=50000 runs the size).
ROWS = int(os.environ.get("OCOP_KILL_ROWS", "3500"))
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

# (line printed by the child, seconds to wait after it, what must be found afterwards)
KILL_POINTS = [
    ("start", 0.3, "none"),  # checking and building the rows
    ("flush", 0.5, "none"),  # flush hooks: audit entries, limits, hashes
    ("exec 2", 0.0, "none"),  # the INSERTs, pages already spilling into the WAL
    ("sqlite-commit", 0.0, "either"),  # COMMIT being written
    ("sqlite-commit", 0.004, "either"),
    ("sqlite-commit", 0.04, "either"),
    ("done", 0.0, "all"),  # after the commit returned
]


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("kill") / "mau.db"
    db = open_database(copy_template(path))
    make_uow = db.uow_factory(actor="Nguyễn Văn Kiểm")
    load_reference(make_uow)
    load_sample(make_uow, "muong-ang-2024")
    campaign = SurveyService(make_uow).campaigns()[0]
    unit_id = campaign.submissions[0].unit_id
    db.close()  # checkpointed into one file, which each run copies
    return path, campaign.id, unit_id


def _run_until(args: list[str], marker: str, delay: float) -> list[str]:
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    seen = []
    assert proc.stdout is not None
    for line in proc.stdout:
        seen.append(line.strip())
        if line.strip() == marker:
            break
    if delay:
        time.sleep(delay)  # the moment of the power cut; this is a timing test, not a UI wait
    with contextlib.suppress(ProcessLookupError):
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    proc.stdout.close()
    assert marker in seen, f"the child ended before «{marker}»: {seen[-3:]}"
    return seen


def _unit_rows(path: Path, unit_id: str) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM survey_entries WHERE unit_id=?", (unit_id,)).fetchone()[0]
    finally:
        conn.close()


def _one_run(template, workdir: Path, n: int, marker: str, delay: float) -> tuple[str, int, list[str], int]:
    path, campaign_id, unit_id = template
    run_db = workdir / f"run{n}" / "ocop.db"
    run_db.parent.mkdir()
    shutil.copyfile(path, run_db)
    _run_until(["import", str(run_db), campaign_id, unit_id, str(ROWS)], marker, delay)
    wal = run_db.with_name(run_db.name + "-wal")
    spilled = wal.stat().st_size if wal.exists() else 0  # before anything opens the file again
    problems = check_file(run_db, quick=False)  # full integrity_check, read-only
    health = check_database(run_db)
    return marker, _unit_rows(run_db, unit_id), problems + health.problems, spilled


@POSIX_ONLY
@pytest.mark.slow
def test_killing_a_large_import_at_any_moment_leaves_all_or_none(template, tmp_path):
    # Two runs at a time: each is killed at a point of its own progress, so they do not interfere.
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(
            pool.map(lambda item: _one_run(template, tmp_path, item[0], *item[1][:2]), enumerate(KILL_POINTS))
        )
    for (marker, delay, expected), (_, rows, problems, spilled) in zip(KILL_POINTS, results, strict=True):
        assert not problems, f"killed at {marker}+{delay}s: {problems}"
        if marker == "exec 2":  # the import is big enough that uncommitted pages were in the WAL
            assert spilled > 0, f"ROWS={ROWS} fit in the page cache: nothing spilled into the WAL before COMMIT"
        assert rows in (0, ROWS), f"killed at {marker}+{delay}s: {rows} of {ROWS} rows — a partial import"
        if expected == "none":
            assert rows == 0, f"killed at {marker}+{delay}s before COMMIT, yet rows were kept"
        if expected == "all":
            assert rows == ROWS
    # And the application opens each file afterwards and goes on working.
    last = tmp_path / "run0" / "ocop.db"
    db = open_database(last)
    try:
        _, campaign_id, unit_id = template
        saved = SurveyService(db.uow_factory(actor="A")).save_entries(campaign_id, unit_id, [])
        assert saved == []
    finally:
        db.close()


@POSIX_ONLY
@pytest.mark.parametrize("delay", [0.0, 0.003, 0.011, 0.029, 0.07])
def test_a_killed_draft_writer_leaves_a_whole_draft(tmp_path, delay):
    folder = tmp_path / "drafts"
    _run_until(["drafts", str(folder)], "saved 3", delay)
    draft = DraftStore(folder).load("dot-2024", "xa-ang-nua")
    assert draft is not None, "the draft was lost"
    n = draft.payload["n"]
    assert n >= 3 and len(draft.payload["rows"]) == 2_000  # a whole draft, never half of one
    assert draft.payload["rows"][-1]["product_name"] == f"Dòng 1999 của bản nháp {n}"
