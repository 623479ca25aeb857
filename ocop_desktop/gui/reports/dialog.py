"""The report dialog: choose a report, preview the PDF, print it, save it as PDF or Excel."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QMessageBox, QWidget

from ocop_desktop.exports.report_model import ExportCancelled
from ocop_desktop.gui.error_text import known_message, report_error
from ocop_desktop.gui.forms.ui_reports_dialog import Ui_ReportsDialog
from ocop_desktop.gui.jobs import Job, JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.gui.reports.preview import (
    PREVIEW_PAGES,
    PagesView,
    PreviewNavigator,
    page_count,
    print_pdf,
    render_pages,
)
from ocop_desktop.gui.reports.settings_dialog import ReportSettingsDialog
from ocop_desktop.services.report_settings import ReportSettings
from ocop_desktop.services.reports import ReportRequest, ReportService


class ReportsDialog(QDialog):
    def __init__(
        self,
        reports: ReportService,
        jobs: JobRunner,
        settings: tuple[Callable[[], ReportSettings], Callable[[ReportSettings], ReportSettings]],
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
        work_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._reports, self._jobs, self._today = reports, jobs, today
        self._read_settings, self._save_settings = settings
        self._work_dir = work_dir or Path(tempfile.mkdtemp(prefix="ocop-report-"))
        self._job: Job | None = None
        self._printer: QPrinter | None = None
        self.last_file: Path | None = None
        self.ui = Ui_ReportsDialog()
        self.ui.setupUi(self)
        self.pages = PagesView()
        self.navigator = PreviewNavigator(self.ui.previewArea, self.pages, self._show_zoom)
        self.ui.fitWidthButton.clicked.connect(self.navigator.fit_width)
        self.ui.fitPageButton.clicked.connect(self.navigator.fit_page)
        self.ui.actualSizeButton.clicked.connect(self.navigator.actual_size)
        self.ui.previewArea.verticalScrollBar().valueChanged.connect(self._show_zoom)  # "Page 2 of 5" as it scrolls
        kinds = [
            ("survey", self.tr("Survey results (the letter's report)")),
            ("products", self.tr("OCOP product register")),
            ("expiring", self.tr("Certificates expiring soon")),
            ("tasks", self.tr("Tasks of a directive")),
            ("summary", self.tr("Summary with charts")),
            ("survey-form", self.tr("Blank survey form for field visits")),
            ("labels", self.tr("Products with incomplete labels or trademarks")),
            ("activities", self.tr("Support, training, communication and fairs of the document's year")),
        ]
        for key, label in kinds:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.ui.kindList.addItem(item)
        self._scope_choices: list[tuple[str, str]] = []  # the units of today, read with the options
        self._units: dict = {}  # campaign id -> ((unit id, name), …)
        # The document's date: its issuer is the office's unit valid that day, and the figures
        # (days late, certificates expiring) are counted to it.
        self.ui.dateEdit.set_label(self.ui.dateLabel.text())
        self.ui.dateEdit.setDate(today())
        self.ui.dateEdit.refused.connect(self.ui.statusLabel.setText)
        self.ui.kindList.currentRowChanged.connect(self._kind_changed)
        self.ui.campaignCombo.currentIndexChanged.connect(self._fill_units)
        self.ui.previewButton.clicked.connect(self.preview)
        self.ui.printButton.clicked.connect(self.print_report)
        self.ui.savePdfButton.clicked.connect(lambda: self.save("pdf"))
        self.ui.saveXlsxButton.clicked.connect(lambda: self.save("xlsx"))
        self.ui.openButton.clicked.connect(self.open_in_viewer)
        self.ui.settingsButton.clicked.connect(self.edit_settings)
        self.ui.cancelButton.clicked.connect(self.cancel)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.kindList.setCurrentRow(0)
        self._fill_units()
        # The campaigns, directives and units are read in the background; the report buttons wait for them.
        self._page_jobs = PageJobs(jobs, self, on_error=self._failed)
        self._buttons = (self.ui.previewButton, self.ui.printButton, self.ui.savePdfButton, self.ui.saveXlsxButton)
        for button in self._buttons:
            button.setEnabled(False)
        day = today()
        self._page_jobs.read("options", lambda: (reports.options(day), reports.scope_units(day)), self._options_read)

    def busy(self) -> bool:
        """Whether the choices are still being read or a report is being made."""
        return self._page_jobs.busy() or (self._job is not None and not self._job.done)

    def _options_read(self, result) -> None:
        options, self._scope_choices = result
        self._units = {c.id: c.units for c in options.campaigns}
        for campaign in options.campaigns:
            self.ui.campaignCombo.addItem(str(campaign.year), campaign.id)  # its signal fills the units
        for directive_id, label in options.directives:
            self.ui.directiveCombo.addItem(label, directive_id)
        for button in self._buttons:
            button.setEnabled(True)
        self._fill_units()

    # -- choices ------------------------------------------------------------------------------
    def select_kind(self, kind: str) -> None:
        for row in range(self.ui.kindList.count()):
            if self.ui.kindList.item(row).data(Qt.ItemDataRole.UserRole) == kind:
                self.ui.kindList.setCurrentRow(row)

    def kind(self) -> str:
        item = self.ui.kindList.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "survey"

    def _kind_changed(self) -> None:
        kind = self.kind()
        for widgets, used in (
            ((self.ui.campaignLabel, self.ui.campaignCombo), kind in ("survey", "survey-form")),
            (
                (self.ui.unitLabel, self.ui.unitCombo),
                kind in ("survey", "products", "expiring", "summary", "labels", "activities"),
            ),
            ((self.ui.monthsLabel, self.ui.monthsSpin), kind == "expiring"),
            ((self.ui.directiveLabel, self.ui.directiveCombo), kind == "tasks"),
        ):
            for widget in widgets:
                widget.setVisible(used)
        self._fill_units()

    def _fill_units(self) -> None:
        # A survey lists its campaign's units (and the units of today that took them over);
        # the registry reports list the units of today: each covers the units merged into it.
        if self.kind() == "survey":
            units = self._units.get(self.ui.campaignCombo.currentData(), ())
        else:
            units = self._scope_choices
        chosen = self.ui.unitCombo.currentData()
        self.ui.unitCombo.clear()
        self.ui.unitCombo.addItem(self.tr("All units"), "")
        for unit_id, name in units:
            self.ui.unitCombo.addItem(name, unit_id)
        if chosen and self.ui.unitCombo.findData(chosen) >= 0:
            self.ui.unitCombo.setCurrentIndex(self.ui.unitCombo.findData(chosen))

    def request(self) -> ReportRequest:
        return ReportRequest(
            kind=self.kind(),
            campaign_id=self.ui.campaignCombo.currentData(),
            unit_id=self.ui.unitCombo.currentData() or None,
            months=self.ui.monthsSpin.value(),
            directive_id=self.ui.directiveCombo.currentData(),
            today=self.document_date(),
        )

    def document_date(self) -> date:
        value = self.ui.dateEdit.value()
        return value if isinstance(value, date) else self._today()

    # -- background work ----------------------------------------------------------------------------
    def _busy(self, busy: bool, text: str = "") -> None:
        for button in (
            self.ui.previewButton,
            self.ui.printButton,
            self.ui.savePdfButton,
            self.ui.saveXlsxButton,
            self.ui.openButton,
        ):
            button.setEnabled(not busy)
        self.ui.progressBar.setVisible(busy)
        self.ui.cancelButton.setVisible(busy)
        self.ui.progressBar.setValue(0)
        self.ui.statusLabel.setText(text)

    def _progress(self, done: int, total: int, _text: str = "") -> None:
        self.ui.progressBar.setMaximum(max(total, 1))
        self.ui.progressBar.setValue(done)

    def _run(self, fmt: str, target: Path, then: Callable[[object], None], render: bool = False) -> None:
        request = self.request()

        def work(progress, cancel):
            # A saved file gets its signature (.sig) beside it; a preview in the work folder does not.
            self._reports.export(
                request,
                fmt,
                target,
                progress=lambda d, t: progress(d, t, ""),
                cancelled=lambda: cancel.cancelled,
                sign=target.parent != self._work_dir,
            )
            if render:  # rendering the preview pages is slow too: keep it off the UI thread
                return target, page_count(target), render_pages(target, limit=PREVIEW_PAGES)
            return target

        self._start(work, then)

    def _start(self, work, then: Callable[[object], None]) -> None:
        """Run ``work(progress, cancel)`` through the job helper, off the UI thread."""
        self._busy(True, self.tr("Preparing the report…"))
        self._job = self._jobs.run(
            work,
            on_done=lambda result: (self._busy(False), then(result)),
            on_error=self._failed,
            on_progress=self._progress,
            on_cancelled=lambda: self._busy(False, self.tr("Cancelled; no file was written.")),
        )

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _failed(self, exc: Exception) -> None:
        self._busy(False)
        if isinstance(exc, ExportCancelled):
            self.ui.statusLabel.setText(self.tr("Cancelled; no file was written."))
            return
        message = known_message(exc)  # Vietnamese, naming what to do (a refused issuer, a full disk …)
        if message is None:  # a bug: «Lỗi không mong đợi», its traceback in the log
            report_error(
                self,
                exc,
                show=lambda reason: self.ui.statusLabel.setText(
                    self.tr("The report could not be made: %1").replace("%1", reason)
                ),
            )
            return
        self.ui.statusLabel.setText(message)
        QMessageBox.warning(self, self.tr("Reports"), message)

    # -- actions ------------------------------------------------------------------------------------
    def preview(self) -> None:
        self._run("pdf", self._work_dir / f"xem-truoc-{self.kind()}.pdf", self._show_preview, render=True)

    def _show_preview(self, result) -> None:
        path, count, images = result
        self.last_file = Path(path)  # the file made for this preview, whatever is selected now
        self.pages.set_pages(images)
        self.navigator.refit()
        self.navigator.show_page(0)
        self._show_zoom()
        text = self.tr("%1 page(s).").replace("%1", str(count))
        if count > len(images):
            text += " " + self.tr("The preview shows the first %1; the file holds them all.").replace(
                "%1", str(len(images))
            )
        self.ui.statusLabel.setText(text)

    def save(self, fmt: str) -> None:
        suffix = {"pdf": self.tr("PDF document (*.pdf)"), "xlsx": self.tr("Excel workbook (*.xlsx)")}[fmt]
        name = f"bao-cao-{self.kind()}-{self.document_date():%Y%m%d}.{fmt}"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"), str(Path.home() / name), suffix)
        if not chosen:
            return
        target = Path(chosen if chosen.lower().endswith(f".{fmt}") else f"{chosen}.{fmt}")
        self._run(fmt, target, self._saved)

    def _saved(self, path) -> None:
        self.last_file = Path(path)
        self.ui.statusLabel.setText(self.tr("Saved to %1").replace("%1", str(path)))

    def choose_printer(self) -> QPrinter | None:
        """The printer and copies the user picks; None when the print dialog is cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def print_report(self) -> None:
        """Print the report and options selected now: made again from the current choices (never
        an earlier preview), each page on its own sheet in its own orientation at 100 %."""
        printer = self.choose_printer()
        if printer is None:
            return
        request = self.request()
        target = self._work_dir / f"in-{request.kind}.pdf"

        def work(progress, cancel):
            self._reports.export(
                request,
                "pdf",
                target,
                progress=lambda d, t: progress(d, t, ""),
                cancelled=lambda: cancel.cancelled,
                sign=False,
            )  # printed: the seal is on paper
            return target, print_pdf(
                target, printer, progress=lambda d, t: progress(d, t, ""), cancelled=lambda: cancel.cancelled
            )

        self._printer = printer  # alive until the job is done
        self._start(work, self._printed)

    def _printed(self, result) -> None:
        path, count = result
        self.last_file, self._printer = Path(path), None
        self.ui.statusLabel.setText(self.tr("Sent %1 page(s) to the printer.").replace("%1", str(count)))

    def _show_zoom(self) -> None:
        if not self.pages.pages:
            self.ui.zoomLabel.setText("")
            return
        self.ui.zoomLabel.setText(
            self.tr("Page %1 of %2 · %3 %")
            .replace("%1", str(self.navigator.current_page() + 1))
            .replace("%2", str(len(self.pages.pages)))
            .replace("%3", str(round(self.pages.zoom * 100)))
        )

    def open_in_viewer(self) -> None:
        if self.last_file is None or not self.last_file.exists():
            self.ui.statusLabel.setText(self.tr("Preview or save the report first."))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_file)))

    def edit_settings(self) -> None:
        """Read the document settings in the background, then open them on the kind shown."""
        kind = self.kind()
        self._page_jobs.read("settings", self._read_settings, lambda current: self._open_settings(current, kind))

    def _open_settings(self, current: ReportSettings, kind: str) -> None:
        dialog = ReportSettingsDialog(current, self._save_settings, self, kind=kind, jobs=self._jobs)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.ui.statusLabel.setText(self.tr("Document settings saved."))
