"""The registry, tasks, evaluations, reference data and the program's bookkeeping: their fields, said once.

Labels are the ones the forms show for the field; the English ones are the English window's.
"""

from __future__ import annotations

from ocop_desktop.domain.enums import EvaluationLevel, PlaceKind, ProducerKind, ProductStatus, TaskStatus
from ocop_desktop.domain.schema.fields import (
    EXPIRING_REPORT,
    ID,
    REPORT,
    SHEET_REPORT,
    SUMMARY_REPORT,
    TERMINAL,
    WINDOW,
    Field,
    Kind,
    Record,
)
from ocop_desktop.domain.schema.labels import LABEL_FIELDS, LABEL_GAPS, LABEL_REPORT, LABEL_REPORT_COLUMNS
from ocop_desktop.domain.schema.survey import POSITION

# Every record has these (persistence/models/base.RecordMixin).
COMMON = Record(
    "",
    "Bản ghi",
    "Record",
    (
        ID,
        Field("created_at", "Thời điểm tạo", "Created at", Kind.MOMENT),
        Field("updated_at", "Thời điểm sửa", "Changed at", Kind.MOMENT),
    ),
)

# The records people edit in forms count their saves (migrations 0017, 0022): a save names the
# version it was based on and is refused if the record was saved since (services/record_versions.py).
# Listed where a form or a listing shows it; every other versioned table's column takes this label.
VERSION = Field("version", "Phiên bản bản ghi", "Record version", Kind.INTEGER)

PRODUCER = Record(
    "producers",
    "Chủ thể",
    "Producer",
    (
        Field("name", "Tên", "Name", Kind.TEXT, max_chars=300, required=True),
        Field("kind", "Loại hình", "Kind", Kind.ENUM, enum=ProducerKind),
        Field("tax_code", "Mã số thuế", "Tax code / ID no.", Kind.TEXT, max_chars=20),
        Field("tax_code_kind", "Loại mã số", "Kind of number", Kind.TEXT, max_chars=10),
        Field("representative", "Người đại diện", "Representative", Kind.TEXT, max_chars=200),
        Field("phone", "Điện thoại", "Phone", Kind.TEXT, max_chars=30),
        Field("email", "Thư điện tử", "Email", Kind.TEXT, max_chars=200),
        Field("address", "Địa chỉ", "Address", Kind.NOTE),
        Field("commune_id", "Xã", "Commune", Kind.PLACE, ref="places"),
        Field("notes", "Ghi chú", "Notes", Kind.NOTE),
        Field("archived_at", "Ngày lưu trữ", "Archived on", Kind.MOMENT),
        VERSION,
    ),
    named_by="name",
)

