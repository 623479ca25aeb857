"""A score cell edited with an editable combo: type the points or pick one of the allowed levels."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ocop_desktop.gui.evaluation.score_model import LEVELS_ROLE, TYPED_ROLE

_Index = QModelIndex | QPersistentModelIndex


class LevelDelegate(QStyledItemDelegate):
    """The typed text goes to the model as typed: a non-editable combo jumped to the first level
    starting with the key pressed, so "40" became 4 and "18,5" became 18. Picking a level from
    the list commits at once, so totals change while the user is still in the cell."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setCompleter(None)  # completion would turn a typed "4" into the level "4 — …"
        combo.addItem(self.tr("(not scored)"), None)
        for points, label in index.data(LEVELS_ROLE) or ():
            combo.addItem(label, points)
        # "activated" comes only from the user picking an item, never from setEditorData or the
        # editor being torn down, so a commit never reaches a dying editor.
        combo.activated.connect(lambda _i, c=combo: self._commit(c))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        if shiboken6.isValid(combo):
            self.commitData.emit(combo)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        combo: QComboBox = editor  # type: ignore[assignment]
        value = index.data(Qt.ItemDataRole.EditRole)
        found = combo.findData(value) if value is not None else -1
        if found >= 0 and not index.data(TYPED_ROLE):
            combo.setCurrentIndex(found)
        else:  # blank, or a refused text shown again so the user can correct it
            combo.setCurrentIndex(-1)
            combo.setEditText(index.data(TYPED_ROLE) or "")
        combo.lineEdit().selectAll()

    def setModelData(self, editor: QWidget, model, index: _Index) -> None:
        combo: QComboBox = editor  # type: ignore[assignment]
        text = combo.currentText()
        item = combo.findText(text, Qt.MatchFlag.MatchExactly)
        value = combo.itemData(item) if item >= 0 else text
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: _Index) -> None:
        editor.setGeometry(option.rect)
