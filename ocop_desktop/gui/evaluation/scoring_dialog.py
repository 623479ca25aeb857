"""Scoring a product on its card: members' scores, live totals and stars, knock-outs, gap, certification."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from fractions import Fraction
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QWidget

from ocop_desktop.domain.enums import EvaluationLevel
from ocop_desktop.domain.formatting import stars
from ocop_desktop.domain.numbers import DateError, format_vn_date
from ocop_desktop.domain.rules import certify_refusal, result_phrase
from ocop_desktop.domain.scorecard import points_text
from ocop_desktop.domain.scoring import evaluate, gap
from ocop_desktop.domain.validation import NotFoundError, ValidationError
from ocop_desktop.gui.error_text import error_text
from ocop_desktop.gui.evaluation.level_delegate import LevelDelegate
from ocop_desktop.gui.evaluation.models import EvaluationTables
from ocop_desktop.gui.evaluation.score_model import NAME, ScoreTableModel
from ocop_desktop.gui.forms.ui_evaluation_scoring_dialog import Ui_ScoringDialog
from ocop_desktop.services.evaluation import (
    DEFAULT_LEVEL,
    CertificationInput,
    EvaluationDTO,
    EvaluationInput,
    EvaluationService,
    MemberInput,
    ScoringSetup,
)
from ocop_desktop.services.evaluation_reports import EvaluationReports

ERROR_STYLE = "color: #a40000;"
OK_STYLE = "color: #1b5e20;"


def _fit(header: QHeaderView, stretch: int) -> None:
    """Columns as wide as their content (a member's name, a level), the criterion names take the rest."""
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


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
    ) -> None:
        super().__init__(parent)
        self._service, self._reports, self._today = evaluations, reports, today
        self.saved: EvaluationDTO | None = None
        self._rule_chosen = False  # the user picked a rule set rather than the one in force
        self.ui = ui = Ui_ScoringDialog()
        ui.setupUi(self)
        evaluations.scorecards.ensure_loaded()
        self.setup: ScoringSetup = evaluations.setup(product_id, today())
        product = self.setup.product
        self.setWindowTitle(self.tr("Evaluation: %1").replace("%1", product.name))
        font = QFont(ui.productLabel.font())
        font.setBold(True)
        ui.productLabel.setFont(font)
        ui.productLabel.setText(" — ".join(x for x in (product.name, product.producer, product.product_set) if x))
        self.save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save evaluation"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        for r in self.setup.rule_sets:
            ui.ruleSetCombo.addItem(r.decision, r.code)
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
        _fit(ui.scoreView.horizontalHeader(), NAME)
        tables = EvaluationTables(self)
        self.gap_model = tables.gap_model(self)
        ui.gapView.setModel(self.gap_model)
        _fit(ui.gapView.horizontalHeader(), 1)
        self.history_model = tables.history_model(self)
        ui.historyView.setModel(self.history_model)
        self.knockout_boxes: dict[str, QCheckBox] = {}
        self._show_setup()
        self._refresh_history()

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
        self.recompute()

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
        try:
            self.setup = self._service.setup(self.setup.product.id, self.evaluated_on(), rule_set_code)
        except NotFoundError as exc:
            self._message(str(exc), error=True)
            return
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
        ui, card, rules = self.ui, self.setup.card, self.setup.rule_set
        members = self.model.members()
        outcome = evaluate(card, rules, members, self._knockouts())
        scored = any(members)
        ui.partsValue.setText(
            "\n".join(f"{p.code}: {points_text(outcome.parts[p.code])} / {points_text(p.max)}" for p in card.parts)
        )
        ui.totalValue.setText(f"{points_text(outcome.total)} / {points_text(card.max_score)}")
        if outcome.knockout:
            ui.starsValue.setText(self.tr("Not rated: knocked out"))
            ui.statusValue.setText(outcome.knockout)
        elif not scored:
            ui.starsValue.setText(self.tr("Not scored yet"))
            ui.statusValue.setText("")
        else:
            ui.starsValue.setText(f"{stars(outcome.stars)}  " + self.tr("%1 stars").replace("%1", str(outcome.stars)))
            missing = len(outcome.missing)
            status = (
                [self.tr("%1 criteria not scored yet (counted as 0).").replace("%1", str(missing))] if missing else []
            )
            status += self._authority(outcome)
            ui.statusValue.setText("\n".join(status))
        result = gap(card, rules, outcome)
        self.gap_model.set_rows(list(result.losses))
        if result.next_stars is None:
            ui.gapLabel.setText(self.tr("The top class is reached."))
        else:
            ui.gapLabel.setText(
                self.tr("%1 more points are needed for %2 stars (%3 points). The criteria below lose the most points.")
                .replace("%1", points_text(result.needed))
                .replace("%2", str(result.next_stars))
                .replace("%3", points_text(result.next_min))
            )
        standing = rules.standing(ui.levelCombo.currentData(), outcome.stars)
        certifiable = (
            outcome.stars is not None and scored and rules.is_certifiable(outcome.stars) and standing.may_certify
        )
        ui.certifyBox.setEnabled(certifiable)
        if not certifiable:
            ui.certifyBox.setChecked(False)
            ui.expiryValue.setText("")
        else:
            if not ui.bodyEdit.text():
                here = standing.level
                ui.bodyEdit.setPlaceholderText(
                    here.body if here and here.body else rules.certifying_levels.get(outcome.stars, "")
                )
            on = ui.certifiedDateEdit.value() or self._today()
            expires = rules.expiry_for(on)
            text = self.tr("Valid until %1.").replace("%1", format_vn_date(expires))
            window = rules.reevaluation_window(expires)
            if window:
                text += " " + self.tr("File for re-evaluation from %1 to %2.").replace(
                    "%1", format_vn_date(window[0])
                ).replace("%2", format_vn_date(window[1]))
            ui.expiryValue.setText(text)
        self.outcome = outcome

    def _authority(self, outcome) -> list[str]:
        """Stars beyond what the chosen level certifies are shown as a proposal, with the reason."""
        rules = self.setup.rule_set
        standing = rules.standing(self.ui.levelCombo.currentData(), outcome.stars)
        here = standing.level
        if here is not None and not here.evaluates:
            self.ui.starsValue.setText(self.tr("Checked only: %1 does not rate products").replace("%1", here.name))
            return [result_phrase(rules, standing, points_text(outcome.total), points_text(self.setup.card.max_score))]
        if standing.proposed:
            self.ui.starsValue.setText(
                self.tr("Proposed to %1 for evaluation and certification").replace("%1", standing.proposed_to.title)
            )
        refusal = certify_refusal(rules, standing, points_text(outcome.total))
        return [refusal] if refusal else []

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
        ui = self.ui
        certification = None
        if ui.certifyBox.isEnabled() and ui.certifyBox.isChecked():
            certification = CertificationInput(
                certificate_no=ui.certificateEdit.text(),
                decision=ui.decisionEdit.text(),
                body=ui.bodyEdit.text(),
                certified_on=ui.certifiedDateEdit.checked_date(),
            )
        return EvaluationInput(
            product_id=self.setup.product.id,
            evaluated_on=ui.dateEdit.checked_date(),
            members=self._members_input(),
            rule_set_code=self.setup.rule_set.code,
            level=ui.levelCombo.currentData(),
            knockouts=tuple(self._knockouts()),
            notes=ui.notesEdit.text(),
            certification=certification,
        )

    def save(self) -> EvaluationDTO | None:
        refused = self.model.refusals()
        if refused:
            head = self.tr("Some scores were not taken; correct the red cells before saving:")
            self._message("\n".join([head] + [f"• {text}" for text in refused]), error=True)
            return None
        try:
            self.saved = self._service.save(self.evaluation_input(), today=self._today())
        except DateError as exc:
            self._message(str(exc), error=True)
            return None
        except ValidationError as exc:
            card = self.setup.card
            self._message(
                "\n".join(f"• {e.field}: {e.message}" if card.find(e.field) else f"• {e.message}" for e in exc.errors),
                error=True,
            )
            return None
        except NotFoundError as exc:
            self._message(str(exc), error=True)
            return None
        text = self.tr("Saved: %1 points.").replace("%1", points_text(self.saved.total))
        if self.saved.certification is not None:
            text += " " + self.tr("The product's star class and certificate were updated.")
        self._message(text)
        self._refresh_history()
        self.evaluationSaved.emit(self.saved)
        return self.saved

    # -- earlier evaluations ----------------------------------------------------------------------------
    def _refresh_history(self) -> None:
        self.history_model.set_rows(self._service.history(self.setup.product.id))
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
        e = self._service.get(evaluation_id)
        self._rule_chosen = True
        self.ui.dateEdit.blockSignals(True)
        self.ui.dateEdit.setDate(e.evaluated_on)
        self.ui.dateEdit.blockSignals(False)
        self._reload(e.rule_set_code)
        self.ui.levelCombo.setCurrentIndex(self.ui.levelCombo.findData(e.level))
        self.model.set_members([(m.name, {k: Fraction(str(v)) for k, v in m.scores.items()}) for m in e.members])
        codes = [part.split(":")[0].strip() for part in (e.knockout or "").split(";") if part.strip()]
        for code, box in self.knockout_boxes.items():
            box.setChecked(code in codes)
        self.ui.notesEdit.setText(e.notes)
        self.ui.tabs.setCurrentWidget(self.ui.scoresTab)

    # -- paper --------------------------------------------------------------------------------------------
    def export(self, kind: str, path: Path) -> Path:
        """Write a PDF: "blank" sheet, "filled" sheet of the selected member, "result" of the
        evaluation just saved, "old" result of the selected earlier evaluation."""
        product_id, code, on = self.setup.product.id, self.setup.rule_set.code, self.evaluated_on()
        if kind == "blank":
            return self._reports.write_sheet(path, rule_set_code=code, product_id=product_id, on=on)
        if kind == "filled":
            member = self.model.member_of_column(self.ui.scoreView.currentIndex().column()) or 0
            chosen = self._members_input()[member]
            return self._reports.write_sheet(
                path, rule_set_code=code, product_id=product_id, on=on, member=chosen, knockouts=self._knockouts()
            )
        evaluation_id = self.saved.id if kind == "result" and self.saved else self._selected_history()
        if evaluation_id is None:
            raise NotFoundError(self.tr("Save the evaluation (or select an earlier one) before printing its result."))
        return self._reports.write_result(evaluation_id, path)

    def _print(self, kind: str) -> None:
        name = f"{kind}-{self.setup.product.name}-{self.evaluated_on():%Y%m%d}.pdf".replace("/", "-")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(Path.home() / name), self.tr("PDF document (*.pdf)")
        )
        if not chosen:
            return
        try:
            path = self.export(kind, Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf"))
        except (ValidationError, NotFoundError, OSError) as exc:
            self._message(error_text(exc), error=True)  # a full disk or a missing folder in Vietnamese too
            return
        self._message(self.tr("Saved to %1").replace("%1", str(path)))
