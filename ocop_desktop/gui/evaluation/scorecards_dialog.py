"""The office's scorecards: list and read them, save the Excel template, import a filled one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QWidget

from ocop_desktop.domain.validation import NotFoundError, ValidationError
from ocop_desktop.gui.error_text import error_text
from ocop_desktop.gui.evaluation.models import EvaluationTables, criterion_rows
from ocop_desktop.gui.forms.ui_evaluation_scorecards_dialog import Ui_ScorecardsDialog
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.services.evaluation_reports import EvaluationReports
from ocop_desktop.services.scorecards import IMPORTED, CardInfo, ScorecardService

ERROR_STYLE = "color: #a40000;"
OK_STYLE = "color: #1b5e20;"


class ScorecardsDialog(QDialog):
    """Cards by rule set and product set; a card imported from Excel replaces the shipped one,
    and one that does not add up is refused with the sheet and row of each problem."""

    cardsChanged = Signal()  # a card was imported or restored

    def __init__(
        self,
        scorecards: ScorecardService,
        reports: EvaluationReports,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
        jobs: JobRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._cards, self._reports, self._today = scorecards, reports, today
        # The window's one database thread; a dialog opened on its own (tests) gets a runner of its own.
        # A failed write (a full disk, a missing folder) is said by the one error renderer.
        self._jobs = PageJobs(
            jobs or JobRunner(self), self, on_error=lambda exc: self._status(error_text(exc), error=True)
        )
        self.ui = ui = Ui_ScorecardsDialog()
        ui.setupUi(self)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        tables = EvaluationTables(self)
        self.cards_model = tables.cards_model(self)
        self.criteria_model = tables.criteria_model(self)
        ui.cardsView.setModel(self.cards_model)
        ui.criteriaView.setModel(self.criteria_model)
        ui.criteriaView.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        ui.criteriaView.horizontalHeader().resizeSection(3, 240)  # room for the meaning of each level
        for view in (ui.cardsView, ui.criteriaView):
            view.verticalHeader().hide()
        ui.errorsLabel.hide()
        ui.errorsEdit.hide()
        ui.cardsView.selectionModel().currentRowChanged.connect(self._show_card)
        ui.templateButton.clicked.connect(self._ask_template)
        ui.importButton.clicked.connect(self._ask_import)
        ui.restoreButton.clicked.connect(self.restore_selected)
        ui.sheetButton.clicked.connect(self._ask_sheet)
        ui.buttonBox.rejected.connect(self.reject)
        self._jobs.read("cards", lambda: (scorecards.ensure_loaded(), scorecards.cards())[1], self._listed)

    def busy(self) -> bool:
        """Whether a read, an import or a file being written still runs."""
        return self._jobs.busy()

    # -- the list ---------------------------------------------------------------------------------------
    def refresh(self, select_code: str | None = None) -> None:
        """Read the cards in the background, then list them with ``select_code`` chosen."""
        cards = self._cards
        self._jobs.read("cards", lambda: cards.cards(), lambda rows: self._listed(rows, select_code))

    def _listed(self, cards: list[CardInfo], select_code: str | None = None) -> None:
        self.cards_model.set_rows(cards)
        self.ui.cardsView.resizeColumnsToContents()
        row = next((i for i, c in enumerate(cards) if c.code == select_code), 0)
        if cards:
            self.ui.cardsView.setCurrentIndex(self.cards_model.index(row, 0))
        self._show_card()

    def current(self) -> CardInfo | None:
        index = self.ui.cardsView.currentIndex()
        return self.cards_model.row(index.row()) if index.isValid() else None

    def select(self, code: str) -> None:
        for row, info in enumerate(self.cards_model.rows()):
            if info.code == code:
                self.ui.cardsView.setCurrentIndex(self.cards_model.index(row, 0))

    def _show_card(self, *_args) -> None:
        info = self.current()
        self.criteria_model.set_rows(criterion_rows(info) if info else [])
        self.ui.noteLabel.setText("\n".join(x for x in (info.card.title, info.card.note) if x) if info else "")
        self.ui.restoreButton.setEnabled(bool(info and info.origin == IMPORTED))

    # -- actions ------------------------------------------------------------------------------------------
    def _status(self, text: str, error: bool = False) -> None:
        self.ui.statusLabel.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.ui.statusLabel.setText(text)

    def save_template(self, path: Path) -> None:
        """Write the Excel template of the selected card in the background; the status line says where."""
        info, cards = self.current(), self._cards
        rule_set, product_set = (info.card.rule_set, info.card.product_set) if info else (None, None)
        self._jobs.write(
            lambda: cards.write_template(Path(path), rule_set, product_set),
            lambda written: self._status(
                self.tr("Template saved to %1. Fill it in with Excel, then import it.").replace("%1", str(written))
            ),
            controls=[self.ui.templateButton],
        )

    def import_file(self, path: Path) -> None:
        """Import a filled template in the background; on refusal every problem is listed with its sheet and row."""
        cards = self._cards
        self._jobs.write(
            lambda: cards.import_xlsx(Path(path)),
            self._imported,
            on_error=self._import_refused,
            controls=[self.ui.importButton],
        )

    def _import_refused(self, exc: Exception) -> None:
        if not isinstance(exc, (ValidationError, NotFoundError)):
            self._status(error_text(exc), error=True)
            return
        problems = [e.for_people() for e in exc.errors] if isinstance(exc, ValidationError) else [str(exc)]
        self.ui.errorsEdit.setPlainText("\n".join(problems))
        self.ui.errorsLabel.show()
        self.ui.errorsEdit.show()
        self._status(
            self.tr("The card was refused; nothing was changed. Fix the rows listed and import again."), error=True
        )

    def _imported(self, info: CardInfo) -> None:
        self.ui.errorsEdit.clear()
        self.ui.errorsLabel.hide()
        self.ui.errorsEdit.hide()
        self._status(self.tr("Imported: %1").replace("%1", info.card.title))
        self.refresh(info.code)
        self.cardsChanged.emit()

    def restore_selected(self) -> None:
        info, cards = self.current(), self._cards
        if info is None or info.origin != IMPORTED:
            return
        self._jobs.write(lambda: cards.restore_shipped(info.code), self._restored, controls=[self.ui.restoreButton])

    def _restored(self, restored: CardInfo) -> None:
        self._status(self.tr("The shipped card is used again."))
        self.refresh(restored.code)
        self.cardsChanged.emit()

    def save_sheet(self, path: Path) -> None:
        """Write the blank sheet of the selected card as PDF in the background."""
        info, reports, today = self.current(), self._reports, self._today()
        if info is None:
            self._status(self.tr("Select a card first."), error=True)
            return
        self._jobs.write(
            lambda: reports.write_sheet(
                Path(path), rule_set_code=info.card.rule_set, product_set_code=info.card.product_set, on=today
            ),
            lambda written: self._status(self.tr("Saved to %1").replace("%1", str(written))),
            controls=[self.ui.sheetButton],
        )

    def _ask_template(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save Excel template"),
            str(Path.home() / "mau-phieu-cham-diem.xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if chosen:
            target = Path(chosen if chosen.lower().endswith(".xlsx") else f"{chosen}.xlsx")
            self.save_template(target)

    def _ask_import(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import scorecard"), str(Path.home()), self.tr("Excel workbook (*.xlsx)")
        )
        if chosen:
            self.import_file(Path(chosen))

    def _ask_sheet(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(Path.home() / "phieu-cham-diem.pdf"), self.tr("PDF document (*.pdf)")
        )
        if chosen:
            target = Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")
            self.save_sheet(target)
