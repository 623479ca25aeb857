"""A bounded .xlsx reader: streams each sheet with expat, keeps only cells with a value, stops at a limit."""

from __future__ import annotations

import contextlib
import posixpath
import re
import zipfile
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.parsers import expat

from ocop_desktop.domain.formatting import integer
from ocop_desktop.domain.language import Text, english
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
_COLUMNS: dict[str, int] = {}  # column letters as written ("AB") -> number, once checked


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


def _split(coordinate: str) -> tuple[int, int]:
    """ "AB12" -> (column 28, row 12); raises ValueError."""
    m = re.fullmatch(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})", coordinate.strip())
    if not m:
        raise ValueError(coordinate)
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return col, int(m.group(2))


def _range(ref: str) -> tuple[int, int, int, int]:
    first, _, last = ref.partition(":")
    c1, r1 = _split(first)
    c2, r2 = _split(last) if last else (c1, r1)
    return c1, r1, c2, r2


def _letters(col: int) -> str:
    out = ""
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


class _Budget:
    def __init__(self, name: str) -> None:
        self.name, self.elements, self.cells = name, 0, 0


def _local(name: str) -> str:
    return name[name.find(":") + 1 :]  # "x:c" -> "c"; the main namespace may come with a prefix


def _parse(
    zf: zipfile.ZipFile,
    member: str,
    budget: _Budget,
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
                    + _ADVICE,
                    f"The file {budget.name} has too many XML elements (more than {integer(MAX_ELEMENTS)} in «{member}»)."
                    + _ADVICE.en,
                )
            )
        start(_local(name), {_local(k): v for k, v in attrs.items()})

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = start if raw_names else on_start
    if end is not None:
        parser.EndElementHandler = end if raw_names else (lambda name: end(_local(name)))
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
                        + _ADVICE,
                        f"The file {budget.name}: part «{member}» unpacks to more than {MAX_PART_BYTES // 2**20} MB."
                        + _ADVICE.en,
                    )
                )
            parser.Parse(chunk, False)
            if step is not None:
                step(len(chunk))
        parser.Parse(b"", True)


_ADVICE = Text(
    " Hãy mở bằng Excel, xóa các dòng, cột thừa (trống nhưng có định dạng) bên dưới và bên phải dữ liệu, "
    "lưu lại rồi nhập, hoặc chia thành nhiều tệp nhỏ hơn.",
    " Open it in Excel, delete the extra rows and columns (empty but formatted) below and to the right of the "
    "data, save it and import it again, or split it into smaller files.",
)


def _rels(zf: zipfile.ZipFile, part: str, names: set[str], budget: _Budget) -> dict[str, tuple[str, str]]:
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

    _parse(zf, rels, budget, start)
    return out


def _date_styles(zf: zipfile.ZipFile, member: str | None, budget: _Budget) -> set[int]:
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

    _parse(zf, member, budget, start, end)
    out = set()
    for index, fmt_id in enumerate(xfs):
        code = formats.get(fmt_id, BUILTIN_FORMATS.get(fmt_id, ""))
        if 14 <= fmt_id <= 22 or 45 <= fmt_id <= 47 or (code and is_date_format(code)):
            out.add(index)
    return out


