"""The table of a PDF report: wrapped cells, headings and totals spanning columns, a unit's rows
kept with its heading and its "Cộng", and the last rows kept on the page of the signature."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from ocop_desktop.domain import formatting
from ocop_desktop.exports.pdf_grid import Grid, text_width
from ocop_desktop.exports.pdf_style import FONT, Styles
from ocop_desktop.exports.report_model import Report, ReportColumn

BLANK_ROW_HEIGHT = 11 * mm  # room to write by hand on a printed form
# A cell holds at most this many lines (13 pt each); the rest goes on continuation rows, so every
# row fits on a page under the repeated header, landscape included (frame 467 pt).
MAX_CELL_LINES = 12
CELL_PADDING = 12  # reportlab's default cell padding, 6 pt on each side
CELL_SLACK = CELL_PADDING + 2  # and a margin, so a line measured here never rewraps
# The rows that go with the signature: a reader must see on its page the end of what is signed.
TAIL_ROWS = 3
TAIL_SHARE = 0.4  # of a page at most, so the rows, the notes and the signature still fit on one


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# A report column's kind -> domain.formatting's kind. A star class prints as its number: the
# serif font has no ★ glyph. "int" keeps its grouping as before (1.234), "year" never groups.
_KINDS = {
    "money": formatting.MONEY,
    "int": formatting.DECIMAL,
    "number": formatting.DECIMAL,
    "date": formatting.DATE,
    "year": formatting.YEAR,
    "score": formatting.SCORE,
}


def cell_text(column: ReportColumn, value: Any) -> str:
    if value is None or value == "":
        return ""
    if column.kind == "stars":
        return str(value) if value else ""
    if column.kind == "date" and not isinstance(value, date):
        return str(value)  # a date known only as written ("quý III/2024")
    kind = _KINDS.get(column.kind)
    return formatting.value(value, kind) if kind else str(value)


def wrap_lines(text: str, width: float, font: str = FONT, size: float = 11) -> list[str]:
    """``text`` broken into lines no wider than ``width``: at spaces, at the user's line breaks,
    and inside a word too long for a line (a pasted link), so nothing runs out of its cell."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if stringWidth(candidate, font, size) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while len(word) > 1 and stringWidth(word, font, size) > width:
                low, high = 1, len(word) - 1  # the longest head that fits, found by halving
                while low < high:
                    mid = (low + high + 1) // 2
                    low, high = (mid, high) if stringWidth(word[:mid], font, size) <= width else (low, mid - 1)
                lines.append(word[:low])
                word = word[low:]
            line = word
        lines.append(line)
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


@dataclass
class Endnotes:
    """Long cell texts continued after the table, full width, numbered as the cells refer to them."""

    items: list[tuple[str, str]] = field(default_factory=list)  # (what it continues, the rest)

    def add(self, where: str, rest: str) -> int:
        self.items.append((where.strip(), rest))
        return len(self.items)

    def flowables(self, s: Styles) -> list[Flowable]:
        out: list[Flowable] = []
        for number, (where, rest) in enumerate(self.items, start=1):
            body = "<br/>".join(esc(line) for line in rest.split("\n"))
            out.append(Paragraph(f"<b>Ghi chú {number}</b> — {esc(where)} (tiếp theo): {body}", s.text))
        return out


def _rest_after(text: str, shown: list[str]) -> str:
    """What of ``text`` follows the lines ``shown``: wrap_lines only drops white space and breaks
    lines, so the shown lines hold the first N non-space characters of the text."""
    left = sum(len("".join(line.split())) for line in shown)
    for offset, char in enumerate(text):
        if left == 0:
            return text[offset:].strip()
        if not char.isspace():
            left -= 1
    return ""


def _where(cols: list[ReportColumn], row: Mapping[str, Any], column: ReportColumn) -> str:
    """'cột «Ghi chú», dòng «Mật ong Mường Ảng»': the cell a note continues, as a reader finds it."""
    where = f"cột «{column.header}»"
    for c in cols:
        value = row.get(c.key)
        if c is not column and c.kind == "text" and isinstance(value, str) and value.strip():
            return f"{where}, dòng «{value.strip()[:80]}»"
    return where


