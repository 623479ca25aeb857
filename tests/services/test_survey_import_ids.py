"""The Excel import takes ids and reads the workbook once: a unit without a code can be chosen,
the rows checked are the rows stored, and a file changed after its check is refused."""

from __future__ import annotations

import openpyxl
import pytest

from ocop_desktop.domain.validation import NotFoundError
from ocop_desktop.persistence.models import Place, UnitSubmission
from ocop_desktop.services import survey_import
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.settings import save_office_settings
from ocop_desktop.services.survey_import import ImportRefused, SurveyImportService
from ocop_desktop.services.surveys import SurveyService
from tests.ids import SAMPLE_2024

NEW_UNIT = "Xã Nậm Lịch Mới"


def add_codeless_unit(make_uow, campaign_id: str = SAMPLE_2024) -> str:
    """A commune the office added by hand (no GSO code yet), listed among the campaign's units."""
    with make_uow() as uow:
        place = Place(key="xa-nam-lich-moi", code=None, name=NEW_UNIT, kind="xa", parent_id=place_id("huyen-muong-ang"))
        uow.session.add(place)
        uow.session.flush()
        uow.session.add(UnitSubmission(campaign_id=campaign_id, unit_id=place.id, status="chua_nop"))
        uow.commit()
        return place.id


@pytest.fixture
def service(make_uow):
    load_sample(make_uow, "muong-ang-2024")
    save_office_settings(make_uow, place_id("huyen-muong-ang"), "Nguyễn Văn Kiểm", "")
    return SurveyImportService(make_uow)


def workbook(path, rows):
    """A sheet without a «Đơn vị» column: its rows are the unit's chosen on import."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rà soát"
    ws.append(["Tên sản phẩm", "Sản lượng"])
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def test_a_unit_without_a_code_is_chosen_by_its_id(service, make_uow, tmp_path):
    unit = add_codeless_unit(make_uow)
    path = workbook(tmp_path / "nam-lich.xlsx", [("Chè búp", 120), ("Mật ong", 30)])
    check = service.check(path, SAMPLE_2024, unit)
    assert check.problems == () and [r.unit for r in check.rows] == [NEW_UNIT, NEW_UNIT]
    result = service.apply(check)
    assert result.added == 2 and result.units == (NEW_UNIT,)
    rows = SurveyService(make_uow).unit_entries(SAMPLE_2024, unit)
    assert [(e.product_name, e.output_quantity, e.unit) for e in rows] == [
        ("Chè búp", 120.0, NEW_UNIT),
        ("Mật ong", 30.0, NEW_UNIT),
    ]


def test_a_unit_the_campaign_does_not_list_is_refused_by_name(service, make_uow, tmp_path):
    path = workbook(tmp_path / "x.xlsx", [("Chè búp", 1)])
    with pytest.raises(
        NotFoundError,
        match=r"«Xã Mường Ảng» không có trong danh sách đơn vị báo cáo của đợt rà soát "
        r"năm 2024; hãy chọn một đơn vị của đợt\.",
    ):
        service.check(path, SAMPLE_2024, place_id("xa-muong-ang"))
    with pytest.raises(NotFoundError, match="Không tìm thấy đợt rà soát này"):
        service.check(path, "khong-co", place_id("xa-ang-nua"))


def test_the_workbook_is_read_once_from_check_to_store(service, make_uow, tmp_path, monkeypatch):
    reads = []
    real = survey_import.read_sheets
    monkeypatch.setattr(survey_import, "read_sheets", lambda path, **kw: reads.append(path) or real(path, **kw))
    path = workbook(tmp_path / "ang-nua.xlsx", [("Chè búp", 120), ("Mật ong", 30)])
    check = service.check(path, SAMPLE_2024, place_id("xa-ang-nua"))
    plan = service.apply(check, replace=True, dry_run=True)  # what the confirmation counts
    result = service.apply(check, replace=True)
    assert len(reads) == 1
    assert (plan.added, plan.applied, result.added, result.applied) == (2, False, 2, True)
    names = [e.product_name for e in SurveyService(make_uow).unit_entries(SAMPLE_2024, place_id("xa-ang-nua"))]
    assert names == ["Chè búp", "Mật ong"]


def test_a_file_changed_after_its_check_is_refused_and_nothing_is_stored(service, make_uow, tmp_path):
    path = workbook(tmp_path / "ang-nua.xlsx", [("Chè búp", 120)])
    check = service.check(path, SAMPLE_2024, place_id("xa-ang-nua"))
    before = SurveyService(make_uow).unit_entries(SAMPLE_2024, place_id("xa-ang-nua"))
    workbook(path, [("Chè búp", 999)])  # saved again in Excel between the check and the import
    message = (
        "Tệp ang-nua.xlsx đã bị sửa, thay hoặc xóa sau khi kiểm tra nên chưa nhập dòng nào. Hãy kiểm tra lại "
        "tệp (bấm «Kiểm tra» hoặc chạy lại lệnh) rồi nhập."
    )
    with pytest.raises(ImportRefused) as refused:
        service.apply(check)
    assert str(refused.value) == message
    path.unlink()
    with pytest.raises(ImportRefused, match="đã bị sửa, thay hoặc xóa"):
        service.apply(check)
    assert SurveyService(make_uow).unit_entries(SAMPLE_2024, place_id("xa-ang-nua")) == before
