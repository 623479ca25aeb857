"""A long report table drawn straight on the canvas: each row measured once, a page's rows found by
bisection, the column header repeated on every page, a row never split, the look of a Table kept."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any, cast

from reportlab.lib import colors
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table

from ocop_desktop.exports.pdf_style import FONT

SIZE = 11
LEADING = SIZE * 1.2  # what reportlab's ("FONT", …, name, size) gives a table cell
PAD_X, PAD_Y = 6, 3  # a table cell's default padding (left/right, top/bottom)
LINE = 0.5  # the grid's line width
GREY = colors.HexColor("#eeeeee")
BOLD = f"{FONT}-Bold"
_FUZZ = 1e-6  # reportlab's own tolerance when a height just fits
_WIDTHS: dict[tuple[str, str], float] = {}  # (face, text) -> width at SIZE: figures repeat a lot


def text_width(text: str, face: str = FONT) -> float:
    """``text``'s width in points at the table's size, measured once per distinct text."""
    key = (face, text)
    width = _WIDTHS.get(key)
    if width is None:
        if len(_WIDTHS) > 20_000:  # bounded, whatever the number of reports in a session
            _WIDTHS.clear()
        width = _WIDTHS[key] = getFont(face).stringWidth(text, SIZE)
    return width


class CellText:
    """The PDF text operators of a page's cells, written as reportlab's manual for TrueType fonts
    says (pdfbase/ttfonts.py: splitString, getSubsetInternalName, escaped Tj), with each distinct
    text split into the font's subsets once: reportlab's text object splits every string again,
    character by character, and the same units, names and figures fill a national table."""

    def __init__(self) -> None:
        self._pieces: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (face, text) -> [(font, "(…) Tj")]
        self.ops: list[str] = []
        self._font = ""

    def start(self) -> None:
        self.ops, self._font = ["BT"], ""

    def put(self, canvas: Canvas, x: float, y: float, text: str, face: str) -> None:
        key = (face, text)
        pieces = self._pieces.get(key)
        if pieces is None:
            if len(self._pieces) > 20_000:  # bounded: unique names would only fill it
                self._pieces.clear()
            font = cast(TTFont, getFont(face))  # registered by pdf_style as a TrueType font
            doc = canvas._doc  # type: ignore[attr-defined]  # the document the font's subsets are counted in
            pieces = self._pieces[key] = [
                (f"{font.getSubsetInternalName(subset, doc)} {SIZE} Tf", f"({escapePDF(chunk)}) Tj")
                for subset, chunk in font.splitString(text, doc)
            ]
        ops = self.ops
        ops.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        for font_op, show in pieces:
            if font_op != self._font:
                ops.append(font_op)
                self._font = font_op
            ops.append(show)

    def finish(self, canvas: Canvas) -> None:
        self.ops.append("ET")
        canvas.addLiteral("\n".join(self.ops))
        self.ops = []


class Grid:
    """A table's rows, each with its height measured once: what every page's part draws from.

    A cell is a plain string (lines already broken to fit, joined by "\\n") or, rarely, a Paragraph
    (a long note's first lines). A row may be bold, and its first cell may span the columns up to
    ``span`` (a unit's heading, a "Cộng" label); its other cells are then blank.
    """

    def __init__(self, head: Sequence[Any], widths: Sequence[float], aligns: dict[int, str]) -> None:
        self.widths = list(widths)
        self.lefts = [sum(self.widths[:i]) for i in range(len(self.widths) + 1)]
        self.aligns = aligns  # column → "RIGHT" / "CENTER" for the data rows; LEFT otherwise
        self.head = Table(
            [list(head)],
            colWidths=self.widths,
            style=[
                ("FONT", (0, 0), (-1, -1), FONT, SIZE),
                ("GRID", (0, 0), (-1, -1), LINE, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), GREY),
            ],
        )
        self.head_height = float(self.head.wrap(self.lefts[-1], 0x7FFFFFFF)[1])
        self.cells: list[Sequence[Any]] = []
        self.bold: set[int] = set()
        self.spans: dict[int, int] = {}  # row → last column its first cell spans
        self.heights = array("d")
        self.glued: set[int] = set()  # row i stays on the page of row i + 1
        self._tops: array[float] | None = None  # tops[i]: the rows above row i, tall
        self.text = CellText()

    def __len__(self) -> int:
        return len(self.cells)

    def add(
        self,
        cells: Sequence[Any],
        bold: bool = False,
        span: int | None = None,
        height: float | None = None,
        glue_next: bool = False,
    ) -> int:
        row = len(self.cells)
        self.cells.append(cells)
        if bold:
            self.bold.add(row)
        if span is not None:
            self.spans[row] = span % len(self.widths)
        self.heights.append(height if height is not None else self._measure(cells, span))
        if glue_next:
            self.glued.add(row)
        self._tops = None
        return row

    def glue_previous(self) -> None:
        """The row just added stays on the page of the one before it."""
        if len(self.cells) > 1:
            self.glued.add(len(self.cells) - 2)

    def _measure(self, cells: Sequence[Any], span: int | None) -> float:
        try:  # plain strings: their lines
            breaks: int = max([cell.count("\n") for cell in cells])
            return LEADING * (breaks + 1) + 2 * PAD_Y
        except AttributeError:  # a Paragraph among them
            pass
        tallest = 0.0
        for i, cell in enumerate(cells):
            if isinstance(cell, Paragraph):
                width = self.widths[i] if span is None or i else self.lefts[span + 1]
                tall = cell.wrap(width - 2 * PAD_X, 0x7FFFFFFF)[1]
            else:
                tall = LEADING * (cell.count("\n") + 1)
            tallest = max(tallest, tall)
        return tallest + 2 * PAD_Y

    def tops(self) -> array[float]:
        if self._tops is None:
            tops, y = array("d", [0.0]), 0.0
            for h in self.heights:
                y += h
                tops.append(y)
            self._tops = tops
        return self._tops

    def rows_height(self, lo: int, hi: int) -> float:
        tops = self.tops()
        return tops[hi] - tops[lo]

    def part(self, lo: int, hi: int, headed: bool) -> GridPart:
        return GridPart(self, lo, hi, headed)

    # -- drawing --------------------------------------------------------------------------------------
    def draw_head(self, canvas: Canvas, bottom: float) -> None:
        """The column header, drawn once into a form the pages share: its wrapped headings cost
        more to draw than a page of rows, and the file holds them once."""
        name = f"ocop-table-head-{id(self)}"
        if not canvas.hasForm(name):
            canvas.beginForm(name)
            self.head.drawOn(canvas, 0, 0)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(0, bottom)
        canvas.doForm(name)
        canvas.restoreState()

    def draw_rows(self, canvas: Canvas, lo: int, hi: int, top: float) -> None:
        """Rows lo..hi-1 with their top edge at ``top``: text, then the grid over them."""
        tops, heights, spans, lefts = self.tops(), self.heights, self.spans, self.lefts
        columns = [(lefts[c], lefts[c + 1] - lefts[c], self.aligns.get(c, "LEFT")) for c in range(len(self.widths))]
        text = self.text
        text.start()
        for r in range(lo, hi):
            height = heights[r]
            bottom = top - (tops[r] - tops[lo]) - height
            face = BOLD if r in self.bold else FONT
            cells = self.cells[r]
            first = 0
            span = spans.get(r)
            if span is not None:  # the first cell across the columns it spans, left-aligned
                self._draw_cell(canvas, text, cells[0], (0.0, lefts[span + 1], "LEFT"), bottom, height, face)
                first = span + 1
            for c in range(first, len(cells)):
                cell = cells[c]
                if not cell:
                    continue
                if type(cell) is not str or "\n" in cell:
                    self._draw_cell(canvas, text, cell, columns[c], bottom, height, face)
                    continue
                left, width, align = columns[c]
                # reportlab's MIDDLE for one line, and its LEFT / RIGHT / CENTER.
                if align == "LEFT":
                    x = left + PAD_X
                elif align == "RIGHT":
                    x = left + width - PAD_X - text_width(cell, face)
                else:
                    x = left + (width - text_width(cell, face)) / 2.0
                text.put(canvas, x, bottom + (height + LEADING) / 2.0 - SIZE, cell, face)
        text.finish(canvas)
        self._draw_lines(canvas, lo, hi, top)

    def _draw_cell(
        self,
        canvas: Canvas,
        text: CellText,
        cell: Any,
        column: tuple[float, float, str],
        bottom: float,
        height: float,
        face: str,
    ) -> None:
        """A cell of several lines, or a Paragraph, as reportlab's Table draws it (MIDDLE)."""
        left, width, align = column
        if isinstance(cell, Paragraph):
            self._draw_paragraph(canvas, cell, left, bottom, height, width)
            return
        lines = cell.split("\n")
        y = bottom + (height + len(lines) * LEADING) / 2.0 - SIZE
        for line in lines:
            if align == "LEFT":
                x = left + PAD_X
            elif align == "RIGHT":
                x = left + width - PAD_X - text_width(line, face)
            else:
                x = left + (width - text_width(line, face)) / 2.0
            text.put(canvas, x, y, line, face)
            y -= LEADING

    @staticmethod
    def _draw_paragraph(
        canvas: Canvas, cell: Paragraph, left: float, bottom: float, height: float, width: float
    ) -> None:
        _w, tall = cell.wrap(width - 2 * PAD_X, 0x7FFFFFFF)
        y = bottom + (height + PAD_Y - PAD_Y + tall) / 2.0 - tall
        cell.drawOn(canvas, left + PAD_X, y)

    def _draw_lines(self, canvas: Canvas, lo: int, hi: int, top: float) -> None:
        tops, heights, spans = self.tops(), self.heights, self.spans
        bottom = top - (tops[hi] - tops[lo])
        right = self.lefts[-1]
        canvas.saveState()
        canvas.setLineWidth(LINE)
        canvas.setStrokeColor(colors.black)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        ops = []
        for r in range(lo, hi + 1):
            y = top - (tops[r] - tops[lo])
            ops.append(f"{fp_str(0, y)} m {fp_str(right, y)} l")
        # A column's line stops where a spanning cell covers it.
        spanning = [(top - (tops[r] - tops[lo]), heights[r], spans[r]) for r in range(lo, hi) if r in spans]
        for c, x in enumerate(self.lefts):
            start = top
            for y_top, height, span in spanning:
                if 0 < c <= span:
                    if start > y_top:
                        ops.append(f"{fp_str(x, start)} m {fp_str(x, y_top)} l")
                    start = y_top - height
            if start > bottom:
                ops.append(f"{fp_str(x, start)} m {fp_str(x, bottom)} l")
        ops.append("S")
        canvas.addLiteral("\n".join(ops))  # one path, stroked once: what drawPath writes, built here
        canvas.restoreState()


class GridPart(Flowable):
    """Rows lo..hi-1 of a Grid, under the column header when ``headed``. Split at a page's end,
    it leaves the rows that fit and a headed part with the rest, never between glued rows."""

    def __init__(self, grid: Grid, lo: int, hi: int, headed: bool = True) -> None:
        super().__init__()
        self.grid, self.lo, self.hi, self.headed = grid, lo, hi, headed
        self.row_count = hi - lo  # read by write_pdf's progress

    def _height(self) -> float:
        return (self.grid.head_height if self.headed else 0.0) + self.grid.rows_height(self.lo, self.hi)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width, self.height = self.grid.lefts[-1], self._height()
        return self.width, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        grid = self.grid
        room = aH - (grid.head_height if self.headed else 0.0)
        tops = grid.tops()
        end = bisect_right(tops, tops[self.lo] + room + _FUZZ, self.lo, self.hi + 1) - 1
        while end > self.lo and (end - 1) in grid.glued:
            end -= 1  # a heading stays with its first row, a unit's last row with its "Cộng"
        if end <= self.lo:
            return []
        if end >= self.hi:
            return [self]
        return [GridPart(grid, self.lo, end, self.headed), GridPart(grid, end, self.hi, True)]

    def draw(self) -> None:
        grid, top = self.grid, self.height
        if self.headed:
            top -= grid.head_height
            grid.draw_head(self.canv, top)
        grid.draw_rows(self.canv, self.lo, self.hi, top)
