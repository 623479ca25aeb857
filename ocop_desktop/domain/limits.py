"""Sane limits on what may be stored, in one place: text lengths, number ranges, file sizes.

The flush hook (persistence/hooks.py) applies them to every record, whatever wrote it (a
form, an Excel import, a package from another office), so an oversized or malformed value
never reaches the file. A String(n) column allows n characters; the rest is here.
"""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from ocop_desktop.domain import formatting, schema
from ocop_desktop.domain.language import Text, english
from ocop_desktop.domain.validation import FieldError, ValidationError

TEXT_MAX_CHARS = 20_000  # a Text column (notes, descriptions): about eight typed pages
JSON_MAX_BYTES = 2_000_000  # a JSON column (checklists, score sheets, rule sets)
JSON_MAX_DEPTH = 32  # score sheets nest three deep; far deeper is a hostile or broken file
INT_ABS_MAX = 10**15  # exact in SQLite, in float and in JSON; far above any count or price
FLOAT_ABS_MAX = 1e15
DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2200, 12, 31)
MOMENT_AHEAD = timedelta(days=1)  # a stored time (not a date) may be this far past now: clocks differ

# Files the application reads in one go; bigger ones are refused before they are opened.
FILE_MAX_BYTES = {
    "package": 500 * 1024 * 1024,  # an exchange package from another office
    "excel": 50 * 1024 * 1024,  # an Excel workbook to import
    "image": 10 * 1024 * 1024,  # a label or certificate scan
}
FILE_KIND_LABELS = {
    "package": Text("gói dữ liệu", "data package"),
    "excel": Text("tệp Excel", "Excel file"),
    "image": Text("tệp ảnh", "image file"),
}

# (table, column) -> (lowest, highest) allowed, inclusive, from the record schema. Other numbers:
# ±INT_ABS_MAX / ±FLOAT_ABS_MAX.
COLUMN_RANGES: dict[tuple[str, str], tuple[float, float]] = {
    (r.table, f.stored): f.bounds for r in schema.RECORDS.values() for f in r.fields if f.bounds is not None
}


def _n(value: Any) -> str:
    """1.234.567 (Vietnamese digit grouping) for whole numbers; others as written."""
    if float(value).is_integer() and abs(value) < 10**18:
        return f"{int(value):,}".replace(",", ".")
    return str(value).replace(".", ",")


def _bytes(n: int) -> str:
    return f"{_n(max(1, round(n / 1024)))} KB" if n < 2**20 else f"{_n(round(n / 2**20))} MB"


def entity_label(table: str, language: str | None = None) -> str:
    return schema.entity_label(table, language)


def field_label(column: str, table: str | None = None, language: str | None = None) -> str:
    """The label of ``table``'s field ``column`` as the form shows it (domain/schema)."""
    return schema.field_label(column, table, language)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _bad_characters(text: str) -> str | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return Text(
            "có ký tự hỏng (không phải chữ Unicode hợp lệ); hãy gõ lại",
            "has broken characters (not valid Unicode text); type it again",
        )
    control = _CONTROL.search(text)
    if control:
        return Text(
            f"có ký tự điều khiển không in được (mã {ord(control.group())}); hãy gõ lại hoặc dán dưới dạng chữ thường",
            f"has an unprintable control character (code {ord(control.group())}); type it again or paste it as plain text",
        )
    return None


def check_text(value: Any, max_chars: int | None, label: str) -> str | None:
    """The problem with a text value, in Vietnamese, or None."""
    if not isinstance(value, str):
        return Text(
            f"«{label}» phải là chữ, không phải {type(value).__name__}.",
            f"«{english(label)}» must be text, not {type(value).__name__}.",
        )
    limit = max_chars or TEXT_MAX_CHARS
    if len(value) > limit:
        return Text(
            f"«{label}» dài {_n(len(value))} ký tự, vượt giới hạn {_n(limit)} ký tự; hãy rút gọn.",
            f"«{english(label)}» is {_n(len(value))} characters long, beyond the limit of {_n(limit)} characters; shorten it.",
        )
    bad = _bad_characters(value)
    return Text(f"«{label}» {bad}.", f"«{english(label)}» {english(bad)}.") if bad else None


