"""Scoring a product on its card: members' scores, live totals and stars, knock-outs, gap, certification."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from fractions import Fraction
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QTableView, QWidget

from ocop_desktop.domain.enums import EvaluationLevel
from ocop_desktop.domain.numbers import DateError
from ocop_desktop.domain.scorecard import points_text
from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.evaluation.level_delegate import LevelDelegate
from ocop_desktop.gui.evaluation.models import EvaluationTables
from ocop_desktop.gui.evaluation.score_model import NAME, ScoreTableModel
from ocop_desktop.gui.evaluation.scoring_result import show_result
from ocop_desktop.gui.forms.ui_evaluation_scoring_dialog import Ui_ScoringDialog
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.services.evaluation import (
    DEFAULT_LEVEL,
    CertificationInput,
    EvaluationDTO,
    EvaluationInput,
    EvaluationRow,
    EvaluationService,
    MemberInput,
    ScoringSetup,
)
from ocop_desktop.services.evaluation_reports import EvaluationReports

ERROR_STYLE = "color: #a40000;"
OK_STYLE = "color: #1b5e20;"


def _fit(view: QTableView, stretch: int) -> None:
    """Columns as wide as their content (a member's name, a level), the criterion names take the rest.

    Measured when rows or columns come and go, not after every typed score: in ResizeToContents mode
    the header re-measured every cell of the grid on each change (some 12,000 reads of the model,
    each average summed again), which a slow laptop feels as a lag after each score."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    model = view.model()

    def fit(*_args: object) -> None:
        for column in range(model.columnCount()):
            if column != stretch:
                view.resizeColumnToContents(column)

    for signal in (model.modelReset, model.columnsInserted, model.columnsRemoved, model.rowsInserted):
        signal.connect(fit)
    fit()


class ScoringDialog(QDialog):
    """Self-assessment or council scoring of one product. Scores are entered criterion by
    criterion (only the allowed levels); totals, star class and gap follow as the user types."""

    evaluationSaved = Signal(object)  # EvaluationDTO

    def __init__(
        self,
        evaluations: EvaluationService,
        reports: EvaluationReports,
        product_id: str,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
        member_name: str = "",
        jobs: JobRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._service, self._reports, self._today = evaluations, reports, today
        self._product_id = product_id
        # The window's one database thread; a dialog opened on its own (tests) gets a runner of its own.
        self._jobs = PageJobs(jobs or JobRunner(self), self, on_error=self._failed)
        self.setup: ScoringSetup | None = None  # the product and its card, once read
        self.saved: EvaluationDTO | None = None
        self._rule_chosen = False  # the user picked a rule set rather than the one in force
        self.ui = ui = Ui_ScoringDialog()
        ui.setupUi(self)
        loading = self.tr("Loading…")
        self.setWindowTitle(self.tr("Evaluation: %1").replace("%1", loading))
        font = QFont(ui.productLabel.font())
        font.setBold(True)
        ui.productLabel.setFont(font)
        ui.productLabel.setText(loading)
        self.save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save evaluation"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        ui.dateEdit.setDate(today())
        ui.certifiedDateEdit.setDate(today())
        ui.dateEdit.set_label(ui.dateLabel.text())
        ui.certifiedDateEdit.set_label(ui.certifiedLabel.text())
        for field in (ui.dateEdit, ui.certifiedDateEdit):
            field.refused.connect(lambda text: self._message(text, error=True))
        for level in EvaluationLevel:
            ui.levelCombo.addItem(level.shown, level.value)
        ui.levelCombo.setCurrentIndex(ui.levelCombo.findData(DEFAULT_LEVEL))
        ui.errorLabel.hide()

        self.model = ScoreTableModel(self)
        self.model.add_member(member_name or self.tr("Member %1").replace("%1", "1"))
        ui.scoreView.setModel(self.model)
        ui.scoreView.setItemDelegate(LevelDelegate(ui.scoreView))
        ui.scoreView.verticalHeader().hide()
        _fit(ui.scoreView, NAME)
        tables = EvaluationTables(self)
        self.gap_model = tables.gap_model(self)
        ui.gapView.setModel(self.gap_model)
        _fit(ui.gapView, 1)
        self.history_model = tables.history_model(self)
        ui.historyView.setModel(self.history_model)
        self.knockout_boxes: dict[str, QCheckBox] = {}
        ui.knockoutBox.hide()
        # Shown at once with its layout; the card, the product and its history fill it when read.
        self._inputs: list[QWidget] = [
            ui.ruleSetCombo,
            ui.dateEdit,
            ui.levelCombo,
            ui.tabs,
            ui.certifyBox,
            ui.notesEdit,
            ui.printBlankButton,
            ui.printFilledButton,
            ui.printResultButton,
        ]
        for widget in self._inputs:
            widget.setEnabled(False)
        self.save_button.setEnabled(False)
        self._jobs.busy_changed.connect(lambda _busy: self._update_save())

        self.model.scoresChanged.connect(self.recompute)
        self.model.scoreRefused.connect(lambda text: self._message(text, error=True))
        ui.ruleSetCombo.currentIndexChanged.connect(self._rule_set_picked)
        ui.dateEdit.dateChanged.connect(self._date_changed)
        ui.certifyBox.toggled.connect(self.recompute)
        ui.levelCombo.currentIndexChanged.connect(self.recompute)  # who may certify depends on the level
        ui.certifiedDateEdit.dateChanged.connect(self.recompute)
        ui.addMemberButton.clicked.connect(self.add_member)
        ui.memberNameEdit.returnPressed.connect(self.add_member)
        ui.removeMemberButton.clicked.connect(self.remove_member)
        ui.loadButton.clicked.connect(self.load_selected)
        ui.printBlankButton.clicked.connect(lambda: self._print("blank"))
        ui.printFilledButton.clicked.connect(lambda: self._print("filled"))
        ui.printResultButton.clicked.connect(lambda: self._print("result"))
        ui.printOldButton.clicked.connect(lambda: self._print("old"))
        self.save_button.clicked.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        service, day = evaluations, today()

        def read() -> tuple[ScoringSetup, list[EvaluationRow]]:
            service.scorecards.ensure_loaded()
            return service.setup(product_id, day), service.history(product_id)

        self._jobs.read("setup", read, self._loaded)

    def is_busy(self) -> bool:
        """Whether a read, the save or a print still runs (tests wait for this to turn False)."""
        return self._jobs.busy()

    def _loaded(self, loaded: tuple[ScoringSetup, list[EvaluationRow]]) -> None:
        ui = self.ui
        self.setup, history = loaded
        product = self.setup.product
        self.setWindowTitle(self.tr("Evaluation: %1").replace("%1", product.name))
        ui.productLabel.setText(" — ".join(x for x in (product.name, product.producer, product.product_set) if x))
        ui.ruleSetCombo.blockSignals(True)
        for r in self.setup.rule_sets:
            ui.ruleSetCombo.addItem(r.decision, r.code)
        ui.ruleSetCombo.blockSignals(False)
        self._show_setup()
        self._show_history(history)
        for widget in self._inputs:
            widget.setEnabled(True)
        self._update_save()
        self.recompute()

    def _update_save(self) -> None:
        """Save only once the card is read, and not while it is read again (a new date or rule set)."""
        self.save_button.setEnabled(self.setup is not None and not self._jobs.busy())

    def _failed(self, exc: Exception) -> None:
        """A read, a save or a print that failed: said in the dialog by the one error renderer."""
        report_error(self, exc, show=lambda text: self._message(text, error=True))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter confirms a date, a score or a member's name; it must not also press Save.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- the card -------------------------------------------------------------------------------------
    def evaluated_on(self) -> date:
        """The last evaluation date accepted (the rule set follows it)."""
        return self.ui.dateEdit.value() or self._today()

    def _show_setup(self) -> None:
        ui, setup = self.ui, self.setup
        assert setup is not None
        ui.ruleSetCombo.blockSignals(True)
        ui.ruleSetCombo.setCurrentIndex(ui.ruleSetCombo.findData(setup.rule_set.code))
        ui.ruleSetCombo.blockSignals(False)
        card = setup.card
        note = card.title
        if not card.confirmed:
            note += "\n" + self.tr("Not confirmed against the official text: %1").replace("%1", card.note)
        if setup.in_force and setup.rule_set.code != setup.in_force:
            note += "\n" + self.tr("The rule set in force on the evaluation date is %1.").replace("%1", setup.in_force)
        ui.cardNoteLabel.setText(note)
        for box in self.knockout_boxes.values():
            ui.knockoutLayout.removeWidget(box)
            box.deleteLater()
        self.knockout_boxes = {}
        for k in card.knockouts:
            box = QCheckBox(f"{k.code}: {k.name}", ui.knockoutBox)
            box.toggled.connect(self.recompute)
            ui.knockoutLayout.addWidget(box)
            self.knockout_boxes[k.code] = box
        ui.knockoutBox.setVisible(bool(card.knockouts))
        self.model.set_card(card)

    def _reload(self, rule_set_code: str | None) -> None:
        """Read the card of ``rule_set_code`` (None: the one in force on the date) in the background;
        a newer choice supersedes a read still running."""
        if self.setup is None:
            return
        service, product_id, on = self._service, self._product_id, self.evaluated_on()
        self._jobs.read(
            "setup", lambda: service.setup(product_id, on, rule_set_code), self._new_setup, on_error=self._not_found
        )

    def _new_setup(self, setup: ScoringSetup) -> None:
        self.setup = setup
        self._show_setup()

    def _not_found(self, exc: Exception) -> None:
        self._failed(exc)
        if self.setup is not None:  # the card shown stays: so does its rule set in the list
            self._show_setup()

    def _rule_set_picked(self) -> None:
        self._rule_chosen = True
        self._reload(self.ui.ruleSetCombo.currentData())

    def _date_changed(self) -> None:
        if not self._rule_chosen:  # follow the rules in force on the new date
            self._reload(None)
        else:
            self._reload(self.ui.ruleSetCombo.currentData())

    # -- members ----------------------------------------------------------------------------------------
    def add_member(self) -> None:
        name = " ".join(self.ui.memberNameEdit.text().split())
        count = len(self.model.member_names())
        self.model.add_member(name or self.tr("Member %1").replace("%1", str(count + 1)))
        self.ui.memberNameEdit.clear()
        # Ready to score: the new member's column, first criterion.
        self.ui.scoreView.setCurrentIndex(self.model.index(self.model.leaf_rows()[0], self.model.columnCount() - 2))

    def remove_member(self) -> None:
        member = self.model.member_of_column(self.ui.scoreView.currentIndex().column())
        if member is None:
            self._message(self.tr("Select a cell in the column of the member to remove."), error=True)
            return
        if len(self.model.member_names()) == 1:
            self._message(self.tr("At least one member scores the product."), error=True)
            return
        self.model.remove_member(member)

    def _knockouts(self) -> list[str]:
        return [code for code, box in self.knockout_boxes.items() if box.isChecked()]

    # -- live result ------------------------------------------------------------------------------------
    def recompute(self) -> None:
        if self.setup is not None:
            show_result(self.ui, self.gap_model, self.setup, self.model.members(), self._knockouts(), self._today)

    # -- saving ------------------------------------------------------------------------------------------
    def _message(self, text: str, error: bool = False) -> None:
        self.ui.errorLabel.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))

    def _members_input(self) -> tuple[MemberInput, ...]:
        return tuple(
            MemberInput(name, scores)
            for name, scores in zip(self.model.member_names(), self.model.members(), strict=False)
        )

    def evaluation_input(self) -> EvaluationInput:
        ui, setup = self.ui, self.setup
        assert setup is not None
        certification = None
        if ui.certifyBox.isEnabled() and ui.certifyBox.isChecked():
            certification = CertificationInput(
                certificate_no=ui.certificateEdit.text(),
                decision=ui.decisionEdit.text(),
                body=ui.bodyEdit.text(),
                certified_on=ui.certifiedDateEdit.checked_date(),
            )
        return EvaluationInput(
            product_id=setup.product.id,
            evaluated_on=ui.dateEdit.checked_date(),
            members=self._members_input(),
            rule_set_code=setup.rule_set.code,
            level=ui.levelCombo.currentData(),
            knockouts=tuple(self._knockouts()),
            notes=ui.notesEdit.text(),
            certification=certification,
        )

    def save(self) -> None:
        """Save in the background, Save disabled meanwhile; on refusal the dialog stays open with the reasons."""
        if self.setup is None:
            return
        refused = self.model.refusals()
        if refused:
            head = self.tr("Some scores were not taken; correct the red cells before saving:")
            self._message("\n".join([head] + [f"• {text}" for text in refused]), error=True)
            return
        try:
            data = self.evaluation_input()
        except DateError as exc:  # a date typed that does not exist
            self._failed(exc)
            return
        service, product_id, today = self._service, self._product_id, self._today()

        def work() -> tuple[EvaluationDTO, list[EvaluationRow]]:
            return service.save(data, today=today), service.history(product_id)

        self._jobs.write(work, self._saved, on_error=self._refused, controls=[self.save_button])

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError):  # each problem names its criterion or field
            self._message("\n".join(f"• {e.for_people()}" for e in exc.errors), error=True)
        else:
            self._failed(exc)

    def _saved(self, result: tuple[EvaluationDTO, list[EvaluationRow]]) -> None:
        self.saved, history = result
        text = self.tr("Saved: %1 points.").replace("%1", points_text(self.saved.total))
        if self.saved.certification is not None:
            text += " " + self.tr("The product's star class and certificate were updated.")
        self._message(text)
        self._show_history(history)
        self.evaluationSaved.emit(self.saved)

    # -- earlier evaluations ----------------------------------------------------------------------------
    def _show_history(self, rows: list[EvaluationRow]) -> None:
        self.history_model.set_rows(rows)
        self.ui.historyView.resizeColumnsToContents()

    def _selected_history(self) -> str | None:
        index = self.ui.historyView.currentIndex()
        return self.history_model.row(index.row()).id if index.isValid() else None

    def load_selected(self) -> None:
        """Show a saved evaluation's members and scores (to read its gap or print it again)."""
        evaluation_id = self._selected_history()
        if evaluation_id is None:
            self._message(self.tr("Select an earlier evaluation first."), error=True)
            return
        service, product_id = self._service, self._product_id

        def read() -> tuple[EvaluationDTO, ScoringSetup]:
            e = service.get(evaluation_id)
            return e, service.setup(product_id, e.evaluated_on, e.rule_set_code)

        self._jobs.read("setup", read, self._show_evaluation, on_error=self._not_found)

    def _show_evaluation(self, read: tuple[EvaluationDTO, ScoringSetup]) -> None:
        e, self.setup = read
        self._rule_chosen = True
        self.ui.dateEdit.blockSignals(True)
        self.ui.dateEdit.setDate(e.evaluated_on)
        self.ui.dateEdit.blockSignals(False)
        self._show_setup()
        self.ui.levelCombo.setCurrentIndex(self.ui.levelCombo.findData(e.level))
        self.model.set_members([(m.name, {k: Fraction(str(v)) for k, v in m.scores.items()}) for m in e.members])
        codes = [part.split(":")[0].strip() for part in (e.knockout or "").split(";") if part.strip()]
        for code, box in self.knockout_boxes.items():
            box.setChecked(code in codes)
        self.ui.notesEdit.setText(e.notes)
        self.ui.tabs.setCurrentWidget(self.ui.scoresTab)

    # -- paper --------------------------------------------------------------------------------------------
    def export(self, kind: str, path: Path) -> None:
        """Write a PDF in the background: "blank" sheet, "filled" sheet of the selected member,
        "result" of the evaluation just saved, "old" result of the selected earlier evaluation.
        The message line says where it was saved, or why not."""
        assert self.setup is not None
        reports, path = self._reports, Path(path)
        product_id, code, on = self.setup.product.id, self.setup.rule_set.code, self.evaluated_on()
        member = self.model.member_of_column(self.ui.scoreView.currentIndex().column()) or 0
        chosen, knockouts = self._members_input()[member], self._knockouts()
        evaluation_id = self.saved.id if kind == "result" and self.saved else self._selected_history()
        if kind in ("result", "old") and evaluation_id is None:
            text = self.tr("Save the evaluation (or select an earlier one) before printing its result.")
            self._message(text, error=True)
            return

        def work() -> Path:
            if kind == "blank":
                return reports.write_sheet(path, rule_set_code=code, product_id=product_id, on=on)
            if kind == "filled":
                return reports.write_sheet(
                    path, rule_set_code=code, product_id=product_id, on=on, member=chosen, knockouts=knockouts
                )
            assert evaluation_id is not None
            return reports.write_result(evaluation_id, path)

        self._jobs.write(work, lambda written: self._message(self.tr("Saved to %1").replace("%1", str(written))))

    def _print(self, kind: str) -> None:
        if self.setup is None:
            return
        name = f"{kind}-{self.setup.product.name}-{self.evaluated_on():%Y%m%d}.pdf".replace("/", "-")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(Path.home() / name), self.tr("PDF document (*.pdf)")
        )
        if chosen:
            self.export(kind, Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf"))
