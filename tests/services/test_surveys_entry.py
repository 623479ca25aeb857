"""Survey entry: saving a unit's rows, submissions, promotion to the registry, drafts on disk."""

from __future__ import annotations

import json
import os
from datetime import date, datetime

import pytest
from sqlalchemy import insert, select

from ocop_desktop.domain.validation import NotFoundError, StaleDataError, ValidationError
from ocop_desktop.persistence.models import AuditEntry, SurveyEntry
from ocop_desktop.services.drafts import DraftStore
from ocop_desktop.services.products import ProductService
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService, split_entry_field

ANG_NUA = place_id("xa-ang-nua")
ANG_CANG = place_id("xa-ang-cang")
JUNE_20 = date(2024, 6, 20)


@pytest.fixture
def surveys(make_uow):
    load_sample(make_uow, "muong-ang-2024")
    return SurveyService(make_uow)


@pytest.fixture
def campaign_id(surveys):
    (campaign,) = surveys.campaigns(today=JUNE_20)
    return campaign.id


def _row(name, **kw):
    return SurveyEntryInput(product_name=name, **kw)


def test_rows_are_saved_with_vietnamese_numbers_in_order(surveys, campaign_id):
    saved = surveys.save_entries(
        campaign_id,
        ANG_NUA,
        [
            _row(
                "Cà phê Ẳng Nưa",
                producer="HTX Cà phê",
                output_quantity="1.200",
                unit_of_measure="kg",
                quantity_sold="12,5",
                price_vnd="15.000 đ",
                raw_material_area_ha="2,5",
                proposed_year="2025",
            ),
            SurveyEntryInput(),  # a spare grid row
            _row("Gạo nếp nương", price_vnd=30000, proposed_year=2026),
        ],
    )
    assert [e.product_name for e in saved] == ["Cà phê Ẳng Nưa", "Gạo nếp nương"]
    first = saved[0]
    assert (first.output_quantity, first.quantity_sold, first.price_vnd) == (1200.0, 12.5, 15000)
    assert (first.raw_material_area_ha, first.proposed_year, first.campaign) == (2.5, 2025, 2024)
    assert [e.position for e in saved] == [0, 1]
    assert surveys.unit_entries(campaign_id, ANG_NUA) == saved
    assert surveys.unit_entries(campaign_id, ANG_CANG) == []
    # The CLI's listing sees the same rows.
    assert [e.product_name for e in surveys.entries(campaign_id)] == ["Cà phê Ẳng Nưa", "Gạo nếp nương"]
    units = {u.unit_id: u for u in surveys.campaign_units(campaign_id, today=JUNE_20)}
    assert units[ANG_NUA].entry_count == 2 and units[ANG_NUA].status_label == "Đang nhập"
    assert units[ANG_CANG].entry_count == 0 and units[ANG_CANG].status_label == "Chưa nộp"


def _shown(entry, name=None, **kw):
    """The row as a grid that loaded ``entry`` sends it back: its id and the version it was shown with."""
    return SurveyEntryInput(id=entry.id, version=entry.updated_at, product_name=name or entry.product_name, **kw)


def _versions(entries):
    return {e.id: e.updated_at for e in entries}


def test_saving_again_updates_inserts_deletes_named_rows_and_keeps_order(surveys, campaign_id):
    loaded = surveys.save_entries(campaign_id, ANG_NUA, [_row("A"), _row("B"), _row("C")])
    a, b, c = loaded
    saved = surveys.save_entries(
        campaign_id,
        ANG_NUA,
        [_shown(c, "C sửa"), _row("Mới"), _shown(a)],
        deleted={b.id: b.updated_at},
        loaded=_versions(loaded),
    )
    assert [e.product_name for e in saved] == ["C sửa", "Mới", "A"]
    assert saved[0].id == c.id and saved[2].id == a.id and saved[1].id not in {a.id, b.id, c.id}
    assert surveys.unit_entries(campaign_id, ANG_NUA) == saved


