"""write_xlsx: values, formats, formula safety, live totals, print setup, cancel and atomicity."""

from __future__ import annotations

import csv
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from ocop_desktop.exports.excel import sheet_title, write_xlsx
from ocop_desktop.exports.report_model import (
    ExportCancelled,
    OfficialHeader,
    Report,
    ReportColumn,
    ReportSection,
)
from tests.ids import SAMPLE_2024
from tests.pdftext import pdftotext

COLUMNS = [
    ReportColumn("stt", "STT", "int", width=6),
    ReportColumn("name", "Tên sản phẩm", "text", width=32),
    ReportColumn("producer", "Chủ thể", "text", width=24),
    ReportColumn("qty", "Sản lượng (kg)", "int", width=12, total=True),
    ReportColumn("area", "Diện tích (ha)", "number", width=11, total=True),
    ReportColumn("revenue", "Doanh thu", "money", width=16, total=True),
    ReportColumn("day", "Ngày đánh giá", "date", width=13),
    ReportColumn("stars", "Hạng sao", "stars", width=8),
]
RISKY = ["=1+1", "+84 912", "-5 kg", "@home", "\tSUM(A1)", "#N/A"]


def sample(**overrides) -> Report:
    north = ReportSection(
        "Xã Mường Ảng",
        [
            {
                "stt": 1,
                "name": "Cà phê Mường Ảng rang xay",
                "producer": "HTX Nông nghiệp Ẳng Nưa",
                "qty": 1_234_567,
                "area": 12.5,
                "revenue": 2_500_000,
                "day": date(2024, 7, 5),
                "stars": 4,
            },
            {
                "stt": 2,
                "name": "=1+1",
                "producer": "+84 912",
                "qty": 10,
                "area": 0.25,
                "revenue": 300_000,
                "day": date(2024, 1, 9),
                "stars": 3,
            },
            {
                "stt": 3,
                "name": "-5 kg",
                "producer": "@home",
                "qty": None,
                "area": None,
                "revenue": None,
                "day": None,
                "stars": None,
            },
        ],
        subtotal=True,
    )
    south = ReportSection(
        "Xã Ẳng Tở",
        [
            {
                "stt": 4,
                "name": "Mật ong rừng Điện Biên",
                "producer": "Hộ kinh doanh Lò Văn Đức",
                "qty": 40,
                "area": 3,
                "revenue": 1_000_000,
                "day": date(2024, 12, 31),
                "stars": 3,
            },
        ],
        subtotal=True,
    )
    fields = dict(
        kind="products",
        title="BÁO CÁO",
        subtitle="Kết quả rà soát sản phẩm tham gia Chương trình OCOP năm 2024",
        columns=COLUMNS,
        sections=[north, south],
        header=OfficialHeader(
            parent_body="UBND TỈNH ĐIỆN BIÊN", body="UBND XÃ MƯỜNG ẢNG", place="Mường Ảng", day=date(2024, 7, 5)
        ),
        notes=["- Lưu: VT, VP.", "Số liệu tính đến ngày 30/6/2024."],
        grand_total=True,
        landscape=True,
    )
    fields.update(overrides)
    return Report(**fields)


def cells_by_value(ws) -> dict:
    return {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}


def find_row(ws, label, column: str = "A") -> list[int]:
    return [c.row for c in ws[column] if c.value == label]


@pytest.fixture
def book(tmp_path: Path):
    path = write_xlsx(sample(), tmp_path / "báo cáo.xlsx")
    wb = openpyxl.load_workbook(path)
    return wb.active


def test_title_block_and_header_row(book):
    ws = book
    values = cells_by_value(ws)
    assert ws["A1"].value == "UBND TỈNH ĐIỆN BIÊN"
    assert ws["A2"].value == "UBND XÃ MƯỜNG ẢNG" and ws["A2"].font.b
    assert "Mường Ảng, ngày 05 tháng 7 năm 2024" in values
    title = values["BÁO CÁO"]
    assert title.font.b and title.font.sz > 11
    assert any(str(r) == f"A{title.row}:H{title.row}" for r in ws.merged_cells.ranges)
    assert values["Kết quả rà soát sản phẩm tham gia Chương trình OCOP năm 2024"].font.b
    header = values["STT"].row
    assert [c.value for c in ws[header]] == [c.header for c in COLUMNS]
    for cell in ws[header]:
        assert cell.font.b and cell.alignment.wrap_text and cell.border.bottom.style == "thin"
        assert cell.fill.fgColor.rgb.endswith("D9D9D9")
    assert ws[header - 1][0].value is None  # the empty row before the table


