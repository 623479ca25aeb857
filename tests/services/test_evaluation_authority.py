"""Who evaluates and certifies which stars, per rule set: a result beyond the evaluating level's
authority prints a proposal instead of a star class and is not certified at that level."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ocop_desktop.domain.rules import certify_refusal, result_phrase, rule_set_from_dict
from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.paths import resources_dir
from ocop_desktop.services.evaluation import CertificationInput, EvaluationInput, EvaluationService, MemberInput
from ocop_desktop.services.evaluation_reports import EvaluationReports
from ocop_desktop.services.products import ProductService
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.scorecards import load_shipped_scorecards
from tests.pdftext import pdf_text

COFFEE = "Cà phê bột Hà Chung - bột pha phin"
TEA = "Trà San tuyết P.H 14"
TODAY = date(2026, 11, 28)
MINISTRY = "cấp trung ương (Bộ Nông nghiệp và Môi trường)"
RULE_SETS = {
    d["code"]: rule_set_from_dict(d)
    for d in json.loads((resources_dir() / "reference/rule_sets.json").read_text("utf-8"))["rule_sets"]
}


@pytest.fixture
def make(make_uow):
    load_sample(make_uow, "muong-ang-2024")
    load_shipped_scorecards(make_uow)
    return make_uow


def product(make_uow, name: str):
    return next(p for p in ProductService(make_uow).list() if p.name == name)


def held(p) -> tuple:
    """What a certificate would change on the product."""
    return (
        p.stars,
        p.score,
        p.status,
        p.certificate_no,
        p.certifying_decision,
        p.certifying_body,
        p.certified_on,
        p.expires_on,
    )


def saved_totals(service, name_id: str, on: date, level: str, parts: dict):
    return service.save(EvaluationInput(name_id, on, (MemberInput("Lò Văn An", parts),), level=level))


# -- the data ------------------------------------------------------------------------------------------
def test_each_rule_set_says_which_level_certifies_which_stars_with_its_source():
    certifies = {code: {a.level: a.certifies for a in r.authorities} for code, r in RULE_SETS.items()}
    assert certifies["1048/2019"] == {"xa": (), "huyen": (), "tinh": (3, 4), "trung_uong": (5,)}
    assert certifies["148/2023"] == {"xa": (), "huyen": (3,), "tinh": (4,), "trung_uong": (5,)}
    for code in ("1489/2025", "26/2026"):
        assert certifies[code] == {"xa": (), "huyen": (), "tinh": (3, 4), "trung_uong": (5,)}
        assert RULE_SETS[code].authority("xa").evaluates is False
        assert RULE_SETS[code].authority("trung_uong").body == "Bộ Nông nghiệp và Môi trường"
    for rules in RULE_SETS.values():
        assert "http" in rules.authority_source or "26/2026" in rules.authority_source
        # Every certified class has exactly one certifying level, and the band names its body.
        for stars in (3, 4, 5):
            owners = [a for a in rules.authorities if stars in a.certifies]
            assert len(owners) == 1 and rules.band(stars).certified_by == owners[0].body


# -- 1489: the province proposes a product of 90 points or more -----------------------------------------
def test_a_1489_provincial_evaluation_of_92_points_is_proposed_not_rated_and_not_certified(make, tmp_path):
    service = EvaluationService(make)
    coffee = product(make, COFFEE)
    before = held(coffee)
    saved = saved_totals(service, coffee.id, date(2025, 9, 15), "tinh", {"A": 38, "B": 22, "C": 32})
    assert (saved.rule_set_code, saved.total, saved.stars) == ("1489/2025", 92, 5)

    text = pdf_text(EvaluationReports(make).write_result(saved.id, tmp_path / "ket-qua.pdf"))
    assert f"đề nghị {MINISTRY} đánh giá, công nhận" in text
    assert "vượt thẩm quyền công nhận của cấp tỉnh (công nhận 3–4 sao)" in text
    assert "hạng 5 sao" not in text and "chưa đối chiếu" not in text

    with pytest.raises(ValidationError) as caught:
        service.certify(
            saved.id, CertificationInput(decision="2150/QĐ-UBND", certified_on=date(2025, 10, 2)), today=TODAY
        )
    message = str(caught.value)
    assert "vượt thẩm quyền công nhận của cấp tỉnh theo Quyết định 1489/QĐ-TTg" in message
    assert f"hạng 5 sao do {MINISTRY} đánh giá, công nhận" in message
    assert held(product(make, COFFEE)) == before
    assert service.history(coffee.id)[0].certified is False and service.get(saved.id).certification is None


def test_a_1489_provincial_result_of_4_stars_is_certified_by_the_province_never_by_the_ministry(make, tmp_path):
    service = EvaluationService(make)
    coffee = product(make, COFFEE)
    saved = saved_totals(service, coffee.id, date(2025, 9, 15), "tinh", {"A": 32, "B": 20, "C": 28})
    assert saved.stars == 4
    with pytest.raises(
        ValidationError, match="«Cơ quan công nhận» Bộ Nông nghiệp và Môi trường là cơ quan của cấp trung ương"
    ):
        service.certify(
            saved.id,
            CertificationInput(
                decision="9/QĐ-UBND", certified_on=date(2025, 10, 2), body="Bộ Nông nghiệp và Môi trường"
            ),
            today=TODAY,
        )
    cert = service.certify(
        saved.id, CertificationInput(decision="9/QĐ-UBND", certified_on=date(2025, 10, 2)), today=TODAY
    )
    assert (cert.stars, cert.body) == (4, "UBND cấp tỉnh")
    assert product(make, COFFEE).certifying_body == "UBND cấp tỉnh"
    text = pdf_text(EvaluationReports(make).write_result(saved.id, tmp_path / "ket-qua.pdf"))
    assert "tổng điểm bình quân 80/100, hạng 4 sao" in text and "của UBND cấp tỉnh" in text
    assert "đề nghị" not in text


def test_under_1489_a_commune_does_not_evaluate_it_checks_and_proposes(make, tmp_path):
    service = EvaluationService(make)
    coffee = product(make, COFFEE)
    before = held(coffee)
    saved = saved_totals(service, coffee.id, date(2025, 9, 15), "xa", {"A": 30, "B": 20, "C": 25})
    text = pdf_text(EvaluationReports(make).write_result(saved.id, tmp_path / "kiem-tra.pdf"))
    assert "Theo Quyết định 1489/QĐ-TTg, cấp xã không đánh giá, phân hạng sản phẩm" in text
    assert "đề nghị cấp tỉnh (UBND cấp tỉnh) đánh giá, công nhận" in text and "hạng 4 sao" not in text
    with pytest.raises(
        ValidationError,
        match="cấp xã không đánh giá, phân hạng sản phẩm .* hạng 4 sao do "
        r"cấp tỉnh \(UBND cấp tỉnh\) đánh giá, công nhận",
    ):
        service.certify(saved.id, CertificationInput(decision="1/QĐ-UBND", certified_on=date(2025, 10, 2)), today=TODAY)
    assert held(product(make, COFFEE)) == before


# -- 148: the district certifies 3 stars only ------------------------------------------------------------
def test_under_148_a_district_refuses_4_stars_naming_the_province_and_certifies_3(make, tmp_path):
    service = EvaluationService(make)
    tea = product(make, TEA)
    before = held(tea)
    four = saved_totals(service, tea.id, date(2024, 8, 20), "huyen", {"A": 30, "B": 20, "C": 25})
    assert (four.rule_set_code, four.stars) == ("148/2023", 4)
    text = pdf_text(EvaluationReports(make).write_result(four.id, tmp_path / "huyen.pdf"))
    assert "từ 70 điểm trở lên, vượt thẩm quyền công nhận của cấp huyện (công nhận 3 sao)" in text
    assert "đề nghị cấp tỉnh (UBND cấp tỉnh) đánh giá, công nhận" in text and "hạng 4 sao" not in text
    with pytest.raises(ValidationError) as caught:
        service.certify(four.id, CertificationInput(decision="88/QĐ-UBND", certified_on=date(2024, 9, 30)), today=TODAY)
    assert (
        "vượt thẩm quyền công nhận của cấp huyện theo Quyết định 148/QĐ-TTg (cấp huyện công nhận 3 sao): "
        "hạng 4 sao do cấp tỉnh (UBND cấp tỉnh) đánh giá, công nhận"
    ) in str(caught.value)
    assert held(product(make, TEA)) == before

    three = saved_totals(service, tea.id, date(2024, 8, 21), "huyen", {"A": 25, "B": 15, "C": 20})
    cert = service.certify(
        three.id, CertificationInput(decision="89/QĐ-UBND", certified_on=date(2024, 9, 30)), today=TODAY
    )
    assert (cert.stars, cert.body, product(make, TEA).stars) == (3, "UBND cấp huyện", 3)


def test_under_148_the_central_council_certifies_5_stars_but_not_4(make):
    service = EvaluationService(make)
    tea = product(make, TEA)
    four = saved_totals(service, tea.id, date(2024, 8, 20), "trung_uong", {"A": 30, "B": 20, "C": 25})
    with pytest.raises(
        ValidationError,
        match=r"cấp trung ương công nhận 5 sao; kết quả 75 điểm \(4 sao\) do cấp "
        r"tỉnh \(UBND cấp tỉnh\) công nhận",
    ):
        service.certify(four.id, CertificationInput(decision="1/QĐ-BNN", certified_on=date(2024, 9, 30)), today=TODAY)
    five = saved_totals(service, tea.id, date(2024, 8, 21), "trung_uong", {"A": 38, "B": 22, "C": 32})
    cert = service.certify(
        five.id, CertificationInput(decision="2/QĐ-BNN", certified_on=date(2024, 9, 30)), today=TODAY
    )
    assert cert.stars == 5 and cert.body.startswith("Bộ Nông nghiệp và Phát triển nông thôn")


def test_under_1048_the_district_evaluates_but_every_certified_class_goes_to_the_province(make):
    rules = RULE_SETS["1048/2019"]
    standing = rules.standing("huyen", 3)
    assert (standing.may_certify, standing.proposed_to.level, standing.threshold) == (False, "tinh", 50)
    assert rules.standing("tinh", 4).may_certify and not rules.standing("tinh", 5).may_certify


def test_a_rule_set_without_levels_or_an_unknown_level_restricts_nothing_and_never_fails():
    legacy = rule_set_from_dict(
        {
            **json.loads((resources_dir() / "reference/rule_sets.json").read_text("utf-8"))["rule_sets"][2],
            "authority": None,
        }
    )
    standing = legacy.standing("tinh", 5)
    assert standing.may_certify and certify_refusal(legacy, standing, "92") is None
    assert result_phrase(legacy, standing, "92", "100") == "Kết quả: tổng điểm bình quân 92/100, hạng 5 sao."
    assert RULE_SETS["1489/2025"].standing("bogus", 5).level is None
