"""Declarative base and the columns every exchanged record carries."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import JSON, DateTime, Integer, MetaData, String, Table, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names: Alembic's batch mode on SQLite needs them to alter tables.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Reference data and samples derive their ids from a stable key so that every office
# that loads them gets the same UUIDs and packages can be merged without remapping.
OCOP_NAMESPACE = uuid.UUID("6f1c2b0e-8d7a-5c3e-9b41-0c0c0f0d2024")


def stable_id(kind: str, key: str) -> str:
    return str(uuid.uuid5(OCOP_NAMESPACE, f"{kind}:{key}"))


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Naive UTC: SQLite keeps no zone, so every timestamp in the file is UTC by convention."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict: JSON, list: JSON, dict[str, Any]: JSON}

    # Columns whose folded (accent-free, lower-case) copy is kept for indexed search:
    # {"name_folded": "name"}. Filled by the session hook in persistence/hooks.py.
    __folded__: dict[str, str] = {}
    # Columns holding a Vietnamese collation key of another column, for ORDER BY in SQL:
    # {"name_sort": "name"}. Filled by the same hook.
    __sortkeys__: dict[str, str] = {}
    # Whether changes to this table are written to the audit log.
    __audited__: bool = False

    if TYPE_CHECKING:
        # Every mapped class here is declared on a Table (DeclarativeBase says FromClause, which
        # also covers classes mapped on a join or a select; insert() and .name need a Table).
        __table__: ClassVar[Table]


def version_column() -> Mapped[int]:
    """A record's version (migrations 0017, 0022), the mapper's version_id_col: every save is
    ``UPDATE … WHERE id = ? AND version = ?`` and counts it up, so of two people who loaded the
    same version the second's save matches no row (orm.exc.StaleDataError) and writes nothing.
    A stamp like updated_at: not in the row digest, not carried by packages."""
    return mapped_column(Integer, nullable=False, default=1, server_default=text("1"))


class RecordMixin:
    """Stable UUID and change timestamps: what offices exchange and merge by."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
