"""Composition root of the desktop application: settings, database, services, main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ocop_desktop import APP_NAME, ORG_NAME, __version__
from ocop_desktop.gui.import_hook import lean_source_check

# Imported after PySide6 (benchmarks, tests): the modules imported from here on are not kept as text.
lean_source_check()


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ocop-desktop", description="OCOP Desktop")
    parser.add_argument(
        "--db",
        metavar="TỆP|URL",
        help="tệp cơ sở dữ liệu, hoặc cơ sở dữ liệu trên máy chủ PostgreSQL: postgresql://người_dùng@máy/tên (cũng OCOP_DB)",
    )
    parser.add_argument("--version", action="version", version=f"OCOP Desktop {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="kiểm tra nhanh bản cài đặt (cơ sở dữ liệu tạm, mẫu, báo cáo PDF và Excel) rồi thoát",
    )
    parser.add_argument(
        "--sample",
        action="store_true",
        help="tệp là dữ liệu mẫu: không hỏi thiết lập đơn vị, tiêu đề cửa sổ ghi rõ DỮ LIỆU MẪU",
    )
    # Qt's own options (-platform, -style …) pass through to QApplication.
    args, _qt_args = parser.parse_known_args(argv)
    return args


# The menu actions with a command of their own here; every other one of the window's
# (gui/main_window.COMMAND_ACTIONS) opens a dialog of gui/commands.py — the dialogs and their
# services (packages, evaluations, Excel) are imported on the first use of one, not before the window shows.
OWN_COMMANDS = ("actionOpenSample", "actionUserManual", "actionOpenLogFolder")


def build_main_window(db, ui_settings, ask_first_run: bool = True, jobs=None, window=None):
    """Wire services and pages for an open database into the window (also used by tests and benchmarks).

    ``window`` is the shell :func:`_open_window` showed before the file was opened; without it one
    is made here. ``jobs`` is the window's database thread, given by :func:`_open_window` with the
    start-up jobs already queued on it; without it one is made here, after the reference data is
    reloaded (when the shipped files changed) before the pages are built."""
    from ocop_desktop.gui.activities.page import ActivitiesPage
    from ocop_desktop.gui.error_text import log_folder_command
    from ocop_desktop.gui.first_run import FirstRunDialog, make_saver
    from ocop_desktop.gui.help_manual import manual_command
    from ocop_desktop.gui.jobs import JobRunner
    from ocop_desktop.gui.main_window import COMMAND_ACTIONS, MainWindow
    from ocop_desktop.gui.open_sample import sample_command
    from ocop_desktop.gui.products.page import ProductsPage
    from ocop_desktop.gui.products.pipeline_board import PipelineBoard
    from ocop_desktop.gui.start_page import StartPage
    from ocop_desktop.gui.surveys.page import SurveysPage
    from ocop_desktop.gui.tasks.page import TasksPage
    from ocop_desktop.paths import user_data_dir
    from ocop_desktop.services.activities import ActivityService
    from ocop_desktop.services.campaigns import CampaignService
    from ocop_desktop.services.catalog import CatalogService
    from ocop_desktop.services.dashboard import DashboardService
    from ocop_desktop.services.dossier_reports import DossierReports
    from ocop_desktop.services.dossiers import DossierService
    from ocop_desktop.services.first_steps import FirstStepsService
    from ocop_desktop.services.logbooks import LogbookService
    from ocop_desktop.services.pipeline import PipelineService
    from ocop_desktop.services.places import PlaceService
    from ocop_desktop.services.producers import ProducerService
    from ocop_desktop.services.products import ProductService
    from ocop_desktop.services.sample import prepare_sample_database, sample_database_path
    from ocop_desktop.services.settings import current_actor, office_settings
    from ocop_desktop.services.surveys import SurveyService
    from ocop_desktop.services.tasks import TaskService

    bootstrap = db.uow_factory()
    if jobs is None:  # tests, benchmarks, the self-test: the reference is there before the pages
        from ocop_desktop.services.reference_reload import reload_if_changed

        reload_if_changed(bootstrap)
        jobs = JobRunner()
    places = PlaceService(bootstrap)
    office = office_settings(bootstrap)
    if ask_first_run and not office.complete:
        # Its reads of the places queue behind the reference load on the one database thread.
        dialog = FirstRunDialog(places, make_saver(bootstrap), jobs=jobs)
        if dialog.exec() and dialog.result_settings is not None:
            office = dialog.result_settings

    # The audit actor follows the office settings; the dialog below updates it.
    actor = {"name": current_actor(bootstrap)}
    make_uow = db.uow_factory(actor=lambda: actor["name"])

    products, tasks, surveys = ProductService(make_uow), TaskService(make_uow), SurveyService(make_uow)
    places = PlaceService(make_uow)
    start = StartPage(DashboardService(make_uow), tasks, surveys, steps=FirstStepsService(make_uow), jobs=jobs)
    activities = ActivityService(make_uow)

    def logbook_services():
        """The logbook window's services, made when it is first opened (Excel and PDF load then)."""
        from ocop_desktop.gui.logbooks.dialog import logbook_services as build

        return build(make_uow)

    products_page = ProductsPage(
        products,
        ProducerService(make_uow),
        places,
        CatalogService(make_uow),
        jobs,
        logbooks=logbook_services,
        activities=activities,
    )
    # Drafts beside the file; for a server (whose "path" is only its database's name), in the user's folder.
    drafts = user_data_dir() / "drafts" / db.path.name if db.on_server else db.path.parent / "drafts" / db.path.stem
    surveys_page = SurveysPage(surveys, places, jobs, drafts_dir=drafts)
    # The user set up (kept by edit_office); the activities linked to a task show as its progress.
    tasks_page = TasksPage(tasks, jobs, author=lambda: actor["name"], activities=activities)
    pipeline_page = PipelineBoard(
        PipelineService(make_uow), DossierService(make_uow), DossierReports(make_uow), jobs, places=places
    )
    activities_page = ActivitiesPage(activities, jobs)

    def edit_office():
        nonlocal office
        # The dialog reads the stored settings itself, in the background.
        dialog = FirstRunDialog(places, make_saver(bootstrap), jobs=jobs)
        if not dialog.exec() or dialog.result_settings is None:
            return None
        office = dialog.result_settings
        actor["name"] = dialog.result_settings.user_name
        return dialog.result_settings

    def open_reports(parent) -> None:
        from ocop_desktop.gui.reports.dialog import ReportsDialog
        from ocop_desktop.services.report_settings import read_report_settings, save_report_settings
        from ocop_desktop.services.reports import ReportService

        dialog = ReportsDialog(
            ReportService(make_uow),
            jobs,
            (lambda: read_report_settings(make_uow), lambda s: save_report_settings(make_uow, s)),
            parent,
        )
        dialog.exec()

    built = []

    def commands():
        """gui/commands.py's Commands, made on the first menu action that needs one of its dialogs."""
        if not built:
            from ocop_desktop.gui.commands import Commands
            from ocop_desktop.services.audit import AuditService
            from ocop_desktop.services.backup import BackupService, backup_before
            from ocop_desktop.services.evaluation import EvaluationService
            from ocop_desktop.services.evaluation_reports import EvaluationReports
            from ocop_desktop.services.exchange import ExchangeService
            from ocop_desktop.services.scorecards import ScorecardService
            from ocop_desktop.services.survey_import import SurveyImportService

            built.append(
                Commands(
                    jobs=jobs,
                    exchange=ExchangeService(make_uow),
                    survey_import=SurveyImportService(make_uow),
                    surveys=surveys,
                    office_name=lambda: office.office_name,  # as set up, kept by edit_office
                    # A server is backed up by its administrator (ocop backup: pg_dump), not beside a file.
                    before_import=(lambda _reason: None)
                    if db.on_server
                    else (lambda reason: backup_before(db.path, reason)),
                    backups=BackupService(db.path, lambda: actor["name"]),
                    audit=AuditService(make_uow),
                    evaluations=EvaluationService(make_uow),
                    scorecards=ScorecardService(make_uow),
                    evaluation_reports=EvaluationReports(make_uow),
                    user_name=lambda: actor["name"],
                    make_uow=make_uow,
                )
            )
        return built[0]

    # The sample opens in its own file and process: nothing of it can reach this database.
    sample_file = sample_database_path(user_data_dir())
    menu_commands = {
        **{
            name: (lambda parent, name=name: commands().commands()[name](parent))
            for name in COMMAND_ACTIONS
            if name not in OWN_COMMANDS
        },
        "actionOpenSample": sample_command(jobs, lambda: prepare_sample_database(sample_file)),
        "actionUserManual": manual_command(),
        "actionOpenLogFolder": log_folder_command(),
    }
    if db.on_server:  # no file to copy: the server's administrator backs it up (ocop backup)
        from ocop_desktop.gui.server_password import server_backups_note

        menu_commands["actionBackups"] = lambda parent: server_backups_note(parent, db.shown)
    if window is None:
        window = MainWindow(ui_settings, db.shown)
    window.attach(
        start,
        products_page,
        surveys_page,
        tasks_page,
        office,
        edit_office=edit_office,
        open_reports=open_reports,
        commands=menu_commands,
        pipeline=pipeline_page,
        activities=activities_page,
    )
    surveys_page.enable_excel()
    surveys_page.enable_campaigns(CampaignService(make_uow))
    surveys_page.enable_logbooks(LogbookService(make_uow))  # «Lấy số liệu từ sổ nhật ký…» on a row
    surveys_page.import_requested.connect(lambda: commands().import_survey_excel(window))
    surveys_page.template_requested.connect(lambda: commands().save_survey_template(window))
    window.jobs = jobs  # kept alive with the window
    return window


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    if args.self_test:
        from ocop_desktop.selftest import run_self_test

        return run_self_test()

    # The log first: a windowed program on Windows has no stderr, so what fails from here on is
    # found in the log file (Trợ giúp › Mở thư mục nhật ký).
    from ocop_desktop.logging_setup import (
        GUI_LOG,
        enable_crash_log,
        install_exception_hooks,
        setup_logging,
        started,
    )

    setup_logging(GUI_LOG)
    enable_crash_log()
    install_exception_hooks()
    started("OCOP Desktop")

    # Qt is imported here, not at module level, so `ocop` and the core never load it.
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    lean_source_check()  # before the window's modules and SQLAlchemy are imported
    from ocop_desktop.gui.error_text import install_gui_excepthook, install_qt_message_handler
    from ocop_desktop.gui.i18n import install_translators
    from ocop_desktop.gui.ui_settings import UiSettings
    from ocop_desktop.paths import db_location, resources_dir

    install_qt_message_handler()
    app = QApplication.instance() or QApplication(argv)
    install_gui_excepthook()
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("OCOP Desktop")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "ocop-desktop.png")))
    ui_settings = UiSettings()
    install_translators(app, ui_settings.language)

    opened = start_window(app, db_location(args.db), ui_settings, sample=args.sample)
    if not isinstance(opened, Opened):
        return opened
    try:
        return app.exec()
    finally:
        opened.close()


