"""The reports of issue 4, assembled from the database as format-free Report objects."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from ocop_desktop.domain import formatting
from ocop_desktop.domain.documents import DOCUMENT_BY_KEY
from ocop_desktop.domain.language import Text
from ocop_desktop.domain.rules import rule_set_in_force
from ocop_desktop.domain.text import has_controls, strip_controls, vn_sort_key
from ocop_desktop.domain.validation import NotFoundError
from ocop_desktop.exports.report_model import Progress, Report
from ocop_desktop.persistence.models import Directive, SurveyCampaign
from ocop_desktop.persistence.uow import UnitOfWork, UowFactory
from ocop_desktop.services import reference
from ocop_desktop.services.documents import DocumentService
from ocop_desktop.services.labels import build_labels
from ocop_desktop.services.report_registry import build_expiring, build_products, build_summary
from ocop_desktop.services.report_scope import PlaceTable, Scope, report_scope, scope_choices
from ocop_desktop.services.report_seal import check_format, write_sealed
from ocop_desktop.services.report_survey import SURVEY_COLUMNS, build_survey, build_survey_form, find_campaign
from ocop_desktop.services.report_tasks import build_tasks

KINDS = ("survey", "products", "expiring", "tasks", "summary", "survey-form", "activities", "labels")

__all__ = ["KINDS", "SURVEY_COLUMNS", "CampaignChoice", "ReportOptions", "ReportRequest", "ReportService"]


@dataclass(frozen=True)
class CampaignChoice:
    """A campaign the survey report may be made of, with the units it may be limited to."""

    id: str
    year: int
    # (unit id, unit name): the units of today that took over the campaign's units, then the
    # campaign's own units named as of today («Xã Ẳng Nưa (nay thuộc xã Mường Ảng)»).
    units: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ReportOptions:
    """What the report dialog offers: campaigns with their units, directives."""

    campaigns: tuple[CampaignChoice, ...]
    directives: tuple[tuple[str, str], ...]  # (id, label)


@dataclass(frozen=True)
class ReportRequest:
    """What to report, by id (the CLI resolves a year, a code or a name to them first)."""

    kind: str
    campaign_id: str | None = None  # the survey's campaign; None: the latest
    # The report covers this unit and the units it took over in 2025. None: a commune office's
    # own area, every record for other offices.
    unit_id: str | None = None
    months: int = 6
    directive_id: str | None = None
    today: date | None = None
    year: int | None = None  # the activities report's year; None: the year of ``today``


def _clean_text(report: Report) -> None:
    """Control and bidi-override characters stored before the flush hook dropped them must not
    reorder a name on paper ("\u202egpj.exe" printing as "exe.jpg")."""
    for section in report.sections:
        section.heading = strip_controls(section.heading, multiline=False)
        for i, row in enumerate(section.rows):
            if not has_controls("".join(v for v in row.values() if type(v) is str)):
                continue  # one search a row, not one a cell: 100,000 rows hold none
            # A new row: a survey report's rows are read-only tuples (report_model.Row).
            section.rows[i] = {
                key: strip_controls(value) if isinstance(value, str) and has_controls(value) else value
                for key, value in row.items()
            }


class ReportService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def build(self, request: ReportRequest) -> Report:
        if request.kind not in KINDS:
            raise NotFoundError(
                Text(
                    f"Không có loại báo cáo «{request.kind}». Các loại: {', '.join(KINDS)}.",
                    f"There is no report kind «{request.kind}». The kinds: {', '.join(KINDS)}.",
                )
            )
        today = request.today or date.today()
        builder: Callable[[ReportRequest, date], Report] = getattr(self, "_" + request.kind.replace("-", "_"))
        # Issuer valid on the document's date, number, recipients, signer (refused before any work).
        header = DocumentService(self._uow).header(
            request.kind, today, campaign_id=request.campaign_id, directive_id=request.directive_id
        )
        report = builder(request, today)
        report.header, report.title = header, DOCUMENT_BY_KEY[request.kind].title
        _clean_text(report)
        return report

    def options(self, today: date | None = None) -> ReportOptions:
        today = today or date.today()
        with self._uow() as uow:
            places = PlaceTable(uow.session)
            campaigns = []
            for c in uow.session.scalars(select(SurveyCampaign).order_by(SurveyCampaign.year.desc())):
                own = {s.unit_id for s in c.submissions}
                places.prefetch(own)
                now = {r.id: r for uid in own for r in places.current(uid, today)}
                units = sorted(((r.id, r.name) for r in now.values()), key=lambda u: vn_sort_key(u[1]))
                units += sorted(
                    ((uid, places.name(uid, today)) for uid in own if uid not in now), key=lambda u: vn_sort_key(u[1])
                )
                campaigns.append(CampaignChoice(c.id, c.year, tuple(units)))
            directives = tuple(
                (
                    d.id,
                    " ".join(
                        x
                        for x in (
                            f"Số {d.number}" if d.number else "",
                            d.issuer,
                            formatting.day(d.issued_on) if d.issued_on else d.issued_text,
                        )
                        if x
                    ),
                )
                for d in uow.session.scalars(select(Directive).order_by(Directive.created_at.desc()))
            )
        return ReportOptions(tuple(campaigns), directives)

    def scope_units(self, today: date | None = None) -> list[tuple[str, str]]:
        """(id, name) of the units of today a report may be limited to (the office's province)."""
        with self._uow() as uow:
            return scope_choices(uow.session, today or date.today())

    def scope(self, unit_id: str | None, today: date | None = None) -> Scope:
        """The area a report covers: the unit ``unit_id`` with the units it took over, else a
        commune office's own area."""
        with self._uow() as uow:
            return report_scope(uow.session, PlaceTable(uow.session), unit_id, today or date.today())

    def remarks(self, request: ReportRequest) -> list[str]:
        """Notes on unconfirmed reference data behind a report, for the screen and the terminal;
        the paper cites only its legal basis."""
        if request.kind != "expiring":
            return []
        with self._uow() as uow:
            rules = rule_set_in_force(reference.rule_sets(uow), request.today or date.today())
        return [f"Bộ tiêu chí {rules.decision}: {rules.notes}"] if rules.notes else []

    def export(
        self,
        request: ReportRequest,
        fmt: str,
        path: Path,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        sign: bool = True,
    ) -> Path:
        """Write the report as xlsx or pdf; a cancelled or failed export leaves no file."""
        check_format(fmt)
        # Every page carries the office's key fingerprint and audit anchor; the file gets its .sig
        # (not inside a package, whose signed manifest covers it).
        return write_sealed(self._uow, self.build(request), fmt, path, progress, cancelled, sign=sign)

    # -- builders (one module per family of reports) --------------------------------------------------
    @staticmethod
    def _area(uow: UnitOfWork, request: ReportRequest, today: date) -> tuple[PlaceTable, Scope]:
        """The units read once for the report, and the area it covers."""
        places = PlaceTable(uow.session)
        return places, report_scope(uow.session, places, request.unit_id, today)

    def _survey(self, request: ReportRequest, today: date) -> Report:
        with self._uow() as uow:
            places, scope = self._area(uow, request, today)
            return build_survey(uow.session, places, request.campaign_id, scope, today)

    def _survey_form(self, request: ReportRequest, today: date) -> Report:
        year = None
        if request.campaign_id is not None:
            with self._uow() as uow:
                year = find_campaign(uow.session, request.campaign_id).year
        return build_survey_form(year, today)

    def _products(self, request: ReportRequest, today: date) -> Report:
        with self._uow() as uow:
            places, scope = self._area(uow, request, today)
            return build_products(uow.session, places, scope, today)

    def _expiring(self, request: ReportRequest, today: date) -> Report:
        with self._uow() as uow:
            rules = rule_set_in_force(reference.rule_sets(uow), today)
            places, scope = self._area(uow, request, today)
            return build_expiring(uow.session, places, rules, scope, request.months, today)

    def _tasks(self, request: ReportRequest, today: date) -> Report:
        with self._uow() as uow:
            _places, scope = self._area(uow, request, today)
            return build_tasks(uow.session, request.directive_id, scope, today)

    def _activities(self, request: ReportRequest, today: date) -> Report:
        from ocop_desktop.services.report_activities import build_activities  # noqa: PLC0415

        with self._uow() as uow:
            places, scope = self._area(uow, request, today)
            return build_activities(uow.session, places, scope, request.year or today.year, today)

    def _summary(self, request: ReportRequest, today: date) -> Report:
        with self._uow() as uow:
            places, scope = self._area(uow, request, today)
            return build_summary(uow.session, places, scope, today)

    def _labels(self, request: ReportRequest, today: date) -> Report:
        with self._uow() as uow:
            places, scope = self._area(uow, request, today)
            return build_labels(uow.session, places, scope, today)
