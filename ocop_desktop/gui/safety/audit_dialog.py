"""The office's activity log, or one record's history: filter, read the old and new values, print."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QWidget

from ocop_desktop.domain.schema import AUDIT_LOG
from ocop_desktop.domain.text import SEARCH_MAX_CHARS
from ocop_desktop.gui.forms.ui_safety_audit_log import Ui_AuditLogDialog
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.gui.reports.preview import print_pdf
from ocop_desktop.gui.safety.backup_dialog import failure_text
from ocop_desktop.gui.schema_columns import Shown, schema_columns
from ocop_desktop.gui.table_model import DtoTableModel
from ocop_desktop.services.audit import AuditEntryDTO, AuditFilter, AuditService


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class AuditLogDialog(QDialog):
    """The activity log; with ``record=(entity, entity_id, name)`` the history of that record only."""

    def __init__(
        self,
        audit: AuditService,
        jobs: JobRunner,
        parent: QWidget | None = None,
        record: tuple[str, str, str] | None = None,
        today: Callable[[], date] = date.today,
        work_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._audit, self._jobs, self._record, self._today = audit, jobs, record, today
        self._page_jobs = PageJobs(jobs, self, on_error=self._failed)
        self._work_dir = work_dir or Path(tempfile.mkdtemp(prefix="ocop-nhat-ky-"))
        self.last_pdf: Path | None = None
        self.ui = Ui_AuditLogDialog()
        self.ui.setupUi(self)
        self.ui.searchEdit.setMaxLength(SEARCH_MAX_CHARS)  # the service refuses longer searches
        # The log's window table (AUDIT_LOG, domain/schema/safety.py): «Thao tác» by its name, «Bản ghi»
        # by its kind and name, each change's old and new value in the tooltip.
        shown: dict[str, Shown[AuditEntryDTO]] = {
            "action": Shown(value=lambda e: e.action_label),
            "record": Shown(value=lambda e: f"{e.entity_label}: {e.record}" if e.record else e.entity_label),
            "summary": Shown(tooltip=lambda e: "\n".join(f"{c.label}: {c.old} → {c.new}" for c in e.changes)),
        }
        self.model: DtoTableModel[AuditEntryDTO] = DtoTableModel(schema_columns(AUDIT_LOG, shown), parent=self)
        view = self.ui.entriesView
        view.setModel(self.model)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((60, 120, 150, 150, 240)):
            view.setColumnWidth(column, width)
        view.selectionModel().currentRowChanged.connect(self._show_details)
        u = self.ui
        u.fromDate.setDate(_qdate(today() - timedelta(days=30)))
        u.toDate.setDate(_qdate(today()))
        u.dateCheck.toggled.connect(self._dates_toggled)
        for field in (u.fromDate, u.toDate):  # a date is read as typed; a wrong one is said, not replaced
            field.refused.connect(u.statusLabel.setText)
        self._dates_toggled(False)
        u.entityCombo.addItem(self.tr("All kinds"), None)
        if record is None:  # the kinds of record are listed once read, after the entries
            self._page_jobs.read("entities", lambda: audit.entities(), self._entities_read)
        else:
            _entity, _entity_id, name = record
            self.setWindowTitle(self.tr("History of %1").replace("%1", name))
            for widget in (u.entityLabel, u.entityCombo, u.searchLabel, u.searchEdit):
                widget.setVisible(False)
        u.refreshButton.clicked.connect(self.reload)
        u.searchEdit.returnPressed.connect(self.reload)
        u.entityCombo.currentIndexChanged.connect(self.reload)
        u.printButton.clicked.connect(self.print_log)
        u.savePdfButton.clicked.connect(self.save_pdf)
        u.buttons.rejected.connect(self.reject)
        self.reload()

    def _dates_toggled(self, on: bool) -> None:
        for widget in (self.ui.fromDate, self.ui.toLabel, self.ui.toDate):
            widget.setEnabled(on)

    def current_filter(self) -> AuditFilter:
        u = self.ui
        dated = u.dateCheck.isChecked()
        since, until = (_pydate(u.fromDate.date()), _pydate(u.toDate.date())) if dated else (None, None)
        if self._record is not None:
            entity, entity_id, _name = self._record
            return AuditFilter(entity=entity, entity_id=entity_id, since=since, until=until, limit=100_000)
        return AuditFilter(
            entity=u.entityCombo.currentData(), search=u.searchEdit.text().strip() or None, since=since, until=until
        )

    def reload(self) -> None:
        if self.ui.dateCheck.isChecked() and not all(f.check() for f in (self.ui.fromDate, self.ui.toDate)):
            return  # the status line says which date is wrong
        flt = self.current_filter()
        self.ui.statusLabel.setText(self.tr("Loading…"))
        audit = self._audit
        self._page_jobs.read("entries", lambda: audit.entries(flt), self._loaded)

    def _entities_read(self, entities: list[tuple[str, str]]) -> None:
        combo = self.ui.entityCombo
        combo.blockSignals(True)  # listing them changes no filter
        for entity, label in entities:
            combo.addItem(label, entity)
        combo.blockSignals(False)

    def _loaded(self, entries: list[AuditEntryDTO]) -> None:
        self.model.set_rows(entries)
        self.ui.detailsView.clear()
        text = self.tr("%1 entries, newest first.").replace("%1", str(len(entries)))
        if len(entries) >= self.current_filter().limit:
            text += " " + self.tr("Only the newest are shown; narrow the dates to see older ones.")
        self.ui.statusLabel.setText(text)
        if entries:
            self.ui.entriesView.selectRow(0)

    def _failed(self, exc: Exception) -> None:
        self.ui.statusLabel.setText(failure_text(exc))

    def _show_details(self, current, _previous=None) -> None:
        if not current.isValid():
            self.ui.detailsView.clear()
            return
        e = self.model.row(current.row())
        lines = [
            f"#{e.seq} · {e.at:%d/%m/%Y %H:%M:%S} · {e.actor} · {e.action_label}",
            f"{e.entity_label}: {e.record}" if e.record else e.entity_label,
        ]
        lines += [f"  {c.label}: {c.old} → {c.new}" for c in e.changes]
        if e.context:
            lines.append(e.context)
        self.ui.detailsView.setPlainText("\n".join(lines))

    # -- printing -----------------------------------------------------------------------------------
    def _title(self) -> str:
        if self._record is None:
            return ""
        return f"Lịch sử thay đổi của {self._record[2]}"

    def write_pdf_to(self, target: Path, then: Callable[[Path], None]) -> None:
        """The log as filtered, as an administrative document, written in the background."""
        flt, title, today = self.current_filter(), self._title(), self._today()
        self.ui.statusLabel.setText(self.tr("Preparing the document…"))
        sign = target.parent != self._work_dir  # a saved file gets its .sig; one sent to the printer does not
        self._jobs.run(
            lambda _p, _c: self._audit.write_pdf(target, flt, title=title, today=today, sign=sign),
            on_done=lambda path: self._written(Path(path), then),
            on_error=self._failed,
        )

    def _written(self, path: Path, then: Callable[[Path], None]) -> None:
        self.last_pdf = path
        self.ui.statusLabel.setText(self.tr("Saved to %1").replace("%1", str(path)))
        then(path)

    def save_pdf(self) -> None:
        name = f"nhat-ky-thay-doi-{self._today():%Y%m%d}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the log"), str(Path.home() / name), self.tr("PDF document (*.pdf)")
        )
        if chosen:
            self.write_pdf_to(Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf"), lambda _p: None)

    def print_log(self) -> None:
        self.write_pdf_to(self._work_dir / "nhat-ky-in.pdf", self._print_file)

    def _print_file(self, path: Path) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        try:
            count = print_pdf(path, printer)
        except OSError as exc:
            self.ui.statusLabel.setText(failure_text(exc))
            return
        self.ui.statusLabel.setText(self.tr("Sent %1 page(s) to the printer.").replace("%1", str(count)))