class Opened:
    """The window on an open database, with the lock and single-instance server it holds."""

    def __init__(self, window, db, lock, instance) -> None:
        self.window, self.db, self.lock, self.instance = window, db, lock, instance

    def close(self) -> None:
        try:
            self.window.jobs.wait()
            self.db.close()
        finally:
            if self.lock is not None:  # none on a server
                self.lock.release()


def startup_message(exc: BaseException, path) -> str:
    """The Vietnamese sentence for a start-up failure: the one the `ocop` command prints."""
    from ocop_desktop.commands.common import failure_text
    from ocop_desktop.instance_lock import DatabaseInUse
    from ocop_desktop.persistence.migrate import SchemaError

    if isinstance(exc, (SchemaError, DatabaseInUse)):
        return str(exc)
    return failure_text(exc, path).removeprefix("Lỗi: ")


def start_window(app, path, ui_settings, sample: bool = False, ask_other=None, build=None):
    """Open ``path`` and show its window; an :class:`Opened`, or the exit code when no window opens.

    Any failure before the window exists is shown in a window (a windowed program on Windows
    has no console for a traceback) that offers another data file; choosing one starts again
    with it."""
    import logging
    import os
    import traceback
    from pathlib import Path

    from ocop_desktop.gui.startup_error import StartupErrorDialog
    from ocop_desktop.paths import is_server_url

    if ask_other is None:

        def ask_other(message, failed_path):
            return StartupErrorDialog(message, failed_path).ask()

    path = path if is_server_url(path) else Path(path)
    while True:
        try:
            return _open_window(app, path, ui_settings, sample, build or build_main_window)
        except Exception as exc:
            # Imported here: the shell is shown before SQLAlchemy (which these load) is imported.
            from ocop_desktop.gui.safety.damaged_dialog import offer_restore
            from ocop_desktop.persistence.database import DamagedDatabaseError

            if isinstance(exc, DamagedDatabaseError):  # found by the check behind the window as it was built
                logging.getLogger(__name__).error("Start-up found the file damaged", exc_info=exc)
                if not offer_restore(exc.path, exc.problems):
                    return 1
                continue
            logging.getLogger(__name__).error("Start-up failed", exc_info=exc)
            if os.environ.get("OCOP_DEBUG"):
                traceback.print_exc()
            message = startup_message(exc, path)
        print(f"Lỗi: {message}", file=sys.stderr)  # also for a terminal, as the `ocop` command does
        chosen = ask_other(message, path)
        if chosen is None:
            return 1
        path = Path(chosen).expanduser().resolve()


