"""The scoring table: a card's parts and criteria as rows, one column per council member, the average."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ocop_desktop.domain.numbers import NumberError
from ocop_desktop.domain.scorecard import Criterion, Level, Scorecard, points_text, to_fraction

_Index = QModelIndex | QPersistentModelIndex
LEVELS_ROLE = Qt.ItemDataRole.UserRole + 10  # [(points, label)] a leaf cell may take
CODE_ROLE = Qt.ItemDataRole.UserRole + 11  # the criterion code of the row
TYPED_ROLE = Qt.ItemDataRole.UserRole + 12  # the refused text of a cell, "" when none
PART_COLOR = QColor(232, 240, 232)
REFUSED_COLOR = QColor(246, 198, 198)
DARK_TEXT = QColor(33, 37, 41)
CODE, NAME, MAX = 0, 1, 2
FIXED = 3  # columns before the members'


@dataclass(frozen=True)
class Line:
    """One row: a part heading (with its subtotal), a group criterion or a scored criterion."""

    kind: str  # "part", "group", "leaf" or "total"
    code: str
    name: str
    max: float
    depth: int
    leaves: tuple[str, ...]  # codes of the scored criteria it sums
    levels: tuple[Level, ...] = ()


def lines_of(card: Scorecard) -> list[Line]:
    out: list[Line] = []

    def add(c: Criterion, depth: int) -> None:
        leaves = tuple(leaf.code for leaf in c.leaves())
        out.append(
            Line(
                "group" if c.is_group else "leaf",
                c.code,
                c.name,
                c.max,
                depth,
                leaves,
                () if c.is_group else c.allowed(),
            )
        )
        for sub in c.criteria:
            add(sub, depth + 1)

    for part in card.parts:
        out.append(Line("part", part.code, part.name, part.max, 0, tuple(leaf.code for leaf in part.leaves())))
        for c in part.criteria:
            add(c, 1)
    out.append(Line("total", "", "", card.max_score, 0, tuple(leaf.code for _p, leaf in card.leaves())))
    return out


class ScoreTableModel(QAbstractTableModel):
    """Scores typed or picked cell by cell; ``scoresChanged`` fires after every accepted edit
    so the totals, star class and gap can follow as the user types."""

    scoresChanged = Signal()
    scoreRefused = Signal(str)  # the Vietnamese reason a typed score was not taken

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: list[Line] = []
        self._members: list[str] = []
        self._scores: list[dict[str, Fraction]] = []
        self._row_of: dict[str, int] = {}
        self._allowed: dict[str, set[Fraction]] = {}
        # Per member: criterion code -> (typed text, reason) of a score that was refused. The
        # text stays in the cell, red, so nothing typed is silently changed or dropped.
        self._refused: list[dict[str, tuple[str, str]]] = []

    # -- content ---------------------------------------------------------------------------------
    def set_card(self, card: Scorecard) -> None:
        """Show ``card``; scores of criteria the new card also has (at an allowed level) are kept."""
        self.beginResetModel()
        self._lines = lines_of(card)
        self._row_of = {line.code: i for i, line in enumerate(self._lines) if line.kind in ("group", "leaf")}
        self._allowed = {
            line.code: {to_fraction(lv.points) for lv in line.levels} for line in self._lines if line.kind == "leaf"
        }
        self._scores = [{k: v for k, v in s.items() if v in self._allowed.get(k, ())} for s in self._scores]
        self._refused = [{} for _s in self._scores]
        self.endResetModel()
        self.scoresChanged.emit()

    def set_members(self, members: list[tuple[str, dict[str, Fraction]]]) -> None:
        self.beginResetModel()
        self._members = [name for name, _s in members]
        self._scores = [{k: v for k, v in s.items() if v in self._allowed.get(k, ())} for _n, s in members]
        self._refused = [{} for _s in self._scores]
        self.endResetModel()
        self.scoresChanged.emit()

    def add_member(self, name: str) -> int:
        col = FIXED + len(self._members)
        self.beginInsertColumns(QModelIndex(), col, col)
        self._members.append(name)
        self._scores.append({})
        self._refused.append({})
        self.endInsertColumns()
        self.scoresChanged.emit()
        return len(self._members) - 1

    def remove_member(self, position: int) -> None:
        if not 0 <= position < len(self._members):
            return
        col = FIXED + position
        self.beginRemoveColumns(QModelIndex(), col, col)
        del self._members[position]
        del self._scores[position]
        del self._refused[position]
        self.endRemoveColumns()
        self.scoresChanged.emit()

    def member_names(self) -> list[str]:
        return list(self._members)

    def members(self) -> list[dict[str, Fraction]]:
        return [dict(s) for s in self._scores]

    def refusals(self) -> list[str]:
        """The reasons of every score typed but not taken; saving waits until they are fixed."""
        return [reason for refused in self._refused for _text, reason in refused.values()]

    def member_of_column(self, column: int) -> int | None:
        position = column - FIXED
        return position if 0 <= position < len(self._members) else None

    def line(self, row: int) -> Line:
        return self._lines[row]

    def row_of(self, code: str) -> int:
        return self._row_of[code]

    def leaf_rows(self) -> list[int]:
        return [i for i, line in enumerate(self._lines) if line.kind == "leaf"]

    # -- Qt model -------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else FIXED + len(self._members) + 1

    def _sum(self, line: Line, scores: dict[str, Fraction]) -> Fraction | None:
        got = [scores[c] for c in line.leaves if c in scores]
        return sum(got, Fraction(0)) if got else None

    def _average(self, line: Line) -> Fraction | None:
        if not self._members or not any(c in s for s in self._scores for c in line.leaves):
            return None
        # A blank counts 0, as in the saved result: every member scores every criterion.
        return sum((self._sum(line, s) or Fraction(0) for s in self._scores), Fraction(0)) / len(self._members)

    def value(self, row: int, column: int) -> Fraction | None:
        line = self._lines[row]
        member = self.member_of_column(column)
        if member is not None:
            scores = self._scores[member]
            return scores.get(line.code) if line.kind == "leaf" else self._sum(line, scores)
        if column == FIXED + len(self._members):
            return self._average(line)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._lines)):
            return None
        line, col = self._lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == CODE:
                return line.code
            if col == NAME:
                if line.kind == "total":
                    return self.tr("Total")
                return ("    " * max(0, line.depth - 1)) + line.name
            if col == MAX:
                return points_text(line.max)
            return self._typed(index) or points_text(self.value(index.row(), col))
        if role == Qt.ItemDataRole.EditRole:
            value = self.value(index.row(), col) if col >= FIXED else None
            return float(value) if value is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= MAX:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and line.kind != "leaf":
            font = QFont()
            font.setBold(True)
            return font
        if role == TYPED_ROLE:
            return self._typed(index)
        if role == Qt.ItemDataRole.BackgroundRole and self._typed(index):
            return QBrush(REFUSED_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and self._typed(index):
            return self._refused[self.member_of_column(col)][line.code][1]
        if role == Qt.ItemDataRole.BackgroundRole and line.kind in ("part", "total"):
            return QBrush(PART_COLOR)
        if role == Qt.ItemDataRole.ForegroundRole and line.kind in ("part", "total"):
            return QBrush(DARK_TEXT)
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and line.kind == "leaf"
            and (col in (NAME, MAX) or self._editable(index))
        ):
            return self._levels_tip(line)
        if role == LEVELS_ROLE and line.kind == "leaf":
            return [(float(lv.points), self._level_label(lv)) for lv in line.levels]
        if role == CODE_ROLE:
            return line.code
        return None

    def _typed(self, index: _Index) -> str:
        member = self.member_of_column(index.column())
        if member is None or self._lines[index.row()].kind != "leaf":
            return ""
        return self._refused[member].get(self._lines[index.row()].code, ("", ""))[0]

    def _level_label(self, level: Level) -> str:
        text = points_text(level.points)
        return f"{text} — {level.meaning}" if level.meaning else text

    def _levels_tip(self, line: Line) -> str:
        meanings = [self._level_label(lv) for lv in line.levels if lv.meaning]
        if meanings:
            return "\n".join(meanings)
        return self.tr("Whole points from 0 to %1").replace("%1", points_text(line.max))

    def _editable(self, index: _Index) -> bool:
        return (
            index.isValid()
            and self.member_of_column(index.column()) is not None
            and self._lines[index.row()].kind == "leaf"
        )

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A score at one of the criterion's levels, or blank to clear; anything else is refused
        with a message (``scoreRefused``) and stays in the cell as typed, never truncated."""
        if role != Qt.ItemDataRole.EditRole or not self._editable(index):
            return False
        line = self._lines[index.row()]
        member = self.member_of_column(index.column())
        scores, refused = self._scores[member], self._refused[member]
        had_refusal = refused.pop(line.code, None) is not None
        if value is None or (isinstance(value, str) and not value.strip()):
            if line.code not in scores:
                if had_refusal:
                    self._changed(index)
                return had_refusal
            del scores[line.code]
        else:
            reason = self._refusal(line, member, value)
            if reason:
                refused[line.code] = (str(value).strip(), reason)
                self._changed(index)
                self.scoreRefused.emit(reason)
                return False
            points = to_fraction(value)
            if scores.get(line.code) == points and not had_refusal:
                return False
            scores[line.code] = points
        self._changed(index)
        return True

    def _refusal(self, line: Line, member: int, value: Any) -> str:
        """Why ``value`` is not a score of ``line``, in Vietnamese; "" when it is one."""
        where = (
            self.tr("%1, criterion %2 «%3»")
            .replace("%1", self._members[member])
            .replace("%2", line.code)
            .replace("%3", line.name)
        )
        try:
            points = to_fraction(value)
        except NumberError as exc:
            return f"{where}: {exc}"
        except (ValueError, TypeError, ArithmeticError):
            return f"{where}: " + self.tr("«%1» is not a number.").replace("%1", str(value))
        allowed = self._allowed[line.code]
        if points in allowed:
            return ""
        typed, low, top = points_text(points), points_text(min(allowed)), points_text(max(allowed))
        if points > max(allowed) or points < min(allowed):
            return f"{where}: " + (
                self.tr("%1 is outside %2 to %3; enter a score from %2 to %3.")
                .replace("%1", typed)
                .replace("%2", low)
                .replace("%3", top)
            )
        if all(p.denominator == 1 for p in allowed) and points.denominator != 1:
            return f"{where}: " + (
                self.tr(
                    "%1 has decimals but this criterion is scored in whole points; enter a whole number from %2 to %3."
                )
                .replace("%1", typed)
                .replace("%2", low)
                .replace("%3", top)
            )
        levels = ", ".join(points_text(p) for p in sorted(allowed))
        return f"{where}: " + (
            self.tr("%1 is not one of the criterion's levels; enter one of %2.")
            .replace("%1", typed)
            .replace("%2", levels)
        )

    def _changed(self, index: _Index) -> None:
        """The cell, its group and part subtotals, the total row and the average follow."""
        rows = [i for i, line in enumerate(self._lines) if self._lines[index.row()].code in line.leaves]
        last = self.columnCount() - 1
        for row in rows:
            self.dataChanged.emit(self.index(row, index.column()), self.index(row, index.column()))
            self.dataChanged.emit(self.index(row, last), self.index(row, last))
        self.scoresChanged.emit()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == CODE:
            return self.tr("Code")
        if section == NAME:
            return self.tr("Criterion")
        if section == MAX:
            return self.tr("Max")
        member = self.member_of_column(section)
        if member is not None:
            return self._members[member]
        if section == FIXED + len(self._members):
            return self.tr("Average")
        return None
