"""Dossier paperwork (Nghị định 30 layout): the checklist handed to a producer, and the report of incomplete dossiers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from ocop_desktop.domain.documents import DOCUMENT_BY_KEY
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.domain.pipeline import Stage
from ocop_desktop.domain.schema import CANDIDACY, DOSSIER_ITEM, REPORT
from ocop_desktop.exports.report_model import Progress, Report, ReportSection
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.documents import DocumentService
from ocop_desktop.services.dossiers import DossierService
from ocop_desktop.services.pipeline import PipelineService
from ocop_desktop.services.pipeline_types import Dossier, PipelineRow
from ocop_desktop.services.report_columns import numbered_columns
from ocop_desktop.services.report_seal import write_sealed

CHECKLIST, INCOMPLETE = "dossier-checklist", "dossier-missing"


def build_checklist(dossier: Dossier) -> Report:
    """One product's documents for its round: what is there, what is missing, room to tick by hand."""
    section = ReportSection("")
    for item in dossier.items:
        section.rows.append(
            dict(
                stt=len(section.rows) + 1,
                name=item.name,
                required="Bắt buộc" if item.required else "Nếu có",
                status=item.status_label,
                checked_on=item.checked_on,
                note=item.note,
            )
        )
    due = f"; hạn nộp hồ sơ {format_vn_date(dossier.dossier_due_on)}" if dossier.dossier_due_on else ""
    missing = dossier.missing
    notes = [
        f"Còn thiếu {len(missing)} tài liệu bắt buộc: " + "; ".join(i.name for i in missing) + "."
        if missing
        else "Đã đủ các tài liệu bắt buộc."
    ]
    # Whether an item was confirmed in a public source is the office's note (window, terminal), not
    # something to hand a producer on paper.
    return Report(
        kind=CHECKLIST,
        title=DOCUMENT_BY_KEY[CHECKLIST].title,
        subtitle=f"Sản phẩm «{dossier.product}» — đợt đánh giá {dossier.round or '…'}{due}",
        columns=numbered_columns(DOSSIER_ITEM.view(REPORT)),  # domain/schema/pipeline.py
        sections=[section],
        intro=f"Chủ thể: {dossier.producer or '…'}.   Địa bàn: {dossier.unit or '…'}.   "
        f"Bộ tiêu chí: {dossier.rule_set_code}.",
        notes=notes,
    )


def build_incomplete(rows: list[PipelineRow], day: date) -> Report:
    """Products registered whose dossier still lacks a required document, by unit, soonest deadline first."""
    sections: dict[str, ReportSection] = {}
    for row in sorted(rows, key=lambda r: (r.unit, r.dossier_due_on or date.max, r.product)):
        section = sections.setdefault(row.unit, ReportSection(row.unit or "Chưa rõ địa bàn"))
        section.rows.append(
            dict(
                stt=len(section.rows) + 1,
                product=row.product,
                producer=row.producer,
                unit=row.unit,
                round=row.round,
                dossier_due_on=row.dossier_due_on,
                missing=row.missing,
            )
        )
    count = sum(len(s.rows) for s in sections.values())
    return Report(
        kind=INCOMPLETE,
        title=DOCUMENT_BY_KEY[INCOMPLETE].title,
        subtitle="Danh sách sản phẩm đã đăng ký đánh giá, phân hạng OCOP còn thiếu hồ sơ",
        columns=numbered_columns(CANDIDACY.view(REPORT)),  # domain/schema/pipeline.py
        sections=list(sections.values()) or [ReportSection("Không có sản phẩm nào còn thiếu hồ sơ.")],
        intro=f"Tính đến ngày {format_vn_date(day)}, {count} sản phẩm còn thiếu tài liệu bắt buộc trong hồ sơ.",
        landscape=True,
    )


class DossierReports:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def checklist(self, product: str, today: date | None = None) -> Report:
        today = today or date.today()
        header = DocumentService(self._uow).header(CHECKLIST, today)
        report = build_checklist(DossierService(self._uow).dossier(product))
        report.header = header
        return report

    def incomplete(self, unit_id: str | None = None, today: date | None = None) -> Report:
        today = today or date.today()
        header = DocumentService(self._uow).header(INCOMPLETE, today)
        board = PipelineService(self._uow).board(stage=Stage.REGISTERED.value, unit_id=unit_id)
        report = build_incomplete([r for r in board.rows if r.missing_count], today)
        report.header = header
        return report

    def export(
        self,
        report: Report,
        fmt: str,
        path: Path,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Path:
        """Write ``report`` as pdf or xlsx, sealed and signed like every report."""
        return write_sealed(self._uow, report, fmt, path, progress, cancelled)
