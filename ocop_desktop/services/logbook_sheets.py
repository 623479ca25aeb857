"""A logbook workbook's three sheets read and checked: headers found by name, each cell turned into
the value stored or refused with a reason naming its sheet, row and column (as the survey import does)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ocop_desktop.domain.language import Text, english
from ocop_desktop.domain.numbers import DateError, NumberError, format_vn_date, parse_vn_date, parse_vn_number
from ocop_desktop.domain.schema import Field, Kind, Record
from ocop_desktop.domain.schema.logbooks import LOTS_USED, SHEETS, STT
from ocop_desktop.domain.text import clean, fold, nfc
from ocop_desktop.services.exchange.excel_reader import UNCACHED, CellError, Sheet
from ocop_desktop.services.survey_import_rows import HEADER_SCAN_ROWS, UNCACHED_FORMULA, SheetProblem, _at, header_key

_LOT_SEPARATORS = re.compile(r"[,;\n]+")


@dataclass
class SheetRows:
    """The checked rows of one of the logbook's sheets."""

    title: str  # the template's title of the sheet (SHEETS)
    record: Record
    found: str = ""  # the sheet's title in the file ("" when the file has no such sheet)
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # (Excel row, stored values)
    lot_cells: dict[int, tuple[str, int]] = field(default_factory=dict)  # batch rows: row -> (header, column)


