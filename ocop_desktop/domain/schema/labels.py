"""A product's trademark registration, the barcode owner's GS1 membership and its traceability link: fields said once."""

from __future__ import annotations

from ocop_desktop.domain.schema.fields import Field, Kind

# Stored on the product (persistence/models/registry.Product, migration 0016); spliced into the
# product record (records.PRODUCT) so forms, limits, packages, the activity log and the CLI know them.
LABEL_FIELDS = (
    Field(
        "trademark_application_no",
        "Số đơn đăng ký nhãn hiệu",
        "Trademark application no.",
        Kind.TEXT,
        max_chars=20,
        width=14,
    ),
    Field("trademark_filed_on", "Ngày nộp đơn nhãn hiệu", "Trademark filed on", Kind.DATE, width=12),
    Field(
        "trademark_certificate_no",
        "Số văn bằng bảo hộ nhãn hiệu",
        "Trademark certificate no.",
        Kind.TEXT,
        max_chars=20,
        width=14,
    ),
    Field("trademark_owner", "Chủ sở hữu nhãn hiệu", "Trademark owner", Kind.TEXT, max_chars=300, width=16),
    Field(
        "gs1_prefix",
        "Mã doanh nghiệp GS1 của chủ sở hữu mã vạch",
        "Barcode owner's GS1 company prefix",
        Kind.TEXT,
        max_chars=12,
        width=12,
    ),
    Field("gs1_valid_until", "Hạn hiệu lực mã số mã vạch", "GS1 membership valid until", Kind.DATE, width=12),
    Field(
        "trace_link",
        "Liên kết truy xuất nguồn gốc (nội dung mã QR)",
        "Traceability link (QR code text)",
        Kind.TEXT,
        max_chars=500,
        width=22,
    ),
)

# What the follow-up report and `ocop products list` add: what the product still lacks, in words.
LABEL_GAPS = Field("label_gaps", "Còn thiếu", "Still missing", Kind.TEXT, width=34)

# The printed report on products whose labels or trademarks are incomplete (services/labels.py).
LABEL_REPORT = "report:labels"
LABEL_REPORT_COLUMNS = ("name", "producer", "place", "ean13", "trademark_certificate_no", "label_gaps")
