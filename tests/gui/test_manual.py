"""Trợ giúp → Hướng dẫn sử dụng opens the shipped Vietnamese manual; the manual holds together offline."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from ocop_desktop.gui import help_manual
from ocop_desktop.paths import resources_dir

MANUAL = resources_dir() / "manual"
TRANSLATIONS = resources_dir() / "translations"


@pytest.fixture
def window(qtbot, db, make_uow, tmp_path, vietnamese):
    from ocop_desktop.app import build_main_window
    from ocop_desktop.gui.ui_settings import UiSettings

    win = build_main_window(db, UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)),
                            ask_first_run=False)
    qtbot.addWidget(win)
    yield win
    win.jobs.wait()


def test_the_help_menu_offers_the_manual_in_vietnamese_on_f1(window):
    menu = window.ui.menuHelp
    assert menu.title() == "Trợ &giúp"
    action = window.ui.actionUserManual
    assert action in menu.actions() and action.isVisible()
    assert action.text() == "Hướng dẫn sử dụng"
    assert action.shortcut().toString() == "F1"


def test_choosing_it_opens_the_shipped_index_page(window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.ui.actionUserManual.trigger()
    assert len(opened) == 1
    path = Path(opened[0].toLocalFile())
    assert opened[0].isLocalFile() and path == MANUAL / "index.html"
    assert path.is_file() and "Hướng dẫn sử dụng" in path.read_text("utf-8")


def _close_next_message(seen: list[str]) -> None:
    def close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.close()
        else:
            QTimer.singleShot(20, close)
    QTimer.singleShot(20, close)


def test_a_missing_manual_is_named_in_vietnamese(qtbot, tmp_path, vietnamese):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    missing = tmp_path / "manual" / "index.html"
    opened, seen = [], []
    command = help_manual.manual_command(index=lambda: missing, open_url=lambda url: opened.append(url) or True)
    _close_next_message(seen)
    command(parent)
    assert opened == []
    assert len(seen) == 1 and seen[0].startswith("Không tìm thấy hướng dẫn sử dụng tại ") and str(missing) in seen[0]


def test_a_browser_that_does_not_open_is_explained(qtbot, tmp_path, vietnamese):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []
    _close_next_message(seen)
    help_manual.manual_command(open_url=lambda url: False)(parent)
    assert len(seen) == 1 and "trình duyệt web" in seen[0] and str(MANUAL / "index.html") in seen[0]


def test_the_manual_is_found_in_the_resources_folder_wherever_it_is():
    assert help_manual.manual_index() == MANUAL / "index.html"
    assert help_manual.manual_index(lambda: Path("/opt/ocop/resources")) == Path("/opt/ocop/resources/manual/index.html")
