"""A product's logbook read back: its entries, a year's totals offered to its survey row, a batch's lots, idle products."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from ocop_desktop.domain.language import Text
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.domain.schema import SURVEY_ENTRY
from ocop_desktop.domain.text import fold
from ocop_desktop.domain.validation import FieldError, NotFoundError, StaleDataError, ValidationError, changed_when
from ocop_desktop.persistence.file_version import kept
from ocop_desktop.persistence.models import Product, SurveyEntry
from ocop_desktop.persistence.models.logbooks import LogbookBatch, LogbookBatchMaterial, LogbookMaterial, LogbookSale
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.logbook_offer import OFFERED, SurveyOffer, _entry_label, _same_unit, offer_lines
from ocop_desktop.services.logbook_trace import BatchTrace, Named, TracedLot, find_named, trace_batches

__all__ = [
    "IDLE_DAYS",
    "OFFERED",
    "BatchTrace",
    "LogbookEntry",
    "LogbookService",
    "LogbookTotals",
    "Named",
    "SurveyOffer",
    "TracedLot",
    "find_named",
    "idle_flags",
    "offer_lines",
    "recent_entry_products",
]

IDLE_DAYS = 365  # a product with no logbook entry in twelve months is flagged in the registry


@dataclass(frozen=True)
class LogbookTotals:
    """What one product's logbook says of one year."""

    product_id: str
    product: str
    year: int
    batches: int
    sales: int
    output_quantity: float | None  # the batches' quantities added up (None: no batch, or mixed units)
    unit: str  # the unit of measure the batches and sales share ("" when not one)
    quantity_sold: float | None
    price_vnd: int | None  # average price per unit sold, weighted by quantity, in whole đồng
    problems: tuple[str, ...] = ()  # why a value is not offered, one sentence each

    def values(self) -> dict[str, Any]:
        """The survey row's values these totals give (only those known)."""
        out = {
            "output_quantity": self.output_quantity,
            "unit_of_measure": self.unit or None,
            "quantity_sold": self.quantity_sold,
            "price_vnd": self.price_vnd,
        }
        return {k: v for k, v in out.items() if v is not None}


@dataclass(frozen=True)
class LogbookEntry:
    """One line of a product's logbook as the window lists it (any of the three kinds)."""

    kind: str  # "material", "batch", "sale"
    day: date | None
    code: str  # the lot or batch code ("" for a sale)
    what: str  # the material, the batch's lots, the buyer
    quantity: float | None
    unit: str
    price_vnd: int | None = None


def _units(values: Iterable[str]) -> list[str]:
    """The distinct units written, compared without accents or case, each as first written."""
    seen: dict[str, str] = {}
    for v in values:
        if v and v.strip():
            seen.setdefault(fold(v), v.strip())
    return list(seen.values())


