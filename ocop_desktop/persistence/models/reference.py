"""Reference tables: places and their 2025 successor links, OCOP groups and sets, rule sets."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ocop_desktop.persistence.models.base import Base, RecordMixin


class AppMeta(Base):
    """Small key/value facts about this database (reference version, office settings)."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Place(RecordMixin, Base):
    """An administrative unit, valid for a period; a merged unit links to its successor."""

    __tablename__ = "places"
    __folded__ = {"name_folded": "name"}
    __sortkeys__ = {"name_sort": "name"}
    # The registry sorted by commune walks the places in this order (migration 0012).
    __table_args__ = (Index("ix_places_name_sort", "name_sort", "id"),)

    key: Mapped[str] = mapped_column(String(100), unique=True)
    code: Mapped[str | None] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(200))
    name_folded: Mapped[str] = mapped_column(String(200), index=True, default="")
    name_sort: Mapped[str] = mapped_column(String(700), default="")
    kind: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"), index=True)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    successor_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"), index=True)
    successor_confirmed: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(Text, default="")

    parent: Mapped[Place | None] = relationship(
        remote_side="Place.id", foreign_keys=[parent_id], lazy="joined", join_depth=2
    )
    successor: Mapped[Place | None] = relationship(remote_side="Place.id", foreign_keys=[successor_id])


class PlaceLink(Base):
    """Old unit -> new unit of a reform; a unit divided between several new ones has one link
    each, and ``main`` marks the one its records are grouped under (Place.successor_id)."""

    __tablename__ = "place_links"

    predecessor_id: Mapped[str] = mapped_column(ForeignKey("places.id"), primary_key=True)
    successor_id: Mapped[str] = mapped_column(ForeignKey("places.id"), primary_key=True, index=True)
    main: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")


class ProductGroup(RecordMixin, Base):
    __tablename__ = "product_groups"

    code: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)


class ProductSet(RecordMixin, Base):
    """One of the 26 product sets (bộ sản phẩm) of the official list."""

    __tablename__ = "product_sets"

    code: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    group_id: Mapped[str] = mapped_column(ForeignKey("product_groups.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    group: Mapped[ProductGroup] = relationship(lazy="joined")


class RuleSetRow(RecordMixin, Base):
    """A decision's rules; the structured parts are JSON so a new decision needs no migration."""

    __tablename__ = "rule_sets"

    code: Mapped[str] = mapped_column(String(30), unique=True)
    decision: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(Text)
    signed_on: Mapped[date] = mapped_column(Date)
    effective_from: Mapped[date] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)
    certificate_months: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Scorecard(RecordMixin, Base):
    """The scoring structure of a rule set for one product set (parts, criteria, levels)."""

    __tablename__ = "scorecards"
    # In the audit chain: an office's own card (imported from Excel) decides scores; a shipped
    # one is also compared with its file by `ocop check` (services/reference_check).
    __audited__ = True

    code: Mapped[str] = mapped_column(String(100), unique=True)
    rule_set_id: Mapped[str] = mapped_column(ForeignKey("rule_sets.id"), index=True)
    product_set_id: Mapped[str | None] = mapped_column(ForeignKey("product_sets.id"), index=True)
    structure: Mapped[dict[str, Any]] = mapped_column(default=dict)
