"""The calls app.py hands on (tests/gui/test_core_calls.py, APP_HANDED_ON) run on the database
thread, never the UI thread: the document settings read and saved, the copy before receiving."""

from __future__ import annotations

import threading
from datetime import date

from PySide6.QtWidgets import QDialog

from ocop_desktop.gui import commands as commands_module
from ocop_desktop.gui.commands import Commands
from ocop_desktop.gui.reports.dialog import ReportsDialog
from ocop_desktop.gui.reports.settings_dialog import ReportSettingsDialog
from ocop_desktop.services.report_settings import read_report_settings, save_report_settings
from ocop_desktop.services.reports import ReportService


def _threads() -> tuple[list[bool], object]:
    """A list that notes, per call, whether it ran on the UI (main) thread."""
    on_ui: list[bool] = []
    return on_ui, lambda: on_ui.append(threading.current_thread() is threading.main_thread())


def test_the_document_settings_are_read_and_saved_off_the_ui_thread(qtbot, make_uow, jobs, tmp_path, monkeypatch):
    reads, note_read = _threads()
    saves, note_save = _threads()

    def read():
        note_read()
        return read_report_settings(make_uow)

    def save(settings):
        note_save()
        return save_report_settings(make_uow, settings)

    dialog = ReportsDialog(
        ReportService(make_uow), jobs, (read, save), today=lambda: date(2024, 7, 5), work_dir=tmp_path
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10000)
    opened: list[ReportSettingsDialog] = []

    def exec_(settings_dialog):
        opened.append(settings_dialog)
        settings_dialog.ui.bodyEdit.setText("ỦY BAN NHÂN DÂN XÃ MƯỜNG ẢNG")
        settings_dialog.accept()
        qtbot.waitUntil(lambda: settings_dialog.saved is not None, timeout=5000)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReportSettingsDialog, "exec", exec_)
    dialog.edit_settings()
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert reads == [False] and saves == [False]
    assert read_report_settings(make_uow).body == "ỦY BAN NHÂN DÂN XÃ MƯỜNG ẢNG"
    assert dialog.ui.statusLabel.text() == "Document settings saved."


def test_the_copy_before_receiving_is_made_off_the_ui_thread_then_the_dialog_opens(qtbot, jobs, monkeypatch):
    copies, note_copy = _threads()
    opened: list[object] = []

    class Receive:
        def __init__(self, *_args) -> None:
            self.imported = self

        def connect(self, _slot) -> None:
            pass

        def exec(self) -> int:
            opened.append(list(copies))  # what was copied when the dialog opened
            return 0

    monkeypatch.setattr(commands_module, "ReceivePackageDialog", Receive)
    menu = Commands(
        jobs=jobs,
        exchange=None,
        survey_import=None,
        surveys=None,
        office_name=lambda: "Xã Ẳng Nưa",
        before_import=lambda _reason: note_copy(),
        backups=None,
        audit=None,
        evaluations=None,
        scorecards=None,
        evaluation_reports=None,
        user_name=lambda: "Lò Văn Minh",
    )

    class Window:
        def refresh_all(self) -> None:
            pass

    menu.receive_packages(Window())
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert opened == [[False]]  # copied first, on the database thread
