"""A scorecard as an Excel workbook the office can fill in without a programmer, and read back."""

from __future__ import annotations

import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]  # no stubs
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from ocop_desktop.domain.language import Text, english
from ocop_desktop.domain.numbers import NumberError
from ocop_desktop.domain.scorecard import Criterion, Knockout, Level, Part, Scorecard, num, to_fraction
from ocop_desktop.domain.text import clean, fold
from ocop_desktop.domain.validation import FieldError, ValidationError
from ocop_desktop.exports.excel_layout import column_width

CARD, PARTS, CRITERIA, KNOCKOUTS, HELP = "Phiếu", "Phần", "Tiêu chí", "Điều kiện loại", "Hướng dẫn"
CARD_LABELS = {
    "rule_set": "Bộ tiêu chí",
    "product_set": "Bộ sản phẩm",
    "title": "Tên phiếu",
    "confirmed": "Đã đối chiếu văn bản gốc (Có/Không)",
    "source": "Nguồn",
    "note": "Ghi chú",
}
PART_HEADERS = ("Mã phần", "Tên phần", "Điểm tối đa", "Đã đối chiếu (Có/Không)", "Ghi chú")
CRITERIA_HEADERS = (
    "Phần",
    "Mã tiêu chí",
    "Tên tiêu chí",
    "Thuộc tiêu chí (mã nhóm)",
    "Điểm tối đa",
    "Các mức điểm",
    "Ghi chú",
)
KNOCKOUT_HEADERS = ("Mã", "Điều kiện loại", "Đã đối chiếu (Có/Không)")
HELP_LINES = (
    "MẪU PHIẾU CHẤM ĐIỂM SẢN PHẨM OCOP",
    "Dùng mẫu này để thêm hoặc sửa phiếu chấm điểm mà không cần lập trình viên.",
    (
        "1. Trang «Phiếu»: ghi bộ tiêu chí (ví dụ 26/2026, 148/2023), bộ sản phẩm (tên hoặc mã, ví dụ «Cà phê, ca cao»; "
        "để trống nếu phiếu dùng chung cho mọi bộ sản phẩm), tên phiếu, đã đối chiếu với văn bản gốc chưa (Có/Không)."
    ),
    (
        "2. Trang «Phần»: mỗi dòng một phần A, B, C với điểm tối đa; các phần phải đúng với bộ tiêu chí "
        "(1048: A 35, B 25, C 40; 148, 1489 và 26/2026: A 40, B 25, C 35)."
    ),
    (
        "3. Trang «Tiêu chí»: mỗi dòng một tiêu chí. Tiêu chí con ghi mã tiêu chí nhóm ở cột «Thuộc tiêu chí» và đứng "
        "dưới tiêu chí nhóm; tiêu chí trực tiếp của phần để trống cột này."
    ),
    (
        "   Điểm tối đa của tiêu chí nhóm phải bằng tổng điểm các tiêu chí con; tổng điểm các tiêu chí của một phần "
        "phải bằng điểm tối đa của phần."
    ),
    (
        "4. Cột «Các mức điểm»: để trống nếu chấm theo điểm nguyên từ 0 đến điểm tối đa; hoặc ghi các mức cách nhau "
        "bằng dấu chấm phẩy, ví dụ «1 = Hộ sản xuất; 2 = Công ty; 3 = Hợp tác xã». Điểm lẻ viết 0,5."
    ),
    "5. Trang «Điều kiện loại»: mã và nội dung của từng điều kiện làm sản phẩm bị loại dù đủ điểm.",
    (
        "6. Nhập phiếu: trong ứng dụng chọn «Phiếu chấm điểm» rồi «Nhập từ Excel», hoặc gõ lệnh "
        "«ocop scorecards import TỆP.xlsx». Phiếu có điểm không khớp bị từ chối, kèm trang và dòng cần sửa."
    ),
    "   Phiếu nhập thay thế phiếu cùng bộ tiêu chí và bộ sản phẩm; các lần đánh giá đã lưu vẫn giữ nguyên điểm.",
)
_HEAD = {"bold": True, "pattern": 1, "bg_color": "#EEEEEE"}
_WRAP = {"text_wrap": True, "valign": "top"}


