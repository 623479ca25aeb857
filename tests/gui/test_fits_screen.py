"""Every window and dialog fits a 1024×768 screen (and so 1366×768) with a taskbar and a title bar.

Each is built with the 2024 sample, shown offscreen in Vietnamese, and measured: the size it
opens at, and the smallest size its layout allows, must both fit 1024×700; long forms scroll
rather than push the window off the screen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, QSize
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QDialogButtonBox, QWidget

from ocop_desktop.services import backup as backup_service
from ocop_desktop.services.sample import load_sample

# 768 lines minus a 40-pixel taskbar and a 28-pixel title bar.
BUDGET = QSize(1024, 700)
TODAY = date(2024, 7, 10)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def sample(make_uow, db, vietnamese):
    load_sample(make_uow, "muong-ang-2024")
    return make_uow


def _fits(qtbot, widget: QWidget, name: str) -> QSize:
    """Show ``widget`` as a user opens it and check it fits; returns the size it opened at."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    busy = getattr(widget, "is_busy", None)  # a dialog that fills from a background read: measured filled
    if busy is not None:
        qtbot.waitUntil(lambda: not busy(), timeout=20000)
    QApplication.processEvents()
    opened, smallest = widget.size(), widget.minimumSizeHint().expandedTo(widget.minimumSize())
    print(
        f"{name}: opened {opened.width()}×{opened.height()}, "
        f"smallest {smallest.width()}×{smallest.height()}, hint {widget.sizeHint().width()}×{widget.sizeHint().height()}"
    )
    assert opened.width() <= BUDGET.width() and opened.height() <= BUDGET.height(), (name, opened)
    assert smallest.width() <= BUDGET.width() and smallest.height() <= BUDGET.height(), (name, smallest)
    assert _cut_off(widget) == [], name
    return opened


def _inside_scrolling(child: QWidget, window: QWidget) -> bool:
    parent = child.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _cut_off(window: QWidget) -> list[str]:
    """Visible widgets that reach past the window's edge (content of a scroll area may)."""
    out = []
    for child in window.findChildren(QWidget):
        if child.isWindow() or not child.isVisibleTo(window) or _inside_scrolling(child, window):
            continue
        corner = child.mapTo(window, QPoint(child.width(), child.height()))
        if corner.x() > window.width() or corner.y() > window.height():
            out.append(child.objectName() or type(child).__name__)
    return out


def test_the_main_window_fits_and_the_task_table_shows_status_and_deadline(qtbot, sample, db, tmp_path):
    from ocop_desktop.app import build_main_window
    from ocop_desktop.gui.ui_settings import UiSettings

    window = build_main_window(
        db, UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)), ask_first_run=False
    )
    try:
        _fits(qtbot, window, "MainWindow")
        window.resize(BUDGET)
        tabs = window.ui.tabs
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            QApplication.processEvents()
        tasks = window.tasks
        tabs.setCurrentWidget(tasks)
        qtbot.waitUntil(lambda: not tasks.is_busy() and tasks.task_model.rowCount() > 0, timeout=5000)
        QApplication.processEvents()
        table = tasks.ui.taskTable
        header = table.horizontalHeader()
        visible = table.viewport().width()
        for column, name in ((3, "Due"), (4, "Status")):
            right = header.sectionViewportPosition(column) + header.sectionSize(column)
            assert not table.isColumnHidden(column) and header.sectionViewportPosition(column) >= 0, name
            assert right <= visible, (name, right, visible)
    finally:
        window.jobs.wait()