def test_sheet_setup(book):
    ws = book
    header = find_row(ws, "STT")[0]
    assert ws.title == "Kết quả rà soát sản phẩm tham"
    assert ws.freeze_panes == f"A{header + 1}"
    last_data = find_row(ws, "Tổng cộng", "B")[0] - 1
    assert ws.auto_filter.ref == f"A{header}:H{last_data}"
    assert ws.print_title_rows == f"${header}:${header}"
    assert int(ws.page_setup.paperSize) == 9
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    # The page number at the top centre, from page 2 (Nghị định 30/2020), in the document's font.
    assert ws.oddHeader.center.text == "&P" and ws.oddHeader.center.font == "Times New Roman,Regular"
    assert ws.HeaderFooter.differentFirst and not ws.firstHeader.center.text
    assert not ws.oddFooter.center.text
    # The margins of the PDF: a landscape page is bound on its top edge.
    assert (ws.page_margins.top, ws.page_margins.bottom, ws.page_margins.left) == (1.18, 0.59, 0.79)
    for i, col in enumerate(COLUMNS, 1):
        assert ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width == col.width


def test_values_types_and_formats(book):
    ws = book
    row = ws[find_row(ws, 1)[0]]
    _stt, name, producer, qty, area, revenue, day, stars = row
    assert name.value == "Cà phê Mường Ảng rang xay" and producer.value == "HTX Nông nghiệp Ẳng Nưa"
    assert type(qty.value) is int and qty.value == 1_234_567 and qty.number_format == "[$-42A]#,##0"
    assert isinstance(area.value, float) and area.value == 12.5 and "#,##0" in area.number_format
    assert type(revenue.value) is int and revenue.number_format == '[$-42A]#,##0 "đ"'
    assert day.is_date and day.value.date() == date(2024, 7, 5) and day.number_format == "dd/mm/yyyy"
    assert stars.value == 4 and type(stars.value) is int
    empty = ws[find_row(ws, 3)[0]]
    assert [c.value for c in empty[3:]] == [None] * 5  # None stays an empty cell


def test_formula_looking_text_is_text(tmp_path: Path):
    rows = [{"stt": i, "name": text, "producer": text, "qty": i} for i, text in enumerate(RISKY, 1)]
    report = sample(sections=[ReportSection("", rows)], notes=['=HYPERLINK("http://x")'])
    wb = openpyxl.load_workbook(write_xlsx(report, tmp_path / "r.xlsx"))
    values = cells_by_value(wb.active) | cells_by_value(wb["Ghi chú"])
    for text in [*RISKY, '=HYPERLINK("http://x")']:
        cell = values[text]
        assert cell.data_type == "s" and cell.value == text
    assert values["=1+1"].quotePrefix  # stays text when edited in Excel
    # and the raw XML holds no formula except the totals
    import zipfile

    xml = zipfile.ZipFile(tmp_path / "r.xlsx").read("xl/worksheets/sheet1.xml").decode()
    assert xml.count("<f>") == 1 and "1+1</f>" not in xml  # the total of qty (area, revenue: nothing to sum)


