"""Survey campaigns, each reporting unit's submission, and the survey entries."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ocop_desktop.domain.schema import SURVEY_ENTRY
from ocop_desktop.persistence.models.base import Base, RecordMixin, version_column
from ocop_desktop.persistence.models.reference import Place
from ocop_desktop.persistence.models.schema_columns import listed_columns
from ocop_desktop.persistence.models.tasks import Directive


class SurveyCampaign(RecordMixin, Base):
    __tablename__ = "survey_campaigns"
    __audited__ = True

    year: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(Text)
    directive_id: Mapped[str | None] = mapped_column(ForeignKey("directives.id"), index=True)
    issuing_letter: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[date | None] = mapped_column(Date)
    # Whether a report submitted on the deadline day itself is on time. Off by default: the
    # letter's «trước ngày 05/07/2024» read literally makes 04/07 the last day on time.
    deadline_day_on_time: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # Set when the office closes the campaign; entries stay, new ones are refused.
    closed_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = version_column()  # migration 0022
    __mapper_args__ = {"version_id_col": version}

    directive: Mapped[Directive | None] = relationship()
    submissions: Mapped[list[UnitSubmission]] = relationship(back_populates="campaign", cascade="all, delete-orphan")


class UnitSubmission(RecordMixin, Base):
    """Which units report to a campaign, and how far each has got."""

    __tablename__ = "unit_submissions"
    __audited__ = True
    __table_args__ = (UniqueConstraint("campaign_id", "unit_id"),)

    campaign_id: Mapped[str] = mapped_column(ForeignKey("survey_campaigns.id"), index=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("places.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    submitted_on: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = version_column()  # migration 0022
    __mapper_args__ = {"version_id_col": version}

    campaign: Mapped[SurveyCampaign] = relationship(back_populates="submissions")
    unit: Mapped[Place] = relationship(lazy="joined")


class SurveyEntry(RecordMixin, listed_columns(SURVEY_ENTRY), Base):  # type: ignore[misc]
    """One reviewed product of a unit in a campaign (a row of the letter's survey report)."""

    __tablename__ = "survey_entries"
    __folded__ = {"product_name_folded": "product_name"}
    __audited__ = True
    __table_args__ = (Index("ix_survey_entries_unit_order", "campaign_id", "unit_id", "position"),)

    campaign_id: Mapped[str] = mapped_column(ForeignKey("survey_campaigns.id"), index=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("places.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    product_name_folded: Mapped[str] = mapped_column(String(300), index=True, default="")
    producer_id: Mapped[str | None] = mapped_column(ForeignKey("producers.id"), index=True)
    product_id: Mapped[str | None] = mapped_column(ForeignKey("products.id"), index=True)
    # product_name, producer_name, production_situation … notes: SURVEY_ENTRY's listed fields.

    campaign: Mapped[SurveyCampaign] = relationship(lazy="joined")
    unit: Mapped[Place] = relationship(lazy="joined")