def compute_totals(
    product_id: str,
    product: str,
    year: int,
    batches: list[tuple[float | None, str]],
    sales: list[tuple[float | None, str, int | None]],
) -> LogbookTotals:
    """The year's totals from its batches (quantity, unit) and sales (quantity, unit, price)."""
    problems: list[str] = []
    batch_units, sale_units = _units(u for _q, u in batches), _units(u for _q, u, _p in sales)
    output: float | None = None
    unit = batch_units[0] if len(batch_units) == 1 else ""
    if len(batch_units) > 1:
        problems.append(
            Text(
                f"Các mẻ sản xuất năm {year} ghi nhiều đơn vị tính ({', '.join(batch_units)}) nên không cộng được "
                "sản lượng; hãy ghi một đơn vị tính trong sổ.",
                f"The production batches of {year} use several units ({', '.join(batch_units)}), so the output cannot "
                "be added up; write one unit in the logbook.",
            )
        )
    elif batches:
        output = float(sum(Decimal(repr(q)) for q, _u in batches if q is not None))
    sold: float | None = None
    price: int | None = None
    if len(sale_units) > 1 or (unit and sale_units and fold(sale_units[0]) != fold(unit)):
        shown = ", ".join(_units([*([unit] if unit else []), *sale_units]))
        problems.append(
            Text(
                f"Sổ bán hàng năm {year} ghi đơn vị tính khác với mẻ sản xuất ({shown}) nên không tính được "
                "sản lượng tiêu thụ và giá; hãy ghi cùng một đơn vị tính.",
                f"The sales of {year} use a unit other than the batches' ({shown}), so the quantity sold and the "
                "price cannot be worked out; write the same unit.",
            )
        )
    elif sales:
        unit = unit or (sale_units[0] if sale_units else "")
        sold = float(sum(Decimal(repr(q)) for q, _u, _p in sales if q is not None))
        priced = [(Decimal(repr(q)), Decimal(p)) for q, _u, p in sales if q and p is not None]
        weight = sum((q for q, _p in priced), Decimal(0))
        if weight > 0:
            average = sum((q * p for q, p in priced), Decimal(0)) / weight
            price = int(average.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return LogbookTotals(
        product_id, product, year, len(batches), len(sales), output, unit, sold, price, tuple(problems)
    )


def _year(column: Any, year: int) -> Any:
    return column.between(date(year, 1, 1), date(year, 12, 31))


def _product(session: Session, product_id: str) -> Product:
    product = session.get(Product, product_id) if product_id else None
    if product is None:
        raise NotFoundError(
            Text(
                "Không tìm thấy sản phẩm này; có thể nó đã bị xóa. Hãy chọn lại sản phẩm.",
                "This product was not found; it may have been deleted. Choose the product again.",
            )
        )
    return product


def totals_in(session: Session, product_id: str, year: int) -> LogbookTotals:
    product = _product(session, product_id)
    batches = session.execute(
        select(LogbookBatch.quantity, LogbookBatch.unit).where(
            LogbookBatch.product_id == product_id, _year(LogbookBatch.made_on, year)
        )
    ).all()
    sales = session.execute(
        select(LogbookSale.quantity, LogbookSale.unit, LogbookSale.unit_price_vnd).where(
            LogbookSale.product_id == product_id, _year(LogbookSale.sold_on, year)
        )
    ).all()
    return compute_totals(product.id, product.name, year, [tuple(b) for b in batches], [tuple(s) for s in sales])


def latest_entry_days(session: Session, product_ids: Collection[str] | None = None) -> dict[str, date]:
    """The day of each product's newest logbook entry (of any kind)."""
    parts = [
        select(LogbookMaterial.product_id.label("pid"), LogbookMaterial.received_on.label("day")),
        select(LogbookBatch.product_id, LogbookBatch.made_on),
        select(LogbookSale.product_id, LogbookSale.sold_on),
    ]
    if product_ids is not None:
        ids = sorted(product_ids)
        parts = [p.where(p.selected_columns[0].in_(ids)) for p in parts]
    every = union_all(*parts).subquery()
    rows = session.execute(select(every.c.pid, func.max(every.c.day)).group_by(every.c.pid))
    return {pid: day for pid, day in rows if day is not None}


def recent_entry_products(today: date) -> Any:
    """A select of the ids of products with a logbook entry in the IDLE_DAYS before ``today``
    (the registry's flag: services/product_query.py)."""
    since = today - timedelta(days=IDLE_DAYS)
    return union_all(
        select(LogbookMaterial.product_id).where(LogbookMaterial.received_on > since),
        select(LogbookBatch.product_id).where(LogbookBatch.made_on > since),
        select(LogbookSale.product_id).where(LogbookSale.sold_on > since),
    )


def idle_flags(session: Session, product_ids: list[str], today: date) -> dict[str, bool]:
    """Each of ``product_ids``' logbook flag for the registry (product_query.ProductRow.logbook_idle):
    True for a product with no logbook entry in the IDLE_DAYS before ``today``. The returned map is
    the page's own (read by the window's thread later)."""
    if not product_ids:
        return {}
    since = today - timedelta(days=IDLE_DAYS)
    # The products with a recent entry, read once and kept on the connection until the file
    # changes (persistence/file_version): a keystroke's page asks nothing of the logbooks.
    connection = session.connection()
    recent: frozenset[str] = kept(
        connection, (idle_flags, since), lambda: frozenset(connection.scalars(recent_entry_products(today)))
    )
    return {pid: pid not in recent for pid in product_ids}


class LogbookService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def totals(self, product_id: str, year: int) -> LogbookTotals:
        with self._uow() as uow:
            return totals_in(uow.session, product_id, year)

    def entries(self, product_id: str) -> list[LogbookEntry]:
        """Every line of a product's logbook, newest first."""
        with self._uow() as uow:
            s = uow.session
            _product(s, product_id)
            out = [
                LogbookEntry("material", m.received_on, m.lot_code, m.material, m.quantity, m.unit)
                for m in s.scalars(select(LogbookMaterial).where(LogbookMaterial.product_id == product_id))
            ]
            lots: dict[str, list[str]] = {}
            for batch_id, code in s.execute(
                select(LogbookBatchMaterial.batch_id, LogbookMaterial.lot_code)
                .join(LogbookMaterial, LogbookMaterial.id == LogbookBatchMaterial.material_id)
                .where(LogbookMaterial.product_id == product_id)
                .order_by(LogbookMaterial.lot_code)
            ):
                lots.setdefault(batch_id, []).append(code)
            out += [
                LogbookEntry("batch", b.made_on, b.batch_code, ", ".join(lots.get(b.id, [])), b.quantity, b.unit)
                for b in s.scalars(select(LogbookBatch).where(LogbookBatch.product_id == product_id))
            ]
            out += [
                LogbookEntry("sale", x.sold_on, "", x.buyer, x.quantity, x.unit, x.unit_price_vnd)
                for x in s.scalars(select(LogbookSale).where(LogbookSale.product_id == product_id))
            ]
        return sorted(out, key=lambda e: (e.day or date.min, e.kind, e.code), reverse=True)

    def _entry(self, session: Session, entry_id: str) -> SurveyEntry:
        entry = session.get(SurveyEntry, entry_id) if entry_id else None
        if entry is None:
            raise NotFoundError(
                Text(
                    "Không tìm thấy dòng rà soát này; có thể nó đã bị xóa. Hãy tải lại danh sách.",
                    "This survey row was not found; it may have been deleted. Reload the list.",
                )
            )
        if entry.product_id is None:
            product = SURVEY_ENTRY.field("product_id")
            raise ValidationError(
                [
                    FieldError(
                        "product_id",
                        Text(
                            f"«{product.label}» chưa được chọn trong sổ sản phẩm nên chưa có sổ nhật ký để lấy số liệu; "
                            "hãy gắn dòng với sản phẩm trước.",
                            f"«{product.label_en}» is not chosen from the registry, so there is no logbook to take "
                            "figures from; link the row to its product first.",
                        ),
                    )
                ],
                record=_entry_label(entry),
            )
        return entry

    def survey_offer(self, entry_id: str) -> SurveyOffer:
        """What the logbook of a survey row's product gives for the campaign's year, beside what the row holds."""
        with self._uow() as uow:
            entry = self._entry(uow.session, entry_id)
            assert entry.product_id is not None  # _entry refuses a row without one
            totals = totals_in(uow.session, entry.product_id, entry.campaign.year)
            current = {k: getattr(entry, SURVEY_ENTRY.field(k).stored) for k in OFFERED}
            return SurveyOffer(
                entry.id, entry.updated_at, entry.product_name, entry.campaign.year, totals, current, totals.values()
            )

    def accept_offer(self, offer: SurveyOffer, keys: Collection[str]) -> list[str]:
        """Write the offered values of ``keys`` into the survey row (the officer chose them), unless
        the row or the logbook changed since the offer was shown; returns the fields written."""
        unknown = [k for k in keys if k not in offer.offered]
        if unknown:
            labels = ", ".join(f"«{SURVEY_ENTRY.field(k).label}»" for k in unknown if k in OFFERED) or "?"
            raise ValidationError(
                [
                    FieldError(
                        unknown[0],
                        Text(
                            f"Sổ nhật ký không cho giá trị của {labels}; không thay gì.",
                            f"The logbook gives no value for {labels}; nothing was changed.",
                        ),
                    )
                ]
            )
        _same_unit(offer, keys)
        with self._uow(context=f"lấy số liệu sổ nhật ký năm {offer.campaign_year}") as uow:
            s = uow.session
            entry = self._entry(s, offer.entry_id)
            record = _entry_label(entry)
            if entry.updated_at != offer.version:
                raise StaleDataError(
                    [
                        Text(
                            f"Dòng đã được sửa ở nơi khác {changed_when(entry.updated_at)}",
                            f"The row was changed elsewhere {changed_when(entry.updated_at).en}",
                        )
                    ],
                    record=record,
                )
            assert entry.product_id is not None
            if totals_in(s, entry.product_id, offer.campaign_year) != offer.totals:
                raise StaleDataError(
                    [Text("Sổ nhật ký của sản phẩm đã thay đổi", "The product's logbook changed")], record=record
                )
            closed = entry.campaign.closed_on
            if closed is not None:
                raise ValidationError(
                    [
                        FieldError(
                            "closed_on",
                            Text(
                                f"Đợt rà soát năm {offer.campaign_year} đã kết thúc ngày {format_vn_date(closed)} "
                                "nên không sửa được dòng; hãy mở lại đợt trước.",
                                f"The survey round of {offer.campaign_year} was closed on {format_vn_date(closed)}, "
                                "so its rows cannot be changed; reopen the round first.",
                            ),
                        )
                    ],
                    record=record,
                )
            written = [k for k in OFFERED if k in keys]
            for k in written:
                setattr(entry, SURVEY_ENTRY.field(k).stored, offer.offered[k])
            uow.commit()
        return written

    def trace(self, batch_code: str, product_id: str | None = None) -> list[BatchTrace]:
        """The batches coded ``batch_code`` (any case and accents; of one product if given), each
        with the raw material lots it used (services/logbook_trace.py)."""
        with self._uow() as uow:
            return trace_batches(uow.session, batch_code, product_id)

    def idle_products(self, today: date | None = None) -> set[str]:
        """Ids of active products with no logbook entry in the IDLE_DAYS before ``today``."""
        with self._uow() as uow:
            recent = recent_entry_products(today or date.today())
            rows = uow.session.scalars(
                select(Product.id).where(Product.archived_at.is_(None), Product.id.not_in(select(recent.subquery())))
            )
            return set(rows)