def _open_window(app, path, ui_settings, sample, build):
    """One attempt at start-up; raises what went wrong, leaving nothing held.

    The shell of the window (menus, tabs, the start page's layout) is shown before SQLAlchemy is
    imported and the file opened; the pages are put into it once the file is open. The integrity
    check (of a file already at this version's schema; one to migrate is checked before), the
    reference reload and the daily backup run on the window's database thread, before and after
    the pages' first reads."""
    import logging

    from ocop_desktop.gui.main_window import MainWindow
    from ocop_desktop.gui.single_instance import SingleInstance
    from ocop_desktop.paths import is_server_url

    on_server = is_server_url(path)
    instance = SingleInstance(path, app)
    if not instance.start():
        return 0  # a window on this database is already open: it has been brought forward
    shown = _shown(path) if on_server else str(path)
    shell = MainWindow(ui_settings, shown)
    if on_server:  # the title says which server's database this window changes (never a password)
        shell.setWindowTitle(shown)
    if sample:
        shell.mark_sample()
    shell.show()
    app.processEvents()  # drawn before the libraries below load (a few tenths of a second)
    lock = db = None
    try:
        from PySide6.QtWidgets import QMessageBox

        from ocop_desktop.domain.language import in_language
        from ocop_desktop.gui.jobs import JobRunner
        from ocop_desktop.instance_lock import GuiLock, wait_seconds
        from ocop_desktop.persistence.database import at_head, is_writable, read_only_location
        from ocop_desktop.services.backup import daily_backup_due, daily_backup_if_due
        from ocop_desktop.services.errors import explain
        from ocop_desktop.startup import Startup

        if on_server:
            # The server keeps its writers apart, checks its own storage and is backed up by its
            # administrator: no file lock, integrity check or daily copy beside a file.
            logging.getLogger(__name__).info(
                "Máy chủ %s: không khóa tệp, không kiểm tra toàn vẹn tệp, không sao lưu hằng ngày cạnh tệp", shown
            )
            check_later = False
            db = _open_server(path, shell)
        else:
            if not is_writable(path):  # no lock file can be made there, and the window writes
                raise read_only_location(path)
            lock = GuiLock(path)  # the one writer lock, held while the window is open
            lock.acquire(wait=wait_seconds())  # a short `ocop` command may be finishing
            check_later = at_head(path)  # opening it writes nothing: check it behind the window
            db = _open_or_offer_restore(path, check=not check_later)
        if db is None:
            if lock is not None:
                lock.release()
            _close_shell(shell, instance)
            return 1
        jobs = JobRunner()
        startup = Startup(db, jobs, check=check_later)  # queued before any page's read
        shell.show_startup(startup)
        window = build(db, ui_settings, ask_first_run=not sample, jobs=jobs, window=shell)
    except BaseException:
        if db is not None:
            db.close()
        if lock is not None:
            lock.release()  # nothing when it was never taken
        _close_shell(shell, instance)
        raise
    instance.attach(window)
    window.show()
    opened = Opened(window, db, lock, instance)
    startup.after_first_reads(
        (lambda: False) if on_server else (lambda: daily_backup_due(db.path)),
        lambda: daily_backup_if_due(db.path),
        lambda exc: QMessageBox.warning(window, "OCOP Desktop", in_language(explain(exc) or str(exc))),
    )
    startup.damaged.connect(lambda exc: _damaged_after_open(app, opened, exc, ui_settings, sample, build))
    return opened


