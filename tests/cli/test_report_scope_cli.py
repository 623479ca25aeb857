"""`ocop report … --unit` names a unit of today and covers the units it took over; the deadline rule of
`ocop campaigns` reaches the survey report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from ocop_desktop.persistence.database import open_database
from ocop_desktop.persistence.models import Place, SurveyCampaign, SurveyEntry
from ocop_desktop.services.surveys import SurveyService
from tests.cli_run import Done
from tests.cli_run import ocop as run_ocop
from tests.databases import copy_template
from tests.pdftext import raw_text as pdf_text

ROWS = {
    "03256": "Cà phê Arabica rang xay",
    "03307": "Chè Shan tuyết Ẳng Nưa",
    "03310": "Măng khô Ẳng Cang",
    "03301": "Gạo nếp Búng Lao",
    "03292": "Mật ong Ẳng Tở",
    "03313": "Chè Mường Lạn",
}


def ocop(db: Path, *args) -> Done:
    """`ocop --db DB ARGS…` in this process (tests/cli_run.py), as a new one would run it."""
    return run_ocop("--db", db, *args, env={"OCOP_DB": ""})


@pytest.fixture(scope="module")
def commune_db(tmp_path_factory) -> Path:
    """The sample, a row from six 2024 units, Búng Lao sent on 08/07/2024, set up as xã Mường Ảng (2025)."""
    path = copy_template(tmp_path_factory.mktemp("scope") / "xa.db")  # init adds only the sample
    assert ocop(path, "init", "--sample", "muong-ang-2024").returncode == 0
    database = open_database(path)
    try:
        make_uow = database.uow_factory(actor="Kiểm thử")
        with make_uow() as uow:
            campaign = uow.session.scalars(select(SurveyCampaign).where(SurveyCampaign.year == 2024)).one()
            campaign_id = campaign.id
            for code, name in ROWS.items():
                unit = uow.session.scalars(select(Place).where(Place.code == code, Place.valid_to.is_not(None))).one()
                uow.session.add(
                    SurveyEntry(
                        campaign_id=campaign.id,
                        unit_id=unit.id,
                        position=0,
                        product_name=name,
                        producer_name="HTX",
                        raw_material_area_ha=1.5,
                    )
                )
            uow.commit()
        surveys = SurveyService(make_uow)
        unit = next(u for u in surveys.campaign_units(campaign_id) if u.unit_code == "03301")
        surveys.set_submission(campaign_id, unit.unit_id, "da_nop", date(2024, 7, 8))
    finally:
        database.close()
    done = ocop(path, "office", "set", "--unit", "Xã Mường Ảng", "--name", "Lò Văn Thắng", "--kind", "ubnd")
    assert done.returncode == 0, done.stderr
    return path


@pytest.mark.parametrize("unit", ["Xã Mường Ảng", "xa muong ang", "03256"])
def test_report_of_xa_muong_ang_covers_exactly_tt_muong_ang_ang_nua_and_ang_cang(commune_db, tmp_path, unit):
    out = tmp_path / "ra-soat.pdf"
    done = ocop(commune_db, "report", "survey", "--campaign", "2024", "--unit", unit, "--format", "pdf", "-o", out)
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    for name, product in (
        ("Thị trấn Mường Ảng", "Cà phê Arabica rang xay"),
        ("Xã Ẳng Nưa", "Chè Shan tuyết Ẳng Nưa"),
        ("Xã Ẳng Cang", "Măng khô Ẳng Cang"),
    ):
        assert f"{name} (nay thuộc xã Mường Ảng)" in text
        assert product in text
    for other in ("Gạo nếp Búng Lao", "Mật ong Ẳng Tở", "Chè Mường Lạn", "Xã Búng Lao", "Xã Mường Lạn"):
        assert other not in text
    assert "Tình hình nộp báo cáo (3 đơn vị)" in text
    assert "trên địa bàn xã Mường Ảng" in text


def test_another_2025_commune_names_its_own_units_and_shows_the_late_submission(commune_db, tmp_path):
    out = tmp_path / "bung-lao.xlsx"
    done = ocop(
        commune_db, "report", "survey", "--campaign", "2024", "--unit", "Xã Búng Lao", "--format", "xlsx", "-o", out
    )
    assert done.returncode == 0, done.stderr
    from openpyxl import load_workbook

    values = [str(c.value) for row in load_workbook(out).active.iter_rows() for c in row if c.value is not None]
    assert "Xã Búng Lao (nay thuộc xã Búng Lao) — nộp muộn (4 ngày), nộp ngày 08/07/2024" in values
    assert any(v.startswith("Xã Ẳng Tở (nay thuộc xã Búng Lao) — chưa nộp (quá hạn") for v in values)
    assert "Gạo nếp Búng Lao" in values and "Cà phê Arabica rang xay" not in values


def test_without_unit_a_commune_office_reports_its_own_area(commune_db, tmp_path):
    out = tmp_path / "mac-dinh.pdf"
    done = ocop(commune_db, "report", "survey", "--campaign", "2024", "--format", "pdf", "-o", out)
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert "Chè Shan tuyết Ẳng Nưa" in text and "Gạo nếp Búng Lao" not in text


def test_an_unknown_unit_is_refused_with_exit_1(commune_db, tmp_path):
    done = ocop(commune_db, "report", "survey", "--unit", "Xã Không Có", "--format", "pdf", "-o", tmp_path / "x.pdf")
    assert done.returncode == 1
    assert "Không tìm thấy đơn vị «Xã Không Có»" in done.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_the_deadline_day_rule_is_set_by_campaigns_edit_and_printed_on_the_report(commune_db, tmp_path):
    done = ocop(commune_db, "campaigns", "edit", "2024", "--deadline-day-on-time")
    assert done.returncode == 0, done.stderr
    assert "báo cáo nộp trong ngày 05/07/2024 vẫn tính là đúng hạn" in done.stdout
    assert "vẫn tính là đúng hạn" in ocop(commune_db, "campaigns", "show", "2024").stdout
    out = tmp_path / "bl.pdf"
    ocop(commune_db, "report", "survey", "--campaign", "2024", "--unit", "Xã Búng Lao", "--format", "pdf", "-o", out)
    assert "Xã Búng Lao (nay thuộc xã Búng Lao) — nộp muộn (3 ngày), nộp ngày 08/07/2024" in pdf_text(out)
    done = ocop(commune_db, "campaigns", "edit", "2024", "--no-deadline-day-on-time")
    assert "(ngày cuối cùng đúng hạn là 04/07/2024)" in done.stdout


def test_notes_on_unconfirmed_reference_data_go_to_stderr_not_on_paper(commune_db, tmp_path):
    out = tmp_path / "het-han.pdf"
    done = ocop(commune_db, "report", "expiring", "--format", "pdf", "-o", out)
    assert done.returncode == 0, done.stderr
    assert "Lưu ý (không in trên văn bản): Bộ tiêu chí 26/2026/QĐ-TTg:" in done.stderr
    assert "chưa được xác nhận" in done.stderr
    text = pdf_text(out)
    assert "chưa được xác nhận" not in text and "có thể sửa" not in text
    assert "Căn cứ Quyết định số 26/2026/QĐ-TTg" in text