def _aliases(columns: tuple[Field, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in (STT, *columns):
        for name in (f.label, f.title, *f.aliases):
            out.setdefault(header_key(name), f.key)
    return out


def _find_header(rows: list[tuple[int, tuple[Any, ...]]], aliases: dict[str, str], first: str) -> Any:
    """(row index, {column index: key}) of the first row naming the sheet's first column and another."""
    for r, (_n, values) in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = {i: aliases[k] for i, v in enumerate(values) if (k := header_key(v)) in aliases}
        if first in found.values() and len(found) >= 2:
            return r, found
    return None


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return format_vn_date(value.date())
    return "" if value is None else str(value)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_value(f: Field, value: Any, today: date) -> Any:
    """The stored value of one cell of field ``f``; raises ValueError with the reason in both languages."""
    if value is UNCACHED:
        raise ValueError(UNCACHED_FORMULA)
    if isinstance(value, CellError):
        raise ValueError(
            Text(
                f"ô có lỗi công thức {value.code}; hãy sửa công thức hoặc ghi giá trị.",
                f"the cell holds the formula error {value.code}; fix the formula or write the value.",
            )
        )
    if _empty(value):
        if f.required:
            raise ValueError(Text("chưa ghi; cột này bắt buộc.", "it is empty; this column is required."))
        return None if f.kind.numeric or f.kind is Kind.DATE else ""
    if f.kind is Kind.DATE:
        if isinstance(value, datetime):
            day = value.date()
        elif isinstance(value, date):
            day = value
        elif isinstance(value, str):
            try:
                day = parse_vn_date(clean(value) or "")
            except DateError as exc:
                raise ValueError(exc.args[0]) from None
        else:
            raise ValueError(
                Text(
                    f"«{_text(value)}» không phải là ngày; hãy ghi ngày dạng dd/mm/yyyy, ví dụ 05/07/2024.",
                    f"«{_text(value)}» is not a date; write the date as dd/mm/yyyy, for example 05/07/2024.",
                )
            )
        if day > today:
            raise ValueError(
                Text(
                    f"ngày {format_vn_date(day)} chưa tới (hôm nay là {format_vn_date(today)}); hãy kiểm tra lại.",
                    f"the day {format_vn_date(day)} has not come yet (today is {format_vn_date(today)}); check it.",
                )
            )
        return day
    if f.kind.numeric:
        return _number(f, value)
    if isinstance(value, (datetime, date)):
        value = _text(value)
    text = (nfc(_text(value)) or "").strip() if f.kind is Kind.NOTE else (clean(_text(value)) or "")
    if f.max_chars and len(text) > f.max_chars:
        raise ValueError(
            Text(
                f"dài quá {f.max_chars} ký tự (đang có {len(text)}); hãy rút gọn.",
                f"longer than {f.max_chars} characters (it has {len(text)}); shorten it.",
            )
        )
    return text


def _number(f: Field, value: Any) -> int | float:
    if isinstance(value, (datetime, date)):
        raise ValueError(
            Text(
                f"ô này là ngày ({_text(value)}), không phải số; hãy ghi lại số.",
                f"this cell is a date ({_text(value)}), not a number; write the number again.",
            )
        )
    if isinstance(value, bool):
        raise ValueError(Text("giá trị đúng/sai không phải là số.", "a true/false value is not a number."))
    if isinstance(value, (int, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite():
            raise ValueError(Text("giá trị này không phải là số.", "this value is not a number."))
    else:
        try:
            number = parse_vn_number(str(value))
        except NumberError as exc:
            raise ValueError(exc.args[0]) from None
    if number < 0:
        raise ValueError(Text("không được ghi số âm.", "negative numbers are not allowed."))
    if f.bounds is not None and number >= f.bounds[1]:
        raise ValueError(
            Text("số quá lớn; hãy kiểm tra lại (có thể thừa chữ số 0).", "the number is too large; check it.")
        )
    if f.kind is Kind.MONEY:
        if number != number.to_integral_value():
            raise ValueError(
                Text(
                    "giá tính bằng đồng, không có phần lẻ; hãy bỏ phần thập phân.",
                    "prices are in whole VND; remove the decimals.",
                )
            )
        return int(number)
    return float(number)


def lot_codes(text: str) -> list[str]:
    """«L01, L02; L03» -> the codes, each cleaned, in order, once."""
    seen: dict[str, str] = {}
    for part in _LOT_SEPARATORS.split(text or ""):
        code = clean(part) or ""
        if code:
            seen.setdefault(fold(code), code)
    return list(seen.values())


def problem(sheet: str, row: int | None, header: str, index: int | None, reason: str) -> SheetProblem:
    at = _at(sheet, row, header, index)
    return SheetProblem(sheet, row, header, Text(f"{at}: {reason}", f"{at.en}: {english(reason)}"))


def read_logbook(sheets: list[Sheet], today: date, problems: list[SheetProblem]) -> list[SheetRows]:
    """The three sheets' rows (a sheet found by its title, compared without accents or case)."""
    # Hidden sheets and rows are read too: what the producer wrote is imported, never left out unseen.
    by_title = {header_key(s.title): s for s in sheets}
    out = []
    for title, record, columns in SHEETS:
        found = SheetRows(title, record)
        out.append(found)
        sheet = by_title.get(header_key(title))
        if sheet is None:
            continue
        found.found = clean(sheet.title) or sheet.title
        _read_sheet(sheet, found, columns, today, problems)
    if not any(s.found for s in out):
        names = ", ".join(f"«{t}»" for t, _r, _c in SHEETS)
        problems.append(
            SheetProblem(
                "",
                None,
                "",
                Text(
                    f"Tệp không có trang nào của sổ nhật ký ({names}); hãy dùng mẫu Excel sổ nhật ký "
                    "(lệnh: ocop import template logbook) và giữ tên các trang.",
                    f"The file has none of the logbook's sheets ({names}); use the logbook's Excel template "
                    "(command: ocop import template logbook) and keep the sheets' names.",
                ),
            )
        )
    return out


def _read_sheet(
    sheet: Sheet, found: SheetRows, columns: tuple[Field, ...], today: date, problems: list[SheetProblem]
) -> None:
    name = found.found
    rows = sheet.rows()
    header = _find_header(rows, _aliases(columns), columns[0].key)
    if header is None:
        if rows:
            problems.append(
                problem(
                    name,
                    None,
                    "",
                    None,
                    Text(
                        f"không tìm thấy dòng tiêu đề có cột «{columns[0].title}»; hãy giữ dòng tiêu đề của mẫu.",
                        f"no header row with the column «{columns[0].title}»; keep the template's header row.",
                    ),
                )
            )
        return
    head, index = header
    names = {i: clean(str(rows[head][1][i])) or "" for i in index}
    by_key = {f.key: f for f in columns}
    missing = [f for f in columns if f.required and f.key not in index.values()]
    for f in missing:
        problems.append(
            problem(
                name,
                rows[head][0],
                "",
                None,
                Text(
                    f"thiếu cột bắt buộc «{f.title}»; hãy thêm cột đó như mẫu.",
                    f"the required column «{f.title}» is missing; add it as in the template.",
                ),
            )
        )
    if missing:
        return
    wanted = [(i, by_key[k]) for i, k in index.items() if k in by_key]
    for number, values in rows[head + 1 :]:
        cells = {i: values[i] if i < len(values) else None for i, _f in wanted}
        if all(_empty(v) for v in cells.values()):
            continue  # blank rows and numbered but empty rows
        stored: dict[str, Any] = {}
        bad = False
        for i, f in wanted:
            try:
                stored[f.key] = cell_value(f, cells[i], today)
            except ValueError as exc:
                reason = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
                problems.append(problem(name, number, names[i], i, reason))
                bad = True
        for f in columns:
            stored.setdefault(f.key, None if f.kind.numeric or f.kind is Kind.DATE else "")
        if LOTS_USED.key in stored:
            at = next(i for i, f in wanted if f.key == LOTS_USED.key) if LOTS_USED.key in index.values() else -1
            if at >= 0:
                found.lot_cells[number] = (names[at], at)
        if not bad:
            found.rows.append((number, stored))
