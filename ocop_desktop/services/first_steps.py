"""The «Bắt đầu» checklist of a new office: which first steps are already done, read from the data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, select

from ocop_desktop.persistence.models import Directive, OutboxEntry, Product, SurveyCampaign, SurveyEntry
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.settings import office_settings


@dataclass(frozen=True)
class FirstStepsDTO:
    office: bool  # the office and its user are set up
    campaign: bool  # a survey campaign of this year (or later) exists, or a letter is registered
    records: bool  # a product or a survey row is in the data (typed or imported from Excel)
    sent: bool  # a package has gone out to the office above

    @property
    def done(self) -> bool:
        return self.office and self.campaign and self.records and self.sent


class FirstStepsService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def status(self, today: date | None = None) -> FirstStepsDTO:
        year = (today or date.today()).year
        office = office_settings(self._uow).complete
        with self._uow() as uow:
            s = uow.session
            campaign = s.scalar(select(exists().where(SurveyCampaign.year >= year))) or s.scalar(
                select(exists().select_from(Directive))
            )
            records = s.scalar(select(exists().where(Product.archived_at.is_(None)))) or s.scalar(
                select(exists().select_from(SurveyEntry))
            )
            sent = s.scalar(select(exists().select_from(OutboxEntry)))
        return FirstStepsDTO(office=office, campaign=bool(campaign), records=bool(records), sent=bool(sent))
