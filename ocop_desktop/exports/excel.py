"""A Report written to .xlsx as people use Excel: title block, frozen filtered header, live totals, A4 print."""

from __future__ import annotations

import math
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from contextlib import suppress
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import xlsxwriter  # type: ignore[import-untyped]  # no stubs

from .excel_layout import (
    FONT_NAME,
    NOTES_SHEET,
    UNIT_PT,
    PaperSheet,
    centred_run,
    column_width,
    notes_sheet,
    row_height,
    text_width,
    wrapped_lines,
)
from .pdf_table import add_up
from .report_model import ExportCancelled, Progress, Report, ReportColumn, Signature, vn_date_line

__all__ = ["FORMATS", "MOTTO", "UNIT_PT", "sheet_title", "write_xlsx"]

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
GREY = "#D9D9D9"
# Control characters XML cannot hold (pasted from Word): dropped, as the paper would show them.
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
# Only ever written through the typed calls below; these keep a generic write (merge_range's)
# from turning text into a formula, a link or a number.
_OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


class Formula(NamedTuple):
    text: str  # "=SUBTOTAL(9,D5:D9)"
    value: Any  # its result, stored beside it for readers that do not calculate


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
    """Write report to path atomically; raise ExportCancelled (leaving path untouched) on cancel.

    XlsxWriter in constant_memory mode: each row goes to a temp file as it is written, so 100,000
    rows take little memory, at the speed of the library itself (openpyxl's write-only mode built
    a styled cell object per value, six times slower)."""
    path = Path(path)
    work = tempfile.mkdtemp(prefix="ocop-xlsx-")  # xlsxwriter's row and part files: removed whole
    tmp: str | None = None
    wb: Any = None
    try:
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=f".{path.stem}.", suffix=".xlsx.tmp", delete=False
        ) as fh:
            tmp = fh.name
        wb = xlsxwriter.Workbook(tmp, _OPTIONS | {"tmpdir": work})
        sheet = _Sheet(wb, report, progress, cancelled)
        sheet.write()
        if report.notes:  # on a sheet of their own: a long line never widens (shrinks) the printed report
            notes_sheet(wb.add_worksheet(NOTES_SHEET), report.notes, sheet)
        if cancelled is not None and cancelled():  # saving 100,000 rows still takes a while
            raise ExportCancelled()
        wb.close()
        # mkstemp files are 0600; keep an overwritten file's mode, else the usual 0644.
        os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        if tmp is not None:
            with suppress(OSError):
                os.remove(tmp)
        raise
    finally:
        if wb is not None:
            for each in wb.worksheets():  # Windows deletes no file still open
                with suppress(Exception):
                    each._opt_close()
        shutil.rmtree(work, ignore_errors=True)
    return path


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

Cell = tuple[Any, Any] | None  # (value, format) or nothing at all


