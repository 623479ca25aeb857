"""A score cell edited with a combo box offering only the criterion's allowed levels."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ocop_desktop.gui.evaluation.score_model import LEVELS_ROLE

_Index = QModelIndex | QPersistentModelIndex


class LevelDelegate(QStyledItemDelegate):
    """Typing a digit on a score cell opens the combo and picks the level it starts with; the
    choice is committed at once, so totals change while the user is still in the cell."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem(self.tr("(not scored)"), None)
        for points, label in index.data(LEVELS_ROLE) or ():
            combo.addItem(label, points)
        # "activated" comes only from the user (a pick, a typed digit, an arrow key), never from
        # setEditorData or the editor being torn down, so a commit never reaches a dying editor.
        combo.activated.connect(lambda _i, c=combo: self._commit(c))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        if shiboken6.isValid(combo):
            self.commitData.emit(combo)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        combo: QComboBox = editor  # type: ignore[assignment]
        found = combo.findData(value) if value is not None else 0
        combo.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model, index: _Index) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)  # type: ignore[attr-defined]

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: _Index) -> None:
        editor.setGeometry(option.rect)
