"""The survey grid: spreadsheet keys (Tab, Enter, Delete, Ctrl+Z/Y, Ctrl+C/X/V) over the model."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from ocop_desktop.gui.surveys.grid_model import SurveyGridModel
from ocop_desktop.gui.surveys.tsv import parse_tsv, to_tsv

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_Cursor = QAbstractItemView.CursorAction


class GridDelegate(QStyledItemDelegate):
    """Enter in an editor commits it and asks the view to go one row down."""

    enter_pressed = Signal()

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in _ENTER:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.enter_pressed.emit()
            return True
        return super().eventFilter(editor, event)


class SurveyGridView(QTableView):
    """Typing starts editing; Tab/Shift+Tab go across and wrap; Enter goes down, adding a row
    past the last; Delete clears; undo, copy and paste work on blocks of cells."""

    notice = Signal(str)  # a short message for the page (e.g. columns dropped from a paste)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        triggers = QAbstractItemView.EditTrigger
        self.setEditTriggers(triggers.AnyKeyPressed | triggers.DoubleClicked | triggers.EditKeyPressed)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self._delegate = GridDelegate(self)
        self._delegate.enter_pressed.connect(self.move_down)
        self.setItemDelegate(self._delegate)

    def fit_columns(self) -> None:
        """Widths from the content, but text columns wide enough to type a name into."""
        self.resizeColumnsToContents()
        least = {"product_name": 200, "producer": 150, "production_situation": 150, "notes": 150}
        for j, column in enumerate(self.grid_model().columns):
            if column.key in least:
                self.setColumnWidth(j, min(max(self.columnWidth(j), least[column.key]), 360))
        self.horizontalHeader().setStretchLastSection(True)

    def grid_model(self) -> SurveyGridModel:
        model = self.model()
        assert isinstance(model, SurveyGridModel)
        return model

    # --- movement ------------------------------------------------------------------------------
    def moveCursor(self, action: _Cursor, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        current = self.currentIndex()
        model = self.model()
        if not current.isValid() or action not in (_Cursor.MoveNext, _Cursor.MovePrevious):
            return super().moveCursor(action, modifiers)
        row, col, last = current.row(), current.column(), model.columnCount() - 1
        if action == _Cursor.MoveNext:
            if col < last:
                return model.index(row, col + 1)
            if row + 1 >= model.rowCount():
                self.grid_model().append_row()
            return model.index(row + 1, 0)
        if col > 0:
            return model.index(row, col - 1)
        return model.index(row - 1, last) if row > 0 else current

    def move_down(self) -> None:
        current = self.currentIndex()
        if not current.isValid():
            return
        model = self.grid_model()
        if current.row() + 1 >= model.rowCount():
            model.append_row()
        self.setCurrentIndex(model.index(current.row() + 1, current.column()))

    def commit_pending_edit(self) -> None:
        """Write a cell still being edited into the model (before saving or keeping a draft)."""
        editor = QApplication.focusWidget()
        if self.state() == QAbstractItemView.State.EditingState and editor and self.viewport().isAncestorOf(editor):
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    # --- keys --------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing:
            if event.key() in _ENTER and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.move_down()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
                self.clear_selection_cells()
                return
            if event.matches(QKeySequence.StandardKey.Undo):
                self.grid_model().undo_stack.undo()
                return
            if event.matches(QKeySequence.StandardKey.Redo) or (
                event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            ):
                self.grid_model().undo_stack.redo()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste()
                return
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy()
                return
            if event.matches(QKeySequence.StandardKey.Cut):
                self.copy()
                self.clear_selection_cells(self.tr("Cut"))
                return
        super().keyPressEvent(event)

    # --- block operations ----------------------------------------------------------------------
    def _selected(self) -> list[QModelIndex]:
        indexes = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        if not indexes and self.currentIndex().isValid():
            indexes = [self.currentIndex()]
        return indexes

    def clear_selection_cells(self, text: str | None = None) -> None:
        changes = [(i.row(), i.column(), "") for i in self._selected()]
        self.grid_model().set_cells(changes, text or self.tr("Clear cells"))

    def copy(self) -> None:
        indexes = self._selected()
        if not indexes:
            return
        rows = range(min(i.row() for i in indexes), max(i.row() for i in indexes) + 1)
        cols = range(min(i.column() for i in indexes), max(i.column() for i in indexes) + 1)
        chosen = {(i.row(), i.column()) for i in indexes}
        model = self.grid_model()
        block = [
            [model.index(r, c).data(Qt.ItemDataRole.EditRole) if (r, c) in chosen else "" for c in cols] for r in rows
        ]
        QGuiApplication.clipboard().setText(to_tsv(block))

    def paste(self) -> None:
        block = parse_tsv(QGuiApplication.clipboard().text())
        if not block:
            return
        model = self.grid_model()
        start = self.currentIndex()
        if not start.isValid():
            start = model.index(0, 0)
        selected = self._selected()
        if len(block) == 1 and len(block[0]) == 1 and len(selected) > 1:
            # One copied cell into a selection fills the selection, as spreadsheets do.
            model.set_cells([(i.row(), i.column(), block[0][0]) for i in selected], self.tr("Paste"))
            return
        width = model.columnCount()
        changes = [
            (start.row() + r, start.column() + c, value)
            for r, cells in enumerate(block)
            for c, value in enumerate(cells)
            if start.column() + c < width
        ]
        dropped = max(len(cells) for cells in block) - (width - start.column())
        model.set_cells(changes, self.tr("Paste"))
        last_row = start.row() + len(block) - 1
        last_col = min(width - 1, start.column() + max(len(cells) for cells in block) - 1)
        selection = QItemSelection(start, model.index(last_row, last_col))
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if dropped > 0:
            message = self.tr("%1 pasted column(s) did not fit in the table and were left out.")
            self.notice.emit(message.replace("%1", str(dropped)))
