"""The ids services take, for tests that know a campaign by its year or a unit by its code."""

from __future__ import annotations

from sqlalchemy import select

from ocop_desktop.persistence.models import Place, SurveyCampaign, stable_id

# The Mường Ảng sample's 2024 campaign (services/sample.py gives its records stable ids).
SAMPLE_2024 = stable_id("sample:muong-ang-2024:campaign", "ra-soat-2024")


def campaign_id(make_uow, year: int) -> str:
    """The id of the campaign of ``year``."""
    with make_uow() as uow:
        return uow.session.scalars(select(SurveyCampaign.id).where(SurveyCampaign.year == year)).one()


def unit_id(make_uow, code: str) -> str:
    """The id of the one unit with GSO code ``code`` that has ended (the 2024 units of the sample)
    or, failing that, the one in force."""
    with make_uow() as uow:
        rows = uow.session.execute(select(Place.id, Place.valid_to).where(Place.code == code)).all()
    old = [r.id for r in rows if r.valid_to is not None]
    return (old or [r.id for r in rows])[0]