def _cell(column: ReportColumn, text: str, width: float, s: Styles, more: Callable[[str], int]) -> Any:
    """A value's text (cell_text) as the content of one cell. A table row never splits across pages, so a text taller
    than a cell may be (a survey note may hold 20.000 characters) shows its first lines and goes on
    in a numbered note after the table, full width, where it takes a few pages rather than a
    hundred; every character is printed once, in order."""
    right = column.kind in ("int", "number", "money")
    # Paragraphs wrap but cost far more to lay out; short values stay plain strings.
    if "\n" not in text and text_width(text) <= width - CELL_PADDING:
        return text
    style = s.cell_right if right else s.cell
    lines = wrap_lines(text, width - CELL_SLACK)
    if len(lines) <= MAX_CELL_LINES:
        # Already broken into lines that fit: a plain string of lines, which the table draws as it
        # is, where a Paragraph would be wrapped again at every measure (most of a long PDF's time).
        return "\n".join(lines)
    shown = lines[: MAX_CELL_LINES - 2]
    number = more(_rest_after(text, shown))
    return Paragraph(
        "<br/>".join(esc(line) for line in shown) + f"<br/><i>(tiếp ở ghi chú {number} cuối bảng)</i>", style
    )


def add_up(total: Any, value: Any) -> Any:
    """A sum that stays None while nothing was counted: an empty sum prints blank, not 0.
    Text and NaN count as nothing."""
    if value is None or isinstance(value, str) or (isinstance(value, float) and not math.isfinite(value)):
        return total
    return value if total is None else total + value


def _label_span(cols: list[ReportColumn], values: list[str]) -> int:
    """Last column a "Cộng"/"Tổng cộng" label may span: up to the first cell holding a figure."""
    for i, value in enumerate(values[1:], start=1):
        if value or cols[i].total:
            return i - 1
    return len(cols) - 1


def table_rows(report: Report, s: Styles, widths: list[float], endnotes: Endnotes) -> Grid:
    cols = report.columns
    aligns = {i: "RIGHT" for i, c in enumerate(cols) if c.kind in ("int", "number", "money")}
    aligns |= {i: "CENTER" for i, c in enumerate(cols) if c.kind in ("date", "stars")}
    t = Grid([Paragraph(esc(c.header), s.cell_head) for c in cols], widths, aligns)

    def total_row(label: str, sums: dict[str, Any]) -> None:
        # Nothing counted prints blank, not 0.
        values = [label] + [cell_text(c, sums.get(c.key)) for c in cols[1:]]
        span = _label_span(cols, values)
        t.add(values, bold=True, span=span)

    # A figure's text, once per distinct value and kind: quantities, prices and row numbers repeat.
    shown: dict[tuple[str, type, Any], str] = {}

    def figure(column: ReportColumn, value: Any) -> str:
        if column.kind == "text" or value is None or isinstance(value, str):
            return cell_text(column, value)
        key = (column.kind, type(value), value)
        text = shown.get(key)
        if text is None:
            text = shown[key] = cell_text(column, value)
        return text

    def more(row: Mapping[str, Any], column: ReportColumn, rest: str) -> int:
        return endnotes.add(_where(cols, row, column), rest)

    room = [(c, w, w - CELL_PADDING) for c, w in zip(cols, widths, strict=False)]

    def cells(row: Mapping[str, Any]) -> list[Any]:
        out: list[Any] = []
        for c, w, fits in room:
            text = figure(c, row.get(c.key))
            if "\n" in text or text_width(text) > fits:  # most cells hold one short line as they are
                text = _cell(c, text, w, s, partial(more, row, c))
            out.append(text)
        return out

    totals: dict[str, Any] = {c.key: None for c in cols if c.total}
    multi = len(report.sections) > 1 or any(sec.heading for sec in report.sections)
    for section in report.sections:
        if multi:
            # A heading spans the table and never ends a page: it stays with the unit's first row.
            t.add(
                [section.heading] + [""] * (len(cols) - 1),
                bold=True,
                span=-1,
                glue_next=bool(section.rows or section.subtotal),
            )
        sub = {k: None for k in totals}
        for row in section.rows:
            t.add(cells(row))
            for k in sub:
                sub[k] = add_up(sub[k], row.get(k))
        if section.subtotal:
            total_row("Cộng", sub)
            t.glue_previous()  # "Cộng" under its unit's last row, never alone on the next page
        for k in totals:
            totals[k] = add_up(totals[k], sub[k])
    if report.grand_total:
        total_row("Tổng cộng", totals)
    for _ in range(report.blank_rows):
        t.add([""] * len(cols), height=BLANK_ROW_HEIGHT)
    return t


