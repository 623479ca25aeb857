"""Sizes in a workbook written for paper: text measured with Times New Roman's metrics, the
centred run of columns a short rule is drawn on, and the notes' own sheet."""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment
from openpyxl.worksheet.properties import PageSetupProperties
from reportlab.pdfbase.pdfmetrics import stringWidth

from .pdf_style import FONT as SERIF
from .pdf_style import register_fonts
from .pdf_table import wrap_lines

FONT_NAME = "Times New Roman"  # as on paper (Nghị định 30/2020); 13 pt, 12 in a wide (landscape) table
UNIT_PT = 5.25  # a unit of column width: the widest digit of the workbook's Calibri 11, in points
NOTES_SHEET = "Ghi chú"


def notes_sheet(ws: Any, notes: list[str], sheet: Any) -> None:
    """The report's notes on a sheet of their own, one a row, wrapped, printed one page wide."""
    ws.column_dimensions["A"].width = 100
    style = sheet.style(alignment=Alignment(wrap_text=True, vertical="top"))
    for row, note in enumerate(notes, 1):
        lines = wrapped_lines(note, 100, sheet.size)
        if lines > 1:
            ws.row_dimensions[row].height = sheet.line * lines + 2
        ws.append([sheet.cell(note, style)])
    ws.page_setup.paperSize = 9
    ws.page_setup.orientation = "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of text in Times New Roman (Liberation Serif has its metrics), in column-width units."""
    register_fonts()
    return stringWidth(text, f"{SERIF}-Bold" if bold else SERIF, size) / UNIT_PT + 2


def wrapped_lines(text: str, units: float, size: float, bold: bool = False) -> int:
    """Lines a wrapped cell ``units`` wide needs, measured with the font's own metrics: neither
    LibreOffice nor Excel reliably grows a wrapped row on open, so the height is written."""
    register_fonts()
    # Excel's unit (LibreOffice's is wider): a row tall enough in Excel only has room to spare there.
    return len(wrap_lines(text, max(10.0, units * UNIT_PT - 2), f"{SERIF}-Bold" if bold else SERIF, size))


def centred_run(widths: list[float], share: float) -> tuple[int, int]:
    """The run of columns (first, last, 0-based) closest to a centred rule ``share`` of their width."""
    total = sum(widths)
    best, pick = float("inf"), (0, len(widths) - 1)
    for a in range(len(widths)):
        for b in range(a, len(widths)):
            left, width = sum(widths[:a]), sum(widths[a : b + 1])
            if width > 0.8 * total and len(widths) > 1:
                continue  # a rule across the whole half reads as a separator, not the paper's short rule
            score = 1.5 * abs(left + width / 2 - total / 2) + abs(width - total * share) / 2
            if score < best:
                best, pick = score, (a, b)
    return pick
