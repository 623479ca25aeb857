"""The survey grid's model: editable text cells, each parsed and checked as it is typed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoStack

from ocop_desktop.domain.language import display_language
from ocop_desktop.domain.numbers import format_vn_number
from ocop_desktop.domain.schema import SURVEY_ENTRY, Kind
from ocop_desktop.domain.validation import text_of
from ocop_desktop.gui.surveys.grid_commands import RemoveRowsCommand, SetCellsCommand
from ocop_desktop.gui.surveys.merge import Entry, MergeReport, merge
from ocop_desktop.services.surveys import SurveyEntryDTO, SurveyEntryInput, parse_entry_value

_Index = QModelIndex | QPersistentModelIndex
INVALID_COLOR = QColor(255, 205, 205)
_YEARS = {f.key: f.kind is Kind.YEAR for f in SURVEY_ENTRY.listed}


@dataclass(frozen=True)
class GridColumn:
    key: str  # the SurveyEntryInput attribute
    header: str
    numeric: bool = False


def grid_columns() -> list[GridColumn]:
    """SURVEY_ENTRY's listed fields (domain/schema/survey.py), headed in the window's language."""
    language = display_language()
    return [GridColumn(f.key, f.label_in(language), f.numeric) for f in SURVEY_ENTRY.listed]


class GridRow:
    """One row: the id and version of its saved entry (None if new), the typed text, per-cell problems."""

    __slots__ = ("cells", "errors", "id", "product_id", "values", "version")

    def __init__(
        self,
        cells: list[str],
        id: str | None = None,
        product_id: str | None = None,
        version: datetime | None = None,
    ) -> None:
        self.id = id
        self.version = version  # the entry's updated_at when it was loaded: the save checks it
        self.product_id = product_id
        self.cells = cells
        self.errors: list[str | None] = [None] * len(cells)
        self.values: list[Any] = [None] * len(cells)

    def is_blank(self) -> bool:
        return not any(c.strip() for c in self.cells)


def _cell_text(key: str, value: Any) -> str:
    """Saved values as Vietnamese text, every decimal kept so saving again changes nothing."""
    if value is None:
        return ""
    if _YEARS.get(key):
        return str(value)  # a year is never grouped: 2025
    if isinstance(value, (int, float)):
        exponent = Decimal(repr(value)).normalize().as_tuple().exponent
        places = max(0, -exponent) if isinstance(exponent, int) else 0
        return format_vn_number(value, decimals=places)
    return str(value)


def _when(text: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


class SurveyGridModel(QAbstractTableModel):
    """Rows of one unit. Every change goes through ``undo_stack`` so Ctrl+Z reverts it."""

    edited = Signal()  # after any change made by the user (not after load/restore)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.columns = grid_columns()
        self.undo_stack = QUndoStack(self)
        self.campaign_year: int | None = None
        self._rows: list[GridRow] = []
        self._base: list[Entry] = []  # the unit's rows as loaded: what the edits are relative to
        self._baseline: list[tuple[str | None, tuple[str, ...]]] = []
        self._server_errors: dict[tuple[int, int], str] = {}

    # --- loading -------------------------------------------------------------------------
    def load(self, entries: Iterable[SurveyEntryDTO], campaign_year: int | None) -> None:
        """Show saved entries (plus one spare row to type into); they become the baseline."""
        entries = list(entries)
        self.campaign_year = campaign_year
        self._set_base(self._entries(entries))
        self._reset(
            [GridRow(list(b.cells), b.id, e.product_id, b.version) for b, e in zip(self._base, entries, strict=False)]
        )

    def _entries(self, entries: list[SurveyEntryDTO]) -> list[Entry]:
        return [
            Entry(e.id, e.updated_at, tuple(_cell_text(c.key, getattr(e, c.key)) for c in self.columns))
            for e in entries
        ]

    def _set_base(self, base: list[Entry]) -> None:
        self._base = base
        self._baseline = [(e.id, tuple(c.strip() for c in e.cells)) for e in base if any(c.strip() for c in e.cells)]

    def restore(self, payload: dict) -> None:
        """Put back a draft (see payload()): its rows, and the rows it was typed over if it kept them.

        A draft that kept them is the editing session as it was; rebase() then brings it onto
        the unit's newest rows. An older draft is laid over the rows loaded now."""
        by_id = {r.id: r.product_id for r in self._rows if r.id}
        width = len(self.columns)

        def cells_of(item: dict) -> list[str]:
            cells = [str(c) for c in item.get("cells", [])][:width]
            return cells + [""] * (width - len(cells))

        base = payload.get("base")
        if isinstance(base, list) and all(isinstance(b, dict) and isinstance(b.get("id"), str) for b in base):
            self._set_base([Entry(b["id"], _when(b.get("version")), tuple(cells_of(b))) for b in base])
        versions = {e.id: e.version for e in self._base}
        rows = []
        for item in payload.get("rows", []):
            row_id = item.get("id") if isinstance(item.get("id"), str) else None
            rows.append(GridRow(cells_of(item), row_id, by_id.get(row_id), versions.get(row_id)))
        self._reset(rows)

    def payload(self) -> dict:
        """What a draft keeps: every row's id and text (the spare blank rows at the end left out),
        and the rows as loaded, so the draft can later be merged onto newer rows."""
        rows = list(self._rows)
        while rows and rows[-1].is_blank() and rows[-1].id is None:
            rows.pop()
        return {
            "rows": [{"id": r.id, "cells": list(r.cells)} for r in rows],
            "base": [
                {"id": e.id, "version": e.version.isoformat() if e.version else None, "cells": list(e.cells)}
                for e in self._base
            ],
        }

    def rebase(self, entries: list[SurveyEntryDTO]) -> MergeReport:
        """Take ``entries`` (the unit's rows now) as the new baseline and re-apply the unsaved
        edits on top of them (see merge.merge); the result is what the grid then shows."""
        theirs = self._entries(entries)
        mine = [(r.id, list(r.cells)) for r in self._rows if not r.is_blank()]
        report = merge(self._base, mine, theirs)
        products = {e.id: e.product_id for e in entries}
        self._set_base(theirs)
        self._reset([GridRow(m.cells, m.id, products.get(m.id) if m.id else None, m.version) for m in report.rows])
        return report

    def versions(self) -> dict[str, datetime | None]:
        """id -> version of every row of the unit as loaded (the service's ``loaded``)."""
        return {e.id: e.version for e in self._base}

    def deleted(self) -> dict[str, datetime | None]:
        """Loaded rows the user removed or emptied, with their versions (the service's ``deleted``)."""
        present = {r.id for r in self._rows if r.id and not r.is_blank()}
        return {e.id: e.version for e in self._base if e.id not in present}

    def changed_since(self, entries: list[SurveyEntryDTO]) -> bool:
        """Whether the unit's rows now differ from the rows the grid was loaded with."""
        return {e.id: e.updated_at for e in entries} != self.versions()

    def _reset(self, rows: list[GridRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        if not rows or not rows[-1].is_blank():
            self._rows.append(self._blank())
        for r in self._rows:
            self._check(r)
        self._server_errors = {}
        self.endResetModel()
        self.undo_stack.clear()

    def _blank(self) -> GridRow:
        return GridRow([""] * len(self.columns))

    # --- state the page asks about ---------------------------------------------------------
    def _content(self) -> list[tuple[str | None, tuple[str, ...]]]:
        return [(r.id, tuple(c.strip() for c in r.cells)) for r in self._rows if not r.is_blank()]

    def is_dirty(self) -> bool:
        return self._content() != self._baseline

    def row_is_saved(self, row: int) -> bool:
        """Whether the row is an entry exactly as saved (so it may be promoted)."""
        if not 0 <= row < len(self._rows) or self._rows[row].id is None:
            return False
        r = self._rows[row]
        return (r.id, tuple(c.strip() for c in r.cells)) in self._baseline

    def entry_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def product_id(self, row: int) -> str | None:
        return self._rows[row].product_id if 0 <= row < len(self._rows) else None

    def set_product_id(self, row: int, product_id: str) -> None:
        self._rows[row].product_id = product_id
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)

    def inputs(self) -> list[SurveyEntryInput]:
        """Every row for SurveyService.save_entries, numbers as typed (the service parses them)."""
        return [
            SurveyEntryInput(
                id=r.id, version=r.version, **{c.key: text for c, text in zip(self.columns, r.cells, strict=False)}
            )
            for r in self._rows
        ]

    def problems(self) -> list[tuple[int, int, str]]:
        """(row, column, reason) of every invalid cell, top to bottom."""
        out = []
        for i, r in enumerate(self._rows):
            for j in range(len(self.columns)):
                reason = self._server_errors.get((i, j)) or r.errors[j]
                if reason:
                    out.append((i, j, reason))
        return out

    def set_server_errors(self, errors: dict[tuple[int, int], str]) -> None:
        """Problems the service found, shown like typing errors until the cell is edited."""
        self._server_errors = dict(errors)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))

    # --- editing (through the undo stack) ----------------------------------------------------
    def set_cells(self, changes: list[tuple[int, int, str]], text: str) -> None:
        """Write cells as one undoable step; rows past the end are added."""
        changes = [(r, c, v) for r, c, v in changes if r >= 0 and 0 <= c < len(self.columns)]
        if all(self._holds(r, c, v) for r, c, v in changes):
            return  # nothing would change: no empty undo step
        self.undo_stack.push(SetCellsCommand(self, changes, text))

    def _holds(self, row: int, column: int, text: str) -> bool:
        return self._rows[row].cells[column] == text if row < len(self._rows) else text == ""

    def remove_rows(self, rows: Iterable[int], text: str) -> None:
        rows = sorted({r for r in rows if 0 <= r < len(self._rows)})
        if rows:
            self.undo_stack.push(RemoveRowsCommand(self, rows, text))

    def append_row(self) -> None:
        """A spare blank row (not an undo step: it holds nothing and is never saved)."""
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(self._blank())
        self.endInsertRows()

    # Primitives used by the undo commands.
    def write_cells(self, changes: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Write and return the old values; grows the table to the highest row named."""
        need = max(r for r, _, _ in changes) + 1
        if need > len(self._rows):
            # One insertion for the whole block, so pasting thousands of rows stays quick.
            self.beginInsertRows(QModelIndex(), len(self._rows), need - 1)
            self._rows.extend(self._blank() for _ in range(need - len(self._rows)))
            self.endInsertRows()
        old = []
        touched = set()
        for r, c, v in changes:
            old.append((r, c, self._rows[r].cells[c]))
            self._rows[r].cells[c] = v
            self._server_errors.pop((r, c), None)
            touched.add(r)
        for r in touched:
            self._check(self._rows[r])
        self.dataChanged.emit(self.index(min(touched), 0), self.index(max(touched), len(self.columns) - 1))
        self.edited.emit()
        return old

    def insert_rows(self, rows: list[tuple[int, GridRow]]) -> None:
        for position, row in sorted(rows, key=lambda item: item[0]):
            self.beginInsertRows(QModelIndex(), position, position)
            self._rows.insert(position, row)
            self.endInsertRows()
        self._server_errors = {}
        self.edited.emit()

    def take_rows(self, positions: list[int]) -> list[tuple[int, GridRow]]:
        taken = []
        for position in sorted(positions, reverse=True):
            self.beginRemoveRows(QModelIndex(), position, position)
            taken.append((position, self._rows.pop(position)))
            self.endRemoveRows()
        self._server_errors = {}
        if not self._rows:
            self.append_row()
        self.edited.emit()
        return taken

    def trim_blank_tail(self, keep: int) -> None:
        """Drop blank rows added at the end by an undone paste, keeping at least ``keep`` rows."""
        while len(self._rows) > max(keep, 1) and self._rows[-1].is_blank() and self._rows[-1].id is None:
            n = len(self._rows) - 1
            self.beginRemoveRows(QModelIndex(), n, n)
            self._rows.pop()
            self.endRemoveRows()

    def _check(self, row: GridRow) -> None:
        for j, column in enumerate(self.columns):
            try:
                row.values[j] = parse_entry_value(column.key, row.cells[j], self.campaign_year)
                row.errors[j] = None
            except ValueError as exc:  # the service layer's reason, in the window's language
                row.values[j] = None
                row.errors[j] = text_of(exc)
        if not row.is_blank() and not row.cells[0].strip():
            row.errors[0] = self.tr("Enter the product name.")

    # --- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, j = self._rows[index.row()], index.column()
        column = self.columns[j]
        error = self._server_errors.get((index.row(), j)) or row.errors[j]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row.values[j]
            if column.numeric and value is not None and not error:
                return _cell_text(column.key, value)
            return row.cells[j]
        if role == Qt.ItemDataRole.EditRole:
            return row.cells[j]
        if role == Qt.ItemDataRole.ToolTipRole:
            if error:
                return error
            if j == 0 and row.product_id:
                return self.tr("Added to the product registry as a potential product.")
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(INVALID_COLOR) if error else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self.set_cells([(index.row(), index.column(), "" if value is None else str(value))], self.tr("Edit cell"))
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
                return self.columns[section].header
            return None
        if not 0 <= section < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{section + 1} ✓" if self._rows[section].product_id else str(section + 1)
        if role == Qt.ItemDataRole.ToolTipRole and self._rows[section].product_id:
            return self.tr("Added to the product registry as a potential product.")
        return None
