"""Label, barcode and trademark follow-up: the product's fields, the «nhãn chưa đạt» filter and its report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, false, func, not_, or_, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.labels import LabelInfo, LabelItem, label_gaps, label_problems
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.schema import PRODUCT
from ocop_desktop.domain.schema.labels import LABEL_REPORT
from ocop_desktop.domain.text import clean, vn_sort_key
from ocop_desktop.domain.validation import FieldError
from ocop_desktop.exports.report_model import Report, ReportSection
from ocop_desktop.persistence.models import Place, Producer, Product
from ocop_desktop.services import reference
from ocop_desktop.services.report_columns import numbered_columns
from ocop_desktop.services.report_scope import UNKNOWN_PLACE, PlaceTable, Scope

__all__ = [
    "LabelInfo",
    "apply_label",
    "build_labels",
    "gaps_of",
    "incomplete_condition",
    "label_errors",
    "label_info",
    "label_items",
    "listed_rows",
]

_IN_SQL = 900  # more units than this are filtered in Python, not as SQL parameters


LABEL_SECTION = "nhan"  # the checklist's section of what the label says; the others have fields of their own


def label_items() -> list[LabelItem]:
    """The label checklist's items (editable reference data). Only the label section's required
    items count as gaps: the barcode, traceability and trademark sections are followed up by the
    product's own fields (a barcode, a GS1 prefix, a QR link, a certificate number), not by ticks."""
    data = reference.read_json("reference/checklist.json")
    return [
        LabelItem(i["code"], i["name"], bool(i.get("optional")) or i["section"] != LABEL_SECTION) for i in data["items"]
    ]


def label_info(p: Any) -> LabelInfo:
    """The follow-up fields of a stored product (an ORM object or a row with the same names)."""
    return LabelInfo(
        trademark_application_no=p.trademark_application_no or "",
        trademark_filed_on=p.trademark_filed_on,
        trademark_certificate_no=p.trademark_certificate_no or "",
        trademark_owner=p.trademark_owner or "",
        gs1_prefix=p.gs1_prefix or "",
        gs1_valid_until=p.gs1_valid_until,
        trace_link=p.trace_link or "",
    )


def label_errors(info: LabelInfo, ean13: str, today: date) -> list[FieldError]:
    """The product form's refusals of ``info`` (``ean13``: the product's checked barcode or "")."""
    return [FieldError(key, message) for key, message in label_problems(info, ean13, today)]


def apply_label(product: Product, info: LabelInfo) -> None:
    """Store ``info`` (already checked by label_errors) on ``product``; empty values as none."""
    product.trademark_application_no = clean(info.trademark_application_no) or None
    product.trademark_filed_on = info.trademark_filed_on
    product.trademark_certificate_no = clean(info.trademark_certificate_no) or None
    product.trademark_owner = clean(info.trademark_owner) or None
    product.gs1_prefix = clean(info.gs1_prefix) or None
    product.gs1_valid_until = info.gs1_valid_until
    product.trace_link = clean(info.trace_link) or None


def gaps_of(checklist: dict[str, Any], ean13: str, info: LabelInfo, today: date) -> list[Text]:
    """What a product's label, barcode and trademark still lack (empty: «nhãn đạt»)."""
    return label_gaps(checklist, label_items(), ean13, info, today)


def _empty(column: Any) -> ColumnElement[bool]:
    return func.coalesce(column, "") == ""


def incomplete_condition(today: date, items: Sequence[LabelItem] | None = None) -> ColumnElement[bool]:
    """SQL for «nhãn chưa đạt»: the products label_gaps finds something missing in, in the
    database (SQLite and PostgreSQL alike: the JSON items read through SQLAlchemy's JSON type)."""
    required = [i.code for i in (label_items() if items is None else items) if not i.optional]
    return or_(
        *(not_(func.coalesce(Product.checklist[code].as_boolean(), false())) for code in required),
        _empty(Product.ean13),
        _empty(Product.gs1_prefix),
        Product.gs1_valid_until.is_(None),
        Product.gs1_valid_until < today,
        _empty(Product.trace_link),
        _empty(Product.trademark_certificate_no),
    )


