"""Tests for EAN-13, MST and CCCD validation."""

import pytest

from ocop_desktop.domain.codes import (
    CodeError,
    ean13_check_digit,
    is_vietnam_gs1,
    normalize_ean13,
    normalize_tax_or_personal_id,
)

# Real tax codes whose check digit stdnum.vn.mst confirms:
# Viettel 0100109106, Vietnam Airlines 0100107518, Vinamilk 0300588569.
VIETTEL, VNA, VINAMILK = "0100109106", "0100107518", "0300588569"


@pytest.mark.parametrize("first12, digit", [("893500230100", 3), ("762220000460", 7), ("400638133393", 1)])
def test_ean13_check_digit(first12, digit):
    assert ean13_check_digit(first12) == digit


@pytest.mark.parametrize("bad", ["89350023010", "89350023010a", ""])
def test_ean13_check_digit_needs_12_digits(bad):
    with pytest.raises(CodeError):
        ean13_check_digit(bad)


@pytest.mark.parametrize(
    "raw",
    ["8935002301003", " 893 5002 30100 3 ", "893-5002-30100-3", "893\u00a05002301003", "８９３５００２３０１００３"],  # noqa: RUF001 — full-width digits are the case
)
def test_normalize_ean13_accepts_spellings(raw):
    assert normalize_ean13(raw) == "8935002301003"


def test_normalize_ean13_wrong_check_digit_message():
    with pytest.raises(CodeError) as exc:
        normalize_ean13("8935002301005")
    assert str(exc.value) == (
        "Số kiểm tra của mã vạch sai: chữ số cuối phải là 3, không phải 5. Hãy kiểm tra lại mã in trên bao bì."
    )


def test_normalize_ean13_wrong_length_message():
    with pytest.raises(CodeError) as exc:
        normalize_ean13("893500230100")
    assert str(exc.value) == "Mã vạch EAN-13 phải gồm đúng 13 chữ số (đang có 12)."
    with pytest.raises(CodeError, match=r"đang có 14"):
        normalize_ean13("89350023010031")


def test_normalize_ean13_refuses_ean8():
    with pytest.raises(CodeError, match="EAN-8") as exc:
        normalize_ean13("96385074")  # a valid EAN-8
    assert "không được chấp nhận" in str(exc.value)


@pytest.mark.parametrize("raw", ["893500230100X", "", "   "])
def test_normalize_ean13_refuses_non_digits_and_blank(raw):
    with pytest.raises(CodeError):
        normalize_ean13(raw)


def test_code_error_is_value_error():
    with pytest.raises(ValueError):
        normalize_ean13("1")


def test_is_vietnam_gs1():
    assert is_vietnam_gs1("8935002301003")
    assert not is_vietnam_gs1("7622200004607")
    assert not is_vietnam_gs1("8935002301005")  # right prefix, wrong check digit


@pytest.mark.parametrize("code", [VIETTEL, VNA, VINAMILK])
def test_mst10_valid(code):
    assert normalize_tax_or_personal_id(code) == ("mst10", code)


def test_mst10_with_spaces_and_dots():
    assert normalize_tax_or_personal_id(" 0100.109.106 ") == ("mst10", VIETTEL)


def test_mst10_bad_check_digit_message():
    with pytest.raises(CodeError) as exc:
        normalize_tax_or_personal_id("0100109107")
    assert str(exc.value) == (
        "Mã số thuế 0100109107 sai số kiểm tra. Hãy đối chiếu với giấy chứng nhận đăng ký doanh nghiệp/HTX."
    )


def test_mst10_all_zero_sequence_refused():
    with pytest.raises(CodeError, match="đều là 0"):
        normalize_tax_or_personal_id("0100000000")


@pytest.mark.parametrize("raw", ["0300588569-001", "0300588569001", "0300588569 - 001"])
def test_mst13_both_spellings(raw):
    assert normalize_tax_or_personal_id(raw) == ("mst13", "0300588569-001")


def test_mst13_bad_parent_check_digit():
    with pytest.raises(CodeError, match="sai số kiểm tra"):
        normalize_tax_or_personal_id("0300588568-001")


def test_mst13_branch_000_refused():
    with pytest.raises(CodeError, match="001 đến 999"):
        normalize_tax_or_personal_id("0300588569-000")


@pytest.mark.parametrize("raw", ["001203012345", "096099001234", "079 3 01 012345"])
def test_cccd_valid(raw):
    kind, value = normalize_tax_or_personal_id(raw)
    assert kind == "cccd"
    assert value == raw.replace(" ", "")


@pytest.mark.parametrize("raw, province", [("000203012345", "000"), ("097203012345", "097")])
def test_cccd_bad_province_refused(raw, province):
    with pytest.raises(CodeError) as exc:
        normalize_tax_or_personal_id(raw)
    assert f"mã tỉnh {province}" in str(exc.value)
    assert "001 đến 096" in str(exc.value)


@pytest.mark.parametrize("raw, count", [("123456789", 9), ("12345678901", 11), ("12345", 5), ("12345678901234", 14)])
def test_wrong_lengths(raw, count):
    with pytest.raises(CodeError) as exc:
        normalize_tax_or_personal_id(raw)
    assert str(exc.value).startswith(
        f"Mã số phải là mã số thuế 10 hoặc 13 chữ số, hoặc số định danh cá nhân 12 chữ số; đang có {count} chữ số."
    )


def test_nine_digits_hints_old_cmnd():
    with pytest.raises(CodeError, match="CMND"):
        normalize_tax_or_personal_id("123456789")


@pytest.mark.parametrize("raw", ["01001O9106", "MST0100109106", "abc"])
def test_letters_refused(raw):
    with pytest.raises(CodeError, match="không phải chữ số"):
        normalize_tax_or_personal_id(raw)


@pytest.mark.parametrize("raw", ["", "  ", None])
def test_blank_tax_id(raw):
    with pytest.raises(CodeError, match="Chưa nhập"):
        normalize_tax_or_personal_id(raw)
