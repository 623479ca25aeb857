"""Survey rows of an Excel sheet read and checked: headers found by name, every cell turned into the
value stored or refused with a reason naming its sheet, row and column."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ocop_desktop.domain.language import Text, english
from ocop_desktop.domain.numbers import DateError, format_vn_date, parse_vn_date
from ocop_desktop.domain.schema import SURVEY_ENTRY, Kind, sheet_fields
from ocop_desktop.domain.text import clean, fold
from ocop_desktop.services.exchange.excel_reader import UNCACHED, CellError
from ocop_desktop.services.survey_import_store import entry_key
from ocop_desktop.services.surveys import ENTRY_COLUMNS, NUMBER_COLUMNS, parse_entry_value, proposed_year_range

# Header -> field: each column's label, its template header and its aliases (domain/schema/survey.py).
ALIASES = {f.key: {f.label, f.title, *f.aliases} for f in sheet_fields()}
HEADER_SCAN_ROWS = 15  # a title block above the header is common
MAX_LISTED = 10
_HIDDEN_HINT = Text(
    "Nếu cần nhập, hãy bỏ ẩn trong Excel rồi nhập lại, hoặc chọn nhập cả phần ẩn (lệnh: thêm --include-hidden).",
    "To import them, unhide them in Excel and import again, or choose to import the hidden parts too (command: add "
    "--include-hidden).",
)
UNCACHED_FORMULA = Text(
    "ô chứa công thức chưa có giá trị; hãy mở tệp bằng Excel/LibreOffice, lưu lại rồi nhập lại.",
    "the cell holds a formula without a value; open the file in Excel/LibreOffice, save it, then import it again.",
)
_KIND_WORDS = ("thi tran ", "xa ", "phuong ")


@dataclass(frozen=True)
class SheetProblem:
    sheet: str
    row: int | None  # Excel's row number; None for the whole sheet
    column: str  # the header as written in the sheet ("" for the whole row or sheet)
    message: str  # a full sentence naming sheet, row and column


@dataclass(frozen=True)
class ImportRow:
    sheet: str
    row: int
    unit_id: str
    unit: str
    values: dict[str, Any]  # SurveyEntryInput column -> stored value
    submitted_on: date | None
    key: tuple[str, str] | None = None  # folded product and producer: what matches an entry


def header_key(text: Any) -> str:
    """ "Giá (đồng)" -> "gia", "  TÊN  SP " -> "ten sp": what header names are compared by."""
    plain = fold(re.sub(r"\(.*?\)", " ", str(text or "")))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


_BY_ALIAS = {header_key(alias): key for key, names in ALIASES.items() for alias in names}


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    return get_column_letter(index + 1)


def _at(sheet: str, row: int | None, header: str = "", index: int | None = None) -> Text:
    where, where_en = f"Trang «{sheet}»", f"Sheet «{sheet}»"
    if row is not None:
        where, where_en = where + f", dòng {row}", where_en + f", row {row}"
    if header:
        column = f" «{header}»" + (f" ({_letter(index)})" if index is not None else "")
        where, where_en = where + ", cột" + column, where_en + ", column" + column
    return Text(where, where_en)


def _find_header(rows: list[tuple[Any, ...]]) -> tuple[int, dict[int, str], list[tuple[int, str | None]]] | None:
    """(row index, {column index: field}, unknown headers) of the first row naming a product column."""
    for r, values in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = {i: _BY_ALIAS[k] for i, v in enumerate(values) if (k := header_key(v)) in _BY_ALIAS}
        if "product_name" in found.values() and len(found) >= 2:
            unknown = [(i, clean(str(v))) for i, v in enumerate(values) if v not in (None, "") and i not in found]
            return r, found, unknown
    return None


def _cell_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return format_vn_date(value.date())
    return "" if value is None else str(value)


def _value(field_name: str, value: Any, year: int) -> Any:
    """One cell's stored value; raises ValueError with a Vietnamese reason."""
    if field_name == "submitted_on":
        if value in (None, "") or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return parse_vn_date(clean(str(value)) or "")
        except DateError as exc:
            raise ValueError(exc.args[0] if len(exc.args) == 1 else str(exc)) from None  # with its English
    numeric = field_name in NUMBER_COLUMNS
    if isinstance(value, (datetime, date)) and numeric:
        raise ValueError(
            Text(
                f"Ô này là ngày ({_cell_text(value)}), không phải số; hãy nhập lại số.",
                f"This cell is a date ({_cell_text(value)}), not a number; enter the number again.",
            )
        )
    if field_name in ENTRY_COLUMNS and not numeric:
        value = _cell_text(value)
    return parse_entry_value(field_name, value, year)


