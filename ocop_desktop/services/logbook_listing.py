"""A product's logbook as plain rows for `ocop logbook list --format json|csv`: the columns of each record's terminal view."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ocop_desktop.domain.language import Text
from ocop_desktop.domain.schema import TERMINAL, Record
from ocop_desktop.domain.schema.logbooks import LOGBOOK_BATCH, LOGBOOK_MATERIAL, LOGBOOK_SALE
from ocop_desktop.domain.validation import NotFoundError
from ocop_desktop.persistence.models.logbooks import LogbookBatch, LogbookBatchMaterial, LogbookMaterial, LogbookSale
from ocop_desktop.persistence.uow import UowFactory

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
