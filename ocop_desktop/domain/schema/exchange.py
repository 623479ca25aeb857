"""Packages between offices: those received and sent (stored), and the receive dialog's tables (not stored).

The exchange window's tables take their columns and headers from here (gui/exchange/models.py), and
`ocop exchange outbox` its columns.
"""

from __future__ import annotations

from ocop_desktop.domain.schema.fields import TERMINAL, WINDOW, Field, Kind, Record

PACKAGE_ID = Field("package_id", "Mã gói", "Package id", Kind.TEXT)
SENDER_UNIT = Field("sender_unit", "Đơn vị gửi", "Sent by (office)", Kind.TEXT)
PACKAGE_CREATED_AT = Field("package_created_at", "Thời điểm tạo gói", "Package made at", Kind.MOMENT)
ACTOR = Field("actor", "Người thực hiện", "By", Kind.TEXT)
FILE_NAME = Field("file_name", "Tệp", "File", Kind.TEXT)
SHA256 = Field("sha256", "Mã kiểm tra SHA-256", "SHA-256 checksum", Kind.TEXT)
COUNTS = Field("counts", "Số bản ghi", "Records", Kind.JSON)
# What a package did here, counted from its stored counts.
NEW = Field("new", "Mới", "New", Kind.INTEGER)
UPDATED = Field("updated", "Cập nhật", "Updated", Kind.INTEGER)
CONFLICTS = Field("conflicts", "Xung đột", "Conflicts", Kind.INTEGER)

EXCHANGE_IMPORT = Record(
    "exchange_imports",
    "Gói đã nhận",
    "Received package",
    (
        PACKAGE_ID,
        SENDER_UNIT,
        Field("sender_unit_id", "Đơn vị gửi", "Sent by (office)", Kind.PLACE, ref="places"),
        Field("sender_user", "Người gửi", "Sent by", Kind.TEXT),
        PACKAGE_CREATED_AT,
        Field("imported_at", "Thời điểm nhận", "Received at", Kind.MOMENT),
        ACTOR,
        FILE_NAME,
        SHA256,
        COUNTS,
        Field("undone_at", "Thời điểm hoàn tác", "Undone at", Kind.MOMENT),
        Field("signer_fingerprint", "Dấu vân tay khóa ký", "Signing key fingerprint", Kind.TEXT),
    ),
    computed=(NEW, UPDATED, CONFLICTS),
    views={
        WINDOW: (
            "imported_at",
            "sender_unit",
            "sender_user",
            "package_created_at",
            "new",
            "updated",
            "conflicts",
            "undone_at",
        ),
    },
)
EXCHANGE_OUTBOX = Record(
    "exchange_outbox",
    "Gói đã gửi",
    "Sent package",
    (
        PACKAGE_ID,
        ACTOR,
        FILE_NAME,
        Field("scope", "Phạm vi", "Scope", Kind.TEXT),
        Field("since", "Thay đổi từ", "Changes since", Kind.MOMENT),
        COUNTS,
        SHA256,
        Field("note", "Ghi chú", "Note", Kind.NOTE),
    ),
    # When it was made (the stored created_at) and how many records it carries (its counts summed).
    computed=(
        Field("created_at", "Thời điểm gửi", "Sent at", Kind.MOMENT),
        Field("records", "Số bản ghi", "Records", Kind.INTEGER),
    ),
    views={
        WINDOW: ("created_at", "scope", "records", "actor", "file_name"),
        TERMINAL: ("package_id", "created_at", "actor", "file_name", "scope", "records", "sha256"),
    },
)

# The receive dialog: the files chosen, what each would change, and a conflict's fields side by side.
RECEIVED_FILE = Record(
    "",
    "Gói cần nhận",
    "Package to receive",
    (
        FILE_NAME,
        SENDER_UNIT,
        PACKAGE_CREATED_AT,
        Field("state", "Tình trạng", "State", Kind.TEXT),
    ),
    views={WINDOW: ("file_name", "sender_unit", "package_created_at", "state")},
)
PLANNED_CHANGE = Record(
    "",
    "Thay đổi khi nhận gói",
    "Change a package makes",
    (
        Field("entity_label", "Loại", "Kind", Kind.TEXT),
        Field("title", "Bản ghi", "Record", Kind.TEXT),
        Field("outcome", "Kết quả", "Outcome", Kind.TEXT),
        Field("reason", "Ghi chú", "Note", Kind.NOTE),
    ),
    views={WINDOW: ("entity_label", "title", "outcome", "reason")},
)
FIELD_CONFLICT = Record(
    "",
    "Trường xung đột",
    "Conflicting field",
    (
        Field("label", "Trường", "Field", Kind.TEXT),
        Field("here", "Ở đây", "Here", Kind.TEXT),
        Field("there", "Trong gói", "In the package", Kind.TEXT),
    ),
    views={WINDOW: ("label", "here", "there")},
)
