"""A producer's logbook: raw material lots received, production batches (with the lots each used), sales."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.domain.schema.logbooks import LOGBOOK_BATCH, LOGBOOK_MATERIAL, LOGBOOK_SALE
from ocop_desktop.persistence.models.base import Base, RecordMixin
from ocop_desktop.persistence.models.schema_columns import listed_columns


class LogbookMaterial(RecordMixin, listed_columns(LOGBOOK_MATERIAL), Base):  # type: ignore[misc]
    """A lot of raw material received (bought, or from the producer's own area)."""

    __tablename__ = "logbook_materials"
    __audited__ = True
    __table_args__ = (
        UniqueConstraint("product_id", "lot_code"),
        Index("ix_logbook_materials_product_day", "product_id", "received_on"),
    )

    producer_id: Mapped[str] = mapped_column(ForeignKey("producers.id"), index=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"))
    # received_on, material, quantity, unit, source, origin, lot_code: LOGBOOK_MATERIAL's listed fields.


class LogbookBatch(RecordMixin, listed_columns(LOGBOOK_BATCH), Base):  # type: ignore[misc]
    __tablename__ = "logbook_batches"
    __audited__ = True
    __table_args__ = (
        UniqueConstraint("product_id", "batch_code"),
        Index("ix_logbook_batches_product_day", "product_id", "made_on"),
    )

    producer_id: Mapped[str] = mapped_column(ForeignKey("producers.id"), index=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"))
    # made_on, batch_code, quantity, unit, notes: LOGBOOK_BATCH's listed fields.


class LogbookBatchMaterial(RecordMixin, Base):
    """A raw material lot used in a batch."""

    __tablename__ = "logbook_batch_materials"
    __audited__ = True
    __table_args__ = (UniqueConstraint("batch_id", "material_id"),)

    batch_id: Mapped[str] = mapped_column(ForeignKey("logbook_batches.id"), index=True)
    material_id: Mapped[str] = mapped_column(ForeignKey("logbook_materials.id"), index=True)


class LogbookSale(RecordMixin, listed_columns(LOGBOOK_SALE), Base):  # type: ignore[misc]
    __tablename__ = "logbook_sales"
    __audited__ = True
    __table_args__ = (Index("ix_logbook_sales_product_day", "product_id", "sold_on"),)

    producer_id: Mapped[str] = mapped_column(ForeignKey("producers.id"), index=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"))
    # sold_on, buyer, quantity, unit, unit_price_vnd: LOGBOOK_SALE's listed fields.