def test_rows_not_named_are_kept(surveys, campaign_id):
    """A caller that shows only some rows (or none) can add and update, never delete by omission."""
    a, _b = surveys.save_entries(campaign_id, ANG_NUA, [_row("A"), _row("B")])
    surveys.save_entries(campaign_id, ANG_NUA, [_shown(a, "A sửa")])
    surveys.save_entries(campaign_id, ANG_NUA, [_row("C")])
    assert surveys.save_entries(campaign_id, ANG_NUA, []) == surveys.unit_entries(campaign_id, ANG_NUA)
    assert sorted(e.product_name for e in surveys.unit_entries(campaign_id, ANG_NUA)) == ["A sửa", "B", "C"]


def test_an_update_over_a_row_changed_since_loading_is_refused(surveys, campaign_id):
    loaded = surveys.save_entries(campaign_id, ANG_NUA, [_row("Trà shan tuyết"), _row("Gạo nếp")])
    tea, rice = loaded
    # Another window (or a package) changes the tea row after this grid loaded it.
    surveys.save_entries(campaign_id, ANG_NUA, [_shown(tea, output_quantity="500")])
    before = surveys.unit_entries(campaign_id, ANG_NUA)
    with pytest.raises(StaleDataError) as refused:
        surveys.save_entries(
            campaign_id,
            ANG_NUA,
            [_shown(tea, notes="sửa ở đây"), _shown(rice, "Gạo nếp nương"), _row("Mới")],
            loaded=_versions(loaded),
        )
    (change,) = refused.value.changes
    # The other window's save is named by its user (the audit log), not «ở nơi khác».
    assert change.startswith("Dòng «Trà shan tuyết» đã được Nguyễn Văn Kiểm sửa lúc ")
    message = str(refused.value)
    assert message.startswith(
        "Rà soát năm 2024 — Xã Ẳng Nưa: dữ liệu đã thay đổi sau khi bạn mở. Dòng «Trà shan tuyết»"
    )
    assert message.endswith(". Chưa lưu gì; hãy tải lại để xem bản mới nhất rồi lưu lại.")
    assert ".." not in message and "()" not in message
    assert surveys.unit_entries(campaign_id, ANG_NUA) == before  # nothing written, not even the new row


def test_rows_added_or_deleted_since_loading_refuse_the_save(surveys, campaign_id):
    loaded = surveys.save_entries(campaign_id, ANG_NUA, [_row("Chè"), _row("Gạo")])
    tea, rice = loaded
    arrived = surveys.save_entries(campaign_id, ANG_NUA, [_row("Mật ong bạc hà")])[-1]
    with pytest.raises(StaleDataError) as refused:
        surveys.save_entries(campaign_id, ANG_NUA, [_shown(tea), _shown(rice, "Gạo nương")], loaded=_versions(loaded))
    assert refused.value.changes == ["Có 1 dòng mới: «Mật ong bạc hà»"]
    surveys.save_entries(campaign_id, ANG_NUA, [], deleted={rice.id: rice.updated_at})
    with pytest.raises(StaleDataError) as refused:
        surveys.save_entries(
            campaign_id,
            ANG_NUA,
            [_shown(tea), _shown(rice, "Gạo nương"), _shown(arrived)],
            loaded=_versions([tea, rice, arrived]),
        )
    assert refused.value.changes == ["Dòng «Gạo nương» đã bị xóa ở nơi khác"]
    assert [e.product_name for e in surveys.unit_entries(campaign_id, ANG_NUA)] == ["Chè", "Mật ong bạc hà"]


