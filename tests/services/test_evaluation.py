"""Evaluations kept with their rule set, level and members; certification effects; cards from
Excel checked with the sheet and row of every problem; the scoring sheet and result on paper."""

from __future__ import annotations

import re
from datetime import date

import pytest
from openpyxl import load_workbook

from ocop_desktop.domain.validation import NotFoundError, ValidationError
from ocop_desktop.services.evaluation import (
    CertificationInput,
    EvaluationInput,
    EvaluationService,
    MemberInput,
    members_from_json,
)
from ocop_desktop.services.evaluation_reports import EvaluationReports
from ocop_desktop.services.products import ProductService
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.scorecards import IMPORTED, SHIPPED, ScorecardService, load_shipped_scorecards
from tests.evaluation_data import COFFEE, SCORES
from tests.pdftext import pdf_text

TODAY = date(2026, 11, 28)


@pytest.fixture
def make(make_uow):
    load_sample(make_uow, "muong-ang-2024")
    load_shipped_scorecards(make_uow)
    return make_uow


def product_id(make_uow, name: str) -> str:
    return next(p.id for p in ProductService(make_uow).list() if p.name == name)


def test_shipped_cards_load_once_and_serve_each_product_by_its_set(make):
    assert load_shipped_scorecards(make).changed is False
    service = EvaluationService(make)
    coffee = product_id(make, COFFEE)
    setup = service.setup(coffee, TODAY)
    assert (setup.rule_set.code, setup.card.code, setup.in_force) == ("26/2026", "26/2026:ca-phe-ca-cao", "26/2026")
    # Evaluated in 2024 (the letter's year) the product is judged under 148; in 2025 under 1489.
    assert service.setup(coffee, date(2024, 6, 20)).card.code == "148/2023:chung"
    assert service.setup(coffee, date(2025, 9, 1)).rule_set.code == "1489/2025"
    assert service.setup(coffee, TODAY, "1048").card.code == "1048/2019:chung"
    spirits = service.setup(product_id(make, "Rượu nếp lọc Thành Thủy"), TODAY)
    assert spirits.card.code == "26/2026:ruou-trang" and spirits.card.confirmed is False
    with pytest.raises(NotFoundError, match="Không có bộ tiêu chí «999»"):
        service.setup(coffee, TODAY, "999")


def test_an_evaluation_is_kept_with_its_rule_set_date_level_and_members(make):
    service = EvaluationService(make)
    coffee = product_id(make, COFFEE)
    members = (
        MemberInput("Lò Văn An", SCORES),
        MemberInput("Quàng Thị Bình", {**SCORES, "C1.1": 10}),
        MemberInput("Tòng Văn Chiến", {**SCORES, "C4": 5, "A3.2": 1}),
    )
    saved = service.save(EvaluationInput(coffee, TODAY, members, level="tinh", notes="Hội đồng tỉnh đợt 2"))
    again = service.get(saved.id)
    assert again.rule_set_code == "26/2026" and again.card_code == "26/2026:ca-phe-ca-cao"
    assert (again.evaluated_on, again.level, again.level_label) == (TODAY, "tinh", "Cấp tỉnh")
    assert [(m.name, m.total) for m in again.members] == [
        ("Lò Văn An", 79),
        ("Quàng Thị Bình", 81),
        ("Tòng Văn Chiến", 82),
    ]
    assert again.scores["C1.1"] == pytest.approx(26 / 3) and again.scores["C4"] == pytest.approx(11 / 3)
    assert again.total == 80.67 and again.stars == 4 and again.knockout is None
    assert again.parts == {"A": 33.33, "B": 19.0, "C": 28.33}
    history = service.history(coffee)
    assert [(h.rule_set_code, h.members, h.total, h.stars, h.certified) for h in history] == [
        ("26/2026", 3, 80.67, 4, False)
    ]


def test_scores_out_of_range_or_unknown_are_refused_naming_the_criterion(make):
    service = EvaluationService(make)
    coffee = product_id(make, COFFEE)
    with pytest.raises(ValidationError) as caught:
        service.save(EvaluationInput(coffee, TODAY, (MemberInput("An", {"C4": 4, "Z1": 1}),), level="bogus"))
    fields = caught.value.by_field()
    assert "không có mức 4 điểm" in fields["C4"][0]
    assert "Z1" in fields and "level" in fields
    assert service.history(coffee) == []


def test_a_knock_out_stops_the_evaluation_and_cannot_be_certified(make):
    service = EvaluationService(make)
    coffee = product_id(make, COFFEE)
    members = members_from_json([{**SCORES, "member": "An"}, {**SCORES, "knockout": "KO3"}])
    saved = service.save(EvaluationInput(coffee, TODAY, members))
    assert saved.stars is None
    assert saved.knockout == "KO3: Toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc"
    with pytest.raises(ValidationError, match="bị loại"):
        service.certify(saved.id, CertificationInput(decision="1/QĐ-UBND", certified_on=TODAY), today=TODAY)


