"""Label, barcode and trademark follow-up: what a product's registration numbers must look like and what it still lacks.

Pure functions: the service (services/labels.py) feeds them a product's values and the checklist.
Formats (unconfirmed against the IP Office's own rules, written from its published numbers):
an application for a trademark is «4-YYYY-NNNNN» (4 = trademark, the filing year, a serial); a
registration certificate is «4-NNNNNNN-NNN», older ones a plain number of up to 7 digits. A GS1
Vietnam company prefix is 893 followed by 4 to 6 digits (7 to 9 digits in all).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from ocop_desktop.domain.language import Text

APPLICATION = re.compile(r"4-(\d{4})-(\d{5})")
CERTIFICATE = re.compile(r"4-\d{7}-\d{3}|\d{1,7}")
GS1_PREFIX = re.compile(r"893\d{4,6}")
EARLIEST_FILING_YEAR = 1982  # Vietnam's first trademark registrations


@dataclass(frozen=True)
class LabelInfo:
    """The trademark, GS1 membership and traceability link of one product, as stored or typed."""

    trademark_application_no: str = ""
    trademark_filed_on: date | None = None
    trademark_certificate_no: str = ""
    trademark_owner: str = ""
    gs1_prefix: str = ""
    gs1_valid_until: date | None = None
    trace_link: str = ""


def label_problems(info: LabelInfo, ean13: str, today: date) -> list[tuple[str, Text]]:
    """(field key, message) for each value ``info`` would be refused for; ``ean13`` is the
    product's barcode as already checked (empty when none). Nothing is rewritten: a value is taken
    as typed (surrounding spaces aside) or refused with the reason."""
    out: list[tuple[str, Text]] = []
    app = info.trademark_application_no.strip()
    if app:
        found = APPLICATION.fullmatch(app)
        if found is None:
            out.append(
                (
                    "trademark_application_no",
                    Text(
                        f"Số đơn đăng ký nhãn hiệu «{app}» không đúng dạng 4-NĂM-5 chữ số (ví dụ 4-2024-12345), "
                        "như ghi trên thông báo tiếp nhận đơn của Cục Sở hữu trí tuệ.",
                        f"Trademark application no. «{app}» is not in the form 4-YEAR-5 digits (e.g. 4-2024-12345), "
                        "as written on the IP Office's filing receipt.",
                    ),
                )
            )
        else:
            year = int(found.group(1))
            if not EARLIEST_FILING_YEAR <= year <= today.year:
                out.append(
                    (
                        "trademark_application_no",
                        Text(
                            f"Số đơn đăng ký nhãn hiệu «{app}» ghi năm {year}, không phải một năm đã nộp đơn "
                            f"(từ {EARLIEST_FILING_YEAR} đến {today.year}).",
                            f"Trademark application no. «{app}» names the year {year}, not a year of filing "
                            f"({EARLIEST_FILING_YEAR} to {today.year}).",
                        ),
                    )
                )
            elif info.trademark_filed_on and info.trademark_filed_on.year != year:
                out.append(
                    (
                        "trademark_filed_on",
                        Text(
                            f"Ngày nộp đơn nhãn hiệu {info.trademark_filed_on:%d/%m/%Y} không cùng năm với số đơn "
                            f"«{app}» (năm {year}); hãy đối chiếu thông báo tiếp nhận đơn.",
                            f"Trademark filed on {info.trademark_filed_on:%d/%m/%Y} is not in the year of application "
                            f"no. «{app}» ({year}); compare them with the filing receipt.",
                        ),
                    )
                )
    if info.trademark_filed_on and info.trademark_filed_on > today:
        out.append(
            (
                "trademark_filed_on",
                Text(
                    "Ngày nộp đơn nhãn hiệu không thể ở tương lai.",
                    "The trademark filing date cannot be in the future.",
                ),
            )
        )
    if info.trademark_filed_on and not app:
        out.append(
            (
                "trademark_application_no",
                Text(
                    "Đã có ngày nộp đơn nhãn hiệu nhưng chưa có số đơn đăng ký nhãn hiệu; hãy nhập số đơn.",
                    "Trademark filed on is given but the trademark application no. is missing; type it.",
                ),
            )
        )
    cert = info.trademark_certificate_no.strip()
    if cert and CERTIFICATE.fullmatch(cert) is None:
        out.append(
            (
                "trademark_certificate_no",
                Text(
                    f"Số văn bằng bảo hộ nhãn hiệu «{cert}» không đúng dạng 4-7 chữ số-3 chữ số (ví dụ "
                    "4-0456789-000) hoặc số cũ chỉ gồm chữ số, như in trên giấy chứng nhận đăng ký nhãn hiệu.",
                    f"Trademark certificate no. «{cert}» is not in the form 4-7 digits-3 digits (e.g. 4-0456789-000) "
                    "nor an older all-digit number, as printed on the registration certificate.",
                ),
            )
        )
    if cert and not info.trademark_owner.strip():
        out.append(
            (
                "trademark_owner",
                Text(
                    "Nhãn hiệu đã có văn bằng bảo hộ; hãy ghi chủ sở hữu nhãn hiệu như trên văn bằng.",
                    "The trademark has a certificate; write the trademark owner as on the certificate.",
                ),
            )
        )
    prefix = info.gs1_prefix.strip()
    if prefix:
        if GS1_PREFIX.fullmatch(prefix) is None:
            out.append(
                (
                    "gs1_prefix",
                    Text(
                        f"Mã doanh nghiệp GS1 «{prefix}» không hợp lệ: mã do GS1 Việt Nam cấp gồm 893 và 4 đến 6 "
                        "chữ số (7 đến 9 chữ số liền, không dấu cách), như trên giấy chứng nhận đăng ký sử dụng "
                        "mã số mã vạch.",
                        f"GS1 company prefix «{prefix}» is not valid: a prefix issued by GS1 Vietnam is 893 and 4 to 6 "
                        "digits (7 to 9 digits, no spaces), as on the barcode membership certificate.",
                    ),
                )
            )
        elif ean13 and not ean13.startswith(prefix):
            out.append(
                (
                    "gs1_prefix",
                    Text(
                        f"Mã vạch {ean13} không thuộc mã doanh nghiệp GS1 {prefix}: mã vạch của chủ sở hữu này "
                        f"phải bắt đầu bằng {prefix}. Hãy đối chiếu mã vạch trên bao bì và giấy chứng nhận.",
                        f"Barcode {ean13} is not under GS1 company prefix {prefix}: this owner's barcodes start with "
                        f"{prefix}. Compare the barcode on the package with the certificate.",
                    ),
                )
            )
    if info.gs1_valid_until and not prefix:
        out.append(
            (
                "gs1_prefix",
                Text(
                    "Đã có hạn hiệu lực mã số mã vạch nhưng chưa có mã doanh nghiệp GS1; hãy nhập mã.",
                    "GS1 membership valid until is given but the GS1 company prefix is missing; type it.",
                ),
            )
        )
    link = info.trace_link.strip()
    if link and ("\n" in link or "\r" in link):
        out.append(
            (
                "trace_link",
                Text(
                    "Liên kết truy xuất nguồn gốc phải nằm trên một dòng.",
                    "The traceability link must be on one line.",
                ),
            )
        )
    elif link and _looks_like_web_address(link) and not _is_web_address(link):
        out.append(
            (
                "trace_link",
                Text(
                    f"Liên kết truy xuất nguồn gốc «{link}» không phải địa chỉ web đầy đủ: hãy chép nguyên địa "
                    "chỉ, bắt đầu bằng http:// hoặc https:// và có tên miền (ví dụ https://truyxuat.vn/abc).",
                    f"Traceability link «{link}» is not a full web address: copy it whole, starting with http:// "
                    "or https:// and with a domain name (e.g. https://truyxuat.vn/abc).",
                ),
            )
        )
    return out


def _looks_like_web_address(text: str) -> bool:
    lowered = text.lower()
    return lowered.startswith(("http:", "https:", "http/", "https/", "www.")) or "://" in lowered


def _is_web_address(text: str) -> bool:
    if " " in text:
        return False
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and "." in parts.netloc.strip(".")


@dataclass(frozen=True)
class LabelItem:
    """One item of the label checklist (reference/checklist.json)."""

    code: str
    name: str
    # Never a gap: written only when it applies (a warning, alcohol), or followed up by the product's
    # own fields rather than a tick (the barcode, the QR code, the trademark: see label_gaps).
    optional: bool = False


def label_gaps(
    checklist: Mapping[str, Any],
    items: Iterable[LabelItem],
    ean13: str,
    info: LabelInfo,
    today: date,
) -> list[Text]:
    """What the product's label, barcode, traceability and trademark still lack, in words; an empty
    list when its label is complete («nhãn đạt»). The same test as services/labels.incomplete_condition."""
    gaps: list[Text] = []
    required = [i for i in items if not i.optional]
    missing = [i.name for i in required if not checklist.get(i.code)]
    if missing and len(missing) == len(required):
        gaps.append(Text("Chưa đánh dấu mục ghi nhãn nào đạt", "No label item is ticked as met"))
    elif missing:
        names = ", ".join(missing)
        gaps.append(Text(f"Nhãn thiếu: {names}", f"Label lacks: {names}"))
    if not ean13:
        gaps.append(Text("Chưa có mã vạch", "No barcode"))
    if not info.gs1_prefix:
        gaps.append(Text("Chưa có mã doanh nghiệp GS1", "No GS1 company prefix"))
    elif info.gs1_valid_until is None:
        gaps.append(Text("Chưa rõ hạn hiệu lực mã số mã vạch", "GS1 membership validity not known"))
    elif info.gs1_valid_until < today:
        day = f"{info.gs1_valid_until:%d/%m/%Y}"
        gaps.append(Text(f"Mã số mã vạch hết hiệu lực từ {day}", f"GS1 membership expired on {day}"))
    if not info.trace_link:
        gaps.append(Text("Chưa có liên kết/mã QR truy xuất nguồn gốc", "No traceability link or QR code"))
    if not info.trademark_application_no and not info.trademark_certificate_no:
        gaps.append(Text("Chưa nộp đơn đăng ký nhãn hiệu", "No trademark application"))
    elif not info.trademark_certificate_no:
        gaps.append(
            Text(
                f"Nhãn hiệu chưa được cấp văn bằng (đơn số {info.trademark_application_no})",
                f"Trademark not registered yet (application no. {info.trademark_application_no})",
            )
        )
    return gaps
