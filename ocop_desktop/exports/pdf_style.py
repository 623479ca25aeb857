"""Fonts, sizes and margins of an administrative document (Nghị định 30/2020/NĐ-CP)."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ocop_desktop.paths import resources_dir

FONT = "OCOPSerif"  # Liberation Serif: Times New Roman's metrics, every Vietnamese letter
FONT_FILES = {
    FONT: "LiberationSerif-Regular.ttf",
    f"{FONT}-Bold": "LiberationSerif-Bold.ttf",
    f"{FONT}-Italic": "LiberationSerif-Italic.ttf",
    f"{FONT}-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}

PORTRAIT = A4
LANDSCAPE = landscape(A4)
# Margins within the decree's ranges: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
PORTRAIT_MARGINS = dict(top=20 * mm, bottom=20 * mm, left=30 * mm, right=15 * mm)
# A landscape page is bound along its top edge, so the wide binding margin moves there.
LANDSCAPE_MARGINS = dict(top=30 * mm, bottom=15 * mm, left=20 * mm, right=20 * mm)


def body_lines(body: str) -> list[str]:
    """The issuing body's name as printed, in capitals: "ỦY BAN NHÂN DÂN" on its own line above
    the unit's name, as in the letter."""
    body = body.upper()
    for lead in ("ỦY BAN NHÂN DÂN ", "UBND "):
        if body.startswith(lead) and len(body) > len(lead):
            return [lead.strip(), body[len(lead) :]]
    return [body] if body else []


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the embedded serif family once per process; returns its name."""
    folder = resources_dir() / "fonts"
    for name, filename in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=f"{FONT}-Bold", italic=f"{FONT}-Italic", boldItalic=f"{FONT}-BoldItalic"
    )
    return FONT


def style(
    name: str,
    size: float = 13,
    bold: bool = False,
    italic: bool = False,
    align: Literal[0, 1, 2, 4] = TA_LEFT,
    leading: float | None = None,
    space_after: float = 0,
) -> ParagraphStyle:
    face = FONT + (
        "-Bold"
        if bold and not italic
        else "-Italic"
        if italic and not bold
        else "-BoldItalic"
        if bold and italic
        else ""
    )
    return ParagraphStyle(
        name, fontName=face, fontSize=size, leading=leading or size * 1.2, alignment=align, spaceAfter=space_after
    )


class Styles:
    """The paragraph styles of one document."""

    def __init__(self) -> None:
        register_fonts()
        self.body_left = style("body_left", 13, align=TA_CENTER)
        self.body_name = style("body_name", 13, bold=True, align=TA_CENTER)
        self.number = style("number", 13, align=TA_CENTER)
        self.motto_1 = style("motto_1", 12, bold=True, align=TA_CENTER)
        self.motto_2 = style("motto_2", 13, bold=True, align=TA_CENTER)
        self.date_line = style("date_line", 13, italic=True, align=TA_CENTER)
        self.title = style("title", 14, bold=True, align=TA_CENTER, space_after=2)
        self.subtitle = style("subtitle", 14, bold=True, align=TA_CENTER, space_after=8)
        self.text = style("text", 14, align=TA_JUSTIFY, leading=18, space_after=6)
        self.cell = style("cell", 11, leading=13)
        self.cell_right = style("cell_right", 11, align=TA_RIGHT, leading=13)
        self.cell_head = style("cell_head", 11, bold=True, align=TA_CENTER, leading=13)
        self.recipients_head = style("recipients_head", 12, bold=True, italic=True)
        self.recipients = style("recipients", 11, leading=13)
        self.sign = style("sign", 13, bold=True, align=TA_CENTER, leading=16)
        self.page_number = style("page_number", 13, align=TA_CENTER)