def _text(value: Any) -> str:
    """A cell as clean text (NFC, single spaces); 3.0 read from a number cell is "3"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(str(value)) or ""


def _put(ws: Any, row: int, col: int, value: Any, fmt: Any = None) -> None:
    """One cell (1-based, as the reader counts them); text is always text, never a formula."""
    if isinstance(value, str):
        ws.write_string(row - 1, col - 1, value, fmt)
    elif value is not None:
        ws.write_number(row - 1, col - 1, value, fmt)
    elif fmt is not None:
        ws.write_blank(row - 1, col - 1, None, fmt)


def _header(wb: Any, ws: Any, headers: tuple[str, ...], widths: tuple[int, ...]) -> None:
    head = wb.add_format(_HEAD)
    for col, (title, width) in enumerate(zip(headers, widths, strict=True), start=1):
        _put(ws, 1, col, title, head)
        column_width(ws, col - 1, width)
    ws.freeze_panes(1, 0)


def levels_text(c: Criterion) -> str:
    return "; ".join(f"{num(lv.points)} = {lv.meaning}" if lv.meaning else f"{num(lv.points)}" for lv in c.levels)


def write_card_xlsx(card: Scorecard, path: Path) -> Path:
    """The template, filled with ``card`` as the example to edit; written atomically (with
    XlsxWriter, as every workbook the program writes; openpyxl reads it back)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".xlsx.tmp")
    os.close(fd)
    try:
        wb = xlsxwriter.Workbook(tmp, {"strings_to_formulas": False, "strings_to_urls": False})
        wrap = wb.add_format(_WRAP)
        ws = wb.add_worksheet(HELP)
        column_width(ws, 0, 140)
        title = wb.add_format(_WRAP | {"bold": True, "font_size": 13})
        for row, line in enumerate(HELP_LINES, start=1):
            _put(ws, row, 1, line, title if row == 1 else wrap)

        ws = wb.add_worksheet(CARD)
        column_width(ws, 0, 38)
        column_width(ws, 1, 90)
        values = {
            "rule_set": card.rule_set,
            "product_set": card.product_set or "",
            "title": card.title,
            "confirmed": "Có" if card.confirmed else "Không",
            "source": card.source,
            "note": card.note,
        }
        _put(ws, 1, 1, "Thông tin phiếu", wb.add_format({"bold": True}))
        for row, (key, label) in enumerate(CARD_LABELS.items(), start=2):
            _put(ws, row, 1, label)
            _put(ws, row, 2, values[key], wrap)

        ws = wb.add_worksheet(PARTS)
        _header(wb, ws, PART_HEADERS, (10, 40, 12, 22, 60))
        for row, p in enumerate(card.parts, start=2):
            for col, value in enumerate(
                (p.code, p.name, num(p.max), "Có" if p.confirmed else "Không", p.note), start=1
            ):
                _put(ws, row, col, value)
        ws.data_validation("D2:D50", {"validate": "list", "source": ["Có", "Không"], "ignore_blank": True})

        ws = wb.add_worksheet(CRITERIA)
        _header(wb, ws, CRITERIA_HEADERS, (8, 14, 60, 16, 12, 60, 40))
        row = 2
        for p in card.parts:
            stack = [(c, "") for c in reversed(p.criteria)]
            while stack:
                c, parent = stack.pop()
                for col, value in enumerate(
                    (p.code, c.code, c.name, parent, num(c.max), levels_text(c), c.note), start=1
                ):
                    _put(ws, row, col, value)
                row += 1
                stack += [(s, c.code) for s in reversed(c.criteria)]

        ws = wb.add_worksheet(KNOCKOUTS)
        _header(wb, ws, KNOCKOUT_HEADERS, (10, 80, 22))
        for row, k in enumerate(card.knockouts, start=2):
            for col, value in enumerate((k.code, k.name, "Có" if k.confirmed else "Không"), start=1):
                _put(ws, row, col, value)
        wb.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


# -- reading ---------------------------------------------------------------------------------------
def _where(sheet: str, row: int) -> Text:
    return Text(f"Trang «{sheet}», dòng {row}", f"Sheet «{sheet}», row {row}")


def _yes(value: Any, default: bool = True) -> bool:
    text = fold(_text(value))
    if not text:
        return default
    return text not in ("khong", "no", "false", "0", "chua")


