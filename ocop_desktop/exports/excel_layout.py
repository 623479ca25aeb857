"""Sizes in a workbook written for paper: text measured with Times New Roman's metrics, widths
and heights stored as given, the centred run of columns a short rule is drawn on, the page
header and footer, and the notes' own sheet."""

from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from xlsxwriter.utility import _preserve_whitespace, xl_col_to_name  # type: ignore[import-untyped]  # no stubs
from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]

from .pdf_style import FONT as SERIF
from .pdf_style import register_fonts
from .pdf_table import wrap_lines

FONT_NAME = "Times New Roman"  # as on paper (Nghị định 30/2020); 13 pt, 12 in a wide (landscape) table
UNIT_PT = 5.25  # a unit of column width: the widest digit of the workbook's Calibri 11, in points
NOTES_SHEET = "Ghi chú"
_DIGIT_PX = 7  # that digit in pixels: xlsxwriter stores widths in its 1/7 steps
# Text xlsxwriter escapes or marks in some way (XML specials, control characters and its own
# _xHHHH_ escapes, edge spaces, rich text): its own serialiser writes those.
_NOT_PLAIN = re.compile(r"[\x00-\x08\x0b-\x1f&<>\ufffe\uffff]|_x[0-9a-fA-F]{4}_|^\s|\s$|^<r>")


class _Collect:
    """Stands in for the row file while a row is serialised: its pieces, joined once."""

    def __init__(self, parts: list[str]) -> None:
        self.write = parts.append


_FAST = frozenset({"Number", "Datetime", "String", "Blank"})
_COLUMNS: dict[int, str] = {}


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

    def whole_row(self, row: int, cells: list[tuple[Any, Any] | None], height: float | None = None) -> None:
        """Row ``row`` written at once, straight to the row file: the XML xlsxwriter writes for the
        same typed calls (text, number, date, or blank with its format; the height as given),
        without building and checking a cell object per value. ``cells`` are (value, format) or None for no cell. The
        row comes after every row written so far and is not written to again (constant_memory)."""
        if row < self.previous_row or (row == self.previous_row and self.table.get(row)):
            raise ValueError(f"row {row + 1} comes after the rows already written")
        if row > self.previous_row:
            self._write_single_row(row)  # the row still pending, then this one is the last
        parts, number = [], row + 1
        used = [col for col, cell in enumerate(cells) if cell is not None]
        for col in used:
            value, fmt = cells[col]  # type: ignore[misc]  # not None: in used
            letters = _COLUMNS.get(col) or _COLUMNS.setdefault(col, xl_col_to_name(col))
            at = f'<c r="{letters}{number}" s="{fmt._get_xf_index()}"'
            if value is None or value == "":
                parts.append(at + "/>")
            elif type(value) is str:
                if _NOT_PLAIN.search(value) is None:
                    parts.append(f'{at} t="inlineStr"><is><t>{value}</t></is></c>')
                else:  # as xlsxwriter escapes it (rich-text markup stays text, though)
                    text = self._escape_control_characters(value)
                    space = ' xml:space="preserve"' if _preserve_whitespace(text) else ""
                    parts.append(f'{at} t="inlineStr"><is><t{space}>{self._escape_data(text)}</t></is></c>')
            elif isinstance(value, date):
                parts.append(f"{at}><v>{self._convert_date_time(value):.16G}</v></c>")
            else:
                parts.append(f"{at}><v>{value:.16G}</v></c>")
        # The height as given (set_row would round it to whole pixels): a long table keeps the
        # page breaks it had, 100,000 rows never growing by up to 0.75 pt each.
        tall = f' ht="{height:.16g}" customHeight="1"' if height else ""
        if parts or tall:
            self.fh.write(f'<row r="{number}"{tall}>{"".join(parts)}</row>')
        if used:
            self._check_dimensions(row, used[0])
            self._check_dimensions(row, used[-1])

    def _write_single_row(self, current_row_num: int = 0) -> None:
        """A finished row to the row file in one write, not one a cell and tag (constant_memory)."""
        fh: Any = self.fh  # type: ignore[has-type]  # an untyped base
        parts: list[str] = []
        self.fh = _Collect(parts)
        try:
            super()._write_single_row(current_row_num)
        finally:
            self.fh = fh
        if parts:
            fh.write("".join(parts))

    def _write_cell(self, row: int, col: int, cell: Any) -> None:
        """The same XML as xlsxwriter's own _write_cell for a formatted number, date, plain text or
        blank, written in one step: its general path (attribute lists, an escape check per
        attribute) is most of a 100,000-row report's time. Anything else goes the general path."""
        fmt = cell.format
        kind = cell.__class__.__name__
        if fmt is None or kind not in _FAST:
            super()._write_cell(row, col, cell)
            return
        letters = _COLUMNS.get(col) or _COLUMNS.setdefault(col, xl_col_to_name(col))
        at = f'<c r="{letters}{row + 1}" s="{fmt._get_xf_index()}"'
        if kind == "Blank":
            self.fh.write(at + "/>")
        elif kind != "String":
            self.fh.write(f"{at}><v>{cell.number:.16G}</v></c>")
        elif _NOT_PLAIN.search(cell.string) is None:
            self.fh.write(f'{at} t="inlineStr"><is><t>{cell.string}</t></is></c>')
        else:
            super()._write_cell(row, col, cell)

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
    """The height as given: set_row would round it to whole pixels, which xlsxwriter keeps as
    they come (a pixel is 3/4 pt) and writes back in points."""
    ws.set_row_pixels(row, points * 4 / 3)


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
    width, font = max(10.0, units * UNIT_PT - 2), f"{SERIF}-Bold" if bold else SERIF
    if "\n" not in text and stringWidth(text, font, size) <= width:
        return 1  # one measure instead of one a word: most names fit their column
    # wrap_lines' greedy breaking, counted with each word measured once (a TrueType string is as
    # wide as its glyphs together, so a line is its words and spaces added up): a national
    # report measures 100,000 names of the same few hundred words.
    space = _word_width(" ", font, size)
    total, empty_tail = 0, 0
    for paragraph in text.split("\n"):
        lines, used = 1, -1.0  # used < 0: nothing on the line yet
        for word in paragraph.split():
            w = _word_width(word, font, size)
            if used >= 0 and used + space + w <= width:
                used += space + w
                continue
            if w > width:
                return len(wrap_lines(text, width, font, size))  # a word broken inside: the splitter's count
            lines += used >= 0
            used = w
        total += lines
        empty_tail = empty_tail + 1 if used < 0 else 0
    return max(1, total - empty_tail)  # as wrap_lines, no empty lines at the end


@lru_cache(maxsize=1 << 16)
def _word_width(word: str, font: str, size: float) -> float:
    return float(stringWidth(word, font, size))


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
