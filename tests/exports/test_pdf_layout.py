"""Page layout read back from the PDF with pdftotext -bbox: the signature never alone on a page,
"Cộng" on the page of its unit, labels spanning their columns, every cell's text printed."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from ocop_desktop.exports.pdf import write_pdf
from ocop_desktop.exports.pdf_table import cell_text
from ocop_desktop.exports.report_model import OfficialHeader, Report, ReportSection, Signature
from ocop_desktop.exports.report_model import ReportColumn as C
from ocop_desktop.services.evaluation import EvaluationInput, EvaluationService, MemberInput
from ocop_desktop.services.evaluation_reports import EvaluationReports
from ocop_desktop.services.products import ProductService
from ocop_desktop.services.reports import KINDS, ReportRequest, ReportService
from ocop_desktop.services.scorecards import load_shipped_scorecards
from tests.exports.conftest import REPORT_DAY
from tests.ids import SAMPLE_2024
from tests.pdftext import pdftotext

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float  # from the top of the page
    x1: float
    y1: float
    text: str


def pages(path: Path) -> list[list[Word]]:
    """Every page's words with their boxes, as poppler reads them (NFC)."""
    out = pdftotext(path, "-bbox")
    result = []
    for page in out.split("<page ")[1:]:
        result.append(
            [
                Word(float(a), float(b), float(c), float(d), unicodedata.normalize("NFC", html.unescape(t)))
                for a, b, c, d, t in _WORD.findall(page)
            ]
        )
    return result


def find(words: list[Word], phrase: str) -> list[Word]:
    """The first word of each place ``phrase`` is printed on one line."""
    parts = phrase.split()
    hits = []
    for i, w in enumerate(words):
        if [x.text for x in words[i : i + len(parts)]] == parts and len(
            {round(x.y0) for x in words[i : i + len(parts)]}
        ) == 1:
            hits.append(w)
    return hits


def signer_phrases(report: Report) -> list[str]:
    """What opens the closing block: "Nơi nhận:" and the signers' first lines (a form has two signers)."""
    h = report.header
    lines = ["Nơi nhận:"] if h.recipients else []
    for sig in (h.signature, getattr(h, "co_signature", None)):
        first = next((line for line in (sig.authority, sig.deputy, sig.title) if line), "") if sig else ""
        lines += [first.upper()] if first else []
    return lines or ["…………………………"]


def signer_top(words: list[Word], phrases: list[str]) -> float | None:
    hits = [w.y0 for phrase in phrases for w in find(words, phrase)]
    return min(hits) if hits else None


def row_texts(report: Report) -> list[list[str]]:
    """The text of each table row as the PDF prints it, in order (heading and total rows included)."""
    rows = []
    for section in report.sections:
        if section.heading and (len(report.sections) > 1 or section.heading):
            rows.append([section.heading])
        rows += [[cell_text(c, r.get(c.key)) for c in report.columns] for r in section.rows]
        if section.subtotal:
            rows.append(["Cộng"])
    if report.grand_total:
        rows.append(["Tổng cộng"])
    return rows


def check_layout(report: Report, path: Path, doc: list[list[Word]] | None = None) -> None:
    """The last page holds table rows above the signer block; every cell's words are printed.
    ``doc``: the file's pages() when the caller has read them already (poppler reads a
    1,700-page report in seconds)."""
    doc = pages(path) if doc is None else doc
    phrases = signer_phrases(report)
    assert signer_top(doc[-1], phrases) is not None, f"the signer block is on the last page: {phrases}"
    for page in doc[:-1]:
        assert signer_top(page, phrases) is None
    last, top = doc[-1], signer_top(doc[-1], phrases)
    # Table rows above it: the column header (on every page of the table) and the table's last row.
    first_header = report.columns[0].header.split()[0]
    assert any(w.text == first_header and w.y1 < top for w in last), f"no table on the last page of {report.kind}"
    texts = [cells for cells in row_texts(report) if any(cells)]
    if texts:
        tail = next(t for t in reversed(texts[-1]) if t).split()
        assert any(w.text == tail[-1] and w.y1 < top for w in last), f"{tail} not above the signature"
    printed = {w.text for page in doc for w in page}
    for column in report.columns:  # a heading never broken inside a word ("Hạn" / "g sao")
        for word in column.header.split():
            assert word in printed, f"heading «{column.header}» broken in {report.kind}"
    for cells in texts:
        for cell in cells:
            for word in cell.split():
                assert word in printed, f"«{word}» of «{cell}» not printed in {report.kind}"


@pytest.fixture
def evaluated(report_uow):
    load_shipped_scorecards(report_uow)
    coffee = next(p.id for p in ProductService(report_uow).list() if p.name.startswith("Cà phê bột Hà Chung"))
    scores = {"A1.1": 3, "B1": 4, "C1.1": 8}
    names = ("Lò Văn An", "Quàng Thị Bình", "Tòng Văn Chiến", "Lường Văn Dũng")
    saved = EvaluationService(report_uow).save(
        EvaluationInput(coffee, date(2026, 11, 28), tuple(MemberInput(n, scores) for n in names), level="tinh")
    )
    return report_uow, coffee, saved.id


def _sample_reports(make_uow, coffee: str, evaluation_id: str) -> dict[str, Report]:
    service = ReportService(make_uow)
    reports = {kind: service.build(ReportRequest(kind, today=REPORT_DAY, campaign_id=SAMPLE_2024)) for kind in KINDS}
    papers = EvaluationReports(make_uow)
    reports["scoring-sheet"] = papers.sheet_report(product_id=coffee, on=REPORT_DAY)
    reports["evaluation-result"] = papers.result_report(evaluation_id)
    return reports


