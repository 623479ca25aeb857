"""The parts of an .xlsx the bounded reader needs besides its sheets, and the tools it reads them
with: the limits (rows, cells, bytes), the cell types (Sheet, CellError, UNCACHED), cell
coordinates, an expat parser that counts elements and bytes against the limits, and the small
parts (relationships, date styles, shared strings)."""

from __future__ import annotations

import posixpath
import re
import zipfile
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

from ocop_desktop.domain.formatting import integer
from ocop_desktop.domain.language import Text
from ocop_desktop.services.exchange.excel_files import TEMPLATE, ImportRefused

# The limits follow from what a real survey sheet holds: the template's columns (13) on the rows of
# a national import (a province's communes together send about 100,000), with room to spare, so a
# real national file is read while a sheet of formatted emptiness or a zip bomb is refused quickly.
MAX_ROWS = 200_000  # rows of one sheet: twice a national import
MAX_COLUMNS = 1_000
TEMPLATE_COLUMNS = len(TEMPLATE)  # the template's columns
MAX_CELLS = MAX_ROWS * TEMPLATE_COLUMNS  # <c> elements of one workbook, empty styled ones included
MAX_ELEMENTS = 4 * MAX_CELLS  # XML elements (a text cell is <c><is><t>): bounds the time spent parsing
MAX_STRINGS = MAX_CELLS // 2  # distinct texts of the shared-string table
MAX_MERGES = 50_000
MAX_PART_BYTES = 64 * MAX_CELLS  # one sheet unpacked: about 50 bytes of XML per cell, 60 for a long text
MAX_TOTAL_BYTES = MAX_PART_BYTES + 64 * 2**20
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CHUNK = 1 << 16


class WorkbookRefused(ImportRefused):
    """The workbook is beyond what the reader accepts; str() says why and what to do, in Vietnamese."""


class _Uncached:
    """A formula cell saved without its result (written by a script, never opened in Excel)."""

    def __repr__(self) -> str:
        return "UNCACHED"

    def __str__(self) -> str:
        return "(công thức)"


UNCACHED = _Uncached()


@dataclass(frozen=True)
class CellError:
    """A formula cell whose saved result is an Excel error such as #DIV/0!."""

    code: str

    def __str__(self) -> str:
        return self.code


@dataclass
class Sheet:
    title: str
    state: str  # "visible", "hidden" or "veryHidden"
    cells: dict[int, dict[int, Any]] = field(default_factory=dict)  # Excel row -> {0-based column: value}
    hidden_rows: set[int] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # 1-based (col1, row1, col2, row2)

    @property
    def hidden(self) -> bool:
        return self.state != "visible"

    def rows(self) -> list[tuple[int, tuple[Any, ...]]]:
        """(Excel row, values from column A) of every row with a value, a merged value filling
        each row the merged cell covers (the value sits in its first column)."""
        cells = self.cells  # filled in place (setdefault: a second call changes nothing), no copy
        present = sorted(cells)
        for c1, r1, _c2, r2 in self.merged:
            value = cells.get(r1, {}).get(c1 - 1)
            if value is None:
                continue
            for r in present[bisect_right(present, r1) : bisect_left(present, r2 + 1)]:
                cells[r].setdefault(c1 - 1, value)
        out = []
        for r in present:
            row = cells[r]
            width = max(row) + 1
            out.append((r, tuple(row.get(i) for i in range(width))))
        return out


def text_value(raw: str) -> str:
    """Excel's _xHHHH_ escapes decoded (_x000D_ is a carriage return), then control characters
    other than newline and tab dropped: what the person typed, without the file format's marks."""
    decoded = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), raw) if "_x" in raw else raw
    if "\r" in decoded:
        decoded = decoded.replace("\r\n", "\n")
    return _CONTROL.sub("", decoded) if _CONTROL.search(decoded) else decoded


def split_cell(coordinate: str) -> tuple[int, int]:
    """ "AB12" -> (column 28, row 12); raises ValueError."""
    m = re.fullmatch(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})", coordinate.strip())
    if not m:
        raise ValueError(coordinate)
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return col, int(m.group(2))


def cell_range(ref: str) -> tuple[int, int, int, int]:
    first, _, last = ref.partition(":")
    c1, r1 = split_cell(first)
    c2, r2 = split_cell(last) if last else (c1, r1)
    return c1, r1, c2, r2


def column_letters(col: int) -> str:
    out = ""
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


class Budget:
    def __init__(self, name: str) -> None:
        self.name, self.elements, self.cells = name, 0, 0


def local_name(name: str) -> str:
    return name[name.find(":") + 1 :]  # "x:c" -> "c"; the main namespace may come with a prefix


