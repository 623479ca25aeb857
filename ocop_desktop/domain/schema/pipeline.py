"""The candidate pipeline's records (a product's candidacy for a round, its dossier items): their fields, said once."""

from __future__ import annotations

from ocop_desktop.domain.pipeline import DossierStatus, Stage
from ocop_desktop.domain.schema.fields import REPORT, TERMINAL, WINDOW, Field, Kind, Record

ROUND_YEAR = (2000, 2200)
ROUND_NO = (1, 12)

CANDIDACY = Record(
    "candidacies",
    "Lộ trình sản phẩm",
    "Product pipeline",
    (
        Field("product_id", "Sản phẩm", "Product", Kind.REF, ref="products", required=True),
        Field("stage", "Giai đoạn", "Stage", Kind.ENUM, enum=Stage, required=True, width=14),
        Field("rule_set_code", "Bộ tiêu chí", "Rule set", Kind.TEXT, max_chars=30, width=10),
        Field("round_year", "Năm đánh giá", "Evaluation year", Kind.YEAR, bounds=ROUND_YEAR, width=8),
        Field("round_no", "Đợt đánh giá", "Evaluation round", Kind.INTEGER, bounds=ROUND_NO, width=6),
        Field("registered_on", "Ngày đăng ký", "Registered on", Kind.DATE, width=11),
        Field("dossier_due_on", "Hạn nộp hồ sơ", "Dossier due", Kind.DATE, width=11),
        Field("evaluation_id", "Kết quả đánh giá", "Evaluation", Kind.REF, ref="evaluations"),
        Field("stage_on", "Ngày chuyển giai đoạn", "Stage since", Kind.DATE, width=11),
        Field("notes", "Ghi chú", "Notes", Kind.NOTE),
    ),
    named_by="product_id",
    computed=(
        Field("product", "Sản phẩm", "Product", Kind.TEXT, width=22),
        Field("producer", "Chủ thể", "Producer", Kind.TEXT, width=16),
        Field("unit", "Địa bàn", "Unit", Kind.TEXT, width=14),
        Field("stage_label", "Tên giai đoạn", "Stage name", Kind.TEXT),
        Field("round", "Đợt", "Round", Kind.TEXT, width=9),
        Field("missing", "Hồ sơ còn thiếu", "Missing documents", Kind.NOTE, width=30),
        Field("missing_count", "Số tài liệu còn thiếu", "Documents missing", Kind.INTEGER, width=8),
        # A certified product: the first day it may (26/2026) or should be warned to (148, 1489) file again.
        Field("reevaluation_from", "Nộp hồ sơ đánh giá lại từ", "Re-evaluation filing from", Kind.DATE, width=12),
    ),
    views={
        # The board's list per stage (gui/products/pipeline_board.py).
        WINDOW: (
            "product",
            "producer",
            "unit",
            "round",
            "registered_on",
            "dossier_due_on",
            "missing_count",
            "reevaluation_from",
        ),
        # `ocop pipeline list --format csv|json`
        TERMINAL: (
            "product_id",
            "product",
            "producer",
            "unit",
            "stage",
            "stage_label",
            "rule_set_code",
            "round_year",
            "round_no",
            "registered_on",
            "dossier_due_on",
            "missing_count",
            "missing",
            "reevaluation_from",
        ),
        # The printed list of products whose dossier is incomplete.
        REPORT: ("product", "producer", "unit", "round", "dossier_due_on", "missing"),
    },
    # The missing documents get the room on paper: a row of the report must fit its page.
    widths={REPORT: {"product": 20, "producer": 14, "unit": 12, "round": 10, "dossier_due_on": 14, "missing": 56}},
)

DOSSIER_ITEM = Record(
    "dossier_items",
    "Tài liệu hồ sơ",
    "Dossier document",
    (
        Field("candidacy_id", "Lộ trình sản phẩm", "Product pipeline", Kind.REF, ref="candidacies", required=True),
        Field("item_code", "Mã tài liệu", "Document code", Kind.TEXT, max_chars=60, required=True),
        Field("status", "Tình trạng", "Status", Kind.ENUM, enum=DossierStatus, required=True, width=12),
        Field("checked_on", "Ngày kiểm tra", "Checked on", Kind.DATE, width=11),
        Field("checked_by", "Người kiểm tra", "Checked by", Kind.TEXT, max_chars=200, width=16),
        Field("file_path", "Tệp bản quét", "Scanned file", Kind.TEXT, width=20),
        Field("note", "Ghi chú", "Note", Kind.NOTE, width=20),
    ),
    named_by="item_code",
    computed=(
        Field("name", "Tài liệu", "Document", Kind.TEXT, width=40),
        Field("required", "Bắt buộc", "Required", Kind.BOOL, width=8),
        Field("confirmed", "Đã đối chiếu nguồn", "Source confirmed", Kind.BOOL, width=8),
        Field("status_label", "Tên tình trạng", "Status name", Kind.TEXT),
    ),
    views={
        WINDOW: ("name", "required", "status", "checked_on", "checked_by", "file_path", "note"),
        TERMINAL: (
            "item_code",
            "name",
            "required",
            "confirmed",
            "status",
            "status_label",
            "checked_on",
            "checked_by",
            "file_path",
            "note",
        ),
        # The checklist handed to the producer.
        REPORT: ("name", "required", "status", "checked_on", "note"),
    },
    widths={REPORT: {"name": 38, "required": 11, "status": 12, "checked_on": 15, "note": 17}},
)
