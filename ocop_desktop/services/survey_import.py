"""Survey entries from an Excel sheet: the app's template or any sheet with the same columns."""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.language import Text
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.domain.text import clean
from ocop_desktop.domain.validation import FieldError, NotFoundError, ValidationError
from ocop_desktop.persistence.models import AuditEntry, Place, SurveyCampaign, UnitSubmission, new_id
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.exchange.dto import UndoResult
from ocop_desktop.services.exchange.excel_files import (
    ImportRefused,
    guard,
    read_sheets,
    write_template,
)
from ocop_desktop.services.exchange.undo import EXCEL_ACTION, ExcelImportInfo, excel_context, excel_imports, undo_excel
from ocop_desktop.services.places import covered_place_ids
from ocop_desktop.services.settings import office_settings
from ocop_desktop.services.survey_import_progress import ImportCancelled, Percent, Progress
from ocop_desktop.services.survey_import_rows import (  # noqa: F401  (names the import's callers use)
    _BY_ALIAS,
    _HIDDEN_HINT,
    ALIASES,
    MAX_LISTED,
    ImportRow,
    RowChecker,
    SheetProblem,
    _at,
    _find_header,
    _letter,
    _Units,
    header_key,
    without_duplicates,
)
from ocop_desktop.services.survey_import_store import add_rows, store_unit_rows

__all__ = [
    "ImportCancelled",
    "ImportRefused",
    "ImportRow",
    "SheetProblem",
    "SurveyImportCheck",
    "SurveyImportResult",
    "SurveyImportService",
    "header_key",
    "write_template",
]
# Share of a check's progress bar spent reading the file (the rest: checking its rows).
_READING = 60
_STORING = Text("Đang lưu các dòng", "Storing the rows")


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


