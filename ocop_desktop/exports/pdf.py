"""A Report as a PDF administrative document: official header, table, Nơi nhận and signature."""

from __future__ import annotations

import os
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFStream
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from ocop_desktop.domain.numbers import format_vn_number
from ocop_desktop.exports.pdf_style import (
    FONT,
    LANDSCAPE,
    LANDSCAPE_MARGINS,
    PORTRAIT,
    PORTRAIT_MARGINS,
    Styles,
    body_lines,
)
from ocop_desktop.exports.pdf_table import esc, table_story, wrap_lines  # noqa: F401  (wrap_lines: tests)
from ocop_desktop.exports.report_model import ExportCancelled, Progress, Report, Signature, vn_date_line

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing


class _Doc(BaseDocTemplate):
    """Page numbers top centre from page 2; progress and cancel checked as flowables land."""

    def __init__(self, filename: str, tick: Callable[[Flowable], None], **kw: Any) -> None:
        super().__init__(filename, **kw)
        self._tick = tick

    def afterFlowable(self, flowable: Flowable) -> None:
        self._tick(flowable)


class _Deflated:
    """The filter of a page stream compressed when its page ended: named, not applied again."""

    pdfname = "FlateDecode"

    @staticmethod
    def encode(data: bytes) -> bytes:
        return data


class _PageCanvas(Canvas):
    """Compresses each page's drawing as the page ends rather than all pages at the save: a
    17,000-page national report otherwise holds every page's operators in memory (100 MB)."""

    def showPage(self) -> None:
        super().showPage()
        pages = self._doc.Pages.pages  # type: ignore[attr-defined]  # the pages shown so far
        page = pages[-1] if pages else None
        # Only a plain compressed page stream, as reportlab would write it at the save.
        if page is not None and page.compression and isinstance(page.stream, str) and not page.Contents:
            page.Contents = PDFStream(content=zlib.compress(page.stream.encode("utf8")), filters=[_Deflated()])
            page.stream = None


def _page_number(canvas: Canvas, doc: BaseDocTemplate) -> None:
    if doc.page < 2:
        return
    canvas.saveState()
    canvas.setFont(FONT, 13)
    width, height = doc.pagesize
    canvas.drawCentredString(width / 2, height - 12 * mm, str(doc.page))
    canvas.restoreState()


SEAL_SIZE = 7.5  # points: small print in the bottom margin, under the text block
SEAL_FROM_BOTTOM = 8 * mm


def _seal_line(line: str) -> Callable[[Canvas, BaseDocTemplate], None]:
    """The office's key fingerprint and audit anchor on every page, centred in the bottom margin."""

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, SEAL_SIZE)
        canvas.drawCentredString(doc.pagesize[0] / 2, SEAL_FROM_BOTTOM, line)
        canvas.restoreState()

    return draw


def _templates(landscape_first: bool, seal: str = "") -> list[PageTemplate]:
    """Both orientations; the first template in the list is the one page 1 uses."""
    out = []
    on_page = _page_number
    if seal:
        footer = _seal_line(seal)

        def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
            _page_number(canvas, doc)
            footer(canvas, doc)

    for name, size, m in (("portrait", PORTRAIT, PORTRAIT_MARGINS), ("landscape", LANDSCAPE, LANDSCAPE_MARGINS)):
        frame = Frame(
            m["left"],
            m["bottom"],
            size[0] - m["left"] - m["right"],
            size[1] - m["top"] - m["bottom"],
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=name,
        )
        out.append(PageTemplate(id=name, frames=[frame], pagesize=size, onPage=on_page))
    return out[::-1] if landscape_first else out


def _frame_width(landscape: bool) -> float:
    size, m = (LANDSCAPE, LANDSCAPE_MARGINS) if landscape else (PORTRAIT, PORTRAIT_MARGINS)
    return size[0] - m["left"] - m["right"]


def official_header(report: Report, s: Styles) -> list[Flowable]:
    """Issuing body left, national motto right, each with its short rule; number and date under."""
    h = report.header
    width = _frame_width(report.landscape)
    left: list[Flowable] = [Paragraph(esc(h.parent_body.upper()), s.body_left)] if h.parent_body else []
    # Blank settings print dotted lines to fill by hand rather than an empty header.
    body = "<br/>".join(esc(line) for line in body_lines(h.body)) or "…………………………"
    left += [
        Paragraph(body, s.body_name),
        HRFlowable(width="35%", thickness=0.6, color=colors.black, spaceBefore=1, spaceAfter=4),
        Paragraph(esc(h.number).replace("  ", "&nbsp; "), s.number),
    ]
    right: list[Flowable] = [
        Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", s.motto_1),
        Paragraph("Độc lập - Tự do - Hạnh phúc", s.motto_2),
        HRFlowable(width="62%", thickness=0.6, color=colors.black, spaceBefore=1, spaceAfter=4),
    ]
    if h.day:
        right.append(Paragraph(esc(vn_date_line(h.place or "…………", h.day)), s.date_line))
    table = Table([[left, right]], colWidths=[width * 0.42, width * 0.58])
    # FONT even for cells holding only flowables: a Table otherwise selects Helvetica, which
    # would then be listed (unembedded) in the PDF.
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 13),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        table,
        Spacer(1, 8 * mm),
        Paragraph(esc(report.title), s.title),
        Paragraph(esc(report.subtitle), s.subtitle),
    ]


