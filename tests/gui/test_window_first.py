"""Start-up shows the window first: the check, the reference reload and the backup run behind it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ocop_desktop import app as app_module
from ocop_desktop.gui.ui_settings import UiSettings
from ocop_desktop.persistence import database as database_module
from ocop_desktop.persistence.database import open_database
from tests import databases

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def ui_settings(tmp_path):
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def office_db(tmp_path) -> Path:
    path = tmp_path / "ocop.db"
    databases.copy_template(path, databases.REFERENCE)
    db = open_database(path)
    db.close()
    return path


def _fail(message, _path):
    raise AssertionError(message)


def test_the_window_is_shown_while_the_check_is_still_running(
    qapp, qtbot, vietnamese, office_db, ui_settings, monkeypatch
):
    release = threading.Event()
    real_check = database_module.integrity_at_open

    def slow_check(path):
        release.wait(30)  # the check is held until the test has looked at the window
        return real_check(path)

    monkeypatch.setattr("ocop_desktop.startup.integrity_at_open", slow_check)
    opened = app_module.start_window(qapp, office_db, ui_settings, sample=True, ask_other=_fail)
    try:
        assert isinstance(opened, app_module.Opened)
        window = opened.window
        assert window.isVisible()  # shown before the check finished
        assert window.statusBar().currentMessage() == "Đang kiểm tra tệp dữ liệu…"
        assert window.jobs.active() > 0
        release.set()
        qtbot.waitUntil(lambda: window.jobs.active() == 0, timeout=30_000)
        assert window.statusBar().currentMessage() == "Sẵn sàng"
    finally:
        release.set()
        opened.window.close()
        opened.close()


def test_a_file_found_damaged_behind_the_window_is_not_written(qapp, office_db, ui_settings, monkeypatch):
    from ocop_desktop.persistence.database import DamagedDatabaseError

    offered, shown = [], threading.Event()

    def damaged_check(path):
        shown.wait(30)  # found once the window is up, as on a large file
        raise DamagedDatabaseError(path, ["trang 7 hỏng"], None)

    monkeypatch.setattr("ocop_desktop.startup.integrity_at_open", damaged_check)
    monkeypatch.setattr(
        "ocop_desktop.gui.safety.damaged_dialog.offer_restore", lambda path, problems, *a: offered.append(problems)
    )
    monkeypatch.setattr("ocop_desktop.gui.jobs.report_error", lambda *a, **kw: None)  # the pages' refused reads
    monkeypatch.setattr("ocop_desktop.gui.error_text.report_error", lambda *a, **kw: None)
    monkeypatch.setattr(qapp, "quit", lambda: None)
    before = office_db.read_bytes()
    opened = app_module.start_window(qapp, office_db, ui_settings, sample=True, ask_other=_fail)
    window = opened.window
    assert window.isVisible()
    shown.set()
    end = 0
    while not offered and end < 3000:
        qapp.processEvents()
        window.jobs.wait(10)
        end += 1
    assert offered == [["trang 7 hỏng"]]
    assert not window.isVisible()
    assert not list(office_db.parent.glob("backups/*"))  # no daily copy of a damaged file
    assert office_db.read_bytes() == before


def _start_in_a_process(office_db: Path, before: str, after: str):
    """Start the window on ``office_db`` in a fresh process (what is imported is the point), running
    ``before`` ahead of start_window and ``after`` once the first reads are done (``opened``,
    ``app``); the JSON ``after`` prints last is returned."""
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from ocop_desktop import app as app_module\n"
        "from ocop_desktop.gui.ui_settings import UiSettings\n"
        f"path = Path({str(office_db)!r})\n"
        "settings = UiSettings(QSettings(str(path.with_suffix('.ini')), QSettings.Format.IniFormat))\n"
        f"{before}"
        "opened = app_module.start_window(app, path, settings, sample=True, ask_other=lambda *a: None)\n"
        "opened.window.jobs.wait()\n"
        "app.processEvents()\n"
        f"{after}"
        "opened.window.close(); opened.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_first_screen_loads_no_library_of_a_later_dialog(office_db):
    """Excel, PDF, packages and evaluations load when a dialog first needs them, not at start."""
    visible, loaded = _start_in_a_process(
        office_db,
        "",
        "heavy = ('openpyxl', 'reportlab', 'pypdfium2', 'xlsxwriter', 'alembic', 'mako',\n"
        "         'ocop_desktop.services.exchange', 'ocop_desktop.services.evaluation')\n"
        "print(json.dumps([opened.window.isVisible(), [m for m in heavy if m in sys.modules]]))\n",
    )
    assert visible and loaded == []


def test_the_shell_is_shown_before_the_database_libraries_load(office_db):
    """The window the user sees first (menus, tabs, the start page's layout) needs neither SQLAlchemy
    nor any service: it is on screen while they load, and the pages arrive in it after."""
    first, after = _start_in_a_process(
        office_db,
        "from ocop_desktop.gui import main_window\n"
        "from ocop_desktop.gui.i18n import install_translators\n"
        "install_translators(app, 'vi')\n"
        "seen = []\n"
        "real_show = main_window.MainWindow.show\n"
        "def show(self):\n"
        "    real_show(self)\n"
        "    tabs = self.ui.tabs\n"
        "    seen.append(['sqlalchemy' in sys.modules, [tabs.tabText(i) for i in range(tabs.count())],\n"
        "                 [tabs.isTabEnabled(i) for i in range(tabs.count())], self.statusBar().currentMessage(),\n"
        "                 self.ui.actionSendPackage.isEnabled()])\n"
        "main_window.MainWindow.show = show\n",
        "w = opened.window\n"
        "tabs = w.ui.tabs\n"
        "pages = [w.start, w.products, w.pipeline, w.surveys, w.tasks, w.activities]\n"
        "after = [[tabs.widget(i) is p for i, p in enumerate(pages)], [tabs.isTabEnabled(i) for i in range(6)],\n"
        "         tabs.count(), w.ui.actionSendPackage.isEnabled()]\n"
        "print(json.dumps([seen[0], after]))\n",
    )
    loaded, titles, enabled, status, send_enabled = first
    assert not loaded  # shown before SQLAlchemy was imported
    assert titles == ["Trang chính", "Sản phẩm OCOP", "Lộ trình", "Rà soát sản phẩm", "Nhiệm vụ", "Hoạt động"]
    assert enabled == [True] + [False] * 5 and not send_enabled  # nothing to open yet
    assert status == "Đang mở tệp dữ liệu…"
    assert after == [[True] * 6, [True] * 6, 6, True]  # the same window, its pages and commands in place
