"""A Report as a PDF administrative document: official header, table, Nơi nhận and signature."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, Callable

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate, Flowable, Frame, KeepTogether, LongTable, PageTemplate, Paragraph, Spacer, Table, TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from ocop_desktop.domain.numbers import format_vn_date, format_vn_number, format_vnd
from ocop_desktop.exports.pdf_style import (
    FONT, LANDSCAPE, LANDSCAPE_MARGINS, PORTRAIT, PORTRAIT_MARGINS, Styles,
)
from ocop_desktop.exports.report_model import ExportCancelled, Progress, Report, ReportColumn, vn_date_line

BLANK_ROW_HEIGHT = 11 * mm  # room to write by hand on a printed form
# A cell holds at most this many lines (13 pt each); the rest goes on continuation rows, so every
# row fits on a page under the repeated header, landscape included (frame 467 pt).
MAX_CELL_LINES = 12
CELL_PADDING = 12  # reportlab's default cell padding, 6 pt on each side
CELL_SLACK = CELL_PADDING + 2  # and a margin, so a line measured here never rewraps


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cell_text(column: ReportColumn, value: Any) -> str:
    if value is None or value == "":
        return ""
    if column.kind == "money":
        return format_vnd(value)
    if column.kind in ("int", "number"):
        return format_vn_number(value)
    if column.kind == "date":
        return format_vn_date(value) if isinstance(value, date) else str(value)
    if column.kind == "stars":
        return str(value) if value else ""  # the serif font has no ★ glyph
    return str(value)


class _Doc(BaseDocTemplate):
    """Page numbers top centre from page 2; progress and cancel checked as flowables land."""

    def __init__(self, filename: str, tick: Callable[[Flowable], None], **kw) -> None:
        super().__init__(filename, **kw)
        self._tick = tick

    def afterFlowable(self, flowable: Flowable) -> None:
        self._tick(flowable)


def _page_number(canvas, doc) -> None:
    if doc.page < 2:
        return
    canvas.saveState()
    canvas.setFont(FONT, 13)
    width, height = doc.pagesize
    canvas.drawCentredString(width / 2, height - 12 * mm, str(doc.page))
    canvas.restoreState()


def _templates(landscape_first: bool) -> list[PageTemplate]:
    """Both orientations; the first template in the list is the one page 1 uses."""
    out = []
    for name, size, m in (("portrait", PORTRAIT, PORTRAIT_MARGINS), ("landscape", LANDSCAPE, LANDSCAPE_MARGINS)):
        frame = Frame(m["left"], m["bottom"], size[0] - m["left"] - m["right"], size[1] - m["top"] - m["bottom"],
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name)
        out.append(PageTemplate(id=name, frames=[frame], pagesize=size, onPage=_page_number))
    return out[::-1] if landscape_first else out


def _frame_width(landscape: bool) -> float:
    size, m = (LANDSCAPE, LANDSCAPE_MARGINS) if landscape else (PORTRAIT, PORTRAIT_MARGINS)
    return size[0] - m["left"] - m["right"]


def official_header(report: Report, s: Styles) -> list[Flowable]:
    """Issuing body left, national motto right, each with its short rule; number and date under."""
    h = report.header
    width = _frame_width(report.landscape)
    left = [Paragraph(_esc(h.parent_body.upper()), s.body_left)] if h.parent_body else []
    # Blank settings print dotted lines to fill by hand rather than an empty header.
    body = _esc(h.body.upper()) or "…………………………"
    # "ỦY BAN NHÂN DÂN" stands on its own line above the unit's name, as in the letter.
    for lead in ("ỦY BAN NHÂN DÂN ", "UBND "):
        if body.startswith(lead) and len(body) > len(lead):
            body = lead.strip() + "<br/>" + body[len(lead):]
    left += [Paragraph(body, s.body_name),
             HRFlowable(width="35%", thickness=0.6, color=colors.black, spaceBefore=1, spaceAfter=4),
             Paragraph(_esc(h.number).replace("  ", "&nbsp; "), s.number)]
    right = [Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", s.motto_1),
             Paragraph("Độc lập - Tự do - Hạnh phúc", s.motto_2),
             HRFlowable(width="62%", thickness=0.6, color=colors.black, spaceBefore=1, spaceAfter=4)]
    if h.day:
        right.append(Paragraph(_esc(vn_date_line(h.place or "…………", h.day)), s.date_line))
    table = Table([[left, right]], colWidths=[width * 0.42, width * 0.58])
    # FONT even for cells holding only flowables: a Table otherwise selects Helvetica, which
    # would then be listed (unembedded) in the PDF.
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 13),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [table, Spacer(1, 8 * mm), Paragraph(_esc(report.title), s.title),
            Paragraph(_esc(report.subtitle), s.subtitle)]


def _widths(report: Report) -> list[float]:
    total = sum(c.width for c in report.columns)
    room = _frame_width(report.landscape)
    return [room * c.width / total for c in report.columns]


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
class _Endnotes:
    """Long cell texts continued after the table, full width, numbered as the cells refer to them."""

    items: list[tuple[str, str]] = field(default_factory=list)  # (what it continues, the rest)

    def add(self, where: str, rest: str) -> int:
        self.items.append((where.strip(), rest))
        return len(self.items)

    def flowables(self, s: Styles) -> list[Flowable]:
        out: list[Flowable] = []
        for number, (where, rest) in enumerate(self.items, start=1):
            body = "<br/>".join(_esc(line) for line in rest.split("\n"))
            out.append(Paragraph(f"<b>Ghi chú {number}</b> — {_esc(where)} (tiếp theo): {body}", s.text))
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


def _where(cols: list[ReportColumn], row: dict[str, Any], column: ReportColumn) -> str:
    """'cột «Ghi chú», dòng «Mật ong Mường Ảng»': the cell a note continues, as a reader finds it."""
    where = f"cột «{column.header}»"
    for c in cols:
        value = row.get(c.key)
        if c is not column and c.kind == "text" and isinstance(value, str) and value.strip():
            return f"{where}, dòng «{value.strip()[:80]}»"
    return where


def _cell(column: ReportColumn, value: Any, width: float, s: Styles, more: Callable[[str], int]) -> Any:
    """A value as the content of one cell. A table row never splits across pages, so a text taller
    than a cell may be (a survey note may hold 20.000 characters) shows its first lines and goes on
    in a numbered note after the table, full width, where it takes a few pages rather than a
    hundred; every character is printed once, in order."""
    text = cell_text(column, value)
    right = column.kind in ("int", "number", "money")
    # Paragraphs wrap but cost far more to lay out; short values stay plain strings.
    if "\n" not in text and stringWidth(text, FONT, 11) <= width - CELL_PADDING:
        return text
    style = s.cell_right if right else s.cell
    lines = wrap_lines(text, width - CELL_SLACK)
    if len(lines) <= MAX_CELL_LINES:
        return Paragraph("<br/>".join(_esc(line) for line in lines), style)
    shown = lines[:MAX_CELL_LINES - 2]
    number = more(_rest_after(text, shown))
    return Paragraph("<br/>".join(_esc(line) for line in shown) + f"<br/><i>(tiếp ở ghi chú {number} cuối bảng)</i>",
                     style)


def data_table(report: Report, s: Styles, tick_rows: list[int], endnotes: _Endnotes | None = None) -> LongTable:
    widths = _widths(report)
    endnotes = endnotes if endnotes is not None else _Endnotes()
    cols = report.columns
    rows: list[list[Any]] = [[Paragraph(_esc(c.header), s.cell_head) for c in cols]]
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, 11), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
    ]
    for i, c in enumerate(cols):
        if c.kind in ("int", "number", "money"):
            commands.append(("ALIGN", (i, 1), (i, -1), "RIGHT"))
        elif c.kind in ("date", "stars"):
            commands.append(("ALIGN", (i, 1), (i, -1), "CENTER"))
    totals = {c.key: 0 for c in cols if c.total}
    multi = len(report.sections) > 1 or any(sec.heading for sec in report.sections)
    for section in report.sections:
        if multi:
            rows.append([section.heading] + [""] * (len(cols) - 1))
            r = len(rows) - 1
            commands += [("SPAN", (0, r), (-1, r)), ("FONT", (0, r), (-1, r), f"{FONT}-Bold", 11),
                         ("ALIGN", (0, r), (-1, r), "LEFT")]
        sub = {k: 0 for k in totals}
        for row in section.rows:
            rows.append([_cell(c, row.get(c.key), w, s, partial(endnotes.add, _where(cols, row, c)))
                         for c, w in zip(cols, widths)])
            for k in sub:
                sub[k] += row.get(k) or 0
        if section.subtotal:
            rows.append(["Cộng"] + [cell_text(c, sub[c.key]) if c.key in sub else "" for c in cols[1:]])
            r = len(rows) - 1
            commands += [("FONT", (0, r), (-1, r), f"{FONT}-Bold", 11), ("ALIGN", (0, r), (0, r), "LEFT")]
        for k in totals:
            totals[k] += sub[k]
    if report.grand_total:
        rows.append(["Tổng cộng"] + [cell_text(c, totals[c.key]) if c.key in totals else "" for c in cols[1:]])
        r = len(rows) - 1
        commands += [("FONT", (0, r), (-1, r), f"{FONT}-Bold", 11), ("ALIGN", (0, r), (0, r), "LEFT")]
    heights = None
    if report.blank_rows:
        rows += [[""] * len(cols) for _ in range(report.blank_rows)]
        heights = [None] * (len(rows) - report.blank_rows) + [BLANK_ROW_HEIGHT] * report.blank_rows
    tick_rows.append(len(rows))
    # repeatRows: the header on every page; splitInRow=0: a row is never split across pages.
    return LongTable(rows, colWidths=widths, rowHeights=heights, repeatRows=1, splitInRow=0,
                     style=TableStyle(commands))


def bar_chart(title: str, bars: list[tuple[str, float]], width: float) -> Drawing:
    height = 24 + 18 * max(1, len(bars))
    drawing = Drawing(width, height + 20)
    drawing.initialFontName = FONT  # the renderer would otherwise start in Helvetica
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = width * 0.38, 10, width * 0.52, height - 10
    chart.data = [[v for _l, v in reversed(bars)] or [0]]
    chart.categoryAxis.categoryNames = [label for label, _v in reversed(bars)] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 10
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: format_vn_number(v)
    chart.bars[0].fillColor = colors.HexColor("#2e7d32")
    chart.barLabelFormat = lambda v: format_vn_number(v)
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 9
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    drawing.add(String(0, height + 6, title, fontName=f"{FONT}-Bold", fontSize=12))
    return drawing


def closing_block(report: Report, s: Styles) -> Flowable:
    """'Nơi nhận' bottom left and the signature block bottom right, kept on one page."""
    h = report.header
    left = [Paragraph("Nơi nhận:", s.recipients_head)]
    left += [Paragraph(_esc(f"- {line}"), s.recipients) for line in h.recipients]
    sig = h.signature
    right = [Paragraph(_esc(line.upper()), s.sign) for line in (sig.authority, sig.deputy, sig.title) if line]
    right += [Spacer(1, 25 * mm), Paragraph(_esc(sig.name) or "…………………………", s.sign)]
    width = _frame_width(report.landscape)
    table = Table([[left, right]], colWidths=[width * 0.5, width * 0.5])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 13), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("ALIGN", (1, 0), (1, 0), "CENTER")]))
    return KeepTogether([Spacer(1, 6 * mm), table])


def write_pdf(report: Report, path: Path, progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None) -> Path:
    """Build the document into a temporary file and move it into place only when complete."""
    s = Styles()
    total_rows = max(1, report.row_count)
    seen = {"rows": 0}
    tick_rows: list[int] = []

    def tick(flowable: Flowable) -> None:
        if cancelled and cancelled():
            raise ExportCancelled()
        if isinstance(flowable, LongTable | Table) and getattr(flowable, "_nrows", 0) and tick_rows:
            seen["rows"] = min(total_rows, seen["rows"] + flowable._nrows - 1)
            if progress:
                progress(seen["rows"], total_rows)

    story: list[Flowable] = official_header(report, s)
    if report.intro:
        story.append(Paragraph(_esc(report.intro), s.text))
    for title, bars in report.charts:
        story += [bar_chart(title, bars, _frame_width(report.landscape)), Spacer(1, 4 * mm)]
    # A wide table is laid out on landscape pages from the first page on, header included,
    # rather than leaving a nearly empty portrait page before it.
    endnotes = _Endnotes()
    story.append(data_table(report, s, tick_rows, endnotes))
    story += endnotes.flowables(s)
    for note in report.notes:
        story.append(Paragraph(_esc(note), s.text))
    story.append(closing_block(report, s))  # KeepTogether moves it whole when it does not fit

    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".pdf.tmp")
    os.close(fd)
    try:
        doc = _Doc(tmp, tick, pagesize=LANDSCAPE if report.landscape else PORTRAIT,
                   pageTemplates=_templates(report.landscape), title=f"{report.title} {report.subtitle}",
                   author=report.header.body, creator="OCOP Desktop", initialFontName=FONT, initialFontSize=13,
                   lang="vi-VN")
        doc.build(story)
        if progress:
            progress(total_rows, total_rows)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