PRODUCT = Record(
    "products",
    "Sản phẩm",
    "Product",
    (
        Field("name", "Tên", "Product name", Kind.TEXT, max_chars=300, required=True, header="Tên sản phẩm", width=18),
        Field("producer_id", "Chủ thể", "Producer", Kind.REF, ref="producers"),
        Field("commune_id", "Xã", "Commune", Kind.PLACE, ref="places"),
        Field("group_id", "Nhóm sản phẩm", "Group", Kind.REF, ref="product_groups"),
        Field("product_set_id", "Bộ sản phẩm", "Product set", Kind.REF, ref="product_sets"),
        Field("status", "Trạng thái", "Status", Kind.ENUM, enum=ProductStatus, required=True, width=12),
        Field("stars", "Hạng sao", "Stars", Kind.STARS, bounds=(1, 5), width=6),
        Field("score", "Điểm", "Score", Kind.SCORE, bounds=(0, 100), width=7),
        Field("certificate_no", "Số giấy chứng nhận", "Certificate no.", Kind.TEXT, max_chars=100, width=13),
        Field("certifying_decision", "Quyết định công nhận", "Certifying decision", Kind.TEXT, max_chars=200),
        Field("certifying_body", "Cơ quan công nhận", "Certifying body", Kind.TEXT, max_chars=200, width=13),
        Field("certified_on", "Ngày công nhận", "Certified on", Kind.DATE),
        Field("expires_on", "Ngày hết hạn", "Expires on", Kind.DATE, header="Hết hạn", width=13),
        Field("rule_set_id", "Bộ tiêu chí", "Rule set", Kind.REF, ref="rule_sets"),
        Field("ean13", "Mã vạch", "Barcode (EAN-13)", Kind.TEXT, max_chars=13),
        Field(
            "checklist",
            "Nhãn hàng hóa, truy xuất nguồn gốc và nhãn hiệu",
            "Label, traceability and trademark",
            Kind.JSON,
        ),
        *LABEL_FIELDS,  # trademark, GS1 membership, traceability link (domain/schema/labels.py)
        Field("notes", "Ghi chú", "Notes", Kind.NOTE),
        Field("archived_at", "Ngày lưu trữ", "Archived on", Kind.MOMENT),
        VERSION,
    ),
    named_by="name",
    computed=(
        Field("status_label", "Tên trạng thái", "Status name", Kind.TEXT),
        # The printed reports' worked-out columns (services/report_registry.py): names of what the
        # product points to, the unit of the report's day, and what its certificate asks of it.
        Field("producer", "Chủ thể", "Producer", Kind.TEXT, width=14),
        Field("place", "Địa bàn", "Place", Kind.TEXT, width=13),
        Field("product_set", "Bộ sản phẩm", "Product set", Kind.TEXT, width=12),  # else its group
        # «Số 123/QĐ-UBND ngày 15/03/2024»: the certifying decision, else the certificate number.
        Field("decision", "Số và ngày quyết định công nhận", "Certifying decision and date", Kind.TEXT, width=17),
        Field("days_left", "Còn (ngày)", "Days left", Kind.INTEGER, width=7),
        Field(
            "reevaluation_deadline",
            "Thời hạn nộp hồ sơ đánh giá lại",
            "Re-evaluation filing window",
            Kind.TEXT,
            width=24,
        ),
        # The summary's rows: what is counted (a star class, a group, a unit, a status) and how many.
        Field("criterion", "Tiêu chí", "Criterion", Kind.TEXT, width=40),
        Field("count", "Số sản phẩm", "Products", Kind.INTEGER, width=14),
        LABEL_GAPS,
    ),
    views={
        # The register as a province asks for it (widths in characters, scaled to the page: dates
        # and decision numbers must not break).
        REPORT: (
            "name",
            "producer",
            "place",
            "product_set",
            "stars",
            "score",
            "decision",
            "certifying_body",
            "expires_on",
            "status",
        ),
        EXPIRING_REPORT: (
            "name",
            "producer",
            "place",
            "stars",
            "certificate_no",
            "expires_on",
            "days_left",
            "reevaluation_deadline",
        ),
        SUMMARY_REPORT: ("criterion", "count"),
        LABEL_REPORT: LABEL_REPORT_COLUMNS,
        # `ocop products list` (CSV/JSON): references listed by name (Field.listed_as).
        TERMINAL: (
            "id",
            "name",
            "producer_id",
            "commune_id",
            "group_id",
            "product_set_id",
            "stars",
            "score",
            "status",
            "status_label",
            "certificate_no",
            "certified_on",
            "expires_on",
            "ean13",
            *(f.key for f in LABEL_FIELDS),
            "label_gaps",
        ),
        # The registry table (each column sortable: services/product_query.SORT_KEYS).
        WINDOW: (
            "name",
            "producer_id",
            "commune_id",
            "group_id",
            "stars",
            "status",
            "certificate_no",
            "certified_on",
            "expires_on",
        ),
    },
    widths={EXPIRING_REPORT: {"name": 21, "producer": 16, "place": 15, "expires_on": 12}},
)

DIRECTIVE = Record(
    "directives",
    "Văn bản chỉ đạo",
    "Directive",
    (
        Field("number", "Số văn bản", "Number", Kind.TEXT, max_chars=100),
        Field("issued_on", "Ngày ban hành", "Issued on", Kind.DATE),
        Field("issued_text", "Ngày ban hành (ghi như văn bản)", "Issued on (as written)", Kind.TEXT, max_chars=100),
        Field("issuer", "Cơ quan ban hành", "Issued by", Kind.TEXT, max_chars=300),
        Field("subject", "Trích yếu", "Subject", Kind.NOTE),
        Field("file_reference", "Tệp văn bản", "File", Kind.TEXT),
        Field("notes", "Ghi chú", "Notes", Kind.NOTE),
    ),
    named_by="subject",
    computed=(
        Field("task_count", "Số nhiệm vụ", "Tasks", Kind.INTEGER),
        Field("done_count", "Số nhiệm vụ đã hoàn thành", "Tasks done", Kind.INTEGER),
        Field("overdue_count", "Số nhiệm vụ quá hạn", "Tasks overdue", Kind.INTEGER),
    ),
    views={
        TERMINAL: (
            "id",
            "number",
            "issued_on",
            "issued_text",
            "issuer",
            "subject",
            "file_reference",
            "task_count",
            "done_count",
            "overdue_count",
        ),
    },
)

