"""A product's dossier for its round: each document's state, date, checker and scan, edited one at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.numbers import DateError, format_vn_date
from ocop_desktop.domain.pipeline import DossierStatus
from ocop_desktop.domain.schema import DOSSIER_ITEM
from ocop_desktop.domain.validation import StaleDataError
from ocop_desktop.gui.date_field import DateField
from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.gui.schema_columns import Shown, caption, schema_columns
from ocop_desktop.gui.table_model import DtoTableModel
from ocop_desktop.services.dossiers import DossierService
from ocop_desktop.services.pipeline_types import Dossier, DossierItemInput, DossierRow


class DossierDialog(QDialog):
    """Opened from the board for one product; ``changed`` after each document saved."""

    changed = Signal()

    def __init__(
        self,
        dossiers: DossierService,
        product_id: str,
        jobs: JobRunner,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._dossiers, self._product_id, self._today = dossiers, product_id, today
        self._jobs = PageJobs(
            jobs, self, on_error=lambda exc: report_error(self, exc, show=self._say_error), on_stale=self._stale
        )
        self._dossier: Dossier | None = None
        self.setWindowTitle(self.tr("Dossier"))
        self.resize(900, 560)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        yes, no = self.tr("Yes"), ""
        self.model: DtoTableModel[DossierRow] = DtoTableModel(
            schema_columns(
                DOSSIER_ITEM,
                {
                    # A document the rule set's public sources did not confirm is marked, its note in the tooltip.
                    "name": Shown(
                        text=lambda r: r.name if r.confirmed else f"{r.name} (*)", tooltip=lambda r: r.source_note
                    ),
                    "required": Shown(text=lambda r: yes if r.required else no),
                    "status": Shown(text=lambda r: DossierStatus(r.status).shown),
                },
            ),
            parent=self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._show_item(current.row()))

        self.status_combo = QComboBox()
        for status in DossierStatus:
            self.status_combo.addItem(status.shown, status.value)
        self.checked_on = DateField()
        self.checked_on.set_optional(True)
        self.checked_by = QLineEdit()
        self.file_edit = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self._open_file)
        self.note_edit = QLineEdit()
        form = QFormLayout()
        form.addRow(caption(DOSSIER_ITEM.field("status")), self.status_combo)
        form.addRow(caption(DOSSIER_ITEM.field("checked_on")), self.checked_on)
        self.checked_on.set_label(caption(DOSSIER_ITEM.field("checked_on")))
        form.addRow(caption(DOSSIER_ITEM.field("checked_by")), self.checked_by)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit)
        file_row.addWidget(browse)
        file_row.addWidget(self.open_button)
        form.addRow(caption(DOSSIER_ITEM.field("file_path"), shortcut=False), file_row)
        form.addRow(caption(DOSSIER_ITEM.field("note")), self.note_edit)
        self.save_button = QPushButton(self.tr("Save this document"))
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        layout.addWidget(buttons)
        self._set_editable(False)
        self.reload()

    # -- loading ----------------------------------------------------------------------------------
    def reload(self) -> None:
        product = self._product_id
        self._jobs.read("dossier", lambda: self._dossiers.dossier(product), self._loaded)

    def is_busy(self) -> bool:
        return self._jobs.busy()

    def _loaded(self, dossier: Dossier) -> None:
        self._dossier = dossier
        row = self.table.currentIndex().row()
        self.model.set_rows(dossier.items)
        missing = dossier.missing
        due = (
            self.tr(", dossier due %1").replace("%1", format_vn_date(dossier.dossier_due_on))
            if dossier.dossier_due_on
            else ""
        )
        head = (
            self.tr("«%1» — %2, round %3 (rule set %4)%5")
            .replace("%1", dossier.product)
            .replace("%2", dossier.producer or "…")
            .replace("%3", dossier.round or "…")
            .replace("%4", dossier.rule_set_code)
            .replace("%5", due)
        )
        state = (
            self.tr("Missing %1 required document(s): %2")
            .replace("%1", str(len(missing)))
            .replace("%2", "; ".join(i.name for i in missing))
            if missing
            else self.tr("Every required document is accepted.")
        )
        unconfirmed = (
            "\n" + self.tr("(*) not confirmed in a public source of the rule set; hover for its note.")
            if any(not i.confirmed for i in dossier.items)
            else ""
        )
        self.heading.setText(f"{head}\n{state}{unconfirmed}")
        self.setWindowTitle(self.tr("Dossier — %1").replace("%1", dossier.product))
        if dossier.items:
            self.table.selectRow(max(0, min(row, len(dossier.items) - 1)))

    def _stale(self, exc: StaleDataError) -> None:
        """The document was saved by someone else since it was shown: the table shows theirs, the
        form keeps what was typed (saving it again is a choice made seeing both), and says who."""
        typed = (
            self.status_combo.currentIndex(),
            self.checked_on.text(),
            self.checked_by.text(),
            self.file_edit.text(),
            self.note_edit.text(),
        )

        def shown(dossier: Dossier) -> None:
            self._loaded(dossier)
            status, checked_on, checked_by, path, note = typed
            self.status_combo.setCurrentIndex(status)
            self.checked_on.setText(checked_on)
            self.checked_by.setText(checked_by)
            self.file_edit.setText(path)
            self.note_edit.setText(note)
            self._say_error(str(exc))

        product = self._product_id
        self._jobs.read("dossier", lambda: self._dossiers.dossier(product), shown)

    def _show_item(self, row: int) -> None:
        if not (0 <= row < self.model.rowCount()):
            self._set_editable(False)
            return
        item = self.model.row(row)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(item.status)))
        self.checked_on.setDate(item.checked_on)
        self.checked_by.setText(item.checked_by)
        self.file_edit.setText(item.file_path)
        self.note_edit.setText(item.note)
        self._set_editable(True)

    def _set_editable(self, on: bool) -> None:
        for w in (
            self.status_combo,
            self.checked_on,
            self.checked_by,
            self.file_edit,
            self.note_edit,
            self.save_button,
        ):
            w.setEnabled(on)

    # -- saving -----------------------------------------------------------------------------------
    def select_item(self, code: str) -> None:
        """Select the document ``code`` (tests, and the board's refusal that names one)."""
        for i, item in enumerate(self.model.rows()):
            if item.item_code == code:
                self.table.selectRow(i)
                return

    def save(self) -> None:
        row = self.table.currentIndex().row()
        if not (0 <= row < self.model.rowCount()):
            return
        try:
            checked_on = self.checked_on.checked_value()
        except DateError as exc:
            self._say_error(str(exc))
            return
        shown = self.model.row(row)
        code, product, today = shown.item_code, self._product_id, self._today()
        data = DossierItemInput(
            status=str(self.status_combo.currentData()),
            checked_on=checked_on,
            checked_by=self.checked_by.text(),
            file_path=self.file_edit.text(),
            note=self.note_edit.text(),
            version=shown.version,
        )
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Saving…"))
        self._jobs.write(
            lambda: self._dossiers.set_item(product, code, data, today), self._saved, controls=[self.save_button]
        )

    def _saved(self, dossier: Dossier) -> None:
        self.message.setText(self.tr("Saved."))
        self._loaded(dossier)
        self.changed.emit()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Scanned file"),
            self.file_edit.text(),
            self.tr("Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)"),
        )
        if path:
            self.file_edit.setText(path)

    def _open_file(self) -> None:
        path = Path(self.file_edit.text().strip()).expanduser()
        if not self.file_edit.text().strip() or not path.is_file():
            self._say_error(self.tr("The file %1 is not on this computer.").replace("%1", str(path)))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _say_error(self, text: str) -> None:
        self.message.setStyleSheet("color: #a40000;")
        self.message.setText(text)
