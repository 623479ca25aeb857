"""The streaming workbook reader: what each kind of cell reads as, whatever tool wrote the file."""

from __future__ import annotations

import zipfile

import pytest

from ocop_desktop.services.exchange.excel_reader import UNCACHED, CellError, read_workbook
from ocop_desktop.services.survey_import import ImportRefused, write_template

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def workbook(path, sheet_xml: str):
    write_template(path)
    with zipfile.ZipFile(path) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    members["xl/worksheets/sheet1.xml"] = sheet_xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in members.items():
            zout.writestr(name, data)
    return path


def test_formula_cells_read_as_their_saved_result_or_as_uncached(tmp_path):
    path = workbook(
        tmp_path / "f.xlsx",
        (
            f'<worksheet xmlns="{MAIN}"><sheetData><row r="2">'
            '<c r="A2" t="str"><f>B9</f></c>'  # a text formula never computed
            '<c r="B2" t="str"><f>B9</f><v></v></c>'  # computed: an empty text
            '<c r="C2"><f>1+1</f><v>2</v></c>'
            '<c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
            '<c r="E2"><f>1+1</f><v/></c>'  # as openpyxl and scripts save formulas
            '<c r="F2" t="b"><v>1</v></c>'
            "</row></sheetData></worksheet>"
        ),
    )
    [sheet, _guide] = read_workbook(path)
    assert sheet.rows() == [(2, (UNCACHED, None, 2, CellError("#DIV/0!"), UNCACHED, True))]


def test_prefixed_elements_and_cells_without_addresses(tmp_path):
    path = workbook(
        tmp_path / "p.xlsx",
        (
            f'<x:worksheet xmlns:x="{MAIN}"><x:dimension ref="A1:C3"/><x:sheetData>'
            '<x:row r="1"><x:c t="inlineStr"><x:is><x:t>Tên_x000D_\nsản phẩm</x:t></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row>'
            '<x:row hidden="1"><x:c r="B2"><x:v>1.5</x:v></x:c><x:c><x:v>8</x:v></x:c></x:row>'
            '</x:sheetData><x:mergeCells><x:mergeCell ref="B1:B2"/></x:mergeCells></x:worksheet>'
        ),
    )
    [sheet, _guide] = read_workbook(path)
    assert sheet.rows() == [(1, ("Tên\nsản phẩm", 7)), (2, (None, 1.5, 8))]
    assert sheet.hidden_rows == {2} and sheet.merged == [(2, 1, 2, 2)]


def test_a_cell_pointing_at_a_missing_string_is_a_damaged_file(tmp_path):
    path = workbook(
        tmp_path / "s.xlsx",
        f'<worksheet xmlns="{MAIN}"><sheetData><row r="3"><c r="C3" t="s"><v>999</v></c></row></sheetData></worksheet>',
    )
    with pytest.raises(ImportRefused) as refused:
        read_workbook(path)
    assert str(refused.value) == (
        "Tệp s.xlsx, trang «Rà soát»: ô C3 trỏ tới một chuỗi chữ không có trong tệp; tệp bị "
        "hỏng, hãy mở bằng Excel, lưu lại rồi nhập."
    )


def test_a_sheet_listed_but_missing_is_a_damaged_file(tmp_path):
    path = write_template(tmp_path / "m.xlsx")
    with zipfile.ZipFile(path) as zin:
        members = {n: zin.read(n) for n in zin.namelist() if n != "xl/worksheets/sheet2.xml"}
    with zipfile.ZipFile(path, "w") as zout:
        for name, data in members.items():
            zout.writestr(name, data)
    with pytest.raises(ImportRefused, match="trang «Hướng dẫn» có trong danh sách trang nhưng không có trong tệp"):
        read_workbook(path)
