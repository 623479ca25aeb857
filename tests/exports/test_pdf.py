"""PDF reports read back: exact Vietnamese text, embedded fonts, A4, official layout parts."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from ocop_desktop.exports.report_model import ExportCancelled
from ocop_desktop.services.products import ProductInput, ProductService
from ocop_desktop.services.reports import KINDS, ReportRequest, ReportService
from tests.exports.conftest import REPORT_DAY
from tests.ids import SAMPLE_2024

A4 = (595.28, 841.89)


def _text(path: Path) -> str:
    """All the text, NFC, with line breaks of wrapped cells folded into single spaces."""
    reader = PdfReader(path)
    text = unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in reader.pages))
    return " ".join(text.split())


def _fonts(path: Path) -> dict[str, bool]:
    """Every font used on every page, with whether its file is embedded."""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            desc = desc.get_object() if desc else {}
            found[str(font["/BaseFont"])] = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def _export(make_uow, kind, tmp_path, **kw) -> Path:
    return ReportService(make_uow).export(ReportRequest(kind, today=REPORT_DAY, **kw), "pdf", tmp_path / f"{kind}.pdf")


def test_survey_report_holds_the_exact_vietnamese_text(report_uow, tmp_path):
    path = _export(report_uow, "survey", tmp_path, campaign_id=SAMPLE_2024)
    text = _text(path)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN",
        "HUYỆN MƯỜNG ẢNG",
        "Mường Ảng, ngày 05 tháng 7 năm 2024",
        "BÁO CÁO",
        "Kết quả rà soát sản phẩm tham gia Chương trình OCOP năm 2024",
        "Chè Shan tuyết Ẳng Nưa",
        "Công ty TNHH Cà phê Mường Ảng",
        "Xã Ẳng Nưa",
        "Thị trấn Mường Ảng",
        "150.000 đ",
        "1.200",
        "12,5",
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Tạ Mạnh Cường",
        "Tổng cộng",
        "147,5",
    ):
        assert expected in text, expected
    assert "=1+1" in text  # user text is printed as typed


@pytest.mark.parametrize("kind", KINDS)
def test_every_report_is_a4_with_only_embedded_fonts(report_uow, tmp_path, kind):
    path = _export(report_uow, kind, tmp_path)
    reader = PdfReader(path)
    for page in reader.pages:
        size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
        assert size == pytest.approx(sorted(A4), abs=0.5)
    fonts = _fonts(path)
    assert fonts and all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)


def test_long_tables_repeat_their_header_and_number_pages_from_page_2(make_uow, tmp_path):
    products = ProductService(make_uow)
    for i in range(120):
        products.create(ProductInput(name=f"Sản phẩm thử số {i:03d} – Mật ong bạc hà Đồng Văn"))
    path = _export(make_uow, "products", tmp_path)
    reader = PdfReader(path)
    assert len(reader.pages) >= 3
    for number, page in enumerate(reader.pages, start=1):
        text = unicodedata.normalize("NFC", page.extract_text())
        assert "Tên sản phẩm" in text and "Trạng thái" in text and "STT" in text  # header on every page
        first_line = text.strip().splitlines()[0].strip()
        if number == 1:
            assert first_line != "1"
        else:
            assert str(number) in text.splitlines()[0] or f"\n{number}\n" in f"\n{text}\n"


def test_rows_are_never_split_across_pages(make_uow, tmp_path):
    products = ProductService(make_uow)
    long_name = "Sản phẩm có tên rất dài " * 6
    for i in range(60):
        products.create(ProductInput(name=f"{long_name}{i:03d}"))
    text = _text(_export(make_uow, "products", tmp_path))
    for i in range(60):
        assert f"{i:03d}" in text


def test_expiring_report_gives_the_reevaluation_deadline(make_uow, tmp_path):
    products = ProductService(make_uow)
    expires = date(2027, 3, 15)
    products.create(
        ProductInput(
            name="Trà Shan tuyết", status="duoc_cong_nhan", stars=4, certified_on=date(2024, 3, 15), expires_on=expires
        )
    )
    request = ReportRequest("expiring", today=date(2026, 11, 28), months=6)
    path = ReportService(make_uow).export(request, "pdf", tmp_path / "e.pdf")
    text = _text(path)
    assert "Trà Shan tuyết" in text and "15/03/2027" in text
    assert f"{expires - timedelta(days=180):%d/%m/%Y}" in text  # 26/2026: 180–120 days before


def test_a_cancelled_export_leaves_no_file(report_uow, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "huy.pdf"
    target.write_bytes(b"old report")
    with pytest.raises(ExportCancelled):
        ReportService(report_uow).export(
            ReportRequest("survey", today=REPORT_DAY), "pdf", target, cancelled=lambda: True
        )
    assert target.read_bytes() == b"old report"
    assert [p.name for p in folder.iterdir()] == ["huy.pdf"]


def _long_note(chars: int) -> str:
    """Numbered words, so every one of them can be found in the PDF, in order."""
    words, size, i = [], 0, 0
    while size < chars - 10:
        words.append(f"ý{i:04d}")
        size += len(words[-1]) + 1
        i += 1
    return " ".join(words)[:chars]


@pytest.mark.parametrize("chars", [400, 20_000])
def test_a_long_survey_note_prints_whole_across_pages(report_uow, tmp_path, chars):
    from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService

    note = _long_note(chars)
    surveys = SurveyService(report_uow)
    campaign = next(c for c in surveys.campaigns() if c.year == 2024)
    unit = campaign.submissions[0].unit_id
    surveys.save_entries(campaign.id, unit, [SurveyEntryInput(product_name="Mật ong Mường Ảng", notes=note)])
    pdf = _export(report_uow, "survey", tmp_path, campaign_id=SAMPLE_2024)
    text = _text(pdf)
    found = [w for w in text.split() if w.startswith("ý")]
    assert found == note.split()  # every word, once, in order (page headers come between)
    assert "Mật ong Mường Ảng" in text and "Tạ Mạnh Cường" in text  # the rest of the report too
    # The cell shows the start and refers to a full-width note after the table: a 20.000-character
    # note takes a few pages there, not a hundred pages of a 2 cm column.
    assert "tiếp ở ghi chú 1 cuối bảng" in " ".join(text.split())
    assert "Ghi chú 1 — cột «Ghi chú», dòng «Mật ong Mường Ảng» (tiếp theo)" in " ".join(text.split())
    assert len(PdfReader(pdf).pages) <= (12 if chars > 1000 else 4)


def test_line_breaks_and_unbreakable_words_stay_inside_the_cell():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from ocop_desktop.exports.pdf import wrap_lines
    from ocop_desktop.exports.pdf_style import FONT, register_fonts

    register_fonts()
    lines = wrap_lines("Dòng một\nhttps://example.vn/" + "a" * 300 + " cuối", 80)
    assert lines[0] == "Dòng một"
    assert all(stringWidth(line, FONT, 11) <= 80 for line in lines)
    assert lines[-1].endswith("cuối") and len(lines) > 3
    assert "".join(lines[1:]).removesuffix("cuối").rstrip() == "https://example.vn/" + "a" * 300


def test_bidi_overrides_stored_before_the_cleaning_never_reach_a_report(make_uow, tmp_path):
    from sqlalchemy import text

    product = ProductService(make_uow).create(ProductInput(name="Hóa đơn gpj.exe"))
    with make_uow() as uow:  # an older file: written before the flush hook stripped them
        uow.session.execute(
            text("UPDATE products SET name = :n WHERE id = :i"),
            {"n": "Hóa đơn \u202egpj.exe\u202c\x1b[31m", "i": product.id},
        )
        uow.commit()
    report = ReportService(make_uow).build(ReportRequest("products", today=REPORT_DAY))
    names = [row["name"] for section in report.sections for row in section.rows]
    assert names == ["Hóa đơn gpj.exe[31m"]
    assert "Hóa đơn gpj.exe" in _text(_export(make_uow, "products", tmp_path))
