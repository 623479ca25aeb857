"""The audit log: who changed which record when, with old and new values."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.persistence.models.base import Base, utcnow


class AuditEntry(Base):
    __tablename__ = "audit_log"

    # An increasing integer, not a UUID: the log is local to this office and read in order.
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(50))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str] = mapped_column(String(200), index=True)  # a record id, or a setting's key
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)  # field -> [old, new]
    context: Mapped[str] = mapped_column(Text, default="")
    # Tamper evidence: each entry's hash covers its content and the previous entry's hash.
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))
    # Digest of the record's content after the change (persistence/row_seal.py), in the hash too.
    row_hash: Mapped[str | None] = mapped_column(String(64))