def test_a_certified_result_sets_star_score_certificate_expiry_and_reevaluation_window(make):
    service = EvaluationService(make)
    coffee = product_id(make, COFFEE)
    saved = service.save(EvaluationInput(coffee, date(2026, 9, 15), (MemberInput("An", SCORES),)))
    cert = service.certify(
        saved.id,
        CertificationInput(certificate_no="GCN-26-001", decision="2150/QĐ-UBND", certified_on=date(2026, 10, 2)),
        today=TODAY,
    )
    assert (cert.stars, cert.score, cert.body) == (4, 79, "UBND cấp tỉnh")
    assert cert.expires_on == date(2029, 10, 2)  # 36 months
    assert (cert.reevaluation_from, cert.reevaluation_to) == (date(2029, 4, 5), date(2029, 6, 4))  # 180–120 days
    product = ProductService(make).get(coffee)
    assert (product.stars, product.score, product.status) == (4, 79, "duoc_cong_nhan")
    assert (product.certificate_no, product.certifying_decision, product.certifying_body) == (
        "GCN-26-001",
        "2150/QĐ-UBND",
        "UBND cấp tỉnh",
    )
    assert (product.certified_on, product.expires_on) == (date(2026, 10, 2), date(2029, 10, 2))
    assert service.history(coffee)[0].certified is True
    assert service.get(saved.id).certification.expires_on == date(2029, 10, 2)


def test_under_148_the_issuer_warns_30_days_before_expiry(make):
    service = EvaluationService(make)
    tea = product_id(make, "Trà San tuyết P.H 14")
    # 72 points is 4 stars, which the province certifies under 148 (the district only 3 stars).
    saved = service.save(
        EvaluationInput(tea, date(2024, 8, 20), (MemberInput("An", {"A": 30, "B": 20, "C": 22}),), level="tinh")
    )
    assert (saved.rule_set_code, saved.total, saved.stars) == ("148/2023", 72, 4)
    cert = service.certify(
        saved.id, CertificationInput(decision="88/QĐ-UBND", certified_on=date(2024, 9, 30)), today=TODAY
    )
    assert cert.expires_on == date(2027, 9, 30)
    assert cert.reevaluation_from is None and cert.warning_on == date(2027, 8, 31)


def test_only_three_stars_and_above_are_certified(make):
    service = EvaluationService(make)
    fruit = product_id(make, "Bưởi da xanh Mường Ảng")
    saved = service.save(EvaluationInput(fruit, TODAY, (MemberInput("An", {"A": 20, "B": 10, "C": 15}),)))
    assert saved.stars == 2
    with pytest.raises(ValidationError, match="từ 3 sao trở lên"):
        service.certify(saved.id, CertificationInput(decision="1/QĐ", certified_on=TODAY), today=TODAY)
    with pytest.raises(ValidationError) as caught:
        good = service.save(EvaluationInput(fruit, TODAY, (MemberInput("An", {"A": 30, "B": 20, "C": 15}),)))
        service.certify(good.id, CertificationInput(certified_on=date(2027, 1, 1)), today=TODAY)
    assert set(caught.value.by_field()) == {"decision", "certified_on"}


def test_gap_for_a_product_from_its_latest_evaluation(make):
    service = EvaluationService(make)
    coffee = product_id(make, COFFEE)
    assert service.gap_for(coffee) is None
    service.save(EvaluationInput(coffee, TODAY, (MemberInput("An", SCORES),)))
    result = service.gap_for(coffee)
    assert (result.total, result.gap.stars, result.gap.next_stars, result.gap.needed) == (79, 4, 5, 11)
    assert {x.code for x in result.gap.losses[:3]} == {"B3", "C1.1", "C4"}


def test_a_template_round_trips_and_an_imported_card_overrides_the_shipped_one(make, tmp_path):
    cards = ScorecardService(make)
    path = cards.write_template(tmp_path / "mau.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Hướng dẫn", "Phiếu", "Phần", "Tiêu chí", "Điều kiện loại"]
    ws = wb["Tiêu chí"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 2).value == "C6")
    ws.cell(row, 3).value = "Khả năng xuất khẩu, thị trường toàn cầu"
    wb.save(path)
    info = cards.import_xlsx(path)
    assert (info.origin, info.imported_from) == (IMPORTED, "mau.xlsx")
    assert cards.card("26/2026", "ca-phe-ca-cao").card.find("C6").name == "Khả năng xuất khẩu, thị trường toàn cầu"
    load_shipped_scorecards(make)  # `ocop init` again keeps the office's correction
    assert cards.card("26/2026", "ca-phe-ca-cao").origin == IMPORTED
    restored = cards.restore_shipped("26/2026:ca-phe-ca-cao")
    assert restored.origin == SHIPPED and restored.card.find("C6").name == "Thị trường toàn cầu"


