"""Undo steps of the survey grid: writing cells (typing, clearing, pasting) and removing rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from ocop_desktop.gui.surveys.grid_model import GridRow, SurveyGridModel


class SetCellsCommand(QUndoCommand):
    """Cells written at once; rows a paste added past the end go again on undo."""

    def __init__(self, model: SurveyGridModel, changes: list[tuple[int, int, str]], text: str) -> None:
        super().__init__(text)
        self._model = model
        self._changes = changes
        self._old: list[tuple[int, int, str]] = []
        self._rows_before = 0

    def redo(self) -> None:
        self._rows_before = self._model.rowCount()
        self._old = self._model.write_cells(self._changes)

    def undo(self) -> None:
        self._model.write_cells(list(reversed(self._old)))
        self._model.trim_blank_tail(self._rows_before)


class RemoveRowsCommand(QUndoCommand):
    def __init__(self, model: SurveyGridModel, rows: list[int], text: str) -> None:
        super().__init__(text)
        self._model = model
        self._rows = rows
        self._taken: list[tuple[int, GridRow]] = []

    def redo(self) -> None:
        self._taken = self._model.take_rows(self._rows)

    def undo(self) -> None:
        self._model.insert_rows(self._taken)
