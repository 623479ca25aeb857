"""A batch traced to the raw material lots it used (`ocop trace BATCH`), and products or producers found by name."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.language import Text
from ocop_desktop.domain.text import clean, fold
from ocop_desktop.domain.validation import NotFoundError
from ocop_desktop.persistence.models import Producer, Product
from ocop_desktop.persistence.models.logbooks import LogbookBatch, LogbookBatchMaterial, LogbookMaterial
from ocop_desktop.persistence.uow import UowFactory


@dataclass(frozen=True)
class TracedLot:
    lot_code: str
    material: str
    received_on: date | None
    quantity: float | None
    unit: str
    source: str
    origin: str


@dataclass(frozen=True)
class BatchTrace:
    batch_id: str
    batch_code: str
    product: str
    producer: str
    made_on: date | None
    quantity: float | None
    unit: str
    lots: tuple[TracedLot, ...] = field(default=())


def trace_batches(session: Session, batch_code: str, product_id: str | None = None) -> list[BatchTrace]:
    """The batches coded ``batch_code`` (any case and accents; of one product if given), each
    with the raw material lots it used."""
    wanted = fold(clean(batch_code))
    if not wanted:
        raise NotFoundError(Text("Hãy ghi mã mẻ sản xuất.", "Write the batch code."))
    query = (
        select(LogbookBatch, Product.name, Producer.name)
        .join(Product, Product.id == LogbookBatch.product_id)
        .join(Producer, Producer.id == LogbookBatch.producer_id)
    )
    if product_id:
        query = query.where(LogbookBatch.product_id == product_id)
    # Codes are few per product; compared folded in Python (a code is short, typed many ways).
    candidates = [r for r in session.execute(query) if fold(r[0].batch_code) == wanted]
    out = []
    for batch, product, producer in candidates:
        lots = session.scalars(
            select(LogbookMaterial)
            .join(LogbookBatchMaterial, LogbookBatchMaterial.material_id == LogbookMaterial.id)
            .where(LogbookBatchMaterial.batch_id == batch.id)
            .order_by(LogbookMaterial.received_on, LogbookMaterial.lot_code)
        )
        out.append(
            BatchTrace(
                batch.id,
                batch.batch_code,
                product,
                producer,
                batch.made_on,
                batch.quantity,
                batch.unit,
                tuple(
                    TracedLot(m.lot_code, m.material, m.received_on, m.quantity, m.unit, m.source, m.origin)
                    for m in lots
                ),
            )
        )
    if not out:
        raise NotFoundError(
            Text(
                f"Không có mẻ sản xuất mã «{clean(batch_code)}» trong sổ nhật ký nào.",
                f"No logbook has a production batch coded «{clean(batch_code)}».",
            )
        )
    return out


@dataclass(frozen=True)
class Named:
    id: str
    name: str
    producer_id: str | None = None


def find_named(make_uow: UowFactory, table: str, text: str) -> list[Named]:
    """Products or producers (``table``) named by ``text``: the id, the start of it (six characters
    or more), else the name without accents or case."""
    model: Any = Product if table == "products" else Producer
    wanted = (text or "").strip()
    with make_uow() as uow:
        s = uow.session
        found = list(s.scalars(select(model).where(model.id == wanted)))
        if not found and len(wanted) >= 6:
            found = list(s.scalars(select(model).where(model.id.startswith(wanted))))
        if not found and fold(wanted):
            found = list(s.scalars(select(model).where(model.name_folded == fold(clean(wanted)))))
        return [Named(r.id, r.name, getattr(r, "producer_id", None)) for r in found]