TASK = Record(
    "tasks",
    "Nhiệm vụ",
    "Task",
    (
        # Shown by the letter's number and date (the stored column holds its id).
        Field("directive", "Văn bản chỉ đạo", "Directive", Kind.REF, column="directive_id", ref="directives"),
        Field("position", "Thứ tự", "Position", Kind.INTEGER, bounds=POSITION),
        Field("assignee", "Đơn vị thực hiện", "Assignee", Kind.TEXT, max_chars=300, width=18),
        Field("assignee_place_id", "Đơn vị thực hiện", "Assignee", Kind.PLACE, ref="places"),
        Field("title", "Nhiệm vụ", "Task", Kind.NOTE, required=True, width=34),
        Field("description", "Nội dung", "Details", Kind.NOTE),
        Field("due_on", "Hạn", "Due date", Kind.DATE, width=10),
        Field("status", "Trạng thái", "Status", Kind.ENUM, enum=TaskStatus, required=True, width=12),
        Field("result_note", "Kết quả", "Result", Kind.NOTE),
        Field("completed_on", "Ngày hoàn thành", "Done on", Kind.DATE),
        VERSION,
    ),
    named_by="title",
    computed=(
        Field("status_label", "Tên trạng thái", "Status name", Kind.TEXT),
        Field("last_progress", "Tiến độ gần nhất", "Latest progress", Kind.NOTE, width=26),
        Field("overdue", "Quá hạn", "Overdue", Kind.BOOL, width=9),
    ),
    views={
        WINDOW: ("directive", "assignee", "title", "due_on", "status", "last_progress"),
        TERMINAL: ("id", "directive", "assignee", "title", "due_on", "status", "status_label", "overdue"),
        REPORT: ("assignee", "title", "due_on", "status", "last_progress", "overdue"),
    },
)

TASK_PROGRESS = Record(
    "task_progress",
    "Tiến độ nhiệm vụ",
    "Task progress",
    (
        Field("task_id", "Nhiệm vụ", "Task", Kind.REF, ref="tasks", required=True),
        Field("noted_on", "Ngày ghi", "Date", Kind.DATE),
        Field("text", "Việc đã làm", "What was done", Kind.NOTE),
        Field("author", "Người ghi", "Noted by", Kind.TEXT, max_chars=200),
    ),
    named_by="text",
    views={WINDOW: ("noted_on", "text", "author")},
)

EVALUATION = Record(
    "evaluations",
    "Kết quả đánh giá",
    "Evaluation",
    (
        Field("product_id", "Sản phẩm", "Product", Kind.REF, ref="products", required=True),
        # Shown by the rule set's code, «26/2026» (the stored column holds its id).
        Field("rule_set", "Bộ tiêu chí", "Rule set", Kind.REF, column="rule_set_id", ref="rule_sets", required=True),
        Field("scorecard_id", "Phiếu chấm", "Score sheet", Kind.REF, ref="scorecards"),
        Field("evaluated_on", "Ngày đánh giá", "Evaluation date", Kind.DATE),
        Field("level", "Cấp đánh giá", "Level", Kind.ENUM, enum=EvaluationLevel),
        Field("scores", "Điểm từng tiêu chí", "Scores", Kind.JSON),
        Field("total", "Tổng điểm", "Total", Kind.SCORE, bounds=(0, 100)),
        Field("stars", "Hạng sao", "Star class", Kind.STARS, bounds=(0, 5)),
        Field("knockout", "Điều kiện loại", "Knock-out conditions", Kind.NOTE),
        Field("certified", "Được công nhận", "Certified", Kind.BOOL),
        Field("notes", "Ghi chú", "Notes", Kind.NOTE),
    ),
    computed=(
        Field("members", "Thành viên", "Members", Kind.INTEGER),  # how many members scored it
        # Stars beyond what the evaluating level may give: who it is proposed to.
        Field("proposed_to", "Đề nghị cấp công nhận", "Proposed to", Kind.TEXT),
        # The printed sheet and result (services/evaluation_reports.py): a row per criterion of the
        # score sheet; the result has a column per council member between «max» and «avg».
        Field("code", "Mã", "Code", Kind.TEXT, width=7),
        Field("name", "Tiêu chí", "Criterion", Kind.TEXT, width=40),
        Field("max", "Điểm tối đa", "Highest score", Kind.SCORE, width=9),
        Field("score", "Điểm chấm", "Score given", Kind.SCORE, width=11),
        Field("avg", "Điểm bình quân", "Average score", Kind.SCORE, width=10),
    ),
    # A product's evaluation history (the scoring dialog, `ocop evaluations list`).
    views={
        WINDOW: ("evaluated_on", "rule_set", "level", "members", "total", "stars", "knockout", "certified"),
        TERMINAL: (
            "id",
            "evaluated_on",
            "rule_set",
            "level",
            "members",
            "total",
            "stars",
            "knockout",
            "certified",
            "proposed_to",
        ),
        REPORT: ("code", "name", "max", "avg"),
        SHEET_REPORT: ("code", "name", "max", "score"),
    },
    widths={SHEET_REPORT: {"code": 8, "name": 52, "max": 11}},
)