def _widths(report: Report) -> list[float]:
    total = sum(c.width for c in report.columns)
    room = _frame_width(report.landscape)
    return [room * c.width / total for c in report.columns]


def bar_chart(title: str, bars: list[tuple[str, float]], width: float) -> Drawing:
    # reportlab's graphics take a quarter of a second to import; most reports draw no chart.
    from reportlab.graphics.charts.barcharts import HorizontalBarChart  # noqa: PLC0415
    from reportlab.graphics.shapes import Drawing, String  # noqa: PLC0415

    height = 24 + 18 * max(1, len(bars))
    drawing = Drawing(width, height + 20)
    drawing.initialFontName = FONT  # type: ignore[attr-defined]  # read by renderPDF; the renderer would otherwise start in Helvetica
    chart = HorizontalBarChart()
    # reportlab's stubs say int; the chart takes its place in points, fractions included.
    chart.x, chart.y, chart.width, chart.height = width * 0.38, 10, width * 0.52, height - 10  # type: ignore[assignment]
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
    left: list[Flowable] = [Paragraph("Nơi nhận:", s.recipients_head)] if h.recipients else []
    left += [Paragraph(esc(f"- {line}"), s.recipients) for line in h.recipients]

    def block(sig: Signature) -> list[Flowable]:
        lines = [Paragraph(esc(line.upper()), s.sign) for line in (sig.authority, sig.deputy, sig.title) if line]
        return [*lines, Spacer(1, 25 * mm), Paragraph(esc(sig.name) or "…………………………", s.sign)]

    right = block(h.signature)
    form = not h.recipients and bool(h.co_signature.title)  # a form: its second signer stands left
    if form:
        left = block(h.co_signature)
    width = _frame_width(report.landscape)
    table = Table([[left, right]], colWidths=[width * 0.5, width * 0.5])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 13),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("ALIGN", (0 if form else 1, 0), (1, 0), "CENTER"),
            ]
        )
    )
    return KeepTogether([Spacer(1, 6 * mm), table])


def write_pdf(
    report: Report, path: Path, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
) -> Path:
    """Build the document into a temporary file and move it into place only when complete."""
    s = Styles()
    total_rows = max(1, report.row_count)
    seen = {"rows": 0}
    tick_rows: list[int] = []

    def tick(flowable: Flowable) -> None:
        if cancelled and cancelled():
            raise ExportCancelled()
        rows: int = getattr(flowable, "row_count", 0)  # a page's part of the table
        if rows and tick_rows:
            seen["rows"] = min(total_rows, seen["rows"] + rows)
            if progress:
                progress(seen["rows"], total_rows)

    story: list[Flowable] = official_header(report, s)
    if report.intro:
        story.append(Paragraph(esc(report.intro), s.text))
    for title, bars in report.charts:
        story += [bar_chart(title, bars, _frame_width(report.landscape)), Spacer(1, 4 * mm)]
    # A wide table is laid out on landscape pages from the first page on, header included,
    # rather than leaving a nearly empty portrait page before it.
    size, m = (LANDSCAPE, LANDSCAPE_MARGINS) if report.landscape else (PORTRAIT, PORTRAIT_MARGINS)
    after = [Paragraph(esc(note), s.text) for note in report.notes] + [closing_block(report, s)]
    story += table_story(report, s, _widths(report), size[1] - m["top"] - m["bottom"], after)
    tick_rows.append(report.row_count)

    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".pdf.tmp")
    os.close(fd)
    try:
        doc = _Doc(
            tmp,
            tick,
            pagesize=LANDSCAPE if report.landscape else PORTRAIT,
            pageTemplates=_templates(report.landscape, report.seal.line if report.seal else ""),
            title=f"{report.title} {report.subtitle}",
            author=report.header.body,
            creator="OCOP Desktop",
            initialFontName=FONT,
            initialFontSize=13,
            lang="vi-VN",
        )
        doc.build(story, canvasmaker=_PageCanvas)
        if progress:
            progress(total_rows, total_rows)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
