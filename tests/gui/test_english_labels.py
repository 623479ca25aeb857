"""Tables of an English window read statuses and levels in English, from the code each row holds."""

from __future__ import annotations

from datetime import date

from ocop_desktop.domain.language import set_display_language
from ocop_desktop.gui.evaluation.models import EvaluationTables
from ocop_desktop.gui.exchange.models import units_model
from ocop_desktop.gui.surveys.status_model import unit_status_model
from ocop_desktop.gui.tasks.models import status_text
from ocop_desktop.services.evaluation import EvaluationRow
from ocop_desktop.services.exchange.dto import UnitTimeliness
from ocop_desktop.services.surveys import UnitStatusDTO

HEADERS = {"Status": ("Status", "Trạng thái"), "Level": ("Level", "Cấp đánh giá")}  # whichever translator is installed


def _column(model, header: str) -> list[str]:
    from PySide6.QtCore import Qt

    column = next(
        c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) in HEADERS[header]
    )
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_status_and_level_columns_follow_the_window_language(qapp):
    exchange = units_model()
    exchange.set_rows([UnitTimeliness("u1", "Xã Ẳng Nưa", "Đã nộp", True, date(2024, 6, 1), True, None, "da_nop")])
    campaign = unit_status_model()
    campaign.set_rows([UnitStatusDTO("u1", "Xã Ẳng Nưa", "03307", "chua_nop", "Chưa nộp", None, None, 0, None)])
    history = EvaluationTables().history_model()
    history.set_rows(
        [EvaluationRow("e1", date(2024, 6, 1), "26/2026", "Cấp tỉnh", 5, 72.5, 3, None, False, level="tinh")]
    )
    assert _column(exchange, "Status") == ["Đã nộp"] and _column(campaign, "Status") == ["Chưa nộp"]
    assert _column(history, "Level") == ["Cấp tỉnh"] and status_text("hoan_thanh") == "Hoàn thành"
    set_display_language("en")
    assert _column(exchange, "Status") == ["Submitted"] and _column(campaign, "Status") == ["Not submitted"]
    assert _column(history, "Level") == ["Provincial level"] and status_text("hoan_thanh") == "Done"