def test_every_sample_report_ends_with_table_rows_above_the_signature(evaluated, tmp_path):
    make_uow, coffee, evaluation_id = evaluated
    for name, report in _sample_reports(make_uow, coffee, evaluation_id).items():
        check_layout(report, write_pdf(report, tmp_path / f"{name}.pdf"))


def test_a_2026_commune_office_ends_every_report_with_table_rows_above_the_signature(make_uow, tmp_path):
    from ocop_desktop.services.sample import load_sample
    from tests.services.test_documents import set_office

    load_sample(make_uow, "muong-ang-2024")
    load_shipped_scorecards(make_uow)
    set_office(make_uow, "Xã Mường Ảng")
    day = date(2026, 11, 28)
    service = ReportService(make_uow)
    for kind in KINDS:
        report = service.build(ReportRequest(kind, today=day))
        assert report.header.body.upper().endswith("XÃ MƯỜNG ẢNG")
        check_layout(report, write_pdf(report, tmp_path / f"{kind}.pdf"))
    coffee = next(p.id for p in ProductService(make_uow).list() if p.name.startswith("Cà phê bột Hà Chung"))
    sheet = EvaluationReports(make_uow).sheet_report(product_id=coffee, on=day)
    check_layout(sheet, write_pdf(sheet, tmp_path / "sheet.pdf"))


def _units_report(units: int, rows_each: int, landscape: bool = False, notes: int = 0) -> Report:
    columns = [
        C("stt", "STT", "int", 6),
        C("name", "Tên sản phẩm", "text", 40),
        C("place", "Địa bàn", "text", 20),
        C("area", "Diện tích vùng nguyên liệu (ha)", "number", 12, total=True),
    ]
    sections = []
    for u in range(units):
        rows = [
            {"stt": r + 1, "name": f"Sản phẩm U{u:02d}R{r:02d}", "place": "Xã Ẳng Nưa", "area": u * 100 + r}
            for r in range(rows_each)
        ]
        sections.append(ReportSection(f"Đơn vị số {u:02d}", rows, subtotal=True))
    header = OfficialHeader(
        body="UBND XÃ MƯỜNG ẢNG",
        recipients=("Sở Nông nghiệp và Môi trường", "Lưu: VT"),
        signature=Signature("TM. ỦY BAN NHÂN DÂN", title="CHỦ TỊCH", name="Lò Văn Pọm"),
    )
    return Report(
        "test",
        "BÁO CÁO",
        "Thử bố cục",
        columns,
        sections,
        header=header,
        grand_total=True,
        landscape=landscape,
        notes=[f"Ghi chú số {i}: nguồn số liệu của đơn vị." for i in range(notes)],
    )


@pytest.mark.parametrize("landscape", [False, True])
def test_the_signature_never_stands_alone_whatever_the_length(tmp_path, landscape):
    """Table lengths in steps of one row over two pages: one of them ends where the signature
    no longer fits under the table, which is the case that used to leave it alone."""
    moved = 0
    for units in range(4, 16):
        report = _units_report(units, 3, landscape, notes=units % 3)
        path = write_pdf(report, tmp_path / f"u{units}.pdf")
        check_layout(report, path)
        doc = pages(path)
        moved += len(doc) > 1 and find(doc[-1], "STT") != [] and find(doc[-1], "Tổng cộng") != []
        # "Cộng" on the page of its unit's last row, the unit's heading on the page of its first row.
        for u in range(units):
            last_row, first_row = f"U{u:02d}R02", f"U{u:02d}R00"
            total = cell_text(report.columns[3], sum(u * 100 + r for r in range(3)))
            heading = f"Đơn vị số {u:02d}"
            page_of = {what: [i for i, p in enumerate(doc) if find(p, what)] for what in (last_row, first_row, heading)}
            page_of["Cộng"] = [i for i, p in enumerate(doc) if any(w.text == total for w in p)]
            assert page_of[last_row] == page_of["Cộng"][:1], (units, u, page_of)
            assert page_of[heading] == page_of[first_row], (units, u, page_of)
    assert moved, "no length made the end of the table move with the signature"


def test_total_labels_span_their_columns_and_stay_on_one_line(tmp_path):
    report = _units_report(2, 2)
    doc = pages(write_pdf(report, tmp_path / "t.pdf"))
    words = [w for p in doc for w in p]
    (total,) = find(words, "Tổng cộng")
    cong = next(w for w in words if w.text == "cộng" and abs(w.y0 - total.y0) < 1)
    # The label runs on in the STT, name and place columns: left-aligned at the table's edge, never
    # wrapped, and right of it on the same line only the sum.
    stt = find(words, "STT")[0]
    assert total.x0 < stt.x1 and cong.x1 > stt.x1
    same_line = [w.text for w in words if abs(w.y0 - total.y0) < 1]
    assert same_line == ["Tổng", "cộng", cell_text(report.columns[3], 0 + 1 + 100 + 101)]
    heading = find(words, "Đơn vị số 01")[0]
    assert heading.x0 < stt.x1  # headings start at the table's left edge, spanning it


def test_an_empty_sum_prints_blank_not_zero(tmp_path):
    report = _units_report(1, 2)
    for row in report.sections[0].rows:
        row["area"] = None
    words = [w.text for p in pages(write_pdf(report, tmp_path / "e.pdf")) for w in p]
    assert "Cộng" in words and "0" not in words
