"""The activities table: its columns from the record schema (domain/schema/activities.py)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from ocop_desktop.domain.schema import ACTIVITY, WINDOW
from ocop_desktop.domain.schema.activities import ActivityKind
from ocop_desktop.gui.formatting import display
from ocop_desktop.gui.schema_columns import Shown, schema_columns
from ocop_desktop.gui.table_model import DtoTableModel
from ocop_desktop.services.activity_types import ActivityDTO


def kind_text(code: str) -> str:
    """The kind as shown on screen, in the interface language."""
    try:
        return ActivityKind(code).shown
    except ValueError:
        return code


def _products(a: ActivityDTO) -> str:
    return "; ".join(p.name + (f" ({display(p.sales, 'money')})" if p.sales else "") for p in a.product_list)


SHOWN: dict[str, Shown[ActivityDTO]] = {
    "kind": Shown(text=lambda a: kind_text(a.kind)),
    "held_on": Shown(text=lambda a: a.dates),
    "producers": Shown(tooltip=lambda a: a.producers),
    "products": Shown(tooltip=_products),
    "sales": Shown(text=lambda a: display(a.sales, "money") if a.sales is not None else ""),
    "title": Shown(tooltip=lambda a: a.result),
}


class ActivityTableModel(DtoTableModel[ActivityDTO]):
    def __init__(self, parent: QObject | None = None, view: str = WINDOW) -> None:
        super().__init__(schema_columns(ACTIVITY, SHOWN, view), parent=parent)

    def row_of(self, activity_id: str | None) -> int:
        return next((i for i, a in enumerate(self.rows()) if a.id == activity_id), -1)