@dataclass
class _Reader:
    source: str
    errors: list[FieldError] = field(default_factory=list)

    def fail(self, sheet: str, row: int, message: str) -> None:
        self.errors.append(FieldError(_where(sheet, row), message))

    def number(self, value: Any, sheet: str, row: int, what: str) -> float | None:
        if value is None or _text(value) == "":
            self.fail(sheet, row, Text(f"chưa ghi {what}.", f"{english(what)} is missing."))
            return None
        try:
            return float(to_fraction(value))
        except (NumberError, ValueError, TypeError):
            self.fail(
                sheet,
                row,
                Text(
                    f"{what} «{_text(value)}» không phải là số.", f"{english(what)} «{_text(value)}» is not a number."
                ),
            )
            return None

    def levels(self, value: Any, sheet: str, row: int, code: str) -> tuple[Level, ...]:
        text = _text(value)
        out = []
        for piece in (p.strip() for p in text.replace("\n", ";").split(";")):
            if not piece:
                continue
            sep = "=" if "=" in piece else (":" if ":" in piece else None)
            points, meaning = piece.split(sep, 1) if sep else (piece, "")
            try:
                out.append(Level(float(to_fraction(points.strip())), meaning.strip()))
            except (NumberError, ValueError):
                self.fail(
                    sheet,
                    row,
                    Text(
                        f"mức điểm «{piece}» của tiêu chí {code} không đúng dạng; hãy ghi «điểm = ý nghĩa», "
                        "các mức cách nhau bằng dấu chấm phẩy, ví dụ «1 = Hộ sản xuất; 3 = Hợp tác xã».",
                        f"the score level «{piece}» of criterion {code} is not in the right form; write «points = meaning», "
                        "levels separated by semicolons, for example «1 = Hộ sản xuất; 3 = Hợp tác xã».",
                    ),
                )
        return tuple(out)


def _rows(wb: Workbook, sheet: str, reader: _Reader, header: bool = True) -> list[tuple[int, tuple[Any, ...]]]:
    """Non-empty rows with their numbers; the header row (row 1) is skipped."""
    if sheet not in wb.sheetnames:
        reader.errors.append(
            FieldError(
                Text(f"Trang «{sheet}»", f"Sheet «{sheet}»"),
                Text(
                    f"tệp không có trang «{sheet}»; hãy dùng mẫu của ứng dụng.",
                    f"the file has no sheet «{sheet}»; use the application's template.",
                ),
            )
        )
        return []
    out = []
    for number, values in enumerate(wb[sheet].iter_rows(values_only=True), start=1):
        if (number > 1 or not header) and any(_text(v) for v in values):
            out.append((number, tuple(values) + (None,) * 8))
    return out


def _card_info(wb: Workbook, reader: _Reader) -> dict[str, tuple[int, Any]]:
    found: dict[str, tuple[int, Any]] = {}
    labels = {key: fold(label).split("(")[0].strip() for key, label in CARD_LABELS.items()}
    for number, values in _rows(wb, CARD, reader, header=False):
        label = fold(_text(values[0]))
        for key, wanted in labels.items():
            if key not in found and label.startswith(wanted):
                found[key] = (number, values[1])
    return found