def test_subtotals_and_grand_total_are_live_formulas(book):
    ws = book
    first_north = find_row(ws, 1)[0]
    sub_north, sub_south = find_row(ws, "Cộng", "B")
    total = find_row(ws, "Tổng cộng", "B")[0]
    assert sub_north == first_north + 3
    assert ws[f"D{sub_north}"].value == f"=SUBTOTAL(9,D{first_north}:D{first_north + 2})"
    assert ws[f"F{sub_north}"].value == f"=SUBTOTAL(9,F{first_north}:F{first_north + 2})"
    south = find_row(ws, 4)[0]
    assert ws[f"E{sub_south}"].value == f"=SUBTOTAL(9,E{south}:E{south})"
    header = find_row(ws, "STT")[0]
    for x in "DEF":
        assert ws[f"{x}{total}"].value == f"=SUBTOTAL(9,{x}{header + 1}:{x}{total - 1})"
        assert ws[f"{x}{total}"].data_type == "f" and ws[f"{x}{total}"].font.b
    assert ws[f"G{total}"].value is None  # a date column is not summed
    assert ws[f"A{total}"].value is None  # the label sits in the first text column, not the narrow STT
    assert ws[f"A{header + 1}"].value == "Xã Mường Ảng" and ws[f"A{header + 1}"].font.b
    # The notes on a sheet of their own: a long one never widens, so never shrinks, the printed report.
    assert not {"- Lưu: VT, VP.", "Số liệu tính đến ngày 30/6/2024."} & set(cells_by_value(ws))
    notes = ws.parent["Ghi chú"]
    assert [c.value for c in notes["A"]] == ["- Lưu: VT, VP.", "Số liệu tính đến ngày 30/6/2024."]
    assert notes["A1"].font.name == "Times New Roman" and notes["A1"].alignment.wrap_text


def test_single_untitled_section_has_no_heading_row_and_blank_rows(tmp_path: Path):
    rows = [{"stt": 1, "name": "Gạo nếp", "qty": 5}]
    report = sample(
        sections=[ReportSection("", rows)],
        grand_total=False,
        blank_rows=3,
        header=OfficialHeader(),
        notes=[],
        landscape=False,
    )
    ws = openpyxl.load_workbook(write_xlsx(report, tmp_path / "f.xlsx")).active
    header = find_row(ws, "STT")[0]
    assert header == 4  # title, subtitle, the empty row: no official block
    assert ws[f"A{header + 1}"].value == 1
    for r in range(header + 2, header + 5):
        assert all(c.value is None and c.border.left.style == "thin" for c in ws[r])
    assert ws.auto_filter.ref == f"A{header}:H{header + 4}"
    assert ws.page_setup.orientation == "portrait"


def test_bare_report_starts_with_the_header_row(tmp_path: Path):
    report = Report("x", "", "", COLUMNS[:2], [ReportSection("", [{"stt": 1, "name": "Trà"}])])
    ws = openpyxl.load_workbook(write_xlsx(report, tmp_path / "b.xlsx")).active
    assert ws["A1"].value == "STT" and ws.freeze_panes == "A2" and ws.print_title_rows == "$1:$1"
    assert ws.title == "Báo cáo"


@pytest.mark.parametrize(
    "header, intro, columns",
    [
        (OfficialHeader(), "", COLUMNS),
        (OfficialHeader(place="Mường Ảng", day=date(2025, 2, 3)), "", COLUMNS),
        (OfficialHeader(body="UBND XÃ MƯỜNG ẢNG"), "Thực hiện Kế hoạch số 45/KH-UBND …\nCăn cứ …", COLUMNS),
        (OfficialHeader(parent_body="UBND TỈNH ĐIỆN BIÊN", day=date(2025, 2, 3)), "", COLUMNS[:1]),
    ],
)
def test_every_title_block_lines_up_with_the_frozen_header(tmp_path: Path, header, intro, columns):
    report = sample(header=header, intro=intro, columns=columns, sections=[ReportSection("", [{"stt": 7}])])
    ws = openpyxl.load_workbook(write_xlsx(report, tmp_path / "t.xlsx")).active
    header_row = find_row(ws, "STT")[0]
    assert ws.freeze_panes == f"A{header_row + 1}" and ws.print_title_rows == f"${header_row}:${header_row}"
    assert ws[f"A{header_row + 1}"].value == 7
    if header.day:
        line = "Mường Ảng, ngày 03 tháng 02 năm 2025" if header.place else "Ngày 03 tháng 02 năm 2025"
        assert line in cells_by_value(ws)


