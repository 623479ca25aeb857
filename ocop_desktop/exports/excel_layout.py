"""Sizes in a workbook written for paper: text measured with Times New Roman's metrics, widths
and heights stored as given, the centred run of columns a short rule is drawn on, the page
header and footer, and the notes' own sheet."""

from __future__ import annotations

import math
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]  # no stubs

from .pdf_style import FONT as SERIF
from .pdf_style import register_fonts
from .pdf_table import wrap_lines

FONT_NAME = "Times New Roman"  # as on paper (Nghị định 30/2020); 13 pt, 12 in a wide (landscape) table
UNIT_PT = 5.25  # a unit of column width: the widest digit of the workbook's Calibri 11, in points
NOTES_SHEET = "Ghi chú"
_DIGIT_PX = 7  # that digit in pixels: xlsxwriter stores widths in its 1/7 steps


class PaperSheet(Worksheet):  # type: ignore[misc]  # Worksheet is untyped
    """XlsxWriter's worksheet with a first page of its own in the page header (differentFirst,
    which XlsxWriter has no call for): the page number from page 2, the footer on every page."""

    paper_header = ""
    paper_footer = ""

    def paper_header_footer(self, header: str, footer: str, header_margin: float, footer_margin: float) -> None:
        self.paper_header, self.paper_footer = header, footer
        self.margin_header, self.margin_footer = header_margin, footer_margin
        self.header_footer_changed = True

    def _write_page_setup(self) -> None:
        """fitToWidth="1" written out, not left to the schema's default: a reader that does not
        apply the default would print the sheet at 100 %, pages wide."""
        write_tag: Any = self._xml_empty_tag  # type: ignore[has-type]  # an untyped base

        def page_setup(tag: str, attributes: Any = None) -> None:
            if tag == "pageSetup" and self.fit_page and not any(k == "fitToWidth" for k, _v in attributes or ()):
                at = 1 if attributes and attributes[0][0] == "paperSize" else 0
                attributes = [*attributes[:at], ("fitToWidth", self.fit_width), *attributes[at:]]
            write_tag(tag, attributes)

        self._xml_empty_tag = page_setup
        try:
            super()._write_page_setup()
        finally:
            del self._xml_empty_tag

    def _write_header_footer(self) -> None:
        if not (self.paper_header or self.paper_footer):
            super()._write_header_footer()
            return
        # The schema's order: oddHeader, oddFooter, (even…), firstHeader, firstFooter; an absent
        # firstHeader is an empty one.
        self._xml_start_tag("headerFooter", [("differentFirst", 1)])
        if self.paper_header:
            self._xml_data_element("oddHeader", self.paper_header)
        if self.paper_footer:
            self._xml_data_element("oddFooter", self.paper_footer)
            self._xml_data_element("firstFooter", self.paper_footer)
        self._xml_end_tag("headerFooter")


def column_width(ws: Any, col: int, units: float) -> None:
    """The width stored as given (xlsxwriter's set_column adds Excel's cell padding to it), never less."""
    ws.set_column_pixels(col, col, math.ceil(units * _DIGIT_PX - 1e-9))


def row_height(ws: Any, row: int, points: float) -> None:
    """The height in whole pixels (xlsxwriter's unit), never less than asked."""
    ws.set_row_pixels(row, math.ceil(points * 4 / 3 - 1e-9))


def notes_sheet(ws: Any, notes: list[str], sheet: Any) -> None:
    """The report's notes on a sheet of their own, one a row, wrapped, printed one page wide."""
    column_width(ws, 0, 100)
    style = sheet.style(text_wrap=True, valign="top")
    for row, note in enumerate(notes):
        lines = wrapped_lines(note, 100, sheet.size)
        if lines > 1:
            row_height(ws, row, sheet.line * lines + 2)
        sheet.put(ws, row, 0, *sheet.cell(note, style))
    ws.set_paper(9)
    ws.set_portrait()
    ws.fit_to_pages(1, 0)


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
