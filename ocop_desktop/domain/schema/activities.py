"""What offices do with producers (support, training, communication, fairs) and who took part: the fields, said once.

The activities page, `ocop activities list|add`, the year's activities report, the exchange
package and the flush-hook limits all follow these records (issue 17, item 3).
"""

from __future__ import annotations

from ocop_desktop.domain.enums import LabelledEnum
from ocop_desktop.domain.schema.fields import REPORT, TERMINAL, WINDOW, Field, Kind, Record

MONEY_MAX = 10**13  # đồng: ten thousand billion, far above any fair's sales; stops typos like 1e20
COUNT_MAX = 10**9  # people reached, participants, contracts
HISTORY = "window:history"  # a product's or producer's activities, in the product and producer forms


class ActivityKind(LabelledEnum):
    """The kinds of work the 2024 letter asks of the offices and mass organisations."""

    SUPPORT = "ho_tro", "Hỗ trợ, hướng dẫn", "Support and guidance"
    TRAINING = "tap_huan", "Tập huấn", "Training"
    COMMUNICATION = "tuyen_truyen", "Tuyên truyền", "Communication"
    FAIR = "hoi_cho", "Hội chợ, hội nghị xúc tiến thương mại", "Trade fair or promotion conference"


# Which fields a kind uses beyond the common ones (the form shows only these for the kind).
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    ActivityKind.SUPPORT.value: ("supported", "cost", "funding"),
    ActivityKind.TRAINING.value: ("cost", "funding"),
    ActivityKind.COMMUNICATION.value: ("channel", "audience", "reach"),
    ActivityKind.FAIR.value: ("ends_on", "organiser", "in_province", "sales", "contracts", "contract_value"),
}

ACTIVITY = Record(
    "activities",
    "Hoạt động",
    "Activity",
    (
        Field("kind", "Loại hoạt động", "Kind", Kind.ENUM, enum=ActivityKind, required=True, width=16),
        Field("title", "Tên hoạt động", "Title", Kind.TEXT, max_chars=500, required=True, width=30),
        Field("held_on", "Ngày", "Date", Kind.DATE, required=True, width=11),
        Field("ends_on", "Đến ngày", "Until", Kind.DATE, width=11),
        Field("place", "Địa điểm", "Place", Kind.TEXT, max_chars=300, width=16),
        # Shown by the unit's name (the stored column holds its id).
        Field("unit", "Đơn vị tổ chức", "Organising unit", Kind.PLACE, column="unit_id", ref="places", width=16),
        Field("organiser", "Cơ quan tổ chức", "Organised by", Kind.TEXT, max_chars=300, width=16),
        Field("in_province", "Trong tỉnh", "In the province", Kind.BOOL, width=8),
        Field("supported", "Nội dung hỗ trợ", "What was supported", Kind.NOTE, width=24),
        Field("cost", "Kinh phí (đồng)", "Cost (đồng)", Kind.MONEY, bounds=(0, MONEY_MAX), width=14, total=True),
        Field("funding", "Nguồn kinh phí", "Funding source", Kind.TEXT, max_chars=300, width=14),
        Field("channel", "Hình thức tuyên truyền", "Channel", Kind.TEXT, max_chars=300, width=14),
        Field("audience", "Đối tượng", "Audience", Kind.TEXT, max_chars=300, width=14),
        Field("reach", "Số lượt tiếp cận", "People reached", Kind.INTEGER, bounds=(0, COUNT_MAX), width=10),
        Field(
            "participants",
            "Số người tham gia",
            "Participants",
            Kind.INTEGER,
            bounds=(0, COUNT_MAX),
            width=10,
            total=True,
        ),
        Field("sales", "Doanh thu bán hàng (đồng)", "Sales (đồng)", Kind.MONEY, bounds=(0, MONEY_MAX), total=True),
        Field("contracts", "Số hợp đồng", "Contracts", Kind.INTEGER, bounds=(0, COUNT_MAX), width=9, total=True),
        Field(
            "contract_value",
            "Giá trị hợp đồng (đồng)",
            "Contract value (đồng)",
            Kind.MONEY,
            bounds=(0, MONEY_MAX),
            total=True,
        ),
        Field("result", "Kết quả", "Result", Kind.NOTE, width=24),
        Field("task_id", "Nhiệm vụ", "Task", Kind.REF, ref="tasks"),
    ),
    named_by="title",
    computed=(
        Field("kind_label", "Tên loại hoạt động", "Kind name", Kind.TEXT),
        Field("producers", "Chủ thể tham gia", "Producers", Kind.TEXT, width=22),
        Field("products", "Sản phẩm tham gia", "Products", Kind.TEXT, width=24),
        Field("dates", "Thời gian", "Dates", Kind.TEXT, width=13),
        Field("task", "Nhiệm vụ", "Task", Kind.TEXT, width=20),
        # The summary's rows: what is counted (a kind, a unit) and how many.
        Field("criterion", "Nội dung", "Criterion", Kind.TEXT, width=40),
        Field("count", "Số hoạt động", "Activities", Kind.INTEGER, width=12, total=True),
    ),
    views={
        WINDOW: ("held_on", "kind", "title", "place", "unit", "producers", "products", "participants", "sales"),
        HISTORY: ("held_on", "kind", "title", "place", "sales", "result"),
        TERMINAL: (
            "id",
            "kind",
            "kind_label",
            "title",
            "held_on",
            "ends_on",
            "place",
            "unit",
            "organiser",
            "in_province",
            "supported",
            "cost",
            "funding",
            "channel",
            "audience",
            "reach",
            "participants",
            "sales",
            "contracts",
            "contract_value",
            "result",
            "producers",
            "products",
            "task",
        ),
        # The year's activities report: counts by kind and by unit, then each fair with its sales.
        REPORT: ("criterion", "count", "participants", "sales", "contracts"),
    },
    widths={REPORT: {"criterion": 62, "count": 11, "participants": 12, "sales": 17, "contracts": 10}},
)

ACTIVITY_PRODUCER = Record(
    "activity_producers",
    "Chủ thể tham gia hoạt động",
    "Producer taking part",
    (
        Field("activity_id", "Hoạt động", "Activity", Kind.REF, ref="activities", required=True),
        Field("producer_id", "Chủ thể", "Producer", Kind.REF, ref="producers", required=True),
    ),
)

ACTIVITY_PRODUCT = Record(
    "activity_products",
    "Sản phẩm tham gia hoạt động",
    "Product taking part",
    (
        Field("activity_id", "Hoạt động", "Activity", Kind.REF, ref="activities", required=True),
        Field("product_id", "Sản phẩm", "Product", Kind.REF, ref="products", required=True),
        Field(
            "product_sales",
            "Doanh thu của sản phẩm (đồng)",
            "Product's sales (đồng)",
            Kind.MONEY,
            bounds=(0, MONEY_MAX),
        ),
    ),
)
