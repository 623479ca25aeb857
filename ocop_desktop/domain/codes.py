"""Validation and normalisation of EAN-13 barcodes, tax codes (MST) and personal ID numbers (CCCD)."""

from __future__ import annotations

import re
import unicodedata

from stdnum import ean as _ean
from stdnum.exceptions import InvalidChecksum, InvalidComponent, ValidationError
from stdnum.vn import mst as _mst

from ocop_desktop.domain.language import Text, in_language

_DIGITS = re.compile(r"[0-9]+")
# Separators people type or paste between digit groups; NBSP comes from Word/Excel.
_SEPARATORS = re.compile(r"[\s\-.]+")

# CCCD province codes run from 001 (Hà Nội) to 096 (Cà Mau).
_CCCD_PROVINCE_MIN, _CCCD_PROVINCE_MAX = 1, 96


class CodeError(ValueError):
    """A code failed validation; str(error) is the message for the user, in the window's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return in_language(self.message)


def _compact(value: str | None) -> str:
    # NFKC turns full-width digits (typed with some Vietnamese IMEs) into ASCII ones.
    text = unicodedata.normalize("NFKC", value or "")
    return _SEPARATORS.sub("", text)


def ean13_check_digit(first12: str) -> int:
    """Check digit for the first 12 digits of an EAN-13 (weights 3,1,3,… from the right)."""
    digits = _compact(first12)
    if len(digits) != 12 or not _DIGITS.fullmatch(digits):
        raise CodeError(
            Text(
                f"Cần đúng 12 chữ số đầu của mã vạch để tính số kiểm tra (đang có «{first12}»).",
                f"The check digit needs exactly the first 12 digits of the barcode (got «{first12}»).",
            )
        )
    return int(_ean.calc_check_digit(digits))


def normalize_ean13(value: str) -> str:
    """Return the 13-digit EAN-13 string, or raise CodeError explaining what is wrong."""
    code = _compact(value)
    if not code:
        raise CodeError(
            Text(
                "Chưa nhập mã vạch. Hãy nhập 13 chữ số in dưới mã vạch trên bao bì.",
                "The barcode is missing. Type the 13 digits printed under the barcode on the package.",
            )
        )
    if not _DIGITS.fullmatch(code):
        raise CodeError(
            Text(
                f"Mã vạch «{value.strip()}» có ký tự không phải chữ số. Mã vạch EAN-13 chỉ gồm 13 chữ số.",
                f"The barcode «{value.strip()}» has characters that are not digits. An EAN-13 barcode is 13 digits.",
            )
        )
    if len(code) == 8:
        # EAN-8 is for very small packages; the OCOP dossier requires the EAN-13 code.
        raise CodeError(
            Text(
                "Mã vạch 8 chữ số (EAN-8) không được chấp nhận. Hãy nhập mã EAN-13 gồm đúng 13 chữ số.",
                "An 8-digit barcode (EAN-8) is not accepted. Type the EAN-13 code of exactly 13 digits.",
            )
        )
    if len(code) != 13:
        raise CodeError(
            Text(
                f"Mã vạch EAN-13 phải gồm đúng 13 chữ số (đang có {len(code)}).",
                f"An EAN-13 barcode has exactly 13 digits (this one has {len(code)}).",
            )
        )
    expected = ean13_check_digit(code[:12])
    if int(code[12]) != expected:
        raise CodeError(
            Text(
                f"Số kiểm tra của mã vạch sai: chữ số cuối phải là {expected}, "
                f"không phải {code[12]}. Hãy kiểm tra lại mã in trên bao bì.",
                f"The barcode's check digit is wrong: the last digit should be {expected}, not {code[12]}. "
                "Check the code printed on the package.",
            )
        )
    return code


def is_vietnam_gs1(ean: str) -> bool:
    """True when *ean* is a valid EAN-13 issued under GS1 Vietnam (prefix 893)."""
    try:
        return normalize_ean13(ean).startswith("893")
    except CodeError:
        return False


def _check_mst10(digits: str, shown: str) -> None:
    try:
        _mst.validate(digits)
    except InvalidChecksum:
        raise CodeError(
            Text(
                f"Mã số thuế {shown} sai số kiểm tra. Hãy đối chiếu với giấy chứng nhận đăng ký doanh nghiệp/HTX.",
                f"The tax code {shown} has a wrong check digit. Compare it with the enterprise/cooperative registration certificate.",
            )
        ) from None
    except InvalidComponent:
        raise CodeError(
            Text(
                f"Mã số thuế {shown} không hợp lệ: 7 chữ số sau mã tỉnh không thể đều là 0. "
                "Hãy đối chiếu với giấy chứng nhận đăng ký doanh nghiệp/HTX.",
                f"The tax code {shown} is not valid: the 7 digits after the province code cannot all be 0. Compare it with the enterprise/cooperative registration certificate.",
            )
        ) from None
    except ValidationError:
        raise CodeError(
            Text(
                f"Mã số thuế {shown} không hợp lệ. Hãy đối chiếu với giấy chứng nhận đăng ký doanh nghiệp/HTX.",
                f"The tax code {shown} is not valid. Compare it with the enterprise/cooperative registration certificate.",
            )
        ) from None


def _check_cccd(digits: str) -> None:
    province = int(digits[:3])
    if not _CCCD_PROVINCE_MIN <= province <= _CCCD_PROVINCE_MAX:
        raise CodeError(
            Text(
                f"Số định danh cá nhân {digits} có mã tỉnh {digits[:3]} không hợp lệ "
                "(3 chữ số đầu phải từ 001 đến 096). Hãy đối chiếu với thẻ căn cước.",
                f"The personal ID number {digits} has an invalid province code {digits[:3]} "
                "(the first 3 digits run from 001 to 096). Compare it with the identity card.",
            )
        )
    # The 4th digit (gender/century) may be any of 0–9, so there is nothing to check.


def normalize_tax_or_personal_id(value: str) -> tuple[str, str]:
    """Classify and normalise an MST or CCCD.

    Returns ("mst10", "0100109106"), ("mst13", "0100109106-001") or
    ("cccd", "001203012345"); raises CodeError with a Vietnamese message otherwise.
    """
    code = _compact(value)
    if not code:
        raise CodeError(
            Text("Chưa nhập mã số thuế hoặc số định danh cá nhân.", "The tax code or personal ID number is missing.")
        )
    if not _DIGITS.fullmatch(code):
        raise CodeError(
            Text(
                f"Mã số «{value.strip()}» có ký tự không phải chữ số. Mã số thuế và số định "
                "danh cá nhân chỉ gồm chữ số (chi nhánh có thể viết dạng 0101234567-001).",
                f"The code «{value.strip()}» has characters that are not digits. Tax codes and personal ID numbers "
                "are digits only (a branch may be written 0101234567-001).",
            )
        )
    if len(code) == 10:
        _check_mst10(code, code)
        return "mst10", code
    if len(code) == 13:
        parent, branch = code[:10], code[10:]
        _check_mst10(parent, f"{parent} (phần 10 chữ số đầu của {parent}-{branch})")
        if branch == "000":
            raise CodeError(
                Text(
                    f"Mã số thuế chi nhánh {parent}-{branch} không hợp lệ: 3 chữ số cuối phải từ 001 đến 999.",
                    f"The branch tax code {parent}-{branch} is not valid: its last 3 digits run from 001 to 999.",
                )
            )
        return "mst13", f"{parent}-{branch}"
    if len(code) == 12:
        _check_cccd(code)
        return "cccd", code
    message = (
        f"Mã số phải là mã số thuế 10 hoặc 13 chữ số, hoặc số định danh cá nhân 12 chữ số; đang có {len(code)} chữ số."
    )
    message_en = f"The code must be a tax code of 10 or 13 digits, or a personal ID number of 12; it has {len(code)}."
    if len(code) == 9:
        # 9 digits is almost always an old CMND number, which the forms no longer take.
        message += " Số CMND 9 chữ số cũ không dùng được, hãy nhập số định danh 12 chữ số."
        message_en += " An old 9-digit ID card number cannot be used; type the 12-digit personal ID number."
    raise CodeError(Text(message, message_en))
