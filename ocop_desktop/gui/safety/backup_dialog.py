"""Backups and restore: the copies kept next to the data, a copy to a USB stick, restoring one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QWidget

from ocop_desktop.domain.schema import BACKUP
from ocop_desktop.gui.error_text import error_text, report_error
from ocop_desktop.gui.forms.ui_safety_backup import Ui_BackupDialog
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.gui.safety.restore_dialog import RestoreConfirmDialog, size_text
from ocop_desktop.gui.schema_columns import Shown, schema_columns
from ocop_desktop.gui.table_model import DtoTableModel
from ocop_desktop.services.backup import BackupInfo, BackupService, BackupSummary

Confirm = Callable[[BackupSummary, "BackupSummary | None"], bool]


def failure_text(exc: Exception) -> str:
    """What to tell the user about a failed backup or restore: the disk's story, or the reason."""
    return error_text(exc)


class BackupDialog(QDialog):
    """``restored`` carries the RestoreResult: the caller reloads its pages from the database."""

    restored = Signal(object)

    def __init__(
        self,
        backups: BackupService,
        jobs: JobRunner,
        parent: QWidget | None = None,
        confirm: Confirm | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._backups, self._jobs, self._today = backups, jobs, today
        self._confirm = confirm or self._ask
        self._working = False
        self._page_jobs = PageJobs(jobs, self, on_error=self._failed)
        self.ui = Ui_BackupDialog()
        self.ui.setupUi(self)
        # The backups' window table (BACKUP, domain/schema/safety.py).
        shown: dict[str, Shown[BackupInfo]] = {
            "size": Shown(text=lambda b: size_text(b.size)),
            "path": Shown(value=lambda b: b.path.name, tooltip=lambda b: str(b.path)),
        }
        self.model: DtoTableModel[BackupInfo] = DtoTableModel(schema_columns(BACKUP, shown), parent=self)
        self.ui.backupsView.setModel(self.model)
        header = self.ui.backupsView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.ui.folderLabel.setText(self.tr("Automatic copies are kept in: %1").replace("%1", str(backups.folder)))
        self.ui.backUpButton.clicked.connect(self.back_up)
        self.ui.backUpHereButton.clicked.connect(lambda: self.back_up_to(None))
        self.ui.restoreButton.clicked.connect(self.restore_selected)
        self.ui.restoreFileButton.clicked.connect(self.restore_file)
        self.ui.openFolderButton.clicked.connect(self.open_folder)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.backupsView.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    # -- list ---------------------------------------------------------------------------------------
    def reload(self) -> None:
        """List the copies in the background (each is a file to read)."""
        backups = self._backups
        self._page_jobs.read("list", lambda: backups.backups(), self._listed)

    def busy(self) -> bool:
        return self._page_jobs.busy() or self._working

    def _listed(self, rows: list[BackupInfo]) -> None:
        self.model.set_rows(rows)
        if self.model.rowCount():
            self.ui.backupsView.selectRow(0)
        self._selection_changed()

    def selected(self) -> BackupInfo | None:
        rows = self.ui.backupsView.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _selection_changed(self, *_args) -> None:
        self.ui.restoreButton.setEnabled(self.selected() is not None and not self._busy_now())

    def _busy_now(self) -> bool:
        return self._working

    def _busy(self, text: str) -> None:
        self._working = bool(text)
        for button in (
            self.ui.backUpButton,
            self.ui.backUpHereButton,
            self.ui.restoreButton,
            self.ui.restoreFileButton,
        ):
            button.setEnabled(not text)
        self.ui.progressBar.setVisible(bool(text))
        if text:
            self.ui.statusLabel.setText(text)
        else:
            self._selection_changed()

    def _failed(self, exc: Exception) -> None:
        self._busy("")
        report_error(self, exc, show=self.ui.statusLabel.setText)

    # -- backing up ---------------------------------------------------------------------------------
    def back_up(self) -> None:
        name = f"ocop-ban-sao-{self._today():%Y%m%d}.sqlite"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up to a file"), str(Path.home() / name), self.tr("OCOP Desktop backup (*.sqlite)")
        )
        if chosen:
            self.back_up_to(Path(chosen if chosen.lower().endswith(".sqlite") else f"{chosen}.sqlite"))

    def back_up_to(self, target: Path | None) -> None:
        """A verified copy to ``target`` (None: into the backups folder), in the background."""
        self._busy(self.tr("Copying and checking the data…"))
        self._jobs.run(lambda _p, _c: self._backups.back_up(target), on_done=self._backed_up, on_error=self._failed)

    def _backed_up(self, info: BackupInfo) -> None:
        self._busy("")
        self.reload()
        self.ui.statusLabel.setText(
            self.tr("Backed up to %1 (%2), checked and complete.")
            .replace("%1", str(info.path))
            .replace("%2", size_text(info.size))
        )

    # -- restoring ----------------------------------------------------------------------------------
    def restore_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.restore_from(info.path)

    def restore_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from a file"),
            str(Path.home()),
            self.tr("OCOP Desktop backup (*.sqlite *.db);;All files (*)"),
        )
        if chosen:
            self.restore_from(Path(chosen))

    def restore_from(self, path: Path) -> None:
        """Read the backup's summary, ask, then restore (the current data are backed up first)."""
        self._busy(self.tr("Reading the backup…"))
        self._jobs.run(
            lambda _p, _c: (self._backups.describe(path), self._backups.current()),
            on_done=self._described,
            on_error=self._failed,
        )

    def _described(self, summaries: tuple[BackupSummary, BackupSummary]) -> None:
        self._busy("")
        backup, current = summaries
        if not backup.restorable:
            self.ui.statusLabel.setText(" ".join(backup.problems))
            return
        if not self._confirm(backup, current):
            self.ui.statusLabel.setText(self.tr("Restore cancelled; nothing was changed."))
            return
        self._busy(self.tr("Saving the current data, then restoring…"))
        self._jobs.run(lambda _p, _c: self._backups.restore(backup.path), on_done=self._restored, on_error=self._failed)

    def _ask(self, backup: BackupSummary, current: BackupSummary | None) -> bool:
        return RestoreConfirmDialog(backup, current, self).exec() == QDialog.DialogCode.Accepted

    def _restored(self, result) -> None:
        self._busy("")
        self.reload()
        text = self.tr("Restored from %1.").replace("%1", result.restored_from.name)
        if result.safety_copy is not None:
            text += " " + self.tr("The data as they were just before are kept in %1.").replace(
                "%1", str(result.safety_copy)
            )
        self.ui.statusLabel.setText(text)
        self.restored.emit(result)

    def open_folder(self) -> None:
        folder = self._backups.folder
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
