"""One formatter per kind of value: how a count, an amount, a date, a year or a status reads for people.

Every place that shows a value (the window's tables, the activity log, the conflict table,
messages, the CLI, official documents) formats it here, by its kind, so a year never reads
"2.025" in one place and "2025" in another. Numbers, money and dates are written the Vietnamese
way whatever the window's language (1.234.567; 15.000 đ; 05/07/2024); an enumerated value reads
in the window's language (domain.language) unless a language is given — documents pass "vi".

The kinds are the schema's (domain/schema/fields.Kind, a StrEnum, so its members and these
strings are the same): "integer", "decimal", "money", "year", "score", "stars", "date",
"moment", "bool", "enum", "text". The parsing half of numbers and dates is domain/numbers.py,
whose ``format_vn_*`` functions are the integer/decimal, money and date formatters used here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from ocop_desktop.domain import schema
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.numbers import format_vn_date, format_vn_number, format_vnd

TEXT = "text"
INTEGER = "integer"
DECIMAL = "decimal"
MONEY = "money"
YEAR = "year"
SCORE = "score"
PERCENT = "percent"
STARS = "stars"
DATE = "date"
MOMENT = "moment"
BOOL = "bool"
ENUM = "enum"

EMPTY = Text("(trống)", "(empty)")
YES = Text("có", "yes")
NO = Text("không", "no")


def integer(value: int | float | Decimal | None) -> str:
    """A count: 1234567 -> "1.234.567"."""
    return format_vn_number(value, decimals=0)


def decimal(value: int | float | Decimal | None, places: int | None = None) -> str:
    """A quantity: 1234.5 -> "1.234,5"; ``places`` None shows at most two, zeros dropped."""
    return format_vn_number(value, decimals=places)


def money(value: int | float | Decimal | None) -> str:
    """Whole đồng: 15000 -> "15.000 đ"."""
    return format_vnd(value)


def year(value: int | float | Decimal | str | None) -> str:
    """A calendar year, never grouped: 2025 -> "2025"."""
    if value is None or value == "":
        return ""
    try:
        return str(int(value))
    except (TypeError, ValueError):
        return str(value)


def score(value: int | float | Decimal | None) -> str:
    """A score out of 100, to a hundredth: 72.5 -> "72,5"."""
    return format_vn_number(value, decimals=None)


def percent(value: int | float | Decimal | None, places: int = 1) -> str:
    """A share already in percent: 12.5 -> "12,5%" (whole numbers without decimals)."""
    if value is None:
        return ""
    text = format_vn_number(value, decimals=places)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{text}%"


def stars(value: int | None) -> str:
    """A star class: 4 -> "★★★★"; none -> ""."""
    return "★" * int(value) if value else ""


def day(value: date | str | None) -> str:
    """A date: date(2024, 7, 5) or "2024-07-05" -> "05/07/2024"."""
    if isinstance(value, str):
        try:
            return format_vn_date(date.fromisoformat(value[:10]))
        except ValueError:
            return value
    if isinstance(value, datetime):
        return format_vn_date(value.date())
    return format_vn_date(value)


def moment(value: datetime | str | None, utc: bool = False) -> str:
    """A time: "05/07/2024 10:42". ``utc``: the value is naive UTC (as stored) and is shown in the
    computer's local time."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            at = datetime.fromisoformat(value)
        except ValueError:
            return value
    else:
        at = value
    if utc:
        at = at.replace(tzinfo=at.tzinfo or UTC).astimezone().replace(tzinfo=None)
    return f"{at:%d/%m/%Y %H:%M}"


def boolean(value: Any, language: str | None = None) -> str:
    return (YES if value else NO).in_language(language)


def enum_label(enum: Any, code: Any, language: str | None = None, fallback: str | None = None) -> str:
    """The label of ``code`` in the LabelledEnum ``enum``, in ``language`` (default: the window's);
    an unknown code reads as ``fallback`` (default: the code itself)."""
    if code is None or code == "":
        return ""
    try:
        return str(enum(code).label_in(language))
    except ValueError:
        return str(code) if fallback is None else fallback


def value(v: Any, kind: str | None = None, *, enum: Any = None, language: str | None = None) -> str:
    """``v`` as people read it: by its ``kind`` when known, else by its Python type (an int is a
    count, a date a date …). None reads as "" (the activity log says EMPTY, "(trống)")."""
    if v is None:
        return ""
    if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
        return _number(v, kind)
    if kind == DATE and isinstance(v, (date, str)):
        return day(v)
    if kind == MOMENT and isinstance(v, (datetime, str)):
        return moment(v)
    if kind == ENUM and enum is not None:
        return enum_label(enum, v, language)
    if isinstance(v, bool):
        return boolean(v, language)
    if isinstance(v, datetime):
        return moment(v)
    if isinstance(v, date):
        return day(v)
    return str(v)


def _number(v: int | float | Decimal, kind: str | None) -> str:
    if kind == YEAR:
        return year(v)
    if kind == MONEY:
        return money(v)
    if kind == INTEGER:
        return integer(v)
    if kind in (DECIMAL, SCORE):
        return decimal(v)
    if kind == PERCENT:
        return percent(v)
    if kind == STARS:
        return stars(int(v))
    return decimal(v)


def kind_of(key: str, table: str | None = None) -> str | None:
    """The kind of the field ``key`` (of ``table`` when given) as the record schema declares it
    (domain/schema), or None for a key it does not know."""
    found = schema.field(key, table)
    return str(found.kind) if found is not None else None


def field_value(key: str, v: Any, table: str | None = None, language: str | None = None) -> str:
    """A stored value of the field ``key`` as people read it, by the schema's kind: a proposed
    year 2025 is "2025", a price "15.000 đ", a status its label in ``language`` (default: the window's)."""
    found = schema.field(key, table)
    kind = str(found.kind) if found is not None else None
    return value(v, kind, enum=found.enum if found is not None else None, language=language)
