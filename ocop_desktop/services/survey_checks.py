"""The checks on what the office types into a survey: each cell of a unit's rows (text length,
numbers, the proposed year, prices in whole đồng) and a unit's submission status and day, with
their Vietnamese/English reasons. Plain functions: SurveyService calls them before writing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from ocop_desktop.domain.enums import SubmissionStatus
from ocop_desktop.domain.language import Text, english
from ocop_desktop.domain.numbers import NumberError, format_vn_date, parse_vn_number
from ocop_desktop.domain.schema import SURVEY_ENTRY, Kind
from ocop_desktop.domain.text import clean, nfc
from ocop_desktop.domain.validation import FieldError
from ocop_desktop.services.survey_types import (
    COLUMN_LABELS,
    COLUMN_LABELS_EN,
    DONE_STATUSES,
    ENTRY_COLUMNS,
    SurveyEntryInput,
    entry_field,
    is_empty,
)

_FIELDS = {f.key: f for f in SURVEY_ENTRY.listed}


def proposed_year_range(campaign_year: int | None) -> tuple[int, int]:
    """Years a campaign's entries may propose for OCOP evaluation: that year to ten years on."""
    if campaign_year is None:
        return 2018, 2100  # OCOP began in 2018
    return campaign_year, campaign_year + 10


def parse_entry_value(column: str, value: Any, campaign_year: int | None = None) -> Any:
    """The stored value of one cell; raises ValueError with a Vietnamese reason.

    Empty numbers give None; text is NFC with its spaces tidied."""
    f = _FIELDS[column]
    if not f.numeric:
        text = "" if value is None else str(value)
        if f.kind is Kind.NOTE:  # keep the user's line breaks
            text = (nfc(text) or "").strip()
        else:
            text = clean(text) or ""
        limit = f.max_chars
        if limit and len(text) > limit:
            raise ValueError(
                Text(
                    f"Dài quá {limit} ký tự (đang có {len(text)}); hãy rút gọn.",
                    f"Longer than {limit} characters (it has {len(text)}); shorten it.",
                )
            )
        return text
    if is_empty(value):
        return None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        # repr() keeps 12.5 as 12.5 rather than its binary expansion.
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite():
            raise ValueError(
                Text("Giá trị này không phải là số; hãy nhập lại.", "This value is not a number; enter it again.")
            )
    else:
        try:
            number = parse_vn_number(str(value))
        except NumberError as exc:
            raise ValueError(exc.args[0] if len(exc.args) == 1 else str(exc)) from None  # with its English
    if number < 0:
        raise ValueError(
            Text(
                "Không được nhập số âm; hãy nhập số từ 0 trở lên.",
                "Negative numbers are not allowed; enter a number from 0 up.",
            )
        )
    if f.kind is Kind.YEAR:
        low, high = proposed_year_range(campaign_year)
        if number != number.to_integral_value() or not low <= number <= high:
            raise ValueError(
                Text(
                    f"Năm đề xuất phải là năm từ {low} đến {high}, ví dụ {low + 1}.",
                    f"The proposed year must be a year from {low} to {high}, for example {low + 1}.",
                )
            )
        return int(number)
    if f.bounds is not None and number >= f.bounds[1]:
        raise ValueError(
            Text(
                "Số quá lớn; hãy kiểm tra lại (có thể thừa chữ số 0).",
                "The number is too large; check it (perhaps an extra 0).",
            )
        )
    if f.kind is Kind.MONEY:
        if number != number.to_integral_value():
            raise ValueError(
                Text(
                    "Giá tính bằng đồng, không có phần lẻ; hãy bỏ phần thập phân.",
                    "Prices are in whole VND; remove the decimals.",
                )
            )
        return int(number)
    if f.kind.integral:
        if number != number.to_integral_value():
            raise ValueError(
                Text("Phải là số nguyên; hãy bỏ phần thập phân.", "It must be a whole number; remove the decimals.")
            )
        return int(number)
    return float(number)


def cell_error(row: int, column: str, reason: str) -> FieldError:
    return FieldError(
        entry_field(row, column),
        Text(
            f"Dòng {row}, cột «{COLUMN_LABELS[column]}»: {reason}",
            f"Row {row}, column «{COLUMN_LABELS_EN[column]}»: {english(reason)}",
        ),
    )


def check_rows(
    rows: list[SurveyEntryInput], campaign_year: int
) -> tuple[list[tuple[SurveyEntryInput, dict[str, Any]]], list[FieldError]]:
    """The rows that are not blank, each with its stored values, and every problem of every row
    (a cell error names the row by its 1-based place in ``rows``, blank rows included)."""
    errors: list[FieldError] = []
    checked: list[tuple[SurveyEntryInput, dict[str, Any]]] = []
    for n, row in enumerate(rows, start=1):
        if row.is_blank():
            continue
        values: dict[str, Any] = {}
        row_errors: list[FieldError] = []
        for column in ENTRY_COLUMNS:
            try:
                values[column] = parse_entry_value(column, getattr(row, column), campaign_year)
            except ValueError as exc:
                reason = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
                row_errors.append(cell_error(n, column, reason))
        if values.get("product_name") == "":
            row_errors.append(
                cell_error(
                    n,
                    "product_name",
                    Text("Chưa nhập tên sản phẩm; hãy nhập tên.", "The product name is missing; enter it."),
                )
            )
        errors += row_errors
        if not row_errors:
            checked.append((row, values))
    return checked, errors


def check_submission(status: str, submitted_on: date | None, today: date) -> tuple[str, list[FieldError]]:
    """The status as stored and the problems of a unit's status and submission day: đã nộp and
    đã nhận need the day it was sent, not in the future; other statuses have no day."""
    errors: list[FieldError] = []
    try:
        status = SubmissionStatus(status).value
    except ValueError:
        errors.append(
            FieldError("status", Text(f"Trạng thái «{status}» không hợp lệ.", f"The status «{status}» is not valid."))
        )
    problem = ""
    if status in DONE_STATUSES and submitted_on is None:
        problem = Text(
            "Chưa nhập ngày nộp; hãy chọn ngày đơn vị đã nộp báo cáo.",
            "The submission date is missing; choose the day the unit submitted its report.",
        )
    elif status in DONE_STATUSES and submitted_on is not None and submitted_on > today:
        problem = Text(
            f"Ngày nộp {format_vn_date(submitted_on)} ở tương lai; hãy chọn ngày đã nộp thực tế.",
            f"The submission date {format_vn_date(submitted_on)} is in the future; choose the actual day.",
        )
    elif status not in DONE_STATUSES and submitted_on is not None:
        problem = Text(
            "Đơn vị chưa nộp thì không có ngày nộp; hãy để trống.",
            "A unit that has not submitted has no submission date; leave it empty.",
        )
    if problem:
        errors.append(FieldError("submitted_on", problem))
    return status, errors
