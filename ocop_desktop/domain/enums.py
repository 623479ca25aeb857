"""Enumerations of the OCOP domain, with their Vietnamese labels."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a Vietnamese label for people."""

    @property
    def label(self) -> str:
        return (_LEVEL_LABELS if isinstance(self, EvaluationLevel) else _LABELS)[self]

    @classmethod
    def from_label_or_code(cls, text: str) -> "LabelledEnum":
        for member in cls:
            if text in (member.value, member.label):
                return member
        raise ValueError(text)


class PlaceKind(LabelledEnum):
    PROVINCE = "tinh"
    CENTRAL_CITY = "thanh_pho_tw"
    DISTRICT = "huyen"
    URBAN_DISTRICT = "quan"
    TOWN = "thi_xa"
    CITY = "thanh_pho"
    COMMUNE = "xa"
    WARD = "phuong"
    TOWNSHIP = "thi_tran"
    SPECIAL_ZONE = "dac_khu"


# Levels of the administrative units: what a "province", "district" or "commune" picker lists.
PROVINCE_KINDS = frozenset({PlaceKind.PROVINCE.value, PlaceKind.CENTRAL_CITY.value})
DISTRICT_KINDS = frozenset({PlaceKind.DISTRICT.value, PlaceKind.URBAN_DISTRICT.value,
                            PlaceKind.TOWN.value, PlaceKind.CITY.value})
COMMUNE_KINDS = frozenset({PlaceKind.COMMUNE.value, PlaceKind.WARD.value,
                           PlaceKind.TOWNSHIP.value, PlaceKind.SPECIAL_ZONE.value})


class ProducerKind(LabelledEnum):
    HOUSEHOLD = "ho_san_xuat"
    HOUSEHOLD_BUSINESS = "ho_kinh_doanh"
    COOPERATIVE_GROUP = "to_hop_tac"
    COOPERATIVE = "hop_tac_xa"
    ENTERPRISE = "doanh_nghiep"


class ProductStatus(LabelledEnum):
    POTENTIAL = "tiem_nang"
    REGISTERED = "dang_ky"
    EVALUATED = "da_danh_gia"
    CERTIFIED = "duoc_cong_nhan"
    EXPIRED = "het_han"
    REVOKED = "bi_thu_hoi"


class SubmissionStatus(LabelledEnum):
    NOT_SUBMITTED = "chua_nop"
    IN_PROGRESS = "dang_nhap"
    SUBMITTED = "da_nop"
    RECEIVED = "da_nhan"


class TaskStatus(LabelledEnum):
    NEW = "chua_thuc_hien"
    IN_PROGRESS = "dang_thuc_hien"
    DONE = "hoan_thanh"
    CANCELLED = "huy"


class EvaluationLevel(LabelledEnum):
    COMMUNE = "xa"
    DISTRICT = "huyen"
    PROVINCE = "tinh"
    CENTRAL = "trung_uong"


_LABELS: dict[StrEnum, str] = {
    PlaceKind.PROVINCE: "Tỉnh",
    PlaceKind.DISTRICT: "Huyện",
    PlaceKind.COMMUNE: "Xã",
    PlaceKind.WARD: "Phường",
    PlaceKind.TOWNSHIP: "Thị trấn",
    PlaceKind.CENTRAL_CITY: "Thành phố trực thuộc trung ương",
    PlaceKind.URBAN_DISTRICT: "Quận",
    PlaceKind.TOWN: "Thị xã",
    PlaceKind.CITY: "Thành phố (cấp huyện)",
    PlaceKind.SPECIAL_ZONE: "Đặc khu",
    ProducerKind.HOUSEHOLD: "Hộ sản xuất",
    ProducerKind.HOUSEHOLD_BUSINESS: "Hộ kinh doanh",
    ProducerKind.COOPERATIVE_GROUP: "Tổ hợp tác",
    ProducerKind.COOPERATIVE: "Hợp tác xã",
    ProducerKind.ENTERPRISE: "Doanh nghiệp",
    ProductStatus.POTENTIAL: "Tiềm năng",
    ProductStatus.REGISTERED: "Đăng ký",
    ProductStatus.EVALUATED: "Đã đánh giá",
    ProductStatus.CERTIFIED: "Được công nhận",
    ProductStatus.EXPIRED: "Hết hạn",
    ProductStatus.REVOKED: "Bị thu hồi",
    SubmissionStatus.NOT_SUBMITTED: "Chưa nộp",
    SubmissionStatus.IN_PROGRESS: "Đang nhập",
    SubmissionStatus.SUBMITTED: "Đã nộp",
    SubmissionStatus.RECEIVED: "Đã nhận",
    TaskStatus.NEW: "Chưa thực hiện",
    TaskStatus.IN_PROGRESS: "Đang thực hiện",
    TaskStatus.DONE: "Hoàn thành",
    TaskStatus.CANCELLED: "Hủy",
}
# Apart: an evaluation level shares its values ("xa", "huyen", "tinh") with a kind of place,
# and members of two StrEnums with one value are the same dict key.
_LEVEL_LABELS: dict[StrEnum, str] = {
    EvaluationLevel.COMMUNE: "Cấp xã (kiểm tra hồ sơ)",
    EvaluationLevel.DISTRICT: "Cấp huyện",
    EvaluationLevel.PROVINCE: "Cấp tỉnh",
    EvaluationLevel.CENTRAL: "Cấp trung ương",
}