def test_a_card_imported_from_excel_with_a_wrong_total_is_refused_with_sheet_and_row(make, tmp_path):
    cards = ScorecardService(make)
    path = cards.write_template(tmp_path / "sai.xlsx")
    wb = load_workbook(path)
    ws = wb["Tiêu chí"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 2).value == "A1.1")
    ws.cell(row, 5).value = 4  # A1's sub-criteria now add up to 19, not 18
    parts = wb["Phần"]
    parts.cell(3, 3).value = 20  # part B: 20 points, the rule set says 25
    wb.save(path)
    with pytest.raises(ValidationError) as caught:
        cards.import_xlsx(path)
    text = str(caught.value)
    group_row = row - 1
    assert f"Trang «Tiêu chí», dòng {group_row}: các tiêu chí con của A1 «Tổ chức sản xuất» cộng lại 19 điểm" in text
    assert "Trang «Phần», dòng 3: phần B có điểm tối đa 20, khác 25 điểm của bộ tiêu chí 26/2026" in text
    assert cards.card("26/2026", "ca-phe-ca-cao").origin == SHIPPED  # nothing stored


def test_malformed_rows_are_refused_before_the_sums(make, tmp_path):
    cards = ScorecardService(make)
    path = cards.write_template(tmp_path / "hong.xlsx", "148", None)
    wb = load_workbook(path)
    wb["Phiếu"].cell(2, 2).value = "999/2030"
    ws = wb["Tiêu chí"]
    ws.append(["D", "D1", "Tiêu chí lạ", "", 3, "", ""])
    ws.append(["A", "A9", "Con của nhóm chưa có", "A7", "ba", "", ""])
    wb.save(path)
    with pytest.raises(ValidationError) as caught:
        cards.import_xlsx(path)
    text = str(caught.value)
    assert re.search(r"Trang «Tiêu chí», dòng 5: tiêu chí D1 thuộc phần «D» không có", text)
    assert "Trang «Tiêu chí», dòng 6: điểm tối đa của tiêu chí A9 «ba» không phải là số" in text
    assert "tiêu chí nhóm «A7» chưa có" in text


def test_the_scoring_sheet_pdf_holds_the_criteria_with_their_diacritics(make, tmp_path):
    reports = EvaluationReports(make)
    coffee = product_id(make, COFFEE)
    blank = reports.write_sheet(tmp_path / "phieu.pdf", product_id=coffee, on=TODAY)
    text = pdf_text(blank)
    for name in (
        "PHIẾU CHẤM ĐIỂM SẢN PHẨM OCOP",
        "Tổ chức sản xuất",
        "Vùng nguyên liệu được chứng nhận",
        "Sở hữu trí tuệ",
        "Bản sắc địa phương",
        "Chỉ tiêu cảm quan",
        "Đảm bảo chất lượng",
        "Cộng phần A",
        "Toàn bộ nguyên liệu nhập khẩu",
        COFFEE,
    ):
        assert name in text, name
    assert "Kết quả" not in text
    filled = reports.write_sheet(
        tmp_path / "da-cham.pdf", product_id=coffee, on=TODAY, member=MemberInput("Lò Văn An", SCORES)
    )
    text = pdf_text(filled)
    assert "Lò Văn An" in text and "Kết quả: 79 điểm, hạng 4 sao." in text


def test_the_result_pdf_lists_every_member_the_average_and_the_certificate(make, tmp_path):
    service = EvaluationService(make)
    coffee = product_id(make, COFFEE)
    saved = service.save(
        EvaluationInput(
            coffee,
            date(2026, 9, 15),
            (MemberInput("Lò Văn An", SCORES), MemberInput("Quàng Thị Bình", {**SCORES, "C1.1": 10})),
        )
    )
    service.certify(saved.id, CertificationInput(decision="2150/QĐ-UBND", certified_on=date(2026, 10, 2)), today=TODAY)
    text = pdf_text(EvaluationReports(make).write_result(saved.id, tmp_path / "ket-qua.pdf"))
    for piece in (
        "BIÊN BẢN",
        "Kết quả đánh giá, phân hạng sản phẩm OCOP",
        "Lò Văn An",
        "Quàng Thị Bình",
        "Điểm bình quân",
        "tổng điểm bình quân 80/100, hạng 4 sao",
        "có hiệu lực đến hết ngày 02/10/2029",
        "Nộp hồ sơ đánh giá lại từ 05/04/2029 đến 04/06/2029",
    ):
        assert piece in text, piece
