"""A product's logbook as plain rows for `ocop logbook list|idle --format json|csv`: each record's terminal view."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from ocop_desktop.domain.language import Text
from ocop_desktop.domain.schema import TERMINAL, Record
from ocop_desktop.domain.schema.logbooks import LOGBOOK_BATCH, LOGBOOK_MATERIAL, LOGBOOK_SALE
from ocop_desktop.domain.validation import NotFoundError
from ocop_desktop.persistence.models import Producer, Product
from ocop_desktop.persistence.models.logbooks import LogbookBatch, LogbookBatchMaterial, LogbookMaterial, LogbookSale
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.logbooks import latest_entry_days, recent_entry_products

# The part of the logbook -> its record and table (the CLI's --kind).
PARTS: dict[str, tuple[Record, Any, Any]] = {
    "materials": (LOGBOOK_MATERIAL, LogbookMaterial, LogbookMaterial.received_on),
    "batches": (LOGBOOK_BATCH, LogbookBatch, LogbookBatch.made_on),
    "sales": (LOGBOOK_SALE, LogbookSale, LogbookSale.sold_on),
}


def listed_rows(make_uow: UowFactory, product_id: str, part: str) -> list[dict[str, Any]]:
    """Every entry of one part of a product's logbook, oldest first, keyed by its terminal view's
    columns (a batch lists the codes of the lots it used)."""
    if part not in PARTS:
        raise NotFoundError(
            Text(
                f"Sổ nhật ký không có phần «{part}»; các phần: {', '.join(PARTS)}.",
                f"The logbook has no part «{part}»; the parts: {', '.join(PARTS)}.",
            )
        )
    record, model, day = PARTS[part]
    keys = record.view_keys(TERMINAL)
    with make_uow() as uow:
        s = uow.session
        lots: dict[str, list[str]] = {}
        if part == "batches":
            for batch_id, code in s.execute(
                select(LogbookBatchMaterial.batch_id, LogbookMaterial.lot_code)
                .join(LogbookMaterial, LogbookMaterial.id == LogbookBatchMaterial.material_id)
                .where(LogbookMaterial.product_id == product_id)
                .order_by(LogbookMaterial.lot_code)
            ):
                lots.setdefault(batch_id, []).append(code)
        out = []
        for r in s.scalars(select(model).where(model.product_id == product_id).order_by(day, model.id)):
            row = {k: getattr(r, k) for k in keys if k != "lots"}
            if "lots" in keys:
                row["lots"] = ", ".join(lots.get(r.id, []))
            out.append({k: row[k] for k in keys})
        return out


IDLE_COLUMNS = ("id", "name", "producer", "last_entry_on")


def idle_rows(make_uow: UowFactory, today: date) -> list[dict[str, Any]]:
    """The registry's active products with no logbook entry in the IDLE_DAYS before ``today``, in
    Vietnamese order, each with the day of its newest entry (None: it has none)."""
    with make_uow() as uow:
        s = uow.session
        recent = select(recent_entry_products(today).subquery())
        rows = s.execute(
            select(Product.id, Product.name, Producer.name)
            .outerjoin(Producer, Producer.id == Product.producer_id)
            .where(Product.archived_at.is_(None), Product.id.not_in(recent))
            .order_by(Product.name_sort, Product.id)
        ).all()
        last = latest_entry_days(s, [r[0] for r in rows])
        return [
            {"id": pid, "name": name, "producer": producer or "", "last_entry_on": last.get(pid)}
            for pid, name, producer in rows
        ]