def check_number(
    value: Any,
    integer: bool,
    label: str,
    bounds: tuple[float, float] | None = None,
    non_negative: bool = False,
    kind: str | None = None,
) -> str | None:
    """A problem with a number for ``label``'s field, or None; ``kind`` (domain.formatting) is how
    its numbers read: a year's bounds are "2000 đến 2110", not "2.000 đến 2.110"."""
    if isinstance(value, bool):
        value = int(value)
    if not isinstance(value, (int, float, Decimal)):
        return Text(
            f"«{label}» phải là số, không phải «{str(value)[:40]}».",
            f"«{english(label)}» must be a number, not «{str(value)[:40]}».",
        )
    if isinstance(value, (float, Decimal)) and not math.isfinite(float(value)):
        return Text(
            f"«{label}» không phải là một số hữu hạn; hãy nhập lại.",
            f"«{english(label)}» is not a finite number; enter it again.",
        )
    if integer and isinstance(value, (float, Decimal)) and value != int(value):
        return Text(
            f"«{label}» phải là số nguyên; hãy bỏ phần thập phân.",
            f"«{english(label)}» must be a whole number; remove the decimals.",
        )
    low, high = bounds or ((-INT_ABS_MAX, INT_ABS_MAX) if integer else (-FLOAT_ABS_MAX, FLOAT_ABS_MAX))
    if non_negative:
        low = max(low, 0)
    if not low <= value <= high:
        shown = formatting.year if kind == formatting.YEAR else _n
        return Text(
            f"«{label}» là {shown(value)}, ngoài khoảng cho phép từ {shown(low)} đến {shown(high)}; hãy kiểm tra lại.",
            f"«{english(label)}» is {shown(value)}, outside the allowed range from {shown(low)} to {shown(high)}; check it.",
        )
    return None


def check_date(value: Any, label: str) -> str | None:
    # A date is accepted where a time is stored too: SQLite stores it as midnight.
    if not isinstance(value, date):
        return Text(
            f"«{label}» phải là ngày tháng, không phải «{str(value)[:40]}».",
            f"«{english(label)}» must be a date, not «{str(value)[:40]}».",
        )
    day = value.date() if isinstance(value, datetime) else value
    if not DATE_MIN <= day <= DATE_MAX:
        return Text(
            f"«{label}» là năm {day.year}, ngoài khoảng {DATE_MIN.year}–{DATE_MAX.year}; hãy kiểm tra lại ngày tháng.",
            f"«{english(label)}» is in the year {day.year}, outside {DATE_MIN.year}–{DATE_MAX.year}; check the date.",
        )
    return None


def check_moment(value: Any, label: str, now: datetime | None = None) -> str | None:
    """A stored time (naive UTC): a date in range, and not more than a day ahead of now (a clock
    set years ahead would make its records win every later comparison of versions)."""
    problem = check_date(value, label)
    if problem or not isinstance(value, datetime):
        return problem
    now = now or datetime.now(UTC).replace(tzinfo=None)
    if value > now + MOMENT_AHEAD:
        return Text(
            f"«{label}» là {value:%d/%m/%Y %H:%M} (giờ UTC), muộn hơn hiện tại quá một ngày; đồng hồ của máy "
            "ghi dữ liệu này có thể bị sai. Hãy chỉnh lại ngày giờ của máy đó rồi làm lại.",
            f"«{english(label)}» is {value:%d/%m/%Y %H:%M} (UTC), more than a day later than now; the clock of the "
            "computer that wrote these data may be wrong. Correct that computer's date and time, then try again.",
        )
    return None


