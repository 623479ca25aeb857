"""A sample database with survey entries and office settings, for report tests."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from ocop_desktop.persistence.models import Place, SurveyCampaign, SurveyEntry
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.settings import save_office_settings

ENTRIES = {
    "03307": [  # Xã Ẳng Nưa
        ("Chè Shan tuyết Ẳng Nưa", "HTX Chè Ẳng Nưa", "Đang sản xuất", 12.5, "tấn", 10, 150_000, 25.5),
        ("=1+1", "Hộ ông Lò Văn Đức", "Sản xuất nhỏ lẻ", 1200, "kg", 1000, 80_000, 2),
    ],
    "03256": [  # Thị trấn Mường Ảng
        ("Cà phê Arabica rang xay", "Công ty TNHH Cà phê Mường Ảng", "Ổn định", 30, "tấn", 28, 220_000, 120),
    ],
}


@pytest.fixture
def report_uow(make_uow):
    load_sample(make_uow, "muong-ang-2024")
    # find(): the units named so, read by name (all() reads 14,000 units: 0.4 s a test)
    district = next(p for p in PlaceService(make_uow).find("Huyện Mường Ảng") if p.name == "Huyện Mường Ảng")
    save_office_settings(make_uow, district.id, "Tạ Mạnh Cường", "Phó Chủ tịch")
    with make_uow() as uow:
        campaign = uow.session.scalars(select(SurveyCampaign).where(SurveyCampaign.year == 2024)).one()
        for code, rows in ENTRIES.items():
            # The 2024 unit: since 01/07/2025 a new commune may reuse an old one's code.
            unit = uow.session.scalars(select(Place).where(Place.code == code, Place.valid_to.is_not(None))).one()
            for pos, (name, producer, situation, output, uom, sold, price, area) in enumerate(rows):
                uow.session.add(
                    SurveyEntry(
                        campaign_id=campaign.id,
                        unit_id=unit.id,
                        position=pos,
                        product_name=name,
                        producer_name=producer,
                        production_situation=situation,
                        output_quantity=output,
                        unit_of_measure=uom,
                        quantity_sold=sold,
                        price_vnd=price,
                        raw_material_area_ha=area,
                        proposed_year=2025,
                    )
                )
        uow.commit()
    return make_uow


REPORT_DAY = date(2024, 7, 5)