def read_card_xlsx(path: Path) -> Scorecard:
    """The card in a filled template; every malformed row is reported with its sheet and row.
    The sums are checked when the card is stored (ScorecardService.store)."""
    path = Path(path)
    reader = _Reader(path.name)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValidationError(
            [
                FieldError(
                    Text("tệp", "file"),
                    (
                        Text(
                            f"không đọc được tệp {path.name} ({exc.__class__.__name__}); hãy lưu lại dưới dạng Excel .xlsx "
                            "từ mẫu của ứng dụng.",
                            f"cannot read the file {path.name} ({exc.__class__.__name__}); save it as Excel .xlsx "
                            "from the application's template.",
                        )
                    ),
                )
            ],
            record=Text(f"Tệp {path.name}", f"File {path.name}"),
        ) from None
    try:
        info = _card_info(wb, reader)
        part_rows = _rows(wb, PARTS, reader)
        criteria_rows = _rows(wb, CRITERIA, reader)
        knockout_rows = _rows(wb, KNOCKOUTS, reader)
    finally:
        wb.close()

    rule_row, rule_set = info.get("rule_set", (2, None))
    if not _text(rule_set):
        reader.fail(
            CARD,
            rule_row,
            Text("chưa ghi bộ tiêu chí (ví dụ 26/2026).", "the set of criteria is missing (for example 26/2026)."),
        )

    parts: dict[str, dict[str, Any]] = {}
    for number, v in part_rows:
        code = _text(v[0]).upper()
        if not code:
            reader.fail(PARTS, number, Text("chưa ghi mã phần (A, B, C).", "the part's code is missing (A, B, C)."))
            continue
        maximum = reader.number(
            v[2], PARTS, number, Text(f"điểm tối đa của phần {code}", f"the maximum score of part {code}")
        )
        parts[code] = {
            "name": _text(v[1]),
            "max": maximum or 0.0,
            "confirmed": _yes(v[3]),
            "note": _text(v[4]),
            "origin": _where(PARTS, number),
            "criteria": [],
        }

    nodes: dict[str, dict[str, Any]] = {}
    for number, v in criteria_rows:
        part, code, name, parent = _text(v[0]).upper(), _text(v[1]), _text(v[2]), _text(v[3])
        if not code:
            reader.fail(CRITERIA, number, Text(f"tiêu chí «{name}» chưa có mã.", f"criterion «{name}» has no code."))
            continue
        if code in nodes:
            reader.fail(
                CRITERIA,
                number,
                Text(
                    f"mã tiêu chí {code} đã dùng ở {nodes[code]['origin']}; hãy đặt mã khác.",
                    f"the criterion code {code} is already used at {english(nodes[code]['origin'])}; choose another code.",
                ),
            )
            continue
        maximum = reader.number(
            v[4], CRITERIA, number, Text(f"điểm tối đa của tiêu chí {code}", f"the maximum score of criterion {code}")
        )
        node = {
            "code": code,
            "name": name,
            "max": maximum or 0.0,
            "note": _text(v[6]),
            "subs": [],
            "levels": reader.levels(v[5], CRITERIA, number, code),
            "origin": _where(CRITERIA, number),
        }
        if part not in parts:
            reader.fail(
                CRITERIA,
                number,
                Text(
                    f"tiêu chí {code} thuộc phần «{part}» không có ở trang «{PARTS}»; các phần: {', '.join(parts)}.",
                    f"criterion {code} belongs to part «{part}», which is not on the sheet «{PARTS}»; the parts: "
                    f"{', '.join(parts)}.",
                ),
            )
            continue
        if parent:
            owner = nodes.get(parent)
            if owner is None:
                reader.fail(
                    CRITERIA,
                    number,
                    Text(
                        f"tiêu chí {code} thuộc tiêu chí nhóm «{parent}» chưa có ở các dòng trên; hãy ghi tiêu chí "
                        "nhóm trước các tiêu chí con.",
                        f"criterion {code} belongs to the group «{parent}», which is not in the rows above; write the "
                        "group before its criteria.",
                    ),
                )
                continue
            if owner["part"] != part:
                reader.fail(
                    CRITERIA,
                    number,
                    Text(
                        f"tiêu chí {code} ở phần {part} nhưng nhóm {parent} ở phần {owner['part']}.",
                        f"criterion {code} is in part {part} but its group {parent} is in part {owner['part']}.",
                    ),
                )
                continue
            owner["subs"].append(node)
        else:
            parts[part]["criteria"].append(node)
        node["part"] = part
        nodes[code] = node

    knockouts = []
    for number, v in knockout_rows:
        knockouts.append(Knockout(_text(v[0]), _text(v[1]), _yes(v[2]), _where(KNOCKOUTS, number)))

    if reader.errors:
        raise ValidationError(reader.errors, record=Text(f"Tệp {path.name}", f"File {path.name}"))

    def build(node: dict[str, Any]) -> Criterion:
        return Criterion(
            node["code"],
            node["name"],
            node["max"],
            node["levels"],
            tuple(build(s) for s in node["subs"]),
            node["note"],
            node["origin"],
        )

    _r, product_set = info.get("product_set", (3, None))
    return Scorecard(
        rule_set=_text(rule_set),
        product_set=_text(product_set) or None,
        title=_text(info.get("title", (0, ""))[1]),
        confirmed=_yes(info.get("confirmed", (0, None))[1]),
        source=_text(info.get("source", (0, ""))[1]),
        note=_text(info.get("note", (0, ""))[1]),
        parts=tuple(
            Part(
                code,
                p["name"],
                p["max"],
                tuple(build(n) for n in p["criteria"]),
                p["confirmed"],
                p["note"],
                p["origin"],
            )
            for code, p in parts.items()
        ),
        knockouts=tuple(knockouts),
    )