class SurveyImportService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def _campaign(self, session: Session, campaign_id: str) -> SurveyCampaign:
        campaign = session.get(SurveyCampaign, campaign_id) if campaign_id else None
        if campaign is None:
            raise NotFoundError(
                Text(
                    "Không tìm thấy đợt rà soát này; có thể nó đã bị xóa. Hãy chọn lại đợt rà soát.",
                    "This survey round was not found; it may have been deleted. Choose the survey round again.",
                )
            )
        year = campaign.year
        if campaign.closed_on is not None:  # a closed campaign takes no more rows (services/campaigns.py)
            raise ValidationError(
                [
                    FieldError(
                        "closed_on",
                        Text(
                            f"Đợt rà soát năm {year} đã kết thúc ngày "
                            f"{format_vn_date(campaign.closed_on)} nên không nhập thêm được; "
                            "nếu cần nhập, hãy mở lại đợt (trang Rà soát sản phẩm → Đợt rà soát → Mở lại đợt này, "
                            f"hoặc lệnh ocop campaigns reopen {year}).",
                            f"The survey round of {year} was closed on "
                            f"{format_vn_date(campaign.closed_on)}, so nothing more can be imported; "
                            "to import, reopen the round (the Product survey page → Survey round → Reopen this round, "
                            f"or the command ocop campaigns reopen {year}).",
                        ),
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
                    what_en = f"«{place.name}»" if place is not None else "The chosen unit"
                    raise NotFoundError(
                        Text(
                            f"{what} không có trong danh sách đơn vị báo cáo của đợt rà soát năm "
                            f"{campaign.year}; hãy chọn một đơn vị của đợt.",
                            f"{what_en} is not among the reporting units of the survey round of "
                            f"{campaign.year}; choose a unit of the round.",
                        )
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
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SurveyImportCheck:
        """Read the file once and report every problem with its sheet, row and column; changes
        nothing. The rows it returns are what apply() stores. ``unit_id`` is the unit of rows whose
        sheet names none (default: this office, when the campaign lists it). Hidden sheets and rows
        are left out (and listed) unless ``include_hidden``. ``progress(percent, 100, text)`` is told
        each percent; ``cancelled()`` returning True stops the check (ImportCancelled)."""
        with _few_collections():
            return self._check(Path(path), campaign_id, unit_id, today, include_hidden, progress, cancelled)

    def _check(
        self,
        path: Path,
        campaign_id: str,
        unit_id: str | None,
        today: date | None,
        include_hidden: bool,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> SurveyImportCheck:
        guard(path)
        digest = _digest(path)
        campaign_id, year, units, default = self._context(campaign_id, unit_id)
        reading = Percent(progress, cancelled, Text("Đang đọc tệp", "Reading the file"), 0, _READING)
        checking = Percent(progress, cancelled, Text("Đang kiểm tra từng dòng", "Checking each row"), _READING, 100)
        reading.at(0, 1)
        today = today or date.today()
        problems: list[SheetProblem] = []
        warnings: list[str] = []
        skipped: list[str] = []
        valid: list[ImportRow] = []
        data_rows = 0
        found_header = False
        sheets = read_sheets(path, progress=reading.at)
        total_rows = sum(len(data.cells) for data in sheets) or 1
        seen_rows = 0
        for data in sheets:
            sheet = clean(data.title) or data.title
            rows = data.rows()
            if data.hidden and not include_hidden:
                if rows:
                    very = data.state == "veryHidden"
                    kind, kind_en = ("ẩn kỹ (very hidden)", "very hidden") if very else ("ẩn", "hidden")
                    skipped.append(
                        Text(
                            f"Trang «{sheet}» đang {kind} nên không nhập ({len(rows)} dòng có chữ). " + _HIDDEN_HINT,
                            f"Sheet «{sheet}» is {kind_en}, so it is not imported ({len(rows)} rows with text). "
                            + _HIDDEN_HINT.en,
                        )
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
                at = _at(sheet, head_row, text or "", i)
                warnings.append(
                    Text(
                        f"{at}: không nhận ra tên cột nên bỏ qua cột này.",
                        f"{at.en}: the column's name is not recognised, so the column is left out.",
                    )
                )
            dupes = {f for f in columns.values() if list(columns.values()).count(f) > 1}
            for f in sorted(dupes):
                cols = ", ".join(f"«{names[i]}» ({_letter(i)})" for i, g in columns.items() if g == f)
                problems.append(
                    SheetProblem(
                        sheet,
                        None,
                        "",
                        Text(
                            f"Trang «{sheet}»: có nhiều cột cùng nghĩa {cols}; hãy giữ lại một cột rồi nhập lại.",
                            f"Sheet «{sheet}»: several columns mean the same {cols}; keep one, then import again.",
                        ),
                    )
                )
            if dupes:
                continue
            hidden: list[int] = []
            checker = RowChecker(sheet, columns, names, year, units, default, today)
            hidden_rows = data.hidden_rows if not include_hidden else set()
            for number, values in rows[head + 1 :]:
                seen_rows += 1
                if not seen_rows % 500:
                    checking.at(seen_rows, total_rows)
                if checker.blank(values):
                    continue  # blank rows and numbered but empty rows
                if number in hidden_rows:
                    hidden.append(number)
                    continue
                data_rows += 1
                valid_row = checker.check(number, values, problems)
                if valid_row is not None:
                    valid.append(valid_row)
            if hidden:
                listed = ", ".join(map(str, hidden[:MAX_LISTED])) + (", …" if len(hidden) > MAX_LISTED else "")
                skipped.append(
                    Text(
                        f"Trang «{sheet}»: {len(hidden)} dòng đang ẩn nên không nhập (dòng {listed}). " + _HIDDEN_HINT,
                        f"Sheet «{sheet}»: {len(hidden)} hidden rows are not imported (rows {listed}). "
                        + _HIDDEN_HINT.en,
                    )
                )
        if not found_header:
            problems.append(
                SheetProblem(
                    "",
                    None,
                    "",
                    Text(
                        "Không tìm thấy trang nào có dòng tiêu đề với cột «Tên "
                        "sản phẩm» trong tệp; hãy dùng «Tải mẫu Excel» hoặc đặt tên cột như mẫu.",
                        "No sheet of the file has a header row with the column «Tên sản phẩm»; use «Download the "
                        "Excel template» or name the columns as the template does.",
                    ),
                )
            )
        kept, duplicate_warnings = without_duplicates(valid)
        checking.at(1, 1)
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
        self,
        check: SurveyImportCheck,
        valid_only: bool = False,
        replace: bool = False,
        dry_run: bool = False,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SurveyImportResult:
        """Store the rows ``check`` read, without reading the workbook again, in one transaction
        recorded as one undoable operation: a row matching an entry of the unit (same product and
        producer; with replace=True also the entry at the same place in the list) updates that
        entry, keeping its id so the correction travels as an update; other rows are added;
        replace=True deletes the unit's entries the sheet no longer has. Nothing is stored while
        any row is wrong, unless valid_only, nor when the file changed since it was checked
        (ImportRefused). dry_run counts what would happen (added, updated, deleted) and rolls back.
        New rows are inserted in bulk, each with its audit entry; ``progress(percent, 100, text)`` is
        told each percent, and ``cancelled()`` returning True rolls everything back (ImportCancelled)."""
        if check.path:
            _unchanged_since(check)
        if check.problems and not valid_only:
            raise ValidationError(
                [FieldError(f"{p.sheet}/{p.row}/{p.column}", p.message) for p in check.problems],
                record=Text(
                    f"Tệp {check.file_name}: {len(check.problems)} lỗi; chưa nhập dòng nào. Hãy sửa rồi nhập lại, "
                    "hoặc chọn chỉ nhập các dòng hợp lệ",
                    f"File {check.file_name}: {len(check.problems)} errors; no row was imported. Correct them and import again, "
                    "or choose to import only the valid rows",
                ),
            )
        if not check.rows:
            return SurveyImportResult(check, applied=False)
        counts = {"added": 0, "updated": 0, "deleted": 0, "unchanged": 0}
        units: list[str] = []
        operation = new_id()[:8]
        context = excel_context(operation, check.file_name)
        matching = Percent(progress, cancelled, _STORING, 0, 5)
        storing = Percent(progress, cancelled, _STORING, 5, 100)
        with _few_collections(), self._uow(action=EXCEL_ACTION, context=context) as uow:
            s = uow.session
            self._campaign(s, check.campaign_id)  # still there and still open
            by_unit: dict[str, list[ImportRow]] = {}
            for r in check.rows:
                by_unit.setdefault(r.unit_id, []).append(r)
            added: list[dict[str, Any]] = []
            for n_unit, (unit_id, rows) in enumerate(by_unit.items()):
                matching.at(n_unit, len(by_unit))
                for key, n in store_unit_rows(s, check.campaign_id, unit_id, rows, replace, added).items():
                    counts[key] += n
                units.append(rows[0].unit)
            done = 0

            def step(n: int) -> None:
                nonlocal done
                done += n
                storing.at(done, len(added))

            if not dry_run:  # a dry run only counts: the rows it would add need not be written
                add_rows(s, added, step)
            s.flush()
            storing.at(1, 1)
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


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """No cyclic garbage collection while a big sheet is read or stored: its hundreds of thousands
    of values are alive until the end, and each full collection walked them all again (a third of
    the import's time at 100,000 rows). Reference counting still frees everything as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
            Text(
                f"Tệp {check.file_name} đã bị sửa, thay hoặc xóa sau khi kiểm tra nên chưa nhập dòng "
                "nào. Hãy kiểm tra lại tệp (bấm «Kiểm tra» hoặc chạy lại lệnh) rồi nhập.",
                f"The file {check.file_name} was changed, replaced or deleted after it was checked, so no row was "
                "imported. Check the file again (press «Check» or run the command again), then import it.",
            )
        )