def _shared_strings(zf: zipfile.ZipFile, member: str | None, budget: _Budget) -> list[str]:
    out: list[str] = []
    if member is None:
        return out
    state: dict[str, Any] = {"parts": None, "t": False, "phonetic": 0}

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == "si":
            if len(out) >= MAX_STRINGS:
                raise WorkbookRefused(
                    Text(
                        f"Tệp {budget.name} có hơn {integer(MAX_STRINGS)} chuỗi chữ." + _ADVICE,
                        f"The file {budget.name} has more than {integer(MAX_STRINGS)} text strings." + _ADVICE.en,
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

    _parse(zf, member, budget, start, end, text)
    return out


class _SheetParser:
    """expat handlers for one sheet. The hot path is an empty styled cell: counted, never parsed
    further; the column of a cell is worked out only when it holds a value."""

    def __init__(self, sheet: Sheet, strings: list[str], dates: set[int], epoch: datetime, budget: _Budget) -> None:
        from openpyxl.utils.datetime import from_excel, from_ISO8601  # noqa: PLC0415

        self.sheet, self.strings, self.dates, self.epoch, self.budget = sheet, strings, dates, epoch, budget
        # openpyxl's converters (its stubs leave them untyped)
        self.from_excel: Callable[..., Any] = from_excel
        self.from_iso: Callable[[str], Any] = from_ISO8601
        self.row = 0
        self.rows_seen = 0
        self.col = 0  # the previous cell's column, for cells written without an address
        self.ref: str | None = None  # the previous cell's address, not yet turned into a column
        self.cell: dict[str, Any] | None = None
        self.collect: list[str] | None = None

    def _too_big(self, what: str) -> WorkbookRefused:
        return WorkbookRefused(
            Text(
                f"Tệp {self.budget.name}, trang «{self.sheet.title}»: {what}." + _ADVICE,
                f"The file {self.budget.name}, sheet «{self.sheet.title}»: {english(what)}." + _ADVICE.en,
            )
        )

    def _column(self, ref: str) -> int:
        letters = ref.rstrip("0123456789")
        column = _COLUMNS.get(letters)
        if column is not None and 0 < len(ref) - len(letters) <= 7:
            return column  # "AB12": letters already checked by _split, then a row number
        try:
            column = _split(ref)[0]
        except ValueError:
            raise self._too_big(
                Text(f"địa chỉ ô «{ref[:20]}» không hợp lệ", f"the cell address «{ref[:20]}» is not valid")
            ) from None
        if letters.isascii() and letters.isalpha() and len(_COLUMNS) < MAX_COLUMNS:
            _COLUMNS[letters] = column
        return column

    def start(self, name: str, attrs: dict[str, Any]) -> None:
        budget = self.budget
        budget.elements += 1
        if budget.elements > MAX_ELEMENTS:
            raise self._too_big(
                Text(
                    f"có quá nhiều phần tử XML (hơn {integer(MAX_ELEMENTS)})",
                    f"it has too many XML elements (more than {integer(MAX_ELEMENTS)})",
                )
            )
        if ":" in name:
            name = _local(name)
        if name == "c":
            budget.cells += 1
            if budget.cells > MAX_CELLS:
                raise self._too_big(
                    Text(
                        f"có hơn {integer(MAX_CELLS)} ô (kể cả ô trống có định dạng)",
                        f"it has more than {integer(MAX_CELLS)} cells (formatted empty cells included)",
                    )
                )
            ref = attrs.get("r")
            if ref is None:
                if self.ref is not None:
                    self.col, self.ref = self._column(self.ref), None
                self.col += 1
            else:
                self.ref = ref
            self.cell = {"t": attrs.get("t", "n"), "s": attrs.get("s"), "f": False, "v": None, "is": None}
        elif name == "row":
            self.rows_seen += 1
            if self.rows_seen > MAX_ROWS:
                raise self._too_big(
                    Text(f"có hơn {integer(MAX_ROWS)} dòng", f"it has more than {integer(MAX_ROWS)} rows")
                )
            try:
                self.row = int(attrs["r"]) if "r" in attrs else self.row + 1
            except ValueError:
                raise self._too_big(
                    Text(
                        f"số dòng «{attrs['r'][:20]}» không hợp lệ", f"the row number «{attrs['r'][:20]}» is not valid"
                    )
                ) from None
            self.col, self.ref = 0, None
            if attrs.get("hidden") in ("1", "true"):
                self.sheet.hidden_rows.add(self.row)
        elif self.cell is not None:
            if name == "f":
                self.cell["f"] = True
            elif name == "v":
                self.collect = self.cell["v"] = []
            elif name == "is":
                self.cell["is"] = []
            elif name == "rPh":
                self.cell["phonetic"] = True
            elif name == "t" and self.cell["is"] is not None and not self.cell.get("phonetic"):
                self.collect = self.cell["is"]
        elif name == "dimension":
            self._dimension(attrs.get("ref", ""))
        elif name == "mergeCell":
            if len(self.sheet.merged) >= MAX_MERGES:
                raise self._too_big(
                    Text(
                        f"có hơn {integer(MAX_MERGES)} vùng ô gộp",
                        f"it has more than {integer(MAX_MERGES)} merged cell ranges",
                    )
                )
            with contextlib.suppress(ValueError):  # a damaged merge is ignored: the cells keep what they hold
                self.sheet.merged.append(_range(attrs.get("ref", "")))

    def _dimension(self, ref: str) -> None:
        try:
            _c1, _r1, c2, r2 = _range(ref)
        except ValueError:
            return  # a missing or odd declaration is not trusted either way
        if r2 > MAX_ROWS or c2 > MAX_COLUMNS:
            raise self._too_big(
                Text(
                    f"khai báo vùng dữ liệu {ref} ({integer(r2)} dòng × {integer(c2)} cột), vượt giới hạn "
                    f"{integer(MAX_ROWS)} dòng và {integer(MAX_COLUMNS)} cột",
                    f"it declares a data range {ref} ({integer(r2)} rows × {integer(c2)} columns), beyond the limit of "
                    f"{integer(MAX_ROWS)} rows and {integer(MAX_COLUMNS)} columns",
                )
            )

    def end(self, name: str) -> None:
        if ":" in name:
            name = _local(name)
        if name == "c":
            cell, self.cell = self.cell, None
            if cell is None or (cell["v"] is None and cell["is"] is None and not cell["f"]):
                return  # an empty (styled) cell
            value = self._value(cell)
            if value is None or value == "":
                return
            if self.ref is not None:
                self.col, self.ref = self._column(self.ref), None
            col = self.col
            if col > MAX_COLUMNS or self.row > MAX_ROWS:
                raise self._too_big(
                    Text(
                        f"ô {_letters(col)}{self.row} nằm ngoài giới hạn {integer(MAX_ROWS)} dòng và "
                        f"{integer(MAX_COLUMNS)} cột",
                        f"cell {_letters(col)}{self.row} is beyond the limit of {integer(MAX_ROWS)} rows and "
                        f"{integer(MAX_COLUMNS)} columns",
                    )
                )
            self.sheet.cells.setdefault(self.row, {})[col - 1] = value
        elif name in ("v", "t"):
            self.collect = None
        elif name == "rPh" and self.cell is not None:
            self.cell["phonetic"] = False

    def text(self, data: str) -> None:
        if self.collect is not None:
            self.collect.append(data)

    def _value(self, cell: dict[str, Any]) -> Any:
        kind, raw = cell["t"], cell["v"]
        if kind == "inlineStr":
            return text_value("".join(cell["is"] or ()))
        raw = None if raw is None else "".join(raw)
        if cell["f"] and (raw is None or (raw == "" and kind != "str")):
            return UNCACHED  # no <v>, or "<v/>" for a number: nothing was computed (a text result may be "")
        if raw is None:
            return None
        if kind == "s":
            try:
                return self.strings[int(raw)]
            except (ValueError, IndexError):
                col = self._column(self.ref) if self.ref is not None else self.col
                raise WorkbookRefused(
                    Text(
                        f"Tệp {self.budget.name}, trang «{self.sheet.title}»: ô {_letters(col)}{self.row} trỏ tới một "
                        "chuỗi chữ không có trong tệp; tệp bị hỏng, hãy mở bằng Excel, lưu lại rồi nhập.",
                        f"The file {self.budget.name}, sheet «{self.sheet.title}»: cell {_letters(col)}{self.row} points to a "
                        "text string that is not in the file; the file is damaged: open it in Excel, save it, then import it.",
                    )
                ) from None
        try:
            if kind == "str":
                return text_value(raw)
            if kind == "b":
                return raw.strip() in ("1", "true")
            if kind == "e":
                return CellError(raw.strip())
            if kind == "d":
                return self.from_iso(raw.strip())
            raw = raw.strip()
            if not raw:
                return None
            number: int | float = float(raw) if ("." in raw or "e" in raw or "E" in raw) else int(raw)
            if cell["s"] is not None and int(cell["s"]) in self.dates:
                return self.from_excel(number, self.epoch)
            return number
        except (ValueError, IndexError, OverflowError, TypeError):
            return CellError("#VALUE!")


def read_workbook(
    path: Path, name: str | None = None, progress: Callable[[int, int], None] | None = None
) -> list[Sheet]:
    """Every sheet of the workbook, in the workbook's order, within the limits above;
    ``progress(done, total)`` follows the unpacked bytes of the sheets as they are parsed."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900  # noqa: PLC0415

    budget = _Budget(name or Path(path).name)
    with zipfile.ZipFile(path) as zf:
        infos = {i.filename: i for i in zf.infolist()}
        total = sum(i.file_size for i in infos.values())
        if total > MAX_TOTAL_BYTES:
            raise WorkbookRefused(
                Text(
                    f"Tệp {budget.name} khi giải nén nặng {integer(total // 2**20)} MB, quá giới hạn "
                    f"{MAX_TOTAL_BYTES // 2**20} MB." + _ADVICE,
                    f"The file {budget.name} unpacks to {integer(total // 2**20)} MB, more than the limit of "
                    f"{MAX_TOTAL_BYTES // 2**20} MB." + _ADVICE.en,
                )
            )
        for info in infos.values():
            if info.file_size > MAX_PART_BYTES and info.filename.endswith(".xml"):
                raise WorkbookRefused(
                    Text(
                        f"Tệp {budget.name}: phần «{info.filename}» khi giải nén nặng "
                        f"{integer(info.file_size // 2**20)} MB, quá giới hạn {MAX_PART_BYTES // 2**20} MB." + _ADVICE,
                        f"The file {budget.name}: part «{info.filename}» unpacks to "
                        f"{integer(info.file_size // 2**20)} MB, more than the limit of {MAX_PART_BYTES // 2**20} MB."
                        + _ADVICE.en,
                    )
                )
        book = "xl/workbook.xml"
        rels = _rels(zf, book, set(infos), budget)
        declared: list[tuple[str, str, str]] = []
        props = {"date1904": False}

        def start(tag: str, attrs: dict[str, str]) -> None:
            if tag == "sheet":
                rid = next((v for k, v in attrs.items() if k == "id"), "")
                declared.append((attrs.get("name", ""), attrs.get("state", "visible"), rid))
            elif tag == "workbookPr":
                props["date1904"] = attrs.get("date1904") in ("1", "true")

        _parse(zf, book, budget, start)
        by_type = {kind.rpartition("/")[2]: target for kind, target in rels.values() if target in infos}
        dates = _date_styles(zf, by_type.get("styles"), budget)
        strings = _shared_strings(zf, by_type.get("sharedStrings"), budget)
        epoch = CALENDAR_MAC_1904 if props["date1904"] else CALENDAR_WINDOWS_1900
        sheets = []
        sheet_bytes = sum(infos[t].file_size for k, t in rels.values() if k.endswith("/worksheet") and t in infos)
        done = 0

        def step(n: int) -> None:
            nonlocal done
            done += n
            if progress is not None:
                progress(done, max(sheet_bytes, done))

        for title, state, rid in declared:
            kind, target = rels.get(rid, ("", ""))
            if not kind or (kind.endswith("/worksheet") and target not in infos):
                raise WorkbookRefused(
                    Text(
                        f"Tệp {budget.name}: trang «{text_value(title)}» có trong danh sách trang nhưng "
                        "không có trong tệp; tệp bị hỏng, hãy mở bằng Excel, lưu lại rồi nhập.",
                        f"The file {budget.name}: sheet «{text_value(title)}» is in the list of sheets but "
                        "not in the file; the file is damaged: open it in Excel, save it, then import it.",
                    )
                )
            if not kind.endswith("/worksheet"):
                continue  # chart sheets and dialog sheets hold no rows
            sheet = Sheet(text_value(title), state if state in ("hidden", "veryHidden") else "visible")
            parser = _SheetParser(sheet, strings, dates, epoch, budget)
            _parse(zf, target, budget, parser.start, parser.end, parser.text, raw_names=True, step=step)
            sheets.append(sheet)
        return sheets
