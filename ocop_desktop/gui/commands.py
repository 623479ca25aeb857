"""What the main window's menu actions open: dialogs given the services they need."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ocop_desktop.gui.evaluation.scorecards_dialog import ScorecardsDialog
from ocop_desktop.gui.evaluation.scoring_dialog import ScoringDialog
from ocop_desktop.gui.exchange.excel_import_dialog import ExcelImportDialog
from ocop_desktop.gui.exchange.receive_dialog import ReceivePackageDialog
from ocop_desktop.gui.exchange.send_dialog import SendPackageDialog
from ocop_desktop.gui.exchange.senders_dialog import SendersDialog
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.safety.audit_dialog import AuditLogDialog
from ocop_desktop.gui.safety.backup_dialog import BackupDialog
from ocop_desktop.services.audit import AuditService
from ocop_desktop.services.backup import BackupService
from ocop_desktop.services.evaluation import EvaluationService
from ocop_desktop.services.evaluation_reports import EvaluationReports
from ocop_desktop.services.exchange import ExchangeService
from ocop_desktop.services.scorecards import ScorecardService
from ocop_desktop.services.survey_import import SurveyImportService
from ocop_desktop.services.surveys import SurveyService

Command = Callable[[QWidget], None]


@dataclass
class Commands:
    """The services the dialogs need; ``commands()`` maps action names to what they open."""

    jobs: JobRunner
    exchange: ExchangeService
    survey_import: SurveyImportService
    surveys: SurveyService
    office_name: Callable[[], str]
    before_import: Callable[[str], None]  # backs the database up before data arrives from outside
    backups: BackupService
    audit: AuditService
    evaluations: EvaluationService
    scorecards: ScorecardService
    evaluation_reports: EvaluationReports
    user_name: Callable[[], str]
    # The trusted-offices dialog builds its services (trust, key lists, report seals) on this.
    make_uow: Callable[..., Any] | None = None

    def send_package(self, window) -> None:
        SendPackageDialog(self.exchange, self.jobs, self.office_name(), window).exec()

    def receive_packages(self, window) -> None:
        # The copy of the database is made on the database thread, not the UI thread; the dialog
        # opens once it is made. A copy that fails is said, and nothing is received.
        self.jobs.run(
            lambda _progress, _cancel: self.before_import("truoc-nhan-goi"),
            on_done=lambda _result: self._receive(window),
            error_parent=window,
        )

    def _receive(self, window) -> None:
        dialog = ReceivePackageDialog(self.exchange, self.jobs, window)
        dialog.imported.connect(window.refresh_all)
        dialog.exec()

    def trusted_senders(self, window) -> None:
        SendersDialog(self.make_uow, self.jobs, window).exec()

    def import_survey_excel(self, window) -> None:
        campaign_id, unit_id = window.surveys.current_selection()
        # The backup is made by the dialog's job right before each import or undo writes.
        dialog = ExcelImportDialog(
            self.survey_import,
            self.surveys,
            self.jobs,
            window,
            campaign_id=campaign_id,
            unit_id=unit_id,
            before_import=lambda: self.before_import("truoc-nhap-excel"),
        )
        dialog.imported.connect(lambda _result: window.refresh_all())
        dialog.exec()

    def save_survey_template(self, window) -> None:
        campaign_id, unit_id = window.surveys.current_selection()
        ExcelImportDialog(
            self.survey_import, self.surveys, self.jobs, window, campaign_id=campaign_id, unit_id=unit_id
        ).save_template()

    def backups_dialog(self, window) -> None:
        dialog = BackupDialog(self.backups, self.jobs, window)
        dialog.restored.connect(lambda _result: window.refresh_all())
        dialog.exec()

    def activity_log(self, window) -> None:
        AuditLogDialog(self.audit, self.jobs, window).exec()

    def score_product(self, window) -> None:
        rows = [window.products.model.row(i) for i in window.products.selected_rows()]
        if len(rows) != 1:
            window.ui.tabs.setCurrentWidget(window.products)
            QMessageBox.information(
                window,
                QCoreApplication.translate("Commands", "Evaluation"),
                QCoreApplication.translate("Commands", "Select one product in the OCOP products tab, then score it."),
            )
            return
        dialog = ScoringDialog(
            self.evaluations, self.evaluation_reports, rows[0].id, window, member_name=self.user_name(), jobs=self.jobs
        )
        dialog.evaluationSaved.connect(lambda _e: window.refresh_all())
        dialog.exec()

    def scorecards_dialog(self, window) -> None:
        ScorecardsDialog(self.scorecards, self.evaluation_reports, window, jobs=self.jobs).exec()

    def commands(self) -> dict[str, Command]:
        trusted = {"actionTrustedSenders": self.trusted_senders} if self.make_uow is not None else {}
        return {
            "actionSendPackage": self.send_package,
            "actionReceivePackage": self.receive_packages,
            **trusted,
            "actionImportSurveyExcel": self.import_survey_excel,
            "actionSurveyTemplate": self.save_survey_template,
            "actionBackups": self.backups_dialog,
            "actionActivityLog": self.activity_log,
            "actionScoreProduct": self.score_product,
            "actionScorecards": self.scorecards_dialog,
        }