@dataclass
class _Units:
    """The campaign's reporting units, found by code or by name in any case, accents or prefix."""

    by_key: dict[str, tuple[str, str]] = field(default_factory=dict)
    office: str = ""  # this office; its area: the units it may import rows for (None: not set up)
    area: set[str] | None = None

    def outside(self, unit: tuple[str, str]) -> str | None:
        """Why this office may not import rows of ``unit`` (services/exchange/authority.py), or None."""
        if self.area is None or unit[0] in self.area:
            return None
        return Text(
            f"{unit[1]} không thuộc địa bàn của {self.office}; quy tắc: mỗi đơn vị chỉ nhập dòng rà soát của "
            "đơn vị mình và các đơn vị trực thuộc (hoặc đã sáp nhập vào mình). Hãy để đơn vị đó tự nhập và gửi "
            "gói, hoặc bỏ dòng này khỏi tệp",
            f"{unit[1]} is outside the area of {self.office}; the rule: each office imports only the survey rows of "
            "its own unit and the units under it (or merged into it). Let that unit import them and send a "
            "package, or remove this row from the file",
        )

    def add(self, unit_id: str, name: str, code: str | None) -> None:
        key = header_key(name)
        self.by_key[key] = (unit_id, name)
        for word in _KIND_WORDS:
            if key.startswith(word):
                self.by_key.setdefault(key[len(word) :], (unit_id, name))
        if code:
            self.by_key[code.strip()] = (unit_id, name)

    def find(self, text: Any) -> tuple[str, str] | None:
        raw = _cell_text(text).strip()
        return self.by_key.get(raw) or self.by_key.get(header_key(raw))


class _Slow(Exception):
    """A cell the quick conversion leaves to the full check (which names the problem, if any)."""


_CACHED = 20_000  # distinct texts remembered per column (producers, units of measure repeat)


def _converter(key: str, year: int) -> Callable[[Any], Any]:
    """The stored value of a cell of column ``key``, exactly as _value() gives it, computed quickly
    for the plain values a sheet holds (numbers within bounds, text); anything else, and every value
    _value() refuses, raises (_Slow or ValueError) so the full check decides and explains."""
    spec = SURVEY_ENTRY.field(key)
    if key in NUMBER_COLUMNS:
        if spec.kind is Kind.YEAR:
            low, high = proposed_year_range(year)
            fits: Callable[[float], bool] = lambda v: low <= v <= high  # noqa: E731
        else:
            upper = spec.bounds[1] if spec.bounds is not None else math.inf
            fits = lambda v: 0 <= v < upper  # noqa: E731
        integral = spec.kind is Kind.YEAR or spec.kind is Kind.MONEY or spec.kind.integral

        def number(v: Any) -> Any:
            kind = v.__class__
            if v is None:
                return None
            if kind is int and fits(v):
                return v if integral else float(v)
            if kind is float and math.isfinite(v) and fits(v):
                if not integral:
                    return v  # _value() goes through Decimal(repr(v)): the same float
                if v.is_integer():
                    return int(v)
            if kind is str:
                return _value(key, v, year)
            raise _Slow

        return number
    seen: dict[str, Any] = {}
    blank = parse_entry_value(key, None, year)

    def text(v: Any) -> Any:
        if v is None:
            return blank
        if v.__class__ is str:
            stored = seen.get(v)
            if stored is None:
                stored = parse_entry_value(key, v, year)
                if len(seen) < _CACHED:
                    seen[v] = stored
            return stored
        if v.__class__ in (int, float, datetime):
            return _value(key, v, year)
        raise _Slow

    return text


def is_blank(cells: list[Any]) -> bool:
    """Nothing but empty or space-only cells (what _cell_text(v).strip() finds empty)."""
    return all(v is None or not (v if v.__class__ is str else _cell_text(v)).strip() for v in cells)