def _dialogs(sample, db, jobs, tmp_path):
    """(name, factory) of every dialog of the program, built on the sample."""
    from ocop_desktop.gui.activities.dialog import ActivityDialog
    from ocop_desktop.gui.error_text import UnexpectedErrorDialog
    from ocop_desktop.gui.evaluation.scorecards_dialog import ScorecardsDialog
    from ocop_desktop.gui.evaluation.scoring_dialog import ScoringDialog
    from ocop_desktop.gui.exchange.excel_import_dialog import ExcelImportDialog
    from ocop_desktop.gui.exchange.receive_dialog import ReceivePackageDialog
    from ocop_desktop.gui.exchange.send_dialog import SendPackageDialog
    from ocop_desktop.gui.exchange.senders_dialog import SendersDialog
    from ocop_desktop.gui.first_run import FirstRunDialog, make_saver
    from ocop_desktop.gui.logbooks.dialog import LogbookDialog, LogbookServices
    from ocop_desktop.gui.logbooks.offer_dialog import SurveyOfferDialog
    from ocop_desktop.gui.products.dialog import ProductDialog
    from ocop_desktop.gui.products.picker import ProducerDialog
    from ocop_desktop.gui.products.pipeline_dossier import DossierDialog
    from ocop_desktop.gui.products.pipeline_register import RegisterDialog
    from ocop_desktop.gui.reports.dialog import ReportsDialog
    from ocop_desktop.gui.reports.settings_dialog import ReportSettingsDialog
    from ocop_desktop.gui.safety.audit_dialog import AuditLogDialog
    from ocop_desktop.gui.safety.backup_dialog import BackupDialog
    from ocop_desktop.gui.safety.damaged_dialog import DamagedDatabaseDialog
    from ocop_desktop.gui.safety.restore_dialog import RestoreConfirmDialog
    from ocop_desktop.gui.server_password import ServerPasswordDialog
    from ocop_desktop.gui.startup_error import StartupErrorDialog
    from ocop_desktop.gui.surveys.campaign_dialog import CampaignDialog
    from ocop_desktop.gui.surveys.submission_dialog import SubmissionDialog
    from ocop_desktop.gui.tasks.dialogs import DirectiveDialog, TaskDialog
    from ocop_desktop.gui.tasks.note_dialogs import ProgressDialog, ResultNoteDialog
    from ocop_desktop.persistence.models import SurveyEntry
    from ocop_desktop.services.activities import ActivityService
    from ocop_desktop.services.audit import AuditService
    from ocop_desktop.services.backup import BackupService
    from ocop_desktop.services.campaigns import CampaignService
    from ocop_desktop.services.catalog import CatalogService
    from ocop_desktop.services.dossiers import DossierService
    from ocop_desktop.services.evaluation import EvaluationService
    from ocop_desktop.services.evaluation_reports import EvaluationReports
    from ocop_desktop.services.exchange import ExchangeService
    from ocop_desktop.services.logbook_forms import LogbookForms
    from ocop_desktop.services.logbook_import import LogbookImportService
    from ocop_desktop.services.logbooks import LogbookService
    from ocop_desktop.services.places import PlaceService
    from ocop_desktop.services.producers import ProducerService
    from ocop_desktop.services.products import ProductService
    from ocop_desktop.services.report_settings import read_report_settings, save_report_settings
    from ocop_desktop.services.reports import ReportService
    from ocop_desktop.services.scorecards import ScorecardService
    from ocop_desktop.services.settings import office_settings
    from ocop_desktop.services.survey_import import SurveyImportService
    from ocop_desktop.services.surveys import SurveyService
    from ocop_desktop.services.tasks import TaskFilter, TaskService

    make_uow = sample
    products, places = ProductService(make_uow), PlaceService(make_uow)
    product = next(p for p in products.list() if p.name.startswith("Cà phê"))
    tasks = TaskService(make_uow)
    task = tasks.query(TaskFilter(), TODAY)[0]
    directives = tasks.directives(TODAY)
    backups = BackupService(db.path, actor=lambda: "Nguyễn Văn Kiểm")
    made: list[Path] = []

    def backup_copy() -> Path:
        """A backup of the sample (made for the dialogs that list or restore one, not for every test)."""
        if not made:
            made.append(backup_service.create_backup(db.path, backup_service.DAILY).path)
        return made[0]

    settings = (lambda: read_report_settings(make_uow), lambda s: save_report_settings(make_uow, s))
    surveys = SurveyService(make_uow)
    with make_uow() as uow:
        entry_id = uow.session.query(SurveyEntry.id).order_by(SurveyEntry.id).limit(1).scalar()

    def fair_form() -> ActivityDialog:
        # The kind with the most fields: a fair, with its products, sales and contracts.
        dialog = ActivityDialog(lambda *_a: None, ActivityService(make_uow).choices())
        dialog.kind.setCurrentIndex(dialog.kind.findData("hoi_cho"))
        return dialog

    return [
        ("FirstRunDialog", lambda: FirstRunDialog(places, make_saver(make_uow), current=office_settings(make_uow))),
        (
            "ProductDialog",
            lambda: ProductDialog(
                products,
                ProducerService(make_uow),
                places,
                CatalogService(make_uow),
                product_id=product.id,
                today=lambda: TODAY,
                activities=ActivityService(make_uow),  # the product's activity history under the form
            ),
        ),
        (
            "ProductDialog with errors",
            lambda: ProductDialog(
                products,
                ProducerService(make_uow),
                places,
                CatalogService(make_uow),
                product_id=product.id,
                today=lambda: TODAY,
            ),
        ),
        (
            "ProducerDialog",
            lambda: ProducerDialog(ProducerService(make_uow), places, name="HTX Cà phê", today=lambda: TODAY),
        ),
        (
            "ReportsDialog",
            lambda: ReportsDialog(ReportService(make_uow), jobs, settings, today=lambda: TODAY, work_dir=tmp_path),
        ),
        ("ReportSettingsDialog", lambda: ReportSettingsDialog(settings[0](), settings[1])),
        (
            "ScoringDialog",
            lambda: ScoringDialog(
                EvaluationService(make_uow),
                EvaluationReports(make_uow),
                product.id,
                today=lambda: TODAY,
                member_name="Lò Văn An",
            ),
        ),
        (
            "ScorecardsDialog",
            lambda: ScorecardsDialog(ScorecardService(make_uow), EvaluationReports(make_uow), today=lambda: TODAY),
        ),
        (
            "SendPackageDialog",
            lambda: SendPackageDialog(ExchangeService(make_uow), jobs, office_name="Xã Ẳng Nưa", folder=tmp_path),
        ),
        ("ReceivePackageDialog", lambda: ReceivePackageDialog(ExchangeService(make_uow), jobs, today=lambda: TODAY)),
        ("SendersDialog", lambda: SendersDialog(make_uow, jobs, folder=tmp_path)),
        ("ExcelImportDialog", lambda: ExcelImportDialog(SurveyImportService(make_uow), surveys, jobs, folder=tmp_path)),
        ("BackupDialog", lambda: backup_copy() and BackupDialog(backups, jobs, today=lambda: TODAY)),
        ("RestoreConfirmDialog", lambda: RestoreConfirmDialog(backups.describe(backup_copy()), backups.current())),
        (
            "DamagedDatabaseDialog",
            lambda: (
                backup_copy()
                and DamagedDatabaseDialog(
                    db.path, ["database disk image is malformed"], backups, jobs, find_newest=False
                )
            ),
        ),
        (
            "AuditLogDialog",
            lambda: AuditLogDialog(AuditService(make_uow), jobs, today=lambda: TODAY, work_dir=tmp_path),
        ),
        ("CampaignDialog", lambda: CampaignDialog(CampaignService(make_uow), jobs, today=lambda: TODAY)),
        ("SubmissionDialog", lambda: SubmissionDialog("Xã Ẳng Nưa (đến 30/06/2025)", date(2024, 7, 5), TODAY)),
        ("DirectiveDialog", lambda: DirectiveDialog(tasks.create_directive, directives[0])),
        ("TaskDialog", lambda: TaskDialog(tasks.create_task, directives, tasks.assignees(), task)),
        ("ResultNoteDialog", lambda: ResultNoteDialog(task, lambda v: v, today=TODAY)),
        ("ProgressDialog", lambda: ProgressDialog(task, "Lò Thị Hoa", TODAY, lambda v: v)),
        (
            "UnexpectedErrorDialog",
            lambda: UnexpectedErrorDialog(_a_failure()),
        ),
        ("ActivityDialog", fair_form),
        ("RegisterDialog", lambda: RegisterDialog(product.name, TODAY)),
        ("DossierDialog", lambda: DossierDialog(DossierService(make_uow), product.id, jobs, today=lambda: TODAY)),
        ("SurveyOfferDialog", lambda: SurveyOfferDialog(LogbookService(make_uow), jobs, entry_id)),
        (
            "LogbookDialog",
            lambda: LogbookDialog(
                LogbookServices(LogbookService(make_uow), LogbookImportService(make_uow), LogbookForms(make_uow)),
                jobs,
                product.id,
                product.producer_id,
                product.name,
            ),
        ),
        (
            "StartupErrorDialog",
            lambda: StartupErrorDialog(
                "Không mở được tệp dữ liệu: thư mục không tồn tại, bị khóa ghi hoặc ổ đĩa đã bị rút ra. "
                "Dữ liệu vẫn giữ nguyên như trước thao tác này. Hãy kiểm tra ổ đĩa và quyền ghi của thư mục rồi thử lại.",
                tmp_path / "một thư mục có tên rất dài của phòng Nông nghiệp" / "ocop.db",
            ),
        ),
        (
            "ServerPasswordDialog",
            lambda: ServerPasswordDialog(
                "postgresql://chuyen_vien_so_nong_nghiep@may-chu-so-nong-nghiep.dienbien.gov.vn:5432/ocop_tinh",
                "chuyen_vien_so_nong_nghiep",
                wrong=True,
            ),
        ),
    ]


