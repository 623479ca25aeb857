"""The survey report of a province-sized campaign (10,000 rows) as PDF: still the official
document — the column header on every page, rows whole, «Cộng» with its unit, the signer block
with the last rows, every font embedded (issue 16: built in linear time, not by re-measuring one
long table at each page)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from ocop_desktop.persistence.hooks import insert_many
from ocop_desktop.persistence.models import SurveyCampaign, SurveyEntry, UnitSubmission
from ocop_desktop.services.reports import ReportRequest, ReportService
from tests.exports.conftest import REPORT_DAY
from tests.exports.test_pdf import _fonts
from tests.exports.test_pdf_layout import check_layout, find, pages

ROWS = 10_000
pytestmark = pytest.mark.slow  # 10,000 rows stored and printed on about 1,700 pages: ~30 s


def test_a_10000_row_survey_report_is_still_the_official_document(report_uow, tmp_path):
    with report_uow(action="import") as uow:
        campaign = uow.session.scalars(select(SurveyCampaign).where(SurveyCampaign.year == 2024)).one()
        units = list(
            uow.session.scalars(select(UnitSubmission.unit_id).where(UnitSubmission.campaign_id == campaign.id))
        )
        rows = [
            {
                "campaign_id": campaign.id,
                "unit_id": units[i % len(units)],
                "position": 100 + i,
                # Every seventh name wraps to a second line in its cell.
                "product_name": f"Sản phẩm {i:05d}"
                + (" — mật ong bạc hà cao nguyên đá Đồng Văn" if i % 7 == 0 else ""),
                "producer_name": f"Hộ kinh doanh số {i % 300}",
                "production_situation": "Đang sản xuất",
                "output_quantity": 1000 + i,
                "unit_of_measure": "kg",
                "quantity_sold": 900 + i,
                "price_vnd": 50_000 + i,
                "raw_material_area_ha": 1.5,
                "proposed_year": 2025,
            }
            for i in range(ROWS)
        ]
        insert_many(uow.session, SurveyEntry, rows)
        uow.commit()
        campaign_id = campaign.id

    request = ReportRequest("survey", today=REPORT_DAY, campaign_id=campaign_id)
    service = ReportService(report_uow)
    report = service.build(request)
    assert sum(len(s.rows) for s in report.sections) == ROWS + 3  # and the three of the fixture
    path = service.export(request, "pdf", tmp_path / "ra-soat-10000.pdf")

    doc = pages(path)  # every page's words, read by poppler once
    assert len(doc) > 150
    first_header = report.columns[1].header.split()[0]  # «Tên» of «Tên sản phẩm»
    for number, words in enumerate(doc, start=1):
        printed = {w.text for w in words}
        assert "STT" in printed and first_header in printed, f"page {number} has no column header"
    assert find(doc[0], "BÁO CÁO")
    # A unit's thousandth row: its number whole in the STT column, not «1.00» over «0».
    printed = [w.text for words in doc for w in words]
    assert printed.count("1.000") >= 10 and "1.00" not in printed
    fonts = _fonts(path)
    assert fonts and all(fonts.values()), fonts
    check_layout(report, path, doc)  # signer block on the last page under the last rows; every word printed
