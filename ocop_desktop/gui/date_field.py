"""A date box that keeps exactly what was typed (dd/mm/yyyy) and refuses out-of-range dates on leaving."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle, QWidget

from ocop_desktop.domain.numbers import DateError, format_vn_date, parse_vn_date

ERROR_STYLE = "QLineEdit { background: #fbe3e3; border: 1px solid #a40000; }"
# QDateEdit's own range: what its calendar can show.
EARLIEST, LATEST = date(1752, 9, 14), date(9999, 12, 31)


def _py(value: date | QDate | None) -> date | None:
    if isinstance(value, QDate):
        return value.toPython() if value.isValid() else None
    return value


class DateField(QLineEdit):
    """Replaces QDateEdit: QDateEdit checks its range digit by digit while the user types, so
    "25/06/2024" under a maximum of today became 02/05/2026. Here the text is read only when the
    user leaves the box (or presses Enter, or the dialog asks), and a date outside the range is
    refused with a message instead of being changed.

    ``date()``/``setDate()``/``dateChanged`` mirror QDateEdit so forms can swap the widget.
    ``date()`` is the last accepted date; ``checked_date()`` raises DateError for the current text.
    """

    dateChanged = Signal(QDate)  # a new date was accepted
    refused = Signal(str)  # the text was refused; the Vietnamese message says why

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: date | None = None
        self._minimum: date | None = None
        self._maximum: date | None = None
        self._minimum_name = ""
        self._maximum_name = ""
        self._label = ""
        self._optional = False
        self._calendar: QCalendarWidget | None = None
        self.error = ""  # the message of the current refusal, "" when the text is accepted
        self.setPlaceholderText("dd/mm/yyyy")
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        self.pick_action = self.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        self.pick_action.setToolTip(self.tr("Pick from a calendar"))
        self.pick_action.triggered.connect(self._show_calendar)
        self.editingFinished.connect(self.check)
        self.textEdited.connect(self._clear_error)

    # -- configuration -------------------------------------------------------------------------------
    def set_label(self, label: str) -> None:
        """The field's name in messages (the form label, with its "&" and ":" removed)."""
        self._label = label.replace("&", "").strip().rstrip(":").strip()

    def set_optional(self, optional: bool = True) -> None:
        """An empty box then means "no date" rather than a missing one."""
        self._optional = optional

    def set_range(
        self, minimum: date | None = None, maximum: date | None = None, minimum_name: str = "", maximum_name: str = ""
    ) -> None:
        """Dates outside [minimum, maximum] are refused; the names say what the bounds are
        ("today", "the day the task was created") in the message."""
        self._minimum, self._maximum = _py(minimum), _py(maximum)
        self._minimum_name, self._maximum_name = minimum_name, maximum_name

    def today_name(self) -> str:
        """The name of the bound "today", for ``set_range``."""
        return self.tr("today")

    def minimumDate(self) -> QDate:
        d = self._minimum or EARLIEST
        return QDate(d.year, d.month, d.day)

    def maximumDate(self) -> QDate:
        d = self._maximum or LATEST
        return QDate(d.year, d.month, d.day)

    # -- value ---------------------------------------------------------------------------------------
    def setDate(self, value: date | QDate | None) -> None:
        day = _py(value)
        self.setText(format_vn_date(day))
        self._set_error("")
        if day != self._value:
            self._value = day
            if day is not None:
                self.dateChanged.emit(QDate(day.year, day.month, day.day))

    def date(self) -> QDate:
        d = self._value
        return QDate(d.year, d.month, d.day) if d else QDate()

    def value(self) -> date | None:
        return self._value

    def checked_date(self) -> date:
        """The typed date, or DateError with a Vietnamese message naming the field."""
        text = self.text()
        try:
            day = parse_vn_date(text)
        except DateError as exc:
            raise DateError(self._named(str(exc))) from None
        if self._minimum is not None and day < self._minimum:
            name = self._minimum_name or self.tr("the earliest date allowed")
            raise DateError(
                self._named(
                    self.tr("%1 is before %2 (%3); enter %3 or a later date.")
                    .replace("%1", format_vn_date(day))
                    .replace("%2", name)
                    .replace("%3", format_vn_date(self._minimum))
                )
            )
        if self._maximum is not None and day > self._maximum:
            name = self._maximum_name or self.tr("the latest date allowed")
            raise DateError(
                self._named(
                    self.tr("%1 is after %2 (%3); enter %3 or an earlier date.")
                    .replace("%1", format_vn_date(day))
                    .replace("%2", name)
                    .replace("%3", format_vn_date(self._maximum))
                )
            )
        return day

    def checked_value(self) -> date | None:
        """Like ``checked_date``, but None for an empty optional box."""
        if self._optional and not self.text().strip():
            return None
        return self.checked_date()

    def check(self) -> bool:
        """Read the text: accept it (and show it as dd/mm/yyyy) or mark the box red and say why."""
        try:
            day = self.checked_value()
        except DateError as exc:
            self._set_error(str(exc))
            self.refused.emit(str(exc))
            return False
        self.setDate(day)
        return True

    # -- look ----------------------------------------------------------------------------------------
    def _named(self, message: str) -> str:
        return f"{self._label}: {message}" if self._label else message

    def _set_error(self, message: str) -> None:
        self.error = message
        self.setStyleSheet(ERROR_STYLE if message else "")
        self.setToolTip(message)

    def _clear_error(self, _text: str) -> None:
        if self.error:
            self._set_error("")

    def _show_calendar(self) -> None:
        if self._calendar is None:
            self._calendar = QCalendarWidget(self)
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.setGridVisible(True)
            self._calendar.clicked.connect(self._picked)
        shown = self._value or date.today()
        self._calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self._calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self._calendar.show()

    def _picked(self, day: QDate) -> None:
        if self._calendar is not None:
            self._calendar.hide()
        self.setText(format_vn_date(day.toPython()))
        self.check()
        self.setFocus()
