"""At start, a damaged data file: say so plainly, offer the newest good backup, never write the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.formatting import display
from ocop_desktop.gui.forms.ui_safety_damaged import Ui_DamagedDatabaseDialog
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.services.backup import BackupService, BackupSummary, RestoreResult


class DamagedDatabaseDialog(QDialog):
    """Accepted once a backup has been restored (``result`` says from where); rejected = quit.

    Nothing is written to the damaged file unless the user restores: the restore keeps the
    damaged file byte for byte in the backups folder first."""

    def __init__(
        self,
        db_path: Path,
        problems: list[str],
        backups: BackupService,
        jobs: JobRunner,
        parent: QWidget | None = None,
        candidate: BackupSummary | None = None,
        find_newest: bool = True,
    ) -> None:
        super().__init__(parent)
        self._backups, self._jobs = backups, jobs
        self._page_jobs = PageJobs(jobs, self, on_error=self._failed)
        self.result: RestoreResult | None = None
        self.candidate: BackupSummary | None = None
        self.ui = Ui_DamagedDatabaseDialog()
        self.ui.setupUi(self)
        self.ui.problemLabel.setText(
            self.tr(
                "The data file %1 is damaged (%2). OCOP Desktop has not written anything to it and will not "
                "open it. You can restore the newest good backup: the damaged file is kept aside first."
            )
            .replace("%1", str(db_path))
            .replace("%2", "; ".join(problems[:3]) or "?")
        )
        self.ui.restoreButton.clicked.connect(self.restore)
        self.ui.chooseButton.clicked.connect(self.choose)
        self.ui.quitButton.clicked.connect(self.reject)
        if candidate is not None or not find_newest:
            self.show_candidate(candidate)
        else:  # the newest good copy is looked for in the background: each is a file to check
            self.ui.restoreButton.setEnabled(False)
            self.ui.backupLabel.setText(self.tr("Looking for the newest good backup…"))
            self._page_jobs.read("candidate", lambda: backups.newest_good(), self.show_candidate)

    def busy(self) -> bool:
        return self._page_jobs.busy()

    def show_candidate(self, summary: BackupSummary | None) -> None:
        self.candidate = summary if summary is not None and summary.restorable else None
        self.ui.restoreButton.setEnabled(self.candidate is not None)
        if summary is None:
            self.ui.backupLabel.setText(
                self.tr(
                    "No good backup was found next to the data file. If you have a "
                    "copy elsewhere (a USB stick), choose it with “Choose another "
                    "backup…”."
                )
            )
            return
        if not summary.restorable:
            self.ui.backupLabel.setText(
                self.tr("This file cannot be restored: %1").replace("%1", " ".join(summary.problems))
            )
            return
        self.ui.backupLabel.setText(
            self.tr("Backup of %1: %2 products, %3 producers, %4 survey rows, %5 tasks; newest change %6.\n%7")
            .replace("%1", display(summary.made_at) if summary.made_at else "?")
            .replace("%2", display(summary.counts.get("products", 0)))
            .replace("%3", display(summary.counts.get("producers", 0)))
            .replace("%4", display(summary.counts.get("survey_entries", 0)))
            .replace("%5", display(summary.counts.get("tasks", 0)))
            .replace("%6", display(summary.newest_change) if summary.newest_change else "?")
            .replace("%7", str(summary.path))
        )

    def choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            str(self._backups.folder),
            self.tr("OCOP Desktop backup (*.sqlite *.db);;All files (*)"),
        )
        if chosen:
            self.choose_file(Path(chosen))

    def choose_file(self, path: Path) -> None:
        backups = self._backups
        self._page_jobs.read("candidate", lambda: backups.describe(path), self.show_candidate)

    def restore(self) -> None:
        if self.candidate is None:
            return
        self._set_busy(True)
        self.ui.statusLabel.setText(self.tr("Restoring…"))
        self._jobs.run(
            lambda _p, _c: self._backups.restore(self.candidate.path), on_done=self._restored, on_error=self._failed
        )

    def _set_busy(self, busy: bool) -> None:
        for button in (self.ui.restoreButton, self.ui.chooseButton, self.ui.quitButton):
            button.setEnabled(not busy)

    def _restored(self, result: RestoreResult) -> None:
        self.result = result
        self._set_busy(False)
        self.ui.statusLabel.setText(self.tr("Restored."))
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.ui.restoreButton.setEnabled(self.candidate is not None)
        report_error(self, exc, show=self.ui.statusLabel.setText)


def offer_restore(db_path: Path, problems: list[str], actor: Callable[[], str] = lambda: "") -> bool:
    """For app.main when the file fails its check at open: True once a backup has been restored
    (open the file again then), False when the user quits."""
    jobs = JobRunner()
    dialog = DamagedDatabaseDialog(db_path, problems, BackupService(db_path, actor), jobs)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    jobs.wait()
    return accepted
