"""The log file: rotating, in the user data folder, for the window and the `ocop` command (no Qt here).

A line reads ``2026-12-02T10:42:07.125+07:00 ERROR ocop_desktop.gui.jobs: message`` followed by
the traceback, if any: ISO times, the level and module in English, so a support person reads the
same file whatever the window's language. Only actions, record ids and errors are logged, never
what a user typed into a field.

The window writes ``ocop-desktop.log`` and the terminal ``ocop-cli.log``: on Windows a file
another process holds open cannot be renamed, so two programs sharing one file would fail to
rotate it. Each file is kept under ``MAX_BYTES`` with ``BACKUP_COUNT`` older copies.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import threading
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from ocop_desktop import __version__
from ocop_desktop.paths import user_data_dir

LOG_DIR_ENV = "OCOP_LOG_DIR"  # tests (and a support person) point the log elsewhere
LOG_SUBDIR = "logs"
GUI_LOG = "ocop-desktop.log"
CLI_LOG = "ocop-cli.log"
CRASH_LOG = "ocop-desktop-crash.log"  # native crashes of the window (faulthandler), see enable_crash_log
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("ocop_desktop")
# Without a log file (its folder cannot be made) our records go nowhere, never to logging's
# last-resort stderr handler: the `ocop` command prints one Vietnamese sentence, not a traceback.
log.addHandler(logging.NullHandler())


class IsoFormatter(logging.Formatter):
    """ISO 8601 local time with milliseconds and the UTC offset: unambiguous across time zones."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return datetime.fromtimestamp(record.created).astimezone().isoformat(timespec="milliseconds")


def log_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The folder of the log files: ``explicit``, else $OCOP_LOG_DIR, else <user data>/logs."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(LOG_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return user_data_dir() / LOG_SUBDIR


class _OurHandler(RotatingFileHandler):
    """Marks the handler this module installed, so a second setup replaces it instead of adding one."""


def _current() -> _OurHandler | None:
    return next((h for h in logging.getLogger().handlers if isinstance(h, _OurHandler)), None)


def current_log_file() -> Path | None:
    """The file being written now, or None when no log file could be set up."""
    handler = _current()
    return Path(handler.baseFilename) if handler is not None else None


def setup_logging(filename: str = GUI_LOG, directory: str | os.PathLike[str] | None = None) -> Path | None:
    """Send our records (INFO and up) and everyone's warnings to the rotating file; idempotent.

    Returns the log file, or None when its folder cannot be made (a read-only profile): the
    program then runs without a log rather than not at all."""
    folder = log_dir(directory)
    path = (folder / filename).resolve()
    root = logging.getLogger()
    existing = _current()
    if existing is not None:
        if Path(existing.baseFilename) == path:
            return path
        root.removeHandler(existing)
        existing.close()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = _OurHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(IsoFormatter(FORMAT))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)  # libraries: warnings and errors only
    log.setLevel(logging.INFO)
    return path


_crash_file = None  # kept open for the life of the program: faulthandler writes to its descriptor


def enable_crash_log(filename: str = CRASH_LOG, directory: str | os.PathLike[str] | None = None) -> Path | None:
    """A crash inside Qt or another native library ends the process before any Python hook runs;
    faulthandler then writes the Python stack of every thread to this file (appended)."""
    global _crash_file
    import faulthandler

    path = log_dir(directory) / filename
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a", encoding="utf-8")  # noqa: SIM115 (open until the process ends)
    except OSError:
        return None
    if _crash_file is not None:
        _crash_file.close()
    _crash_file = handle
    faulthandler.enable(file=handle, all_threads=True)
    return path


def close_logging() -> None:
    """Detach and close the file (tests; a program that ends closes it by itself)."""
    handler = _current()
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()


def started(program: str) -> None:
    """One line at start: which program and version, on which system (no paths, no user names)."""
    frozen = " (bundle)" if getattr(sys, "frozen", False) else ""
    log.info(
        "%s %s%s started; Python %s on %s",
        program,
        __version__,
        frozen,
        platform.python_version(),
        # Not platform.platform(): it asks `uname -p` in a subprocess, ~10 ms before the window shows.
        f"{platform.system()} {platform.release()}",
    )


def log_exception(exc: BaseException, message: str = "Unexpected error", logger: str = "ocop_desktop") -> None:
    """Write ``exc`` with its traceback to the log."""
    logging.getLogger(logger).error("%s: %s", message, type(exc).__name__, exc_info=(type(exc), exc, exc.__traceback__))


def install_exception_hooks() -> None:
    """Uncaught exceptions of the main thread and of other threads go to the log as well as to
    wherever they went before (a windowed program on Windows has no stderr at all)."""
    previous_sys = sys.excepthook
    previous_thread = threading.excepthook
    if getattr(previous_sys, "_ocop_logs", False):
        return

    def sys_hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(kind, KeyboardInterrupt):
            logging.getLogger("ocop_desktop.uncaught").critical("Uncaught exception", exc_info=(kind, value, tb))
        if sys.stderr is not None:
            previous_sys(kind, value, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is not SystemExit and args.exc_value is not None:
            name = args.thread.name if args.thread is not None else "?"
            logging.getLogger("ocop_desktop.uncaught").critical(
                "Uncaught exception in thread %s", name, exc_info=(args.exc_type, args.exc_value, args.exc_traceback)
            )
        if sys.stderr is not None:
            previous_thread(args)

    sys_hook._ocop_logs = True  # type: ignore[attr-defined]
    sys.excepthook = sys_hook
    threading.excepthook = thread_hook
