"""A Report written to .xlsx as people use Excel: title block, frozen filtered header, live totals, A4 print."""

from __future__ import annotations

import math
import os
import re
import tempfile
from collections.abc import Callable
from contextlib import suppress
from copy import copy
from datetime import date, datetime
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from .excel_layout import (
    FONT_NAME,
    NOTES_SHEET,
    UNIT_PT,
    centred_run,
    notes_sheet,
    text_width,
    wrapped_lines,
)
from .pdf_table import add_up
from .report_model import ExportCancelled, Progress, Report, ReportColumn, Signature, vn_date_line

# Not '#,##0.##': Excel and LibreOffice leave a dangling separator on whole numbers ("12,"), so
# one decimal always shows (whole values get "#,##0"). [$-42A] marks the format Vietnamese:
# LibreOffice then prints 1.234.567,5 whatever its own locale; Excel uses the system's separators
# (a Vietnamese Windows: the same).
VN = "[$-42A]"
FORMATS = {
    "int": f"{VN}#,##0",
    "number": f"{VN}#,##0.0#",
    "money": f'{VN}#,##0 "đ"',
    "date": "dd/mm/yyyy",
    "stars": "0",
    "text": "General",
}
# Text starting with these is read back as a formula or a DDE payload by Excel, LibreOffice
# and anything that re-imports a CSV saved from the sheet (OWASP "CSV injection").
RISKY = ("=", "+", "-", "@", "\t", "\r")
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
MAX_TEXT = 32767  # Excel refuses the whole file when one cell holds more
EVERY = 1000  # rows between progress reports and cancel checks
HAND_ROW = 30.0  # a form's empty row: room to write by hand
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")


def sheet_title(text: str) -> str:
    """A legal sheet name: no []:*?/\\, at most 31 characters, cut at a word boundary."""
    title = " ".join(_BAD_TITLE.sub(" ", text).split()).strip("'")
    if len(title) > 31:
        head = title[:32]
        title = (head.rsplit(" ", 1)[0] if " " in head else head)[:31].rstrip()
    return title or "Báo cáo"


def write_xlsx(
    report: Report, path: Path, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
) -> Path:
    """Write report to path atomically; raise ExportCancelled (leaving path untouched) on cancel."""
    path = Path(path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet_title(report.subtitle or report.title))
    if hasattr(ws, "_values_to_row"):  # if a later openpyxl renames it, its own path simply runs
        ws._values_to_row = partial(_cells_to_row, ws)
    tmp: str | None = None
    try:
        sheet = _Sheet(ws, report, progress, cancelled)
        sheet.write()
        if report.notes:  # on a sheet of their own: a long line never widens (shrinks) the printed report
            notes_sheet(wb.create_sheet(NOTES_SHEET), report.notes, sheet)
        if cancelled is not None and cancelled():  # saving 100,000 rows still takes a while
            raise ExportCancelled()
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=f".{path.stem}.", suffix=".xlsx.tmp", delete=False
        ) as fh:
            tmp = fh.name
        wb.save(tmp)
        # mkstemp files are 0600; keep an overwritten file's mode, else the usual 0644.
        os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        for each in wb.worksheets:  # the notes' sheet too
            _discard(each)
        if tmp is not None:
            with suppress(OSError):
                os.remove(tmp)
        raise
    return path


def _cells_to_row(ws: Any, cells: list[Any], row_idx: int) -> Any:
    """openpyxl first tries each appended item as a plain value and formats an exception message
    for every styled cell it is given: a quarter of the export time. Ours are all cells or None."""
    for col_idx, cell in enumerate(cells, 1):
        if cell is not None:
            cell.row, cell.column = row_idx, col_idx
            yield cell


def _discard(ws: Any) -> None:
    """Drop the rows openpyxl has streamed to its own temp file (it only cleans up at exit)."""
    writer = getattr(ws, "_writer", None)
    if writer is None:
        return
    with suppress(Exception):
        if not ws.closed:
            ws.close()  # releases the handle, which Windows needs before the delete
    with suppress(Exception):
        writer.cleanup()


def _date_line(place: str, day: date) -> str:
    line = vn_date_line(place, day)
    return line if place else "N" + line[3:]  # no place: "Ngày 05 tháng 7 …", not ", ngày 05 …"


def _int(v: Any) -> int:
    return v if type(v) is int else round(v) if isinstance(v, (float, Decimal)) else int(v)


