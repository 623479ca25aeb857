"""The shared date box: text kept as typed, range checked on leaving, the calendar as a shortcut."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from ocop_desktop.gui.date_field import DateField

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def field(qtbot, vietnamese):
    box = DateField()
    box.set_label("&Ngày nộp:")
    box.set_range(date(2024, 6, 1), date(2024, 7, 10), "ngày mở đợt", box.today_name())
    box.setDate(date(2024, 7, 10))
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    return box


def test_digits_are_not_checked_while_typing(qtbot, field):
    changes = []
    field.dateChanged.connect(lambda d: changes.append(d.toPython()))
    field.selectAll()
    qtbot.keyClicks(field, "5/7/2024")
    assert field.text() == "5/7/2024" and changes == []  # nothing read before the user is done
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "05/07/2024" and changes == [date(2024, 7, 5)] and field.error == ""


def test_out_of_range_and_impossible_dates_are_refused_with_the_field_named(qtbot, field):
    refused = []
    field.refused.connect(refused.append)
    for typed, message in (
        ("31/05/2024", "Ngày nộp: 31/05/2024 trước ngày mở đợt (01/06/2024); hãy nhập ngày 01/06/2024 hoặc muộn hơn."),
        ("11/07/2024", "Ngày nộp: 11/07/2024 sau hôm nay (10/07/2024); hãy nhập ngày 10/07/2024 hoặc sớm hơn."),
    ):
        field.selectAll()
        qtbot.keyClicks(field, typed)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert refused[-1] == message and field.toolTip() == message and field.text() == typed
        assert field.value() == date(2024, 7, 10)  # the last accepted date, never a changed one
    field.selectAll()
    qtbot.keyClicks(field, "30/02/2024")
    with pytest.raises(ValueError, match="Ngày nộp: Ngày «30/02/2024» không tồn tại"):
        field.checked_date()


def test_a_day_picked_on_the_calendar_is_checked_like_a_typed_one(field):
    field.pick_action.trigger()
    calendar = field._calendar
    assert calendar.isVisible() and calendar.selectedDate() == QDate(2024, 7, 10)
    calendar.clicked.emit(QDate(2024, 6, 20))
    assert not calendar.isVisible() and field.text() == "20/06/2024" and field.value() == date(2024, 6, 20)
    field.pick_action.trigger()
    calendar.clicked.emit(QDate(2024, 8, 1))
    assert field.text() == "01/08/2024" and field.error.startswith("Ngày nộp: 01/08/2024 sau hôm nay")
