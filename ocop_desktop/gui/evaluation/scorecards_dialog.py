"""The office's scorecards: list and read them, save the Excel template, import a filled one."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QWidget

from ocop_desktop.domain.validation import NotFoundError, ValidationError
from ocop_desktop.gui.error_text import error_text
from ocop_desktop.gui.evaluation.models import EvaluationTables, criterion_rows
from ocop_desktop.gui.forms.ui_evaluation_scorecards_dialog import Ui_ScorecardsDialog
from ocop_desktop.services.evaluation_reports import EvaluationReports
from ocop_desktop.services.scorecards import IMPORTED, CardInfo, ScorecardService

ERROR_STYLE = "color: #a40000;"
OK_STYLE = "color: #1b5e20;"


class ScorecardsDialog(QDialog):
    """Cards by rule set and product set; a card imported from Excel replaces the shipped one,
    and one that does not add up is refused with the sheet and row of each problem."""

    cardsChanged = Signal()  # a card was imported or restored

    def __init__(self, scorecards: ScorecardService, reports: EvaluationReports, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._cards, self._reports, self._today = scorecards, reports, today
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
        scorecards.ensure_loaded()
        self.refresh()

    # -- the list ---------------------------------------------------------------------------------------
    def refresh(self, select_code: str | None = None) -> None:
        cards = self._cards.cards()
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

    def save_template(self, path: Path) -> Path:
        info = self.current()
        written = self._cards.write_template(Path(path), info.card.rule_set if info else None,
                                             info.card.product_set if info else None)
        self._status(self.tr("Template saved to %1. Fill it in with Excel, then import it.").replace("%1", str(written)))
        return written

    def import_file(self, path: Path) -> CardInfo | None:
        """Import a filled template; on refusal every problem is listed with its sheet and row."""
        try:
            info = self._cards.import_xlsx(Path(path))
        except (ValidationError, NotFoundError) as exc:
            problems = [e.for_people() for e in exc.errors] if isinstance(exc, ValidationError) else [str(exc)]
            self.ui.errorsEdit.setPlainText("\n".join(problems))
            self.ui.errorsLabel.show()
            self.ui.errorsEdit.show()
            self._status(self.tr("The card was refused; nothing was changed. Fix the rows listed and import again."),
                         error=True)
            return None
        self.ui.errorsEdit.clear()
        self.ui.errorsLabel.hide()
        self.ui.errorsEdit.hide()
        self._status(self.tr("Imported: %1").replace("%1", info.card.title))
        self.refresh(info.code)
        self.cardsChanged.emit()
        return info

    def restore_selected(self) -> None:
        info = self.current()
        if info is None or info.origin != IMPORTED:
            return
        try:
            restored = self._cards.restore_shipped(info.code)
        except NotFoundError as exc:
            self._status(str(exc), error=True)
            return
        self._status(self.tr("The shipped card is used again."))
        self.refresh(restored.code)
        self.cardsChanged.emit()

    def save_sheet(self, path: Path) -> Path:
        info = self.current()
        if info is None:
            raise NotFoundError(self.tr("Select a card first."))
        written = self._reports.write_sheet(Path(path), rule_set_code=info.card.rule_set,
                                            product_set_code=info.card.product_set, on=self._today())
        self._status(self.tr("Saved to %1").replace("%1", str(written)))
        return written

    def _ask_template(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save Excel template"),
                                                str(Path.home() / "mau-phieu-cham-diem.xlsx"),
                                                self.tr("Excel workbook (*.xlsx)"))
        if chosen:
            target = Path(chosen if chosen.lower().endswith(".xlsx") else f"{chosen}.xlsx")
            self._guard(lambda: self.save_template(target))

    def _ask_import(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import scorecard"), str(Path.home()),
                                                self.tr("Excel workbook (*.xlsx)"))
        if chosen:
            self.import_file(Path(chosen))

    def _ask_sheet(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"),
                                                str(Path.home() / "phieu-cham-diem.pdf"), self.tr("PDF document (*.pdf)"))
        if chosen:
            target = Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")
            self._guard(lambda: self.save_sheet(target))

    def _guard(self, action: Callable[[], object]) -> None:
        try:
            action()
        except (NotFoundError, ValidationError, OSError) as exc:
            self._status(error_text(exc), error=True)  # a full disk or a missing file in Vietnamese too
