"""Nhập từ Excel: check a survey sheet, list every problem by sheet, row and column, then import."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QMessageBox, QWidget

from ocop_desktop.domain.language import in_language
from ocop_desktop.domain.validation import NotFoundError, ValidationError
from ocop_desktop.gui.error_text import error_text, report_error
from ocop_desktop.gui.exchange.models import problems_model
from ocop_desktop.gui.exchange.send_dialog import describe
from ocop_desktop.gui.forms.ui_exchange_excel_import_dialog import Ui_ExcelImportDialog
from ocop_desktop.gui.jobs import Job, JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.services.survey_import import (
    ImportCancelled,
    ImportRefused,
    SurveyImportCheck,
    SurveyImportResult,
    SurveyImportService,
    write_template,
)
from ocop_desktop.services.surveys import SurveyService

AskOpen = Callable[[QWidget], str]
AskSave = Callable[[QWidget, str], str]
Confirm = Callable[[QWidget, str], bool]
_EXCEL = "Excel (*.xlsx)"


def ask_open_path(parent: QWidget) -> str:
    chosen, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("ExcelImportDialog", "Choose the Excel file"), "", _EXCEL
    )
    return chosen


def ask_save_path(parent: QWidget, suggested: str) -> str:
    chosen, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ExcelImportDialog", "Save the Excel template"), suggested, _EXCEL
    )
    return chosen


def ask_confirm(parent: QWidget, question: str) -> bool:
    title = QCoreApplication.translate("ExcelImportDialog", "Replace the unit's rows")
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class ExcelImportDialog(QDialog):
    imported = Signal(object)  # the SurveyImportResult of an import that stored rows

    def __init__(
        self,
        importer: SurveyImportService,
        surveys: SurveyService,
        jobs: JobRunner,
        parent: QWidget | None = None,
        campaign_id: str | None = None,
        unit_id: str | None = None,
        ask_open: AskOpen = ask_open_path,
        ask_save: AskSave = ask_save_path,
        folder: Path | None = None,
        before_import: Callable[[], object] | None = None,
        confirm: Confirm = ask_confirm,
    ) -> None:
        super().__init__(parent)
        self._importer, self._jobs, self._ask_open, self._ask_save = importer, jobs, ask_open, ask_save
        # Backs the database up; called in the job, before each import or undo writes anything.
        self._before_import = before_import or (lambda: None)
        self._confirm = confirm
        self._folder = folder or Path.home()
        self._check: SurveyImportCheck | None = None
        self._running: Job | None = None  # the check or import under way, which «Stop» cancels
        # Asked by the service between steps. Not the job's own token: an import that commits just
        # as «Stop» is pressed must still be reported as imported, not as stopped.
        self._stop_asked = threading.Event()
        self.result: SurveyImportResult | None = None
        self.ui = Ui_ExcelImportDialog()
        self.ui.setupUi(self)
        self.problems = problems_model(self)
        self.ui.problemsView.setModel(self.problems)
        self.ui.problemsView.verticalHeader().hide()
        self.ui.problemsView.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # The campaigns are read in the background; a file chosen meanwhile is checked once they are listed.
        self._campaigns: list = []
        self._fill_units(None)
        self._page_jobs = PageJobs(jobs, self, on_error=self._failed)
        self._page_jobs.read(
            "campaigns",
            lambda: surveys.campaigns(),
            lambda campaigns: self._campaigns_read(campaigns, campaign_id, unit_id),
        )
        self.ui.campaignCombo.currentIndexChanged.connect(lambda _i: (self._fill_units(None), self._forget()))
        self.ui.unitCombo.currentIndexChanged.connect(lambda _i: self._forget())
        self.ui.browseButton.clicked.connect(lambda: self.choose_file())
        self.ui.templateButton.clicked.connect(self.save_template)
        self.ui.checkButton.clicked.connect(self.check)
        self.ui.importButton.clicked.connect(self.import_rows)
        self.ui.validOnlyCheck.toggled.connect(lambda _on: self._update_buttons())
        self.ui.includeHiddenCheck.toggled.connect(lambda _on: self._recheck())
        self.ui.undoButton.clicked.connect(self.undo_import)
        self.ui.cancelButton.clicked.connect(self.stop)
        self.ui.undoButton.hide()
        self.ui.checkButton.setEnabled(False)

    def _campaigns_read(self, campaigns: list, campaign_id: str | None, unit_id: str | None) -> None:
        self._campaigns = campaigns
        combo = self.ui.campaignCombo
        combo.blockSignals(True)  # listing them changes no choice
        for c in campaigns:
            combo.addItem(c.title or str(c.year), c.id)
        if campaign_id is not None:
            combo.setCurrentIndex(max(combo.findData(campaign_id), 0))
        combo.blockSignals(False)
        self._fill_units(unit_id)
        self._recheck()

    def busy(self) -> bool:
        return self._page_jobs.busy()

    def _campaign(self):
        return next((c for c in self._campaigns if c.id == self.ui.campaignCombo.currentData()), None)

    def _fill_units(self, unit_id: str | None) -> None:
        self.ui.unitCombo.clear()
        self.ui.unitCombo.addItem(self.tr("As the sheet's Unit column says (or this office)"), "")
        campaign = self._campaign()
        for s in campaign.submissions if campaign else ():
            # Every reporting unit, with or without a GSO code: the service takes its id.
            self.ui.unitCombo.addItem(s.unit, s.unit_id)
            if s.unit_id == unit_id:
                self.ui.unitCombo.setCurrentIndex(self.ui.unitCombo.count() - 1)

    def _forget(self) -> None:
        self._check = None
        self.problems.set_rows([])
        self.ui.summaryLabel.setText("")
        self.ui.warningsLabel.setText("")
        self._update_buttons()

    # -- actions --------------------------------------------------------------------------------
    def choose_file(self, path: str | Path | None = None) -> None:
        chosen = str(path) if path else self._ask_open(self)
        if chosen:
            self.ui.fileEdit.setText(chosen)
            self.ui.checkButton.setEnabled(True)
            self._forget()
            self.check()

    def save_template(self) -> None:
        campaign = self._campaign()
        name = f"mau-ra-soat-san-pham-{campaign.year if campaign else ''}.xlsx".replace("-.xlsx", ".xlsx")
        chosen = self._ask_save(self, str(self._folder / name))
        if not chosen:
            return
        path = Path(chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx")
        try:
            write_template(path, campaign.year if campaign else None)
        except ImportRefused as exc:  # full disk, no permission, a folder or device chosen: said in Vietnamese
            self.ui.statusLabel.setText(str(exc))
            return
        except OSError as exc:
            self.ui.statusLabel.setText(self.tr("The template could not be saved: %1").replace("%1", error_text(exc)))
            return
        self.ui.statusLabel.setText(self.tr("Template saved: %1").replace("%1", str(path)))

    def _recheck(self) -> None:
        if self.ui.fileEdit.text():
            self._forget()
            self.check()

    def _request(self) -> tuple[Path, str, str | None] | None:
        campaign = self._campaign()
        if campaign is None or not self.ui.fileEdit.text():
            return None
        return Path(self.ui.fileEdit.text()), campaign.id, self.ui.unitCombo.currentData() or None

    def check(self) -> None:
        request = self._request()
        if request is None:
            return
        self.ui.statusLabel.setText(self.tr("Checking the file…"))
        self.ui.checkButton.setEnabled(False)
        hidden = self.ui.includeHiddenCheck.isChecked()
        stop = self._stop_asked = threading.Event()
        self._track(
            self._jobs.run(
                lambda progress, cancel: self._importer.check(
                    *request, include_hidden=hidden, progress=progress, cancelled=stop.is_set
                ),
                on_done=self._checked,
                on_error=self._failed,
                on_progress=self._progress,
                on_cancelled=self._stopped,
            )
        )

    # -- progress and «Stop» ----------------------------------------------------------------------
    def _track(self, job: Job) -> None:
        """Show the bar and «Stop» while ``job`` (a check or an import of a big sheet) runs."""
        self._running = job
        self.ui.progressBar.setRange(0, 100)
        self.ui.progressBar.setValue(0)
        self.ui.progressBar.show()
        self.ui.cancelButton.setEnabled(True)
        self.ui.cancelButton.show()

    def _untrack(self) -> None:
        self._running = None
        self.ui.progressBar.hide()
        self.ui.cancelButton.hide()

    def _progress(self, done: int, total: int, _text: str = "") -> None:
        self.ui.progressBar.setMaximum(max(total, 1))
        self.ui.progressBar.setValue(done)

    def running(self) -> bool:
        """Whether a check or an import is under way (its bar is shown)."""
        return self._running is not None

    def stop(self) -> None:
        """«Stop»: the job ends at its next step; an import is rolled back, so nothing is stored."""
        if self._running is not None:
            self.ui.cancelButton.setEnabled(False)
            self.ui.statusLabel.setText(self.tr("Stopping…"))
            self._stop_asked.set()

    def _stopped(self) -> None:
        self._untrack()
        self.ui.checkButton.setEnabled(bool(self.ui.fileEdit.text()))
        self.ui.statusLabel.setText(self.tr("Stopped; nothing was imported."))
        self._update_buttons()

    def _checked(self, check: SurveyImportCheck) -> None:
        self._untrack()
        self._check = check
        self.ui.checkButton.setEnabled(True)
        self.problems.set_rows(list(check.problems))
        self.ui.summaryLabel.setText(
            self.tr("%1 row(s) read: %2 valid, %3 with problems.")
            .replace("%1", str(check.data_rows))
            .replace("%2", str(len(check.rows)))
            .replace("%3", str(check.bad_rows))
        )
        self.ui.warningsLabel.setText("\n".join(in_language(w) for w in (*check.skipped, *check.warnings)))
        if check.problems:
            self.ui.statusLabel.setText(
                self.tr("Correct the rows listed and check again, or import only the valid rows.")
            )
        else:
            self.ui.statusLabel.setText(self.tr("No problems found."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        check = self._check
        ok = check is not None and bool(check.rows) and (not check.problems or self.ui.validOnlyCheck.isChecked())
        self.ui.importButton.setEnabled(ok)

    def import_rows(self) -> None:
        # The rows the check read and showed are stored: the workbook is not read again (the
        # service refuses if the file changed since the check).
        check = self._check
        if check is None:
            return
        options = dict(valid_only=self.ui.validOnlyCheck.isChecked(), replace=self.ui.replaceCheck.isChecked())
        self.ui.importButton.setEnabled(False)
        self.ui.undoButton.hide()
        if options["replace"]:  # say how many rows the replacement deletes before anything is stored
            self.ui.statusLabel.setText(self.tr("Counting the rows the replacement deletes…"))
            self._jobs.run(
                lambda progress, cancel: self._importer.apply(check, dry_run=True, **options),
                on_done=lambda plan: self._confirm_replace(check, options, plan),
                on_error=self._failed,
            )
        else:
            self._store(check, options)

    def _confirm_replace(self, check: SurveyImportCheck, options, plan: SurveyImportResult) -> None:
        if plan.deleted:
            question = (
                self.tr(
                    "The sheet replaces the rows of %1: %2 survey row(s) the file no longer has will be "
                    "deleted (a backup is made first). Continue?"
                )
                .replace("%1", ", ".join(plan.units))
                .replace("%2", str(plan.deleted))
            )
            if not self._confirm(self, question):
                self.ui.statusLabel.setText(self.tr("Nothing was imported."))
                self._update_buttons()
                return
        self._store(check, options)

    def _store(self, check: SurveyImportCheck, options) -> None:
        self.ui.statusLabel.setText(self.tr("Importing…"))

        stop = self._stop_asked = threading.Event()

        def work(progress, cancel):
            self._before_import()
            return self._importer.apply(check, progress=progress, cancelled=stop.is_set, **options)

        self._track(
            self._jobs.run(
                work,
                on_done=self._imported,
                on_error=self._failed,
                on_progress=self._progress,
                on_cancelled=self._stopped,
            )
        )

    def _imported(self, result: SurveyImportResult) -> None:
        self._untrack()
        self.result = result
        text = (
            self.tr("Imported %1 row(s): %2 new, %3 updated, for %4.")
            .replace("%1", str(len(result.check.rows)))
            .replace("%2", str(result.added))
            .replace("%3", str(result.updated))
            .replace("%4", ", ".join(result.units))
        )
        if result.deleted:
            text += " " + self.tr("%1 row(s) deleted.").replace("%1", str(result.deleted))
        self.ui.statusLabel.setText(text)
        self.ui.undoButton.setVisible(result.operation_id is not None)
        self._check = None
        self._update_buttons()
        self.imported.emit(result)

    def undo_import(self) -> None:
        if self.result is None or self.result.operation_id is None:
            return
        operation = self.result.operation_id
        self.ui.undoButton.setEnabled(False)

        def work(progress, cancel):
            self._before_import()
            return self._importer.undo(operation)

        self._jobs.run(work, on_done=self._undone, on_error=self._undo_failed)

    def _undone(self, done) -> None:
        self.ui.undoButton.hide()
        self.ui.undoButton.setEnabled(True)
        self.ui.statusLabel.setText(
            self.tr("Import undone: %1 added row(s) deleted, %2 updated row(s) put back, %3 deleted row(s) restored.")
            .replace("%1", str(done.deleted))
            .replace("%2", str(done.restored))
            .replace("%3", str(done.recreated))
        )
        self.imported.emit(self.result)

    def _undo_failed(self, exc: Exception) -> None:
        self.ui.undoButton.setEnabled(True)
        self._failed(exc)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ImportCancelled):  # «Stop» pressed: the service rolled back
            self._stopped()
            return
        self._untrack()
        self.ui.checkButton.setEnabled(bool(self.ui.fileEdit.text()))
        if isinstance(exc, (ImportRefused, ValidationError, NotFoundError, OSError)):
            self.ui.statusLabel.setText(describe(exc))
        else:  # a bug: «Lỗi không mong đợi», its traceback in the log
            report_error(
                self,
                exc,
                show=lambda reason: self.ui.statusLabel.setText(
                    self.tr("The file could not be read: %1").replace("%1", reason)
                ),
            )
        self._update_buttons()
