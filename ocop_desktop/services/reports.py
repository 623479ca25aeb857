"""The reports of issue 4, assembled from the database as format-free Report objects."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

from sqlalchemy import select

from ocop_desktop.domain.enums import ProductStatus, SubmissionStatus, TaskStatus
from ocop_desktop.domain.rules import rule_set_in_force
from ocop_desktop.domain.text import has_controls, strip_controls, vn_sort_key
from ocop_desktop.domain.validation import NotFoundError
from ocop_desktop.exports.report_model import Progress, Report, ReportColumn as C, ReportSection
from ocop_desktop.persistence.models import (
    Directive, Place, Producer, Product, ProductGroup, SurveyCampaign, SurveyEntry, Task, TaskProgress,
)
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services import reference
from ocop_desktop.services.report_settings import read_report_settings

KINDS = ("survey", "products", "expiring", "tasks", "summary", "survey-form")

SURVEY_COLUMNS = [
    C("stt", "STT", "int", 7), C("product_name", "Tên sản phẩm", "text", 24), C("producer", "Chủ thể", "text", 20),
    C("situation", "Tình hình sản xuất", "text", 18), C("output", "Sản lượng", "number", 11),
    C("uom", "Đơn vị tính", "text", 9), C("sold", "Sản lượng tiêu thụ", "number", 11),
    C("price", "Giá tiêu thụ (đồng)", "money", 13), C("area", "Diện tích vùng nguyên liệu (ha)", "number", 12, total=True),
    C("proposed", "Đề xuất tham gia OCOP năm", "text", 10), C("notes", "Ghi chú", "text", 14),
]


@dataclass(frozen=True)
class ReportOptions:
    """What the report dialog offers: campaigns with their units, directives."""

    campaigns: tuple[tuple[int, tuple[tuple[str, str], ...]], ...]  # (year, ((unit code, unit name), …))
    directives: tuple[tuple[str, str], ...]  # (id, label)


@dataclass(frozen=True)
class ReportRequest:
    kind: str
    campaign_year: int | None = None
    unit_code: str | None = None
    months: int = 6
    directive_id: str | None = None
    today: date | None = None


def _unit_heading(sub) -> str:
    status = SubmissionStatus(sub.status)
    if sub.submitted_on:
        return f"{sub.unit.name} — {status.label.lower()} ngày {sub.submitted_on:%d/%m/%Y}"
    return f"{sub.unit.name} — {status.label.lower()}"


def _clean_text(report: Report) -> None:
    """Control and bidi-override characters stored before the flush hook dropped them must not
    reorder a name on paper ("\u202egpj.exe" printing as "exe.jpg")."""
    for section in report.sections:
        section.heading = strip_controls(section.heading, multiline=False)
        for row in section.rows:
            for key, value in row.items():
                if isinstance(value, str) and has_controls(value):
                    row[key] = strip_controls(value)


class ReportService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def build(self, request: ReportRequest) -> Report:
        if request.kind not in KINDS:
            raise NotFoundError(f"Không có loại báo cáo «{request.kind}». Các loại: {', '.join(KINDS)}.")
        today = request.today or date.today()
        builder: Callable[[ReportRequest, date], Report] = getattr(self, "_" + request.kind.replace("-", "_"))
        report = builder(request, today)
        report.header = read_report_settings(self._uow).header(today)
        _clean_text(report)
        return report

    def options(self) -> ReportOptions:
        with self._uow() as uow:
            campaigns = []
            for c in uow.session.scalars(select(SurveyCampaign).order_by(SurveyCampaign.year.desc())):
                units = sorted(((s.unit.code or "", s.unit.name) for s in c.submissions if s.unit.code),
                               key=lambda u: vn_sort_key(u[1]))
                campaigns.append((c.year, tuple(units)))
            directives = tuple(
                (d.id, " ".join(x for x in (f"Số {d.number}" if d.number else "", d.issuer,
                                            d.issued_on.strftime("%d/%m/%Y") if d.issued_on else d.issued_text) if x))
                for d in uow.session.scalars(select(Directive).order_by(Directive.created_at.desc()))
            )
        return ReportOptions(tuple(campaigns), directives)

    def export(self, request: ReportRequest, fmt: str, path: Path, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None) -> Path:
        """Write the report as xlsx or pdf; a cancelled or failed export leaves no file."""
        report = self.build(request)
        if fmt == "xlsx":
            from ocop_desktop.exports.excel import write_xlsx
            return write_xlsx(report, path, progress, cancelled)
        if fmt == "pdf":
            from ocop_desktop.exports.pdf import write_pdf
            return write_pdf(report, path, progress, cancelled)
        raise NotFoundError(f"Định dạng «{fmt}» không được hỗ trợ; hãy chọn xlsx hoặc pdf.")

    # -- survey ---------------------------------------------------------------------------
    def _campaign(self, uow, year: int | None) -> SurveyCampaign:
        query = select(SurveyCampaign).order_by(SurveyCampaign.year.desc())
        if year is not None:
            query = query.where(SurveyCampaign.year == year)
        campaign = uow.session.scalars(query).first()
        if campaign is None:
            raise NotFoundError(
                f"Không có đợt rà soát năm {year}." if year else "Chưa có đợt rà soát nào; hãy tạo đợt rà soát trước."
            )
        return campaign

    def _unit(self, uow, code: str | None) -> Place | None:
        if not code:
            return None
        # A 2025 commune may reuse an old one's code: the unit in force, which covers the old one.
        unit = uow.session.scalars(select(Place).where(Place.code == code)
                                   .order_by(Place.valid_to.is_not(None), Place.valid_to.desc())).first()
        if unit is None:
            raise NotFoundError(f"Không có đơn vị hành chính mã {code}; hãy kiểm tra mã ĐVHC.")
        return unit

    def _survey(self, request: ReportRequest, today: date) -> Report:
        with self._uow() as uow:
            campaign = self._campaign(uow, request.campaign_year)
            unit = self._unit(uow, request.unit_code)
            # Every reporting unit gets its section, so the receiving office sees who has not
            # reported as plainly as who has; the heading says whether and when it submitted.
            sections: dict[str, ReportSection] = {}
            reporting = sorted(campaign.submissions, key=lambda sub: vn_sort_key(sub.unit.name))
            for sub in reporting:
                if unit is None or sub.unit_id == unit.id:
                    sections[sub.unit_id] = ReportSection(_unit_heading(sub), subtotal=True)
            query = select(SurveyEntry).where(SurveyEntry.campaign_id == campaign.id)
            if unit is not None:
                query = query.where(SurveyEntry.unit_id == unit.id)
            for entry in uow.session.scalars(query.order_by(SurveyEntry.unit_id, SurveyEntry.position)):
                section = sections.setdefault(entry.unit_id, ReportSection(entry.unit.name, subtotal=True))
                section.rows.append(dict(
                    stt=len(section.rows) + 1, product_name=entry.product_name, producer=entry.producer_name,
                    situation=entry.production_situation, output=entry.output_quantity, uom=entry.unit_of_measure,
                    sold=entry.quantity_sold, price=entry.price_vnd, area=entry.raw_material_area_ha,
                    # A year is a label, not a quantity: no thousands separator.
                    proposed=str(entry.proposed_year) if entry.proposed_year else "", notes=entry.notes,
                ))
            letter = campaign.issuing_letter
            year = campaign.year
        where = f" của {unit.name}" if unit is not None else ""
        intro = (f"Thực hiện {letter}, " if letter else "") + f"kết quả rà soát sản phẩm{where} như sau:"
        return Report(
            kind="survey", title="BÁO CÁO",
            subtitle=f"Kết quả rà soát sản phẩm tham gia Chương trình OCOP năm {year}",
            columns=SURVEY_COLUMNS, sections=list(sections.values()) or [ReportSection("")],
            intro=intro, grand_total=unit is None, landscape=True,
        )

    def _survey_form(self, request: ReportRequest, today: date) -> Report:
        year = request.campaign_year or today.year
        return Report(
            kind="survey-form", title="PHIẾU RÀ SOÁT SẢN PHẨM",
            subtitle=f"Tham gia Chương trình OCOP năm {year}",
            columns=SURVEY_COLUMNS, sections=[ReportSection("")], landscape=True, blank_rows=12,
            intro="Đơn vị (xã, phường, thị trấn): ......................................   "
                  "Người rà soát: ......................................   Ngày: ....../....../.........",
        )

    # -- registry ---------------------------------------------------------------------------
    def _products_rows(self, uow, where=()):
        # Plain columns, not ORM objects: fast at 20,000 rows and safe after the session closes.
        query = (
            select(Product.name, Product.stars, Product.status, Product.certificate_no, Product.certified_on,
                   Product.expires_on, Producer.name.label("producer"), Place.id.label("place_id"),
                   Place.name.label("place"), ProductGroup.name.label("group"))
            .outerjoin(Producer, Producer.id == Product.producer_id)
            .outerjoin(Place, Place.id == Product.commune_id)
            .outerjoin(ProductGroup, ProductGroup.id == Product.group_id)
            .where(Product.archived_at.is_(None), *where)
            .order_by(Product.name_sort)
        )
        return uow.session.execute(query).all()

    def _products(self, request: ReportRequest, today: date) -> Report:
        columns = [
            C("stt", "STT", "int", 7), C("name", "Tên sản phẩm", "text", 26), C("producer", "Chủ thể", "text", 20),
            C("place", "Địa bàn", "text", 15), C("group", "Nhóm", "text", 13), C("stars", "Hạng sao", "stars", 7),
            C("certificate", "Số giấy chứng nhận", "text", 13), C("certified_on", "Ngày công nhận", "date", 11),
            C("expires_on", "Hết hạn", "date", 11), C("status", "Trạng thái", "text", 12),
        ]
        with self._uow() as uow:
            places = {p.id: p for p in uow.session.execute(select(Place.id, Place.name, Place.successor_id))}
            sections: dict[str, ReportSection] = {}
            for r in self._products_rows(uow):
                # Reports made after 1 July 2025 group old communes under their successor.
                current = places.get(r.place_id)
                while current is not None and current.successor_id and current.successor_id in places:
                    current = places[current.successor_id]
                heading = current.name if current is not None else "Chưa rõ địa bàn"
                section = sections.setdefault(heading, ReportSection(heading))
                section.rows.append(dict(
                    stt=len(section.rows) + 1, name=r.name, producer=r.producer or "", place=r.place or "",
                    group=r.group or "", stars=r.stars, certificate=r.certificate_no or "",
                    certified_on=r.certified_on, expires_on=r.expires_on, status=ProductStatus(r.status).label,
                ))
        ordered = sorted(sections.values(), key=lambda s: (s.heading == "Chưa rõ địa bàn", vn_sort_key(s.heading)))
        return Report(kind="products", title="DANH SÁCH", subtitle="Sản phẩm OCOP trên địa bàn",
                      columns=columns, sections=ordered or [ReportSection("")], landscape=True)

    def _expiring(self, request: ReportRequest, today: date) -> Report:
        horizon = today + timedelta(days=round(request.months * 30.5))
        columns = [
            C("stt", "STT", "int", 7), C("name", "Tên sản phẩm", "text", 26), C("producer", "Chủ thể", "text", 18),
            C("place", "Địa bàn", "text", 14), C("stars", "Hạng sao", "stars", 7),
            C("certificate", "Số giấy chứng nhận", "text", 13), C("expires_on", "Hết hạn", "date", 11),
            C("days", "Còn (ngày)", "int", 8), C("deadline", "Hạn nộp hồ sơ đánh giá lại", "text", 20),
        ]
        with self._uow() as uow:
            rules = rule_set_in_force(reference.rule_sets(uow), today)
            rows = self._products_rows(uow, (
                Product.status == ProductStatus.CERTIFIED.value, Product.expires_on.is_not(None),
                Product.expires_on >= today, Product.expires_on <= horizon))
        section = ReportSection("")
        for r in sorted(rows, key=lambda r: r.expires_on):
            window = rules.reevaluation_window(r.expires_on)
            warning = rules.warning_date(r.expires_on)
            if window:
                deadline = f"từ {window[0]:%d/%m/%Y} đến {window[1]:%d/%m/%Y}"
            elif warning:
                deadline = f"thông báo trước {warning:%d/%m/%Y}"
            else:
                deadline = ""
            section.rows.append(dict(
                stt=len(section.rows) + 1, name=r.name, producer=r.producer or "", place=r.place or "",
                stars=r.stars, certificate=r.certificate_no or "", expires_on=r.expires_on,
                days=(r.expires_on - today).days, deadline=deadline,
            ))
        return Report(
            kind="expiring", title="DANH SÁCH",
            subtitle=f"Sản phẩm OCOP có giấy chứng nhận hết hạn trong {request.months} tháng tới",
            columns=columns, sections=[section], landscape=True,
            notes=[f"Theo {rules.decision}: {rules.notes}"] if rules.notes else [],
        )

    # -- tasks and summary -----------------------------------------------------------------------
    def _tasks(self, request: ReportRequest, today: date) -> Report:
        columns = [
            C("stt", "STT", "int", 7), C("assignee", "Đơn vị thực hiện", "text", 18), C("title", "Nhiệm vụ", "text", 34),
            C("due", "Hạn", "date", 10), C("status", "Trạng thái", "text", 12),
            C("progress", "Tiến độ gần nhất", "text", 26), C("overdue", "Quá hạn", "text", 9),
        ]
        with self._uow() as uow:
            query = select(Directive).order_by(Directive.created_at.desc())
            if request.directive_id:
                query = query.where(Directive.id == request.directive_id)
            directive = uow.session.scalars(query).first()
            if directive is None:
                raise NotFoundError("Không tìm thấy văn bản chỉ đạo; hãy kiểm tra mã văn bản.")
            section = ReportSection("")
            tasks = uow.session.scalars(select(Task).where(Task.directive_id == directive.id).order_by(Task.position))
            for task in tasks:
                last = uow.session.scalars(select(TaskProgress).where(TaskProgress.task_id == task.id)
                                           .order_by(TaskProgress.noted_on.desc())).first()
                open_ = task.status in (TaskStatus.NEW.value, TaskStatus.IN_PROGRESS.value)
                late = open_ and task.due_on is not None and task.due_on < today
                section.rows.append(dict(
                    stt=len(section.rows) + 1, assignee=task.assignee, title=task.title, due=task.due_on,
                    status=TaskStatus(task.status).label,
                    progress=f"{last.noted_on:%d/%m/%Y}: {last.text}" if last else "",
                    overdue=f"Quá hạn {(today - task.due_on).days} ngày" if late else "",
                ))
            label = f"văn bản số {directive.number}" if directive.number else "văn bản"
            subtitle = f"Tình hình thực hiện nhiệm vụ theo {label} của {directive.issuer}".strip()
            intro = directive.subject
        return Report(kind="tasks", title="BÁO CÁO", subtitle=subtitle, columns=columns, sections=[section],
                      intro=intro, landscape=True)

    def _summary(self, request: ReportRequest, today: date) -> Report:
        with self._uow() as uow:
            rows = self._products_rows(uow)
            places = {p.id: p for p in uow.session.execute(select(Place.id, Place.name, Place.successor_id))}
        stars = Counter(r.stars for r in rows if r.stars)
        groups = Counter(r.group or "Chưa phân nhóm" for r in rows)
        statuses = Counter(ProductStatus(r.status).label for r in rows)
        by_place: Counter[str] = Counter()
        for r in rows:
            current = places.get(r.place_id)
            while current is not None and current.successor_id in places:
                current = places[current.successor_id]
            by_place[current.name if current else "Chưa rõ địa bàn"] += 1
        columns = [C("label", "Tiêu chí", "text", 40), C("count", "Số sản phẩm", "int", 14, total=False)]

        def section(title: str, counts: Counter, order=None) -> ReportSection:
            keys = order if order is not None else sorted(counts, key=vn_sort_key)
            return ReportSection(title, [dict(label=k, count=counts.get(k, 0)) for k in keys])

        star_labels = {n: f"{n} sao" for n in range(1, 6)}
        star_counts = Counter({star_labels[k]: v for k, v in stars.items()})
        return Report(
            kind="summary", title="BÁO CÁO", subtitle="Tổng hợp sản phẩm OCOP",
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