def test_explicit_deletes_work_unless_the_row_changed_since(surveys, campaign_id):
    a, b, _c = surveys.save_entries(campaign_id, ANG_NUA, [_row("A"), _row("B"), _row("C")])
    newer_b = surveys.save_entries(campaign_id, ANG_NUA, [_shown(b, "B sửa")])[1]
    with pytest.raises(StaleDataError) as refused:
        surveys.save_entries(campaign_id, ANG_NUA, [], deleted={a.id: a.updated_at, b.id: b.updated_at})
    assert refused.value.changes[0].startswith("Dòng «B sửa» bạn định xóa đã được Nguyễn Văn Kiểm sửa lúc ")
    assert len(surveys.unit_entries(campaign_id, ANG_NUA)) == 3
    kept = surveys.save_entries(campaign_id, ANG_NUA, [], deleted={a.id: a.updated_at, newer_b.id: newer_b.updated_at})
    assert [e.product_name for e in kept] == ["C"]
    # A row already deleted elsewhere is simply gone: deleting it again is no conflict.
    assert surveys.save_entries(campaign_id, ANG_NUA, [], deleted={a.id: a.updated_at}) == kept


def test_an_id_of_another_unit_is_added_not_moved(surveys, campaign_id):
    (other,) = surveys.save_entries(campaign_id, ANG_CANG, [_row("Của Ẳng Cang")])
    (mine,) = surveys.save_entries(campaign_id, ANG_NUA, [_row("Chép nhầm id", id=other.id)])
    assert mine.id != other.id
    assert [e.product_name for e in surveys.unit_entries(campaign_id, ANG_CANG)] == ["Của Ẳng Cang"]


def test_every_bad_cell_is_reported_with_row_and_column_and_nothing_is_saved(surveys, campaign_id):
    surveys.save_entries(campaign_id, ANG_NUA, [_row("Giữ nguyên")])
    with pytest.raises(ValidationError) as info:
        surveys.save_entries(
            campaign_id,
            ANG_NUA,
            [
                _row("Đúng"),
                _row("", producer="Chủ thể không có tên sản phẩm"),
                _row(
                    "Sai số",
                    output_quantity="12a",
                    quantity_sold="-3",
                    price_vnd="15.000,5",
                    proposed_year="1999",
                    raw_material_area_ha=float("nan"),
                ),
                _row("X" * 301),
            ],
        )
    cells = {split_entry_field(e.field): e.message for e in info.value.errors}
    assert set(cells) == {
        (2, "product_name"),
        (3, "output_quantity"),
        (3, "quantity_sold"),
        (3, "price_vnd"),
        (3, "proposed_year"),
        (3, "raw_material_area_ha"),
        (4, "product_name"),
    }
    assert cells[(3, "output_quantity")].startswith("Dòng 3, cột «Sản lượng»: «12a» không phải là số")
    assert "số âm" in cells[(3, "quantity_sold")]
    assert "phần lẻ" in cells[(3, "price_vnd")]
    assert "từ 2024 đến 2034" in cells[(3, "proposed_year")]
    assert "Chưa nhập tên sản phẩm" in cells[(2, "product_name")]
    assert "300 ký tự" in cells[(4, "product_name")]
    assert "Xã Ẳng Nưa" in str(info.value)
    assert [e.product_name for e in surveys.unit_entries(campaign_id, ANG_NUA)] == ["Giữ nguyên"]


def test_unknown_campaign_or_unit_is_refused(surveys, campaign_id):
    with pytest.raises(NotFoundError):
        surveys.save_entries("khong-co", ANG_NUA, [_row("A")])
    with pytest.raises(NotFoundError, match="không có trong danh sách báo cáo"):
        surveys.save_entries(campaign_id, place_id("tinh-dien-bien"), [_row("A")])