def _a_failure() -> BaseException:
    """A bug with a long traceback, as the unexpected-error dialog shows it."""
    try:
        raise KeyError("một khóa không có trong bảng " * 8)
    except KeyError as exc:
        return exc


NAMES = [
    "FirstRunDialog",
    "ProductDialog",
    "ProductDialog with errors",
    "ProducerDialog",
    "ReportsDialog",
    "ReportSettingsDialog",
    "ScoringDialog",
    "ScorecardsDialog",
    "SendPackageDialog",
    "ReceivePackageDialog",
    "SendersDialog",
    "ExcelImportDialog",
    "BackupDialog",
    "RestoreConfirmDialog",
    "DamagedDatabaseDialog",
    "AuditLogDialog",
    "CampaignDialog",
    "SubmissionDialog",
    "DirectiveDialog",
    "TaskDialog",
    "ResultNoteDialog",
    "ProgressDialog",
    "StartupErrorDialog",
    "ServerPasswordDialog",
    "UnexpectedErrorDialog",
    "ActivityDialog",
    "RegisterDialog",
    "DossierDialog",
    "SurveyOfferDialog",
    "LogbookDialog",
]


def test_every_dialog_is_listed():
    """A new dialog class must be added to the walk below."""
    import inspect
    import pkgutil

    from PySide6.QtWidgets import QDialog

    import ocop_desktop.gui as gui

    found = set()
    for info in pkgutil.walk_packages(gui.__path__, "ocop_desktop.gui."):
        if ".forms" in info.name:
            continue
        module = __import__(info.name, fromlist=["_"])
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == info.name and name != "FormDialog":
                found.add(name)
    assert found <= {n.split(" ")[0] for n in NAMES}, found - {n.split(" ")[0] for n in NAMES}


