"""The activity log, the trusted senders and the backups: their fields and the tables that show them, said once."""

from __future__ import annotations

from ocop_desktop.domain.schema.fields import REPORT, TERMINAL, WINDOW, Field, Kind, Record

AUDIT_LOG = Record(
    "audit_log",
    "Nhật ký thay đổi",
    "Activity log",
    (
        # «Số mục», «Thời gian»: as the printed log (services/audit.py) and the window always called them.
        Field("seq", "Số mục", "No.", Kind.INTEGER),
        Field("at", "Thời gian", "Time", Kind.MOMENT),
        Field("actor", "Người thực hiện", "By", Kind.TEXT),
        Field("action", "Thao tác", "Action", Kind.TEXT),
        Field("entity", "Loại dữ liệu", "Kind of record", Kind.TEXT),
        Field("entity_id", "Mã bản ghi", "Record id", Kind.TEXT),
        Field("changes", "Thay đổi", "Changes", Kind.JSON),
        Field("context", "Ngữ cảnh", "Context", Kind.NOTE),
        Field("prev_hash", "Mã băm trước", "Previous hash", Kind.TEXT),
        Field("hash", "Mã băm", "Hash", Kind.TEXT),
        Field("row_hash", "Mã băm bản ghi", "Record hash", Kind.TEXT),
    ),
    computed=(
        Field("action_label", "Tên thao tác", "Action name", Kind.TEXT),
        Field("entity_label", "Tên loại dữ liệu", "Kind of record (name)", Kind.TEXT),
        Field("record", "Bản ghi", "Record", Kind.TEXT),  # the record's name now, or its last in the log
        Field("summary", "Nội dung thay đổi", "Changes", Kind.NOTE),  # each field: old → new
    ),
    views={
        # The window's «Thao tác» shows the action's name, its «Bản ghi» the kind and the name.
        WINDOW: ("seq", "at", "actor", "action", "record", "summary"),
        # The printed log (services/audit.py), after «STT»; the same names, sized for its page.
        REPORT: ("seq", "at", "actor", "action", "record", "summary"),
        TERMINAL: (
            "seq",
            "at",
            "actor",
            "action",
            "action_label",
            "entity",
            "entity_label",
            "entity_id",
            "record",
            "summary",
            "context",
        ),
    },
    widths={REPORT: {"seq": 8, "at": 15, "actor": 18, "action": 14, "record": 26, "summary": 50}},
)

TRUSTED_SENDER = Record(
    "trusted_senders",
    "Đơn vị gửi được tin cậy",
    "Trusted sender",
    (
        Field("unit_id", "Đơn vị", "Unit", Kind.PLACE, ref="places"),
        Field("office_name", "Tên cơ quan", "Office", Kind.TEXT),
        Field("public_key", "Khóa công khai", "Public key", Kind.TEXT),
        Field("fingerprint", "Dấu vân tay khóa", "Key fingerprint", Kind.TEXT),
        Field("trusted_at", "Thời điểm tin cậy", "Trusted at", Kind.MOMENT),
        Field("trusted_by", "Người xác nhận tin cậy", "Trusted by", Kind.TEXT),
        Field("revoked_at", "Thời điểm thu hồi", "Revoked at", Kind.MOMENT),
        Field("note", "Ghi chú", "Note", Kind.NOTE),
    ),
    computed=(
        Field("office", "Đơn vị", "Office", Kind.TEXT),  # the unit's name, else the office's as it signed
        Field("fingerprint_words", "Dấu vân tay", "Fingerprint", Kind.TEXT),  # as printed: «7K3M Q9TD …»
    ),
    views={
        WINDOW: ("office", "fingerprint_words", "trusted_at", "trusted_by", "revoked_at", "note"),
        TERMINAL: ("office", "fingerprint_words", "fingerprint", "trusted_at", "trusted_by", "revoked_at", "note"),
    },
)

# The office's signing key on a server (issue 18; a file keeps it beside itself): bookkeeping,
# never shown, logged or sent.
OFFICE_KEY = Record(
    "office_keys",
    "Khóa ký của đơn vị",
    "Office signing key",
    (
        Field("algorithm", "Thuật toán", "Algorithm", Kind.TEXT),
        Field("seed", "Khóa bí mật", "Private key", Kind.TEXT),
        Field("public_key", "Khóa công khai", "Public key", Kind.TEXT),
        Field("created_at", "Thời điểm tạo", "Created at", Kind.MOMENT),
    ),
)

# A backup is a file beside the database, not a stored record: listed by `ocop backup list` and the
# backups dialog.
BACKUP = Record(
    "backups",
    "Bản sao",
    "Backup",
    (
        Field("made_at", "Thời điểm sao lưu", "Made at", Kind.MOMENT),
        Field("reason", "Mã lý do", "Reason code", Kind.TEXT),
        Field("reason_label", "Lý do", "Why", Kind.TEXT),
        Field("size", "Dung lượng", "Size", Kind.INTEGER),
        Field("path", "Tệp", "File", Kind.TEXT),
    ),
    views={
        WINDOW: ("made_at", "reason_label", "size", "path"),
        TERMINAL: ("made_at", "reason", "reason_label", "size", "path"),
    },
)
