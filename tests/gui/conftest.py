"""GUI test fixtures shared by every page: the Vietnamese translation, the background runner."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMessageBox

from ocop_desktop.gui.i18n import install_translators, remove_translators
from ocop_desktop.gui.jobs import JobRunner


@pytest.fixture(autouse=True)
def _no_unexpected_message_box(request, monkeypatch):
    """A message box nobody answers waits forever: offscreen, one such box (say, from a report job
    that fails after its test has ended) hung a whole run. It fails the test instead, with its
    text. A test that expects a box patches QMessageBox itself (its patch, made later, wins);
    one that answers a real box marks itself ``real_message_box``."""
    if request.node.get_closest_marker("real_message_box"):
        return

    def refuse(_parent, title, text, *args, **kwargs):
        raise AssertionError(f"an unexpected modal message box would block the run: {title!r}: {text!r}")

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse))


@pytest.fixture
def vietnamese(qapp):
    """The screens in Vietnamese, the default language; the locale is put back afterwards."""
    before = QLocale()
    translators = install_translators(qapp, "vi")
    yield
    remove_translators(qapp, translators)
    QLocale.setDefault(before)


@pytest.fixture
def jobs(qapp):
    """The background runner pages use; no job may outlive the database it reads."""
    runner = JobRunner()
    yield runner
    runner.wait()


@pytest.fixture
def hold(monkeypatch):
    """``hold(service, name)``: make that call wait, on the database thread, until the returned
    event is set (set anyway when the test ends, so a failed test never leaves a job waiting)."""
    events: list[threading.Event] = []

    def make(service, name: str) -> threading.Event:
        release = threading.Event()
        events.append(release)
        original = getattr(service, name)

        def waiting(*args, **kwargs):
            release.wait(10)
            return original(*args, **kwargs)

        monkeypatch.setattr(service, name, waiting)
        return release

    yield make
    for release in events:
        release.set()