EVALUATION_MEMBER = Record(
    "evaluation_members",
    "Phiếu chấm của thành viên hội đồng",
    "Council member's scores",
    (
        Field("evaluation_id", "Lần đánh giá", "Evaluation", Kind.REF, ref="evaluations", required=True),
        Field("position", "Thứ tự", "Position", Kind.INTEGER, bounds=POSITION),
        Field("member_name", "Thành viên hội đồng", "Council member", Kind.TEXT, max_chars=200),
        Field("scores", "Điểm từng tiêu chí", "Scores", Kind.JSON),
        Field("total", "Tổng điểm", "Total", Kind.SCORE, bounds=(0, 100)),
    ),
    named_by="member_name",
)

# -- reference data, loaded from the files shipped with the program ---------------------------------
PLACE = Record(
    "places",
    "Địa bàn",
    "Place",
    (
        Field("key", "Khóa", "Key", Kind.TEXT),
        Field("code", "Mã", "Administrative code", Kind.TEXT),
        Field("name", "Tên", "Name", Kind.TEXT),
        Field("kind", "Loại", "Kind", Kind.ENUM, enum=PlaceKind),
        # Shown by the name of the unit above (the stored column holds its id).
        Field("parent", "Trực thuộc", "Part of", Kind.PLACE, column="parent_id", ref="places"),
        Field("valid_from", "Hiệu lực từ", "Valid from", Kind.DATE),
        Field("valid_to", "Hiệu lực đến", "Valid until", Kind.DATE),
        Field("successor_id", "Đơn vị kế thừa", "Successor", Kind.PLACE, ref="places"),
        Field("successor_confirmed", "Đã xác nhận đơn vị kế thừa", "Successor confirmed", Kind.BOOL),
        Field("note", "Ghi chú", "Note", Kind.NOTE),
    ),
    named_by="name",
    computed=(
        Field("validity", "Hiệu lực", "Valid", Kind.TEXT),  # «từ 01/07/2025», «trước và sau 01/07/2025»
        # The units it was made of and the units that took it over, from the merger links.
        Field("predecessors", "Đơn vị trước đó", "Former units", Kind.TEXT),
        Field("successors", "Đơn vị kế thừa", "Successors", Kind.TEXT),
    ),
    # `ocop places search`
    views={
        TERMINAL: (
            "code",
            "name",
            "kind",
            "parent",
            "valid_from",
            "valid_to",
            "validity",
            "successors",
            "predecessors",
        ),
    },
)
PLACE_LINK = Record(
    "place_links",
    "Sáp nhập địa bàn",
    "Place merger",
    (
        Field("predecessor_id", "Đơn vị trước", "Former unit", Kind.PLACE, ref="places"),
        Field("successor_id", "Đơn vị sau", "New unit", Kind.PLACE, ref="places"),
        Field("main", "Đơn vị chính", "Main unit", Kind.BOOL),
        Field("note", "Ghi chú", "Note", Kind.NOTE),
    ),
)
PRODUCT_GROUP = Record(
    "product_groups",
    "Nhóm sản phẩm",
    "Product group",
    (
        Field("code", "Mã", "Code", Kind.TEXT),
        Field("name", "Tên", "Name", Kind.TEXT),
        Field("position", "Thứ tự", "Position", Kind.INTEGER, bounds=POSITION),
    ),
    named_by="name",
)
PRODUCT_SET = Record(
    "product_sets",
    "Bộ sản phẩm",
    "Product set",
    (
        Field("code", "Mã", "Code", Kind.TEXT),
        Field("name", "Tên", "Name", Kind.TEXT),
        Field("group_id", "Nhóm sản phẩm", "Group", Kind.REF, ref="product_groups"),
        Field("position", "Thứ tự", "Position", Kind.INTEGER, bounds=POSITION),
    ),
    named_by="name",
)
RULE_SET = Record(
    "rule_sets",
    "Bộ tiêu chí",
    "Rule set",
    (
        Field("code", "Mã", "Code", Kind.TEXT),
        Field("decision", "Quyết định", "Decision", Kind.TEXT),
        Field("title", "Tiêu đề", "Title", Kind.NOTE),
        Field("signed_on", "Ngày ký", "Signed on", Kind.DATE),
        Field("effective_from", "Áp dụng từ", "In force from", Kind.DATE),
        Field("effective_to", "Áp dụng đến", "In force until", Kind.DATE),
        Field(
            "certificate_months",
            "Thời hạn giấy chứng nhận (tháng)",
            "Certificate valid for (months)",
            Kind.INTEGER,
            bounds=(0, 240),
        ),
        Field("data", "Nội dung bộ tiêu chí", "Rules", Kind.JSON),
    ),
)
SCORECARD = Record(
    "scorecards",
    "Phiếu chấm",
    "Score sheet",
    (
        Field("code", "Mã", "Code", Kind.TEXT),
        Field("rule_set_id", "Bộ tiêu chí", "Rule set", Kind.REF, ref="rule_sets"),
        Field("product_set_id", "Bộ sản phẩm", "Product set", Kind.REF, ref="product_sets"),
        Field("structure", "Cấu trúc phiếu chấm", "Sheet layout", Kind.JSON),
    ),
)

