"""Survey campaigns made by the office: add, edit, close, delete, copy from last year, refusals."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from ocop_desktop.domain.validation import StaleDataError, ValidationError
from ocop_desktop.services.campaigns import CampaignInput, CampaignService
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService

TODAY = date(2026, 3, 2)
ANG_NUA, MUONG_ANG = place_id("xa-ang-nua"), place_id("xa-muong-ang")


@pytest.fixture
def service(make_uow) -> CampaignService:
    return CampaignService(make_uow)


def new_2026(service, **kw) -> object:
    data = dict(
        year=2026,
        deadline="30/06/2026",
        title="Rà soát sản phẩm OCOP năm 2026",
        issuing_letter="Số 12/UBND-KT ngày 02/03/2026 của UBND xã",
        unit_ids=(MUONG_ANG,),
    )
    data.update(kw)
    return service.add(CampaignInput(**data), today=TODAY)


def test_add_stores_the_campaign_its_units_and_an_audit_entry(service, make_uow):
    info = new_2026(service)
    shown = SurveyService(make_uow).campaigns(today=TODAY)
    assert [(c.year, c.title, c.deadline, c.issuing_letter, c.closed_on) for c in shown] == [
        (2026, "Rà soát sản phẩm OCOP năm 2026", date(2026, 6, 30), "Số 12/UBND-KT ngày 02/03/2026 của UBND xã", None)
    ]
    units = SurveyService(make_uow).campaign_units(info.id, today=TODAY)
    assert [(u.unit, u.status) for u in units] == [("Xã Mường Ảng", "chua_nop")]
    with make_uow() as uow:  # on a file or a server (--engine=postgresql)
        audited = uow.session.execute(
            text("SELECT actor, action FROM audit_log WHERE entity = 'survey_campaigns'")
        ).all()
    assert [tuple(r) for r in audited] == [("Nguyễn Văn Kiểm", "create")]


def test_every_missing_or_wrong_field_is_named_by_its_label(service, make_uow):
    with pytest.raises(ValidationError) as caught:
        service.add(CampaignInput(year="2017", deadline="31/02/2026", title="  ", unit_ids=()), today=TODAY)
    text = str(caught.value)
    assert text.startswith("Đợt rà soát mới: ")
    assert "«Năm» «2017» không dùng được; hãy nhập năm từ 2018" in text and "đến 2027" in text
    assert "«Hạn nộp»: Ngày «31/02/2026» không tồn tại" in text
    assert "Chưa nhập «Tên đợt»" in text
    assert "Chưa chọn «Đơn vị báo cáo»" in text
    assert "year" not in text and "unit_ids" not in text and ";;" not in text and ".." not in text
    assert SurveyService(make_uow).campaigns() == []


def test_a_unit_that_no_longer_exists_on_the_deadline_is_refused_by_name(service):
    with pytest.raises(ValidationError) as caught:
        new_2026(service, unit_ids=(ANG_NUA,))
    assert "«Đơn vị báo cáo»: «Xã Ẳng Nưa» (đến 30/06/2025) không tồn tại vào «Hạn nộp» 30/06/2026" in str(caught.value)


def test_a_second_campaign_of_the_same_year_is_refused(service):
    new_2026(service)
    with pytest.raises(
        ValidationError, match=r"Đã có đợt rà soát năm 2026 \(«Rà soát sản phẩm OCOP năm 2026»\); mỗi năm một đợt"
    ):
        new_2026(service, title="Đợt khác")


def test_all_units_of_a_province_valid_on_the_deadline(service):
    units = service.units_within(place_id("tinh-dien-bien"), date(2026, 6, 30))
    names = {u.name for u in units}
    assert "Xã Mường Ảng" in names and "Xã Ẳng Nưa" not in names
    assert all(u.valid_on(date(2026, 6, 30)) for u in units)
    # A district of 2024 asked for in 2026 gives the communes that took over its own.
    assert "Xã Mường Ảng" in {u.name for u in service.units_within(place_id("huyen-muong-ang"), date(2026, 6, 30))}
    before = service.units_within(place_id("huyen-muong-ang"), date(2024, 6, 30))
    assert "Xã Ẳng Nưa" in {u.name for u in before} and "Xã Mường Ảng" not in {u.name for u in before}


def test_edit_changes_fields_and_units_but_never_drops_a_unit_with_rows(service, make_uow):
    bung_lao = place_id("xa-bung-lao")
    info = new_2026(service, unit_ids=(MUONG_ANG, bung_lao))
    SurveyService(make_uow).save_entries(
        info.id, MUONG_ANG, [SurveyEntryInput(product_name="Cà phê"), SurveyEntryInput(product_name="Chè")]
    )
    with pytest.raises(ValidationError) as caught:
        service.edit(info.id, CampaignInput(2026, "15/07/2026", "Đợt sửa", "", (bung_lao,)), today=TODAY)
    assert "không bỏ được «Xã Mường Ảng» khỏi «Đơn vị báo cáo»: đơn vị đã có 2 dòng rà soát" in str(caught.value)
    assert service.get(info.id).title == "Rà soát sản phẩm OCOP năm 2026"  # nothing written
    edited = service.edit(
        info.id,
        CampaignInput(2026, "15/07/2026", "Đợt sửa", "Số 1", (MUONG_ANG,)),
        today=TODAY,
        expected_version=info.version,
    )
    assert (edited.title, edited.deadline, edited.issuing_letter, edited.unit_ids) == (
        "Đợt sửa",
        date(2026, 7, 15),
        "Số 1",
        (MUONG_ANG,),
    )
    with pytest.raises(StaleDataError):
        service.edit(
            info.id,
            CampaignInput(2026, "15/07/2026", "Lần hai", "", (MUONG_ANG,)),
            today=TODAY,
            expected_version=info.version,
        )


def test_close_refuses_new_rows_and_reopen_allows_them(service, make_uow):
    info = new_2026(service)
    closed = service.close(info.id, on=date(2026, 7, 1))
    assert closed.closed_on == date(2026, 7, 1)
    assert SurveyService(make_uow).campaigns()[0].closed_on == date(2026, 7, 1)
    with pytest.raises(ValidationError, match="đã kết thúc ngày 01/07/2026 nên không sửa được"):
        SurveyService(make_uow).save_entries(info.id, MUONG_ANG, [SurveyEntryInput(product_name="Cà phê")])
    with pytest.raises(ValidationError, match="Đợt đã kết thúc từ ngày 01/07/2026"):
        service.close(info.id)
    assert service.reopen(info.id).closed_on is None
    assert len(SurveyService(make_uow).save_entries(info.id, MUONG_ANG, [SurveyEntryInput(product_name="Cà phê")])) == 1


def test_delete_is_refused_with_the_count_of_rows_and_allowed_without(service, make_uow):
    info = new_2026(service)
    SurveyService(make_uow).save_entries(info.id, MUONG_ANG, [SurveyEntryInput(product_name=n) for n in "ABC"])
    with pytest.raises(ValidationError) as caught:
        service.delete(info.id)
    assert "đợt đã có 3 dòng rà soát của các đơn vị nên không xóa được" in str(caught.value)
    assert len(SurveyService(make_uow).entries(info.id)) == 3
    empty = service.add(CampaignInput(2025, "30/06/2025", "Đợt trống", "", (ANG_NUA,)), today=TODAY)
    service.delete(empty.id)
    assert [c.year for c in service.list()] == [2026]


def test_copy_from_last_year_maps_merged_units_to_their_successors(service, make_uow):
    load_sample(make_uow, "muong-ang-2024")
    old = service.by_year(2024)
    proposal = service.propose_copy(2026)
    assert proposal.source_year == 2024
    assert proposal.data.deadline == old.deadline.replace(year=2026)
    assert "2026" in proposal.data.title and "2024" not in proposal.data.title
    assert any(line.startswith("Xã Ẳng Nưa (đến 30/06/2025) → Xã Mường Ảng") for line in proposal.mapped)
    info, _ = service.copy(2026, today=TODAY)
    names = [u.unit for u in SurveyService(make_uow).campaign_units(info.id, today=TODAY)]
    assert "Xã Mường Ảng" in names and "Xã Ẳng Nưa" not in names
    assert len(names) == len(set(names))  # three old units merged into one report once
    assert service.by_year(2024).unit_ids == old.unit_ids  # last year's campaign untouched


def test_copy_gives_every_new_unit_a_divided_commune_went_to(service, make_uow):
    """Phường Cầu Đất (Hải Phòng) was divided between Phường Lê Chân and Phường Gia Viên in 2025."""
    old = next(p for p in PlaceService(make_uow).all() if p.name == "Phường Cầu Đất" and p.valid_to)
    service.add(CampaignInput(2025, "30/06/2025", "Rà soát năm 2025", "", (old.id,)), today=TODAY)
    proposal = service.propose_copy(2026)
    names = {p.name for p in PlaceService(make_uow).all() if p.id in proposal.data.unit_ids}
    assert names == {"Phường Lê Chân", "Phường Gia Viên"}
    assert proposal.mapped[0].startswith("Phường Cầu Đất (đến 30/06/2025) → ")


def test_a_new_campaign_starts_in_the_office_own_area(make_uow):
    from ocop_desktop.services.settings import save_office_settings

    service = CampaignService(make_uow)
    assert service.office_scope(date(2026, 6, 30)) == (None, ())  # no office set up yet
    save_office_settings(make_uow, place_id("xa-muong-ang"), "Lò Văn Minh", "Công chức")
    assert service.office_scope(date(2026, 6, 30)) == (place_id("tinh-dien-bien"), (place_id("xa-muong-ang"),))
    # An office set up in 2024 as the township: a 2026 campaign starts with the commune that took it over.
    save_office_settings(make_uow, place_id("thi-tran-muong-ang"), "Lò Văn Minh", "Công chức")
    assert service.office_scope(date(2026, 6, 30)) == (place_id("tinh-dien-bien"), (place_id("xa-muong-ang"),))
    assert service.office_scope(date(2024, 7, 5)) == (place_id("tinh-dien-bien"), (place_id("thi-tran-muong-ang"),))
    # A district office picks among its communes; none is chosen for it.
    save_office_settings(make_uow, place_id("huyen-muong-ang"), "Nguyễn Văn Kiểm", "Chuyên viên")
    assert service.office_scope(date(2024, 7, 5)) == (place_id("huyen-muong-ang"), ())