def test_wrapped_rows_are_given_a_height(tmp_path: Path):
    long_name = "Sản phẩm có tên rất dài để kiểm tra việc xuống dòng trong ô của bảng tính"
    rows = [{"stt": 1, "name": "Trà"}, {"stt": 2, "name": long_name}, {"stt": 3, "name": "Dòng 1\nDòng 2"}]
    ws = openpyxl.load_workbook(write_xlsx(sample(sections=[ReportSection("", rows)]), tmp_path / "w.xlsx")).active
    header = find_row(ws, "STT")[0]
    assert ws.row_dimensions[header].height > 15  # "Sản lượng (kg)" wraps in 12 characters
    assert ws.row_dimensions[header + 1].height is None
    assert ws.row_dimensions[header + 2].height >= 45  # 73 characters in a 32-wide column
    assert 2 * 14 <= ws.row_dimensions[header + 3].height < 3 * 14  # two lines of 12 pt


def test_nan_and_datetime_values(tmp_path: Path):
    from datetime import datetime

    rows = [{"stt": 1, "area": float("nan"), "day": datetime(2024, 3, 1, 14, 30), "qty": 2.6, "name": 42}]
    ws = openpyxl.load_workbook(write_xlsx(sample(sections=[ReportSection("", rows)]), tmp_path / "n.xlsx")).active
    row = ws[find_row(ws, 1)[0]]
    assert row[4].value is None  # Excel rejects a file holding NaN
    assert row[6].value == datetime(2024, 3, 1)  # the time of day dropped
    assert row[3].value == 3 and row[1].value == "42" and row[1].data_type == "s"


def test_sheet_title_is_legal():
    assert sheet_title("Báo cáo [2024]: quý 1/2 * ?") == "Báo cáo 2024 quý 1 2"
    assert len(sheet_title("x" * 40)) == 31
    assert sheet_title("'Danh sách'") == "Danh sách"


