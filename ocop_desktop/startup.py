"""The slow parts of start-up, run on the window's database thread after the window is shown.

The integrity check, the reference reload (only when the shipped files changed) and the daily
backup are jobs: the window appears first and its status bar says what is being done. The
database thread runs jobs in the order they were asked, so the check and the reload are queued
before any page's read or any save: nothing is written to a file before it passed the check."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.persistence.database import DamagedDatabaseError, Database, integrity_at_open


class Startup(QObject):
    """Queues the start-up jobs; ``message`` says which step runs ("check", "reference", "loading",
    "backup"; "" when done: the window words them) and ``damaged`` carries the error of a file
    that failed the check run in the background."""

    message = Signal(str)
    damaged = Signal(object)

    def __init__(self, db: Database, jobs: JobRunner, check: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db, self._jobs = db, jobs
        self.text = ""
        self.done = False
        self.refused: DamagedDatabaseError | None = None  # set on the database thread, read there
        self._say("check" if check else "loading")

        def first(progress: Callable[[int, int, str], None], _token: Any) -> None:
            if check:
                try:
                    integrity_at_open(db.path)
                except DamagedDatabaseError as exc:
                    self.refused = exc
                    db.refuse(exc)  # jobs already queued behind this one write nothing
                    raise
            progress(1, 2, "reference")
            from ocop_desktop.services.reference_reload import reload_if_changed

            reload_if_changed(db.uow_factory())

        jobs.run(
            first,
            on_done=lambda _r: self._say("loading"),
            on_error=self._failed,
            on_progress=lambda _d, _t, _step: self._say("reference"),
        )

    def _say(self, text: str) -> None:
        self.text = text
        self.message.emit(text)

    def _failed(self, exc: Exception) -> None:
        self._say("")
        if isinstance(exc, DamagedDatabaseError):
            self.damaged.emit(exc)
        else:
            from ocop_desktop.gui.error_text import report_error

            report_error(None, exc)

    def after_first_reads(
        self, due: Callable[[], bool], backup: Callable[[], object], warn: Callable[[Exception], None]
    ) -> None:
        """Queue the daily backup behind the pages' first reads; then the status bar is cleared."""

        def finished(_result: object = None) -> None:
            self.done = True
            self._say("")

        def failed(exc: Exception) -> None:
            finished()
            if isinstance(exc, OSError):  # a failed daily copy must not stop the day's work
                warn(exc)
            elif not isinstance(exc, DamagedDatabaseError):
                from ocop_desktop.gui.error_text import report_error

                report_error(None, exc)

        def run(progress: Callable[[int, int, str], None], _token: Any) -> object:
            if self.refused is not None or not due():
                return None  # no daily copy of a damaged file (the copy would pass for a good one)
            progress(0, 1, "backup")  # the reads queued before it have finished by now
            return backup()

        self._jobs.run(
            run,
            on_done=lambda _r: finished(),
            on_error=failed,
            on_progress=lambda _d, _t, _step: self._say("backup"),
        )