def _number(v: Any) -> float | None:
    f = float(v)
    return f if math.isfinite(f) else None  # Excel calls a file with NaN or inf in it corrupt


def _date(v: Any) -> date:
    if isinstance(v, datetime):
        return v.date()  # a datetime would show 00:00 and break date filters
    return v if isinstance(v, date) else date.fromisoformat(str(v))


_CONVERT: dict[str, Callable[[Any], Any]] = {
    "int": _int,
    "number": _number,
    "money": _int,
    "date": _date,
    "stars": _int,
    "text": lambda v: v if isinstance(v, str) else str(v),
}


class _Sheet:
    """One pass over the report, appending rows in order (write-only sheets cannot go back)."""

    def __init__(
        self, ws: Any, report: Report, progress: Progress | None, cancelled: Callable[[], bool] | None
    ) -> None:
        self.ws, self.report, self.progress, self.cancelled = ws, report, progress, cancelled
        self.columns: list[ReportColumn] = list(report.columns) or [ReportColumn("", "")]
        self.n = len(self.columns)
        self.last = get_column_letter(self.n)
        self.row = 0  # index of the last row appended
        self.total = report.row_count
        self.done = 0
        self.size = 12 if report.landscape else 13
        self.line = round(self.size * 1.3, 1)  # points per line of text
        self.per_unit = UNIT_PT / (0.6 * self.size)  # characters a unit of width surely holds
        self.split = max(1, self.n // 2)  # the official block: issuing body left of it, motto right
        self.widths = [c.width for c in self.columns]
        self.plain = self.style()
        self.sums: dict[str, Any] = {}  # of the whole table, for the grand total

    def style(self, **attrs: Any) -> Any:
        """A style array built once and shared by every cell that looks alike (the fast path).
        Every one in Times New Roman, at the sheet's size unless given."""
        font = attrs.get("font") or Font()
        attrs["font"] = Font(name=FONT_NAME, sz=font.sz or self.size, b=font.b, i=font.i, u=font.u)
        cell = WriteOnlyCell(self.ws)
        for name, value in attrs.items():
            setattr(cell, name, value)
        return cell._style  # type: ignore[attr-defined]  # openpyxl's StyleArray, shared by every cell of the style

    def cell(self, value: Any, style: Any = None) -> Any:
        cell = WriteOnlyCell(self.ws)
        cell._style = style if style is not None else self.plain  # type: ignore[attr-defined]  # see style()
        if isinstance(value, str):
            if not value:
                return cell
            value = value[:MAX_TEXT]
            try:
                cell.value = value
            except IllegalCharacterError:  # control characters pasted from Word
                cell.value = value = ILLEGAL_CHARACTERS_RE.sub("", value)
            # Always text: openpyxl would make "=…" a formula and "#N/A" an error.
            cell.data_type = "s"
            if value.startswith(RISKY):
                # quotePrefix keeps it text when someone edits the cell in Excel (F2, Enter).
                cell._style = copy(cell._style)  # type: ignore[attr-defined]  # see style()
                cell.quotePrefix = True
        elif value is not None:
            cell.value = value
        return cell

    def add(self, cells: list[Any], height: float | None = None) -> int:
        self.row += 1
        if height:
            self.ws.row_dimensions[self.row].height = height
        self.ws.append(cells)
        return self.row

    def merge(self, first: int, last: int) -> None:
        if last > first:
            self.ws.merged_cells.add(f"{get_column_letter(first)}{self.row}:{get_column_letter(last)}{self.row}")

    def tick(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.total)
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled()

    def write(self) -> None:
        ws, report = self.ws, self.report
        # Write-only sheets emit widths, panes and fit-to-page with the first row: set them now.
        self.fit_block()
        for i, width in enumerate(self.widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        block = self.block_height()
        header_row = block + 2 if block else 1
        ws.freeze_panes = f"A{header_row + 1}"
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        self.tick()
        self.write_block()
        if block:
            self.add([])
        head = self.style(
            font=Font(bold=True),
            fill=PatternFill("solid", fgColor="D9D9D9"),
            border=_BORDER,
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        )
        # Neither LibreOffice nor Excel reliably grows a wrapped row on open: give the height.
        lines = max(
            wrapped_lines(c.header, w, self.size, bold=True) for c, w in zip(self.columns, self.widths, strict=False)
        )
        self.add([self.cell(c.header, head) for c in self.columns], self.line * lines + 4)
        first = self.row + 1
        self.write_sections()
        plain = self.style(border=_BORDER)
        for _ in range(report.blank_rows):
            self.add([self.cell(None, plain) for _ in self.columns], HAND_ROW)
        if report.grand_total:
            self.add(self.total_row("Tổng cộng", first, self.row, self.sums))
        ws.auto_filter.ref = f"A{header_row}:{self.last}{max(self.row - report.grand_total, header_row)}"
        self.write_notes()
        self.write_closing()
        self.print_setup(header_row)
        self.done = self.total
        self.tick()

    def fit_block(self) -> None:
        """Choose the column where the motto's half starts and widen the halves the official block
        needs, so "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and the body's name are never cut."""
        h, n, widths = self.report.header, self.n, self.widths
        if not (h.body or h.parent_body or h.day) or n < 2:
            return
        official = bool(h.body or h.parent_body)  # else only the date line stands, on the right
        need_left = max(
            [text_width(line, 13, True) for line, _s in self.block_lines()]
            + [text_width(h.number, 13) if official else 0]
        )
        need_right = max(
            text_width(MOTTO[0], 12, True) if official else 0,
            text_width(_date_line(h.place, h.day), 13) if h.day else 0,
        )
        total = sum(widths)
        # The paper's proportions (42 % body, 58 % motto), among the splits that need no widening.
        fits = [k for k in range(1, n) if sum(widths[:k]) >= need_left and sum(widths[k:]) >= need_right]
        self.split = min(fits or range(1, n), key=lambda k: abs(sum(widths[:k]) - 0.42 * total))
        for lo, hi, need in ((0, self.split, need_left), (self.split, n, need_right)):
            have = sum(widths[lo:hi])
            if have < need:
                for i in range(lo, hi):
                    widths[i] = round(widths[i] * need / have, 1)

    def block_height(self) -> int:
        h = self.report.header
        official = max(2, len(self.block_lines())) + 2 if (h.body or h.parent_body) else 1 if h.day else 0
        text = [self.report.title, self.report.subtitle, self.report.intro]
        return official + (1 if official else 0) + sum(1 for t in text if t)

    def block_lines(self, plain: Any = None, bold: Any = None) -> list[tuple[str, Any]]:
        """The issuing body's lines: the parent body, then the body in bold capitals, one cell (a
        cell that can be searched and copied whole; the paper breaks it after "ỦY BAN NHÂN DÂN")."""
        h = self.report.header
        return ([(h.parent_body.upper(), plain)] if h.parent_body else []) + (
            [(h.body.upper(), bold)] if h.body else []
        )

    def write_block(self) -> None:
        h, report, n, split = self.report.header, self.report, self.n, self.split
        # Issuing body on the left half, motto and date on the right (column B for a 1-column table),
        # as on paper: the body's first line level with "CỘNG HÒA …", each block with its short rule.
        if h.body or h.parent_body:
            centre = Alignment(horizontal="center", vertical="bottom")
            plain = self.style(alignment=centre)
            bold, motto = (
                self.style(font=Font(bold=True), alignment=centre),
                self.style(font=Font(b=True, sz=12), alignment=centre),
            )
            italic = self.style(font=Font(italic=True), alignment=centre)
            left, right = self.block_lines(plain, bold), [(MOTTO[0], motto), (MOTTO[1], bold)]
            rule = self.style(border=Border(top=_THIN))
            a, b = centred_run(self.widths[:split], 0.35)
            c, d = centred_run(self.widths[split:], 0.62)
            rules = (
                [self.cell(None, rule if a <= i <= b else None) for i in range(split)],
                [self.cell(None, rule if c <= i <= d else None) for i in range(n - split)],
            )
            rows = max(len(left), len(right))
            for i in range(rows + 1):  # and a thin row for the rules still to draw
                halves = []
                for half, width, under in ((left, split, rules[0]), (right, n - split, rules[1])):
                    if i < len(half):
                        halves.append([self.cell(*half[i])] + [None] * (width - 1))
                    else:  # a short rule under the block: a top border on the centred cells
                        halves.append(under if i == len(half) else [None] * width)
                self.add(halves[0] + halves[1], self.line + 2 if i < rows else 4)
                if i < len(left):
                    self.merge(1, split)
                if i < len(right):
                    self.merge(split + 1, n)
            date_line = _date_line(h.place, h.day) if h.day else ""
            self.add(
                [self.cell(h.number, plain)] + [None] * (split - 1) + [self.cell(date_line, italic)], self.line + 4
            )
            self.merge(1, split)
            self.merge(split + 1, n)
        elif h.day:
            italic = self.style(font=Font(italic=True), alignment=Alignment(horizontal="center"))
            self.add([None] * split + [self.cell(_date_line(h.place, h.day), italic)])
            self.merge(split + 1, n)
        if self.row:
            self.add([])
        centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if report.title:
            # Excel sizes a row to its font, but not when the cell is merged: give the height.
            self.add([self.cell(report.title, self.style(font=Font(bold=True, size=14), alignment=centred))], 21)
            self.merge(1, n)
        room = sum(self.widths)
        if report.subtitle:
            lines = wrapped_lines(report.subtitle, room, 14, bold=True)
            self.add(
                [self.cell(report.subtitle, self.style(font=Font(bold=True, size=14), alignment=centred))], 19 * lines
            )
            self.merge(1, n)
        if report.intro:
            lines = wrapped_lines(report.intro, room, self.size)
            style = self.style(alignment=Alignment(wrap_text=True, vertical="top"))
            self.add([self.cell(report.intro, style)], self.line * lines + 3)
            self.merge(1, n)

    def write_sections(self) -> None:
        report, cols = self.report, self.columns
        top = Alignment(vertical="top")
        specs = []
        for col, width in zip(cols, self.widths, strict=False):
            attrs: dict[str, Any] = {"border": _BORDER, "number_format": FORMATS.get(col.kind, "General")}
            attrs["alignment"] = Alignment(vertical="top", wrap_text=True) if col.kind == "text" else top
            is_text = col.kind not in _CONVERT or col.kind == "text"
            # A unit of column width holds about one character of 11 pt text.
            # Whole quantities show as "30", not "30,0": number columns get a second style.
            whole = self.style(**(attrs | {"number_format": FORMATS["int"]})) if col.kind == "number" else None
            specs.append(
                (col.key, _CONVERT.get(col.kind, _CONVERT["text"]), self.style(**attrs), width if is_text else 0, whole)
            )
        # A heading runs on across the row: no inner borders to strike through its text.
        edges = [Border(left=_THIN, top=_THIN, bottom=_THIN)] + [Border(top=_THIN, bottom=_THIN)] * (self.n - 2)
        edges = ([*edges, Border(right=_THIN, top=_THIN, bottom=_THIN)]) if self.n > 1 else [_BORDER]
        headings = [self.style(font=Font(bold=True), border=edge) for edge in edges]
        many = len(report.sections) > 1
        ws, cell, add = self.ws, self.cell, self.add
        summed = [c.key for c in cols if c.total]
        for section in report.sections:
            if many or section.heading:
                add([cell(section.heading, headings[0])] + [cell(None, style) for style in headings[1:]])
            first = self.row + 1
            sums: dict[str, Any] = {k: None for k in summed}
            for row in section.rows:
                for k in summed:
                    sums[k] = add_up(sums[k], row.get(k))
                values = []
                lines = 1
                for key, convert, style, text, whole in specs:
                    value = row.get(key)
                    if value is not None:
                        try:
                            value = convert(value)
                        except (TypeError, ValueError, OverflowError) as exc:
                            raise ValueError(f"row {self.done + 1}, column {key!r}: {value!r}: {exc}") from exc
                        if text:
                            values.append(cell(value, style))
                            if len(value) > text * self.per_unit or "\n" in value:  # only then measure
                                lines = max(lines, wrapped_lines(value, text, self.size))
                            continue
                    # The hot path, a million times for 100,000 rows: numbers need no text checks.
                    c = WriteOnlyCell(ws)
                    chosen = whole if whole is not None and value is not None and value == int(value) else style
                    c._style = chosen  # type: ignore[attr-defined]  # see style()
                    c.value = value
                    values.append(c)
                add(values, self.line * lines + 2 if lines > 1 else None)
                self.done += 1
                if self.done % EVERY == 0:
                    self.tick()
            if section.subtotal:
                add(self.total_row("Cộng", first, self.row, sums))
            for k in summed:
                self.sums[k] = add_up(self.sums.get(k), sums[k])

    def total_row(self, label: str, first: int, last: int, sums: dict[str, Any]) -> list[Any]:
        """Live SUBTOTAL(9, …) formulas: they skip nested subtotals and rows hidden by the filter.
        A column with nothing to sum stays blank, not 0; a whole sum shows no decimals."""
        # The label goes in the first text column: column A is often a narrow "STT".
        free = [c for c in self.columns if not c.total]
        at = next((c for c in free if c.kind == "text"), free[0] if free else None)
        cells = []
        for i, col in enumerate(self.columns, 1):
            total = sums.get(col.key)
            whole = total is not None and float(total) == int(total)
            style = self.style(
                font=Font(bold=True),
                border=_BORDER,
                number_format=(
                    FORMATS["int" if whole and col.kind == "number" else col.kind] if col.total else "General"
                ),
            )
            if col.total and total is not None:
                x = get_column_letter(i)
                value: Any = f"=SUBTOTAL(9,{x}{first}:{x}{last})" if last >= first else None
                cell = WriteOnlyCell(self.ws, value)
                cell._style = style  # type: ignore[attr-defined]  # see style()
            else:
                cell = self.cell(label if col is at else None, style)
            cells.append(cell)
        return cells

    def write_notes(self) -> None:
        """The charts as their data, a label/value table each (the notes go on a sheet of their own)."""
        report, n = self.report, self.n
        if not report.charts:
            return
        bold = self.style(font=Font(bold=True))
        label = self.style(border=_BORDER)
        number = self.style(border=_BORDER, number_format=FORMATS["number"])
        whole = self.style(border=_BORDER, number_format=FORMATS["int"])  # a count shows "3", not "3,0"
        for title, points in report.charts:
            self.add([])
            self.add([self.cell(title, bold)])
            for text, point in points:
                value = _number(point)
                self.add(
                    [self.cell(text, label)]
                    + [self.cell(None, label) for _ in range(n - 2)]
                    + [self.cell(value, whole if value is not None and value == int(value) else number)]
                )
                self.merge(1, n - 1)

    def write_closing(self) -> None:
        """'Nơi nhận' on the left half and the signer block on the right, as on paper; a form's
        second signer stands where 'Nơi nhận' would."""
        h, n = self.report.header, self.n
        split = self.split  # under the official block's halves
        centre = Alignment(horizontal="center")
        bold, plain = self.style(font=Font(bold=True), alignment=centre), self.style()

        def block(sig: Signature) -> list[tuple[str, Any]]:
            lines = [(line.upper(), bold) for line in (sig.authority, sig.deputy, sig.title) if line]
            return lines + [("", plain)] * 3 + [(sig.name or "…………………………", bold)]

        if h.recipients:
            left = [("Nơi nhận:", self.style(font=Font(bold=True, italic=True)))]
            left += [(f"- {line}", plain) for line in h.recipients]
        else:
            left = block(h.co_signature) if h.co_signature.title else []
        right = block(h.signature) if (h.signature.title or h.signature.name or left) else []
        if not (left or right):
            return
        self.add([])
        for i in range(max(len(left), len(right))):
            text_l, style_l = left[i] if i < len(left) else ("", plain)
            text_r, style_r = right[i] if i < len(right) else ("", plain)
            self.add([self.cell(text_l, style_l)] + [None] * (split - 1) + [self.cell(text_r, style_r)])
            self.merge(1, split)
            self.merge(split + 1, n)

    def print_setup(self, header_row: int) -> None:
        ws = self.ws
        ws.page_setup.paperSize = 9  # A4
        ws.page_setup.orientation = "landscape" if self.report.landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages down as it takes
        # The PDF's margins (Nghị định 30/2020), in inches; a landscape page is bound on its top edge.
        if self.report.landscape:
            ws.page_margins = PageMargins(left=0.79, right=0.79, top=1.18, bottom=0.59, header=0.47, footer=0.3)
        else:
            ws.page_margins = PageMargins(left=1.18, right=0.59, top=0.79, bottom=0.79, header=0.47, footer=0.3)
        ws.print_options.horizontalCentered = True
        ws.print_title_rows = f"{header_row}:{header_row}"
        # The page number at the top centre from page 2, as on paper.
        ws.oddHeader.center.text = "&P"
        ws.oddHeader.center.font = f"{FONT_NAME},Regular"
        ws.oddHeader.center.size = 13
        ws.HeaderFooter.differentFirst = True
        if self.report.seal is not None:  # the key fingerprint and audit anchor, on every printed page
            for footer in (ws.oddFooter, ws.firstFooter):
                footer.center.text = self.report.seal.line.replace("&", "&&")
                footer.center.font = f"{FONT_NAME},Regular"
                footer.center.size = 8
