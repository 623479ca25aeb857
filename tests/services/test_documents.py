"""Every printed document's identity: issuer valid on its date, type and number, recipients, signer."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.services.documents import DocumentService
from ocop_desktop.services.evaluation import EvaluationInput, EvaluationService, MemberInput
from ocop_desktop.services.evaluation_reports import EvaluationReports
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.products import ProductService
from ocop_desktop.services.report_settings import read_report_settings, save_kind_values
from ocop_desktop.services.reports import KINDS, ReportRequest, ReportService
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.scorecards import load_shipped_scorecards
from ocop_desktop.services.settings import printed_name, save_office_settings
from tests.pdftext import layout_text
from tests.services.test_evaluation import SCORES  # a coffee card under 26/2026 worth 79 points

DAY = date(2026, 12, 2)
SO = "Sở Nông nghiệp và Môi trường tỉnh Điện Biên"
UBND_SIGNER = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lò Văn Minh")
COFFEE = "Cà phê bột Hà Chung - bột pha phin"


def unit(make_uow, name: str, old: bool):
    return next(p for p in PlaceService(make_uow).find(name) if p.name == name and (p.valid_to is not None) == old)


def set_office(
    make_uow, name: str, old: bool = False, title: str = "Chủ tịch", kind: str = "ubnd", person: str = "Lò Văn Minh"
):
    place = (
        unit(make_uow, name, old)
        if name != "Tỉnh Điện Biên"
        else next(p for p in PlaceService(make_uow).find(name) if p.name == name)
    )
    save_office_settings(
        make_uow,
        place.id,
        person,
        title,
        office_kind=kind,
        office_printed_name=printed_name(kind, place.name, "Tỉnh Điện Biên"),
    )


@pytest.fixture
def commune(make_uow):
    """The sample with the office of the 2025 commune Xã Mường Ảng, its chairman signing."""
    load_sample(make_uow, "muong-ang-2024")
    load_shipped_scorecards(make_uow)
    set_office(make_uow, "Xã Mường Ảng")
    return make_uow


def pdf_lines(path: Path) -> list[str]:
    """The text pieces of the PDF as laid out (pdftotext -layout): left and right columns apart;
    the gap a blank number leaves ("Số:      /BC-UBND") read as one space."""
    out = layout_text(path)
    return [
        " ".join(piece.split()) for line in out.splitlines() for piece in re.split(r"\s{3,}", line) if piece.strip()
    ]


def issuer_text(lines: list[str]) -> str:
    """The left header column, its wrapped lines joined: what stands above the number."""
    motto = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"}
    head = lines[: next(i for i, line in enumerate(lines) if line.startswith("Số:") or ", ngày " in line)]
    return " ".join(line for line in head if line not in motto)


def xlsx_cells(path: Path) -> list[str]:
    ws = load_workbook(path).active
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


# kind → (type line, number line or None for a form, recipients, signer lines)
EXPECTED = {
    "survey": ("BÁO CÁO", "/BC-UBND", (SO, "Lưu: VT"), UBND_SIGNER),
    "products": ("BÁO CÁO", "/BC-UBND", (SO, "Lưu: VT"), UBND_SIGNER),
    "expiring": ("BÁO CÁO", "/BC-UBND", (SO, "Lưu: VT"), UBND_SIGNER),
    "tasks": ("BÁO CÁO", "/BC-UBND", (SO, "Lưu: VT"), UBND_SIGNER),
    "summary": ("BÁO CÁO", "/BC-UBND", (SO, "Lưu: VT"), UBND_SIGNER),
    "labels": ("BÁO CÁO", "/BC-UBND", (SO, "Lưu: VT"), UBND_SIGNER),
    "activities": ("BÁO CÁO", "/BC-UBND", (SO, "Lưu: VT"), UBND_SIGNER),
    "survey-form": ("PHIẾU RÀ SOÁT SẢN PHẨM", None, (), ("ĐẠI DIỆN CHỦ THỂ", "NGƯỜI RÀ SOÁT")),
}


@pytest.mark.parametrize("kind", KINDS)
def test_each_report_of_a_2026_commune_prints_its_issuer_type_number_recipients_and_signer(commune, tmp_path, kind):
    title, symbol, recipients, signer = EXPECTED[kind]
    service = ReportService(commune)
    pdf = pdf_lines(service.export(ReportRequest(kind, today=DAY), "pdf", tmp_path / f"{kind}.pdf"))
    cells = xlsx_cells(service.export(ReportRequest(kind, today=DAY), "xlsx", tmp_path / f"{kind}.xlsx"))
    # The issuing body: "ỦY BAN NHÂN DÂN" over the unit's name on paper, one cell in the workbook;
    # no parent body above a People's Committee, and never the former district.
    assert issuer_text(pdf) == "ỦY BAN NHÂN DÂN XÃ MƯỜNG ẢNG"
    assert "ỦY BAN NHÂN DÂN XÃ MƯỜNG ẢNG" in cells
    assert title in pdf and title in cells and "DANH SÁCH" not in pdf and "DANH SÁCH" not in cells
    assert "ngày 02 tháng 12 năm 2026" in " ".join(pdf)
    if symbol is None:  # a form: no number, no "Nơi nhận", two people sign
        assert not any(line.startswith("Số:") for line in pdf + cells)
        assert "Nơi nhận:" not in pdf and "Nơi nhận:" not in cells
    else:
        assert f"Số: {symbol}" in pdf and f"Số:      {symbol}" in cells
        assert "Nơi nhận:" in pdf and "Nơi nhận:" in cells
        for line in recipients:
            assert f"- {line}" in pdf and f"- {line}" in cells
        # The 2024 letter's issuer no longer exists in 2026: nothing is sent to it.
        assert not any("huyện Mường Ảng" in line for line in pdf if line.startswith("- "))
    for line in signer:
        assert line in pdf and line in cells, line


def test_the_council_papers_are_a_form_without_number_and_a_numbered_minutes(commune, tmp_path):
    coffee = next(p.id for p in ProductService(commune).list() if p.name == COFFEE)
    reports = EvaluationReports(commune)
    sheet = pdf_lines(reports.write_sheet(tmp_path / "phieu.pdf", product_id=coffee, on=DAY))
    assert issuer_text(sheet) == "UBND TỈNH ĐIỆN BIÊN HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP"
    assert "PHIẾU CHẤM ĐIỂM SẢN PHẨM OCOP" in sheet and "NGƯỜI CHẤM ĐIỂM" in sheet
    assert not any(line.startswith("Số:") for line in sheet) and "Nơi nhận:" not in sheet
    assert "ỦY BAN NHÂN DÂN" not in sheet  # the council issues it, not the commune

    saved = EvaluationService(commune).save(
        EvaluationInput(coffee, date(2026, 9, 15), (MemberInput("Lò Văn An", SCORES),), level="tinh")
    )
    result = pdf_lines(reports.write_result(saved.id, tmp_path / "bien-ban.pdf"))
    assert "BIÊN BẢN" in result and "Số: /BB-HĐ" in result
    assert issuer_text(result) == "UBND TỈNH ĐIỆN BIÊN HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP"
    assert {"- UBND tỉnh Điện Biên", "- Lưu: VT", "TM. HỘI ĐỒNG", "CHỦ TỊCH HỘI ĐỒNG"} <= set(result)
    assert "Lò Văn Minh" not in result  # the commune's chairman does not sign for the council


def test_a_2026_document_of_the_former_district_is_refused_naming_both_dates(commune):
    set_office(commune, "Huyện Mường Ảng", old=True, title="Phó Chủ tịch", person="Tạ Mạnh Cường")
    with pytest.raises(ValidationError) as info:
        ReportService(commune).build(ReportRequest("survey", today=DAY))
    message = str(info.value)
    assert "UBND huyện Mường Ảng" in message and "30/06/2025" in message and "02/12/2026" in message
    assert "Thiết lập đơn vị" in message
    # Dated while the district existed, it issues, with the letter's signer block.
    header = DocumentService(commune).header("survey", date(2024, 7, 5))
    assert header.body == "ỦY BAN NHÂN DÂN HUYỆN MƯỜNG ẢNG"
    assert (header.signature.authority, header.signature.deputy, header.signature.title) == (
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    )


def test_a_2025_commune_issues_nothing_dated_before_it_existed(commune):
    with pytest.raises(ValidationError, match=r"từ ngày 01/07/2025.*15/06/2024"):
        DocumentService(commune).header("survey", date(2024, 6, 15))


def test_a_2024_commune_follows_the_letter_then_issues_as_its_successor(commune):
    set_office(commune, "Thị trấn Mường Ảng", old=True)
    service = DocumentService(commune)
    before = service.header("survey", date(2024, 7, 5))
    assert before.body == "ỦY BAN NHÂN DÂN THỊ TRẤN MƯỜNG ẢNG"
    assert before.recipients == (
        "Phòng Nông nghiệp và Phát triển nông thôn huyện Mường Ảng",
        "UBND huyện Mường Ảng",
        "Lưu: VT",
    )
    after = service.header("survey", DAY)
    assert (after.body, after.place, after.recipients) == ("ỦY BAN NHÂN DÂN XÃ MƯỜNG ẢNG", "Mường Ảng", (SO, "Lưu: VT"))


def test_a_department_prints_its_province_above_and_signs_as_its_director(commune):
    set_office(commune, "Tỉnh Điện Biên", title="Phó Giám đốc", kind="so_nnmt", person="Hà Văn Nam")
    header = DocumentService(commune).header("products", DAY)
    assert (header.parent_body, header.body, header.number) == (
        "UBND TỈNH ĐIỆN BIÊN",
        "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
        "Số:      /BC-SNNMT",
    )
    assert (header.signature.authority, header.signature.deputy, header.signature.title) == (
        "",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
    )
    # A clerk's own title is never a signer block: the director's block is printed.
    set_office(commune, "Tỉnh Điện Biên", title="Chuyên viên phòng Kế hoạch", kind="so_nnmt", person="Hà Văn Nam")
    header = DocumentService(commune).header("products", DAY)
    assert (header.signature.authority, header.signature.deputy, header.signature.title) == ("", "", "GIÁM ĐỐC")


def test_number_and_recipients_are_remembered_per_kind_and_office(commune, tmp_path):
    save_kind_values(commune, "survey", number="15", recipients=f"{SO}\nUBND tỉnh Điện Biên (b/c)\nLưu: VT, NN")
    service = DocumentService(commune)
    survey = service.header("survey", DAY)
    assert survey.number == "Số: 15/BC-UBND"
    assert survey.recipients == (SO, "UBND tỉnh Điện Biên (b/c)", "Lưu: VT, NN")
    assert service.header("products", DAY).number == "Số:      /BC-UBND"  # another kind keeps its own
    assert service.header("products", DAY).recipients == (SO, "Lưu: VT")
    shown = read_report_settings(commune).for_kind("survey")
    assert (shown.number, shown.recipients.splitlines()[1]) == ("15", "UBND tỉnh Điện Biên (b/c)")
    save_kind_values(commune, "survey", number="16/BC-UBND-NN")
    assert service.header("survey", DAY).number == "Số: 16/BC-UBND-NN"
    # Another office has its own recipients for the same kind.
    set_office(commune, "Xã Búng Lao")
    assert service.header("survey", DAY).recipients == (SO, "Lưu: VT")


def test_a_2024_district_evaluation_printed_by_the_2025_commune_is_the_district_councils(commune, tmp_path):
    coffee = next(p.id for p in ProductService(commune).list() if p.name == COFFEE)
    header = DocumentService(commune).header("evaluation-result", date(2024, 6, 20), level="huyen")
    assert (header.parent_body, header.body, header.number) == (
        "UBND HUYỆN MƯỜNG ẢNG",
        "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP",
        "Số:      /BB-HĐ",
    )
    # The district's council signs nothing dated after the district ended.
    with pytest.raises(ValidationError, match=r"30/06/2025.*02/12/2026"):
        DocumentService(commune).header("evaluation-result", DAY, level="huyen")
    sheet = pdf_lines(
        EvaluationReports(commune).write_sheet(tmp_path / "p.pdf", product_id=coffee, on=date(2024, 6, 20))
    )
    assert issuer_text(sheet) == "UBND HUYỆN MƯỜNG ẢNG HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP"


def test_the_audit_log_report_is_issued_like_every_other(commune):
    from ocop_desktop.services.audit import AuditService

    header = AuditService(commune).report(today=DAY).header
    assert (header.body, header.number, header.recipients) == (
        "ỦY BAN NHÂN DÂN XÃ MƯỜNG ẢNG",
        "Số:      /BC-UBND",
        (SO, "Lưu: VT"),
    )
    set_office(commune, "Huyện Mường Ảng", old=True)
    with pytest.raises(ValidationError, match="30/06/2025"):
        AuditService(commune).report(today=DAY)


def test_the_provincial_council_signs_its_own_minutes_with_its_chairman(commune):
    set_office(commune, "Tỉnh Điện Biên", title="Chủ tịch Hội đồng", kind="hoi_dong", person="Mùa A Vảng")
    header = DocumentService(commune).header("evaluation-result", DAY, level="tinh")
    assert (header.parent_body, header.body, header.number) == (
        "UBND TỈNH ĐIỆN BIÊN",
        "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP",
        "Số:      /BB-HĐ",
    )
    assert (header.signature.authority, header.signature.title, header.signature.name) == (
        "TM. HỘI ĐỒNG",
        "CHỦ TỊCH HỘI ĐỒNG",
        "Mùa A Vảng",
    )


def test_a_department_drops_the_peoples_committee_block_older_versions_stored(commune):
    from ocop_desktop.persistence.models import AppMeta

    set_office(commune, "Tỉnh Điện Biên", title="Giám đốc Sở", kind="so_nnmt", person="Hà Văn Nam")
    with commune(action="settings") as uow:  # what an older version saved from the user's own title
        uow.session.add(AppMeta(key="report_signer_authority", value="TM. ỦY BAN NHÂN DÂN"))
        uow.session.add(AppMeta(key="report_signer_title", value="GIÁM ĐỐC SỞ"))
        uow.commit()
    signature = DocumentService(commune).header("summary", DAY).signature
    assert (signature.authority, signature.deputy, signature.title, signature.name) == (
        "",
        "",
        "GIÁM ĐỐC",
        "Hà Văn Nam",
    )
