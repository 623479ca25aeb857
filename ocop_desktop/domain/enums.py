"""Enumerations of the OCOP domain, each member declared once with its Vietnamese and English label."""

from __future__ import annotations

from enum import StrEnum

from ocop_desktop.domain.language import ENGLISH, display_language


class LabelledEnum(StrEnum):
    """A string enum whose members are declared ``NAME = code, "Vietnamese", "English"``.

    ``label`` is the Vietnamese label: official documents, the CLI and stored text use it whatever
    the window's language. ``label_in(language)`` gives either; ``shown`` is the label in the
    window's language (domain.language.display_language()), for what the window displays."""

    _value_: str
    label: str
    label_en: str

    def __new__(cls, value: str, label: str = "", label_en: str = "") -> LabelledEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label or value
        member.label_en = label_en or member.label
        return member

    def label_in(self, language: str | None = None) -> str:
        return self.label_en if (language or display_language()) == ENGLISH else self.label

    @property
    def shown(self) -> str:
        return self.label_in()

    @classmethod
    def from_label_or_code(cls, text: str) -> LabelledEnum:
        for member in cls:
            if text in (member.value, member.label, member.label_en):
                return member
        raise ValueError(text)

    @classmethod
    def label_of(cls, code: str | None, language: str | None = None) -> str:
        """The label of a stored code in ``language`` (default the window's); an unknown code as is."""
        if not code:
            return ""
        try:
            return cls(code).label_in(language)
        except ValueError:
            return code


class PlaceKind(LabelledEnum):
    PROVINCE = "tinh", "Tỉnh", "Province"
    CENTRAL_CITY = "thanh_pho_tw", "Thành phố trực thuộc trung ương", "Centrally governed city"
    DISTRICT = "huyen", "Huyện", "District"
    URBAN_DISTRICT = "quan", "Quận", "Urban district"
    TOWN = "thi_xa", "Thị xã", "Town"
    CITY = "thanh_pho", "Thành phố (cấp huyện)", "City (district level)"
    COMMUNE = "xa", "Xã", "Commune"
    WARD = "phuong", "Phường", "Ward"
    TOWNSHIP = "thi_tran", "Thị trấn", "Township"
    SPECIAL_ZONE = "dac_khu", "Đặc khu", "Special zone"


# Levels of the administrative units: what a "province", "district" or "commune" picker lists.
PROVINCE_KINDS = frozenset({PlaceKind.PROVINCE.value, PlaceKind.CENTRAL_CITY.value})
DISTRICT_KINDS = frozenset(
    {PlaceKind.DISTRICT.value, PlaceKind.URBAN_DISTRICT.value, PlaceKind.TOWN.value, PlaceKind.CITY.value}
)
COMMUNE_KINDS = frozenset(
    {PlaceKind.COMMUNE.value, PlaceKind.WARD.value, PlaceKind.TOWNSHIP.value, PlaceKind.SPECIAL_ZONE.value}
)


class ProducerKind(LabelledEnum):
    HOUSEHOLD = "ho_san_xuat", "Hộ sản xuất", "Production household"
    HOUSEHOLD_BUSINESS = "ho_kinh_doanh", "Hộ kinh doanh", "Household business"
    COOPERATIVE_GROUP = "to_hop_tac", "Tổ hợp tác", "Cooperative group"
    COOPERATIVE = "hop_tac_xa", "Hợp tác xã", "Cooperative"
    ENTERPRISE = "doanh_nghiep", "Doanh nghiệp", "Enterprise"


class ProductStatus(LabelledEnum):
    POTENTIAL = "tiem_nang", "Tiềm năng", "Potential"
    REGISTERED = "dang_ky", "Đăng ký", "Registered"
    EVALUATED = "da_danh_gia", "Đã đánh giá", "Evaluated"
    CERTIFIED = "duoc_cong_nhan", "Được công nhận", "Certified"
    EXPIRED = "het_han", "Hết hạn", "Expired"
    REVOKED = "bi_thu_hoi", "Bị thu hồi", "Revoked"


class SubmissionStatus(LabelledEnum):
    NOT_SUBMITTED = "chua_nop", "Chưa nộp", "Not submitted"
    IN_PROGRESS = "dang_nhap", "Đang nhập", "Being entered"
    SUBMITTED = "da_nop", "Đã nộp", "Submitted"
    RECEIVED = "da_nhan", "Đã nhận", "Received"


class TaskStatus(LabelledEnum):
    NEW = "chua_thuc_hien", "Chưa thực hiện", "Not started"
    IN_PROGRESS = "dang_thuc_hien", "Đang thực hiện", "In progress"
    DONE = "hoan_thanh", "Hoàn thành", "Done"
    CANCELLED = "huy", "Hủy", "Cancelled"


class EvaluationLevel(LabelledEnum):
    COMMUNE = "xa", "Cấp xã (kiểm tra hồ sơ)", "Commune level (dossier check)"
    DISTRICT = "huyen", "Cấp huyện", "District level"
    PROVINCE = "tinh", "Cấp tỉnh", "Provincial level"
    CENTRAL = "trung_uong", "Cấp trung ương", "Central level"


class OcopGroup(LabelledEnum):
    """The six OCOP product groups (Decision 26/2026/QĐ-TTg, Annex I), by the code of
    resources/reference/ocop_groups.json; the Vietnamese labels are the file's names (a test
    holds them equal), so the registry can show a group in English."""

    FOOD = "thuc-pham", "Thực phẩm", "Food"
    BEVERAGES = "do-uong", "Đồ uống", "Beverages"
    HERBAL = "duoc-lieu", "Dược liệu và sản phẩm từ dược liệu", "Medicinal herbs and herbal products"
    HANDICRAFTS = "thu-cong-my-nghe", "Hàng thủ công mỹ nghệ", "Handicrafts"
    ORNAMENTALS = "sinh-vat-canh", "Sinh vật cảnh", "Ornamental plants and animals"
    TOURISM = (
        "du-lich",
        "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
        "Community tourism, ecotourism and tourist sites",
    )


class UserRole(LabelledEnum):
    """Who may do what on a shared server (issue 18): services/access.py decides by it, and
    `ocop server init` gives each role's PostgreSQL group (ocop_<code>) the matching grants."""

    COMMUNE = "commune", "Cán bộ xã", "Commune officer"
    PROVINCE = "province", "Chuyên viên tỉnh", "Provincial officer"
    COUNCIL = "council", "Hội đồng đánh giá", "Evaluation council"
    ADMIN = "admin", "Quản trị", "Administrator"
