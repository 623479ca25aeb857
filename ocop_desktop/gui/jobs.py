"""One helper for background work: jobs run off the UI thread, report progress, can be cancelled.

A job is a plain function ``fn(progress, cancel) -> result`` that never touches a widget.
It receives ``progress(done, total, text)`` and a ``CancelToken``; callbacks run on the UI
thread. Each job opens its own unit of work through the services it calls.

A job that fails keeps its traceback (``exc.formatted_traceback``, see ``traceback_of``); an
unexpected failure is written to the log with it, and reaches ``on_error`` with it, or, when
the caller gave no ``on_error``, the «Lỗi không mong đợi» dialog (gui/error_text.py).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from ocop_desktop.exports.report_model import ExportCancelled
from ocop_desktop.gui.error_text import (
    known_message,
    log_unexpected,
    report_error,
    traceback_of,
)

log = logging.getLogger(__name__)
__all__ = ["CancelToken", "Cancelled", "Job", "JobRunner", "traceback_of"]


class Cancelled(Exception):
    """Raised inside a job when the user cancelled it."""


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable, signals: _Signals, token: CancelToken) -> None:
        super().__init__()
        self._fn, self._signals, self._token = fn, signals, token
        self.setAutoDelete(True)

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self._fn(self._signals.progress.emit, self._token)
        except Cancelled:
            self._signals.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 (delivered to the UI thread, shown to the user there)
            exc.formatted_traceback = traceback.format_exc()  # type: ignore[attr-defined]
            _log_failure(exc)
            self._signals.failed.emit(exc)
        else:
            if self._token.cancelled:
                self._signals.cancelled.emit()
            else:
                self._signals.finished.emit(result)


def _log_failure(exc: Exception) -> None:
    """A refusal the user will read is noted by its kind only (its text may quote what was typed);
    a programming error is logged with its traceback, on the worker thread, before anything else."""
    try:
        expected = known_message(exc) is not None
    except Exception:  # noqa: BLE001 (classifying must never hide the failure itself)
        expected = False
    if isinstance(exc, ExportCancelled):  # the user's cancel, said by the page: no error
        log.info("Job cancelled")
    elif expected:
        log.info("Job refused: %s", type(exc).__name__)
    else:
        log_unexpected(exc)


class Job(QObject):
    """A running job; keep a reference to cancel it or to connect more slots."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self.signals = _Signals()
        self.done = False

    def cancel(self) -> None:
        self.token.cancel()


class JobRunner(QObject):
    """Runs jobs on a private pool. Database jobs share one thread so writes never race."""

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._jobs: set[Job] = set()

    def run(
        self,
        fn: Callable[[Callable[[int, int, str], None], CancelToken], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        error_parent: QWidget | None = None,
    ) -> Job:
        """Start ``fn`` on the pool. ``on_error(exc)`` gets a failure with its traceback kept
        (``traceback_of(exc)``); without it, the failure is shown over ``error_parent`` (or the
        active window) by the one error renderer."""
        job = Job(self)
        self._jobs.add(job)

        @Slot(object)
        def finished(result: Any) -> None:
            self._finish(job)
            if on_done:
                on_done(result)

        @Slot(object)
        def failed(exc: Exception) -> None:
            self._finish(job)
            if on_error:
                on_error(exc)
            else:
                report_error(error_parent or QApplication.activeWindow(), exc)

        @Slot()
        def cancelled() -> None:
            self._finish(job)
            if on_cancelled:
                on_cancelled()

        job.signals.finished.connect(finished)
        job.signals.failed.connect(failed)
        job.signals.cancelled.connect(cancelled)
        if on_progress:
            job.signals.progress.connect(on_progress)
        self._pool.start(_Runnable(fn, job.signals, job.token))
        return job

    def _finish(self, job: Job) -> None:
        job.done = True
        self._jobs.discard(job)

    def active(self) -> int:
        return len(self._jobs)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every job is done (used on shutdown and in tests)."""
        return self._pool.waitForDone(msecs)
