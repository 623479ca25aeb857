"""Trợ giúp → Mở dữ liệu mẫu: the sample in its own file and its own window, the user's data untouched."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtWidgets import QMessageBox, QWidget

from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.jobs import JobRunner


def program_command(db_path: Path) -> tuple[str, list[str]]:
    """How to start another copy of this program on ``db_path`` as the sample."""
    args = ["--db", str(db_path), "--sample"]
    if getattr(sys, "frozen", False):  # the installed .exe starts itself
        return sys.executable, args
    return sys.executable, ["-m", "ocop_desktop", *args]


def start_detached(program: str, args: list[str]) -> bool:
    started = QProcess.startDetached(program, args)
    return bool(started[0] if isinstance(started, tuple) else started)


def sample_command(
    jobs: JobRunner, prepare: Callable[[], Path], launch: Callable[[str, list[str]], bool] = start_detached
) -> Callable[[QWidget], None]:
    """The menu command: build the sample file off the UI thread, then open it in a new process,
    so a mistake typed in the sample can never land in the user's own file."""

    def failed(parent: QWidget, reason: str) -> None:
        text = QCoreApplication.translate("OpenSample", "The sample data could not be opened: %1")
        QMessageBox.warning(parent, QCoreApplication.translate("OpenSample", "Sample data"), text.replace("%1", reason))

    def ready(parent: QWidget, path: Path) -> None:
        program, args = program_command(path)
        if not launch(program, args):
            reason = QCoreApplication.translate("OpenSample", "the program %1 could not be started.")
            failed(parent, reason.replace("%1", program))

    def run(parent: QWidget) -> None:
        status = getattr(parent, "statusBar", None)
        if status is not None:
            status().showMessage(QCoreApplication.translate("OpenSample", "Preparing the sample data…"), 5000)
        jobs.run(
            lambda _progress, _cancel: prepare(),
            on_done=lambda path: ready(parent, path),
            on_error=lambda exc: report_error(
                parent, exc, show=lambda reason: failed(parent, reason), line_for_unexpected=False
            ),
        )

    return run
