"""The log file: where it is, what a line looks like, rotation, uncaught exceptions, the `ocop` command."""

from __future__ import annotations

import re
import sys
import threading

import pytest

from ocop_desktop import logging_setup
from ocop_desktop.logging_setup import (
    CLI_LOG,
    GUI_LOG,
    close_logging,
    log_dir,
    setup_logging,
)

ISO_LINE = re.compile(
    r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d (INFO|WARNING|ERROR|CRITICAL) [\w.]+: ", re.MULTILINE
)


@pytest.fixture
def logs(tmp_path):
    """The log written to a folder of this test; detached afterwards (the next setup re-attaches)."""
    folder = tmp_path / "logs"
    yield folder
    close_logging()


def _broken_total(values):
    return sum(values) / len([v for v in values if v > 10])


def test_the_folder_is_the_variable_else_logs_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("OCOP_LOG_DIR", str(tmp_path / "x"))
    assert log_dir() == tmp_path / "x"
    assert log_dir(tmp_path / "y") == tmp_path / "y"
    monkeypatch.delenv("OCOP_LOG_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from ocop_desktop.paths import default_db_path, user_data_dir

    if sys.platform.startswith("linux"):
        assert log_dir() == tmp_path / "data" / "ocop" / "ocop-desktop" / "logs"
    monkeypatch.delenv("OCOP_DB", raising=False)
    assert log_dir() == user_data_dir() / "logs" == default_db_path().parent / "logs"  # beside ocop.db


def test_a_line_has_an_iso_time_the_level_the_module_and_the_traceback(logs):
    path = setup_logging(GUI_LOG, logs)
    assert path == (logs / GUI_LOG).resolve()
    import logging

    logging.getLogger("ocop_desktop.services.products").info("Product %s archived", "3f2a")
    try:
        _broken_total([1, 2])
    except ZeroDivisionError as exc:
        logging_setup.log_exception(exc, logger="ocop_desktop.gui.products.page")
    text = path.read_text("utf-8")
    lines = ISO_LINE.findall(text)
    assert lines == ["INFO", "ERROR"]
    assert " INFO ocop_desktop.services.products: Product 3f2a archived\n" in text
    assert " ERROR ocop_desktop.gui.products.page: Unexpected error: ZeroDivisionError\nTraceback" in text
    assert "in _broken_total" in text and "ZeroDivisionError: division by zero" in text


def test_setting_up_twice_adds_no_second_handler_and_a_new_folder_replaces_the_old(logs, tmp_path):
    import logging

    first = setup_logging(CLI_LOG, logs)
    assert setup_logging(CLI_LOG, logs) == first
    ours = [h for h in logging.getLogger().handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert len(ours) == 1
    second = setup_logging(CLI_LOG, tmp_path / "other")
    logging.getLogger("ocop_desktop").warning("once")
    assert second.read_text("utf-8").count("once") == 1 and not first.exists()


def test_the_file_rotates_and_keeps_at_most_five_old_copies(logs, monkeypatch):
    import logging

    monkeypatch.setattr(logging_setup, "MAX_BYTES", 2_000)
    path = setup_logging(CLI_LOG, logs)
    for i in range(400):
        logging.getLogger("ocop_desktop.cli").info("ocop products list %d", i)
    files = sorted(p.name for p in logs.iterdir())
    assert files == [CLI_LOG] + [f"{CLI_LOG}.{n}" for n in range(1, 6)]
    assert all(p.stat().st_size <= 2_000 for p in logs.iterdir())
    assert path.read_text("utf-8").rstrip().endswith("ocop products list 399")


def test_a_folder_that_cannot_be_made_leaves_the_program_running_without_a_log(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert setup_logging(CLI_LOG, blocker / "logs") is None
    import logging

    logging.getLogger("ocop_desktop.cli").error("nowhere to go")  # not to stderr either
    assert capsys.readouterr().err == ""


def test_uncaught_exceptions_of_any_thread_go_to_the_log(logs, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", lambda *a: None)  # what was there before: called, and put back
    monkeypatch.setattr(threading, "excepthook", lambda args: None)
    path = setup_logging(GUI_LOG, logs)
    logging_setup.install_exception_hooks()
    try:
        _broken_total([3])
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    worker = threading.Thread(target=_broken_total, args=([4],), name="worker-7")
    worker.start()
    worker.join()
    text = path.read_text("utf-8")
    assert "CRITICAL ocop_desktop.uncaught: Uncaught exception\nTraceback" in text
    assert "CRITICAL ocop_desktop.uncaught: Uncaught exception in thread worker-7\nTraceback" in text
    assert text.count("in _broken_total") == 2


def test_ocop_logs_the_command_and_the_traceback_of_a_failure_but_not_what_was_typed(tmp_path, monkeypatch, capsys):
    from ocop_desktop import cli
    from ocop_desktop.services.products import ProductService  # the class `ocop products list` uses

    monkeypatch.setenv("OCOP_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.delenv("OCOP_DEBUG", raising=False)
    db = str(tmp_path / "ocop.db")
    try:
        assert cli.main(["--db", db, "products", "list", "--search", "phin hồ"]) == 0

        def broken(*_a, **_k):
            return {}["stars"]

        monkeypatch.setattr(ProductService, "list", broken)
        assert cli.main(["--db", db, "products", "list", "--search", "phin hồ"]) == 1
    finally:
        close_logging()
    err = capsys.readouterr().err
    assert "Traceback" not in err  # the terminal gets one sentence; the log the details
    text = (tmp_path / "logs" / CLI_LOG).read_text("utf-8")
    assert ISO_LINE.findall(text) == ["INFO", "INFO", "ERROR"]
    assert " ERROR ocop_desktop.cli: ocop products list failed\nTraceback" in text
    assert "in broken" in text and "KeyError: 'stars'" in text
    assert "phin" not in text  # the search typed is not logged


def test_a_native_crash_leaves_the_python_stack_in_the_crash_log(tmp_path):
    import subprocess

    script = (
        "from ocop_desktop.logging_setup import enable_crash_log\n"
        f"enable_crash_log(directory={str(tmp_path)!r})\n"
        "import ctypes\n"
        "def read_the_widget():\n"
        "    ctypes.string_at(0)\n"  # what a crash inside Qt looks like to Python
        "read_the_widget()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    text = (tmp_path / logging_setup.CRASH_LOG).read_text("utf-8")
    assert "Segmentation fault" in text or "access violation" in text  # Linux / Windows
    assert "read_the_widget" in text
