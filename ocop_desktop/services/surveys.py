"""Survey campaigns and their entries: the yearly review of potential products."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ocop_desktop.domain.enums import SubmissionStatus
from ocop_desktop.domain.text import vn_sort_key
from ocop_desktop.persistence.models import SurveyCampaign, SurveyEntry, UnitSubmission
from ocop_desktop.persistence.uow import UowFactory


@dataclass(frozen=True)
class SubmissionDTO:
    unit_id: str
    unit: str
    unit_code: str
    status: str
    status_label: str
    submitted_on: date | None
    on_time: bool | None  # None while nothing is submitted and the deadline has not passed


@dataclass(frozen=True)
class CampaignDTO:
    id: str
    year: int
    title: str
    deadline: date | None
    issuing_letter: str
    submissions: tuple[SubmissionDTO, ...]

    @property
    def submitted_count(self) -> int:
        done = {SubmissionStatus.SUBMITTED.value, SubmissionStatus.RECEIVED.value}
        return sum(1 for s in self.submissions if s.status in done)


@dataclass(frozen=True)
class SurveyEntryDTO:
    id: str
    campaign: int
    campaign_id: str
    unit: str
    unit_id: str
    product_name: str
    producer: str
    production_situation: str
    output_quantity: float | None
    unit_of_measure: str
    quantity_sold: float | None
    price_vnd: int | None
    raw_material_area_ha: float | None
    proposed_year: int | None
    notes: str


def _on_time(sub: UnitSubmission, deadline: date | None, today: date) -> bool | None:
    if sub.submitted_on is not None:
        return deadline is None or sub.submitted_on <= deadline
    if deadline is not None and today > deadline:
        return False
    return None


class SurveyService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def campaigns(self, today: date | None = None) -> list[CampaignDTO]:
        today = today or date.today()
        with self._uow() as uow:
            rows = uow.session.scalars(select(SurveyCampaign).order_by(SurveyCampaign.year.desc()))
            out = []
            for c in rows:
                subs = sorted(c.submissions, key=lambda s: vn_sort_key(s.unit.name))
                out.append(
                    CampaignDTO(
                        id=c.id, year=c.year, title=c.title, deadline=c.deadline,
                        issuing_letter=c.issuing_letter,
                        submissions=tuple(
                            SubmissionDTO(
                                unit_id=s.unit_id, unit=s.unit.name, unit_code=s.unit.code or "",
                                status=s.status, status_label=SubmissionStatus(s.status).label,
                                submitted_on=s.submitted_on, on_time=_on_time(s, c.deadline, today),
                            )
                            for s in subs
                        ),
                    )
                )
            return out

    def entries(self, campaign_year: int | None = None, unit_id: str | None = None) -> list[SurveyEntryDTO]:
        with self._uow() as uow:
            query = select(SurveyEntry).join(SurveyEntry.campaign)
            if campaign_year is not None:
                query = query.where(SurveyCampaign.year == campaign_year)
            if unit_id is not None:
                query = query.where(SurveyEntry.unit_id == unit_id)
            query = query.order_by(SurveyCampaign.year, SurveyEntry.unit_id, SurveyEntry.position)
            return [
                SurveyEntryDTO(
                    id=e.id, campaign=e.campaign.year, campaign_id=e.campaign_id, unit=e.unit.name,
                    unit_id=e.unit_id, product_name=e.product_name, producer=e.producer_name,
                    production_situation=e.production_situation, output_quantity=e.output_quantity,
                    unit_of_measure=e.unit_of_measure, quantity_sold=e.quantity_sold,
                    price_vnd=e.price_vnd, raw_material_area_ha=e.raw_material_area_ha,
                    proposed_year=e.proposed_year, notes=e.notes,
                )
                for e in uow.session.scalars(query).unique()
            ]
