"""Offline exchange between offices: packages sent, packages received, per-record sync state."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.persistence.models.base import Base, RecordMixin, new_id, utcnow


class OutboxEntry(Base):
    """One package this office exported: what, when, how much (the user sees what was sent)."""

    __tablename__ = "exchange_outbox"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    package_id: Mapped[str] = mapped_column(String(36), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200), default="")
    file_name: Mapped[str] = mapped_column(Text, default="")
    scope: Mapped[str] = mapped_column(String(20))  # "all" or "changes"
    since: Mapped[datetime | None] = mapped_column(DateTime)  # changes after this moment
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)  # entity -> number of records
    sha256: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class InboxEntry(Base):
    """One package imported here, with its identity, so a second import changes nothing and
    the whole import can be undone (the changes themselves are in the audit log)."""

    __tablename__ = "exchange_imports"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    package_id: Mapped[str] = mapped_column(String(36), unique=True)
    sender_unit: Mapped[str] = mapped_column(String(300), default="")
    sender_unit_id: Mapped[str | None] = mapped_column(String(36))
    sender_user: Mapped[str] = mapped_column(String(200), default="")
    package_created_at: Mapped[datetime | None] = mapped_column(DateTime)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200), default="")
    file_name: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)  # new / updated / unchanged / conflicts …
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The key the package was signed with (SHA-256 of the public key): who vouched for its changes.
    signer_fingerprint: Mapped[str] = mapped_column(String(64), default="")


class SyncState(Base):
    """The version (updated_at) of a record when it was last exchanged, in either direction:
    a record changed here and there since then is a conflict, not an overwrite."""

    __tablename__ = "sync_state"

    entity: Mapped[str] = mapped_column(String(50), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    synced_updated_at: Mapped[datetime] = mapped_column(DateTime)
    package_id: Mapped[str] = mapped_column(String(36), default="")


class TrustedSender(RecordMixin, Base):
    """An office whose packages this office takes, and the key they must be signed with.

    Trust is given once per office and key, after the receiver compared the fingerprint with the
    sender (by phone, on paper); revoking it keeps the row, so the log says who trusted what when."""

    __tablename__ = "trusted_senders"
    __audited__ = True

    unit_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"), index=True)
    office_name: Mapped[str] = mapped_column(String(300), default="")
    public_key: Mapped[str] = mapped_column(String(64))  # base64 of the 32-byte Ed25519 key
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    trusted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    trusted_by: Mapped[str] = mapped_column(String(200), default="")
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(Text, default="")


class OfficeKeyRow(Base):
    """The office's signing key when the database is on a server (issue 18): there the database is
    the office, and no file lies beside it to hold the key. One row, made the first time the
    office signs; everyone who may open the database may sign as the office, as everyone who has
    a SQLite file has the key beside it. Bookkeeping: never in the audit log or a package."""

    __tablename__ = "office_keys"

    id: Mapped[str] = mapped_column(String(20), primary_key=True)  # always "office"
    algorithm: Mapped[str] = mapped_column(String(20))
    seed: Mapped[str] = mapped_column(String(64))  # base64 of the 32-byte Ed25519 seed
    public_key: Mapped[str] = mapped_column(String(64))  # base64 of the 32-byte public key
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
