"""Which document each report is (Decree 30/2020 appendix III), who issues, signs and receives it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Decree 30/2020/NĐ-CP appendix III: the abbreviations of document types used in the symbol.
# "Danh sách" is not a type there: a list goes out as a Báo cáo (or a Phụ lục of one); a form
# (phiếu) is not registered by the clerk, so it carries no number.
REPORT, MINUTES, DECISION = "BC", "BB", "QĐ"

# Who issues a document: the office itself, the evaluation council it sits on, or the authority
# that certifies (UBND tỉnh, Bộ).
OFFICE, COUNCIL, AUTHORITY = "office", "council", "authority"


@dataclass(frozen=True)
class DocumentKind:
    key: str  # the report kind: "survey", "scoring-sheet" …
    label: str  # named in messages: "Báo cáo kết quả rà soát sản phẩm"
    title: str  # printed in bold capitals above the subtitle
    type_code: str  # "BC"; "" for a form, which has no number
    issuer: str = OFFICE
    # A form is signed by the people it concerns, not by the head of the office: the left block
    # (where "Nơi nhận" stands on a document) and the right one.
    form_signers: tuple[str, str] = ("", "")
    letter_recipient: bool = False  # the letter that asked for it is answered to its issuer

    @property
    def numbered(self) -> bool:
        return bool(self.type_code)

    @property
    def form(self) -> bool:
        return not self.type_code


DOCUMENT_KINDS = (
    DocumentKind("survey", "Báo cáo kết quả rà soát sản phẩm", "BÁO CÁO", REPORT, letter_recipient=True),
    DocumentKind("products", "Báo cáo danh sách sản phẩm OCOP", "BÁO CÁO", REPORT),
    DocumentKind("expiring", "Báo cáo sản phẩm sắp hết hạn chứng nhận", "BÁO CÁO", REPORT),
    DocumentKind("tasks", "Báo cáo tình hình thực hiện nhiệm vụ", "BÁO CÁO", REPORT, letter_recipient=True),
    DocumentKind("summary", "Báo cáo tổng hợp sản phẩm OCOP", "BÁO CÁO", REPORT),
    # The candidate pipeline's paperwork (services/dossier_reports.py): the checklist handed to a
    # producer is a form (no number), signed by the producer and the officer who checked it.
    DocumentKind(
        "dossier-checklist",
        "Phiếu kiểm tra hồ sơ sản phẩm OCOP",
        "PHIẾU KIỂM TRA HỒ SƠ SẢN PHẨM OCOP",
        "",
        form_signers=("ĐẠI DIỆN CHỦ THỂ", "NGƯỜI KIỂM TRA"),
    ),
    DocumentKind("dossier-missing", "Báo cáo sản phẩm còn thiếu hồ sơ đánh giá", "BÁO CÁO", REPORT),
    DocumentKind("labels", "Báo cáo sản phẩm có nhãn, mã vạch hoặc nhãn hiệu chưa đạt", "BÁO CÁO", REPORT),
    DocumentKind(
        "survey-form",
        "Phiếu rà soát sản phẩm",
        "PHIẾU RÀ SOÁT SẢN PHẨM",
        "",
        form_signers=("ĐẠI DIỆN CHỦ THỂ", "NGƯỜI RÀ SOÁT"),
    ),
    DocumentKind(
        "logbook-form",
        "Sổ nhật ký sản xuất, kinh doanh",
        "SỔ NHẬT KÝ SẢN XUẤT, KINH DOANH",
        "",
        form_signers=("ĐẠI DIỆN CHỦ THỂ", "CÁN BỘ HƯỚNG DẪN"),
    ),
    DocumentKind(
        "scoring-sheet",
        "Phiếu chấm điểm sản phẩm OCOP",
        "PHIẾU CHẤM ĐIỂM SẢN PHẨM OCOP",
        "",
        issuer=COUNCIL,
        form_signers=("", "NGƯỜI CHẤM ĐIỂM"),
    ),
    DocumentKind(
        "evaluation-result", "Biên bản kết quả đánh giá, phân hạng sản phẩm OCOP", "BIÊN BẢN", MINUTES, issuer=COUNCIL
    ),
    DocumentKind(
        "certificate-decision", "Quyết định công nhận sản phẩm OCOP", "QUYẾT ĐỊNH", DECISION, issuer=AUTHORITY
    ),
    DocumentKind("audit", "Báo cáo nhật ký thay đổi dữ liệu", "BÁO CÁO", REPORT),
    DocumentKind("activities", "Báo cáo kết quả hoạt động hỗ trợ, xúc tiến thương mại", "BÁO CÁO", REPORT),
)
DOCUMENT_BY_KEY = {k.key: k for k in DOCUMENT_KINDS}


@dataclass(frozen=True)
class SignerBlock:
    """One way an office signs: the head ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH") or a deputy for them."""

    key: str  # "head" | "deputy"
    label: str  # shown in the settings: "Chủ tịch ký"
    authority: str  # "TM. ỦY BAN NHÂN DÂN"; "" when the head signs in the body's own name
    deputy: str  # "KT. CHỦ TỊCH"
    title: str  # "PHÓ CHỦ TỊCH"


def _blocks(authority: str, head: str, head_label: str, deputy_title: str) -> tuple[SignerBlock, SignerBlock]:
    # KT. (ký thay) names the head the deputy signs for, in capitals as printed (Decree 30, app. I).
    return (
        SignerBlock("head", f"{head_label} ký", authority, "", head),
        SignerBlock("deputy", f"Phó {head_label.lower()} ký thay", authority, f"KT. {head}", deputy_title),
    )


