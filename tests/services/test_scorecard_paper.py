"""A card scored by part totals says so in the window and the terminal, never on paper."""

from __future__ import annotations

from datetime import date

import pytest

from ocop_desktop.services.evaluation import EvaluationInput, EvaluationService, MemberInput
from ocop_desktop.services.evaluation_reports import EvaluationReports
from ocop_desktop.services.products import ProductService
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.scorecards import load_shipped_scorecards
from tests.pdftext import pdf_text

INTERNAL = ("chưa đối chiếu", "ocop scorecards", "Lưu ý", "mẫu Excel", "văn bản gốc")


@pytest.fixture
def make(make_uow):
    load_sample(make_uow, "muong-ang-2024")
    load_shipped_scorecards(make_uow)
    return make_uow


@pytest.mark.parametrize("rules,on", [("148/2023", date(2024, 8, 20)), ("1489/2025", date(2025, 9, 15))])
def test_part_total_cards_print_their_parts_and_no_note_about_them(make, tmp_path, rules, on):
    tea = next(p.id for p in ProductService(make).list() if p.name == "Trà San tuyết P.H 14")
    reports = EvaluationReports(make)
    card = reports.sheet_card(rules, tea, None, on)[0]
    assert card.confirmed is False and card.note  # the window and the terminal have something to say
    blank = pdf_text(reports.write_sheet(tmp_path / "phieu.pdf", rule_set_code=rules, product_id=tea, on=on))
    service = EvaluationService(make)
    saved = service.save(EvaluationInput(tea, on, (MemberInput("An", {"A": 30, "B": 20, "C": 10}),), level="tinh"))
    result = pdf_text(reports.write_result(saved.id, tmp_path / "ket-qua.pdf"))
    for text in (blank, result):
        assert "Phần A. Sản phẩm và sức mạnh cộng đồng (tối đa 40 điểm)" in text
        assert "Phần C. Chất lượng sản phẩm (tối đa 35 điểm)" in text
        for note in INTERNAL:
            assert note not in text, note