def parse_part(
    zf: zipfile.ZipFile,
    member: str,
    budget: Budget,
    start: Callable[..., Any],
    end: Callable[..., Any] | None = None,
    text: Callable[..., Any] | None = None,
    raw_names: bool = False,
    step: Callable[[int], None] | None = None,
) -> None:
    """Feed ``member`` to expat in chunks, DTDs and entities refused. Handlers get local element
    names, unless ``raw_names`` (the sheet parser strips prefixes itself, on its hot path).
    ``step(n)`` is told each chunk of ``n`` unpacked bytes parsed (progress; it may raise to stop)."""
    parser = expat.ParserCreate()
    parser.buffer_text = True

    def refuse(*_args: object) -> None:
        raise WorkbookRefused(
            Text(
                f"Tệp {budget.name} có khai báo thực thể XML (DOCTYPE/ENTITY) trong «{member}» — "
                "Excel không bao giờ tạo ra như vậy; tệp có thể độc hại nên bị từ chối.",
                f"The file {budget.name} declares XML entities (DOCTYPE/ENTITY) in «{member}» — "
                "Excel never writes that; the file may be harmful and was refused.",
            )
        )

    def on_start(name: str, attrs: dict[str, Any]) -> None:
        budget.elements += 1
        if budget.elements > MAX_ELEMENTS:
            raise WorkbookRefused(
                Text(
                    f"Tệp {budget.name} có quá nhiều phần tử XML (hơn {integer(MAX_ELEMENTS)} trong «{member}»)."
                    + ADVICE,
                    f"The file {budget.name} has too many XML elements (more than {integer(MAX_ELEMENTS)} in «{member}»)."
                    + ADVICE.en,
                )
            )
        start(local_name(name), {local_name(k): v for k, v in attrs.items()})

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = start if raw_names else on_start
    if end is not None:
        parser.EndElementHandler = end if raw_names else (lambda name: end(local_name(name)))
    if text is not None:
        parser.CharacterDataHandler = text
    read = 0
    with zf.open(member) as fh:
        while chunk := fh.read(_CHUNK):
            read += len(chunk)
            if read > MAX_PART_BYTES:  # the directory may lie about the unpacked size
                raise WorkbookRefused(
                    Text(
                        f"Tệp {budget.name}: phần «{member}» khi giải nén lớn hơn {MAX_PART_BYTES // 2**20} MB."
                        + ADVICE,
                        f"The file {budget.name}: part «{member}» unpacks to more than {MAX_PART_BYTES // 2**20} MB."
                        + ADVICE.en,
                    )
                )
            parser.Parse(chunk, False)
            if step is not None:
                step(len(chunk))
        parser.Parse(b"", True)


ADVICE = Text(
    " Hãy mở bằng Excel, xóa các dòng, cột thừa (trống nhưng có định dạng) bên dưới và bên phải dữ liệu, "
    "lưu lại rồi nhập, hoặc chia thành nhiều tệp nhỏ hơn.",
    " Open it in Excel, delete the extra rows and columns (empty but formatted) below and to the right of the "
    "data, save it and import it again, or split it into smaller files.",
)


def part_rels(zf: zipfile.ZipFile, part: str, names: set[str], budget: Budget) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, member path) of ``part``."""
    folder, base = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    out: dict[str, tuple[str, str]] = {}
    if rels not in names:
        return out

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == "Relationship" and attrs.get("TargetMode") != "External":
            target = attrs.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[attrs.get("Id", "")] = (attrs.get("Type", ""), path)

    parse_part(zf, rels, budget, start)
    return out


def date_styles(zf: zipfile.ZipFile, member: str | None, budget: Budget) -> set[int]:
    """Indices of the cell styles whose number format shows a date."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format  # noqa: PLC0415

    if member is None:
        return set()
    formats: dict[int, str] = {}
    xfs: list[int] = []
    where = {"cellXfs": False}

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == "numFmt":
            formats[int(attrs.get("numFmtId", "0"))] = attrs.get("formatCode", "")
        elif name == "cellXfs":
            where["cellXfs"] = True
        elif name == "xf" and where["cellXfs"]:
            xfs.append(int(attrs.get("numFmtId", "0") or 0))

    def end(name: str) -> None:
        if name == "cellXfs":
            where["cellXfs"] = False

    parse_part(zf, member, budget, start, end)
    out = set()
    for index, fmt_id in enumerate(xfs):
        code = formats.get(fmt_id, BUILTIN_FORMATS.get(fmt_id, ""))
        if 14 <= fmt_id <= 22 or 45 <= fmt_id <= 47 or (code and is_date_format(code)):
            out.add(index)
    return out


def shared_strings(zf: zipfile.ZipFile, member: str | None, budget: Budget) -> list[str]:
    out: list[str] = []
    if member is None:
        return out
    state: dict[str, Any] = {"parts": None, "t": False, "phonetic": 0}

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == "si":
            if len(out) >= MAX_STRINGS:
                raise WorkbookRefused(
                    Text(
                        f"Tệp {budget.name} có hơn {integer(MAX_STRINGS)} chuỗi chữ." + ADVICE,
                        f"The file {budget.name} has more than {integer(MAX_STRINGS)} text strings." + ADVICE.en,
                    )
                )
            state["parts"] = []
        elif name == "rPh":
            state["phonetic"] += 1  # East Asian reading hints: not part of the text
        elif name == "t" and not state["phonetic"]:
            state["t"] = True

    def end(name: str) -> None:
        if name == "si":
            out.append(text_value("".join(state["parts"] or ())))
            state["parts"] = None
        elif name == "rPh":
            state["phonetic"] -= 1
        elif name == "t":
            state["t"] = False

    def text(data: str) -> None:
        if state["t"] and state["parts"] is not None:
            state["parts"].append(data)

    parse_part(zf, member, budget, start, end, text)
    return out
