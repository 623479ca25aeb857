"""The campaign status table: each reporting unit, its submission and whether it is on time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ocop_desktop.domain.enums import SubmissionStatus
from ocop_desktop.domain.schema import UNIT_SUBMISSION
from ocop_desktop.gui.schema_columns import Shown, schema_columns
from ocop_desktop.gui.table_model import DtoTableModel
from ocop_desktop.services.surveys import UnitStatusDTO

LATE_COLOR = QColor(255, 226, 214)


def on_time_label(unit: UnitStatusDTO) -> str:
    if unit.submitted:
        if unit.on_time is False:
            return QCoreApplication.translate("UnitStatus", "Late")
        return QCoreApplication.translate("UnitStatus", "On time")
    if unit.on_time is False:
        return QCoreApplication.translate("UnitStatus", "Not submitted — overdue")
    return QCoreApplication.translate("UnitStatus", "Not yet due")


class UnitStatusModel(DtoTableModel[UnitStatusDTO]):
    """The rows also answer the unit's id as their user data: the page's unit list is a view of
    this model (``findData(unit_id)``), not a copy of its thousands of labels."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return self.row(index.row()).unit_id if index.isValid() and index.row() < self.rowCount() else None
        return super().data(index, role)


def unit_status_model(parent=None) -> UnitStatusModel:
    """Units of one campaign; late and overdue rows are tinted."""
    columns = schema_columns(
        UNIT_SUBMISSION,  # domain/schema/survey.py
        {
            # The label tells an old unit from the new one of the same name (2025 merger).
            "unit": Shown[UnitStatusDTO](value=lambda u: u.unit_label or u.unit),
            "status": Shown[UnitStatusDTO](value=lambda u: SubmissionStatus.label_of(u.status)),
            "timeliness": Shown[UnitStatusDTO](value=on_time_label),
        },
    )
    return UnitStatusModel(columns, row_color=lambda u: LATE_COLOR if u.on_time is False else None, parent=parent)
