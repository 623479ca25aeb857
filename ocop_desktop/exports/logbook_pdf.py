"""The blank logbook to write by hand: one form, a ruled table for each part (raw material in, batches, sales)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak, Paragraph

from ocop_desktop.domain.schema.logbooks import SHEETS
from ocop_desktop.exports.pdf import _Doc, _PageCanvas, _templates, _widths, closing_block, official_header
from ocop_desktop.exports.pdf_style import FONT, LANDSCAPE, LANDSCAPE_MARGINS, Styles
from ocop_desktop.exports.pdf_table import esc, table_story
from ocop_desktop.exports.report_model import OfficialHeader, Report, ReportSection
from ocop_desktop.services.report_columns import numbered_columns

KIND = "logbook-form"  # domain/documents.py
TITLE = "SỔ NHẬT KÝ SẢN XUẤT, KINH DOANH"
SUBTITLE = "Nguyên liệu nhập vào, sản xuất và tiêu thụ sản phẩm"
# Lines to fill per part, so that each page is full and none spills a few lines onto another:
# the first part shares its first page with the heading, the last its page with the signatures.
BLANK_ROWS = (19, 11, 9)


def logbook_parts(blank_rows: tuple[int, ...] = BLANK_ROWS) -> list[Report]:
    """One table per part of the logbook, its columns from the template's sheet (domain/schema/logbooks.py)."""
    return [
        Report(
            kind=KIND,
            title=f"Phần {n}. {title.upper()}",
            subtitle="",
            columns=numbered_columns(columns),
            sections=[ReportSection("")],
            landscape=True,
            blank_rows=rows,
        )
        for n, ((title, _record, columns), rows) in enumerate(zip(SHEETS, blank_rows, strict=True), start=1)
    ]


def write_blank_logbook(
    header: OfficialHeader, path: Path, producer: str = "", product: str = "", year: int | None = None
) -> Path:
    """The form with the office's header, the producer and product (dotted lines when not given), each
    part on its own page, and the signatures of the producer and of the officer who handed it over."""
    s = Styles()
    main = Report(kind=KIND, title=TITLE, subtitle=SUBTITLE, columns=[], sections=[], header=header, landscape=True)
    dots = "…………………………………………"
    intro = (
        f"Tên chủ thể: {producer or dots}   Sản phẩm: {product or dots}   "
        f"Năm: {year if year else '…………'}. Ghi mỗi lần nhập nguyên liệu, mỗi mẻ sản xuất và mỗi lần bán hàng "
        "vào một dòng; mã lô nguyên liệu ghi ở Phần 1 được ghi lại ở Phần 2 (cột «Mã lô nguyên liệu đã dùng»)."
    )
    story: list[Flowable] = [*official_header(main, s), Paragraph(esc(intro), s.text)]
    room = LANDSCAPE[1] - LANDSCAPE_MARGINS["top"] - LANDSCAPE_MARGINS["bottom"]
    parts = logbook_parts()
    for n, part in enumerate(parts):
        last = n == len(parts) - 1
        story.append(Paragraph(esc(part.title), s.subtitle))
        story += table_story(part, s, _widths(part), room, [closing_block(main, s)] if last else [PageBreak()])
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".pdf.tmp")
    os.close(fd)
    try:
        doc = _Doc(
            tmp,
            lambda _f: None,
            pagesize=LANDSCAPE,
            pageTemplates=_templates(True),
            title=f"{TITLE} {SUBTITLE}",
            author=header.body,
            creator="OCOP Desktop",
            initialFontName=FONT,
            initialFontSize=13,
            lang="vi-VN",
        )
        doc.build(story, canvasmaker=_PageCanvas)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
