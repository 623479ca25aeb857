"""A big survey sheet: rows taken on the quick path exactly as the full check takes them, progress told
once per percent, and a stopped import leaving the database as it was (rows and audit chain)."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest

from ocop_desktop.services.reference import place_id
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.settings import save_office_settings
from ocop_desktop.services.survey_import import ImportCancelled, SurveyImportService
from ocop_desktop.services.survey_import_rows import RowChecker, _Units
from tests.ids import SAMPLE_2024
from tests.survey_counts import counts, sound

ANG_NUA = place_id("xa-ang-nua")
HEADER = [
    "STT",
    "Đơn vị",
    "Tên sản phẩm",
    "Chủ thể",
    "Sản lượng",
    "Giá tiêu thụ (đồng)",
    "Diện tích vùng nguyên liệu (ha)",
]


@pytest.fixture
def service(make_uow):
    load_sample(make_uow, "muong-ang-2024")
    save_office_settings(make_uow, place_id("huyen-muong-ang"), "Nguyễn Văn Kiểm", "")
    return SurveyImportService(make_uow)


def sheet(path, rows: int):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Rà soát")
    ws.append([*HEADER, "Đề xuất tham gia OCOP năm"])
    for i in range(rows):
        ws.append([i + 1, "Xã Ẳng Nưa", f"Chè Shan tuyết {i}", f"HTX Ẳng Nưa {i % 7}", 100 + i, 15_000, 1.5, 2025])
    wb.save(path)
    return path


def test_progress_is_told_once_per_percent_and_the_rows_are_stored(service, db, tmp_path):
    path = sheet(tmp_path / "lon.xlsx", 3_000)
    told: list[tuple[int, int, str]] = []
    check = service.check(path, SAMPLE_2024, progress=lambda *a: told.append(a))
    assert (len(check.rows), check.problems) == (3_000, ())
    percents = [d for d, _t, _x in told]
    assert percents == sorted(set(percents)) and percents[-1] == 100 and {t for _d, t, _x in told} == {100}
    assert {x for _d, _t, x in told} == {"Đang đọc tệp", "Đang kiểm tra từng dòng"}
    told.clear()
    before = counts(db)
    result = service.apply(check, progress=lambda *a: told.append(a))
    assert result.added == 3_000
    percents = [d for d, _t, _x in told]
    assert percents == sorted(set(percents)) and percents[-1] == 100 and len(percents) > 50
    assert counts(db) == (before[0] + 3_000, before[1] + 3_000 + 1)  # an entry per row, the submission
    assert sound(db)


def test_a_stopped_import_changes_nothing(service, db, tmp_path):
    check = service.check(sheet(tmp_path / "lon.xlsx", 3_000), SAMPLE_2024)
    before = counts(db)
    told: list[int] = []
    with pytest.raises(ImportCancelled) as stopped:
        service.apply(check, progress=lambda done, total, text: told.append(done), cancelled=lambda: len(told) > 40)
    assert 30 < told[-1] < 100  # stopped halfway through the rows
    assert str(stopped.value) == "Đã dừng nhập theo yêu cầu; dữ liệu không thay đổi."
    assert counts(db) == before
    assert sound(db)
    with pytest.raises(ImportCancelled):  # a check can be stopped too
        service.check(check.path, SAMPLE_2024, cancelled=lambda: True)


VALUES = [
    None,
    "",
    "  ",
    0,
    -0.0,
    1,
    12.5,
    12.0,
    -3,
    2025,
    2025.0,
    2024.5,
    10**12,
    10**12 - 1,
    1e15,
    float("inf"),
    float("nan"),
    True,
    "1.200",
    "15.000 đ",
    "12,5",
    " Chè  Shan\u00a0tuyết ",
    "Ca\u0300 phê",  # decomposed, as some keyboards type it
    "x" * 301,
    datetime(2024, 7, 4),
    date(2024, 7, 4),
    "04/07/2024",
    "=SUM(A1)",
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_the_quick_path_takes_a_cell_exactly_as_the_full_check(value):
    units = _Units()
    units.add(ANG_NUA, "Xã Ẳng Nưa", "03211")
    columns = {
        0: "unit",
        1: "product_name",
        2: "producer",
        3: "output_quantity",
        4: "price_vnd",
        5: "proposed_year",
        6: "raw_material_area_ha",
        7: "notes",
        8: "submitted_on",
    }
    names = {i: f"Cột {i}" for i in columns}
    args = ("Rà soát", columns, names, 2024, units, None, date(2024, 7, 10))
    for at in range(1, 9):
        row = ["03211", "Chè", "HTX", 1, 2, 2025, 3.5, "ghi chú", None]
        row[at] = value
        quick, full = RowChecker(*args), RowChecker(*args)
        quick_problems: list = []
        full_problems: list = []
        taken = quick.check(7, tuple(row), quick_problems)
        cells = dict(zip(columns.values(), row, strict=True))
        expected = full._slow("Rà soát", 7, cells, columns, names, 2024, units, None, date(2024, 7, 10), full_problems)
        assert taken == expected, (columns[at], value)
        assert quick_problems == full_problems, (columns[at], value)
