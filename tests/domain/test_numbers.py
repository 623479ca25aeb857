"""Tests for Vietnamese number, money and date parsing/formatting."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from ocop_desktop.domain.numbers import (
    DateError,
    NumberError,
    add_months,
    format_vn_date,
    format_vn_number,
    format_vnd,
    parse_vn_date,
    parse_vn_number,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1.200", "1200"),
        ("1.234.567", "1234567"),
        ("12,5", "12.5"),
        ("1.234,5", "1234.5"),
        ("15.000 đ", "15000"),
        ("15.000đ", "15000"),
        ("15.000 VNĐ", "15000"),
        ("15.000 vnd", "15000"),
        ("15.000₫", "15000"),
        ("15000 đồng", "15000"),
        ("  42  ", "42"),
        ("\u00a01.200\u00a0", "1200"),
        ("1 200", "1200"),
        ("1\u00a0200\u00a0000", "1200000"),
        ("1 234,5", "1234.5"),
        ("1.5", "1.5"),
        ("1.25", "1.25"),
        ("1.2345", "1.2345"),
        ("0.500", "0.5"),  # a leading 0 group is never a thousands group
        ("12.500", "12500"),
        ("-1.200", "-1200"),
        ("-12,5", "-12.5"),
        ("\u22125", "-5"),
        ("0", "0"),
        ("１２,５", "12.5"),  # noqa: RUF001 — full-width digits are the case
        ("1,234", "1.234"),  # single comma is the decimal separator
    ],
)
def test_parse_vn_number(text, expected):
    assert parse_vn_number(text) == Decimal(expected)


def test_parse_returns_decimal():
    assert isinstance(parse_vn_number("12,5"), Decimal)


@pytest.mark.parametrize(
    "text",
    [
        "12a",
        "abc",
        "1.2.3",
        "1.200.50",
        "1,2,3",
        "1,234.5",
        "1.234.5",
        "12 00",
        "1.",
        ",5",
        "--5",
        "5-",
        "+5",
        "đ",
        "1e5",
    ],
)
def test_parse_vn_number_errors(text):
    with pytest.raises(NumberError) as exc:
        parse_vn_number(text)
    assert str(exc.value) == f"«{text}» không phải là số. Hãy nhập số, ví dụ 1.200 hoặc 12,5."


@pytest.mark.parametrize("text", ["", "   ", None])
def test_parse_vn_number_blank(text):
    with pytest.raises(NumberError, match="Chưa nhập số"):
        parse_vn_number(text)


def test_number_error_is_value_error():
    assert issubclass(NumberError, ValueError)
    assert issubclass(DateError, ValueError)


@pytest.mark.parametrize(
    "value, decimals, expected",
    [
        (1234567, None, "1.234.567"),
        (12.5, None, "12,5"),
        (Decimal("12.50"), None, "12,5"),
        (Decimal("1234.567"), None, "1.234,57"),
        (0.1 + 0.2, None, "0,3"),
        (1000.0, None, "1.000"),
        (0, None, "0"),
        (-1234.5, None, "-1.234,5"),
        (-0.001, None, "0"),
        (999, None, "999"),
        (1000, None, "1.000"),
        (3, 2, "3,00"),
        (Decimal("2.345"), 2, "2,35"),
        (1234.5, 0, "1.235"),
        (Decimal("0.125"), 3, "0,125"),
    ],
)
def test_format_vn_number(value, decimals, expected):
    assert format_vn_number(value, decimals) == expected


def test_format_vn_number_none_and_nan():
    assert format_vn_number(None) == ""
    with pytest.raises(NumberError):
        format_vn_number(float("nan"))


def test_format_parse_round_trip():
    for value in [Decimal("1234567"), Decimal("12.5"), Decimal("-1234.75"), Decimal("0.5")]:
        assert parse_vn_number(format_vn_number(value)) == value


def test_format_vnd():
    assert format_vnd(15000) == "15.000 đ"
    assert format_vnd(Decimal("1500000")) == "1.500.000 đ"
    assert format_vnd(0) == "0 đ"
    assert format_vnd(None) == ""
    assert parse_vn_number(format_vnd(15000)) == 15000


def test_format_vn_date():
    assert format_vn_date(date(2024, 7, 5)) == "05/07/2024"
    assert format_vn_date(datetime(2024, 12, 31, 23, 59)) == "31/12/2024"
    assert format_vn_date(None) == ""


@pytest.mark.parametrize(
    "text", ["5/7/2024", "05/07/2024", "05-07-2024", "05.07.2024", "2024-07-05", " 5/7/2024 ", "2024-7-5"]
)
def test_parse_vn_date(text):
    assert parse_vn_date(text) == date(2024, 7, 5)


def test_parse_vn_date_is_day_first():
    assert parse_vn_date("01/02/2024") == date(2024, 2, 1)


def test_parse_vn_date_passes_date_through():
    assert parse_vn_date(date(2024, 7, 5)) == date(2024, 7, 5)


def test_parse_vn_date_nonexistent_message():
    with pytest.raises(DateError) as exc:
        parse_vn_date("31/02/2024")
    assert str(exc.value) == ("Ngày «31/02/2024» không tồn tại. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/07/2024.")


def test_parse_vn_date_month_day_swapped_hint():
    with pytest.raises(DateError, match="đảo chỗ"):
        parse_vn_date("07/25/2024")


def test_parse_vn_date_leap_day():
    assert parse_vn_date("29/02/2024") == date(2024, 2, 29)
    with pytest.raises(DateError, match="không tồn tại"):
        parse_vn_date("29/02/2023")


@pytest.mark.parametrize("text", ["", "hôm nay", "5/7/24", "2024/07/05", "5 7 2024", "32/01"])
def test_parse_vn_date_bad_format(text):
    with pytest.raises(DateError, match="ngày/tháng/năm"):
        parse_vn_date(text)


@pytest.mark.parametrize(
    "start, months, expected",
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 2, 29), 36, date(2027, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2024, 7, 5), 0, date(2024, 7, 5)),
        (date(2024, 11, 30), 3, date(2025, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 1, 15), -13, date(2022, 12, 15)),
        (date(2024, 5, 31), 1, date(2024, 6, 30)),
    ],
)
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected
