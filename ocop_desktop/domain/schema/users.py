"""The people who may work on a shared server (issue 18): their login, name, role and unit, said once."""

from __future__ import annotations

from ocop_desktop.domain.enums import UserRole
from ocop_desktop.domain.schema.fields import TERMINAL, Field, Kind, Record

# A PostgreSQL role name holds at most 63 bytes (NAMEDATALEN - 1).
LOGIN_MAX = 63

USER = Record(
    "users",
    "Người dùng",
    "User",
    (
        Field("login", "Tên đăng nhập", "Login", Kind.TEXT, max_chars=LOGIN_MAX, required=True),
        Field("full_name", "Họ tên", "Full name", Kind.TEXT, max_chars=200, required=True),
        Field("role", "Vai trò", "Role", Kind.ENUM, enum=UserRole, required=True),
        Field("unit_id", "Đơn vị", "Unit", Kind.PLACE, ref="places"),
        Field("active", "Đang hoạt động", "Active", Kind.BOOL),
    ),
    named_by="login",
    views={TERMINAL: ("login", "full_name", "role", "unit_id", "active")},
)
