"""The window on a PostgreSQL server (issue 18): `ocop-desktop --db postgresql://…` opens the
server's database without the file's steps (lock, integrity check, daily copy), names the server
in its title and shows the server's products; a password libpq has not got is asked in a dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit, QMessageBox

from ocop_desktop import app as app_module
from ocop_desktop.gui import server_password
from ocop_desktop.gui.server_password import ServerPasswordDialog
from ocop_desktop.gui.ui_settings import UiSettings
from ocop_desktop.persistence.database import open_database
from ocop_desktop.services.products import ProductInput, ProductService
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.settings import save_office_settings
from tests import databases, pg

pytestmark = [pytest.mark.xdist_group("postgresql"), pytest.mark.qt_log_ignore(r"This plugin does not support")]
NAMES = ("Chè Shan tuyết Tủa Chùa", "Gạo nếp nương Điện Biên")


@pytest.fixture
def ui_settings(tmp_path):
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def server_db(pg_server):
    url = databases.server_copy(pg_server)
    db = open_database(url)
    try:
        make_uow = db.uow_factory(actor="Nguyễn Văn Kiểm")
        save_office_settings(make_uow, place_id("tinh-dien-bien"), "Nguyễn Văn Kiểm", "Chuyên viên")
        for name in NAMES:
            ProductService(make_uow).create(ProductInput(name=name))
    finally:
        db.close()
    yield url
    pg.drop_database(pg_server, url.rpartition("/")[2])


def _fail(message, _path):
    raise AssertionError(message)


def test_the_window_opens_a_server_database_and_shows_its_products(
    qapp, qtbot, vietnamese, ui_settings, server_db, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)  # nothing may land in the folder the program was started from
    monkeypatch.setattr(server_password, "ask_server_password", lambda *_a: pytest.fail("asked a password libpq had"))
    opened = app_module.start_window(qapp, server_db, ui_settings, ask_other=_fail)
    try:
        assert isinstance(opened, app_module.Opened) and opened.lock is None and opened.db.on_server
        window = opened.window
        qtbot.waitUntil(lambda: window.jobs.active() == 0 and not window.products.is_loading(), timeout=30_000)
        assert server_db.partition("//")[2] in window.windowTitle()
        assert server_db in window.db_label.text()
        shown = {window.products.model.index(r, 0).data() for r in range(window.products.model.rowCount())}
        assert set(NAMES) <= shown
        assert window.statusBar().currentMessage() == "Sẵn sàng"
        said = []
        monkeypatch.setattr(QMessageBox, "information", lambda _parent, title, text: said.append((title, text)))
        window.ui.actionBackups.trigger()  # no file copy on a server: the administrator's pg_dump
        assert said and said[0][0] == "Sao lưu" and "ocop backup" in said[0][1] and server_db in said[0][1]
    finally:
        opened.window.close()
        opened.close()
    assert [p.name for p in tmp_path.iterdir() if p.name != "ui.ini"] == []


def test_the_password_dialog_names_the_server_and_masks_what_is_typed(qtbot, vietnamese):
    dialog = ServerPasswordDialog("postgresql://tinh@may-chu:5432/ocop", "tinh", wrong=True)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.wrong)))
    assert "postgresql://tinh@may-chu:5432/ocop" in texts and "«tinh»" in texts
    assert "không nhận mật khẩu" in texts
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(dialog.password, "bi-mat-2026")
    assert dialog.password.text() == "bi-mat-2026" and "bi-mat" not in dialog.password.displayText()


def test_the_typed_password_is_handed_back_once_and_cancel_gives_none(qtbot, vietnamese, monkeypatch):
    answers = [
        ("bi-mat-2026", ServerPasswordDialog.DialogCode.Accepted),
        ("x", ServerPasswordDialog.DialogCode.Rejected),
    ]

    def exec_(dialog):
        typed, code = answers.pop(0)
        qtbot.keyClicks(dialog.password, typed)
        return code

    monkeypatch.setattr(ServerPasswordDialog, "exec", exec_)
    assert server_password.ask_server_password("postgresql://tinh@may-chu/ocop", "tinh", False) == "bi-mat-2026"
    assert server_password.ask_server_password("postgresql://tinh@may-chu/ocop", "tinh", True) is None


def test_db_and_ocop_db_name_a_server_as_given(monkeypatch, tmp_path):
    from ocop_desktop.paths import db_location

    url = "postgresql://tinh@may-chu:5432/ocop"
    assert db_location(app_module.parse_args(["--db", url]).db) == url
    monkeypatch.setenv("OCOP_DB", url)
    assert db_location(None) == url
    monkeypatch.setenv("OCOP_DB", str(tmp_path / "ocop.db"))
    assert db_location(None) == tmp_path / "ocop.db"


def test_a_password_libpq_has_not_got_is_asked_in_the_dialog(
    qapp, qtbot, vietnamese, ui_settings, server_db, pg_server, tmp_path, monkeypatch
):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "khong-co.pgpass"))
    url = pg.as_password_user(pg_server, server_db)
    asked = []

    def typed(server, user, wrong, _parent=None):
        asked.append((server, user, wrong))
        return "sai" if len(asked) == 1 else pg.PASSWORD

    monkeypatch.setattr(server_password, "ask_server_password", typed)
    opened = app_module.start_window(qapp, url, ui_settings, ask_other=_fail)
    try:
        assert isinstance(opened, app_module.Opened)
        assert asked == [(url, pg.PASSWORD_USER, False), (url, pg.PASSWORD_USER, True)]
        window = opened.window
        qtbot.waitUntil(lambda: window.jobs.active() == 0 and not window.products.is_loading(), timeout=30_000)
    finally:
        opened.window.close()
        opened.close()
    ui_file = tmp_path / "ui.ini"
    assert pg.PASSWORD not in (ui_file.read_text() if ui_file.exists() else "")


def test_cancelling_the_password_dialog_opens_nothing(
    qapp, vietnamese, ui_settings, server_db, pg_server, tmp_path, monkeypatch
):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "khong-co.pgpass"))
    url = pg.as_password_user(pg_server, server_db)
    monkeypatch.setattr(server_password, "ask_server_password", lambda *_a: None)
    assert app_module.start_window(qapp, url, ui_settings, ask_other=_fail) == 1


def test_a_server_that_cannot_be_reached_is_said_before_any_window(qapp, vietnamese, ui_settings):
    from ocop_desktop.gui.startup_error import StartupErrorDialog

    url, asked = "postgresql://ocop@127.0.0.1:1/ocop", []
    result = app_module.start_window(qapp, url, ui_settings, ask_other=lambda m, p: asked.append((m, p)))
    assert result == 1
    [(message, where)] = asked
    assert where == url and "Không kết nối được máy chủ PostgreSQL 127.0.0.1:1" in message
    assert url in StartupErrorDialog(message, where).text()
