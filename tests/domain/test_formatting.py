"""One formatter per kind of value, and enumerations read in the window's language."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

import pytest

from ocop_desktop.domain import formatting as fmt
from ocop_desktop.domain.enums import EvaluationLevel, LabelledEnum, OcopGroup, PlaceKind, ProductStatus
from ocop_desktop.domain.language import Text, display_language, in_language, set_display_language
from ocop_desktop.paths import resources_dir


@pytest.mark.parametrize(
    ("kind", "value", "shown"),
    [
        (fmt.INTEGER, 1234567, "1.234.567"),
        (fmt.DECIMAL, 1234.5, "1.234,5"),
        (fmt.MONEY, 15000, "15.000 đ"),
        (fmt.YEAR, 2025, "2025"),
        (fmt.YEAR, "2026", "2026"),
        (fmt.SCORE, 72.5, "72,5"),
        (fmt.PERCENT, 12.5, "12,5%"),
        (fmt.PERCENT, 40, "40%"),
        (fmt.STARS, 4, "★★★★"),
        (fmt.DATE, date(2024, 7, 5), "05/07/2024"),
        (fmt.DATE, "2024-07-05", "05/07/2024"),
        (fmt.MOMENT, datetime(2024, 7, 5, 10, 42), "05/07/2024 10:42"),
        (None, 2025, "2.025"),  # a number of unknown kind is a quantity: the field must say it is a year
        (None, Decimal("0.5"), "0,5"),
        (None, date(2024, 7, 5), "05/07/2024"),
        (fmt.DATE, 5, "5"),  # a kind that does not fit the value is not forced on it
    ],
)
def test_each_kind_of_value_reads_one_way(kind, value, shown):
    assert fmt.value(value, kind) == shown


def test_a_field_says_its_kind_so_a_year_is_never_grouped():
    assert fmt.field_value("proposed_year", 2025) == "2025"
    assert fmt.field_value("year", 2026, table="survey_campaigns") == "2026"
    assert fmt.field_value("price_vnd", 150000) == "150.000 đ"
    assert fmt.field_value("output_quantity", 1200) == "1.200"
    assert fmt.field_value("certified_on", "2024-07-05") == "05/07/2024"


def test_labels_follow_the_window_and_label_stays_vietnamese():
    assert ProductStatus.CERTIFIED.label == "Được công nhận"
    assert ProductStatus.CERTIFIED.label_en == "Certified"
    assert ProductStatus.CERTIFIED.shown == "Được công nhận"
    assert fmt.enum_label(ProductStatus, "bi_thu_hoi") == "Bị thu hồi"
    set_display_language("en")
    assert display_language() == "en"
    assert ProductStatus.CERTIFIED.shown == "Certified"
    assert ProductStatus.CERTIFIED.label == "Được công nhận"  # documents and the CLI
    assert fmt.enum_label(ProductStatus, "bi_thu_hoi") == "Revoked"
    assert fmt.enum_label(ProductStatus, "bi_thu_hoi", "vi") == "Bị thu hồi"
    assert fmt.enum_label(ProductStatus, "khac") == "khac"  # an unknown code as stored
    # Two enumerations sharing a code ("xa") keep their own labels.
    assert (PlaceKind("xa").shown, EvaluationLevel("xa").shown) == ("Commune", "Commune level (dossier check)")
    assert ProductStatus.from_label_or_code("Certified") is ProductStatus.CERTIFIED


def test_every_member_has_both_labels_and_the_groups_match_the_shipped_list():
    for enum in LabelledEnum.__subclasses__():
        for member in enum:
            assert member.label and member.label_en and member.label != member.value, member
    shipped = json.loads((resources_dir() / "reference" / "ocop_groups.json").read_text(encoding="utf-8"))
    assert {g["code"]: g["name"] for g in shipped["groups"]} == {g.value: g.label for g in OcopGroup}


def test_a_message_carries_its_english_through_copies():
    text = Text("Hạng sao phải từ 1 đến 5.", "Stars must be from 1 to 5.")
    assert str(text) == "Hạng sao phải từ 1 đến 5." and in_language(text, "en") == "Stars must be from 1 to 5."
    assert in_language("chỉ tiếng Việt", "en") == "chỉ tiếng Việt"
    set_display_language("en")
    assert in_language(text) == "Stars must be from 1 to 5."
    set_display_language("fr")  # not a language of the program: Vietnamese
    assert in_language(text) == "Hạng sao phải từ 1 đến 5."


def test_refusals_speak_the_window_language_and_keep_vietnamese_for_the_terminal():
    from ocop_desktop.domain.validation import FieldError, NotFoundError, StaleDataError, ValidationError, text_of

    refused = ValidationError(
        [FieldError("stars", Text("Hạng sao phải từ 1 đến 5.", "Stars must be from 1 to 5."))],
        record=Text("Sản phẩm «Chè»", "Product «Chè»"),
    )
    stale = StaleDataError([Text("Dòng «Chè» đã bị xóa ở nơi khác", "Row «Chè» was deleted elsewhere")])
    missing = NotFoundError(Text("Không tìm thấy sản phẩm có mã x.", "No product has the id x."))
    assert str(refused) == "Sản phẩm «Chè»: Hạng sao phải từ 1 đến 5."
    set_display_language("en")
    assert str(refused) == "Product «Chè»: Stars must be from 1 to 5."
    assert refused.by_field() == {"stars": ["Stars must be from 1 to 5."]}
    assert str(stale) == (
        "Row «Chè» was deleted elsewhere. Nothing was saved; reload to see the latest version, then save again."
    )
    assert str(missing) == text_of(missing) == "No product has the id x."
    assert refused.describe("vi") == text_of(refused, "vi") == "Sản phẩm «Chè»: Hạng sao phải từ 1 đến 5."


def test_a_year_out_of_bounds_is_refused_with_its_years_written_as_years():
    from sqlalchemy import Integer

    from ocop_desktop.persistence.hooks import _column_check

    check = _column_check("survey_entries", "proposed_year", Integer(), True)
    assert check(2150) == "«Đề xuất OCOP năm» là 2150, ngoài khoảng cho phép từ 2000 đến 2110; hãy kiểm tra lại."
    quantity = _column_check("survey_entries", "output_quantity", Integer(), True)
    assert "1.000.000.000.000" in quantity(-5)  # a quantity keeps its thousands dots