def test_submission_needs_a_past_date_and_shows_on_time(surveys, campaign_id):
    with pytest.raises(ValidationError) as info:
        surveys.set_submission(campaign_id, ANG_NUA, "da_nop", None, today=JUNE_20)
    assert info.value.by_field()["submitted_on"] == ["Chưa nhập ngày nộp; hãy chọn ngày đơn vị đã nộp báo cáo."]
    with pytest.raises(ValidationError, match="ở tương lai"):
        surveys.set_submission(campaign_id, ANG_NUA, "da_nop", date(2024, 6, 21), today=JUNE_20)
    with pytest.raises(ValidationError, match="không hợp lệ"):
        surveys.set_submission(campaign_id, ANG_NUA, "xong", None, today=JUNE_20)

    status = surveys.set_submission(campaign_id, ANG_NUA, "da_nop", date(2024, 7, 3), today=date(2024, 7, 10))
    assert (status.status_label, status.submitted_on, status.on_time) == ("Đã nộp", date(2024, 7, 3), True)
    late = surveys.set_submission(campaign_id, ANG_CANG, "da_nop", date(2024, 7, 8), today=date(2024, 7, 10))
    assert late.on_time is False
    units = {u.unit_id: u for u in surveys.campaign_units(campaign_id, today=date(2024, 7, 10))}
    overdue = units[place_id("xa-ang-to")]
    assert (overdue.status_label, overdue.on_time) == ("Chưa nộp", False)
    assert {u.on_time for u in surveys.campaign_units(campaign_id, today=JUNE_20) if not u.submitted} == {None}
    (campaign,) = surveys.campaigns(today=date(2024, 7, 10))
    assert campaign.submitted_count == 2

    back = surveys.set_submission(campaign_id, ANG_NUA, "dang_nhap", None, today=date(2024, 7, 10))
    assert (back.status_label, back.submitted_on) == ("Đang nhập", None)


def test_promote_creates_a_potential_product_once(surveys, campaign_id, make_uow):
    (entry,) = surveys.save_entries(
        campaign_id, ANG_NUA, [_row("Mật ong hoa cà phê", producer="Hộ ông Lò Văn A", proposed_year=2025)]
    )
    product_id = surveys.promote_to_product(entry.id)
    product = ProductService(make_uow).get(product_id)
    assert (product.name, product.status, product.status_label) == ("Mật ong hoa cà phê", "tiem_nang", "Tiềm năng")
    assert product.commune == "Xã Ẳng Nưa"
    assert "rà soát sản phẩm năm 2024" in product.notes and "Hộ ông Lò Văn A" in product.notes
    assert surveys.unit_entries(campaign_id, ANG_NUA)[0].product_id == product_id
    with pytest.raises(ValidationError, match="không tạo lại"):
        surveys.promote_to_product(entry.id)
    assert [p.name for p in ProductService(make_uow).list(status="tiem_nang")] == ["Mật ong hoa cà phê"]
    # Saving the row again keeps its link to the product.
    surveys.save_entries(campaign_id, ANG_NUA, [_row("Mật ong hoa cà phê", id=entry.id, notes="sửa")])
    assert surveys.unit_entries(campaign_id, ANG_NUA)[0].product_id == product_id
    with make_uow() as uow:
        actions = uow.session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "products")).all()
    assert "promote:create" in actions


def test_unchanged_rows_keep_their_saved_time(surveys, campaign_id):
    a, b = surveys.save_entries(campaign_id, ANG_NUA, [_row("A"), _row("B")])
    again = surveys.save_entries(campaign_id, ANG_NUA, [_row("A", id=a.id), _row("B2", id=b.id)])
    assert again[0].updated_at == a.updated_at and again[1].updated_at > b.updated_at
    units = {u.unit_id: u for u in surveys.campaign_units(campaign_id, today=JUNE_20)}
    assert units[ANG_NUA].saved_at == again[1].updated_at


def test_drafts_round_trip_and_are_discarded(tmp_path):
    store = DraftStore(tmp_path / "drafts")
    assert store.load("c", "u") is None
    payload = {"rows": [{"id": None, "cells": ["Cà phê", "1.200"]}]}
    written = store.save("c", "u", payload, now=datetime(2024, 6, 20, 3, 32))
    loaded = store.load("c", "u")
    assert loaded == written and loaded.payload == payload
    assert store.load("c", "other") is None
    store.discard("c", "u")
    assert store.load("c", "u") is None
    store.discard("c", "u")  # discarding twice is harmless


