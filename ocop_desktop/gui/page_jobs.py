"""The one way a page or dialog calls the core: reads and writes as background jobs it owns.

Built on :class:`JobRunner` (one database thread, so jobs run in the order they were asked).
``read(key, fn, on_done)``: a newer read of the same key supersedes the older one — a read
still queued never runs, one already running has its result dropped. ``write(fn, on_done,
controls=…)``: the controls are disabled until it ends, so the same save cannot be sent
twice. Callbacks run on the UI thread and never after the owner was deleted. A failure goes
to the page's one error handler, a save refused as stale (StaleDataError) to its one
staleness handler (see ``stale_handler``), unless the call gives its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ocop_desktop.domain.validation import StaleDataError
from ocop_desktop.gui.jobs import Job, JobRunner

T = TypeVar("T")
ErrorHandler = Callable[[Exception], None]


class PageJobs(QObject):
    """The jobs of one page or dialog (the ``owner``); ``busy_changed`` follows whether any runs."""

    busy_changed = Signal(bool)

    def __init__(
        self,
        runner: JobRunner,
        owner: QWidget,
        on_error: ErrorHandler,
        on_stale: Callable[[StaleDataError], None] | None = None,
    ) -> None:
        super().__init__(owner)
        self._runner, self._owner = runner, owner
        self._on_error, self._on_stale = on_error, on_stale
        self._reads: dict[str, Job] = {}
        self._pending = 0

    # -- the two calls ---------------------------------------------------------------------------
    def read(
        self, key: str, fn: Callable[[], T], on_done: Callable[[T], None], on_error: ErrorHandler | None = None
    ) -> Job:
        """Run ``fn`` off the UI thread; only the newest read of ``key`` reaches ``on_done``."""
        older = self._reads.get(key)
        if older is not None and not older.done:
            older.cancel()
        job = self._start(fn, on_done, on_error, lambda: None)
        self._reads[key] = job
        return job

    def write(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: ErrorHandler | None = None,
        controls: Iterable[QWidget] = (),
    ) -> Job:
        """Run a save off the UI thread with ``controls`` disabled until it ends."""
        disabled = [w for w in controls if w is not None and w.isEnabled()]
        for widget in disabled:
            widget.setEnabled(False)

        def enable() -> None:
            for widget in disabled:
                if shiboken6.isValid(widget):
                    widget.setEnabled(True)

        return self._start(fn, on_done, on_error, enable)

    def busy(self) -> bool:
        """Whether a job of this page still runs (tests wait for this to turn False)."""
        return self._pending > 0

    def cancel_reads(self, key: str | None = None) -> None:
        """Drop the reads of ``key`` (all of them without one) still in flight: nothing wants them now."""
        for name, job in self._reads.items():
            if key is None or name == key:
                job.cancel()

    # -- the rest ---------------------------------------------------------------------------------
    def _start(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: ErrorHandler | None,
        after: Callable[[], None],
    ) -> Job:
        self._set_pending(+1)
        alive = self._alive

        def work(_progress, cancel):
            cancel.raise_if_cancelled()  # superseded while it waited for the database thread
            return fn()

        def finish() -> bool:
            if not alive():
                return False
            self._set_pending(-1)
            after()
            return True

        def done(result: Any) -> None:
            if finish():
                on_done(result)

        def failed(exc: Exception) -> None:
            if finish():
                self._fail(exc, on_error)

        def cancelled() -> None:
            finish()

        return self._runner.run(work, on_done=done, on_error=failed, on_cancelled=cancelled)

    def _alive(self) -> bool:
        return shiboken6.isValid(self) and shiboken6.isValid(self._owner)

    def _fail(self, exc: Exception, on_error: ErrorHandler | None) -> None:
        if on_error is not None:
            on_error(exc)
        elif isinstance(exc, StaleDataError) and self._on_stale is not None:
            self._on_stale(exc)
        else:
            self._on_error(exc)

    def _set_pending(self, step: int) -> None:
        before = self._pending > 0
        self._pending += step
        if (self._pending > 0) != before:
            self.busy_changed.emit(self._pending > 0)
