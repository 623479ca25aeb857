"""The report sheet's quick paths: rows written as XlsxWriter itself writes them, wrapped lines
counted as wrap_lines breaks them."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from ocop_desktop.exports.excel_layout import UNIT_PT, PaperSheet, row_height, wrapped_lines
from ocop_desktop.exports.pdf_style import FONT, register_fonts
from ocop_desktop.exports.pdf_table import wrap_lines

TEXTS = [
    "Chè Shan tuyết Tủa Chùa",
    "a & b <c>",
    " leading space",
    "trailing space ",
    "tab\tinside",
    "Dòng 1\nDòng 2",
    "_x0041_ as typed",
    "bell\x07",
    "\ufffe",
    "",
    "=1+1",
]


def _rows():
    for i, text in enumerate(TEXTS):
        yield i, [text, i * 1.25, 10**i, None, date(2024, 7, i + 1), True], 30.0 if i % 3 == 0 else None


def _sheet_xml(path: Path) -> bytes:
    return zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")


def _book(path: Path, quick: bool) -> bytes:
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("s", worksheet_class=PaperSheet if quick else Worksheet)
    text, number, day = (wb.add_format({"num_format": f}) for f in ("@", "#,##0.0", "dd/mm/yyyy"))
    formats = [text, number, number, number, day, number]
    ws.write_string(0, 0, "Tiêu đề", text)  # a row before, written the ordinary way
    for i, values, height in _rows():
        r = i + 1
        if quick:
            ws.whole_row(r, [(v, f) for v, f in zip(values, formats, strict=True)], height)
            continue
        if height:
            row_height(ws, r, height)
        for c, (v, f) in enumerate(zip(values, formats, strict=True)):
            if v is None or v == "":
                ws.write_blank(r, c, None, f)
            elif isinstance(v, str):
                ws.write_string(r, c, v, f)
            elif isinstance(v, date):
                ws.write_datetime(r, c, v, f)
            else:
                ws.write_number(r, c, v, f)
    ws.write_string(len(TEXTS) + 1, 0, "Cộng", text)  # and a row after
    wb.close()
    return _sheet_xml(path)


def test_whole_rows_are_the_xml_xlsxwriter_writes(tmp_path: Path):
    assert _book(tmp_path / "quick.xlsx", True) == _book(tmp_path / "plain.xlsx", False)


def test_whole_rows_read_back(tmp_path: Path):
    _book(tmp_path / "quick.xlsx", True)
    ws = openpyxl.load_workbook(tmp_path / "quick.xlsx").active
    assert ws["A2"].value == "Chè Shan tuyết Tủa Chùa" and ws["A3"].value == "a & b <c>"
    assert ws["A12"].value == "=1+1" and ws["A12"].data_type == "s"  # text, never a formula
    assert ws["B3"].value == 1.25 and ws["E2"].value.date() == date(2024, 7, 1)
    assert ws["D2"].value is None and ws["D2"].number_format == "#,##0.0"  # a blank keeps its format
    assert ws.row_dimensions[2].height == 30 and ws.row_dimensions[3].height is None
    assert ws["A13"].value == "Cộng"


def test_a_wrapped_row_keeps_its_height_to_the_point(tmp_path: Path):
    """Not rounded to whole pixels as set_row would: 100,000 rows would each grow a little."""
    wb = xlsxwriter.Workbook(str(tmp_path / "h.xlsx"), {"constant_memory": True})
    ws = wb.add_worksheet("s", worksheet_class=PaperSheet)
    ws.whole_row(0, [("Dòng 1\nDòng 2", wb.add_format({"text_wrap": True}))], 33.2)
    wb.close()
    assert openpyxl.load_workbook(tmp_path / "h.xlsx").active.row_dimensions[1].height == 33.2


def test_rich_text_markup_stays_text(tmp_path: Path):
    wb = xlsxwriter.Workbook(str(tmp_path / "r.xlsx"), {"constant_memory": True})
    ws = wb.add_worksheet("s", worksheet_class=PaperSheet)
    ws.whole_row(0, [("<r><t>x</t></r>", wb.add_format())])
    wb.close()
    assert openpyxl.load_workbook(tmp_path / "r.xlsx").active["A1"].value == "<r><t>x</t></r>"


NAMES = [
    "",
    "\n",
    "a\n\n",
    "\n\nx",
    "a\n\nb\n",
    "  spaced   out  words ",
    "Dòng 1\nDòng 2\n",
    "x" * 200,
    "https://example.com/" + "rat-dai-" * 12,
    "word " * 40,
    "Sản phẩm có tên rất dài để kiểm tra việc xuống dòng trong ô của bảng tính",
    "Chè Shan tuyết Tủa Chùa loại đặc biệt, Hợp tác xã Nông nghiệp Ẳng Nưa",
    "CÔNG TY TNHH MỘT THÀNH VIÊN CÀ PHÊ MƯỜNG ẢNG",
]


@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("units", [3, 7, 9, 14, 24, 32, 100])
def test_wrapped_row_heights_count_the_lines_wrap_lines_breaks(units, bold):
    register_fonts()
    font = f"{FONT}-Bold" if bold else FONT
    for size in (12, 13, 14):
        for text in NAMES:
            expected = len(wrap_lines(text, max(10.0, units * UNIT_PT - 2), font, size))
            assert wrapped_lines(text, units, size, bold) == expected, (text, units, size)
