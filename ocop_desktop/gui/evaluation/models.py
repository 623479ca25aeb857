"""Table models of the evaluation dialogs: the gap to the next star, earlier evaluations, scorecards."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from ocop_desktop.domain.enums import EvaluationLevel
from ocop_desktop.domain.formatting import stars
from ocop_desktop.domain.schema import EVALUATION
from ocop_desktop.domain.scorecard import Criterion, points_text
from ocop_desktop.domain.scoring import Loss
from ocop_desktop.gui.schema_columns import Shown, schema_columns
from ocop_desktop.gui.table_model import Column, DtoTableModel
from ocop_desktop.services.evaluation import EvaluationRow
from ocop_desktop.services.scorecards import SHIPPED, CardInfo


@dataclass(frozen=True)
class CriterionRow:
    """One criterion of a card as listed beside it."""

    code: str
    name: str
    max: float
    levels: str


def criterion_rows(info: CardInfo) -> list[CriterionRow]:
    rows: list[CriterionRow] = []

    def add(c: Criterion, depth: int) -> None:
        levels = "; ".join(
            f"{points_text(lv.points)} = {lv.meaning}" if lv.meaning else points_text(lv.points) for lv in c.levels
        )
        rows.append(CriterionRow(c.code, "    " * depth + c.name, c.max, levels))
        for sub in c.criteria:
            add(sub, depth + 1)

    for part in info.card.parts:
        rows.append(CriterionRow(part.code, part.name, part.max, ""))
        for c in part.criteria:
            add(c, 1)
    return rows


class EvaluationTables(QObject):
    """Makes the dialogs' table models, their headers translated in one context."""

    def gap_model(self, parent=None) -> DtoTableModel[Loss]:
        return DtoTableModel(
            [
                Column(self.tr("Code"), lambda x: x.code),
                Column(self.tr("Criterion"), lambda x: x.name),
                Column(
                    self.tr("Score"), lambda x: float(x.score), align_right=True, text=lambda x: points_text(x.score)
                ),
                Column(self.tr("Max"), lambda x: x.max, align_right=True, text=lambda x: points_text(x.max)),
                Column(
                    self.tr("Points lost"),
                    lambda x: float(x.lost),
                    align_right=True,
                    text=lambda x: points_text(x.lost),
                ),
                Column(
                    self.tr("Next level"),
                    lambda x: x.next_level.points if x.next_level else None,
                    text=lambda x: (
                        (
                            points_text(x.next_level.points)
                            + (f" — {x.next_level.meaning}" if x.next_level.meaning else "")
                        )
                        if x.next_level
                        else ""
                    ),
                ),
            ],
            parent=parent,
        )

    def history_model(self, parent=None) -> DtoTableModel[EvaluationRow]:
        proposed = self.tr("Proposed to %1")

        def stars_text(r: EvaluationRow) -> str:  # never a class the evaluating level may not give
            return proposed.replace("%1", r.proposed_to) if r.proposed_to else stars(r.stars)

        shown: dict[str, Shown[EvaluationRow]] = {
            "rule_set": Shown(value=lambda r: r.rule_set_code),
            "level": Shown(value=lambda r: EvaluationLevel.label_of(r.level) if r.level else r.level_label),
            "stars": Shown(text=stars_text, align_right=False),  # «Đề nghị …» in place of a class
            "knockout": Shown(value=lambda r: r.knockout or ""),
        }
        return DtoTableModel(schema_columns(EVALUATION, shown), parent=parent)  # domain/schema/records.py

    def cards_model(self, parent=None) -> DtoTableModel[CardInfo]:
        every, yes, unconfirmed = self.tr("(every set)"), self.tr("yes"), self.tr("not confirmed")
        shipped, imported = self.tr("shipped"), self.tr("imported from %1")
        return DtoTableModel(
            [
                Column(self.tr("Rule set"), lambda i: i.card.rule_set),
                Column(self.tr("Product set"), lambda i: i.product_set_name or every),
                Column(self.tr("Parts"), lambda i: " · ".join(f"{p.code} {points_text(p.max)}" for p in i.card.parts)),
                Column(self.tr("Criteria"), lambda i: len(i.card.leaves()), align_right=True),
                Column(
                    self.tr("Checked"),
                    lambda i: i.card.confirmed,
                    text=lambda i: yes if i.card.confirmed else unconfirmed,
                ),
                Column(
                    self.tr("Origin"),
                    lambda i: i.origin,
                    text=lambda i: shipped if i.origin == SHIPPED else imported.replace("%1", i.imported_from),
                ),
            ],
            parent=parent,
        )

    def criteria_model(self, parent=None) -> DtoTableModel[CriterionRow]:
        return DtoTableModel(
            [
                Column(self.tr("Code"), lambda r: r.code),
                Column(self.tr("Criterion"), lambda r: r.name),
                Column(self.tr("Max"), lambda r: r.max, align_right=True, text=lambda r: points_text(r.max)),
                Column(self.tr("Levels"), lambda r: r.levels),
            ],
            parent=parent,
        )
