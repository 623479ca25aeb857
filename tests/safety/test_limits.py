"""Limits on input hold for every writer (forms, imports, packages): the flush hook enforces them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ocop_desktop.domain import limits
from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.persistence.models import AuditEntry, Product, SurveyEntry
from ocop_desktop.services.products import ProductInput, ProductService
from ocop_desktop.services.sample import load_sample


def _count(make_uow, model) -> int:
    with make_uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def test_an_oversized_or_malformed_record_is_refused_with_every_problem_named(make_uow):
    """What a careless import could push straight into the session, bypassing the service."""
    with pytest.raises(ValidationError) as info, make_uow(action="import") as uow:
        uow.session.add(
            Product(
                name="Mật ong " + "rất " * 100,
                status="duoc_cong_nhan",
                stars=9,
                score=float("nan"),
                certified_on=date(1066, 10, 14),
                notes="x" * 25_000,
            )
        )
        uow.commit()
    errors = info.value.by_field()
    assert set(errors) == {"name", "stars", "score", "certified_on", "notes"}
    assert info.value.record.startswith("Sản phẩm «Mật ong rất rất")
    assert "«Tên» dài 408 ký tự, vượt giới hạn 300 ký tự" in errors["name"][0]
    assert "«Hạng sao» là 9, ngoài khoảng cho phép từ 1 đến 5" in errors["stars"][0]
    assert "không phải là một số hữu hạn" in errors["score"][0]
    assert "năm 1066" in errors["certified_on"][0]
    assert "vượt giới hạn 20.000 ký tự" in errors["notes"][0]
    assert _count(make_uow, Product) == 0 and _count(make_uow, AuditEntry) == 0  # nothing written


def test_a_value_of_the_wrong_type_is_refused(make_uow):
    with pytest.raises(ValidationError) as info, make_uow() as uow:
        uow.session.add(Product(name="Trà", status="tiem_nang", stars="năm", certified_on="05/07/2024"))
        uow.commit()
    errors = info.value.by_field()
    assert "phải là số" in errors["stars"][0] and "phải là ngày tháng" in errors["certified_on"][0]


def test_changed_fields_of_an_existing_record_are_checked_too(make_uow):
    load_sample(make_uow, "muong-ang-2024")
    with pytest.raises(ValidationError) as info, make_uow() as uow:
        entry = uow.session.scalars(select(Product)).first()
        entry.score = 1e300
        uow.commit()
    assert "«Điểm» là" in info.value.errors[0].message


def test_survey_numbers_from_an_import_stay_in_their_ranges(make_uow):
    load_sample(make_uow, "muong-ang-2024")
    from ocop_desktop.services.surveys import SurveyService

    campaign = SurveyService(make_uow).campaigns()[0]
    with pytest.raises(ValidationError) as info, make_uow(action="import") as uow:
        uow.session.add(
            SurveyEntry(
                campaign_id=campaign.id,
                unit_id=campaign.submissions[0].unit_id,
                product_name="Gạo",
                price_vnd=-5,
                proposed_year=1999,
            )
        )
        uow.commit()
    assert info.value.record == "Dòng rà soát «Gạo»"
    assert set(info.value.by_field()) == {"price_vnd", "proposed_year"}


def test_values_within_the_limits_pass_through_the_service(make_uow):
    product = ProductService(make_uow).create(ProductInput(name="Chè " + "x" * 290, notes="ghi chú\ncó xuống dòng\t"))
    assert len(product.name) == 294


def test_files_too_big_to_import_are_refused_before_they_are_read(tmp_path, monkeypatch):
    small = tmp_path / "goi.ocop"
    small.write_bytes(b"x" * 100)
    assert limits.check_file_size(small, "package") == 100
    monkeypatch.setitem(limits.FILE_MAX_BYTES, "excel", 50)
    with pytest.raises(ValidationError) as info:
        limits.check_file_size(small, "excel")
    assert "Tệp Excel nặng" in info.value.errors[0].message and "vượt giới hạn" in info.value.errors[0].message
    with pytest.raises(ValidationError, match="Không đọc được gói dữ liệu"):
        limits.check_file_size(Path(tmp_path / "khong-co.ocop"), "package")


def test_control_and_bidi_characters_never_reach_the_file(make_uow, db_path):
    """Whatever wrote them (a service, or a record added straight to the session), in every text column."""
    from ocop_desktop.persistence.models import Producer

    product = ProductService(make_uow).create(
        ProductInput(name="Mật ong\u202e gnaV gnôĐ\u202c", notes="Dòng 1\r\nDòng 2\t\x1b[31mđỏ\x00")
    )
    with make_uow(action="import") as uow:
        uow.session.add(
            Producer(
                name="HTX\u2066 Chè\x1b",
                kind="htx",
                representative="Lò\nVăn\tAnh\u200f",
                address="Thôn 1\nXã Ẳng Nưa\u200f",
            )
        )
        uow.commit()
    with make_uow() as uow:
        stored = uow.session.get(Product, product.id)
        producer = uow.session.scalars(select(Producer).where(Producer.name.like("HTX%"))).one()
        assert (stored.name, stored.notes) == ("Mật ong gnaV gnôĐ", "Dòng 1\nDòng 2\t[31mđỏ")
        assert stored.name_folded == "mat ong gnav gnod"
        assert (producer.name, producer.representative) == ("HTX Chè", "Lò Văn Anh")  # one-line columns
        assert producer.address == "Thôn 1\nXã Ẳng Nưa"  # a Text column keeps its lines


def test_a_time_more_than_a_day_ahead_is_refused_but_a_date_keeps_its_range(make_uow):
    from datetime import datetime, timedelta

    with pytest.raises(ValidationError) as info, make_uow() as uow:
        uow.session.add(Product(name="Trà", status="tiem_nang", archived_at=datetime(2199, 1, 1)))
        uow.commit()
    assert str(info.value) == (
        "Sản phẩm «Trà»: «Ngày lưu trữ» là 01/01/2199 00:00 (giờ UTC), muộn hơn hiện tại quá một ngày; đồng hồ "
        "của máy ghi dữ liệu này có thể bị sai. Hãy chỉnh lại ngày giờ của máy đó rồi làm lại."
    )
    soon = datetime.utcnow() + timedelta(hours=20)  # another office's clock a little ahead: fine
    with make_uow() as uow:
        uow.session.add(Product(name="Chè", status="tiem_nang", archived_at=soon, expires_on=date(2199, 1, 1)))
        uow.commit()
    assert limits.check_moment(datetime(2199, 1, 1), "Lúc") and limits.check_date(date(2199, 1, 1), "Ngày") is None


def test_json_values_are_finite_and_shallow(make_uow):
    deep: list = []
    for _ in range(40):
        deep = [deep]
    for checklist, expected in (
        ({"nhãn": 1e300}, "vượt khoảng cho phép"),
        ({"nhãn": float("inf")}, "số hữu hạn"),
        ({"nhãn": deep}, "lồng nhau quá 32 tầng"),
    ):
        with pytest.raises(ValidationError) as info, make_uow() as uow:
            uow.session.add(Product(name="Trà", status="tiem_nang", checklist=checklist))
            uow.commit()
        assert info.value.record == "Sản phẩm «Trà»" and expected in info.value.errors[0].message
        assert "«Nhãn hàng hóa, truy xuất nguồn gốc và nhãn hiệu»" in info.value.errors[0].message
    very_deep: list = []
    for _ in range(200_000):
        very_deep = [very_deep]
    assert limits.json_depth(very_deep) > limits.JSON_MAX_DEPTH  # no RecursionError


def test_refusals_name_fields_by_label_without_internal_keys_or_doubled_stops():
    from ocop_desktop.domain.validation import FieldError

    error = ValidationError(
        [
            FieldError("office_unit_id", "Chưa thiết lập đơn vị."),
            FieldError("row 3/notes", "Dòng 3, cột «Ghi chú»: quá dài."),
            FieldError("Trang «Phiếu», dòng 2", "không có bộ tiêu chí «X»."),
        ],
        record="Gửi báo cáo",
    )
    assert str(error) == (
        "Gửi báo cáo: Chưa thiết lập đơn vị; Dòng 3, cột «Ghi chú»: quá dài; "
        "Trang «Phiếu», dòng 2: không có bộ tiêu chí «X»."
    )