# -- the program's own bookkeeping ------------------------------------------------------------------
APP_META = Record(
    "app_meta",
    "Thiết lập",
    "Settings",
    (
        Field("key", "Khóa", "Key", Kind.TEXT),
        Field("value", "Giá trị", "Value", Kind.NOTE),
    ),
    named_by="key",
)
SYNC_STATE = Record(
    "sync_state",
    "Trạng thái đồng bộ",
    "Exchange state",
    (
        Field("entity", "Loại dữ liệu", "Kind of record", Kind.TEXT),
        Field("entity_id", "Mã bản ghi", "Record id", Kind.TEXT),
        Field("synced_updated_at", "Phiên bản đã trao đổi", "Version exchanged", Kind.MOMENT),
        Field("package_id", "Mã gói", "Package id", Kind.TEXT),
    ),
)
DATABASE = Record("database", "Cơ sở dữ liệu", "Database")

# Names that are not a stored column but name a field in a message: the office settings kept in
# app_meta (as the first-run form calls them), a backup's sidecar, and the fields of a form that
# pick a record by name.
OTHER = Record(
    "",
    "Khác",
    "Other",
    (
        Field("office_unit_id", "Đơn vị của máy này", "This computer's unit", Kind.PLACE, ref="places"),
        Field("user_name", "Họ và tên người sử dụng", "User's full name", Kind.TEXT),
        Field("user_title", "Chức vụ", "Title", Kind.TEXT),
        Field("office_kind", "Loại cơ quan", "Kind of office", Kind.TEXT),
        Field("office_printed_name", "Tên cơ quan in trên văn bản", "Office name as printed", Kind.TEXT),
        Field("backup", "Bản sao", "Backup", Kind.TEXT),
        Field("made_at", "Thời điểm sao lưu", "Backed up at", Kind.MOMENT),
        Field("group", "Nhóm sản phẩm", "Group", Kind.TEXT),
        Field("product_set", "Bộ sản phẩm", "Product set", Kind.TEXT),
        Field("rule_set", "Bộ tiêu chí", "Rule set", Kind.TEXT),
        Field("members", "Thành viên hội đồng", "Council members", Kind.TEXT),
        Field("file", "Tệp", "File", Kind.TEXT),
        Field("product_name", "Tên sản phẩm", "Product name", Kind.TEXT),
        Field("producer_name", "Chủ thể", "Producer", Kind.TEXT),
    ),
)