def _rows(session: Session, scope: Scope, today: date) -> list[Any]:
    query = (
        select(
            Product.name,
            Product.checklist,
            Product.ean13,
            Product.trademark_application_no,
            Product.trademark_filed_on,
            Product.trademark_certificate_no,
            Product.trademark_owner,
            Product.gs1_prefix,
            Product.gs1_valid_until,
            Product.trace_link,
            Producer.name.label("producer"),
            Place.id.label("place_id"),
        )
        .outerjoin(Producer, Producer.id == Product.producer_id)
        .outerjoin(Place, Place.id == Product.commune_id)
        .where(Product.archived_at.is_(None), incomplete_condition(today))
        .order_by(Product.name_sort)
    )
    if scope.ids is not None and len(scope.ids) <= _IN_SQL:
        placed = Product.commune_id.in_(scope.ids)
        query = query.where(placed | Product.commune_id.is_(None) if scope.unplaced else placed)
    return [r for r in session.execute(query) if scope.covers(r.place_id)]


def _where(scope: Scope) -> str:
    return f" trên địa bàn {scope.unit_name[:1].lower()}{scope.unit_name[1:]}" if scope.unit_name else ""


def build_labels(session: Session, places: PlaceTable, scope: Scope, today: date) -> Report:
    """The products whose label, barcode, traceability or trademark is incomplete, by unit of
    ``today``, each with what it still lacks."""
    columns = numbered_columns(PRODUCT.view(LABEL_REPORT), number_width=6)  # domain/schema/labels.py
    items = label_items()
    sections: dict[str, ReportSection] = {}
    count = 0
    rows = _rows(session, scope, today)
    places.prefetch(r.place_id for r in rows)
    for r in rows:
        gaps = label_gaps(r.checklist or {}, items, r.ean13 or "", label_info(r), today)
        if not gaps:
            continue  # the SQL and the words agree; a row without words would be a bug, not a gap
        now = places.current(r.place_id, today)
        heading = now[0].name if now else UNKNOWN_PLACE
        section = sections.setdefault(heading, ReportSection(heading))
        section.rows.append(
            dict(
                stt=len(section.rows) + 1,
                name=r.name,
                producer=r.producer or "",
                place=places.name(r.place_id, today) if r.place_id else "",
                ean13=r.ean13 or "",
                trademark_certificate_no=r.trademark_certificate_no or "",
                label_gaps="; ".join(gaps) + ".",
            )
        )
        count += 1
    ordered = sorted(sections.values(), key=lambda s: (s.heading == UNKNOWN_PLACE, vn_sort_key(s.heading)))
    if not ordered:
        ordered = [ReportSection(f"Không có sản phẩm nào có nhãn, mã vạch hoặc nhãn hiệu chưa đạt{_where(scope)}.")]
    return Report(
        kind="labels",
        title="BÁO CÁO",
        subtitle=f"Sản phẩm có nhãn hàng hóa, mã số mã vạch, truy xuất nguồn gốc hoặc nhãn hiệu chưa đạt{_where(scope)}",
        columns=columns,
        sections=ordered,
        landscape=True,
        intro=(
            "Căn cứ Nghị định số 43/2017/NĐ-CP ngày 14/4/2017 của Chính phủ về nhãn hàng hóa (sửa đổi, bổ sung "
            f"bởi Nghị định số 111/2021/NĐ-CP), số sản phẩm còn thiếu thông tin ghi nhãn, mã số mã vạch, truy xuất "
            f"nguồn gốc hoặc nhãn hiệu: {count}."
        ),
    )


def listed_rows(products: Sequence[Any], today: date | None = None) -> list[dict[str, Any]]:
    """`ocop products list` rows of ProductDTOs: their fields, the follow-up ones beside the others
    (not nested) and what each still lacks («label_gaps», empty when its label is complete)."""
    day, items = today or date.today(), label_items()
    out = []
    for p in products:
        row = asdict(p)
        row.update(row.pop("label"))
        gaps = label_gaps(p.checklist, items, p.ean13, p.label, day)
        row["label_gaps"] = "; ".join(gaps)
        out.append(row)
    return out