# What each kind of office prints above its body, how it abbreviates itself in a number's symbol
# ("/BC-UBND"), and its signer blocks. Decree 30 appendix I, II.3: the parent body ("cơ quan chủ
# quản trực tiếp") is printed only where there is one; a People's Committee has none and prints
# "ỦY BAN NHÂN DÂN" over its unit's name alone, as the seed letter of UBND huyện Mường Ảng does.
@dataclass(frozen=True)
class OfficeKindDocs:
    key: str
    symbol: str  # "UBND", "SNNMT", "HĐ"
    parent: str  # "" | "ubnd_province" | "department"
    signers: tuple[SignerBlock, ...]  # (head, deputy)
    usual: int = 1  # the block offered first: a deputy signs most routine reports (as in the 2024 letter)

    @property
    def usual_signer(self) -> SignerBlock | None:
        return self.signers[self.usual] if self.signers else None


OFFICE_DOCS = {
    "ubnd": OfficeKindDocs("ubnd", "UBND", "", _blocks("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Chủ tịch", "PHÓ CHỦ TỊCH")),
    "so_nnmt": OfficeKindDocs("so_nnmt", "SNNMT", "ubnd_province", _blocks("", "GIÁM ĐỐC", "Giám đốc", "PHÓ GIÁM ĐỐC")),
    "chi_cuc": OfficeKindDocs(
        "chi_cuc", "CCPTNT", "department", _blocks("", "CHI CỤC TRƯỞNG", "Chi cục trưởng", "PHÓ CHI CỤC TRƯỞNG")
    ),
    "hoi_dong": OfficeKindDocs(
        "hoi_dong",
        "HĐ",
        "ubnd_province",
        _blocks("TM. HỘI ĐỒNG", "CHỦ TỊCH HỘI ĐỒNG", "Chủ tịch hội đồng", "PHÓ CHỦ TỊCH HỘI ĐỒNG"),
        usual=0,
    ),
    "khac": OfficeKindDocs("khac", "", "", ()),
}
COUNCIL_DOCS = OFFICE_DOCS["hoi_dong"]


def default_signer(office_kind: str, user_title: str) -> SignerBlock | None:
    """The office kind's block: the deputy's when the user is a deputy ("Phó …"), the head's for
    any other title, the kind's usual one without a title. The user's title only chooses between
    the office's blocks; it is never printed as one."""
    kind = OFFICE_DOCS.get(office_kind, OFFICE_DOCS["ubnd"])
    title = user_title.strip().casefold()
    if not kind.signers or not title:
        return kind.usual_signer
    return kind.signers[1] if title.startswith("phó") else kind.signers[0]


@dataclass(frozen=True)
class DatedName:
    """A body's name for a period: ministries and departments were renamed on merging in 2025."""

    name: str
    until: date | None = None  # last day of this name, None while in use


# Bộ Nông nghiệp và PTNT merged with Bộ Tài nguyên và Môi trường (Nghị quyết 176/2025/QH15 and Nghị
# định 35/2025/NĐ-CP, in force 01/03/2025, as the national press reported). The provinces merged their
# departments the same way around that day (Nghị định 45/2025/NĐ-CP; the exact day per province is
# *unconfirmed*: a document that must name the old department is edited by hand). The district's
# agriculture office ended with the districts on 30/06/2025.
MINISTRY = (
    DatedName("Bộ Nông nghiệp và Phát triển nông thôn", date(2025, 2, 28)),
    DatedName("Bộ Nông nghiệp và Môi trường"),
)
DEPARTMENT = (
    DatedName("Sở Nông nghiệp và Phát triển nông thôn", date(2025, 2, 28)),
    DatedName("Sở Nông nghiệp và Môi trường"),
)
DISTRICT_OFFICE = "Phòng Nông nghiệp và Phát triển nông thôn"
COUNCIL_NAME = "Hội đồng đánh giá, phân hạng sản phẩm OCOP"
FILED = "Lưu: VT"


# The kind words that open a unit's name ("Xã Mường Ảng"), longest first.
KIND_WORDS = ("Thành phố ", "Thị trấn ", "Thị xã ", "Đặc khu ", "Phường ", "Quận ", "Huyện ", "Tỉnh ", "Xã ")


def short_name(name: str) -> str:
    """'Mường Ảng' of 'Xã Mường Ảng': the place in a date line."""
    word = next((w for w in KIND_WORDS if name.startswith(w)), "")
    return name[len(word) :]


def name_in_text(name: str) -> str:
    """'xã Mường Ảng': the unit's name inside a sentence."""
    word = next((w for w in KIND_WORDS if name.startswith(w)), "")
    return word.lower() + name[len(word) :]


def name_on(names: tuple[DatedName, ...], day: date) -> str:
    return next(n.name for n in names if n.until is None or day <= n.until)


def number_line(number: str, symbol: str) -> str:
    """'Số: 12/BC-UBND'; a number left blank keeps room to write it by hand ('Số:      /BC-UBND')."""
    return f"Số: {number.strip()}{symbol}" if number.strip() else f"Số:      {symbol}"


def default_symbol(kind: DocumentKind, office_symbol: str) -> str:
    """'/BC-UBND': the type's abbreviation, then the issuing body's (Decree 30 appendix I, II.4)."""
    if not kind.numbered:
        return ""
    return f"/{kind.type_code}-{office_symbol}" if office_symbol else f"/{kind.type_code}"


def split_number(text: str) -> tuple[str, str]:
    """'Số: 12/BC-UBND' or '12/BC-UBND' → ('12', '/BC-UBND'); '12' → ('12', '')."""
    text = text.strip()
    if text.casefold().startswith("số:"):
        text = text[3:].strip()
    number, slash, symbol = text.partition("/")
    return number.strip(), (slash + symbol.strip()) if slash else ""
