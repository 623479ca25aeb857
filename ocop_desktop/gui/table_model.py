"""A thin table model over a list of DTOs, with columns declared once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ocop_desktop.gui.formatting import display

T = TypeVar("T")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the DTO of the row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # the raw value, for proxies that sort

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str  # already translated by the caller (tr() at construction time)
    value: Callable[[T], Any]
    align_right: bool = False
    text: Callable[[T], str] | None = None  # how to show it, if not the default formatting
    tooltip: Callable[[T], str] | None = None


class DtoTableModel(QAbstractTableModel, Generic[T]):
    """Rows are DTOs; ``row_color(dto)`` may mark a row (expired, overdue …)."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        row_color: Callable[[T], QColor | None] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []
        self._row_color = row_color

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row(self, index: int) -> T:
        return self._rows[index]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        dto = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(dto) if column.text else display(column.value(dto))
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(dto) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self._row_color:
            color = self._row_color(dto)
            return QBrush(color) if color is not None else None
        if role == ROW_ROLE:
            return dto
        if role == SORT_ROLE:
            value = column.value(dto)
            return value.toordinal() if isinstance(value, date) else value
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None