def test_progress_is_reported(tmp_path: Path):
    rows = [{"stt": i, "name": f"Sản phẩm {i}", "qty": i} for i in range(2500)]
    calls = []
    write_xlsx(
        sample(sections=[ReportSection("", rows)]), tmp_path / "p.xlsx", progress=lambda d, t: calls.append((d, t))
    )
    assert calls[0] == (0, 2500) and calls[-1] == (2500, 2500)
    assert (1000, 2500) in calls and (2000, 2500) in calls


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def temp_folder(tmp_path: Path, monkeypatch) -> Path:
    """The system's temp folder, where the writer streams rows before the workbook is saved."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_cancel_at_first_progress_leaves_nothing(tmp_path: Path, temp_folder: Path):
    target = tmp_path / "out"
    target.mkdir()
    seen = []
    with pytest.raises(ExportCancelled):
        write_xlsx(sample(), target / "r.xlsx", progress=lambda d, t: seen.append(d), cancelled=lambda: bool(seen))
    assert leftovers(target) == []
    assert leftovers(temp_folder) == []  # the writer's own stream files are gone too


def test_cancel_mid_way_keeps_the_existing_file(tmp_path: Path):
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"old report")
    rows = [{"stt": i, "name": "Chè Shan tuyết"} for i in range(5000)]
    seen = []
    with pytest.raises(ExportCancelled):
        write_xlsx(
            sample(sections=[ReportSection("", rows)]),
            target,
            progress=lambda d, t: seen.append(d),
            cancelled=lambda: len(seen) >= 3,
        )
    assert seen == [0, 1000, 2000]
    assert target.read_bytes() == b"old report"
    assert leftovers(tmp_path) == ["r.xlsx"]


def test_failure_mid_way_leaves_no_temp_file(tmp_path: Path, temp_folder: Path):
    target = tmp_path / "out"
    target.mkdir()
    rows = [{"stt": i, "qty": i} for i in range(1500)] + [{"stt": 1501, "qty": "nhiều"}]
    with pytest.raises(ValueError, match="qty"):
        write_xlsx(sample(sections=[ReportSection("", rows)]), target / "r.xlsx")
    assert leftovers(target) == []
    assert leftovers(temp_folder) == []


def test_failure_while_saving_leaves_no_temp_file(tmp_path: Path, temp_folder: Path, monkeypatch):
    target = tmp_path / "out" / "r.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"old")

    def broken_close(self):
        Path(self.filename).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(xlsxwriter.Workbook, "close", broken_close)
    with pytest.raises(OSError, match="disk full"):
        write_xlsx(sample(), target)
    assert leftovers(target.parent) == ["r.xlsx"] and target.read_bytes() == b"old"
    assert leftovers(temp_folder) == []


def test_overwrites_an_existing_file(tmp_path: Path):
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"old")
    write_xlsx(sample(), target)
    assert openpyxl.load_workbook(target).active["A1"].value == "UBND TỈNH ĐIỆN BIÊN"
    assert leftovers(tmp_path) == ["r.xlsx"]


def test_charts_become_a_small_table(tmp_path: Path):
    report = sample(charts=[("Sản phẩm theo hạng sao", [("3 sao", 5), ("4 sao", 2)])])
    ws = openpyxl.load_workbook(write_xlsx(report, tmp_path / "c.xlsx")).active
    row = find_row(ws, "3 sao")[0]
    assert ws[f"A{row - 1}"].value == "Sản phẩm theo hạng sao"
    assert ws[f"H{row}"].value == 5 and ws[f"H{row + 1}"].value == 2


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_reads_text_and_computes_totals(tmp_path: Path):
    src = write_xlsx(sample(), tmp_path / "lo.xlsx")
    # Filter 44,34,76: comma-separated, double quotes, UTF-8; formulas are recalculated on load.
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path / "out"),
            str(src),
        ],
        check=True,
        timeout=180,
        capture_output=True,
    )
    rows = list(csv.reader((tmp_path / "out" / "lo.csv").read_text(encoding="utf-8").splitlines()))
    flat = [c for r in rows for c in r]
    assert "Cà phê Mường Ảng rang xay" in flat and "=1+1" in flat and "@home" in flat
    total = next(r for r in rows if r[1] == "Tổng cộng")
    digits = lambda s: "".join(ch for ch in s if ch.isdigit())  # noqa: E731 — separators follow the locale
    assert digits(total[3]) == "1234617"
    assert digits(total[5]) == "3800000"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_prints_a4_with_repeated_header_and_page_numbers(tmp_path: Path):
    pypdf = pytest.importorskip("pypdf")
    rows = [{"stt": i, "name": f"Sản phẩm số {i} – Mật ong bạc hà", "qty": i} for i in range(1, 201)]
    src = write_xlsx(sample(sections=[ReportSection("", rows)], notes=[]), tmp_path / "in.xlsx")
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "out"),
            str(src),
        ],
        check=True,
        timeout=180,
        capture_output=True,
    )
    pages = pypdf.PdfReader(tmp_path / "out" / "in.pdf").pages
    assert len(pages) > 1
    for number, page in enumerate(pages, 1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)  # A4 landscape
        text = pdftotext(tmp_path / "out" / "in.pdf", "-f", str(number), "-l", str(number), "-layout")
        assert "Tên sản phẩm" in text
        # The page number alone on the first line, from page 2 on, as on paper.
        first_line = text.strip().splitlines()[0].strip()
        assert first_line == str(number) if number > 1 else first_line != "1"


def test_whole_quantities_show_without_decimals(report_uow, tmp_path):
    from openpyxl import load_workbook

    from ocop_desktop.services.reports import ReportRequest, ReportService
    from tests.exports.conftest import REPORT_DAY

    path = ReportService(report_uow).export(
        ReportRequest("survey", campaign_id=SAMPLE_2024, today=REPORT_DAY), "xlsx", tmp_path / "r.xlsx"
    )
    ws = load_workbook(path).active
    formats = {
        cell.value: cell.number_format
        for row in ws.iter_rows()
        for cell in row[4:5]
        if isinstance(cell.value, (int, float))
    }
    assert formats[12.5] == "[$-42A]#,##0.0#" and formats[30] == "[$-42A]#,##0"
