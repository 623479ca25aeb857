"""Survey campaigns, each unit's submission, and the survey entries: the yearly review's ten columns, said once.

The grid, the Excel template and import, the survey report, `ocop surveys list`, the exchange
package, the flush-hook limits and the stored columns themselves (persistence/models/surveys.py)
all follow SURVEY_ENTRY's listed fields: a new column is a field here plus a migration.
"""

from __future__ import annotations

from ocop_desktop.domain.enums import SubmissionStatus
from ocop_desktop.domain.schema.fields import TERMINAL, WINDOW, Field, Kind, Record

NUMBER_MAX = 10**12  # far above any commune's output or price; stops typos like 1e20
POSITION = (0, 10**15)

SURVEY_CAMPAIGN = Record(
    "survey_campaigns",
    "Đợt rà soát",
    "Survey campaign",
    (
        Field("year", "Năm", "Year", Kind.YEAR, bounds=(2000, 2100), required=True),
        Field("title", "Tên đợt", "Title", Kind.TEXT, required=True),
        Field("directive_id", "Văn bản chỉ đạo", "Directive", Kind.REF, ref="directives"),
        Field("issuing_letter", "Văn bản yêu cầu", "Requesting letter", Kind.TEXT),
        Field("deadline", "Hạn nộp", "Deadline", Kind.DATE),
        Field(
            "deadline_day_on_time",
            "Nộp đúng ngày hạn vẫn tính là đúng hạn",
            "Reports sent on the deadline day itself count as on time",
            Kind.BOOL,
        ),
        Field("closed_on", "Ngày kết thúc đợt", "Closed on", Kind.DATE),
    ),
    named_by="title",
    computed=(
        Field("units", "Số đơn vị báo cáo", "Reporting units", Kind.INTEGER),
        Field("entries", "Số dòng rà soát", "Survey rows", Kind.INTEGER),
    ),
    views={TERMINAL: ("id", "year", "title", "deadline", "issuing_letter", "closed_on", "units", "entries")},
)

UNIT_SUBMISSION = Record(
    "unit_submissions",
    "Tình trạng nộp báo cáo",
    "Unit's report status",
    (
        Field("campaign_id", "Đợt rà soát", "Survey campaign", Kind.REF, ref="survey_campaigns", required=True),
        # Shown by the unit's name (the stored column holds its id).
        Field("unit", "Đơn vị", "Unit", Kind.PLACE, column="unit_id", ref="places", required=True),
        Field("status", "Trạng thái", "Status", Kind.ENUM, enum=SubmissionStatus, required=True),
        Field("submitted_on", "Ngày nộp", "Submitted on", Kind.DATE),
        Field("received_on", "Ngày nhận", "Received on", Kind.DATE),
        Field("note", "Ghi chú", "Note", Kind.NOTE),
    ),
    computed=(
        Field("timeliness", "Thời hạn nộp", "Timeliness", Kind.TEXT),
        Field("entry_count", "Số dòng", "Rows", Kind.INTEGER),
    ),
    # The campaign's status table (gui/surveys/status_model.py).
    views={WINDOW: ("unit", "status", "submitted_on", "timeliness", "entry_count")},
)