def _close_shell(shell, instance) -> None:
    """The file did not open: the shown shell goes, and nothing answers for the file any more."""
    shell.hide()
    shell.deleteLater()
    _stop(instance)


def _damaged_after_open(app, opened, exc, ui_settings, sample, build) -> None:
    """The check behind the window found the file damaged: nothing more is written to it (the
    database refuses every transaction); the window closes and the restore is offered as at open."""
    from ocop_desktop.gui.safety.damaged_dialog import offer_restore

    window = opened.window
    window.hide()
    opened.close()
    _stop(opened.instance)
    if not offer_restore(exc.path, exc.problems):
        window.deleteLater()
        app.quit()
        return
    again = start_window(app, exc.path, ui_settings, sample=sample, build=build)
    window.deleteLater()
    if isinstance(again, Opened):
        opened.__dict__.update(again.__dict__)  # main() closes the one now shown
    else:
        app.quit()


def _stop(instance) -> None:
    """Stop answering for a file that did not open, so a later start on it is not sent here."""
    from PySide6.QtNetwork import QLocalServer

    server = instance.findChild(QLocalServer)
    if server is not None:
        server.close()
    instance.deleteLater()


def _shown(location: str) -> str:
    from ocop_desktop.persistence.engine import shown_url

    return shown_url(location)