def check_json(value: Any, label: str, max_bytes: int | None = JSON_MAX_BYTES) -> str | None:
    """Finite numbers within ±FLOAT_ABS_MAX, nesting within JSON_MAX_DEPTH, and at most ``max_bytes``
    (None: any size)."""
    depth, number = _json_shape(value)
    if depth > JSON_MAX_DEPTH:
        return Text(
            f"«{label}» lồng nhau quá {JSON_MAX_DEPTH} tầng; dữ liệu không hợp lệ.",
            f"«{english(label)}» nests more than {JSON_MAX_DEPTH} levels deep; the data are not valid.",
        )
    if number is not None and not math.isfinite(number):
        return Text(
            f"«{label}» có giá trị không phải là số hữu hạn (NaN hoặc vô hạn); hãy kiểm tra lại.",
            f"«{english(label)}» has a value that is not a finite number (NaN or infinity); check it.",
        )
    if number is not None:
        return Text(
            f"«{label}» có số {_n(number)}, vượt khoảng cho phép ±{_n(FLOAT_ABS_MAX)}; hãy kiểm tra lại.",
            f"«{english(label)}» has the number {_n(number)}, beyond the allowed range ±{_n(FLOAT_ABS_MAX)}; check it.",
        )
    try:
        size = len(json.dumps(value, ensure_ascii=False, allow_nan=False, default=str).encode("utf-8"))
    except (TypeError, ValueError):
        return Text(
            f"«{label}» có giá trị không ghi được (số vô hạn hoặc dữ liệu lạ); hãy kiểm tra lại.",
            f"«{english(label)}» has a value that cannot be stored (an infinite number or unusual data); check it.",
        )
    if max_bytes is not None and size > max_bytes:
        return Text(
            f"«{label}» quá lớn ({_n(size // 1024)} KB, tối đa {_n(max_bytes // 1024)} KB).",
            f"«{english(label)}» is too large ({_n(size // 1024)} KB, at most {_n(max_bytes // 1024)} KB).",
        )
    return None


def _json_shape(value: Any) -> tuple[int, float | None]:
    """(how deeply lists and dicts nest, the first number out of range or None), without
    recursion: a hostile value may nest far deeper than Python's recursion limit."""
    deepest, todo = 0, [(value, 1)]
    while todo:
        item, depth = todo.pop()
        if isinstance(item, float) and not (math.isfinite(item) and abs(item) <= FLOAT_ABS_MAX):
            return deepest, item
        if isinstance(item, int) and not isinstance(item, bool) and abs(item) > INT_ABS_MAX:
            return deepest, item
        children = item.values() if isinstance(item, dict) else item if isinstance(item, (list, tuple)) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        if deepest > JSON_MAX_DEPTH:
            return deepest, None
        todo += [(child, depth + 1) for child in children]
    return deepest, None


def json_depth(value: Any) -> int:
    """How deeply lists and dicts nest in ``value`` (0 for a plain value)."""
    return _json_shape(value)[0]


def check_bool(value: Any, label: str) -> str | None:
    return (
        None
        if isinstance(value, (bool, int)) and value in (0, 1)
        else Text(f"«{label}» phải là có hoặc không.", f"«{english(label)}» must be yes or no.")
    )


def check_file_size(path: Path, kind: str) -> int:
    """The file's size in bytes; ValidationError (in Vietnamese) if it is missing or too big."""
    path = Path(path)
    label = FILE_KIND_LABELS.get(kind, Text("tệp", "file"))
    try:
        size = path.stat().st_size
    except OSError:
        raise ValidationError(
            [
                FieldError(
                    "file",
                    Text(
                        f"Không đọc được {label} {path}; hãy chọn lại tệp.",
                        f"Cannot read the {label.en} {path}; choose the file again.",
                    ),
                )
            ],
            record=path.name,
        ) from None
    limit = FILE_MAX_BYTES.get(kind)
    if limit is not None and size > limit:
        raise ValidationError(
            [
                FieldError(
                    "file",
                    Text(
                        f"{label[0].upper()}{label[1:]} nặng {_bytes(size)}, vượt giới hạn {_bytes(limit)}; "
                        "có thể chọn nhầm tệp. Hãy kiểm tra lại.",
                        f"The {label.en} is {_bytes(size)}, beyond the limit of {_bytes(limit)}; "
                        "perhaps the wrong file was chosen. Check it.",
                    ),
                )
            ],
            record=path.name,
        )
    return size
