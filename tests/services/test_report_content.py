"""What a province reads in the reports: who reported on time, re-evaluation windows, the product
list's columns, the area of a 2025 commune, and no internal notes on paper (read from PDF and xlsx)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from ocop_desktop.persistence.models import Place, SurveyCampaign, SurveyEntry
from ocop_desktop.services.campaigns import CampaignInput, CampaignService
from ocop_desktop.services.products import ProductInput, ProductService
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.reports import KINDS, ReportRequest, ReportService
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.settings import save_office_settings
from ocop_desktop.services.surveys import SurveyService
from tests.ids import SAMPLE_2024
from tests.pdftext import raw_text as pdf_text

# 2024 units (GSO code) with one survey row each; Búng Lao and Ẳng Tở went to xã Búng Lao in 2025.
ROWS = {
    "03256": "Cà phê Arabica rang xay",
    "03307": "Chè Shan tuyết Ẳng Nưa",
    "03310": "Măng khô Ẳng Cang",
    "03301": "Gạo nếp Búng Lao",
    "03292": "Mật ong Ẳng Tở",
}
SENT = {"03307": date(2024, 7, 4), "03310": date(2024, 7, 5), "03301": date(2024, 7, 8)}
DAY_2024 = date(2024, 7, 10)  # the district's report, after the deadline «trước ngày 05/07/2024»
DAY_2026 = date(2026, 11, 28)  # a report of the 2025 commune
INTERNAL = ("chưa được xác nhận", "có thể sửa", "ocop scorecards", "chưa đối chiếu", "template / import")


def cells(path: Path) -> list[str]:
    return [
        str(c.value)
        for ws in load_workbook(path).worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    ]


def _unit_id(key: str) -> str:
    return place_id(key)


def _office(make_uow, key: str, kind: str = "ubnd") -> None:
    save_office_settings(make_uow, _unit_id(key), "Lò Văn Thắng", "Chủ tịch", kind)


@pytest.fixture
def sample(make_uow):
    load_sample(make_uow, "muong-ang-2024")
    with make_uow() as uow:
        campaign = uow.session.scalars(select(SurveyCampaign).where(SurveyCampaign.year == 2024)).one()
        campaign_id = campaign.id
        for code, name in ROWS.items():
            unit = uow.session.scalars(select(Place).where(Place.code == code, Place.valid_to.is_not(None))).one()
            area = None if code == "03292" else 2.5  # Ẳng Tở wrote no area: its sum stays blank
            uow.session.add(
                SurveyEntry(
                    campaign_id=campaign.id,
                    unit_id=unit.id,
                    position=0,
                    product_name=name,
                    producer_name="HTX",
                    raw_material_area_ha=area,
                )
            )
        uow.commit()
    surveys = SurveyService(make_uow)
    for code, day in SENT.items():
        unit = next(u for u in surveys.campaign_units(campaign_id) if u.unit_code == code)
        surveys.set_submission(campaign_id, unit.unit_id, "da_nop", day)
    return make_uow


def export(make_uow, kind: str, fmt: str, tmp_path: Path, **kw) -> Path:
    return ReportService(make_uow).export(ReportRequest(kind, **kw), fmt, tmp_path / f"{kind}.{fmt}")


# -- item 7: on time, late, missing -----------------------------------------------------------------
def test_survey_report_marks_units_on_time_late_or_missing_with_the_rule(sample, tmp_path):
    _office(sample, "huyen-muong-ang")
    text = pdf_text(export(sample, "survey", "pdf", tmp_path, campaign_id=SAMPLE_2024, today=DAY_2024))
    # «trước ngày 05/07/2024»: 04/07 is the last day on time, so 05/07 is a day late and 08/07 four.
    assert "Xã Ẳng Nưa — đúng hạn, nộp ngày 04/07/2024" in text
    assert "Xã Ẳng Cang — nộp muộn (1 ngày), nộp ngày 05/07/2024" in text
    assert "Xã Búng Lao — nộp muộn (4 ngày), nộp ngày 08/07/2024" in text
    assert "Xã Ẳng Tở — chưa nộp (quá hạn 6 ngày)" in text
    assert (
        "Hạn nộp: trước ngày 05/07/2024; báo cáo nộp từ ngày 05/07/2024 là nộp muộn (ngày cuối cùng đúng hạn "
        "là 04/07/2024)."
    ) in text
    assert "Tình hình nộp báo cáo (10 đơn vị): 1 đơn vị nộp đúng hạn; 2 đơn vị nộp muộn; 7 đơn vị chưa nộp." in text

    book = cells(export(sample, "survey", "xlsx", tmp_path, campaign_id=SAMPLE_2024, today=DAY_2024))
    assert "Xã Búng Lao — nộp muộn (4 ngày), nộp ngày 08/07/2024" in book
    assert any("Hạn nộp: trước ngày 05/07/2024" in c for c in book)


def test_counting_the_deadline_day_as_on_time_is_a_campaign_setting_printed_on_the_report(sample, tmp_path):
    _office(sample, "huyen-muong-ang")
    campaigns = CampaignService(sample)
    info = campaigns.by_year(2024)
    assert info.deadline_day_on_time is False  # the letter's «trước ngày»
    info = campaigns.edit(
        info.id,
        CampaignInput(
            year=2024,
            deadline=info.deadline,
            title=info.title,
            issuing_letter=info.issuing_letter,
            unit_ids=info.unit_ids,
            deadline_day_on_time=True,
        ),
    )
    assert info.deadline_day_on_time is True
    text = pdf_text(export(sample, "survey", "pdf", tmp_path, campaign_id=SAMPLE_2024, today=DAY_2024))
    assert "Xã Ẳng Cang — đúng hạn, nộp ngày 05/07/2024" in text
    assert "Xã Búng Lao — nộp muộn (3 ngày), nộp ngày 08/07/2024" in text
    assert "Hạn nộp: ngày 05/07/2024; báo cáo nộp trong ngày 05/07/2024 vẫn tính là đúng hạn." in text


def test_an_empty_sum_prints_blank_not_zero(sample, tmp_path):
    _office(sample, "huyen-muong-ang")
    ws = load_workbook(export(sample, "survey", "xlsx", tmp_path, campaign_id=SAMPLE_2024, today=DAY_2024)).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    at = next(i for i, r in enumerate(rows) if r[0] and str(r[0]).startswith("Xã Ẳng Tở"))
    total = rows[at + 2]  # heading, the row without an area, then «Cộng»
    assert "Cộng" in total
    area = [c.header for c in ReportService(sample).build(ReportRequest("survey", today=DAY_2024)).columns].index(
        "Diện tích vùng nguyên liệu (ha)"
    )
    assert total[area] in (None, "")
    with_area = rows[next(i for i, r in enumerate(rows) if r[0] and str(r[0]).startswith("Xã Búng Lao")) + 2]
    assert str(with_area[area]).startswith("=SUBTOTAL(9,")


# -- item 8: scope by the units of today ----------------------------------------------------------------
def _survey_headings(text: str) -> list[str]:
    units = (
        "Thị trấn Mường Ảng",
        "Xã Ẳng Nưa",
        "Xã Ẳng Cang",
        "Xã Búng Lao",
        "Xã Ẳng Tở",
        "Xã Mường Đăng",
        "Xã Ngối Cáy",
        "Xã Mường Lạn",
        "Xã Xuân Lao",
        "Xã Nặm Lịch",
    )
    return [u for u in units if f"{u} (nay thuộc" in text or f"{u} —" in text]


def test_a_2025_commune_by_name_covers_exactly_the_units_it_took_over(sample, tmp_path):
    _office(sample, "xa-muong-ang")
    path = export(
        sample, "survey", "pdf", tmp_path, campaign_id=SAMPLE_2024, unit_id=place_id("xa-muong-ang"), today=DAY_2026
    )
    text = pdf_text(path)
    assert _survey_headings(text) == ["Thị trấn Mường Ảng", "Xã Ẳng Nưa", "Xã Ẳng Cang"]
    for name in ("Thị trấn Mường Ảng", "Xã Ẳng Nưa", "Xã Ẳng Cang"):
        assert f"{name} (nay thuộc xã Mường Ảng)" in text
    assert "Cà phê Arabica rang xay" in text and "Chè Shan tuyết Ẳng Nưa" in text and "Măng khô Ẳng Cang" in text
    assert "Gạo nếp Búng Lao" not in text and "Mật ong Ẳng Tở" not in text
    assert "Tình hình nộp báo cáo (3 đơn vị)" in text


@pytest.mark.parametrize("unit", [place_id("xa-muong-ang"), None])
def test_the_unit_or_the_commune_offices_own_area_give_the_same_scope(sample, tmp_path, unit):
    # A code, a key or a name is resolved to the id by the CLI (tests/cli/test_report_scope_cli.py).
    _office(sample, "xa-muong-ang")
    report = ReportService(sample).build(ReportRequest("survey", campaign_id=SAMPLE_2024, unit_id=unit, today=DAY_2026))
    headings = [s.heading.split(" (nay")[0] for s in report.sections]
    assert headings == ["Thị trấn Mường Ảng", "Xã Ẳng Cang", "Xã Ẳng Nưa"]


def test_scope_choices_offer_the_units_of_today_in_the_offices_province(sample):
    _office(sample, "xa-muong-ang")
    choices = dict(ReportService(sample).scope_units(DAY_2026))
    assert choices[place_id("xa-muong-ang")] == "Xã Mường Ảng" and place_id("xa-bung-lao") in choices
    assert place_id("xa-ang-nua") not in choices  # a 2024 unit is reached through its successor
    [campaign] = ReportService(sample).options(DAY_2026).campaigns
    assert (campaign.id, campaign.year) == (SAMPLE_2024, 2024)
    assert (place_id("xa-muong-ang"), "Xã Mường Ảng") in campaign.units
    assert (place_id("xa-ang-nua"), "Xã Ẳng Nưa (nay thuộc xã Mường Ảng)") in campaign.units


def test_an_unknown_unit_is_refused_in_vietnamese(sample):
    from ocop_desktop.domain.validation import NotFoundError

    with pytest.raises(NotFoundError, match="Không tìm thấy đơn vị hành chính này; có thể nó đã bị xóa"):
        ReportService(sample).build(ReportRequest("survey", unit_id="khong-co", today=DAY_2026))


# -- item 7: expiring, product list ------------------------------------------------------------------------
def test_expiring_report_says_none_and_lists_certified_products_of_unknown_expiry(sample, tmp_path):
    _office(sample, "xa-muong-ang")
    text = pdf_text(export(sample, "expiring", "pdf", tmp_path, today=DAY_2026))
    # The sample's certified products carry no expiry date: none expires, all are listed apart.
    assert "Không có sản phẩm nào" in text
    assert "Sản phẩm đã được công nhận nhưng chưa rõ ngày hết hạn" in text
    assert "Căn cứ Quyết định số 26/2026/QĐ-TTg ngày 22/05/2026 của Thủ tướng Chính phủ" in text
    book = cells(export(sample, "expiring", "xlsx", tmp_path, today=DAY_2026))
    assert any(c.startswith("I. Sản phẩm") and c.endswith("— Không có sản phẩm nào.") for c in book)


def test_expiring_report_with_nothing_at_all_says_so(make_uow, tmp_path):
    text = pdf_text(export(make_uow, "expiring", "pdf", tmp_path, today=DAY_2026))
    assert "Không có sản phẩm nào có giấy chứng nhận hết hạn trong 6 tháng tới." in text


def test_expiring_report_marks_reevaluation_windows_already_missed(make_uow, tmp_path):
    products = ProductService(make_uow)
    commune = _unit_id("xa-ang-nua")
    for name, days in (("Trà Shan tuyết", 100), ("Mật ong bạc hà", 150)):
        products.create(
            ProductInput(
                name=name,
                status="duoc_cong_nhan",
                stars=4,
                commune_id=commune,
                certified_on=DAY_2026 + timedelta(days=days) - timedelta(days=3 * 365),
                expires_on=DAY_2026 + timedelta(days=days),
            )
        )
    path = export(make_uow, "expiring", "xlsx", tmp_path, today=DAY_2026)
    ws = load_workbook(path).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    header = next(r for r in rows if "STT" in r)
    col = header.index("Thời hạn nộp hồ sơ đánh giá lại")
    by_name = {r[1]: r for r in rows if r[1] in ("Trà Shan tuyết", "Mật ong bạc hà")}
    missed = DAY_2026 + timedelta(days=100)
    assert by_name["Trà Shan tuyết"][col] == (
        f"từ {missed - timedelta(days=180):%d/%m/%Y} đến {missed - timedelta(days=120):%d/%m/%Y} — đã quá thời hạn"
    )
    assert by_name["Mật ong bạc hà"][col].endswith("— đang trong thời hạn")
    assert by_name["Trà Shan tuyết"][header.index("Địa bàn")] == "Xã Ẳng Nưa (nay thuộc xã Mường Ảng)"
    text = pdf_text(export(make_uow, "expiring", "pdf", tmp_path, today=DAY_2026))
    assert "đã quá thời hạn" in text and "Không có sản phẩm nào" not in text


def test_product_list_has_the_columns_a_province_asks_for(make_uow, tmp_path):
    ProductService(make_uow).create(
        ProductInput(
            name="Chè Shan tuyết Ẳng Nưa",
            status="duoc_cong_nhan",
            stars=4,
            score=75.5,
            commune_id=_unit_id("xa-ang-nua"),
            product_set_code="che-tuoi-che-che-bien",
            certifying_decision="1234/QĐ-UBND",
            certifying_body="UBND tỉnh Điện Biên",
            certified_on=date(2024, 3, 15),
            expires_on=date(2027, 3, 15),
        )
    )
    ws = load_workbook(export(make_uow, "products", "xlsx", tmp_path, today=DAY_2026)).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    header = next(r for r in rows if "STT" in r)
    for title in ("Bộ sản phẩm", "Số và ngày quyết định công nhận", "Cơ quan công nhận", "Điểm"):
        assert title in header
    row = next(r for r in rows if r[1] == "Chè Shan tuyết Ẳng Nưa")
    assert row[header.index("Bộ sản phẩm")] == "Chè tươi, chè chế biến"
    assert row[header.index("Số và ngày quyết định công nhận")] == "Số 1234/QĐ-UBND ngày 15/03/2024"
    assert row[header.index("Cơ quan công nhận")] == "UBND tỉnh Điện Biên"
    assert row[header.index("Điểm")] == 75.5
    assert "Xã Mường Ảng" in [r[0] for r in rows]  # grouped under the commune of today
    text = pdf_text(export(make_uow, "products", "pdf", tmp_path, today=DAY_2026))
    assert "Số 1234/QĐ-UBND ngày 15/03/2024" in text and "UBND tỉnh Điện Biên" in text and "75,5" in text


# -- item 6: no internal notes on paper ---------------------------------------------------------------------
@pytest.mark.parametrize("kind", KINDS)
def test_no_internal_note_reaches_any_report(sample, tmp_path, kind):
    _office(sample, "xa-muong-ang")
    for day in (date(2026, 7, 1), DAY_2026):  # under 1489 and under 26/2026
        text = pdf_text(export(sample, kind, "pdf", tmp_path, campaign_id=SAMPLE_2024, today=day))
        book = " ".join(cells(export(sample, kind, "xlsx", tmp_path, campaign_id=SAMPLE_2024, today=day)))
        for note in INTERNAL:
            assert note not in text and note not in book, (kind, day, note)


def test_units_read_as_a_report_asks_say_what_every_unit_read_at_once_says(make_uow):
    """A report's PlaceTable reads the units it names as it names them (and everything at once
    after many lookups): names, units of today and sort keys as with all 14,000 read up front,
    old units and divided communes included, before and after the reform."""
    from ocop_desktop.services.report_scope import UNKNOWN_PLACE, PlaceTable

    with make_uow() as uow:
        full = PlaceTable(uow.session)
        assert len(full.rows) > 10_000  # every unit read
        lazy = PlaceTable(uow.session)
        area = sorted(lazy.covered(place_id("tinh-dien-bien")))  # hundreds: past the one-by-one reads
        assert len(area) > 100
        for unit in ("xa-ang-nua", "xa-ang-to", "xa-muong-ang", "xa-bung-lao", "huyen-muong-ang"):
            area.insert(0, place_id(unit))  # the first looked up alone
        for day in (DAY_2024, DAY_2026):
            for unit in area:
                assert lazy.name(unit, day) == full.name(unit, day), unit
                assert [r.id for r in lazy.current(unit, day)] == [r.id for r in full.current(unit, day)], unit
                assert lazy.group_key(unit, day) == full.group_key(unit, day), unit
        assert lazy.name("khong-co", DAY_2026) == UNKNOWN_PLACE and "khong-co" not in lazy.rows
        assert lazy.name(place_id("xa-ang-nua"), DAY_2026) == "Xã Ẳng Nưa (nay thuộc xã Mường Ảng)"
        names = {PlaceTable(uow.session).rows[i].name for i in lazy.covered(place_id("xa-muong-ang"))}
    assert names == {"Xã Mường Ảng", "Thị trấn Mường Ảng", "Xã Ẳng Nưa", "Xã Ẳng Cang"}


def test_under_1489_the_column_says_no_filing_window_and_gives_the_warning_date(make_uow, tmp_path):
    day = date(2026, 1, 10)  # 1489/QĐ-TTg: the issuer warns the holder 30 days before expiry
    expires = day + timedelta(days=20)
    ProductService(make_uow).create(
        ProductInput(
            name="Rượu ngô Mường Lạn",
            status="duoc_cong_nhan",
            stars=3,
            certified_on=expires - timedelta(days=3 * 365),
            expires_on=expires,
        )
    )
    text = pdf_text(export(make_uow, "expiring", "pdf", tmp_path, today=day))
    assert (
        f"không quy định; cơ quan cấp thông báo cho chủ thể trước {expires - timedelta(days=30):%d/%m/%Y} "
        "— đã quá ngày này"
    ) in text
    assert "Căn cứ Quyết định số 1489/QĐ-TTg ngày 06/07/2025 của Thủ tướng Chính phủ" in text


def test_a_bidi_override_stored_in_a_survey_row_before_the_hook_is_not_printed(sample, tmp_path):
    """A row written by an older version (or by hand) may still hold one; the survey report's rows
    are read-only tuples, and the cleaned row replaces it on paper while the file is left as it is."""
    from sqlalchemy import text

    with sample() as uow:
        uow.session.execute(
            text("UPDATE survey_entries SET product_name = :name WHERE campaign_id = :c AND product_name IS NOT NULL"),
            {"name": "Mật ong\u202e gpj.exe", "c": SAMPLE_2024},
        )
        uow.commit()
    pdf = pdf_text(export(sample, "survey", "pdf", tmp_path, campaign_id=SAMPLE_2024, today=DAY_2024))
    assert "Mật ong gpj.exe" in pdf and "\u202e" not in pdf
    book = cells(export(sample, "survey", "xlsx", tmp_path, campaign_id=SAMPLE_2024, today=DAY_2024))
    assert "Mật ong gpj.exe" in book and not any("\u202e" in c for c in book)


def test_a_format_no_report_is_written_in_is_refused_before_anything_is_written(sample, tmp_path):
    from ocop_desktop.domain.validation import NotFoundError

    with pytest.raises(NotFoundError) as refused:
        export(sample, "survey", "docx", tmp_path, campaign_id=SAMPLE_2024, today=DAY_2024)
    assert "Định dạng «docx» không được hỗ trợ; hãy chọn xlsx hoặc pdf." in str(refused.value)
    assert not list(tmp_path.glob("survey.*"))
