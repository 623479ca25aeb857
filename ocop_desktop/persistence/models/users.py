"""The people who may work on a shared server and their role (issue 18, migration 0020)."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ocop_desktop.domain.schema.users import LOGIN_MAX
from ocop_desktop.persistence.models.base import Base, RecordMixin
from ocop_desktop.persistence.models.reference import Place


class User(RecordMixin, Base):
    """One login (on a server, the PostgreSQL role name) with its role and, for a commune
    officer, the unit whose records they may change. A file on one laptop has no rows here:
    its single local user keeps every right (services/access.py)."""

    __tablename__ = "users"
    __audited__ = True
    __table_args__ = (CheckConstraint("role <> 'commune' OR unit_id IS NOT NULL", name="commune_unit"),)

    login: Mapped[str] = mapped_column(String(LOGIN_MAX), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")

    unit: Mapped[Place | None] = relationship(lazy="joined")
