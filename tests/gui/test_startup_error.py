"""A failure before the main window exists is shown in a Vietnamese window that offers another file."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from ocop_desktop import app as app_module
from ocop_desktop.gui.startup_error import StartupErrorDialog
from ocop_desktop.gui.ui_settings import UiSettings
from ocop_desktop.instance_lock import WriterLock

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")
# /proc/x cannot be created on Linux; on Windows "/proc/x" is an ordinary folder of the current drive.
LINUX_PROC = pytest.mark.skipif(sys.platform == "win32", reason="needs Linux's /proc, where no folder can be made")


@pytest.fixture
def ui_settings(tmp_path):
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def shown(monkeypatch):
    """Each dialog shown is recorded in ``seen``; the user presses "choose" or, by default, quit."""
    shown = SimpleNamespace(seen=[], presses=[])

    def exec_(dialog):
        shown.seen.append(
            {
                "title": dialog.windowTitle(),
                "text": dialog.text(),
                "info": dialog.informativeText(),
                "buttons": [b.text() for b in dialog.buttons()],
            }
        )
        press = shown.presses.pop(0) if shown.presses else "quit"
        (dialog.choose_button if press == "choose" else dialog.quit_button).click()
        return 0

    monkeypatch.setattr(StartupErrorDialog, "exec", exec_)
    return shown


def _no_build(*_args, **_kw):
    raise AssertionError("no window may be built for a file that cannot be opened")


@LINUX_PROC
def test_a_folder_that_cannot_be_created_shows_the_vietnamese_dialog(qapp, vietnamese, ui_settings, shown):
    result = app_module.start_window(qapp, Path("/proc/x/y.db"), ui_settings, build=_no_build)

    assert result == 1  # the user pressed Thoát: the program ends, without a traceback
    [dialog] = shown.seen
    assert dialog["title"] == "OCOP Desktop chưa khởi động được"
    assert dialog["text"] == "OCOP Desktop không mở được tệp dữ liệu /proc/x/y.db."
    assert "/proc/x" in dialog["info"] and "Dữ liệu không bị thay đổi" in dialog["info"]
    assert "Bạn có thể chọn tệp dữ liệu khác" in dialog["info"]
    assert dialog["buttons"] == ["Chọn tệp dữ liệu khác…", "Thoát"]


@LINUX_PROC
def test_the_window_says_what_the_ocop_command_says(qapp, ui_settings, capsys, monkeypatch):
    from ocop_desktop import cli

    told = []
    app_module.start_window(
        qapp, Path("/proc/x/y.db"), ui_settings, build=_no_build, ask_other=lambda message, _path: told.append(message)
    )
    capsys.readouterr()
    assert cli.main(["--db", "/proc/x/y.db", "products", "list"]) == 1
    assert capsys.readouterr().err.strip() == f"Lỗi: {told[0]}"


def test_a_read_only_folder_shows_the_dialog(qapp, vietnamese, ui_settings, shown, tmp_path, monkeypatch):
    folder = tmp_path / "khoa"
    folder.mkdir()
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):  # root writes anywhere: make the check see what a user would
        from ocop_desktop.persistence import database

        monkeypatch.setattr(database, "is_writable", lambda path: not str(path).startswith(str(folder)))
    try:
        result = app_module.start_window(qapp, folder / "ocop.db", ui_settings, build=_no_build)
    finally:
        folder.chmod(0o755)

    assert result == 1
    [dialog] = shown.seen
    assert "chỉ cho phép đọc" in dialog["info"] and str(folder / "ocop.db") in dialog["info"]
    assert not (folder / "ocop.db").exists()


def test_a_database_held_by_another_writer_names_it(qapp, vietnamese, ui_settings, shown, tmp_path, monkeypatch):
    monkeypatch.setenv("OCOP_LOCK_WAIT", "0")
    path = tmp_path / "ocop.db"
    with WriterLock(path, "ocop import survey").acquire():
        result = app_module.start_window(qapp, path, ui_settings, build=_no_build)
    assert result == 1
    [dialog] = shown.seen
    assert "ocop import survey" in dialog["info"] and "thao tác này không ghi gì" in dialog["info"]


@LINUX_PROC
def test_choosing_another_file_starts_with_that_file(qapp, vietnamese, ui_settings, shown, tmp_path, monkeypatch):
    other = tmp_path / "Tài liệu" / "ocop-xa"
    other.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **kw: (str(other), ""))
    shown.presses.append("choose")
    built = []

    def build(db, settings, ask_first_run=True, jobs=None, window=None):
        from ocop_desktop.app import build_main_window

        built.append(db.path)
        return build_main_window(db, settings, ask_first_run=False, jobs=jobs, window=window)

    opened = app_module.start_window(qapp, Path("/proc/x/y.db"), ui_settings, build=build, sample=True)
    try:
        assert isinstance(opened, app_module.Opened)
        assert built == [other.with_suffix(".db")]  # the name typed gets the .db ending
        assert len(shown.seen) == 1
        window = opened.window
        assert window.isVisible()
        assert str(other.with_suffix(".db")) in window.db_label.text()
        assert window.windowTitle() == "DỮ LIỆU MẪU (công văn Mường Ảng 2024)"
    finally:
        opened.window.close()
        opened.close()


def test_an_unexpected_error_is_shown_too(qapp, vietnamese, ui_settings, shown, tmp_path):
    def broken(*_a, **_kw):
        raise KeyError("office")

    assert app_module.start_window(qapp, tmp_path / "ocop.db", ui_settings, build=broken) == 1
    [dialog] = shown.seen
    assert "Lỗi không lường trước: KeyError" in dialog["info"]
    # nothing is left held: the same file opens at once afterwards
    with WriterLock(tmp_path / "ocop.db", "ocop check").acquire():
        pass


def test_the_dialog_opens_the_file_chooser(qapp, tmp_path, monkeypatch):
    asked = {}

    def choose(parent, caption, folder, filters, **kw):
        asked.update(caption=caption, folder=folder, options=kw.get("options"))
        return str(tmp_path / "new.db"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    dialog = StartupErrorDialog("Ổ đĩa đã đầy.", tmp_path / "ocop.db")
    assert dialog.choose_file() == tmp_path / "new.db"
    suggested = Path(asked["folder"])  # a new file in an existing folder, not the one that failed
    assert suggested.parent.is_dir() and suggested.suffix == ".db" and suggested != tmp_path / "ocop.db"
    assert asked["options"] == QFileDialog.Option.DontConfirmOverwrite  # an existing file is opened as is
