"""Label, barcode and trademark follow-up: what the product form accepts or refuses (and why, in
Vietnamese), the «nhãn chưa đạt» filter in SQL agreeing with the words of what is missing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from ocop_desktop.domain.labels import LabelInfo
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.text import fold
from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.persistence.models import Product
from ocop_desktop.services.labels import gaps_of, label_items
from ocop_desktop.services.products import ProductFilter, ProductInput, ProductService

TODAY = date.today()
EAN = "8935002301003"  # GS1 Vietnam 893, company prefix 8935002
FULL = LabelInfo(
    trademark_application_no="4-2023-12345",
    trademark_filed_on=date(2023, 5, 10),
    trademark_certificate_no="4-0456789-000",
    trademark_owner="HTX Chè Shan tuyết Ẳng Nưa",
    gs1_prefix="8935002",
    gs1_valid_until=date(TODAY.year + 2, 12, 31),
    trace_link="https://truyxuat.vn/che-shan-tuyet",
)


def ticked(*, except_: tuple[str, ...] = ()) -> dict[str, bool]:
    return {i.code: True for i in label_items() if not i.optional and i.code not in except_}


@pytest.fixture
def products(make_uow):
    return ProductService(make_uow)


def _refused(products: ProductService, label: LabelInfo, ean13: str = EAN) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        products.create(ProductInput(name="Chè Shan tuyết", ean13=ean13, label=label, checklist=ticked()))
    return {e.field: str(e.message) for e in caught.value.errors}


def test_a_complete_label_is_stored_as_typed_and_read_back(products):
    saved = products.create(ProductInput(name="Chè Shan tuyết", ean13=EAN, label=FULL, checklist=ticked()))
    assert products.get(saved.id).label == FULL
    assert gaps_of(saved.checklist, saved.ean13, saved.label, TODAY) == []


@pytest.mark.parametrize(
    ("label", "field", "words"),
    [
        (replace(FULL, trademark_application_no="2023-12345"), "trademark_application_no", "4-NĂM-5 chữ số"),
        (replace(FULL, trademark_application_no="4-2099-12345"), "trademark_application_no", "ghi năm 2099"),
        (replace(FULL, trademark_filed_on=date(2022, 12, 30)), "trademark_filed_on", "không cùng năm với số đơn"),
        (replace(FULL, trademark_certificate_no="VB 123"), "trademark_certificate_no", "4-0456789-000"),
        (replace(FULL, trademark_owner=""), "trademark_owner", "hãy ghi chủ sở hữu nhãn hiệu"),
        (replace(FULL, gs1_prefix="893 5002"), "gs1_prefix", "gồm 893 và 4 đến 6 chữ số"),
        (replace(FULL, gs1_prefix="4901234"), "gs1_prefix", "gồm 893 và 4 đến 6 chữ số"),
        (replace(FULL, gs1_prefix="8931234"), "gs1_prefix", "Mã vạch 8935002301003 không thuộc mã doanh nghiệp"),
        (replace(FULL, gs1_prefix=""), "gs1_prefix", "chưa có mã doanh nghiệp GS1"),
        (replace(FULL, trace_link="https://truyxuat"), "trace_link", "không phải địa chỉ web đầy đủ"),
        (replace(FULL, trace_link="www.truyxuat.vn/abc"), "trace_link", "bắt đầu bằng http:// hoặc https://"),
    ],
)
def test_a_wrong_value_is_refused_under_its_field_with_the_reason(products, label, field, words):
    refused = _refused(products, label)
    assert words in refused[field], refused
    assert isinstance(refused[field], str)


def test_refusals_carry_english_for_an_english_window(products):
    with pytest.raises(ValidationError) as caught:
        products.create(ProductInput(name="X", ean13=EAN, label=replace(FULL, gs1_prefix="8931234")))
    message = caught.value.errors[0].message
    assert isinstance(message, Text) and "is not under GS1 company prefix 8931234" in message.en


def test_plain_text_for_a_qr_code_is_taken_as_typed(products):
    saved = products.create(
        ProductInput(name="Mật ong", label=replace(FULL, trace_link="Lô 12/2026 — HTX Ẳng Tở, xã Búng Lao"))
    )
    assert products.get(saved.id).label.trace_link == "Lô 12/2026 — HTX Ẳng Tở, xã Búng Lao"


def test_the_barcode_of_a_bad_ean_is_not_also_blamed_on_the_gs1_prefix(products):
    refused = _refused(products, FULL, ean13="8935002301004")
    assert "ean13" in refused and "gs1_prefix" not in refused


# -- «nhãn chưa đạt»: the registry filter and the words agree -----------------------------------------
CASES = {
    "Đạt": dict(label=FULL, checklist=ticked()),
    "Thiếu hạn sử dụng": dict(label=FULL, checklist=ticked(except_=("nhan_han_su_dung",))),
    "Không cảnh báo (tùy trường hợp)": dict(label=FULL, checklist=ticked(except_=("nhan_canh_bao",))),
    "Chưa có mã vạch": dict(label=replace(FULL, gs1_prefix="", gs1_valid_until=None), ean13=""),
    "Mã vạch hết hiệu lực": dict(label=replace(FULL, gs1_valid_until=date(TODAY.year - 1, 1, 31))),
    "Chưa rõ hiệu lực": dict(label=replace(FULL, gs1_valid_until=None)),
    "Chưa có truy xuất": dict(label=replace(FULL, trace_link="")),
    "Chưa nộp đơn": dict(
        label=replace(
            FULL,
            trademark_application_no="",
            trademark_filed_on=None,
            trademark_certificate_no="",
            trademark_owner="",
        )
    ),
    "Đơn chưa có văn bằng": dict(label=replace(FULL, trademark_certificate_no="")),
}


def test_the_label_incomplete_filter_finds_exactly_the_products_with_something_missing(products):
    for name, kw in CASES.items():
        kw = {"ean13": EAN, "checklist": ticked(), **kw}
        products.create(ProductInput(name=name, **kw))
    rows, total = products.query(ProductFilter(label_incomplete=True))
    incomplete = {r.name for r in rows}
    assert incomplete == set(CASES) - {"Đạt", "Không cảnh báo (tùy trường hợp)"}
    assert total == len(incomplete) == products.count(ProductFilter(label_incomplete=True))
    # The words say what is missing, and only the incomplete ones have any.
    words = {p.name: gaps_of(p.checklist, p.ean13, p.label, TODAY) for p in products.list()}
    assert {n for n, gaps in words.items() if gaps} == incomplete
    assert words["Thiếu hạn sử dụng"] == ["Nhãn thiếu: Hạn sử dụng"]
    assert words["Mã vạch hết hiệu lực"] == [f"Mã số mã vạch hết hiệu lực từ 31/01/{TODAY.year - 1}"]
    assert words["Chưa nộp đơn"] == ["Chưa nộp đơn đăng ký nhãn hiệu"]
    assert words["Đơn chưa có văn bằng"] == ["Nhãn hiệu chưa được cấp văn bằng (đơn số 4-2023-12345)"]
    assert words["Chưa có mã vạch"] == ["Chưa có mã vạch", "Chưa có mã doanh nghiệp GS1"]
    # The same filter on the terminal's list, and with a search on top in the window's first page.
    assert {p.name for p in products.list(label_incomplete=True)} == incomplete
    first, _ = products.query(ProductFilter(search="chua", label_incomplete=True))
    assert {r.name for r in first} == {n for n in incomplete if "chua" in fold(n)}


def test_a_product_stored_before_the_follow_up_counts_as_incomplete(make_uow, products):
    with make_uow(action="test") as uow:  # as a package or an old database holds it: no new columns
        uow.session.add(Product(name="Gạo nếp", status="tiem_nang", checklist=ticked()))
        uow.commit()
    rows, total = products.query(ProductFilter(label_incomplete=True))
    assert [r.name for r in rows] == ["Gạo nếp"] and total == 1
