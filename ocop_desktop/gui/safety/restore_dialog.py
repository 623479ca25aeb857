"""Before a restore: the backup's date and contents beside the current data, and a confirmation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QHeaderView, QLabel, QWidget

from ocop_desktop.gui.formatting import display
from ocop_desktop.gui.forms.ui_safety_restore_confirm import Ui_RestoreConfirmDialog
from ocop_desktop.services.backup import BackupSummary

_Index = QModelIndex | QPersistentModelIndex


def size_text(n: int) -> str:
    if n < 1024 * 1024:
        return f"{display(max(1, round(n / 1024)))} KB"
    return f"{display(round(n / 1024 / 1024, 1))} MB"


class SummaryModel(QAbstractTableModel):
    """Rows: what a database holds; columns: the backup, then (if given) the current data."""

    def __init__(self, summaries: list[BackupSummary], headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self._summaries = summaries
        self._headers = headers
        self._rows: list[tuple[str, Callable[[BackupSummary], Any]]] = [
            (self.tr("Made at"), lambda s: s.made_at),
            (self.tr("Newest change"), lambda s: s.newest_change),
            (self.tr("Products"), lambda s: s.counts.get("products", 0)),
            (self.tr("Producers"), lambda s: s.counts.get("producers", 0)),
            (self.tr("Survey rows"), lambda s: s.counts.get("survey_entries", 0)),
            (self.tr("Tasks"), lambda s: s.counts.get("tasks", 0)),
            (self.tr("Schema version"), lambda s: s.schema_version or ""),
            (self.tr("Size"), lambda s: size_text(s.size)),
        ]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._summaries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return display(self._rows[index.row()][1](self._summaries[index.column()]))
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= index.row() <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return self._rows[section][0]
        return None


class RestoreConfirmDialog(QDialog):
    """Accepted = the user confirmed. ``current`` may be None (no readable data file)."""

    def __init__(self, backup: BackupSummary, current: BackupSummary | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RestoreConfirmDialog()
        self.ui.setupUi(self)
        summaries, headers = [backup], [self.tr("Backup")]
        if current is not None and current.restorable:
            summaries.append(current)
            headers.append(self.tr("Current data"))
        self.model = SummaryModel(summaries, headers, self)
        self.ui.compareView.setModel(self.model)
        self.ui.compareView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        when = display(backup.made_at) if backup.made_at else self.tr("an unknown time")
        self.ui.questionLabel.setText(
            self.tr("Replace all current data with the backup made at %1?\n%2")
            .replace("%1", when)
            .replace("%2", str(backup.path))
        )
        self.restore_button = self.ui.buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.warning_label: QLabel | None = None
        self.accept_check: QCheckBox | None = None
        if backup.warnings:
            self._warn(backup.warnings)

    def _warn(self, warnings: tuple[str, ...]) -> None:
        """A backup whose audit log was edited outside the program, or recomputed so that it no longer
        matches an anchor kept outside the database: said before anything is replaced, and
        restored only once the user ticks that they want it anyway."""
        self.warning_label = QLabel(
            self.tr(
                "Warning: the change log of this backup was edited outside OCOP Desktop or does not match the "
                "anchor recorded in a backup or a sent package, so nothing shows that its data were entered "
                "through the program:"
            )
            + "\n"
            + "\n".join(f"• {w}" for w in warnings),
            self,
        )
        self.warning_label.setWordWrap(True)
        self.warning_label.setObjectName("warningLabel")
        self.accept_check = QCheckBox(self.tr("Restore this backup anyway"), self)
        at = self.ui.mainLayout.indexOf(self.ui.buttons)
        self.ui.mainLayout.insertWidget(at, self.warning_label)
        self.ui.mainLayout.insertWidget(at + 1, self.accept_check)
        self.restore_button.setEnabled(False)
        self.accept_check.toggled.connect(self.restore_button.setEnabled)
