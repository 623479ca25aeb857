"""Composition root of the desktop application: settings, database, services, main window."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Sequence

from ocop_desktop import APP_NAME, ORG_NAME, __version__


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ocop-desktop", description="OCOP Desktop")
    parser.add_argument("--db", metavar="PATH", help="tệp cơ sở dữ liệu")
    parser.add_argument("--version", action="version", version=f"OCOP Desktop {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="kiểm tra nhanh bản cài đặt (cơ sở dữ liệu tạm, mẫu, báo cáo PDF và Excel) rồi thoát")
    # Qt's own options (-platform, -style …) pass through to QApplication.
    args, _qt_args = parser.parse_known_args(argv)
    return args


def build_main_window(db, ui_settings, ask_first_run: bool = True):
    """Wire services, pages and the shell for an open database (also used by tests and benchmarks)."""
    from ocop_desktop.gui.commands import Commands
    from ocop_desktop.gui.first_run import FirstRunDialog, make_saver
    from ocop_desktop.gui.jobs import JobRunner
    from ocop_desktop.gui.main_window import MainWindow
    from ocop_desktop.gui.notice import due_notice_html
    from ocop_desktop.gui.products.page import ProductsPage
    from ocop_desktop.gui.reports.dialog import ReportsDialog
    from ocop_desktop.gui.start_page import StartPage
    from ocop_desktop.gui.surveys.page import SurveysPage
    from ocop_desktop.gui.tasks.page import TasksPage
    from ocop_desktop.services.catalog import CatalogService
    from ocop_desktop.services.audit import AuditService
    from ocop_desktop.services.backup import BackupService, backup_before
    from ocop_desktop.services.dashboard import DashboardService
    from ocop_desktop.services.evaluation import EvaluationService
    from ocop_desktop.services.evaluation_reports import EvaluationReports
    from ocop_desktop.services.exchange import ExchangeService
    from ocop_desktop.services.places import PlaceService
    from ocop_desktop.services.producers import ProducerService
    from ocop_desktop.services.products import ProductService
    from ocop_desktop.services.reference import load_reference
    from ocop_desktop.services.report_settings import read_report_settings, save_report_settings
    from ocop_desktop.services.reports import ReportService
    from ocop_desktop.services.scorecards import ScorecardService, load_shipped_scorecards
    from ocop_desktop.services.settings import current_actor, office_settings
    from ocop_desktop.services.survey_import import SurveyImportService
    from ocop_desktop.services.campaigns import CampaignService
    from ocop_desktop.services.surveys import SurveyService
    from ocop_desktop.services.tasks import TaskService

    bootstrap = db.uow_factory()
    load_reference(bootstrap)
    load_shipped_scorecards(bootstrap)
    places = PlaceService(bootstrap)
    office = office_settings(bootstrap)
    if ask_first_run and not office.complete:
        dialog = FirstRunDialog(places, make_saver(bootstrap))
        if dialog.exec() and dialog.result_settings is not None:
            office = dialog.result_settings

    # The audit actor follows the office settings; the dialog below updates it.
    actor = {"name": current_actor(bootstrap)}
    make_uow = db.uow_factory(actor=lambda: actor["name"])

    jobs = JobRunner()
    products, tasks, surveys = ProductService(make_uow), TaskService(make_uow), SurveyService(make_uow)
    places = PlaceService(make_uow)
    start = StartPage(DashboardService(make_uow), tasks, surveys)
    products_page = ProductsPage(products, ProducerService(make_uow), places, CatalogService(make_uow), jobs)
    surveys_page = SurveysPage(surveys, places, jobs, drafts_dir=db.path.parent / "drafts" / db.path.stem)
    tasks_page = TasksPage(tasks, jobs, author=lambda: current_actor(bootstrap))

    def edit_office():
        dialog = FirstRunDialog(places, make_saver(bootstrap), current=office_settings(bootstrap))
        if not dialog.exec() or dialog.result_settings is None:
            return None
        actor["name"] = dialog.result_settings.user_name
        return dialog.result_settings

    reports = ReportService(make_uow)

    def open_reports(parent) -> None:
        dialog = ReportsDialog(reports, jobs, (lambda: read_report_settings(make_uow),
                                               lambda s: save_report_settings(make_uow, s)), parent)
        dialog.exec()

    commands = Commands(
        jobs=jobs, exchange=ExchangeService(make_uow), survey_import=SurveyImportService(make_uow),
        surveys=surveys, office_name=lambda: office_settings(bootstrap).office_name,
        before_import=lambda reason: backup_before(db.path, reason),
        backups=BackupService(db.path, lambda: actor["name"]), audit=AuditService(make_uow),
        evaluations=EvaluationService(make_uow), scorecards=ScorecardService(make_uow),
        evaluation_reports=EvaluationReports(make_uow), user_name=lambda: actor["name"],
    )
    window = MainWindow(
        start, products_page, surveys_page, tasks_page, ui_settings, str(db.path), office,
        edit_office=edit_office, due_notice=lambda: due_notice_html(tasks, date.today()),
        open_reports=open_reports, commands=commands.commands(),
    )
    surveys_page.enable_excel()
    surveys_page.enable_campaigns(CampaignService(make_uow))
    surveys_page.import_requested.connect(lambda: commands.import_survey_excel(window))
    surveys_page.template_requested.connect(lambda: commands.save_survey_template(window))
    window.jobs = jobs  # kept alive with the window
    return window


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    if args.self_test:
        from ocop_desktop.selftest import run_self_test

        return run_self_test()

    # Qt is imported here, not at module level, so `ocop` and the core never load it.
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ocop_desktop.gui.i18n import install_translators
    from ocop_desktop.gui.single_instance import SingleInstance
    from ocop_desktop.gui.ui_settings import UiSettings
    from ocop_desktop.instance_lock import DatabaseInUse, GuiLock, wait_seconds
    from ocop_desktop.persistence.database import is_writable, read_only_location
    from ocop_desktop.paths import default_db_path, resources_dir
    from ocop_desktop.services.backup import daily_backup_if_due
    from ocop_desktop.services.errors import explain

    app = QApplication(argv)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("OCOP Desktop")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "ocop-desktop.png")))
    ui_settings = UiSettings()
    install_translators(app, ui_settings.language)

    path = default_db_path(args.db)
    instance = SingleInstance(path, app)
    if not instance.start():
        return 0  # a window on this database is already open: it has been brought forward
    if not is_writable(path):  # no lock file can be made there, and the window writes
        QMessageBox.critical(None, "OCOP Desktop", str(read_only_location(path)))
        return 1
    lock = GuiLock(path)  # the one writer lock, held while the window is open
    try:
        lock.acquire(wait=wait_seconds())  # a short `ocop` command may be finishing
    except DatabaseInUse as exc:
        QMessageBox.warning(None, "OCOP Desktop", str(exc))
        return 1
    except OSError as exc:
        QMessageBox.critical(None, "OCOP Desktop", explain(exc) or str(exc))
        return 1
    try:
        db = _open_or_offer_restore(path)
        if db is None:
            return 1
        try:
            daily_backup_if_due(db.path)
        except OSError as exc:  # a failed daily copy must not stop the day's work
            QMessageBox.warning(None, "OCOP Desktop", explain(exc) or str(exc))
        window = build_main_window(db, ui_settings)
        instance.attach(window)
        window.show()
        try:
            return app.exec()
        finally:
            window.jobs.wait()
            db.close()
    finally:
        lock.release()


def _open_or_offer_restore(path):
    """Open the database; a damaged file is never written, and the newest good backup is offered."""
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    from ocop_desktop.gui.safety.damaged_dialog import offer_restore
    from ocop_desktop.persistence.database import DamagedDatabaseError, open_database
    from ocop_desktop.persistence.migrate import SchemaError
    from ocop_desktop.services.errors import explain

    while True:
        try:
            return open_database(path)
        except DamagedDatabaseError as exc:
            if not offer_restore(exc.path, exc.problems):
                return None
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # damage the check at open did not see
            if isinstance(exc, sqlite3.OperationalError) and "could not decode" not in str(exc).lower():
                QMessageBox.critical(None, "OCOP Desktop", explain(exc) or str(exc))
                return None
            if not offer_restore(path, [str(exc)]):
                return None
        except SchemaError as exc:
            QMessageBox.critical(None, "OCOP Desktop", str(exc))
            return None
        except OSError as exc:
            QMessageBox.critical(
                None, "OCOP Desktop",
                f"Không mở được tệp dữ liệu {path}: {exc.strerror or exc}. "
                "Hãy kiểm tra quyền ghi của thư mục hoặc chọn tệp khác bằng --db.",
            )
            return None