@pytest.mark.parametrize("name", NAMES)
def test_the_dialog_fits_a_1024_by_768_screen(qtbot, sample, db, jobs, tmp_path, name):
    factory = dict(_dialogs(sample, db, jobs, tmp_path))[name]
    dialog = factory()
    try:
        opened = _fits(qtbot, dialog, name)
        if name == "ProductDialog with errors":
            # Errors under the fields scroll inside the form; the dialog does not grow off the screen.
            dialog.ui.nameEdit.clear()
            dialog.ui.ean13Edit.setText("893123")  # too short: a second error under its field
            dialog.save()
            qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)  # checked in the background
            QApplication.processEvents()
            assert dialog.ui.nameError.isVisible() and dialog.ui.ean13Error.isVisible()
            assert dialog.height() <= BUDGET.height(), dialog.size()
            assert dialog.minimumSizeHint().height() <= BUDGET.height()
            assert dialog.size() == opened.boundedTo(BUDGET)
        box = dialog.findChild(QDialogButtonBox)
        if box is not None and box.isVisible():
            # The buttons stay on screen: their bottom edge is inside the window.
            bottom = box.mapTo(dialog, box.rect().bottomLeft()).y()
            assert bottom <= dialog.height(), (name, bottom, dialog.height())
    finally:
        jobs.wait()
        dialog.close()