def test_a_broken_or_foreign_draft_is_ignored_and_no_temp_file_is_left(tmp_path):
    store = DraftStore(tmp_path)
    store.save("c", "u", {"rows": []})
    path = store.path_for("c", "u")
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    path.write_text('{"format": 1, "kind": "survey", "campa', "utf-8")  # a torn write
    assert store.load("c", "u") is None
    path.write_text(json.dumps({"format": 99}), "utf-8")
    assert store.load("c", "u") is None
    assert DraftStore(tmp_path).path_for("../../etc", "u").parent == tmp_path


def test_a_failed_write_keeps_the_previous_draft(tmp_path, monkeypatch):
    store = DraftStore(tmp_path)
    store.save("c", "u", {"n": 1})

    def killed(*_args):
        raise KeyboardInterrupt  # the process stops between writing and renaming

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        store.save("c", "u", {"n": 2})
    monkeypatch.undo()
    assert store.load("c", "u").payload == {"n": 1}
    assert [p.name for p in tmp_path.iterdir()] == [store.path_for("c", "u").name]


@pytest.mark.slow
def test_the_status_table_counts_every_unit_and_the_grid_reads_one_units_rows(surveys, campaign_id, make_uow):
    """Many units' rows: the status table counts them all (in SQL), the grid reads one unit's rows
    in order. (How fast at national scale, 100,000 rows, is measured in benchmarks/, not here.)"""
    units = [u.unit_id for u in surveys.campaign_units(campaign_id, today=JUNE_20)]
    others = [u for u in units if u != ANG_NUA]
    rows = [
        {
            "campaign_id": campaign_id,
            "unit_id": others[i % len(others)],
            "position": i,
            "product_name": f"Sản phẩm {i}",
            "quantity_sold": float(i),
        }
        for i in range(5_000)
    ]
    rows += [
        {"campaign_id": campaign_id, "unit_id": ANG_NUA, "position": i, "product_name": f"Ẳng Nưa {i}"}
        for i in range(200)
    ]
    with make_uow() as uow:
        uow.session.execute(insert(SurveyEntry), rows)
        uow.commit()

    status = surveys.campaign_units(campaign_id, today=JUNE_20)
    assert sum(u.entry_count for u in status) == 5_200
    assert {u.unit_id: u.entry_count for u in status}[ANG_NUA] == 200
    mine = surveys.unit_entries(campaign_id, ANG_NUA)
    assert [e.product_name for e in mine] == [f"Ẳng Nưa {i}" for i in range(200)]


def test_a_submission_changed_since_it_was_shown_is_not_overwritten(surveys, campaign_id):
    shown = next(u for u in surveys.campaign_units(campaign_id, today=JUNE_20) if u.unit_id == ANG_NUA)
    # A package marks the report received while the window still shows "Chưa nộp".
    received = surveys.set_submission(
        campaign_id, ANG_NUA, "da_nhan", date(2024, 6, 18), today=JUNE_20, expected_version=shown.version
    )
    with pytest.raises(StaleDataError) as refused:
        surveys.set_submission(campaign_id, ANG_NUA, "chua_nop", None, today=JUNE_20, expected_version=shown.version)
    message = str(refused.value)
    assert message.startswith("Trạng thái nộp của Xã Ẳng Nưa đã được Nguyễn Văn Kiểm sửa lúc ")
    assert ", nay là «Đã nhận». Chưa lưu gì;" in message
    now = next(u for u in surveys.campaign_units(campaign_id, today=JUNE_20) if u.unit_id == ANG_NUA)
    assert now == received and now.status_label == "Đã nhận"
