"""A product's logbook: its entries, the year's totals, the Excel import and forms, and a batch traced to its lots."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain import formatting
from ocop_desktop.domain.language import in_language
from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.gui.table_model import Column, DtoTableModel
from ocop_desktop.services.logbook_forms import LogbookForms
from ocop_desktop.services.logbook_import import LogbookImportResult, LogbookImportService
from ocop_desktop.services.logbooks import BatchTrace, LogbookEntry, LogbookService, LogbookTotals


class LogbookPanel(QWidget):
    """Call ``show_product(product_id, producer_id)``; the table and totals fill when the reads are done."""

    def __init__(
        self,
        logbooks: LogbookService,
        imports: LogbookImportService,
        forms: LogbookForms,
        jobs: JobRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._logbooks, self._imports, self._forms = logbooks, imports, forms
        self._jobs = PageJobs(jobs, self, on_error=self._failed)
        self._product: str | None = None
        self._producer: str | None = None
        kinds = {"material": self.tr("Raw material in"), "batch": self.tr("Batch"), "sale": self.tr("Sale")}
        self.model: DtoTableModel[LogbookEntry] = DtoTableModel(
            [
                Column(self.tr("Kind"), lambda e: kinds[e.kind]),
                Column(self.tr("Date"), lambda e: e.day),
                Column(self.tr("Lot or batch code"), lambda e: e.code),
                Column(self.tr("Material, lots used or buyer"), lambda e: e.what),
                Column(
                    self.tr("Quantity"),
                    lambda e: e.quantity,
                    align_right=True,
                    text=lambda e: formatting.decimal(e.quantity),
                ),
                Column(self.tr("Unit"), lambda e: e.unit),
                Column(
                    self.tr("Unit price"),
                    lambda e: e.price_vnd,
                    align_right=True,
                    text=lambda e: formatting.money(e.price_vnd),
                ),
            ],
            parent=self,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(self._read_totals)
        self.totals = QLabel(self)
        self.totals.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.problems = QPlainTextEdit(self)
        self.problems.setReadOnly(True)
        self.problems.hide()
        self.import_button = QPushButton(self.tr("&Import logbook from Excel…"), self)
        self.template_button = QPushButton(self.tr("Save Excel &template…"), self)
        self.print_button = QPushButton(self.tr("&Blank logbook to print…"), self)
        self.import_button.clicked.connect(self._choose_import)
        self.template_button.clicked.connect(self._choose_template)
        self.print_button.clicked.connect(self._choose_print)
        self.batch = QLineEdit(self)
        self.batch.setPlaceholderText(self.tr("Batch code"))
        self.trace_button = QPushButton(self.tr("T&race"), self)
        self.trace_button.clicked.connect(self.trace)
        self.batch.returnPressed.connect(self.trace)
        self.trace_result = QLabel(self)
        self.trace_result.setWordWrap(True)

        buttons = QHBoxLayout()
        for w in (self.import_button, self.template_button, self.print_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        year_row = QHBoxLayout()
        year_label = QLabel(self.tr("&Year:"), self)
        year_label.setBuddy(self.year)
        year_row.addWidget(year_label)
        year_row.addWidget(self.year)
        year_row.addWidget(self.totals, 1)
        trace_row = QHBoxLayout()
        trace_row.addWidget(self.batch)
        trace_row.addWidget(self.trace_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.problems)
        layout.addLayout(year_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(trace_row)
        layout.addWidget(self.trace_result)
        self._enable()

    # -- reading ---------------------------------------------------------------------------------
    def show_product(self, product_id: str, producer_id: str | None) -> None:
        self._product, self._producer = product_id, producer_id
        self._enable()
        self.reload()

    def reload(self) -> None:
        if self._product is None:
            return
        logbooks, product = self._logbooks, self._product
        self._jobs.read("entries", lambda: logbooks.entries(product), self.model.set_rows)
        self._read_totals()

    def _read_totals(self) -> None:
        if self._product is None:
            return
        logbooks, product, year = self._logbooks, self._product, self.year.value()
        self._jobs.read("totals", lambda: logbooks.totals(product, year), self._show_totals)

    def _show_totals(self, t: LogbookTotals) -> None:
        text = (
            self.tr("%1 batches, output %2 %3; %4 sales, sold %5 %3 at %6 on average.")
            .replace("%1", str(t.batches))
            .replace("%2", formatting.decimal(t.output_quantity) or "—")
            .replace("%3", t.unit)
            .replace("%4", str(t.sales))
            .replace("%5", formatting.decimal(t.quantity_sold) or "—")
            .replace("%6", formatting.money(t.price_vnd) or "—")
        )
        self.totals.setText(" ".join([text, *(in_language(p) for p in t.problems)]))

    def is_busy(self) -> bool:
        return self._jobs.busy()

    def _enable(self) -> None:
        for w in (self.import_button, self.print_button, self.trace_button, self.batch, self.year):
            w.setEnabled(self._product is not None)

    def _failed(self, exc: Exception) -> None:
        report_error(self, exc, show=self.status.setText)

    # -- actions ---------------------------------------------------------------------------------
    def _choose_import(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import logbook"), "", self.tr("Excel workbooks (*.xlsx)")
        )
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, path: Path) -> None:
        """Check the workbook, then store it when it holds no error (all or nothing)."""
        if self._product is None or self._producer is None:
            return
        imports, producer, product = self._imports, self._producer, self._product

        def work() -> LogbookImportResult | list[str]:
            check = imports.check(path, producer, product)
            if check.problems:
                return [in_language(p.message) for p in check.problems]
            return imports.apply(check)

        self.status.setText(self.tr("Importing…"))
        self._jobs.write(work, self._imported, controls=[self.import_button])

    def _imported(self, result: LogbookImportResult | list[str]) -> None:
        if isinstance(result, list):
            self.status.setText(
                self.tr("%1 errors; no row was imported. Correct the file and import it again.").replace(
                    "%1", str(len(result))
                )
            )
            self.problems.setPlainText("\n".join(result))
            self.problems.show()
            return
        self.problems.hide()
        a = result.added
        self.status.setText(
            self.tr("Imported: %1 raw material lots, %2 batches, %3 sales added; %4 rows unchanged.")
            .replace("%1", str(a["materials"]))
            .replace("%2", str(a["batches"]))
            .replace("%3", str(a["sales"]))
            .replace("%4", str(result.unchanged))
        )
        self.reload()

    def _choose_template(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save Excel template"), "so-nhat-ky.xlsx", self.tr("Excel workbooks (*.xlsx)")
        )
        if chosen:
            self.save_template(Path(chosen))

    def save_template(self, path: Path) -> None:
        forms = self._forms
        self._jobs.write(lambda: forms.write_template(path), self._saved, controls=[self.template_button])

    def _choose_print(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Blank logbook to print"), "so-nhat-ky-trong.pdf", self.tr("PDF documents (*.pdf)")
        )
        if chosen:
            self.print_blank(Path(chosen))

    def print_blank(self, path: Path) -> None:
        forms, producer, product, year = self._forms, self._producer, self._product, self.year.value()
        self._jobs.write(
            lambda: forms.print_blank(path, producer, product, year), self._saved, controls=[self.print_button]
        )

    def _saved(self, path: Path) -> None:
        self.status.setText(self.tr("Saved: %1").replace("%1", str(path)))

    def trace(self) -> None:
        code = self.batch.text()
        if not code.strip() or self._product is None:
            return
        logbooks, product = self._logbooks, self._product
        self._jobs.read(
            "trace",
            lambda: logbooks.trace(code, product),
            self._traced,
            on_error=lambda exc: report_error(self, exc, show=self.trace_result.setText),
        )

    def _traced(self, traces: list[BatchTrace]) -> None:
        lines = []
        for t in traces:
            lines.append(
                self.tr("Batch %1 of %2: %3 raw material lots")
                .replace("%1", t.batch_code)
                .replace("%2", formatting.day(t.made_on))
                .replace("%3", str(len(t.lots)))
            )
            lines += [
                f"• {lot.lot_code}: {lot.material}, {formatting.decimal(lot.quantity)} {lot.unit}, "
                f"{formatting.day(lot.received_on)}, {lot.source}, {lot.origin}"
                for lot in t.lots
            ]
        self.trace_result.setText("\n".join(lines))
