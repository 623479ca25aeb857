"""Gửi báo cáo: make a package of this office's data, and see what was sent and what is not yet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QWidget

from ocop_desktop.domain.validation import NotFoundError, ValidationError
from ocop_desktop.exports.report_model import ExportCancelled
from ocop_desktop.gui.error_text import error_text, report_error
from ocop_desktop.gui.exchange.models import local_time, outbox_model
from ocop_desktop.gui.forms.ui_exchange_send_dialog import Ui_SendPackageDialog
from ocop_desktop.gui.jobs import Job, JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.services.exchange import EXTENSION, ExchangeService, OutboxDTO, suggested_file_name

AskPath = Callable[[QWidget, str], str]


def ask_save_path(parent: QWidget, suggested: str) -> str:
    translate = QCoreApplication.translate
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        translate("SendPackageDialog", "Save the package"),
        suggested,
        translate("SendPackageDialog", "OCOP package (*%1)").replace("%1", EXTENSION),
    )
    return chosen


def describe(exc: Exception) -> str:
    """A failure as one line: the core's message, or «Lỗi không mong đợi …» with the traceback logged."""
    return error_text(exc)


class SendPackageDialog(QDialog):
    sent = Signal(object)  # the OutboxDTO of a package just written

    def __init__(
        self,
        exchange: ExchangeService,
        jobs: JobRunner,
        office_name: str = "",
        parent: QWidget | None = None,
        folder: Path | None = None,
        ask_path: AskPath = ask_save_path,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self._exchange, self._jobs, self._ask_path, self._now = exchange, jobs, ask_path, now
        self._office_name = office_name
        self._folder = folder or Path.home()
        self._job: Job | None = None
        self._page_jobs = PageJobs(jobs, self, on_error=lambda exc: self.ui.unsentLabel.setText(describe(exc)))
        self.last: OutboxDTO | None = None
        self.ui = Ui_SendPackageDialog()
        self.ui.setupUi(self)
        self.outbox = outbox_model(self)
        self.ui.outboxView.setModel(self.outbox)
        self.ui.outboxView.verticalHeader().hide()
        self.ui.outboxView.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        if office_name:
            self.ui.officeLabel.setText(self.tr("Sending office: %1").replace("%1", office_name))
        self.ui.exportButton.clicked.connect(self.create_package)
        self.refresh()

    def refresh(self) -> None:
        """Read the packages sent and what changed since the last in the background, then show them."""
        exchange = self._exchange
        self._page_jobs.read(
            "outbox", lambda: (exchange.outbox(), exchange.unsent()), lambda result: self._show(*result)
        )

    def busy(self) -> bool:
        """Whether a read or the package being made still runs."""
        return self._page_jobs.busy() or (self._job is not None and not self._job.done)

    def _show(self, sent: list[OutboxDTO], unsent) -> None:
        self.outbox.set_rows(sent)
        if unsent.since is None:
            self.ui.unsentLabel.setText(self.tr("No package has been sent yet: the first package holds everything."))
            self.ui.allRadio.setChecked(True)
            self.ui.changesRadio.setEnabled(False)
            return
        self.ui.changesRadio.setEnabled(True)
        since = local_time(unsent.since)
        if unsent.total:
            counts = ", ".join(f"{label}: {n}" for label, n in unsent.counts.items())
            self.ui.unsentLabel.setText(
                self.tr("Not sent yet (changed since the package of %1): %2").replace("%1", since).replace("%2", counts)
            )
        else:
            self.ui.unsentLabel.setText(self.tr("Everything was sent with the package of %1.").replace("%1", since))

    def create_package(self) -> None:
        suggested = str(self._folder / suggested_file_name(self._office_name, self._now()))
        chosen = self._ask_path(self, suggested)
        if not chosen:
            return
        path = Path(chosen if chosen.endswith(EXTENSION) else chosen.removesuffix(".zip") + EXTENSION)
        changes = self.ui.changesRadio.isChecked() and self.ui.changesRadio.isEnabled()
        reports, note = self.ui.reportsCheck.isChecked(), self.ui.noteEdit.text().strip()

        def work(progress, cancel):
            return self._exchange.export(
                path,
                changes_only=changes,
                include_reports=reports,
                note=note,
                progress=progress,
                cancelled=lambda: cancel.cancelled,
            )

        self._busy(True)
        self.ui.statusLabel.setText(self.tr("Making the package…"))
        self._job = self._jobs.run(
            work,
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progress,
            on_cancelled=lambda: self._failed(ExportCancelled()),
        )

    def _busy(self, busy: bool) -> None:
        self.ui.exportButton.setEnabled(not busy)
        self.ui.progressBar.setVisible(busy)
        self.ui.progressBar.setValue(0)

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.ui.progressBar.setMaximum(max(total, 1))
        self.ui.progressBar.setValue(done)

    def _done(self, sent: OutboxDTO) -> None:
        self._busy(False)
        self.last = sent
        self.ui.statusLabel.setText(
            self.tr("Package saved: %1 (%2 records). Send this file by email, chat or USB stick.")
            .replace("%1", sent.file_name)
            .replace("%2", str(sent.total))
        )
        self.refresh()
        self.sent.emit(sent)

    def _failed(self, exc: Exception) -> None:
        self._busy(False)
        if isinstance(exc, ExportCancelled):
            self.ui.statusLabel.setText(self.tr("Cancelled; no package was written."))
        elif isinstance(exc, (ValidationError, NotFoundError, OSError)):
            self.ui.statusLabel.setText(describe(exc))
        else:  # a refused key or package says why; anything else is a bug, shown and logged as one
            report_error(
                self,
                exc,
                show=lambda reason: self.ui.statusLabel.setText(
                    self.tr("The package could not be made: %1").replace("%1", reason)
                ),
            )

    def reject(self) -> None:
        if self._job is not None and not self._job.done:
            self._job.cancel()
        super().reject()
