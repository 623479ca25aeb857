"""The workbooks of the sample mirror the paper: the official block's rows and rules, Times New
Roman, whole numbers without decimals, page number at the top, one page wide, notes apart."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from reportlab.pdfbase.pdfmetrics import stringWidth

from ocop_desktop.exports.excel import FORMATS, MOTTO, UNIT_PT, write_xlsx
from ocop_desktop.exports.pdf_style import FONT, register_fonts
from ocop_desktop.exports.report_model import Report
from ocop_desktop.services.reports import KINDS, ReportRequest, ReportService
from tests.exports.conftest import REPORT_DAY
from tests.ids import SAMPLE_2024
from tests.pdftext import pdftotext


def _build(make_uow, kind: str) -> Report:
    return ReportService(make_uow).build(ReportRequest(kind, today=REPORT_DAY, campaign_id=SAMPLE_2024))


def _where(ws, text: str):
    return next(c for row in ws.iter_rows() for c in row if c.value == text)


def _merged_width(ws, cell) -> float:
    """Width, in column units, of the merged range a cell heads (its own column if none)."""
    for rng in ws.merged_cells.ranges:
        if rng.min_row == cell.row and rng.min_col == cell.column:
            return sum(ws.column_dimensions[get_column_letter(c)].width for c in range(rng.min_col, rng.max_col + 1))
    return ws.column_dimensions[cell.column_letter].width


@pytest.mark.parametrize("kind", KINDS)
def test_the_official_block_stands_as_on_paper(report_uow, tmp_path, kind):
    report = _build(report_uow, kind)
    check_block(report, openpyxl.load_workbook(write_xlsx(report, tmp_path / f"{kind}.xlsx")).active)


def test_a_2026_commune_office_block(make_uow, tmp_path):
    from ocop_desktop.services.sample import load_sample
    from tests.services.test_documents import set_office

    load_sample(make_uow, "muong-ang-2024")
    set_office(make_uow, "Xã Mường Ảng")
    for kind in KINDS:
        report = ReportService(make_uow).build(ReportRequest(kind, today=date(2026, 11, 28)))
        check_block(report, openpyxl.load_workbook(write_xlsx(report, tmp_path / f"{kind}.xlsx")).active)


def check_block(report: Report, ws) -> None:
    h = report.header
    motto_1, motto_2 = _where(ws, MOTTO[0]), _where(ws, MOTTO[1])
    assert motto_2.row == motto_1.row + 1 and motto_1.font.b and motto_2.font.b
    # The issuing body's lines from the row of "CỘNG HÒA …" down (the parent body first, if any),
    # the body in bold capitals.
    lines = ([h.parent_body.upper()] if h.parent_body else []) + [h.body.upper()]
    cells = [_where(ws, line) for line in lines]
    assert [(c.row, c.column) for c in cells] == [(motto_1.row + i, 1) for i in range(len(lines))]
    assert cells[-1].font.b
    # The short rules: a top border on centred cells of the row under each block, not the whole half.
    split = motto_1.column
    under_body = [c for c in ws[cells[-1].row + 1][: split - 1] if c.border.top.style == "thin"]
    under_motto = [c for c in ws[motto_2.row + 1][split - 1 :] if c.border.top.style == "thin"]
    assert under_body and under_motto
    if split > 2:
        assert len(under_body) < split - 1
    # Nothing cut: each line fits the merged cells it stands in (Times New Roman's metrics).
    register_fonts()
    for cell, size in [(motto_1, 12), (motto_2, 13)] + [(c, 13) for c in cells]:
        need = stringWidth(cell.value, f"{FONT}-Bold", size) / UNIT_PT
        assert _merged_width(ws, cell) >= need, (cell.value, _merged_width(ws, cell), need)


@pytest.mark.parametrize("kind", KINDS)
def test_times_new_roman_whole_numbers_and_the_print_setup(report_uow, tmp_path, kind):
    report = _build(report_uow, kind)
    wb = openpyxl.load_workbook(write_xlsx(report, tmp_path / f"{kind}.xlsx"))
    ws = wb.active
    size = 12 if report.landscape else 13
    header = _where(ws, report.columns[0].header)
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                assert cell.font.name == "Times New Roman", (cell.coordinate, cell.value)
            if cell.value is not None and cell.row >= header.row:
                assert cell.font.sz in (size, 14), (cell.coordinate, cell.font.sz)
            if isinstance(cell.value, float) and cell.value == int(cell.value):
                assert "0.0" not in cell.number_format, (cell.coordinate, cell.number_format)
            if isinstance(cell.value, int) and not isinstance(cell.value, bool) and cell.row > header.row:
                assert cell.number_format in (FORMATS["int"], "0", FORMATS["money"]), (
                    cell.coordinate,
                    cell.number_format,
                )
    assert ws.page_setup.orientation == ("landscape" if report.landscape else "portrait")
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.oddHeader.center.text == "&P" and not ws.oddFooter.center.text
    if report.notes:
        notes = wb["Ghi chú"]
        assert [c.value for c in notes["A"]] == report.notes
        assert not set(report.notes) & {c.value for row in ws.iter_rows() for c in row}
    else:
        assert wb.sheetnames == [ws.title]


def test_the_field_form_has_rows_to_write_in_by_hand(report_uow, tmp_path):
    report = _build(report_uow, "survey-form")
    ws = openpyxl.load_workbook(write_xlsx(report, tmp_path / "form.xlsx")).active
    header = _where(ws, report.columns[0].header).row
    blank = range(header + 1, header + 1 + report.blank_rows)
    assert report.blank_rows >= 5
    assert all(ws.row_dimensions[r].height >= 28 for r in blank)
    assert all(ws.cell(r, 1).border.left.style == "thin" for r in blank)


def test_counts_print_without_decimals(report_uow, tmp_path):
    report = _build(report_uow, "summary")
    ws = openpyxl.load_workbook(write_xlsx(report, tmp_path / "s.xlsx")).active
    counts = [c for row in ws.iter_rows() for c in row[1:] if isinstance(c.value, (int, float))]
    assert counts and all(c.number_format == "[$-42A]#,##0" for c in counts)  # Vietnamese: 1.234


def _soffice_pdfs(sources: list[Path], out: Path) -> list[Path]:
    """Every workbook printed to PDF by one LibreOffice start (each start costs seconds)."""
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{out}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, sources),
        ],
        check=True,
        timeout=180,
        capture_output=True,
    )
    return [out / f"{src.stem}.pdf" for src in sources]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_prints_each_sample_sheet_whole(report_uow, tmp_path):
    reports = {kind: _build(report_uow, kind) for kind in ("summary", "survey", "expiring")}
    sheets = [write_xlsx(report, tmp_path / f"{kind}.xlsx") for kind, report in reports.items()]
    for (kind, report), pdf in zip(reports.items(), _soffice_pdfs(sheets, tmp_path / "out"), strict=True):
        info = subprocess.run(["pdfinfo", "-f", "1", "-l", "1", str(pdf)], capture_output=True, text=True).stdout
        size = next(line for line in info.splitlines() if line.startswith("Page    1 size")).split()[3:6:2]
        width, height = (round(float(v)) for v in size)
        assert (width > height) == report.landscape, (kind, width, height)
        text = pdftotext(pdf, "-layout")
        # The motto whole (the summary's used to read "ip - Tự do - Hạnh phúc"), the body whole.
        assert MOTTO[0] in text and MOTTO[1] in text, kind
        assert report.header.body.upper() in " ".join(text.split()), kind
        assert report.subtitle.split()[0] in text
        # Whole counts without decimals, Vietnamese separators whatever LibreOffice's own locale.
        assert "3.0" not in text and "3,0" not in text
        if kind == "survey":
            assert "1.200" in text and "12,5" in text and "147,5" in text and "1,200" not in text
