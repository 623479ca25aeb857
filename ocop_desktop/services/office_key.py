"""The signing key of the office a database serves: the file beside a SQLite database, or on a
PostgreSQL server (issue 18) the one row of office_keys in the database itself: there the
database is the office, shared by its staff as a file is by whoever has it."""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import DBAPIError

from ocop_desktop.domain.language import Text
from ocop_desktop.exports.signing import (
    ALGORITHM,
    KeyFileError,
    OfficeKey,
    b64,
    generate_key,
    key_file_for,
    load_key,
    load_or_create_key,
)
from ocop_desktop.persistence.models import OfficeKeyRow, utcnow
from ocop_desktop.persistence.uow import UowFactory

ROW_ID = "office"


def database_file(make_uow: UowFactory) -> Path | None:
    """The database file, beside which the office's key and anchors are kept; None in memory and
    on a server, whose database name is no file (the key is kept in the database there)."""
    with make_uow() as uow:
        bind = uow.session.get_bind()
        name = bind.engine.url.database
        on_file = bind.engine.dialect.name == "sqlite"
    return Path(name) if on_file and name and name != ":memory:" else None


def _on_server(make_uow: UowFactory) -> bool:
    with make_uow() as uow:
        return uow.session.get_bind().dialect.name == "postgresql"


def office_key(make_uow: UowFactory) -> OfficeKey | None:
    """The office's key, made the first time it is needed (None for a database in memory)."""
    if _on_server(make_uow):
        return _stored_key(make_uow, create=True)
    path = database_file(make_uow)
    return load_or_create_key(key_file_for(path)) if path is not None else None


def existing_office_key(make_uow: UowFactory) -> OfficeKey | None:
    """The office's key if one was made already (read-only callers: nothing is written)."""
    if _on_server(make_uow):
        return _stored_key(make_uow, create=False)
    path = database_file(make_uow)
    return load_key(key_file_for(path)) if path is not None else None


def _stored_key(make_uow: UowFactory, create: bool) -> OfficeKey | None:
    """The key in office_keys; made there when asked and missing. Two first signers at once both
    insert, one row is kept (ON CONFLICT DO NOTHING) and both read it back."""
    with make_uow() as uow:
        seed = uow.session.scalar(select(OfficeKeyRow.seed).where(OfficeKeyRow.id == ROW_ID))
        if seed is None and create:
            key = generate_key()
            row = {
                "id": ROW_ID,
                "algorithm": ALGORITHM,
                "seed": b64(key._seed),
                "public_key": b64(key.public_key),
                "created_at": utcnow(),
            }
            # Core, not the ORM: bookkeeping the audit hook must never copy into the log.
            try:
                uow.session.execute(postgresql.insert(OfficeKeyRow).values(row).on_conflict_do_nothing())
                uow.commit()
            except DBAPIError as exc:
                if getattr(exc.orig, "sqlstate", None) != "42501":  # insufficient_privilege
                    raise
                raise KeyFileError(
                    Text(
                        "Cơ sở dữ liệu trên máy chủ chưa có khóa ký của đơn vị, và tên đăng nhập này không được "
                        "tạo nó. Hãy nhờ quản trị viên ký một gói hoặc báo cáo đầu tiên (khóa được tạo một lần).",
                        "The server database has no office signing key yet, and this login may not make it. Ask the "
                        "administrator to sign a first package or report (the key is made once).",
                    )
                ) from None
            seed = uow.session.scalar(select(OfficeKeyRow.seed).where(OfficeKeyRow.id == ROW_ID))
    if seed is None:
        return None
    try:
        raw = base64.b64decode(seed, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise KeyFileError(
            Text(
                "Khóa ký của đơn vị lưu trong cơ sở dữ liệu trên máy chủ bị hỏng. Hãy khôi phục bảng office_keys "
                "từ bản sao lưu; nếu tạo khóa mới, các đơn vị nhận phải tin cậy lại dấu vân tay mới.",
                "The office's signing key kept in the server database is damaged. Restore the office_keys table "
                "from a backup; if a new key is made, the receiving offices must trust the new fingerprint again.",
            )
        )
    return OfficeKey(raw)
