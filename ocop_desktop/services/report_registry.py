"""Reports on the product register: the list a province asks for, expiring certificates, the summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import ProductStatus
from ocop_desktop.domain.rules import RuleSet
from ocop_desktop.domain.schema import PRODUCT, REPORT
from ocop_desktop.domain.schema.fields import EXPIRING_REPORT, SUMMARY_REPORT
from ocop_desktop.domain.text import vn_sort_key
from ocop_desktop.exports.report_model import Report, ReportSection
from ocop_desktop.persistence.models import Place, Producer, Product, ProductGroup, ProductSet
from ocop_desktop.services.report_columns import numbered_columns, report_columns
from ocop_desktop.services.report_scope import UNKNOWN_PLACE, PlaceTable, Scope

_IN_SQL = 900  # more units than this are filtered in Python, not as SQL parameters


def product_rows(session: Session, scope: Scope, where: Sequence[ColumnElement[bool]] = ()) -> list[Any]:
    # Plain columns, not ORM objects: fast at 20,000 rows and safe after the session closes.
    query = (
        select(
            Product.name,
            Product.stars,
            Product.score,
            Product.status,
            Product.certificate_no,
            Product.certifying_decision,
            Product.certifying_body,
            Product.certified_on,
            Product.expires_on,
            Producer.name.label("producer"),
            Place.id.label("place_id"),
            ProductGroup.name.label("group"),
            ProductSet.name.label("product_set"),
        )
        .outerjoin(Producer, Producer.id == Product.producer_id)
        .outerjoin(Place, Place.id == Product.commune_id)
        .outerjoin(ProductGroup, ProductGroup.id == Product.group_id)
        .outerjoin(ProductSet, ProductSet.id == Product.product_set_id)
        .where(Product.archived_at.is_(None), *where)
        .order_by(Product.name_sort)
    )
    if scope.ids is not None and len(scope.ids) <= _IN_SQL:
        placed = Product.commune_id.in_(scope.ids)
        query = query.where(placed | Product.commune_id.is_(None) if scope.unplaced else placed)
    return [r for r in session.execute(query) if scope.covers(r.place_id)]


def _today_unit(places: PlaceTable, place_id: str | None, day: date) -> str:
    """The unit of ``day`` a record is grouped under (the main one for a divided commune)."""
    now = places.current(place_id, day)
    return now[0].name if now else UNKNOWN_PLACE


def _where(scope: Scope) -> str:
    return f" trên địa bàn {scope.unit_name[:1].lower()}{scope.unit_name[1:]}" if scope.unit_name else ""


def _decision(r: Any) -> str:  # a row of product_rows()
    """«Số 123/QĐ-UBND ngày 15/03/2024»: the certifying decision, else the certificate number."""
    number = r.certifying_decision or r.certificate_no or ""
    day = f"ngày {r.certified_on:%d/%m/%Y}" if r.certified_on else ""
    return " ".join(x for x in (f"Số {number}" if number else "", day) if x)


def build_products(session: Session, places: PlaceTable, scope: Scope, today: date) -> Report:
    columns = numbered_columns(PRODUCT.view(REPORT), number_width=6)  # domain/schema/records.py
    sections: dict[str, ReportSection] = {}
    rows = product_rows(session, scope)
    places.prefetch(r.place_id for r in rows)
    for r in rows:
        # Reports made after 1 July 2025 group old communes under the unit of today.
        heading = _today_unit(places, r.place_id, today)
        section = sections.setdefault(heading, ReportSection(heading))
        section.rows.append(
            dict(
                stt=len(section.rows) + 1,
                name=r.name,
                producer=r.producer or "",
                place=places.name(r.place_id, today) if r.place_id else "",
                product_set=r.product_set or r.group or "",
                stars=r.stars,
                score=r.score,
                decision=_decision(r),
                certifying_body=r.certifying_body or "",
                expires_on=r.expires_on,
                status=ProductStatus(r.status).label,
            )
        )
    ordered = sorted(sections.values(), key=lambda s: (s.heading == UNKNOWN_PLACE, vn_sort_key(s.heading)))
    if not ordered:
        ordered = [ReportSection(f"Không có sản phẩm nào{_where(scope)}.")]
    return Report(
        kind="products",
        title="BÁO CÁO",
        subtitle=f"Danh sách sản phẩm OCOP{_where(scope)}",
        columns=columns,
        sections=ordered,
        landscape=True,
    )


def legal_basis(rules: RuleSet) -> str:
    """«Căn cứ Quyết định số 26/2026/QĐ-TTg ngày 22/05/2026 của Thủ tướng Chính phủ, …»: what the
    document rests on, never the reference data's own remarks."""
    line = f"Căn cứ Quyết định số {rules.decision} ngày {rules.signed_on:%d/%m/%Y} của Thủ tướng Chính phủ"
    if rules.reevaluation_window_days:
        earliest, latest = rules.reevaluation_window_days
        return (
            f"{line}, chủ thể nộp hồ sơ đánh giá lại từ {earliest} đến {latest} ngày trước khi giấy chứng nhận hết hạn."
        )
    if rules.expiry_warning_days:
        return (
            f"{line}, cơ quan cấp giấy chứng nhận thông báo cho chủ thể ít nhất {rules.expiry_warning_days} "
            "ngày trước khi giấy chứng nhận hết hạn."
        )
    return f"{line}."


