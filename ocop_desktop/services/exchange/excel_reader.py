"""A bounded .xlsx reader: streams each sheet with expat, keeps only cells with a value, stops at a limit.

The limits, the cell types and the reading of the workbook's other parts are in excel_parts.py;
their public names are re-exported here, so callers are unchanged."""

from __future__ import annotations

import contextlib
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from ocop_desktop.domain.formatting import integer
from ocop_desktop.domain.language import Text, english
from ocop_desktop.services.exchange.excel_parts import (
    ADVICE,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ELEMENTS,
    MAX_MERGES,
    MAX_PART_BYTES,
    MAX_ROWS,
    MAX_STRINGS,
    MAX_TOTAL_BYTES,
    TEMPLATE_COLUMNS,
    UNCACHED,
    Budget,
    CellError,
    Sheet,
    WorkbookRefused,
    cell_range,
    column_letters,
    date_styles,
    local_name,
    parse_part,
    part_rels,
    shared_strings,
    split_cell,
    text_value,
)

__all__ = [
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_ELEMENTS",
    "MAX_MERGES",
    "MAX_PART_BYTES",
    "MAX_ROWS",
    "MAX_STRINGS",
    "MAX_TOTAL_BYTES",
    "TEMPLATE_COLUMNS",
    "UNCACHED",
    "CellError",
    "Sheet",
    "WorkbookRefused",
    "read_workbook",
    "text_value",
]

_COLUMNS: dict[str, int] = {}  # column letters as written ("AB") -> number, once checked


class _SheetParser:
    """expat handlers for one sheet. The hot path is an empty styled cell: counted, never parsed
    further; the column of a cell is worked out only when it holds a value."""

    def __init__(self, sheet: Sheet, strings: list[str], dates: set[int], epoch: datetime, budget: Budget) -> None:
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
                f"Tệp {self.budget.name}, trang «{self.sheet.title}»: {what}." + ADVICE,
                f"The file {self.budget.name}, sheet «{self.sheet.title}»: {english(what)}." + ADVICE.en,
            )
        )

    def _column(self, ref: str) -> int:
        letters = ref.rstrip("0123456789")
        column = _COLUMNS.get(letters)
        if column is not None and 0 < len(ref) - len(letters) <= 7:
            return column  # "AB12": letters already checked by split_cell, then a row number
        try:
            column = split_cell(ref)[0]
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
            name = local_name(name)
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
                self.sheet.merged.append(cell_range(attrs.get("ref", "")))

    def _dimension(self, ref: str) -> None:
        try:
            _c1, _r1, c2, r2 = cell_range(ref)
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
            name = local_name(name)
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
                        f"ô {column_letters(col)}{self.row} nằm ngoài giới hạn {integer(MAX_ROWS)} dòng và "
                        f"{integer(MAX_COLUMNS)} cột",
                        f"cell {column_letters(col)}{self.row} is beyond the limit of {integer(MAX_ROWS)} rows and "
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
                        f"Tệp {self.budget.name}, trang «{self.sheet.title}»: ô {column_letters(col)}{self.row} trỏ tới một "
                        "chuỗi chữ không có trong tệp; tệp bị hỏng, hãy mở bằng Excel, lưu lại rồi nhập.",
                        f"The file {self.budget.name}, sheet «{self.sheet.title}»: cell {column_letters(col)}{self.row} points to a "
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

    budget = Budget(name or Path(path).name)
    with zipfile.ZipFile(path) as zf:
        infos = {i.filename: i for i in zf.infolist()}
        total = sum(i.file_size for i in infos.values())
        if total > MAX_TOTAL_BYTES:
            raise WorkbookRefused(
                Text(
                    f"Tệp {budget.name} khi giải nén nặng {integer(total // 2**20)} MB, quá giới hạn "
                    f"{MAX_TOTAL_BYTES // 2**20} MB." + ADVICE,
                    f"The file {budget.name} unpacks to {integer(total // 2**20)} MB, more than the limit of "
                    f"{MAX_TOTAL_BYTES // 2**20} MB." + ADVICE.en,
                )
            )
        for info in infos.values():
            if info.file_size > MAX_PART_BYTES and info.filename.endswith(".xml"):
                raise WorkbookRefused(
                    Text(
                        f"Tệp {budget.name}: phần «{info.filename}» khi giải nén nặng "
                        f"{integer(info.file_size // 2**20)} MB, quá giới hạn {MAX_PART_BYTES // 2**20} MB." + ADVICE,
                        f"The file {budget.name}: part «{info.filename}» unpacks to "
                        f"{integer(info.file_size // 2**20)} MB, more than the limit of {MAX_PART_BYTES // 2**20} MB."
                        + ADVICE.en,
                    )
                )
        book = "xl/workbook.xml"
        rels = part_rels(zf, book, set(infos), budget)
        declared: list[tuple[str, str, str]] = []
        props = {"date1904": False}

        def start(tag: str, attrs: dict[str, str]) -> None:
            if tag == "sheet":
                rid = next((v for k, v in attrs.items() if k == "id"), "")
                declared.append((attrs.get("name", ""), attrs.get("state", "visible"), rid))
            elif tag == "workbookPr":
                props["date1904"] = attrs.get("date1904") in ("1", "true")

        parse_part(zf, book, budget, start)
        by_type = {kind.rpartition("/")[2]: target for kind, target in rels.values() if target in infos}
        dates = date_styles(zf, by_type.get("styles"), budget)
        strings = shared_strings(zf, by_type.get("sharedStrings"), budget)
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
            parse_part(zf, target, budget, parser.start, parser.end, parser.text, raw_names=True, step=step)
            sheets.append(sheet)
        return sheets
