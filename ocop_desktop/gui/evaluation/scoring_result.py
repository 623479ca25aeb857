"""The scoring dialog's live result: parts, total, star class, authority, gap and certification, as scores are typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from fractions import Fraction

from PySide6.QtCore import QCoreApplication

from ocop_desktop.domain.formatting import stars
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.domain.rules import certify_refusal, result_phrase
from ocop_desktop.domain.scorecard import points_text
from ocop_desktop.domain.scoring import Loss, Outcome, evaluate, gap
from ocop_desktop.gui.forms.ui_evaluation_scoring_dialog import Ui_ScoringDialog
from ocop_desktop.gui.table_model import DtoTableModel
from ocop_desktop.services.evaluation import ScoringSetup


def show_result(
    ui: Ui_ScoringDialog,
    gap_model: DtoTableModel[Loss],
    setup: ScoringSetup,
    members: list[dict[str, Fraction]],
    knockouts: list[str],
    today: Callable[[], date],
) -> Outcome:
    """Show the result of ``members``' scores on the card of ``setup``; returns the outcome."""
    card, rules = setup.card, setup.rule_set
    outcome = evaluate(card, rules, members, knockouts)
    scored = any(members)
    ui.partsValue.setText(
        "\n".join(f"{p.code}: {points_text(outcome.parts[p.code])} / {points_text(p.max)}" for p in card.parts)
    )
    ui.totalValue.setText(f"{points_text(outcome.total)} / {points_text(card.max_score)}")
    if outcome.knockout:
        ui.starsValue.setText(QCoreApplication.translate("ScoringDialog", "Not rated: knocked out"))
        ui.statusValue.setText(outcome.knockout)
    elif not scored:
        ui.starsValue.setText(QCoreApplication.translate("ScoringDialog", "Not scored yet"))
        ui.statusValue.setText("")
    else:
        ui.starsValue.setText(
            f"{stars(outcome.stars)}  "
            + QCoreApplication.translate("ScoringDialog", "%1 stars").replace("%1", str(outcome.stars))
        )
        missing = len(outcome.missing)
        status = (
            [
                QCoreApplication.translate("ScoringDialog", "%1 criteria not scored yet (counted as 0).").replace(
                    "%1", str(missing)
                )
            ]
            if missing
            else []
        )
        status += _authority(ui, setup, outcome)
        ui.statusValue.setText("\n".join(status))
    result = gap(card, rules, outcome)
    gap_model.set_rows(list(result.losses))
    if result.next_stars is None:
        ui.gapLabel.setText(QCoreApplication.translate("ScoringDialog", "The top class is reached."))
    else:
        ui.gapLabel.setText(
            QCoreApplication.translate(
                "ScoringDialog",
                "%1 more points are needed for %2 stars (%3 points). The criteria below lose the most points.",
            )
            .replace("%1", points_text(result.needed))
            .replace("%2", str(result.next_stars))
            .replace("%3", points_text(result.next_min))
        )
    standing = rules.standing(ui.levelCombo.currentData(), outcome.stars)
    certifiable = outcome.stars is not None and scored and rules.is_certifiable(outcome.stars) and standing.may_certify
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
        on = ui.certifiedDateEdit.value() or today()
        expires = rules.expiry_for(on)
        text = QCoreApplication.translate("ScoringDialog", "Valid until %1.").replace("%1", format_vn_date(expires))
        window = rules.reevaluation_window(expires)
        if window:
            text += " " + QCoreApplication.translate("ScoringDialog", "File for re-evaluation from %1 to %2.").replace(
                "%1", format_vn_date(window[0])
            ).replace("%2", format_vn_date(window[1]))
        ui.expiryValue.setText(text)
    return outcome


def _authority(ui: Ui_ScoringDialog, setup: ScoringSetup, outcome: Outcome) -> list[str]:
    """Stars beyond what the chosen level certifies are shown as a proposal, with the reason."""
    rules = setup.rule_set
    standing = rules.standing(ui.levelCombo.currentData(), outcome.stars)
    here = standing.level
    if here is not None and not here.evaluates:
        ui.starsValue.setText(
            QCoreApplication.translate("ScoringDialog", "Checked only: %1 does not rate products").replace(
                "%1", here.name
            )
        )
        return [result_phrase(rules, standing, points_text(outcome.total), points_text(setup.card.max_score))]
    if standing.proposed:
        ui.starsValue.setText(
            QCoreApplication.translate("ScoringDialog", "Proposed to %1 for evaluation and certification").replace(
                "%1", standing.proposed_to.title
            )
        )
    refusal = certify_refusal(rules, standing, points_text(outcome.total))
    return [refusal] if refusal else []
