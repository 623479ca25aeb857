"""What a report is, independent of its format: an official header, tables, a signature block."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Literal

from ocop_desktop.domain.numbers import format_vn_number

Kind = Literal["text", "int", "number", "money", "date", "stars"]

# A report writer calls progress(done, total) now and then, and stops when cancelled()
# turns true by raising ExportCancelled; the output file is then never left half-written.
Progress = Callable[[int, int], None]


class ExportCancelled(Exception):
    """The user cancelled the export; no file was written."""


@dataclass(frozen=True)
class ReportColumn:
    key: str
    header: str
    kind: Kind = "text"
    width: float = 14  # in characters (Excel) — the PDF scales these to the page
    total: bool = False  # summed in subtotal and total rows


class Row(Mapping[str, Any]):
    """One printed row as a tuple of values beside its columns' shared index: a 100,000-row report
    holds a tuple per row instead of a dict (a third of the memory). Read like a dict."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: Mapping[str, int], values: tuple[Any, ...]) -> None:
        self._index, self._values = index, values

    def __getitem__(self, key: str) -> Any:
        return self._values[self._index[key]]

    def get(self, key: str, default: Any = None) -> Any:
        at = self._index.get(key)
        return default if at is None else self._values[at]

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __repr__(self) -> str:
        return f"Row({dict(self)!r})"


@dataclass
class ReportSection:
    """Rows under one heading (a unit, a place …) with an optional subtotal row."""

    heading: str
    rows: list[Mapping[str, Any]] = field(default_factory=list)
    subtotal: bool = False


@dataclass(frozen=True)
class Signature:
    authority: str = ""  # "TM. ỦY BAN NHÂN DÂN"
    deputy: str = ""  # "KT. CHỦ TỊCH"
    title: str = ""  # "PHÓ CHỦ TỊCH"
    name: str = ""


@dataclass(frozen=True)
class OfficialHeader:
    """The heading block of an administrative document (Nghị định 30/2020/NĐ-CP)."""

    parent_body: str = ""  # above the body, not bold: "UBND TỈNH ĐIỆN BIÊN"
    body: str = ""  # bold capitals: "UBND XÃ MƯỜNG ẢNG"
    number: str = "Số:      /BC-UBND"  # "" for a form, which carries no number
    place: str = ""  # "Mường Ảng" in "Mường Ảng, ngày 05 tháng 7 năm 2024"
    day: date | None = None
    recipients: tuple[str, ...] = ()  # "Nơi nhận" lines, the last one "Lưu: VT, …"
    signature: Signature = Signature()
    # A form's second signer (the surveyed producer), bottom left where a document has "Nơi nhận".
    co_signature: Signature = Signature()


@dataclass(frozen=True)
class Seal:
    """Who made a printed report and the state of their data, in the bottom margin of every page:
    the office's key fingerprint (read out by phone or compared on paper with the sender's
    «Thiết lập đơn vị» page) and the anchor of its audit chain when the report was made."""

    fingerprint: str  # «7K3M Q9TD X2CF HW4R»
    count: int = 0  # entries in the audit chain
    head: str = ""  # hash of the newest entry (hex)
    at: datetime | None = None  # UTC

    @property
    def line(self) -> str:
        text = f"Khóa ký của đơn vị: {self.fingerprint}"
        if self.count and self.head:
            text += f"  ·  Nhật ký đến mục {format_vn_number(self.count)}, mã {self.head[:12]}"
            if self.at is not None:
                local = self.at.replace(tzinfo=self.at.tzinfo or UTC).astimezone()
                text += f", lúc {local:%H:%M %d/%m/%Y}"
        return text


@dataclass
class Report:
    kind: str
    title: str  # "BÁO CÁO"
    subtitle: str  # "Kết quả rà soát sản phẩm tham gia Chương trình OCOP năm 2024"
    columns: list[ReportColumn]
    sections: list[ReportSection]
    header: OfficialHeader = OfficialHeader()
    intro: str = ""  # a paragraph before the table
    notes: list[str] = field(default_factory=list)  # lines after the table
    grand_total: bool = False
    landscape: bool = False
    blank_rows: int = 0  # printable forms: empty rows to fill by hand
    charts: list[tuple[str, list[tuple[str, float]]]] = field(default_factory=list)  # (title, [(label, value)])
    seal: Seal | None = None  # printed in the bottom margin of every page (pdf) / the footer (xlsx)

    @property
    def row_count(self) -> int:
        return sum(len(s.rows) for s in self.sections)


def vn_date_line(place: str, day: date) -> str:
    """'Mường Ảng, ngày 05 tháng 7 năm 2024': leading zero for days under 10 and months 1–2."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"