SURVEY_ENTRY = Record(
    "survey_entries",
    "Dòng rà soát",
    "Survey entry",
    (
        Field("campaign_id", "Đợt rà soát", "Survey campaign", Kind.REF, ref="survey_campaigns", required=True),
        Field("unit_id", "Đơn vị", "Unit", Kind.PLACE, ref="places", required=True),
        Field("position", "Thứ tự", "Position", Kind.INTEGER, bounds=POSITION),
        # The listed fields: the survey table's columns, left to right.
        Field(
            "product_name",
            "Tên sản phẩm",
            "Product name",
            Kind.TEXT,
            max_chars=300,
            required=True,
            listed=True,
            aliases=("ten sp", "san pham", "ten san pham ocop", "ten"),
            width=24,
        ),
        Field(
            "producer",
            "Chủ thể",
            "Producer",
            Kind.TEXT,
            column="producer_name",
            max_chars=300,
            listed=True,
            aliases=("ten chu the", "chu the san xuat", "co so san xuat", "chu the ocop", "nha san xuat"),
            width=20,
        ),
        Field(
            "production_situation",
            "Tình hình sản xuất",
            "Production status",
            Kind.NOTE,
            listed=True,
            aliases=("tinh hinh sx", "thuc trang san xuat"),
            width=18,
        ),
        Field(
            "output_quantity",
            "Sản lượng",
            "Output",
            Kind.DECIMAL,
            bounds=(0, NUMBER_MAX),
            listed=True,
            aliases=("san luong san xuat", "sl", "sl san xuat"),
            width=11,
        ),
        Field(
            "unit_of_measure",
            "Đơn vị tính",
            "Unit of measure",
            Kind.TEXT,
            max_chars=50,
            listed=True,
            aliases=("dvt", "dv tinh", "don vi do"),
            width=9,
        ),
        Field(
            "quantity_sold",
            "Sản lượng tiêu thụ",
            "Quantity sold",
            Kind.DECIMAL,
            bounds=(0, NUMBER_MAX),
            listed=True,
            aliases=("sl tieu thu", "tieu thu", "luong tieu thu"),
            width=11,
        ),
        Field(
            "price_vnd",
            "Giá tiêu thụ (đ)",
            "Selling price (VND)",
            Kind.MONEY,
            bounds=(0, NUMBER_MAX),
            listed=True,
            header="Giá tiêu thụ (đồng)",
            aliases=("gia", "gia ban", "don gia", "gia ban binh quan"),
            width=13,
        ),
        Field(
            "raw_material_area_ha",
            "Diện tích vùng nguyên liệu (ha)",
            "Raw material area (ha)",
            Kind.DECIMAL,
            bounds=(0, NUMBER_MAX),
            listed=True,
            aliases=("dien tich", "vung nguyen lieu", "dt vung nguyen lieu"),
            width=12,
            total=True,
        ),
        # The flush hook's bounds; a campaign's entries are held to its year and the ten after it
        # (services/surveys.proposed_year_range).
        Field(
            "proposed_year",
            "Đề xuất OCOP năm",
            "Proposed for OCOP in",
            Kind.YEAR,
            bounds=(2000, 2110),
            listed=True,
            header="Đề xuất tham gia OCOP năm",
            aliases=("de xuat ocop nam", "nam de xuat", "de xuat nam", "de xuat tham gia ocop", "nam tham gia ocop"),
            width=10,
        ),
        Field("notes", "Ghi chú", "Notes", Kind.NOTE, listed=True, width=14),
        # Links kept beside the listed fields.
        Field("producer_id", "Chủ thể trong danh bạ", "Producer in the registry", Kind.REF, ref="producers"),
        Field("product_id", "Sản phẩm", "Product", Kind.REF, ref="products"),
    ),
    named_by="product_name",
)

# Columns an Excel sheet of survey entries carries besides the entry's own: a row number before
# them, the unit and the day it reported after them (the template's order).
SHEET_BEFORE = (Field("stt", "STT", "No.", Kind.INTEGER, aliases=("tt", "so tt", "so thu tu"), width=6),)
SHEET_AFTER = (
    Field(
        "unit",
        "Đơn vị",
        "Unit",
        Kind.PLACE,
        aliases=("xa", "xa phuong thi tran", "dia ban", "don vi hanh chinh", "ma dvhc", "ten xa"),
        width=18,
    ),
    Field(
        "submitted_on",
        "Ngày nộp",
        "Submitted on",
        Kind.DATE,
        aliases=("ngay bao cao", "ngay gui", "ngay nop bao cao"),
        width=14,
    ),
)


def sheet_fields() -> tuple[Field, ...]:
    """The survey sheet's columns in the template's order: STT, the entry's fields, unit, date."""
    return SHEET_BEFORE + SURVEY_ENTRY.listed + SHEET_AFTER
