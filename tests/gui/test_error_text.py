"""The one error renderer: known failures in the core's words, unexpected ones in «Lỗi không mong đợi»
with «Sao chép chi tiết» and their traceback in the log; Trợ giúp → Mở thư mục nhật ký."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, qWarning
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from ocop_desktop import __version__
from ocop_desktop.domain.validation import FieldError, ValidationError
from ocop_desktop.gui import error_text
from ocop_desktop.gui.error_text import (
    UnexpectedErrorDialog,
    report_error,
    traceback_of,
)
from ocop_desktop.gui.error_text import error_text as render
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.logging_setup import GUI_LOG, close_logging, setup_logging


@pytest.fixture
def log_file(tmp_path):
    path = setup_logging(GUI_LOG, tmp_path / "logs")
    yield path
    close_logging()


def _count_in_stock(rows):
    return sum(rows) // len([r for r in rows if r > 100])  # a programming error: no row above 100


def _dialog(parent: QWidget) -> UnexpectedErrorDialog | None:
    return parent.findChild(UnexpectedErrorDialog)


def test_a_failed_background_job_writes_its_traceback_to_the_log_and_shows_the_vietnamese_dialog(
    qtbot, vietnamese, log_file
):
    page = QWidget()
    qtbot.addWidget(page)
    runner = JobRunner()
    runner.run(lambda _p, _c: _count_in_stock([5, 7]), error_parent=page)
    qtbot.waitUntil(lambda: _dialog(page) is not None, timeout=5000)
    runner.wait()
    dialog = _dialog(page)
    assert dialog.windowTitle() == "Lỗi không mong đợi"
    assert dialog.message.text().startswith("Lỗi không mong đợi: OCOP Desktop không làm xong được thao tác này.")
    assert "bấm «Sao chép chi tiết»" in dialog.message.text()
    assert dialog.copy_button.text() == "Sao chép chi tiết" and dialog.close_button.text() == "Đóng"

    log = log_file.read_text("utf-8")
    assert re.search(
        r"^\d{4}-\d\d-\d\dT[\d:.]+[+-]\d\d:\d\d ERROR ocop_desktop\.gui\.error_text: "
        r"Unexpected error ZeroDivisionError\nTraceback",
        log,
        re.MULTILINE,
    )
    assert "in _count_in_stock" in log and "ZeroDivisionError: integer division or modulo by zero" in log
    assert log.count("Traceback") == 1  # logged once, on the worker thread, not again by the dialog

    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"OCOP Desktop {__version__}") and "in _count_in_stock" in copied
    assert dialog.isVisible() and dialog.copied.text().startswith("Đã sao chép chi tiết")  # still open
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_the_pages_error_handler_receives_the_exception_with_its_traceback(qtbot, log_file):
    runner = JobRunner()
    failures: list[Exception] = []
    runner.run(lambda _p, _c: _count_in_stock([1]), on_error=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert "in _count_in_stock" in traceback_of(failures[0])
    assert "in _count_in_stock" in log_file.read_text("utf-8")


def test_a_refused_save_reads_as_the_core_says_never_with_a_field_key(qtbot, log_file, monkeypatch):
    refused = ValidationError(
        [
            FieldError("status", "«Trạng thái» không có giá trị «xyz»"),
            FieldError("office_unit_id", "Chưa chọn «Đơn vị của máy này»"),
        ],
        record="Sản phẩm «Cà phê Hà Chung»",
    )
    text = render(refused)
    assert text == ("Sản phẩm «Cà phê Hà Chung»: «Trạng thái» không có giá trị «xyz»; Chưa chọn «Đơn vị của máy này».")
    assert "status" not in text and "office_unit_id" not in text

    page = QWidget()
    qtbot.addWidget(page)
    shown = QLabel(page)
    report_error(page, refused, show=shown.setText)
    assert shown.text() == text and _dialog(page) is None
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, message: boxes.append(message))
    report_error(page, refused)
    assert boxes == [text]
    assert not log_file.exists() or "Traceback" not in log_file.read_text("utf-8")  # a refusal is no bug


def test_a_full_disk_is_explained_not_called_unexpected(log_file):
    import errno

    text = render(OSError(errno.ENOSPC, "No space left on device", "E:\\ocop.db"))
    assert text.startswith("Ổ đĩa «E:\\ocop.db» đã đầy nên không ghi được.")


def test_a_status_line_for_an_unexpected_error_is_vietnamese_and_the_traceback_is_logged(vietnamese, log_file):
    try:
        _count_in_stock([])
    except ZeroDivisionError as exc:
        text = render(exc)
    assert text.startswith("Lỗi không mong đợi (ZeroDivisionError). Hãy thử lại;")
    assert "Trợ giúp › Mở thư mục nhật ký" in text
    assert "in _count_in_stock" in log_file.read_text("utf-8")


@pytest.mark.qt_log_ignore("a Qt warning for the log")
def test_qt_warnings_go_to_the_log(qtbot, log_file):
    from PySide6.QtCore import qInstallMessageHandler

    previous = error_text.install_qt_message_handler()
    try:
        qWarning("a Qt warning for the log")
    finally:
        qInstallMessageHandler(previous)
    assert " WARNING ocop_desktop.qt: a Qt warning for the log" in log_file.read_text("utf-8")


@pytest.fixture
def window(qtbot, db, make_uow, tmp_path, vietnamese):
    from ocop_desktop.app import build_main_window
    from ocop_desktop.gui.ui_settings import UiSettings

    win = build_main_window(
        db, UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)), ask_first_run=False
    )
    qtbot.addWidget(win)
    yield win
    win.jobs.wait()


def test_help_open_log_folder_opens_the_folder_the_log_is_written_in(window, log_file, monkeypatch):
    action = window.ui.actionOpenLogFolder
    assert action in window.ui.menuHelp.actions() and action.isVisible()
    assert action.text() == "Mở thư mục nhật ký"
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    action.trigger()
    assert [Path(u.toLocalFile()) for u in opened] == [log_file.parent]
    assert " INFO ocop_desktop.gui.main_window: Menu: actionOpenLogFolder\n" in log_file.read_text("utf-8")


def test_a_refusal_or_a_cancel_in_a_job_is_no_error_in_the_log(qtbot, log_file):
    from ocop_desktop.exports.report_model import ExportCancelled

    def refuse(_p, _c):
        raise ValidationError([FieldError("name", "Chưa nhập tên sản phẩm")], record="Sản phẩm «Bí mật»")

    def cancel(_p, _c):
        raise ExportCancelled()

    runner = JobRunner()
    failures: list[Exception] = []
    runner.run(refuse, on_error=failures.append)
    runner.run(cancel, on_error=failures.append)
    qtbot.waitUntil(lambda: len(failures) == 2, timeout=5000)
    log = log_file.read_text("utf-8")
    assert "INFO ocop_desktop.gui.jobs: Job refused: ValidationError" in log
    assert "INFO ocop_desktop.gui.jobs: Job cancelled" in log
    assert "Traceback" not in log and "ERROR" not in log and "Bí mật" not in log  # not what was typed


def test_a_page_showing_an_unexpected_error_gets_one_line_and_the_dialog(qtbot, vietnamese, log_file):
    page = QWidget()
    qtbot.addWidget(page)
    status = QLabel("Đang lưu…", page)
    try:
        _count_in_stock([])
    except ZeroDivisionError as exc:
        report_error(page, exc, show=lambda reason: status.setText(f"Không lưu được: {reason}"))
    assert status.text().startswith("Không lưu được: Lỗi không mong đợi (ZeroDivisionError).")
    assert _dialog(page) is not None and _dialog(page).isVisible()
    assert log_file.read_text("utf-8").count("Traceback") == 1


def test_an_exception_escaping_a_slot_is_logged_and_shown(qtbot, vietnamese, log_file, monkeypatch):
    import sys
    import threading

    from ocop_desktop import logging_setup

    monkeypatch.setattr(sys, "excepthook", lambda *a: None)  # put back afterwards, with what pytest-qt set
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(error_text, "_open", [])
    logging_setup.install_exception_hooks()
    error_text.install_gui_excepthook()
    try:
        _count_in_stock([2])
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())  # what Qt calls for an exception escaping a slot
    # Shown over the active window if there is one (another test's, on a shared worker), else alone.
    shown = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, error_text.UnexpectedErrorDialog) and w.isVisible() and w.windowTitle() == "Lỗi không mong đợi"
    ]
    assert len(shown) == 1
    shown[0].close()
    log = log_file.read_text("utf-8")
    assert "CRITICAL ocop_desktop.uncaught: Uncaught exception\nTraceback" in log and log.count("Traceback") == 1


def test_when_no_file_manager_opens_the_folder_its_path_is_said(qtbot, vietnamese, tmp_path, monkeypatch):
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text: said.append((title, text)))
    error_text.log_folder_command(folder=lambda: tmp_path / "logs", open_url=lambda _url: False)(None)
    expected = f"Thư mục nhật ký là {tmp_path / 'logs'}. Hãy mở thư mục này bằng trình quản lý tệp."
    assert said == [("Thư mục nhật ký", expected)]


def test_a_page_whose_read_fails_shows_the_dialog_and_the_log_has_the_traceback(qtbot, window, log_file, monkeypatch):
    from ocop_desktop.services.products import ProductService

    def broken_query(*_args, **_kwargs):
        return {}["sort_key"]  # a programming error in the core

    monkeypatch.setattr(ProductService, "uncounted_page", broken_query)  # what the registry reads first
    page = window.products
    page.refresh()  # the registry's read, a background job of the page
    qtbot.waitUntil(lambda: page.findChild(UnexpectedErrorDialog) is not None, timeout=10000)
    dialog = page.findChild(UnexpectedErrorDialog)
    assert dialog.windowTitle() == "Lỗi không mong đợi" and dialog.copy_button.text() == "Sao chép chi tiết"
    assert "in broken_query" in dialog.details
    log = log_file.read_text("utf-8")
    assert "in broken_query" in log and "KeyError: 'sort_key'" in log