class RowChecker:
    """Turns the rows of one sheet into ImportRows, or problems naming the sheet, row and column.
    A row whose cells all convert quickly is taken at once; any other goes through the full check
    (_slow), which gives the same values and says what is wrong."""

    def __init__(
        self,
        sheet: str,
        columns: dict[int, str],
        names: dict[int, str | None],
        year: int,
        units: _Units,
        default: tuple[str, str] | None,
        today: date,
    ) -> None:
        self.sheet, self.columns, self.names, self.year = sheet, columns, names, year
        self.units, self.default, self.today = units, default, today
        self.index = {f: i for i, f in columns.items()}
        self.data_columns = [(i, f) for i, f in columns.items() if f != "stt"]
        self.defaults = {f: parse_entry_value(f, None, year) for f in ENTRY_COLUMNS if f not in self.index}
        self.convert = [(f, self.index[f], _converter(f, year)) for f in ENTRY_COLUMNS if f in self.index]
        self.others = [i for f, i in self.index.items() if f not in ENTRY_COLUMNS]
        self.unit_at = self.index.get("unit")
        self.date_at = self.index.get("submitted_on")
        self.found_units: dict[Any, tuple[str, str] | None] = {}
        self.producers: dict[str, str] = {}

    def blank(self, values: tuple[Any, ...]) -> bool:
        n = len(values)
        return is_blank([values[i] for i, _f in self.data_columns if i < n])

    def check(self, row: int, values: tuple[Any, ...], problems: list[SheetProblem]) -> ImportRow | None:
        try:
            return self._quick(row, values)
        except (_Slow, ValueError):
            n = len(values)
            cells = {f: values[i] if i < n else None for i, f in self.columns.items()}
            return self._slow(
                self.sheet,
                row,
                cells,
                self.columns,
                self.names,
                self.year,
                self.units,
                self.default,
                self.today,
                problems,
            )

    def _quick(self, row: int, values: tuple[Any, ...]) -> ImportRow:
        n = len(values)
        for i in self.others:  # a formula or an error in the number, unit or date column
            if i < n and (values[i] is UNCACHED or values[i].__class__ is CellError):
                raise _Slow
        stored = dict(self.defaults)
        for f, i, convert in self.convert:
            stored[f] = convert(values[i] if i < n else None)
        if not stored["product_name"]:
            raise _Slow
        submitted_on = None
        if self.date_at is not None and self.date_at < n and values[self.date_at] is not None:
            submitted_on = _value("submitted_on", values[self.date_at], self.year)
            if submitted_on is not None and submitted_on > self.today:
                raise _Slow
        unit = self.default
        cell = values[self.unit_at] if self.unit_at is not None and self.unit_at < n else None
        if cell is not None and _cell_text(cell).strip():
            if cell not in self.found_units:
                self.found_units[cell] = self.units.find(cell)
            unit = self.found_units[cell]
            if unit is None or self.units.outside(unit) is not None:
                raise _Slow
        if unit is None:
            raise _Slow
        producer = stored["producer"]
        folded = self.producers.get(producer)
        if folded is None:
            folded = self.producers[producer] = fold(producer)
        key = (fold(stored["product_name"]), folded)
        return ImportRow(self.sheet, row, unit[0], unit[1], stored, submitted_on, key)

    def _slow(
        self,
        sheet: str,
        row: int,
        cells: dict[str, Any],
        columns: dict[int, str],
        names: dict[int, str | None],
        year: int,
        units: _Units,
        default: tuple[str, str] | None,
        today: date,
        problems: list[SheetProblem],
    ) -> ImportRow | None:
        index = {f: i for i, f in columns.items()}
        found: list[tuple[int, SheetProblem]] = []

        def problem(f: str, reason: str) -> None:
            header = (names.get(index[f]) or "") if f in index else ""
            at = _at(sheet, row, header, index.get(f))
            message = Text(f"{at}: {reason}", f"{at.en}: {english(reason)}")
            found.append((index.get(f, 10**6), SheetProblem(sheet, row, header, message)))

        unreadable = set()
        for f, value in cells.items():
            if value is UNCACHED:
                problem(f, UNCACHED_FORMULA)
            elif isinstance(value, CellError):
                problem(
                    f,
                    Text(
                        f"ô có giá trị lỗi {value.code}; hãy sửa ô này trong Excel (công thức hoặc ngày tháng), lưu "
                        "lại rồi nhập lại.",
                        f"the cell holds the error value {value.code}; correct it in Excel (a formula or a date), save "
                        "the file, then import it again.",
                    ),
                )
            else:
                continue
            unreadable.add(f)
        values: dict[str, Any] = {}
        for f in ENTRY_COLUMNS:
            if f not in index:
                values[f] = parse_entry_value(f, None, year)
                continue
            if f in unreadable:
                continue
            try:
                values[f] = _value(f, cells[f], year)
            except ValueError as exc:
                problem(f, exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc))
        if "product_name" not in unreadable and "product_name" in values and not values["product_name"]:
            problem(
                "product_name",
                Text(
                    "Chưa có tên sản phẩm; hãy nhập tên hoặc xóa cả dòng.",
                    "The product name is missing; enter it or delete the whole row.",
                ),
            )
        submitted_on = None
        if "submitted_on" in index and "submitted_on" not in unreadable:
            try:
                submitted_on = _value("submitted_on", cells["submitted_on"], year)
            except ValueError as exc:
                problem(
                    "submitted_on", exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
                )
            if submitted_on is not None and submitted_on > today:
                problem(
                    "submitted_on",
                    Text(
                        f"Ngày nộp {format_vn_date(submitted_on)} ở tương lai; hãy nhập ngày đã nộp.",
                        f"The submission date {format_vn_date(submitted_on)} is in the future; enter the day it was submitted.",
                    ),
                )
        unit = default
        if "unit" in unreadable:
            pass
        elif "unit" in index and _cell_text(cells["unit"]).strip():
            unit = units.find(cells["unit"])
            if unit is None:
                problem(
                    "unit",
                    Text(
                        f"«{clean(_cell_text(cells['unit']))}» không phải đơn vị báo cáo của đợt rà soát năm "
                        f"{year}; hãy ghi đúng tên (ví dụ «Xã Ẳng Nưa») hoặc mã ĐVHC.",
                        f"«{clean(_cell_text(cells['unit']))}» is not a reporting unit of the survey round of "
                        f"{year}; write its exact name (for example «Xã Ẳng Nưa») or its administrative code.",
                    ),
                )
            elif (why := units.outside(unit)) is not None:
                problem("unit", Text(why + ".", english(why) + "."))
        elif unit is None:
            found.append(
                (
                    10**6,
                    SheetProblem(
                        sheet,
                        row,
                        "",
                        Text(
                            f"{_at(sheet, row)}: chưa rõ dòng này của đơn vị nào; "
                            "hãy thêm cột «Đơn vị» hoặc chọn đơn vị khi nhập.",
                            f"{_at(sheet, row).en}: which unit this row belongs to is unknown; "
                            "add a column «Đơn vị» or choose the unit when importing.",
                        ),
                    ),
                )
            )
        if found:
            problems += [p for _i, p in sorted(found, key=lambda x: x[0])]  # left to right, as the sheet reads
            return None
        assert unit is not None  # a row of no known unit was a problem above
        return ImportRow(sheet, row, unit[0], unit[1], values, submitted_on, entry_key(values))


def without_duplicates(rows: list[ImportRow]) -> tuple[list[ImportRow], list[str]]:
    """The later of two rows for the same product of a unit replaces the earlier, as the warning says."""
    last: dict[tuple[Any, ...], ImportRow] = {}
    out: list[str] = []
    for r in rows:
        key = (r.unit_id, *(r.key or entry_key(r.values)))
        if key in last:
            first = last[key]
            out.append(
                Text(
                    f"{_at(r.sheet, r.row)}: trùng sản phẩm «{r.values['product_name']}» của {r.unit} với "
                    f"{_at(first.sheet, first.row).replace('Trang', 'trang')}; dòng sau ghi đè dòng trước nên "
                    f"chỉ lưu dòng {r.row}.",
                    f"{_at(r.sheet, r.row).en}: the same product «{r.values['product_name']}» of {r.unit} as "
                    f"{_at(first.sheet, first.row).en.replace('Sheet', 'sheet')}; the later row replaces the earlier, so "
                    f"only row {r.row} is kept.",
                )
            )
        last[key] = r
    kept = {id(r) for r in last.values()}
    return [r for r in rows if id(r) in kept], out