def _open_server(location: str, shell):
    """The server's database, its password asked in a dialog when libpq has none; None when the
    user cancels the dialog (nothing opened)."""
    from ocop_desktop.gui.server_password import ask_server_password
    from ocop_desktop.persistence.database import open_database
    from ocop_desktop.services import access  # noqa: F401  (every write checked against the user's role)

    def ask(server: str, user: str, wrong: bool) -> str | None:
        typed = ask_server_password(server, user, wrong, shell)
        if typed is None:
            raise _Cancelled
        return typed

    try:
        return open_database(location, ask_password=ask)
    except _Cancelled:
        return None


class _Cancelled(Exception):
    """The password dialog was cancelled: the window closes without an error."""


def _open_or_offer_restore(path, check: bool = True):
    """Open the database; a damaged file is never written, and the newest good backup is offered.

    Other failures are raised, for :func:`start_window` to explain."""
    import sqlite3

    from ocop_desktop.gui.safety.damaged_dialog import offer_restore
    from ocop_desktop.persistence.database import DamagedDatabaseError, open_database

    while True:
        try:
            return open_database(path, check=check)
        except DamagedDatabaseError as exc:
            if not offer_restore(exc.path, exc.problems):
                return None
            check = True  # the restored copy is checked before it opens
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # damage the check at open did not see
            if isinstance(exc, sqlite3.OperationalError) and "could not decode" not in str(exc).lower():
                raise
            if not offer_restore(path, [str(exc)]):
                return None
            check = True