class _Sheet:
    """One pass over the report, writing rows in order (constant_memory sheets cannot go back)."""

    def __init__(
        self, wb: Any, report: Report, progress: Progress | None, cancelled: Callable[[], bool] | None
    ) -> None:
        self.wb, self.report, self.progress, self.cancelled = wb, report, progress, cancelled
        self.ws = wb.add_worksheet(sheet_title(report.subtitle or report.title), worksheet_class=PaperSheet)
        self.columns: list[ReportColumn] = list(report.columns) or [ReportColumn("", "")]
        self.n = len(self.columns)
        self.row = 0  # rows written (the 1-based number of the last one)
        self.last: list[Cell] = []  # the last row's cells, for merge()
        self.total = report.row_count
        self.done = 0
        self.size = 12 if report.landscape else 13
        self.line = round(self.size * 1.3, 1)  # points per line of text
        self.per_unit = UNIT_PT / (0.6 * self.size)  # characters a unit of width surely holds
        self.split = max(1, self.n // 2)  # the official block: issuing body left of it, motto right
        self.widths = [c.width for c in self.columns]
        self._formats: dict[tuple[tuple[str, Any], ...], Any] = {}
        self._props: dict[int, dict[str, Any]] = {}
        self._totals: dict[str, Any] = {}  # the total rows' formats, by number format
        self.plain = self.style()

    def style(self, **props: Any) -> Any:
        """A format made once and shared by every cell that looks alike, in Times New Roman at the
        sheet's size unless given (xlsxwriter's names: bold, border, align, num_format …)."""
        props = {"font_name": FONT_NAME, "font_size": self.size} | props
        key = tuple(sorted(props.items()))
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._formats[key] = self.wb.add_format(props)
            self._props[id(fmt)] = props
        return fmt

    def cell(self, value: Any, style: Any = None) -> Cell:
        fmt = style if style is not None else self.plain
        if isinstance(value, str) and value:
            value, fmt = self.text(value, fmt)
        return value, fmt

    def text(self, value: str, fmt: Any) -> tuple[str, Any]:
        """Text as Excel can hold it, always as text (never a formula, a link or a number)."""
        value = value[:MAX_TEXT]
        if _ILLEGAL.search(value):
            value = _ILLEGAL.sub("", value)
        if value.startswith(RISKY):
            # quotePrefix keeps it text when someone edits the cell in Excel (F2, Enter).
            fmt = self.style(**(self._props[id(fmt)] | {"quote_prefix": True}))
        return value, fmt

    def put(self, ws: Any, r: int, c: int, value: Any, fmt: Any) -> None:
        if value is None or value == "":
            if fmt is not None:
                ws.write_blank(r, c, None, fmt)
        elif isinstance(value, str):
            ws.write_string(r, c, value, fmt)
        elif isinstance(value, Formula):
            ws.write_formula(r, c, value.text, fmt, value.value)
        elif isinstance(value, date):
            ws.write_datetime(r, c, value, fmt)
        else:
            ws.write_number(r, c, value, fmt)

    def add(self, cells: list[Cell], height: float | None = None, at_once: bool = False) -> int:
        """The next row; ``at_once`` for a row without formulas that is never merged (quicker)."""
        r = self.row
        self.row += 1
        self.last = cells
        if at_once:
            self.ws.whole_row(r, cells, height)
            return self.row
        if height:
            row_height(self.ws, r, height)
        for c, each in enumerate(cells):
            if each is not None:
                self.put(self.ws, r, c, *each)
        self.last = cells
        return self.row

    def merge(self, first: int, last: int) -> None:
        """Merge columns first..last (1-based) of the last row, its first cell kept."""
        if last > first:
            value, fmt = self.last[first - 1] or (None, None)
            r = self.row - 1
            self.ws.merge_range(r, first - 1, r, last - 1, "", fmt)
            if value is not None and value != "":
                self.put(self.ws, r, first - 1, value, fmt)

    def tick(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.total)
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled()

    def write(self) -> None:
        ws, report = self.ws, self.report
        self.fit_block()
        for i, width in enumerate(self.widths):
            column_width(ws, i, width)
        block = self.block_height()
        header_row = block + 2 if block else 1
        ws.freeze_panes(header_row, 0)
        self.tick()
        self.write_block()
        if block:
            self.add([])
        head = self.style(
            bold=True, pattern=1, bg_color=GREY, border=1, align="center", valign="vcenter", text_wrap=True
        )
        # Neither LibreOffice nor Excel reliably grows a wrapped row on open: give the height.
        lines = max(
            wrapped_lines(c.header, w, self.size, bold=True) for c, w in zip(self.columns, self.widths, strict=False)
        )
        self.add([self.cell(c.header, head) for c in self.columns], self.line * lines + 4)
        first = self.row + 1
        sums = self.write_sections()
        plain = self.style(border=1)
        for _ in range(report.blank_rows):
            self.add([self.cell(None, plain) for _ in self.columns], HAND_ROW)
        if report.grand_total:
            self.add(self.total_row("Tổng cộng", first, self.row, sums))
        ws.autofilter(header_row - 1, 0, max(self.row - report.grand_total, header_row) - 1, self.n - 1)
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
            plain = self.style(align="center", valign="bottom")
            bold = self.style(bold=True, align="center", valign="bottom")
            motto = self.style(bold=True, font_size=12, align="center", valign="bottom")
            italic = self.style(italic=True, align="center", valign="bottom")
            left, right = self.block_lines(plain, bold), [(MOTTO[0], motto), (MOTTO[1], bold)]
            rule = self.style(top=1)
            a, b = centred_run(self.widths[:split], 0.35)
            c, d = centred_run(self.widths[split:], 0.62)
            rules: tuple[list[Cell], list[Cell]] = (
                [self.cell(None, rule if a <= i <= b else None) for i in range(split)],
                [self.cell(None, rule if c <= i <= d else None) for i in range(n - split)],
            )
            rows = max(len(left), len(right))
            for i in range(rows + 1):  # and a thin row for the rules still to draw
                halves: list[list[Cell]] = []
                for half, width, under in ((left, split, rules[0]), (right, n - split, rules[1])):
                    if i < len(half):
                        halves.append([self.cell(*half[i]), *[None] * (width - 1)])
                    else:  # a short rule under the block: a top border on the centred cells
                        halves.append(under if i == len(half) else [None] * width)
                self.add(halves[0] + halves[1], self.line + 2 if i < rows else 4)
                if i < len(left):
                    self.merge(1, split)
                if i < len(right):
                    self.merge(split + 1, n)
            date_line = _date_line(h.place, h.day) if h.day else ""
            self.add([self.cell(h.number, plain), *[None] * (split - 1), self.cell(date_line, italic)], self.line + 4)
            self.merge(1, split)
            self.merge(split + 1, n)
        elif h.day:
            italic = self.style(italic=True, align="center")
            self.add([*[None] * split, self.cell(_date_line(h.place, h.day), italic)])
            self.merge(split + 1, n)
        if self.row:
            self.add([])
        centred = {"align": "center", "valign": "vcenter", "text_wrap": True}
        if report.title:
            # Excel sizes a row to its font, but not when the cell is merged: give the height.
            self.add([self.cell(report.title, self.style(bold=True, font_size=14, **centred))], 21)
            self.merge(1, n)
        room = sum(self.widths)
        if report.subtitle:
            lines = wrapped_lines(report.subtitle, room, 14, bold=True)
            self.add([self.cell(report.subtitle, self.style(bold=True, font_size=14, **centred))], 19 * lines)
            self.merge(1, n)
        if report.intro:
            lines = wrapped_lines(report.intro, room, self.size)
            self.add([self.cell(report.intro, self.style(text_wrap=True, valign="top"))], self.line * lines + 3)
            self.merge(1, n)

    def write_sections(self) -> dict[str, Any]:
        """The table's rows, section by section; returns the sums of the whole table."""
        report, cols, ws = self.report, self.columns, self.ws
        specs = []
        for i, col in enumerate(cols):
            props: dict[str, Any] = {"border": 1, "num_format": FORMATS.get(col.kind, "General"), "valign": "top"}
            if col.kind == "text":
                props["text_wrap"] = True
            is_text = col.kind not in _CONVERT or col.kind == "text"
            # Whole quantities show as "30", not "30,0": number columns get a second style.
            whole = self.style(**(props | {"num_format": FORMATS["int"]})) if col.kind == "number" else None
            # Values already of the written type skip the conversion (all but a few, in practice).
            same = str if is_text else int if col.kind in ("int", "money", "stars") else None
            convert = _CONVERT.get(col.kind, _CONVERT["text"])
            width = self.widths[i] * self.per_unit  # characters the column surely holds on one line
            specs.append(
                (col.key, convert, same, self.style(**props), is_text, whole, col.total, width, self.widths[i])
            )
        # A heading runs on across the row: no inner borders to strike through its text.
        if self.n > 1:
            edges = [{"left": 1, "top": 1, "bottom": 1}] + [{"top": 1, "bottom": 1}] * (self.n - 2)
            edges.append({"right": 1, "top": 1, "bottom": 1})
        else:
            edges = [{"border": 1}]
        headings = [self.style(bold=True, **edge) for edge in edges]
        many = len(report.sections) > 1
        summed = [c.key for c in cols if c.total]
        totals: dict[str, Any] = {k: None for k in summed}
        text, wrapped, lines_pt, whole_row = self.text, self.wrapped, self.line, ws.whole_row
        for section in report.sections:
            if many or section.heading:
                self.add([self.cell(section.heading, headings[0])] + [(None, s) for s in headings[1:]], at_once=True)
            first = self.row + 1
            sums: dict[str, Any] = {k: None for k in summed}
            for row in section.rows:
                r = self.row
                self.row += 1
                lines = 1
                cells: list[Cell] = []
                # The hot path, a million cells for 100,000 rows: each row written at once.
                for key, convert, same, fmt, is_text, whole, adds, fits, width in specs:
                    value = row.get(key)
                    if value is not None and type(value) is not same:
                        try:
                            value = convert(value)
                        except (TypeError, ValueError, OverflowError) as exc:
                            raise ValueError(f"row {self.done + 1}, column {key!r}: {value!r}: {exc}") from exc
                    if value is None or value == "":
                        cells.append((None, fmt))  # an empty cell still has its borders
                        continue
                    if is_text:
                        value, chosen = text(value, fmt)
                        cells.append((value, chosen))
                        if len(value) > fits or "\n" in value:  # only then measure
                            lines = max(lines, wrapped(value, width))
                        continue
                    cells.append((value, whole if whole is not None and value == int(value) else fmt))
                    if adds:
                        sums[key] = add_up(sums[key], value)
                whole_row(r, cells, lines_pt * lines + 2 if lines > 1 else None)
                self.done += 1
                if self.done % EVERY == 0:
                    self.tick()
            if section.subtotal:
                self.add(self.total_row("Cộng", first, self.row, sums))
            for k in summed:
                totals[k] = add_up(totals[k], sums[k])
        return totals

    def wrapped(self, value: str, width: float) -> int:
        return wrapped_lines(value, width, self.size)

    def total_row(self, label: str, first: int, last: int, sums: dict[str, Any]) -> list[Cell]:
        """Live SUBTOTAL(9, …) formulas: they skip nested subtotals and rows hidden by the filter.
        A column with nothing to sum stays blank, not 0; a whole sum shows no decimals."""
        # The label goes in the first text column: column A is often a narrow "STT".
        free = [c for c in self.columns if not c.total]
        at = next((c for c in free if c.kind == "text"), free[0] if free else None)
        cells: list[Cell] = []
        for i, col in enumerate(self.columns):
            total = sums.get(col.key)
            whole = total is not None and float(total) == int(total)
            kind = "int" if whole and col.kind == "number" else col.kind
            number_format = FORMATS[kind] if col.total else "General"
            style = self._totals.get(number_format)
            if style is None:  # one a format, not one a cell: a national report has 10,000 subtotal rows
                style = self._totals[number_format] = self.style(bold=True, border=1, num_format=number_format)
            if col.total and total is not None and last >= first:
                x = xlsxwriter.utility.xl_col_to_name(i)
                cells.append((Formula(f"=SUBTOTAL(9,{x}{first}:{x}{last})", total), style))
            else:
                cells.append(self.cell(label if col is at else None, style))
        return cells

    def write_notes(self) -> None:
        """The charts as their data, a label/value table each (the notes go on a sheet of their own)."""
        report, n = self.report, self.n
        if not report.charts:
            return
        bold = self.style(bold=True)
        label = self.style(border=1)
        number = self.style(border=1, num_format=FORMATS["number"])
        whole = self.style(border=1, num_format=FORMATS["int"])  # a count shows "3", not "3,0"
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
        bold, plain = self.style(bold=True, align="center"), self.style()

        def block(sig: Signature) -> list[tuple[str, Any]]:
            lines = [(line.upper(), bold) for line in (sig.authority, sig.deputy, sig.title) if line]
            return lines + [("", plain)] * 3 + [(sig.name or "…………………………", bold)]

        if h.recipients:
            left = [("Nơi nhận:", self.style(bold=True, italic=True))]
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
            self.add([self.cell(text_l, style_l), *[None] * (split - 1), self.cell(text_r, style_r)])
            self.merge(1, split)
            self.merge(split + 1, n)

    def print_setup(self, header_row: int) -> None:
        ws = self.ws
        ws.set_paper(9)  # A4
        if self.report.landscape:
            ws.set_landscape()
        else:
            ws.set_portrait()
        ws.fit_to_pages(1, 0)  # one page wide, as many pages down as it takes
        # The PDF's margins (Nghị định 30/2020), in inches; a landscape page is bound on its top edge.
        if self.report.landscape:
            ws.set_margins(left=0.79, right=0.79, top=1.18, bottom=0.59)
        else:
            ws.set_margins(left=1.18, right=0.59, top=0.79, bottom=0.79)
        ws.center_horizontally()
        ws.repeat_rows(header_row - 1)
        # The page number at the top centre from page 2, as on paper; the key fingerprint and audit
        # anchor at the bottom of every printed page.
        seal = self.report.seal.line.replace("&", "&&") if self.report.seal is not None else ""
        ws.paper_header_footer(
            f'&C&"{FONT_NAME},Regular"&13&P',
            f'&C&"{FONT_NAME},Regular"&8{seal}' if seal else "",
            header_margin=0.47,
            footer_margin=0.3,
        )
