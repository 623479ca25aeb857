"""Survey entries from an Excel sheet: the app's template or any sheet with the same columns."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.numbers import DateError, format_vn_date, parse_vn_date
from ocop_desktop.domain.schema import sheet_fields
from ocop_desktop.domain.text import clean, fold
from ocop_desktop.domain.validation import FieldError, NotFoundError, ValidationError
from ocop_desktop.persistence.models import AuditEntry, Place, SurveyCampaign, UnitSubmission, new_id
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.exchange.dto import UndoResult
from ocop_desktop.services.exchange.excel_files import (  # noqa: F401  (write_template re-exported)
    ImportRefused,
    guard,
    read_sheets,
    write_template,
)
from ocop_desktop.services.exchange.excel_reader import UNCACHED, CellError
from ocop_desktop.services.exchange.undo import EXCEL_ACTION, ExcelImportInfo, excel_context, excel_imports, undo_excel
from ocop_desktop.services.places import covered_place_ids
from ocop_desktop.services.settings import office_settings
from ocop_desktop.services.survey_import_store import entry_key, store_unit_rows
from ocop_desktop.services.surveys import ENTRY_COLUMNS, NUMBER_COLUMNS, parse_entry_value

# Header -> field: each column's label, its template header and its aliases (domain/schema/survey.py).
ALIASES = {f.key: {f.label, f.title, *f.aliases} for f in sheet_fields()}
HEADER_SCAN_ROWS = 15  # a title block above the header is common
MAX_LISTED = 10
_HIDDEN_HINT = (
    "Nếu cần nhập, hãy bỏ ẩn trong Excel rồi nhập lại, hoặc chọn nhập cả phần ẩn (lệnh: thêm --include-hidden)."
)
UNCACHED_FORMULA = "ô chứa công thức chưa có giá trị; hãy mở tệp bằng Excel/LibreOffice, lưu lại rồi nhập lại."
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


@dataclass(frozen=True)
class SurveyImportCheck:
    file_name: str
    campaign_id: str
    campaign_year: int
    rows: tuple[ImportRow, ...]  # the valid rows
    problems: tuple[SheetProblem, ...]
    warnings: tuple[str, ...]
    data_rows: int  # rows with anything in them
    skipped: tuple[str, ...] = ()  # hidden sheets and rows left out, one sentence each
    # The file as it was read: apply() stores these rows only while the file is still the same.
    path: str = ""
    digest: str = ""  # SHA-256 of the file's bytes when it was checked

    @property
    def bad_rows(self) -> int:
        return len({(p.sheet, p.row) for p in self.problems if p.row is not None})


@dataclass(frozen=True)
class SurveyImportResult:
    check: SurveyImportCheck
    applied: bool
    added: int = 0
    updated: int = 0  # matched rows whose values changed
    units: tuple[str, ...] = ()
    deleted: int = 0  # entries of the units removed by replace=True
    unchanged: int = 0  # matched rows already holding the sheet's values
    operation_id: str | None = None  # for `ocop import undo` (None when nothing was stored)


def header_key(text: Any) -> str:
    """ "Giá (đồng)" -> "gia", "  TÊN  SP " -> "ten sp": what header names are compared by."""
    plain = fold(re.sub(r"\(.*?\)", " ", str(text or "")))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


_BY_ALIAS = {header_key(alias): key for key, names in ALIASES.items() for alias in names}


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    return get_column_letter(index + 1)


def _at(sheet: str, row: int | None, header: str = "", index: int | None = None) -> str:
    where = f"Trang «{sheet}»"
    if row is not None:
        where += f", dòng {row}"
    if header:
        where += f", cột «{header}»" + (f" ({_letter(index)})" if index is not None else "")
    return where


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
            raise ValueError(str(exc)) from None
    numeric = field_name in NUMBER_COLUMNS
    if isinstance(value, (datetime, date)) and numeric:
        raise ValueError(f"Ô này là ngày ({_cell_text(value)}), không phải số; hãy nhập lại số.")
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
        return (
            f"{unit[1]} không thuộc địa bàn của {self.office}; quy tắc: mỗi đơn vị chỉ nhập dòng rà soát của "
            "đơn vị mình và các đơn vị trực thuộc (hoặc đã sáp nhập vào mình). Hãy để đơn vị đó tự nhập và gửi "
            "gói, hoặc bỏ dòng này khỏi tệp"
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


class SurveyImportService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def _campaign(self, session: Session, campaign_id: str) -> SurveyCampaign:
        campaign = session.get(SurveyCampaign, campaign_id) if campaign_id else None
        if campaign is None:
            raise NotFoundError("Không tìm thấy đợt rà soát này; có thể nó đã bị xóa. Hãy chọn lại đợt rà soát.")
        year = campaign.year
        if campaign.closed_on is not None:  # a closed campaign takes no more rows (services/campaigns.py)
            raise ValidationError(
                [
                    FieldError(
                        "closed_on",
                        f"Đợt rà soát năm {year} đã kết thúc ngày "
                        f"{format_vn_date(campaign.closed_on)} nên không nhập thêm được; "
                        "nếu cần nhập, hãy mở lại đợt (trang Rà soát sản phẩm → Đợt rà soát → Mở lại đợt này, "
                        f"hoặc lệnh ocop campaigns reopen {year}).",
                    )
                ]
            )
        return campaign

    def _context(self, campaign_id: str, unit_id: str | None) -> tuple[str, int, _Units, tuple[str, str] | None]:
        with self._uow() as uow:
            s = uow.session
            campaign = self._campaign(s, campaign_id)
            units = _Units()
            rows = s.execute(
                select(Place.id, Place.name, Place.code)
                .join(UnitSubmission, UnitSubmission.unit_id == Place.id)
                .where(UnitSubmission.campaign_id == campaign.id)
            )
            ids = set()
            for listed, name, code in rows:
                units.add(listed, name, code)
                ids.add(listed)
            default: tuple[str, str] | None = None
            office = office_settings(self._uow)
            if office.office_unit_id:
                units.office, units.area = office.office_name, covered_place_ids(s, office.office_unit_id)
            if unit_id:
                if unit_id not in ids:
                    place = s.get(Place, unit_id)
                    what = f"«{place.name}»" if place is not None else "Đơn vị đã chọn"
                    raise NotFoundError(
                        f"{what} không có trong danh sách đơn vị báo cáo của đợt rà soát năm "
                        f"{campaign.year}; hãy chọn một đơn vị của đợt."
                    )
                chosen = s.get(Place, unit_id)
                assert chosen is not None  # the campaign lists it, so it is stored
                default = (unit_id, chosen.name)
                if (why := units.outside(default)) is not None:
                    raise ValidationError([FieldError("unit", why + ".")])
            elif office.office_unit_id in ids:
                default = (office.office_unit_id, office.office_name)
            return campaign.id, campaign.year, units, default

    def check(
        self,
        path: Path,
        campaign_id: str,
        unit_id: str | None = None,
        today: date | None = None,
        include_hidden: bool = False,
    ) -> SurveyImportCheck:
        """Read the file once and report every problem with its sheet, row and column; changes
        nothing. The rows it returns are what apply() stores. ``unit_id`` is the unit of rows whose
        sheet names none (default: this office, when the campaign lists it). Hidden sheets and rows
        are left out (and listed) unless ``include_hidden``."""
        path = Path(path)
        guard(path)
        digest = _digest(path)
        campaign_id, year, units, default = self._context(campaign_id, unit_id)
        today = today or date.today()
        problems: list[SheetProblem] = []
        warnings: list[str] = []
        skipped: list[str] = []
        valid: list[ImportRow] = []
        data_rows = 0
        found_header = False
        for data in read_sheets(path):
            sheet = clean(data.title) or data.title
            rows = data.rows()
            if data.hidden and not include_hidden:
                if rows:
                    kind = "ẩn kỹ (very hidden)" if data.state == "veryHidden" else "ẩn"
                    skipped.append(
                        f"Trang «{sheet}» đang {kind} nên không nhập ({len(rows)} dòng có chữ). " + _HIDDEN_HINT
                    )
                continue
            header = _find_header([values for _r, values in rows])
            if header is None:
                continue
            found_header = True
            head, columns, unknown = header
            head_row = rows[head][0]
            names = {i: clean(str(rows[head][1][i])) for i in columns}
            for i, text in unknown:
                warnings.append(f"{_at(sheet, head_row, text or '', i)}: không nhận ra tên cột nên bỏ qua cột này.")
            dupes = {f for f in columns.values() if list(columns.values()).count(f) > 1}
            for f in sorted(dupes):
                cols = ", ".join(f"«{names[i]}» ({_letter(i)})" for i, g in columns.items() if g == f)
                problems.append(
                    SheetProblem(
                        sheet,
                        None,
                        "",
                        f"Trang «{sheet}»: có nhiều cột cùng nghĩa {cols}; hãy giữ lại một cột rồi nhập lại.",
                    )
                )
            if dupes:
                continue
            hidden: list[int] = []
            for number, values in rows[head + 1 :]:
                cells = {f: values[i] if i < len(values) else None for i, f in columns.items()}
                if all(_cell_text(v).strip() == "" for f, v in cells.items() if f != "stt"):
                    continue  # blank rows and numbered but empty rows
                if number in data.hidden_rows and not include_hidden:
                    hidden.append(number)
                    continue
                data_rows += 1
                valid_row = self._row(sheet, number, cells, columns, names, year, units, default, today, problems)
                if valid_row is not None:
                    valid.append(valid_row)
            if hidden:
                listed = ", ".join(map(str, hidden[:MAX_LISTED])) + (", …" if len(hidden) > MAX_LISTED else "")
                skipped.append(
                    f"Trang «{sheet}»: {len(hidden)} dòng đang ẩn nên không nhập (dòng {listed}). " + _HIDDEN_HINT
                )
        if not found_header:
            problems.append(
                SheetProblem(
                    "",
                    None,
                    "",
                    "Không tìm thấy trang nào có dòng tiêu đề với cột «Tên "
                    "sản phẩm» trong tệp; hãy dùng «Tải mẫu Excel» hoặc đặt tên cột như mẫu.",
                )
            )
        kept, duplicate_warnings = _without_duplicates(valid)
        warnings += duplicate_warnings
        return SurveyImportCheck(
            path.name,
            campaign_id,
            year,
            tuple(kept),
            tuple(problems),
            tuple(warnings),
            data_rows,
            tuple(skipped),
            str(path),
            digest,
        )

    def _row(
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
            message = f"{_at(sheet, row, header, index.get(f))}: {reason}"
            found.append((index.get(f, 10**6), SheetProblem(sheet, row, header, message)))

        unreadable = set()
        for f, value in cells.items():
            if value is UNCACHED:
                problem(f, UNCACHED_FORMULA)
            elif isinstance(value, CellError):
                problem(
                    f,
                    f"ô có giá trị lỗi {value.code}; hãy sửa ô này trong Excel (công thức hoặc ngày tháng), lưu "
                    "lại rồi nhập lại.",
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
                problem(f, str(exc))
        if "product_name" not in unreadable and "product_name" in values and not values["product_name"]:
            problem("product_name", "Chưa có tên sản phẩm; hãy nhập tên hoặc xóa cả dòng.")
        submitted_on = None
        if "submitted_on" in index and "submitted_on" not in unreadable:
            try:
                submitted_on = _value("submitted_on", cells["submitted_on"], year)
            except ValueError as exc:
                problem("submitted_on", str(exc))
            if submitted_on is not None and submitted_on > today:
                problem("submitted_on", f"Ngày nộp {format_vn_date(submitted_on)} ở tương lai; hãy nhập ngày đã nộp.")
        unit = default
        if "unit" in unreadable:
            pass
        elif "unit" in index and _cell_text(cells["unit"]).strip():
            unit = units.find(cells["unit"])
            if unit is None:
                problem(
                    "unit",
                    f"«{clean(_cell_text(cells['unit']))}» không phải đơn vị báo cáo của đợt rà soát năm "
                    f"{year}; hãy ghi đúng tên (ví dụ «Xã Ẳng Nưa») hoặc mã ĐVHC.",
                )
            elif (why := units.outside(unit)) is not None:
                problem("unit", why + ".")
        elif unit is None:
            found.append(
                (
                    10**6,
                    SheetProblem(
                        sheet,
                        row,
                        "",
                        f"{_at(sheet, row)}: chưa rõ dòng này của đơn vị nào; "
                        "hãy thêm cột «Đơn vị» hoặc chọn đơn vị khi nhập.",
                    ),
                )
            )
        if found:
            problems += [p for _i, p in sorted(found, key=lambda x: x[0])]  # left to right, as the sheet reads
            return None
        assert unit is not None  # a row of no known unit was a problem above
        return ImportRow(sheet, row, unit[0], unit[1], values, submitted_on)

    def import_file(
        self,
        path: Path,
        campaign_id: str,
        unit_id: str | None = None,
        valid_only: bool = False,
        replace: bool = False,
        dry_run: bool = False,
        today: date | None = None,
        include_hidden: bool = False,
    ) -> SurveyImportResult:
        """check() then apply() in one call, for a caller with nothing to show in between."""
        check = self.check(path, campaign_id, unit_id, today, include_hidden)
        return self.apply(check, valid_only=valid_only, replace=replace, dry_run=dry_run)

    def apply(
        self, check: SurveyImportCheck, valid_only: bool = False, replace: bool = False, dry_run: bool = False
    ) -> SurveyImportResult:
        """Store the rows ``check`` read, without reading the workbook again, in one transaction
        recorded as one undoable operation: a row matching an entry of the unit (same product and
        producer; with replace=True also the entry at the same place in the list) updates that
        entry, keeping its id so the correction travels as an update; other rows are added;
        replace=True deletes the unit's entries the sheet no longer has. Nothing is stored while
        any row is wrong, unless valid_only, nor when the file changed since it was checked
        (ImportRefused). dry_run counts what would happen (added, updated, deleted) and rolls back."""
        if check.path:
            _unchanged_since(check)
        if check.problems and not valid_only:
            raise ValidationError(
                [FieldError(f"{p.sheet}/{p.row}/{p.column}", p.message) for p in check.problems],
                record=f"Tệp {check.file_name}: {len(check.problems)} lỗi; chưa nhập dòng nào. Hãy sửa rồi nhập lại, "
                "hoặc chọn chỉ nhập các dòng hợp lệ",
            )
        if not check.rows:
            return SurveyImportResult(check, applied=False)
        counts = {"added": 0, "updated": 0, "deleted": 0, "unchanged": 0}
        units: list[str] = []
        operation = new_id()[:8]
        context = excel_context(operation, check.file_name)
        with self._uow(action=EXCEL_ACTION, context=context) as uow:
            s = uow.session
            self._campaign(s, check.campaign_id)  # still there and still open
            by_unit: dict[str, list[ImportRow]] = {}
            for r in check.rows:
                by_unit.setdefault(r.unit_id, []).append(r)
            for unit_id, rows in by_unit.items():
                for key, n in store_unit_rows(s, check.campaign_id, unit_id, rows, replace).items():
                    counts[key] += n
                units.append(rows[0].unit)
            s.flush()
            recorded = s.scalar(select(AuditEntry.seq).where(AuditEntry.context == context).limit(1))
            if dry_run:
                uow.rollback()
            else:
                uow.commit()
        return SurveyImportResult(
            check,
            not dry_run,
            counts["added"],
            counts["updated"],
            tuple(units),
            counts["deleted"],
            counts["unchanged"],
            operation if recorded is not None and not dry_run else None,
        )

    def imports(self) -> list[ExcelImportInfo]:
        """The Excel imports recorded here, newest first, with whether each was undone."""
        with self._uow() as uow:
            return excel_imports(uow.session)

    def undo(self, operation_id: str) -> UndoResult:
        """Undo one Excel import as a whole, unless a record it touched changed since."""
        operation = operation_id.strip().lower()  # the undo's context marks the import as undone: one spelling
        with self._uow(action=f"{EXCEL_ACTION}-undo", context=f"hoàn tác nhập Excel {operation}") as uow:
            result = undo_excel(uow.session, operation)
            uow.commit()
        return result


def _digest(path: Path) -> str:
    """SHA-256 of the file's bytes (at most MAX_BYTES, checked by guard()): a few milliseconds."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def _unchanged_since(check: SurveyImportCheck) -> None:
    """Refuse to store rows of a file that was changed, replaced or removed after it was checked."""
    path = Path(check.path)
    try:
        same = _digest(path) == check.digest
    except OSError:
        same = False
    if not same:
        raise ImportRefused(
            f"Tệp {check.file_name} đã bị sửa, thay hoặc xóa sau khi kiểm tra nên chưa nhập dòng "
            "nào. Hãy kiểm tra lại tệp (bấm «Kiểm tra» hoặc chạy lại lệnh) rồi nhập."
        )


def _without_duplicates(rows: list[ImportRow]) -> tuple[list[ImportRow], list[str]]:
    """The later of two rows for the same product of a unit replaces the earlier, as the warning says."""
    last: dict[tuple[Any, ...], ImportRow] = {}
    out = []
    for r in rows:
        key = (r.unit_id, *entry_key(r.values))
        if key in last:
            first = last[key]
            out.append(
                f"{_at(r.sheet, r.row)}: trùng sản phẩm «{r.values['product_name']}» của {r.unit} với "
                f"{_at(first.sheet, first.row).replace('Trang', 'trang')}; dòng sau ghi đè dòng trước nên "
                f"chỉ lưu dòng {r.row}."
            )
        last[key] = r
    kept = {id(r) for r in last.values()}
    return [r for r in rows if id(r) in kept], out
