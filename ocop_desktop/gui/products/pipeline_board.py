"""The «Lộ trình» board: every product by stage, counts per stage and unit, filters, moving a product on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.numbers import format_vn_number
from ocop_desktop.domain.pipeline import Stage, next_stage
from ocop_desktop.domain.schema import CANDIDACY
from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.gui.products.pipeline_dossier import DossierDialog
from ocop_desktop.gui.products.pipeline_register import RegisterDialog
from ocop_desktop.gui.products.place_filter import PlaceFilter
from ocop_desktop.gui.schema_columns import caption, schema_columns
from ocop_desktop.gui.stale import stale_handler
from ocop_desktop.gui.table_model import DtoTableModel
from ocop_desktop.services.dossier_reports import DossierReports
from ocop_desktop.services.dossiers import DossierService
from ocop_desktop.services.pipeline import PipelineService
from ocop_desktop.services.pipeline_types import Board, MoveInput, PipelineRow
from ocop_desktop.services.places import PlaceService

WINDOW_OPEN = "#fff3cd"  # a certified product whose re-evaluation window has opened
# Rows built and shown at once: a national board is 20,000 products (every count still covers them all;
# a stage, a unit or a search narrows the list to the rest).
PAGE_ROWS = 500
# Units counted one per line, the first in Vietnamese order (a national board counts 9,000; choosing
# a unit in the filter shows its own).
UNIT_LINES = 300


class PipelineBoard(QWidget):
    """Self-contained: takes its services and the job runner; ``changed`` after a move or a dossier edit."""

    changed = Signal()

    def __init__(
        self,
        pipeline: PipelineService,
        dossiers: DossierService,
        reports: DossierReports,
        jobs: JobRunner,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
        *,
        places: PlaceService,
    ) -> None:
        super().__init__(parent)
        self._pipeline, self._dossiers, self._reports, self._runner = pipeline, dossiers, reports, jobs
        self._today = today
        self._jobs = PageJobs(
            jobs,
            self,
            on_error=lambda exc: report_error(self, exc, show=self._say_error),
            on_stale=stale_handler(self._say_error, self.refresh),
        )
        self._board: Board | None = None
        self._applying = False
        self.register_dialog: RegisterDialog | None = None
        self.dossier_dialog: DossierDialog | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Product or producer (accents optional)"))
        self.stage_combo = QComboBox()
        self.stage_combo.addItem(self.tr("All stages"), None)
        for stage in Stage:
            self.stage_combo.addItem(stage.shown, stage.value)
        # A unit is found as its name is typed, as in the registry: the board never lists every unit.
        self.unit_combo = QComboBox()
        self.unit_filter = PlaceFilter(
            self.unit_combo,
            places,
            self._jobs,
            self.tr("All units"),
            self.tr("All units: type a commune, district or province"),
        )
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(QLabel(caption(CANDIDACY.field("stage"), shortcut=False)))
        filters.addWidget(self.stage_combo, 1)
        filters.addWidget(QLabel(self.tr("Unit:")))
        filters.addWidget(self.unit_combo, 1)

        # One button per stage with its count: a click shows that stage's list.
        self.stage_buttons: dict[str, QPushButton] = {}
        strip = QHBoxLayout()
        for stage in Stage:
            button = QPushButton(stage.shown)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, code=stage.value: self._pick_stage(code))
            self.stage_buttons[stage.value] = button
            strip.addWidget(button)

        # One line per unit, as plain strings; the first UNIT_LINES units (a national board counts
        # products in 6,000 units: a note says so, and a unit chosen in the filter shows its own).
        self.unit_counts = QListView()
        self.unit_counts_model = QStringListModel(self)
        self.unit_counts.setModel(self.unit_counts_model)
        self.unit_counts.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        # domain/schema/pipeline.py WINDOW view; a certified product whose re-evaluation window has
        # opened is marked, so it is moved on to «Sắp đánh giá lại» in time.
        self.model: DtoTableModel[PipelineRow] = DtoTableModel(
            schema_columns(CANDIDACY), row_color=self._row_color, parent=self
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        # Sized to the first rows once (a long name capped), then left as the user drags them; a
        # stretched first column was squeezed to a few letters by the others at 1024 pixels.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._columns_fitted = False
        self.table.doubleClicked.connect(lambda _index: self.open_dossier())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        units = QWidget()
        units_layout = QVBoxLayout(units)
        units_layout.setContentsMargins(0, 0, 0, 0)
        units_layout.addWidget(QLabel(self.tr("Products per unit")))
        units_layout.addWidget(self.unit_counts)
        self.unit_note = QLabel()
        self.unit_note.setWordWrap(True)
        self.unit_note.hide()
        units_layout.addWidget(self.unit_note)
        splitter.addWidget(units)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 4)
        self.cut_note = QLabel()
        self.cut_note.setWordWrap(True)
        self.cut_note.hide()

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.move_button = QPushButton(self.tr("Move to next stage"))
        self.dossier_button = QPushButton(self.tr("Dossier…"))
        self.checklist_button = QPushButton(self.tr("Print checklist…"))
        self.incomplete_button = QPushButton(self.tr("Incomplete dossiers…"))
        self.move_button.clicked.connect(self.move_next)
        self.dossier_button.clicked.connect(self.open_dossier)
        self.checklist_button.clicked.connect(self.print_checklist)
        self.incomplete_button.clicked.connect(self.print_incomplete)
        actions = QHBoxLayout()
        for b in (self.move_button, self.dossier_button, self.checklist_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.incomplete_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(strip)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.cut_note)
        layout.addWidget(self.message)
        layout.addLayout(actions)

        self.search.textChanged.connect(lambda _t: self.refresh())
        self.stage_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.unit_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._selection_changed())
        self._selection_changed()
        self._stale = True  # read when first shown: showEvent

    # -- loading ----------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        if self._applying:
            return
        if not self.isVisible():
            # Read when the tab is shown (at national scale the board is 20,000 rows): not at start-up,
            # nor after every change made in another tab while this one is out of sight.
            self._stale = True
            return
        self._stale = False
        stage, unit, search = self.stage_combo.currentData(), self.unit_combo.currentData(), self.search.text()
        self._jobs.read(
            "board",
            lambda: self._pipeline.board(
                stage=stage, unit_id=unit, search=search, limit=PAGE_ROWS, unit_lines=UNIT_LINES, unit_choices=False
            ),
            self._loaded,
        )

    def is_busy(self) -> bool:
        return self._jobs.busy()

    def selected(self) -> PipelineRow | None:
        row = self.table.currentIndex().row()
        return self.model.row(row) if 0 <= row < self.model.rowCount() else None

    def select_product(self, product_id: str) -> None:
        for i, row in enumerate(self.model.rows()):
            if row.product_id == product_id:
                self.table.selectRow(i)
                return

    def _loaded(self, board: Board) -> None:
        chosen = self.selected()
        self._board = board
        self._applying = True
        try:
            stage = self.stage_combo.currentData()
            for code, button in self.stage_buttons.items():
                button.setText(f"{Stage(code).shown}\n{format_vn_number(board.by_stage.get(code, 0))}")
                button.setChecked(code == stage)
        finally:
            self._applying = False
        nowhere = self.tr("(no unit)")
        self.unit_counts_model.setStringList(
            [f"{name or nowhere}: {format_vn_number(count)}" for name, count in board.by_unit.items()]
        )
        listed = board.units_listed if board.units_listed is not None else len(board.by_unit)
        more = (board.unit_count or 0) - listed
        self.unit_note.setVisible(more > 0)
        if more > 0:
            self.unit_note.setText(
                self.tr("… and %1 more units: choose a unit above to see its products.").replace(
                    "%1", format_vn_number(more)
                )
            )
        self.model.set_rows(board.rows)
        self.cut_note.setVisible(board.cut)
        if board.cut:
            self.cut_note.setText(
                self.tr("Showing the first %1 of %2 products: pick a stage or a unit, or search, to see the others.")
                .replace("%1", format_vn_number(len(board.rows)))
                .replace("%2", format_vn_number(board.total))
            )
        if board.rows and not self._columns_fitted:
            self.table.resizeColumnsToContents()
            for column in range(self.model.columnCount()):
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
            self._columns_fitted = True
        if chosen is not None:
            self.select_product(chosen.product_id)
        if self.selected() is None and board.rows:
            self.table.selectRow(0)
        self._selection_changed()

    def _pick_stage(self, code: str) -> None:
        index = self.stage_combo.findData(code)
        self.stage_combo.setCurrentIndex(0 if self.stage_combo.currentIndex() == index else index)

    def _selection_changed(self) -> None:
        row = self.selected()
        self.move_button.setEnabled(row is not None)
        has_dossier = (
            row is not None
            and row.candidacy_id is not None
            and row.stage
            not in (
                Stage.POTENTIAL.value,
                Stage.REEVALUATION_DUE.value,
            )
        )
        self.dossier_button.setEnabled(has_dossier)
        self.checklist_button.setEnabled(has_dossier)
        if row is None:
            self.move_button.setText(self.tr("Move to next stage"))
        else:
            self.move_button.setText(self.tr("Move to «%1»").replace("%1", next_stage(Stage(row.stage)).shown))

    # -- moving on --------------------------------------------------------------------------------
    def move_next(self) -> None:
        row = self.selected()
        if row is None:
            return
        target = next_stage(Stage(row.stage))
        if target is Stage.REGISTERED:
            dialog = RegisterDialog(row.product, self._today(), self)
            dialog.accepted.connect(lambda: self._move(row, target, dialog.values()))
            self.register_dialog = dialog
            dialog.open()
            return
        self._move(row, target, MoveInput())

    def _move(self, row: PipelineRow, target: Stage, data: MoveInput) -> None:
        product, stage, today = row.product_id, row.stage, self._today()
        self._say(self.tr("Moving «%1»…").replace("%1", row.product))
        self._jobs.write(
            lambda: self._pipeline.move(product, target.value, data, today=today, expected_stage=stage),
            self._moved,
            controls=[self.move_button],
        )

    def _moved(self, row: PipelineRow) -> None:
        self._say(
            self.tr("«%1» is now at the stage «%2».").replace("%1", row.product).replace("%2", Stage(row.stage).shown)
        )
        self.refresh()
        self.changed.emit()

    # -- the dossier and its paper ----------------------------------------------------------------
    def open_dossier(self) -> None:
        row = self.selected()
        if row is None or not self.dossier_button.isEnabled():
            return
        dialog = DossierDialog(self._dossiers, row.product_id, self._runner, self, today=self._today)
        dialog.changed.connect(self.refresh)
        dialog.changed.connect(self.changed.emit)
        self.dossier_dialog = dialog
        dialog.open()

    def print_checklist(self) -> None:
        row = self.selected()
        if row is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Print checklist"), "phieu-kiem-tra-ho-so.pdf", self.tr("PDF (*.pdf)")
        )
        if path:
            self.write_checklist(row.product_id, Path(path))

    def write_checklist(self, product_id: str, path: Path) -> None:
        reports, today = self._reports, self._today()
        self._jobs.write(
            lambda: reports.export(reports.checklist(product_id, today), "pdf", path),
            lambda written: self._say(self.tr("Saved %1.").replace("%1", str(written))),
            controls=[self.checklist_button],
        )

    def print_incomplete(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Incomplete dossiers"), "ho-so-con-thieu.pdf", self.tr("PDF (*.pdf);;Excel (*.xlsx)")
        )
        if path:
            self.write_incomplete(Path(path))

    def write_incomplete(self, path: Path) -> None:
        reports, today, unit = self._reports, self._today(), self.unit_combo.currentData()
        fmt = "xlsx" if path.suffix.lower() == ".xlsx" else "pdf"
        self._jobs.write(
            lambda: reports.export(reports.incomplete(unit, today), fmt, path),
            lambda written: self._say(self.tr("Saved %1.").replace("%1", str(written))),
            controls=[self.incomplete_button],
        )

    def _row_color(self, row: PipelineRow) -> QColor | None:
        due = row.stage == Stage.CERTIFIED.value and row.reevaluation_from is not None
        return QColor(WINDOW_OPEN) if due and row.reevaluation_from <= self._today() else None

    # -- messages ---------------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _say_error(self, text: str) -> None:
        self.message.setStyleSheet("color: #a40000;")
        self.message.setText(text)
