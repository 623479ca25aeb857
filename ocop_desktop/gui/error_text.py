"""The window's one error renderer: a failure as text for people, never an internal key or a bare traceback.

A known failure (a refused input, a full disk, a file in use) reads as the core's Vietnamese
message, its fields named by their labels (``services.errors.for_people``). Anything else is a
programming error: its traceback goes to the log and the user sees the «Lỗi không mong đợi»
dialog, which says what to do and copies the details (traceback, version) for whoever helps.
"""

from __future__ import annotations

import contextlib
import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QtMsgType, QUrl, qInstallMessageHandler
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop import __version__
from ocop_desktop.logging_setup import current_log_file, log_dir
from ocop_desktop.services.errors import for_people

log = logging.getLogger(__name__)


def traceback_of(exc: BaseException) -> str:
    """The traceback of ``exc``: the one a background job kept, else the exception's own."""
    kept = getattr(exc, "formatted_traceback", None)
    if kept:
        return kept
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def known_message(exc: BaseException) -> str | None:
    """The message of an expected failure, or None when ``exc`` is a programming error."""
    return for_people(exc)


def error_text(exc: BaseException) -> str:
    """One line for a status label: the core's message, or «Lỗi không mong đợi …» (and the
    traceback logged) for a programming error."""
    message = known_message(exc)
    if message is not None:
        return message
    log_unexpected(exc)
    return QCoreApplication.translate(
        "ErrorText",
        "Unexpected error (%1). Try again; if it happens again, send the log file "
        "(Help › Open log folder) to the person who supports OCOP Desktop.",
    ).replace("%1", type(exc).__name__)


def log_unexpected(exc: BaseException) -> None:
    """Write a programming error's traceback to the log, once per exception."""
    if getattr(exc, "_ocop_logged", False):
        return
    log.error("Unexpected error %s\n%s", type(exc).__name__, traceback_of(exc).rstrip())
    with contextlib.suppress(AttributeError):  # an exception type with __slots__
        exc._ocop_logged = True  # type: ignore[attr-defined]


def details_text(exc: BaseException) -> str:
    """What «Copy details» puts on the clipboard: the program, the system, the time, the traceback."""
    frozen = " (bundle)" if getattr(sys, "frozen", False) else ""
    return (
        f"OCOP Desktop {__version__}{frozen}\n"
        f"Python {platform.python_version()}, {platform.platform(terse=True)}\n"
        f"{datetime.now().astimezone().isoformat(timespec='seconds')}\n\n"
        f"{traceback_of(exc).rstrip()}\n"
    )


class UnexpectedErrorDialog(QDialog):
    """«Lỗi không mong đợi»: what happened, what to do, and «Sao chép chi tiết»."""

    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details_text(exc)
        self.setWindowTitle(self.tr("Unexpected error"))
        layout = QVBoxLayout(self)
        self.message = QLabel(
            self.tr(
                "Unexpected error: OCOP Desktop could not finish this action. The data saved before it are not "
                "affected.\n\nTry again. If it happens again, press «Copy details» and send the text (pasted into "
                "an e-mail or a message) to the person who supports OCOP Desktop. The details are also in the log "
                "(Help › Open log folder)."
            )
        )
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.details_view = QPlainTextEdit(self.details)
        self.details_view.setReadOnly(True)
        self.details_view.setMaximumHeight(160)
        layout.addWidget(self.details_view)
        self.copied = QLabel()
        layout.addWidget(self.copied)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)  # copies, stays open
        self.close_button = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.close_button.setDefault(True)
        self.resize(560, self.sizeHint().height())

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copied.setText(self.tr("The details were copied; paste them into your message."))


_open: list[UnexpectedErrorDialog] = []  # dialogs without a parent, kept alive while shown


def show_unexpected(parent: QWidget | None, exc: BaseException) -> UnexpectedErrorDialog:
    """Log ``exc`` and show the dialog, window-modal and without blocking (a job's callback
    returns at once; a test finds the dialog open)."""
    log_unexpected(exc)
    dialog = UnexpectedErrorDialog(exc, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:
        _open.append(dialog)
        dialog.finished.connect(lambda _r: _open.remove(dialog) if dialog in _open else None)
    dialog.open()
    return dialog


def report_error(
    parent: QWidget | None,
    exc: BaseException,
    show: Callable[[str], None] | None = None,
    title: str | None = None,
    line_for_unexpected: bool = True,
) -> None:
    """The one way a page shows a failure. A known one goes to ``show`` (a status line, the
    field's label), else to a warning box; an unexpected one opens «Lỗi không mong đợi», and
    ``show`` gets its one-line version too (so no «Đang lưu…» is left standing) unless
    ``line_for_unexpected`` is False (``show`` opens a box of its own)."""
    message = known_message(exc)
    if message is None:
        if show is not None and line_for_unexpected:
            show(error_text(exc))
        show_unexpected(parent, exc)
    elif show is not None:
        show(message)
    else:
        QMessageBox.warning(parent, title or QGuiApplication.applicationDisplayName() or "OCOP Desktop", message)


# -- the log folder and what has no stderr -------------------------------------------------------
def _open_url(url: QUrl) -> bool:
    # Looked up at call time, so a test can replace QDesktopServices.openUrl.
    return QDesktopServices.openUrl(url)


def log_folder_command(
    folder: Callable[[], object] | None = None, open_url: Callable[[QUrl], bool] = _open_url
) -> Callable[[QWidget], None]:
    """Trợ giúp → Mở thư mục nhật ký: the folder of the log files in the file manager."""

    def run(parent: QWidget) -> None:
        current = current_log_file()
        path = Path(str(folder())) if folder is not None else (current.parent if current else log_dir())
        with contextlib.suppress(OSError):  # a read-only profile: the box below names the folder all the same
            path.mkdir(parents=True, exist_ok=True)  # nothing logged yet: the folder is still shown
        if not path.is_dir() or not open_url(QUrl.fromLocalFile(str(path))):
            QMessageBox.information(
                parent,
                QCoreApplication.translate("ErrorText", "Log folder"),
                QCoreApplication.translate("ErrorText", "The log folder is %1. Open it in the file manager.").replace(
                    "%1", str(path)
                ),
            )

    return run


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def install_qt_message_handler():
    """Qt's warnings and critical messages to the log, then to the handler before (Qt's own
    prints to stderr, when there is one). Returns that handler, to put it back."""
    qt_log = logging.getLogger("ocop_desktop.qt")
    previous = None

    def handler(kind: QtMsgType, context, message: str) -> None:
        level = _QT_LEVELS.get(kind, logging.WARNING)
        if level >= logging.WARNING:
            category = getattr(context, "category", None)
            where = f" ({category})" if category not in (None, "", "default") else ""
            qt_log.log(level, "%s%s", message, where)
        if previous is not None:
            previous(kind, context, message)
        elif sys.stderr is not None and level >= logging.WARNING:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    return previous


def install_gui_excepthook() -> None:
    """An exception escaping a slot on the UI thread is logged (by the hook installed with the log)
    and shown in the «Lỗi không mong đợi» dialog instead of vanishing."""
    previous = sys.excepthook

    def hook(kind, value, tb) -> None:
        previous(kind, value, tb)
        if (
            isinstance(value, Exception)
            and threading.current_thread() is threading.main_thread()
            and QApplication.instance() is not None
        ):
            try:
                value._ocop_logged = True  # the hook before this one logged it
                show_unexpected(QApplication.activeWindow(), value)
            except Exception:  # never an error while showing an error
                log.exception("Could not show the unexpected-error dialog")

    sys.excepthook = hook