def _reevaluation(rules: RuleSet, expires_on: date, today: date) -> str:
    window = rules.reevaluation_window(expires_on)
    if window:
        text = f"từ {window[0]:%d/%m/%Y} đến {window[1]:%d/%m/%Y}"
        if today > window[1]:
            return f"{text} — đã quá thời hạn"
        return f"{text} — đang trong thời hạn" if today >= window[0] else text
    warning = rules.warning_date(expires_on)
    if warning:
        # No filing window under these rules; the issuer's duty to warn the holder is what has a date.
        late = " — đã quá ngày này" if today > warning else ""
        return f"không quy định; cơ quan cấp thông báo cho chủ thể trước {warning:%d/%m/%Y}{late}"
    return ""


def build_expiring(
    session: Session, places: PlaceTable, rules: RuleSet, scope: Scope, months: int, today: date
) -> Report:
    horizon = today + timedelta(days=round(months * 30.5))
    columns = numbered_columns(PRODUCT.view(EXPIRING_REPORT), number_width=6)  # domain/schema/records.py
    certified = Product.status == ProductStatus.CERTIFIED.value
    soon = product_rows(
        session,
        scope,
        (certified, Product.expires_on.is_not(None), Product.expires_on >= today, Product.expires_on <= horizon),
    )
    unknown = product_rows(session, scope, (certified, Product.expires_on.is_(None)))
    places.prefetch(r.place_id for r in (*soon, *unknown))
    what = f"có giấy chứng nhận hết hạn trong {months} tháng tới"
    main = ReportSection("")
    for r in sorted(soon, key=lambda r: r.expires_on):
        main.rows.append(
            dict(
                stt=len(main.rows) + 1,
                name=r.name,
                producer=r.producer or "",
                place=places.name(r.place_id, today),
                stars=r.stars,
                certificate_no=r.certificate_no or "",
                expires_on=r.expires_on,
                days_left=(r.expires_on - today).days,
                reevaluation_deadline=_reevaluation(rules, r.expires_on, today),
            )
        )
    sections = [main]
    if unknown:
        main.heading = f"I. Sản phẩm {what}" + ("" if main.rows else " — Không có sản phẩm nào.")
        rest = ReportSection(f"II. Sản phẩm đã được công nhận nhưng chưa rõ ngày hết hạn ({len(unknown)} sản phẩm)")
        for r in unknown:
            known = f"công nhận ngày {r.certified_on:%d/%m/%Y}; " if r.certified_on else ""
            rest.rows.append(
                dict(
                    stt=len(rest.rows) + 1,
                    name=r.name,
                    producer=r.producer or "",
                    place=places.name(r.place_id, today),
                    stars=r.stars,
                    certificate_no=r.certificate_no or "",
                    reevaluation_deadline=f"{known}chưa rõ ngày hết hạn, hãy bổ sung để tính thời hạn",
                )
            )
        sections.append(rest)
    elif not main.rows:
        main.heading = f"Không có sản phẩm nào {what}."
    return Report(
        kind="expiring",
        title="BÁO CÁO",
        subtitle=f"Sản phẩm OCOP{_where(scope)} {what}",
        columns=columns,
        sections=sections,
        landscape=True,
        intro=legal_basis(rules),
    )


def build_summary(session: Session, places: PlaceTable, scope: Scope, today: date) -> Report:
    rows = product_rows(session, scope)
    places.prefetch(r.place_id for r in rows)
    stars = Counter(r.stars for r in rows if r.stars)
    groups = Counter(r.group or "Chưa phân nhóm" for r in rows)
    statuses = Counter(ProductStatus(r.status).label for r in rows)
    by_place = Counter(_today_unit(places, r.place_id, today) for r in rows)
    columns = report_columns(PRODUCT.view(SUMMARY_REPORT))  # domain/schema/records.py

    def section(title: str, counts: Counter[str], order: list[str] | None = None) -> ReportSection:
        keys = order if order is not None else sorted(counts, key=vn_sort_key)
        return ReportSection(title, [dict(criterion=k, count=counts.get(k, 0)) for k in keys])

    star_labels = {n: f"{n} sao" for n in range(1, 6)}
    star_counts = Counter({star_labels[k]: v for k, v in stars.items()})
    return Report(
        kind="summary",
        title="BÁO CÁO",
        subtitle=f"Tổng hợp sản phẩm OCOP{_where(scope)}",
        columns=columns,
        sections=[
            section("Theo hạng sao", star_counts, [star_labels[n] for n in range(5, 0, -1)]),
            section("Theo nhóm sản phẩm", groups),
            section("Theo địa bàn", by_place),
            section("Theo trạng thái", statuses, [st.label for st in ProductStatus]),
        ],
        intro=f"Tổng số sản phẩm đang quản lý: {len(rows)}.",
        charts=[
            ("Số sản phẩm theo hạng sao", [(star_labels[n], stars.get(n, 0)) for n in range(5, 0, -1)]),
            ("Số sản phẩm theo nhóm", sorted(groups.items(), key=lambda kv: vn_sort_key(kv[0]))),
        ],
    )
