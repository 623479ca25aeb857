"""The year's activities report: activities counted by kind and by organising unit, then each fair with its sales."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.numbers import format_vn_number
from ocop_desktop.domain.schema import ACTIVITY, REPORT
from ocop_desktop.domain.schema.activities import ActivityKind
from ocop_desktop.domain.text import vn_sort_key
from ocop_desktop.exports.report_model import Report, ReportSection
from ocop_desktop.persistence.models import Activity
from ocop_desktop.services.activities import activity_dtos
from ocop_desktop.services.activity_types import ActivityDTO
from ocop_desktop.services.report_columns import numbered_columns
from ocop_desktop.services.report_scope import PlaceTable, Scope

NO_UNIT = "Chưa ghi đơn vị tổ chức"


def _totals(rows: list[ActivityDTO]) -> dict[str, int]:
    return dict(
        count=len(rows),
        participants=sum(r.participants or 0 for r in rows),
        sales=sum(r.sales or 0 for r in rows),
        contracts=sum(r.contracts or 0 for r in rows),
    )


def _unit_order(name: str) -> tuple[bool, tuple[object, ...]]:
    return name == NO_UNIT, vn_sort_key(name)


def fair_line(fair: ActivityDTO) -> str:
    """«Hội chợ OCOP 2024 (05/07/2024 – 08/07/2024, TP. Điện Biên Phủ, trong tỉnh; Sở Công Thương tổ chức).
    Sản phẩm: A; B; C»."""
    where = "trong tỉnh" if fair.in_province else "ngoài tỉnh"
    details = ", ".join(x for x in (fair.dates, fair.place, where) if x)
    if fair.organiser:
        details += f"; {fair.organiser} tổ chức"
    line = f"{fair.title} ({details})"
    if fair.product_list:
        line += ". Sản phẩm: " + "; ".join(
            p.name + (f" ({format_vn_number(p.sales)} đồng)" if p.sales else "") for p in fair.product_list
        )
    return line


def build_activities(session: Session, places: PlaceTable, scope: Scope, year: int, today: date) -> Report:
    query = (
        select(Activity)
        .where(extract("year", Activity.held_on) == year)
        .order_by(Activity.held_on, Activity.created_at, Activity.id)
    )
    rows = [a for a in activity_dtos(session, list(session.scalars(query).unique())) if scope.covers(a.unit_id)]
    by_kind: dict[str, list[ActivityDTO]] = defaultdict(list)
    by_unit: dict[str, list[ActivityDTO]] = defaultdict(list)
    places.prefetch(r.unit_id for r in rows)
    for r in rows:
        by_kind[r.kind].append(r)
        by_unit[places.name(r.unit_id, today) if r.unit_id else NO_UNIT].append(r)
    kinds = ReportSection(
        "I. Số hoạt động theo loại",
        [dict(stt=i, criterion=k.label, **_totals(by_kind.get(k.value, []))) for i, k in enumerate(ActivityKind, 1)],
        subtotal=True,
    )
    units = ReportSection(
        "II. Số hoạt động theo đơn vị tổ chức",
        [
            dict(stt=i, criterion=name, **_totals(by_unit[name]))
            for i, name in enumerate(sorted(by_unit, key=_unit_order), 1)
        ],
        subtotal=True,
    )
    fairs = [r for r in rows if r.kind == ActivityKind.FAIR.value]
    fair_section = ReportSection(
        "III. Hội chợ, hội nghị xúc tiến thương mại",
        [dict(stt=i, criterion=fair_line(f), **_totals([f])) for i, f in enumerate(fairs, 1)],
        subtotal=bool(fairs),
    )
    if not fairs:
        fair_section.heading += ": không có trong năm."
    where = f" trên địa bàn {scope.unit_name[:1].lower()}{scope.unit_name[1:]}" if scope.unit_name else ""
    total = _totals(rows)
    sales = format_vn_number(total["sales"])
    return Report(
        kind="activities",
        title="BÁO CÁO",
        subtitle=f"Kết quả hoạt động hỗ trợ, tập huấn, tuyên truyền và xúc tiến thương mại năm {year}{where}",
        columns=numbered_columns(ACTIVITY.view(REPORT)),  # domain/schema/activities.py
        sections=[kinds, units, fair_section],
        intro=(
            f"Trong năm {year} đã tổ chức {total['count']} hoạt động với {total['participants']} lượt người tham gia; "
            f"{len(fairs)} hội chợ, hội nghị xúc tiến thương mại đạt doanh thu {sales} đồng "
            f"và {total['contracts']} hợp đồng."
        ),
        landscape=True,
    )