class TableEnd(Flowable):
    """The table's last rows, the notes after it and the signature, on one page: where the table
    ends if they fit there, else together on the next page under the column header again. What is
    signed is then always on the signature's page; a page never holds only a signature."""

    def __init__(self, bare: list[Flowable], headed: list[Flowable] | None = None) -> None:
        super().__init__()
        self.bare, self.headed = _flat(bare), _flat(headed if headed is not None else bare)
        self._use: list[Flowable] = self.bare
        self._sizes: list[tuple[float, float]] = []

    def _at_top(self) -> bool:
        frame = getattr(self, "_frame", None)
        return bool(frame is not None and frame._atTop)

    def _measure(self, content: list[Flowable], aW: float) -> float:
        self._use, self._sizes = content, [f.wrap(aW, 0x7FFFFFF) for f in content]
        gaps = sum(f.getSpaceBefore() for f in content[1:]) + sum(f.getSpaceAfter() for f in content[:-1])
        return sum(h for _w, h in self._sizes) + gaps

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width, self.height = aW, self._measure(self.headed if self._at_top() else self.bare, aW)
        return self.width, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        page = frame._aH if frame is not None else aH
        at_top = self._at_top()
        if not at_top and self._measure(self.headed, aW) <= page:
            return []  # the whole end moves to the next page, where it fits
        content = self.headed if at_top else self.bare
        if not at_top and content[0].wrap(aW, aH)[1] > aH:
            return []  # not even the rows fit here: all on the next page
        if len(content) <= 2:
            return list(content)  # too tall for any page: let it flow
        # Too tall for one page (long notes): what precedes flows on, the last part keeps the signature.
        return [*content[:-2], TableEnd(content[-2:])]

    def draw(self) -> None:
        y = self.height
        for i, (f, (_w, h)) in enumerate(zip(self._use, self._sizes, strict=False)):
            if i:
                y -= f.getSpaceBefore()
            y -= h
            f.drawOn(self.canv, 0, y)
            y -= f.getSpaceAfter()


def _flat(content: list[Flowable]) -> list[Flowable]:
    out: list[Flowable] = []
    for f in content:
        out += _flat(f._content) if isinstance(f, KeepTogether) else [f]  # type: ignore[attr-defined]  # its flowables
    return out


FIGURES = ("int", "number", "money")  # right-aligned figures: never broken inside


def _widest_figures(report: Report) -> list[float]:
    """Each figure column's widest cell text (0 for the others): a row number or an amount broken
    inside («1.00» over «0») reads as another figure. Measured once per distinct value."""
    widest = [0.0] * len(report.columns)
    for i, column in enumerate(report.columns):
        if column.kind not in FIGURES:
            continue
        values = {row.get(column.key) for section in report.sections for row in section.rows}
        widest[i] = max((text_width(cell_text(column, v)) for v in values if v is not None), default=0.0)
    return widest


def fit_header_words(report: Report, widths: list[float]) -> list[float]:
    """Widths that hold each column's longest header word ("Hạng" of "Hạng sao") and each figure
    whole, taken from the columns that have room to spare: a heading is never broken inside a
    word, nor a number inside its digits."""
    need = [
        max(
            max((stringWidth(w, f"{FONT}-Bold", 11) for w in c.header.split()), default=0) + CELL_SLACK,
            figure + CELL_SLACK if figure else 0.0,
        )
        for c, figure in zip(report.columns, _widest_figures(report), strict=True)
    ]
    short = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=False))
    spare = [max(0.0, w - n) for n, w in zip(need, widths, strict=False)]
    if not short or sum(spare) < short:
        return widths
    return [
        max(n, w - short * room / sum(spare)) if w < n else w - short * room / sum(spare)
        for n, w, room in zip(need, widths, spare, strict=False)
    ]


def table_story(report: Report, s: Styles, widths: list[float], room: float, after: list[Flowable]) -> list[Flowable]:
    """The table, then ``after`` (notes, the closing block) kept with the table's last rows.
    ``room`` is the height of a page's frame."""
    widths = fit_header_words(report, widths)
    endnotes = Endnotes()
    t = table_rows(report, s, widths, endnotes)
    n = len(t)
    # A short table keeps its first row where it starts: moving all of it with the signature would
    # leave a page with nothing but the document's heading.
    start = max(1 if n > 1 else 0, n - TAIL_ROWS)
    while start > 0 and (start - 1) in t.glued:
        start -= 1  # "Cộng" never leaves its unit, a heading never its first row
    # Long rows make a tail too tall to share a page with the signature: fewer rows then.
    while start < n - 1 and t.rows_height(start, n) > room * TAIL_SHARE:
        start += 1
    end = endnotes.flowables(s) + after
    if start == 0:
        return [TableEnd([t.part(0, n, headed=True), *end])]
    return [
        t.part(0, start, headed=True),
        TableEnd([t.part(start, n, headed=False), *end], [t.part(start, n, headed=True), *end]),
    ]
