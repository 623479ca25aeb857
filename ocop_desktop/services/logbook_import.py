"""A producer's logbook from the Excel template (three sheets), imported all or nothing.

Re-importing the same workbook changes nothing: a lot or a batch is matched by its code, a sale by
its day, buyer, quantity, unit and price; a batch's lots are what its row lists."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.language import Text
from ocop_desktop.domain.schema.logbooks import LOGBOOK_BATCH, LOGBOOK_MATERIAL, LOGBOOK_SALE, LOTS_USED
from ocop_desktop.domain.text import fold
from ocop_desktop.domain.validation import FieldError, NotFoundError, ValidationError
from ocop_desktop.persistence.hooks import insert_many
from ocop_desktop.persistence.models import Producer, Product, new_id
from ocop_desktop.persistence.models.logbooks import LogbookBatch, LogbookBatchMaterial, LogbookMaterial, LogbookSale
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.exchange.excel_files import ImportRefused, guard, read_sheets
from ocop_desktop.services.logbook_sheets import SheetRows, lot_codes, problem, read_logbook
from ocop_desktop.services.survey_import_rows import SheetProblem

__all__ = ["ImportRefused", "LogbookCheck", "LogbookImportResult", "LogbookImportService"]
KINDS = ("materials", "batches", "links", "sales")


@dataclass(frozen=True)
class LogbookCheck:
    file_name: str
    producer_id: str
    product_id: str
    product: str
    materials: tuple[dict[str, Any], ...]
    batches: tuple[tuple[dict[str, Any], tuple[str, ...]], ...]  # (values, the lot codes it used)
    sales: tuple[dict[str, Any], ...]
    problems: tuple[SheetProblem, ...]
    data_rows: int
    path: str = ""
    digest: str = ""


@dataclass(frozen=True)
class LogbookImportResult:
    check: LogbookCheck
    applied: bool
    added: dict[str, int] = field(default_factory=dict)  # KINDS -> count
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0

    @property
    def total_added(self) -> int:
        return sum(self.added.values())


def _digest(path: Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def _sale_key(v: dict[str, Any]) -> tuple[Any, ...]:
    return (v["sold_on"], fold(v["buyer"]), float(v["quantity"] or 0), fold(v["unit"]), v["unit_price_vnd"])


class LogbookImportService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def _owner(self, session: Session, producer_id: str, product_id: str) -> tuple[Producer, Product]:
        producer = session.get(Producer, producer_id) if producer_id else None
        product = session.get(Product, product_id) if product_id else None
        if producer is None or product is None:
            raise NotFoundError(
                Text(
                    "Không tìm thấy chủ thể hoặc sản phẩm đã chọn; có thể đã bị xóa. Hãy chọn lại.",
                    "The chosen producer or product was not found; it may have been deleted. Choose again.",
                )
            )
        if product.producer_id is not None and product.producer_id != producer.id:
            raise ValidationError(
                [
                    FieldError(
                        "producer_id",
                        Text(
                            f"Sản phẩm «{product.name}» thuộc chủ thể khác, không phải «{producer.name}»; "
                            "hãy chọn đúng chủ thể của sản phẩm.",
                            f"The product «{product.name}» belongs to another producer, not «{producer.name}»; "
                            "choose the product's own producer.",
                        ),
                    )
                ]
            )
        return producer, product

    def check(self, path: Path, producer_id: str, product_id: str, today: date | None = None) -> LogbookCheck:
        """Read the workbook once and report every problem with its sheet, row and column; changes nothing."""
        path = Path(path)
        guard(path)
        digest = _digest(path)
        with self._uow() as uow:
            _producer, product = self._owner(uow.session, producer_id, product_id)
            known_lots = {
                fold(code): code
                for (code,) in uow.session.execute(
                    select(LogbookMaterial.lot_code).where(LogbookMaterial.product_id == product_id)
                )
            }
            product_name = product.name
        problems: list[SheetProblem] = []
        sheets = read_logbook(read_sheets(path), today or date.today(), problems)
        materials, batches, sales = sheets
        self._unique(materials, "lot_code", problems)
        self._unique(batches, "batch_code", problems)
        in_file = {fold(v["lot_code"]) for _n, v in materials.rows}
        batch_rows: list[tuple[dict[str, Any], tuple[str, ...]]] = []
        for number, values in batches.rows:
            codes = tuple(lot_codes(values.pop(LOTS_USED.key, "") or ""))
            unknown = [c for c in codes if fold(c) not in in_file and fold(c) not in known_lots]
            if unknown:
                header, index = batches.lot_cells.get(number, (LOTS_USED.title, None))
                shown = ", ".join(f"«{c}»" for c in unknown)
                problems.append(
                    problem(
                        batches.found,
                        number,
                        header,
                        index,
                        Text(
                            f"không có lô nguyên liệu {shown} trong trang «{materials.title}» hay trong sổ đã nhập; "
                            "hãy ghi đúng mã lô.",
                            f"there is no raw material lot {shown} in the sheet «{materials.title}» nor in the "
                            "logbook already imported; write the lot's code as recorded.",
                        ),
                    )
                )
            batch_rows.append((values, codes))
        data_rows = (
            len(materials.rows) + len(batches.rows) + len(sales.rows) + len({(p.sheet, p.row) for p in problems})
        )
        return LogbookCheck(
            path.name,
            producer_id,
            product_id,
            product_name,
            tuple(v for _n, v in materials.rows),
            tuple(batch_rows),
            tuple(v for _n, v in sales.rows),
            tuple(problems),
            data_rows,
            str(path),
            digest,
        )

    @staticmethod
    def _unique(sheet: SheetRows, key: str, problems: list[SheetProblem]) -> None:
        seen: dict[str, int] = {}
        title = sheet.record.field(key).title
        for number, values in sheet.rows:
            code = fold(values[key])
            if code in seen:
                problems.append(
                    problem(
                        sheet.found,
                        number,
                        title,
                        None,
                        Text(
                            f"mã «{values[key]}» đã ghi ở dòng {seen[code]}; mỗi mã chỉ ghi một dòng.",
                            f"the code «{values[key]}» is already on row {seen[code]}; each code goes on one row.",
                        ),
                    )
                )
            else:
                seen[code] = number

    def import_file(
        self, path: Path, producer_id: str, product_id: str, dry_run: bool = False, today: date | None = None
    ) -> LogbookImportResult:
        return self.apply(self.check(path, producer_id, product_id, today), dry_run=dry_run)

    def apply(self, check: LogbookCheck, dry_run: bool = False) -> LogbookImportResult:
        """Store every row ``check`` read in one transaction, or nothing while any row is wrong or
        the file changed since it was checked."""
        if check.path:
            try:
                same = _digest(Path(check.path)) == check.digest
            except OSError:
                same = False
            if not same:
                raise ImportRefused(
                    Text(
                        f"Tệp {check.file_name} đã bị sửa, thay hoặc xóa sau khi kiểm tra nên chưa nhập dòng nào. "
                        "Hãy kiểm tra lại tệp rồi nhập.",
                        f"The file {check.file_name} was changed, replaced or deleted after it was checked, so no "
                        "row was imported. Check the file again, then import it.",
                    )
                )
        if check.problems:
            raise ValidationError(
                [FieldError(f"{p.sheet}/{p.row}/{p.column}", p.message) for p in check.problems],
                record=Text(
                    f"Tệp {check.file_name}: {len(check.problems)} lỗi; chưa nhập dòng nào. Hãy sửa rồi nhập lại",
                    f"File {check.file_name}: {len(check.problems)} errors; no row was imported. Correct them and "
                    "import again",
                ),
            )
        added = dict.fromkeys(KINDS, 0)
        updated = dict.fromkeys(KINDS, 0)
        unchanged = 0
        with self._uow(context=f"nhập sổ nhật ký {check.file_name}") as uow:
            s = uow.session
            self._owner(s, check.producer_id, check.product_id)
            owner = {"producer_id": check.producer_id, "product_id": check.product_id}
            lots = {
                fold(m.lot_code): m
                for m in s.scalars(select(LogbookMaterial).where(LogbookMaterial.product_id == check.product_id))
            }
            lot_ids = {k: m.id for k, m in lots.items()}
            new_rows: list[dict[str, Any]] = []
            for values in check.materials:
                there = lots.get(fold(values["lot_code"]))
                if there is None:
                    row = {"id": new_id(), **owner, **values}
                    lot_ids[fold(values["lot_code"])] = row["id"]
                    new_rows.append(row)
                elif self._update(there, values, LOGBOOK_MATERIAL.keys):
                    updated["materials"] += 1
                else:
                    unchanged += 1
            insert_many(s, LogbookMaterial, new_rows)
            added["materials"] = len(new_rows)
            batches = {
                fold(b.batch_code): b
                for b in s.scalars(select(LogbookBatch).where(LogbookBatch.product_id == check.product_id))
            }
            links: dict[str, set[str]] = {}
            for batch_id, material_id in s.execute(
                select(LogbookBatchMaterial.batch_id, LogbookBatchMaterial.material_id).where(
                    LogbookBatchMaterial.batch_id.in_(
                        select(LogbookBatch.id).where(LogbookBatch.product_id == check.product_id)
                    )
                )
            ):
                links.setdefault(batch_id, set()).add(material_id)
            new_rows, new_links = [], []
            for values, codes in check.batches:
                there_batch = batches.get(fold(values["batch_code"]))
                if there_batch is None:
                    batch_id = new_id()
                    new_rows.append({"id": batch_id, **owner, **values})
                else:
                    batch_id = there_batch.id
                    if self._update(there_batch, values, LOGBOOK_BATCH.keys):
                        updated["batches"] += 1
                    else:
                        unchanged += 1
                wanted = {lot_ids[fold(c)] for c in codes}
                had = links.get(batch_id, set())
                new_links += [{"batch_id": batch_id, "material_id": m} for m in sorted(wanted - had)]
                gone = had - wanted
                if gone:
                    for link in s.scalars(
                        select(LogbookBatchMaterial).where(
                            LogbookBatchMaterial.batch_id == batch_id, LogbookBatchMaterial.material_id.in_(gone)
                        )
                    ):
                        s.delete(link)
                    updated["links"] += len(gone)
            insert_many(s, LogbookBatch, new_rows)
            insert_many(s, LogbookBatchMaterial, new_links)
            added["batches"], added["links"] = len(new_rows), len(new_links)
            existing = Counter(
                _sale_key({k: getattr(x, k) for k in LOGBOOK_SALE.keys})
                for x in s.scalars(select(LogbookSale).where(LogbookSale.product_id == check.product_id))
            )
            new_rows = []
            for values in check.sales:
                key = _sale_key(values)
                if existing[key] > 0:
                    existing[key] -= 1
                    unchanged += 1
                else:
                    new_rows.append({**owner, **values})
            insert_many(s, LogbookSale, new_rows)
            added["sales"] = len(new_rows)
            s.flush()
            if dry_run:
                uow.rollback()
            else:
                uow.commit()
        return LogbookImportResult(check, not dry_run, added, updated, unchanged)

    @staticmethod
    def _update(record: Any, values: dict[str, Any], keys: tuple[str, ...]) -> bool:
        """Set the sheet's values on a matched record (its code kept as stored); True if any changed."""
        changed = False
        for k in keys:
            if k in ("lot_code", "batch_code"):
                continue
            if k in values and getattr(record, k) != values[k]:
                setattr(record, k, values[k])
                changed = True
        return changed
