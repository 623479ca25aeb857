"""Parsing and formatting of numbers, money and dates the way Vietnamese users write them."""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ocop_desktop.domain.language import Text, in_language

_EXAMPLE_NUMBER = Text("Hãy nhập số, ví dụ 1.200 hoặc 12,5.", "Type a number, for example 1.200 or 12,5.")
_EXAMPLE_DATE = Text(
    "Hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/07/2024.", "Type the date as day/month/year, for example 05/07/2024."
)

# Currency words users append to amounts; matched on the lower-cased NFC text.
_CURRENCY = re.compile(r"\s*(?:vnđ|vnd|đồng|đ|₫)\s*$")
# Any Unicode space (NBSP, narrow NBSP, thin space from Word/Excel) becomes " ".
_SPACES = re.compile(r"\s+")

# Accepted shapes of the unsigned number, tried in order.
# Thousands groups must not start with 0, so "0.500" is read as 0,5 and not 500.
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?", re.ASCII)
_SPACE_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?: \d{3})+(?:,\d+)?", re.ASCII)
_COMMA_DECIMAL = re.compile(r"\d+(?:,\d+)?", re.ASCII)
_DOT_DECIMAL = re.compile(r"\d+\.\d+", re.ASCII)

_DMY = re.compile(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})", re.ASCII)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)


class _Refusal(ValueError):
    """str(error) is the message for the user, in the window's language (domain.language)."""

    def __str__(self) -> str:
        return in_language(self.args[0]) if len(self.args) == 1 and isinstance(self.args[0], str) else super().__str__()


class NumberError(_Refusal):
    """Text is not a number."""


class DateError(_Refusal):
    """Text is not a valid date."""


def _both(vi: str, en: str, example: Text) -> Text:
    return Text(f"{vi} {example}", f"{en} {example.en}")


def parse_vn_number(text: str | None) -> Decimal:
    """Parse "1.200", "12,5", "1.234,5", "15.000 đ", "1 200", "1.5" … into a Decimal."""
    if text is None or not str(text).strip():
        raise NumberError(_both("Chưa nhập số.", "No number was typed.", _EXAMPLE_NUMBER))
    shown = " ".join(unicodedata.normalize("NFC", str(text)).split())
    # NFKC folds full-width digits (some IMEs) and every exotic space into ASCII.
    body = _SPACES.sub(" ", unicodedata.normalize("NFKC", shown)).lower()
    body = _CURRENCY.sub("", body)
    sign = ""
    # U+2212 MINUS SIGN arrives when figures are pasted from Word or PDF.
    if body[:1] in ("-", "\u2212"):
        sign, body = "-", body[1:].lstrip()
    if _DOT_THOUSANDS.fullmatch(body):
        canonical = body.replace(".", "").replace(",", ".")
    elif _SPACE_THOUSANDS.fullmatch(body):
        canonical = body.replace(" ", "").replace(",", ".")
    elif _COMMA_DECIMAL.fullmatch(body):
        canonical = body.replace(",", ".")
    elif _DOT_DECIMAL.fullmatch(body):
        # English-locale habit: a dot not followed by 3-digit groups is a decimal point.
        canonical = body
    else:
        raise NumberError(_both(f"«{shown}» không phải là số.", f"«{shown}» is not a number.", _EXAMPLE_NUMBER))
    return Decimal(sign + canonical)


def _to_decimal(value: Decimal | float | int) -> Decimal:
    if isinstance(value, bool):
        raise NumberError(Text("Giá trị đúng/sai không phải là số.", "A true/false value is not a number."))
    if isinstance(value, float):
        # Going through repr() keeps 12.5 as 12.5 rather than its binary expansion.
        value = Decimal(repr(value))
    try:
        result = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise NumberError(
            _both(f"«{value}» không phải là số.", f"«{value}» is not a number.", _EXAMPLE_NUMBER)
        ) from None
    if not result.is_finite():
        raise NumberError(Text(f"«{value}» không phải là số hữu hạn.", f"«{value}» is not a finite number."))
    return result


def format_vn_number(value: Decimal | float | int | None, decimals: int | None = None) -> str:
    """1234567 -> "1.234.567", 12.5 -> "12,5"; decimals=None shows at most 2, zeros dropped."""
    if value is None:
        return ""
    number = _to_decimal(value)
    places = 2 if decimals is None else decimals
    number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    negative = number < 0
    digits = f"{abs(number):.{places}f}"
    int_part, _, frac_part = digits.partition(".")
    if decimals is None:
        frac_part = frac_part.rstrip("0")
    grouped = f"{int(int_part):,}".replace(",", ".")
    result = f"{grouped},{frac_part}" if frac_part else grouped
    # Rounding can leave -0 (e.g. -0.001); never show "-0" to the user.
    return f"-{result}" if negative and result.strip("0.,") else result


def format_vnd(value: Decimal | float | int | None) -> str:
    """15000 -> "15.000 đ" (the đồng has no subunit, so amounts are rounded to whole đồng)."""
    if value is None:
        return ""
    return f"{format_vn_number(value, decimals=0)} đ"


def format_vn_date(d: date | None) -> str:
    """date(2024, 7, 5) -> "05/07/2024"; None -> ""."""
    if d is None:
        return ""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def parse_vn_date(text: str | date) -> date:
    """Parse "5/7/2024", "05/07/2024", "05-07-2024", "05.07.2024" or ISO "2024-07-05"."""
    if isinstance(text, date):
        return text
    shown = " ".join(str(text or "").split())
    if not shown:
        raise DateError(_both("Chưa nhập ngày.", "No date was typed.", _EXAMPLE_DATE))
    if m := _ISO.fullmatch(shown):
        year, month, day = (int(g) for g in m.groups())
    elif m := _DMY.fullmatch(shown):
        day, month, year = (int(g) for g in m.groups())
    else:
        raise DateError(_both(f"«{shown}» không phải là ngày.", f"«{shown}» is not a date.", _EXAMPLE_DATE))
    try:
        return date(year, month, day)
    except ValueError:
        hint, hint_en = "", ""
        if month > 12 and 1 <= day <= 12:
            # Typical of dates copied from US-format spreadsheets (month/day/year).
            hint, hint_en = " Có thể tháng và ngày đã bị đảo chỗ.", " The month and the day may have been swapped."
        raise DateError(
            _both(f"Ngày «{shown}» không tồn tại.{hint}", f"There is no day «{shown}».{hint_en}", _EXAMPLE_DATE)
        ) from None


def add_months(d: date, months: int) -> date:
    """Add calendar months, clamping the day: 31/01/2024 + 1 -> 29/02/2024."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise DateError(
            Text(
                f"Kết quả cộng {months} tháng vào {format_vn_date(d)} nằm ngoài lịch.",
                f"{format_vn_date(d)} plus {months} months is outside the calendar.",
            )
        )
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)
