"""The background helper: results, errors, progress and cancel reach the UI thread."""

from __future__ import annotations

import threading
import time

from ocop_desktop.gui.jobs import JobRunner


def test_job_runs_off_the_ui_thread_and_reports_progress(qtbot):
    runner = JobRunner()
    ui_thread = threading.get_ident()
    seen: dict = {"progress": []}

    def work(progress, cancel):
        for i in range(3):
            progress(i + 1, 3, f"bước {i + 1}")
        return threading.get_ident()

    runner.run(
        work, on_done=lambda tid: seen.update(tid=tid), on_progress=lambda d, t, s: seen["progress"].append((d, t, s))
    )
    qtbot.waitUntil(lambda: "tid" in seen, timeout=5000)
    assert seen["tid"] != ui_thread
    assert seen["progress"] == [(1, 3, "bước 1"), (2, 3, "bước 2"), (3, 3, "bước 3")]
    assert runner.active() == 0


def test_errors_and_cancel_are_delivered(qtbot):
    runner = JobRunner()
    errors: list[Exception] = []
    cancelled: list[bool] = []
    runner.run(lambda p, c: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)

    started = threading.Event()

    def slow(progress, cancel):
        started.set()
        while True:
            cancel.raise_if_cancelled()
            time.sleep(0.01)

    job = runner.run(slow, on_cancelled=lambda: cancelled.append(True))
    assert started.wait(5)
    job.cancel()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=5000)
    assert runner.active() == 0
