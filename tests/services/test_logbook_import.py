"""Producer logbooks from Excel (issue 17 item 4): the must-show import, its errors, the survey offer and the trace."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from sqlalchemy import func, select

from ocop_desktop.domain.validation import StaleDataError, ValidationError
from ocop_desktop.exports.logbook_template import write_logbook_template
from ocop_desktop.persistence.models import AuditEntry, SurveyEntry
from ocop_desktop.persistence.models.logbooks import LogbookBatch, LogbookBatchMaterial, LogbookMaterial, LogbookSale
from ocop_desktop.services.logbook_import import LogbookImportService
from ocop_desktop.services.logbooks import LogbookService
from tests.services.logbook_data import TODAY, make_owner, write_logbook

TABLES = (LogbookMaterial, LogbookBatch, LogbookBatchMaterial, LogbookSale)


def counts(make_uow) -> list[int]:
    with make_uow() as uow:
        return [uow.session.scalar(select(func.count()).select_from(t)) for t in TABLES]


@pytest.mark.slow
def test_a_2000_row_logbook_imports_after_its_bad_date_is_named_then_offers_totals_and_traces(make_uow, tmp_path):
    owner = make_owner(make_uow)
    service = LogbookImportService(make_uow)
    bad = write_logbook(tmp_path / "so-nhat-ky.xlsx", 700, 600, 700, bad_sale_row=57)

    check = service.check(bad, owner.producer_id, owner.product_id, today=TODAY)
    assert [p.message for p in check.problems] == [
        "Trang «Bán hàng», dòng 57, cột «Ngày bán» (B): Ngày «31/02/2025» không tồn tại. "
        "Hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/07/2024."
    ]
    with pytest.raises(ValidationError, match=r"Bán hàng.*dòng 57.*Ngày bán"):
        service.apply(check)
    assert counts(make_uow) == [0, 0, 0, 0]  # nothing imported

    fixed = write_logbook(tmp_path / "so-nhat-ky.xlsx", 700, 600, 700)
    result = service.import_file(fixed, owner.producer_id, owner.product_id, today=TODAY)
    assert result.added == {"materials": 700, "batches": 600, "links": 1200, "sales": 700}
    assert counts(make_uow) == [700, 600, 1200, 700]
    with make_uow() as uow:  # every record is in the audit chain
        audited = uow.session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.entity.like("logbook_%"))
        )
    assert audited == 700 + 600 + 1200 + 700

    # The same workbook again changes nothing.
    again = service.import_file(fixed, owner.producer_id, owner.product_id, today=TODAY)
    assert again.total_added == 0 and again.unchanged == 2000

    logbooks = LogbookService(make_uow)
    offer = logbooks.survey_offer(owner.entry_id)
    # 600 batches of 10 kg; 350 sales of 2 kg at 200.000 đ and 350 of 3 kg at 250.000 đ.
    assert offer.offered == {
        "output_quantity": 6000.0,
        "unit_of_measure": "kg",
        "quantity_sold": 1750.0,
        "price_vnd": 230_000,
    }
    assert offer.current["output_quantity"] == 5000.0  # what was typed stays until the officer accepts
    assert set(offer.changed) == {"output_quantity", "quantity_sold", "price_vnd"}
    assert logbooks.accept_offer(offer, offer.changed) == ["output_quantity", "quantity_sold", "price_vnd"]
    with make_uow() as uow:
        entry = uow.session.get(SurveyEntry, owner.entry_id)
        assert (entry.output_quantity, entry.quantity_sold, entry.price_vnd) == (6000.0, 1750.0, 230_000)

    (trace,) = logbooks.trace("me-57")  # any case
    assert trace.batch_code == "ME-57"
    assert [(lot.lot_code, lot.material, lot.source, lot.origin) for lot in trace.lots] == [
        ("NL-57", "Lá chè tươi", "Vùng chè của HTX", "Bản Co Líu"),
        ("NL-58", "Lá chè tươi", "Vùng chè của HTX", "Bản Co Líu"),
    ]
    assert trace.lots[0].quantity == 1250.5


def test_the_offer_is_refused_when_the_row_changed_since_it_was_shown(make_uow, tmp_path):
    owner = make_owner(make_uow)
    path = write_logbook(tmp_path / "nk.xlsx", 3, 2, 2)
    LogbookImportService(make_uow).import_file(path, owner.producer_id, owner.product_id, today=TODAY)
    logbooks = LogbookService(make_uow)
    offer = logbooks.survey_offer(owner.entry_id)
    with make_uow() as uow:
        uow.session.get(SurveyEntry, owner.entry_id).notes = "Sửa ở nơi khác"
        uow.commit()
    with pytest.raises(StaleDataError, match=r"Dòng rà soát «Chè Shan tuyết Ẳng Nưa».*đã được sửa ở nơi khác"):
        logbooks.accept_offer(offer, ["output_quantity"])
    with make_uow() as uow:
        assert uow.session.get(SurveyEntry, owner.entry_id).output_quantity == 5000.0


def test_mixed_units_are_explained_not_added_up(make_uow, tmp_path):
    owner = make_owner(make_uow)
    path = write_logbook(tmp_path / "nk.xlsx", 3, 2, 2)
    wb = openpyxl.load_workbook(path)
    wb["Bán hàng"]["E3"] = "hộp"
    wb.save(path)
    LogbookImportService(make_uow).import_file(path, owner.producer_id, owner.product_id, today=TODAY)
    totals = LogbookService(make_uow).totals(owner.product_id, 2025)
    assert totals.output_quantity == 20.0 and totals.quantity_sold is None and totals.price_vnd is None
    assert "đơn vị tính khác" in totals.problems[0] and "hộp" in totals.problems[0]


def test_unknown_lots_duplicates_and_messy_cells_are_named_by_sheet_row_and_column(make_uow, tmp_path):
    owner = make_owner(make_uow)
    path = write_logbook(tmp_path / "nk.xlsx", 3, 2, 2)
    wb = openpyxl.load_workbook(path)
    wb["Mẻ sản xuất"]["F3"] = "NL-2; NL-9"
    wb["Nhập nguyên liệu"]["H4"] = "nl-2"
    wb["Nhập nguyên liệu"]["D2"] = "mười"
    wb["Bán hàng"]["F2"] = "15.000,5"
    wb.save(path)
    check = LogbookImportService(make_uow).check(path, owner.producer_id, owner.product_id, today=TODAY)
    messages = [p.message for p in check.problems]
    assert any(
        m.startswith("Trang «Nhập nguyên liệu», dòng 2, cột «Số lượng» (D): «mười» không phải là số") for m in messages
    )
    assert any(m.startswith("Trang «Bán hàng», dòng 2, cột «Đơn giá (đồng)» (F): giá tính bằng đồng") for m in messages)
    assert any("dòng 4, cột «Mã lô nguyên liệu»: mã «nl-2» đã ghi ở dòng 3" in m for m in messages)
    assert any(
        m.startswith("Trang «Mẻ sản xuất», dòng 3, cột «Mã lô nguyên liệu đã dùng» (F): không có lô nguyên liệu «NL-9»")
        for m in messages
    )
    assert all(p.message.en.startswith("Sheet «") for p in check.problems)


def test_the_template_has_the_three_sheets_the_import_reads(make_uow, tmp_path):
    path = write_logbook_template(tmp_path / "mau-so-nhat-ky.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Nhập nguyên liệu", "Mẻ sản xuất", "Bán hàng", "Hướng dẫn"]
    assert [c.value for c in wb["Bán hàng"][1]] == [
        "STT",
        "Ngày bán",
        "Kênh bán hoặc người mua",
        "Số lượng bán",
        "Đơn vị tính",
        "Đơn giá (đồng)",
    ]
    assert [c.value for c in wb["Mẻ sản xuất"][1]][5] == "Mã lô nguyên liệu đã dùng"
    owner = make_owner(make_uow)
    ws = wb["Nhập nguyên liệu"]
    ws.append([1, "05/01/2025", "Mật ong", "12", "lít", "Tự khai thác", "Mường Ảng", "MO-1"])
    wb.save(path)
    result = LogbookImportService(make_uow).import_file(path, owner.producer_id, owner.product_id, today=TODAY)
    assert result.added["materials"] == 1


def test_a_product_without_logbook_entries_in_twelve_months_is_flagged_in_the_registry(make_uow, tmp_path):
    from ocop_desktop.services.product_query import ProductFilter, query_page

    DECEMBER = date(2025, 12, 1)
    kept = make_owner(make_uow)
    idle = make_owner(make_uow, "Mật ong bạc hà")
    path = write_logbook(tmp_path / "nk.xlsx", 3, 2, 2)  # entries dated January 2025
    LogbookImportService(make_uow).import_file(path, kept.producer_id, kept.product_id, today=DECEMBER)
    with make_uow() as uow:
        rows, _total = query_page(uow.session, ProductFilter(), 0, 50, DECEMBER)
        assert {r.name: r.logbook_idle for r in rows} == {"Chè Shan tuyết Ẳng Nưa": False, "Mật ong bạc hà": True}
        flagged, total = query_page(uow.session, ProductFilter(logbook_idle=True), 0, 50, DECEMBER)
        assert [r.name for r in flagged] == ["Mật ong bạc hà"] and total == 1
        later, _total = query_page(uow.session, ProductFilter(logbook_idle=True), 0, 50, TODAY)
    assert len(later) == 2  # twelve months after the last entry, both are flagged
    assert LogbookService(make_uow).idle_products(DECEMBER) == {idle.product_id}


def test_hidden_rows_and_sheets_are_imported_not_left_out_unseen(make_uow, tmp_path):
    owner = make_owner(make_uow)
    path = write_logbook(tmp_path / "nk.xlsx", 3, 2, 4)
    wb = openpyxl.load_workbook(path)
    wb["Bán hàng"].row_dimensions[3].hidden = True
    wb["Nhập nguyên liệu"].sheet_state = "hidden"
    wb.save(path)
    result = LogbookImportService(make_uow).import_file(path, owner.producer_id, owner.product_id, today=TODAY)
    assert result.added["sales"] == 4 and result.added["materials"] == 3


def test_quantities_in_another_unit_are_taken_only_with_the_unit(make_uow, tmp_path):
    owner = make_owner(make_uow)
    with make_uow() as uow:
        uow.session.get(SurveyEntry, owner.entry_id).unit_of_measure = "tấn"
        uow.commit()
    path = write_logbook(tmp_path / "nk.xlsx", 3, 2, 2)
    LogbookImportService(make_uow).import_file(path, owner.producer_id, owner.product_id, today=TODAY)
    logbooks = LogbookService(make_uow)
    offer = logbooks.survey_offer(owner.entry_id)
    with pytest.raises(ValidationError, match="Sổ nhật ký tính theo «kg», dòng rà soát theo «tấn»"):
        logbooks.accept_offer(offer, ["output_quantity"])
    assert logbooks.accept_offer(offer, ["output_quantity", "unit_of_measure"]) == [
        "output_quantity",
        "unit_of_measure",
    ]
    with make_uow() as uow:
        entry = uow.session.get(SurveyEntry, owner.entry_id)
        assert (entry.output_quantity, entry.unit_of_measure) == (20.0, "kg")


def test_a_logbook_entry_clears_the_idle_flag_at_the_next_keystroke(make_uow, tmp_path):
    """The flags are kept between keystrokes (on SQLite until the file changes, on a server until
    the audit chain's head moves: persistence/file_version): an import clears the mark at once."""
    from ocop_desktop.services.product_query import ProductFilter, uncounted_page

    december = date(2025, 12, 1)
    kept = make_owner(make_uow)
    make_owner(make_uow, "Mật ong bạc hà")

    def flags() -> dict[str, bool]:
        with make_uow() as uow:
            rows, _total = uncounted_page(uow.session, ProductFilter(), 0, 50, december)
        return {r.name: r.logbook_idle for r in rows}

    assert flags() == {"Chè Shan tuyết Ẳng Nưa": True, "Mật ong bạc hà": True}
    path = write_logbook(tmp_path / "nk.xlsx", 3, 2, 2)  # entries dated January 2025
    LogbookImportService(make_uow).import_file(path, kept.producer_id, kept.product_id, today=december)
    assert flags() == {"Chè Shan tuyết Ẳng Nưa": False, "Mật ong bạc hà": True}
