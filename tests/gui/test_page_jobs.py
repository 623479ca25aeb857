"""PageJobs: a newer read supersedes an older one, a write disables its controls, failures take one path."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QPushButton, QWidget

from ocop_desktop.domain.validation import StaleDataError
from ocop_desktop.gui.page_jobs import PageJobs


def make(qtbot, jobs):
    owner = QWidget()
    qtbot.addWidget(owner)
    errors, stale = [], []
    return owner, PageJobs(jobs, owner, on_error=errors.append, on_stale=stale.append), errors, stale


def test_only_the_newest_read_of_a_kind_is_delivered_and_a_superseded_queued_one_never_runs(qtbot, jobs):
    _owner, page_jobs, errors, _ = make(qtbot, jobs)
    started, gate, ran, shown = threading.Event(), threading.Event(), [], []

    def slow():
        started.set()
        gate.wait(5)
        ran.append("slow")
        return "old rows"

    page_jobs.read("rows", slow, shown.append)
    assert started.wait(5)  # already running when superseded: it ends, its result is dropped
    page_jobs.read("rows", lambda: ran.append("queued") or "stale rows", shown.append)  # waits behind slow
    page_jobs.read("rows", lambda: ran.append("newest") or "new rows", shown.append)
    page_jobs.read("other", lambda: "other kind", shown.append)  # another key is not superseded
    assert page_jobs.busy()
    gate.set()
    qtbot.waitUntil(lambda: not page_jobs.busy(), timeout=5000)
    assert shown == ["new rows", "other kind"]
    assert ran == ["slow", "newest"]
    assert errors == []


def test_a_write_disables_its_controls_until_it_ends(qtbot, jobs):
    owner, page_jobs, _errors, _ = make(qtbot, jobs)
    save, other = QPushButton(owner), QPushButton(owner)
    other.setEnabled(False)  # stays as it was
    gate, seen = threading.Event(), []
    page_jobs.write(lambda: gate.wait(5) and "saved", seen.append, controls=[save, other])
    assert not save.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: seen == ["saved"], timeout=5000)
    assert save.isEnabled() and not other.isEnabled()


def test_failures_go_to_the_page_handler_and_stale_saves_to_the_stale_handler(qtbot, jobs):
    owner, page_jobs, errors, stale = make(qtbot, jobs)
    button = QPushButton(owner)

    def refused():
        raise StaleDataError(["Dòng «Bưởi» đã bị xóa ở nơi khác"], "Khảo sát")

    def broken():
        raise ValueError("Không đọc được tệp")

    page_jobs.write(refused, lambda _r: None, controls=[button])
    page_jobs.read("x", broken, lambda _r: None)
    qtbot.waitUntil(lambda: not page_jobs.busy(), timeout=5000)
    assert [str(e) for e in errors] == ["Không đọc được tệp"]
    assert [e.changes for e in stale] == [["Dòng «Bưởi» đã bị xóa ở nơi khác"]]
    assert button.isEnabled()
    own = []
    page_jobs.read("x", broken, lambda _r: None, on_error=own.append)
    qtbot.waitUntil(lambda: not page_jobs.busy(), timeout=5000)
    assert len(own) == 1 and len(errors) == 1


def test_nothing_is_delivered_to_a_page_that_was_closed(qtbot, jobs):
    owner = QWidget()
    gate, shown, errors = threading.Event(), [], []
    page_jobs = PageJobs(jobs, owner, on_error=errors.append)
    page_jobs.read("rows", lambda: gate.wait(5) and "rows", shown.append)
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gate.set()
    qtbot.waitUntil(lambda: jobs.active() == 0, timeout=5000)
    assert shown == [] and errors == []
