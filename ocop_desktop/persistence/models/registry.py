"""Producers (chủ thể) and OCOP products."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ocop_desktop.persistence.models.base import Base, RecordMixin, version_column
from ocop_desktop.persistence.models.reference import Place, ProductGroup, ProductSet, RuleSetRow


class Producer(RecordMixin, Base):
    __tablename__ = "producers"
    __folded__ = {"name_folded": "name"}
    __sortkeys__ = {"name_sort": "name"}
    __audited__ = True

    name: Mapped[str] = mapped_column(String(300))
    name_folded: Mapped[str] = mapped_column(String(300), index=True, default="")
    name_sort: Mapped[str] = mapped_column(String(1000), index=True, default="")
    kind: Mapped[str | None] = mapped_column(String(30))
    tax_code: Mapped[str | None] = mapped_column(String(20), index=True)
    tax_code_kind: Mapped[str | None] = mapped_column(String(10))
    representative: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    commune_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    archived_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    commune: Mapped[Place | None] = relationship(lazy="joined")


class Product(RecordMixin, Base):
    __tablename__ = "products"
    __folded__ = {"name_folded": "name"}
    __sortkeys__ = {"name_sort": "name"}
    __audited__ = True
    __table_args__ = (
        Index("ix_products_status_stars", "status", "stars"),
        # The registry table's page per sort key, read from one index (migration 0012).
        Index("ix_products_list_name", "name_sort", "id", "name_folded", "producer_id", "archived_at"),
        Index("ix_products_list_search", "name_folded", "producer_id", "archived_at"),
        Index("ix_products_list_stars", "stars", "name_sort", "id", "archived_at"),
        Index("ix_products_list_status", "status", "name_sort", "id", "archived_at"),
        Index("ix_products_list_certificate_no", "certificate_no", "name_sort", "id", "archived_at"),
        Index("ix_products_list_certified_on", "certified_on", "name_sort", "id", "archived_at"),
        Index("ix_products_list_expires_on", "expires_on", "name_sort", "id", "archived_at"),
        Index("ix_products_list_group", "group_id", "product_set_id", "name_sort", "id", "archived_at"),
        Index("ix_products_list_producer", "producer_id", "archived_at", "name_sort", "id"),
        Index("ix_products_list_commune", "commune_id", "archived_at", "name_sort", "id"),
    )

    name: Mapped[str] = mapped_column(String(300))
    name_folded: Mapped[str] = mapped_column(String(300), index=True, default="")
    name_sort: Mapped[str] = mapped_column(String(1000), index=True, default="")
    producer_id: Mapped[str | None] = mapped_column(ForeignKey("producers.id"), index=True)
    commune_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"), index=True)
    group_id: Mapped[str | None] = mapped_column(ForeignKey("product_groups.id"), index=True)
    product_set_id: Mapped[str | None] = mapped_column(ForeignKey("product_sets.id"), index=True)
    status: Mapped[str] = mapped_column(String(30))
    stars: Mapped[int | None] = mapped_column(Integer)
    score: Mapped[float | None] = mapped_column(Float)
    certificate_no: Mapped[str | None] = mapped_column(String(100))
    certifying_decision: Mapped[str | None] = mapped_column(String(200))
    certifying_body: Mapped[str | None] = mapped_column(String(200))
    certified_on: Mapped[date | None] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date, index=True)
    rule_set_id: Mapped[str | None] = mapped_column(ForeignKey("rule_sets.id"))
    ean13: Mapped[str | None] = mapped_column(String(13))
    checklist: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Label follow-up (migration 0016; domain/schema/labels.py): trademark, GS1 membership, traceability.
    trademark_application_no: Mapped[str | None] = mapped_column(String(20))
    trademark_filed_on: Mapped[date | None] = mapped_column(Date)
    trademark_certificate_no: Mapped[str | None] = mapped_column(String(20))
    trademark_owner: Mapped[str | None] = mapped_column(String(300))
    gs1_prefix: Mapped[str | None] = mapped_column(String(12))
    gs1_valid_until: Mapped[date | None] = mapped_column(Date)
    trace_link: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str] = mapped_column(Text, default="")
    archived_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    producer: Mapped[Producer | None] = relationship(lazy="joined")
    commune: Mapped[Place | None] = relationship(lazy="joined")
    group: Mapped[ProductGroup | None] = relationship(lazy="joined")
    product_set: Mapped[ProductSet | None] = relationship(lazy="joined")
    rule_set: Mapped[RuleSetRow | None] = relationship()
