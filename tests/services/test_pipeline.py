"""The candidate pipeline: a survey row's product moved stage by stage, each move checked, refused
with the product and what is missing named; dossiers per rule set; counts per stage and unit."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from ocop_desktop.domain.language import ENGLISH, in_language
from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.persistence.models import AuditEntry
from ocop_desktop.services.dossiers import DossierService, dossier_rules
from ocop_desktop.services.evaluation import CertificationInput, EvaluationInput, EvaluationService, MemberInput
from ocop_desktop.services.pipeline import MoveInput, PipelineService
from ocop_desktop.services.pipeline_types import DossierItemInput
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.scorecards import load_shipped_scorecards
from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService

REGISTERED_ON = date(2025, 8, 4)
EVALUATED_ON = date(2025, 9, 15)
TODAY = date(2025, 10, 1)
ANG_NUA = place_id("xa-ang-nua")
NAME = "Mật ong hoa ban Ẳng Nưa"


@pytest.fixture
def make(make_uow):
    load_sample(make_uow, "muong-ang-2024")
    load_shipped_scorecards(make_uow)
    return make_uow


def promoted(make_uow) -> tuple[str, str]:
    """A product made from a survey row (Tạo sản phẩm tiềm năng): its id and name."""
    surveys = SurveyService(make_uow)
    campaign = surveys.campaigns(today=date(2024, 6, 20))[0]
    (entry,) = surveys.save_entries(campaign.id, ANG_NUA, [SurveyEntryInput(product_name=NAME)])
    return surveys.promote_to_product(entry.id), entry.product_name


def refusal(exc: pytest.ExceptionInfo[ValidationError], language: str | None = None) -> str:
    return exc.value.describe(language)


def test_every_rule_set_lists_its_dossier_with_sources_and_unconfirmed_items():
    rules = dossier_rules()
    assert {"148/2023", "1489/2025", "26/2026"} <= set(rules)
    for code, r in rules.items():
        assert r.source and r.required, code
        names = {i.name for i in r.items}
        assert any("Phiếu đăng ký" in n for n in names), code
    assert any(not i.confirmed for i in rules["1489/2025"].items)


def test_a_survey_rows_product_goes_through_every_stage(make):
    pipeline, dossiers = PipelineService(make), DossierService(make)
    product, name = promoted(make)
    board = pipeline.board()
    potential = board.by_stage["tiem_nang"]
    assert pipeline.row(product).stage == "tiem_nang"

    # Skipping a stage is refused, and so is registering without a date.
    with pytest.raises(ValidationError) as skipped:
        pipeline.move(product, "ho_so_day_du", today=TODAY)
    assert f"«{name}» đang ở giai đoạn «Tiềm năng»" in refusal(skipped)
    assert "«Registered»" in refusal(skipped, ENGLISH)
    with pytest.raises(ValidationError) as undated:
        pipeline.move(product, "dang_ky", MoveInput(round_year=2025), today=TODAY)
    assert "Ngày đăng ký" in refusal(undated)

    row = pipeline.move(
        product,
        "Đăng ký",
        MoveInput(REGISTERED_ON, 2025, 2, dossier_due_on=date(2025, 8, 30)),
        today=TODAY,
    )
    assert (row.stage, row.rule_set_code, row.round) == ("dang_ky", "1489/2025", "2/2025")
    assert row.missing_count == len(dossier_rules()["1489/2025"].required)
    board = pipeline.board()
    assert (board.by_stage["tiem_nang"], board.by_stage["dang_ky"]) == (potential - 1, 1)

    # Every required document but the product story accepted: «hồ sơ đầy đủ» is refused, naming it.
    story = dossier_rules()["1489/2025"].item("cau_chuyen_san_pham")
    assert story is not None
    for item in dossier_rules()["1489/2025"].required:
        if item.code != story.code:
            dossiers.set_item(product, item.code, DossierItemInput("dat", checked_by="Lò Thị Hoa"), today=TODAY)
    dossiers.set_item(product, story.name, DossierItemInput("Đang bổ sung", note="viết lại"), today=TODAY)
    with pytest.raises(ValidationError) as incomplete:
        pipeline.move(product, "ho_so_day_du", today=TODAY)
    assert f"Hồ sơ của «{name}» chưa đầy đủ" in refusal(incomplete)
    assert f"«{story.name}»" in refusal(incomplete)
    assert f"«{story.name_en}»" in refusal(incomplete, ENGLISH) and "not complete" in refusal(incomplete, ENGLISH)
    assert pipeline.row(product).missing == story.name

    dossiers.set_item(product, story.code, DossierItemInput("dat", file_path="/scan/cau-chuyen.pdf"), today=TODAY)
    assert pipeline.move(product, "ho_so_day_du", today=TODAY).stage == "ho_so_day_du"

    # «Đã đánh giá» needs an evaluation since the registration; «được công nhận» its certification.
    with pytest.raises(ValidationError) as unevaluated:
        pipeline.move(product, "da_danh_gia", today=TODAY)
    assert "chưa có kết quả đánh giá nào từ ngày đăng ký 04/08/2025" in refusal(unevaluated)
    evaluations = EvaluationService(make)
    saved = evaluations.save(
        EvaluationInput(product, EVALUATED_ON, (MemberInput("An", {"A": 30, "B": 20, "C": 25}),), level="tinh")
    )
    row = pipeline.move(product, "da_danh_gia", today=TODAY)
    assert (row.stage, row.evaluation_id) == ("da_danh_gia", saved.id)
    with pytest.raises(ValidationError) as uncertified:
        pipeline.move(product, "duoc_cong_nhan", today=TODAY)
    assert "chưa có quyết định công nhận" in refusal(uncertified)
    evaluations.certify(saved.id, CertificationInput(decision="12/QĐ-UBND", certified_on=TODAY), today=TODAY)
    certified = pipeline.move(product, "duoc_cong_nhan", today=TODAY)
    assert (certified.stage, certified.reevaluation_from) == ("duoc_cong_nhan", date(2028, 9, 1))

    # The re-evaluation window of 1489 (warned 30 days before expiry) is years away.
    with pytest.raises(ValidationError) as early:
        pipeline.move(product, "sap_danh_gia_lai", today=TODAY)
    assert "hết hạn ngày 01/10/2028" in refusal(early) and "01/09/2028" in refusal(early)
    assert pipeline.move(product, "sap_danh_gia_lai", today=date(2028, 9, 2)).stage == "sap_danh_gia_lai"

    board = pipeline.board()
    assert board.by_stage["sap_danh_gia_lai"] == 1 and board.by_stage["tiem_nang"] == potential - 1

    # Re-evaluation: a new round with a dossier of its own, under the rules in force then.
    again = pipeline.move(product, "dang_ky", MoveInput(date(2028, 9, 5), 2028), today=date(2028, 9, 5))
    assert (again.stage, again.round, again.rule_set_code) == ("dang_ky", "1/2028", "26/2026")
    assert again.missing_count == len(dossier_rules()["26/2026"].required)
    assert len(dossiers.dossier(product).missing) == again.missing_count
    with make() as uow:
        actions = uow.session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "candidacies")).all()
        items = uow.session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "dossier_items")).all()
    assert "pipeline:create" in actions and "pipeline:update" in actions
    assert "dossier:create" in items


def test_counts_per_unit_and_filters(make):
    pipeline = PipelineService(make)
    product, name = promoted(make)
    board = pipeline.board()
    row = next(r for r in board.rows if r.product_id == product)
    assert row.unit and board.by_unit[row.unit] >= 1
    only = pipeline.board(stage="tiem_nang", unit_id=row.unit_id)
    assert {r.stage for r in only.rows} == {"tiem_nang"} and {r.unit for r in only.rows} == {row.unit}
    assert product in {r.product_id for r in pipeline.board(search=name[:6].upper()).rows}


def test_a_limited_board_builds_the_first_rows_and_counts_them_all(make):
    pipeline = PipelineService(make)
    promoted(make)
    whole = pipeline.board()
    assert len(whole.rows) >= 3 and not whole.cut
    first = pipeline.board(limit=2)
    # The same order, cut after two rows; the counts and the total still cover every product.
    assert [r.product_id for r in first.rows] == [r.product_id for r in whole.rows[:2]]
    assert first.cut and first.total == len(whole.rows)
    assert first.by_stage == whole.by_stage and first.by_unit == whole.by_unit and first.units == whole.units
    stage = whole.rows[-1].stage
    narrowed = pipeline.board(stage=stage, limit=len(whole.rows))
    assert not narrowed.cut and narrowed.rows == [r for r in whole.rows if r.stage == stage]


def test_unit_counts_can_stop_after_the_first_units_and_a_district_covers_its_communes(make):
    """The window asks for the first units' counts only (a national board counts 9,000 units)
    and no unit list; choosing a district shows the products of its communes, as the registry does."""
    pipeline = PipelineService(make)
    promoted(make)
    whole = pipeline.board()
    assert len(whole.by_unit) >= 2 and whole.unit_count == len(whole.by_unit)
    cut = pipeline.board(unit_lines=1, unit_choices=False)
    first_name, first_count = next(iter(whole.by_unit.items()))
    assert cut.by_unit == {first_name: first_count} and cut.unit_count == whole.unit_count
    assert cut.units_listed == 1 and whole.units_listed == whole.unit_count
    assert cut.units == [] and cut.by_stage == whole.by_stage and cut.rows == whole.rows
    communes = {r.unit_id for r in whole.rows if r.unit_id}
    district = pipeline.board(unit_id=place_id("huyen-muong-ang"))
    assert {r.product_id for r in district.rows} == {r.product_id for r in whole.rows if r.unit_id in communes}
    assert district.rows and (district.total is None or district.total == len(district.rows))
    one = pipeline.board(unit_id=ANG_NUA)
    assert one.rows and {r.unit_id for r in one.rows} == {ANG_NUA}
    assert sum(one.by_stage.values()) == len(one.rows)


def test_a_dossier_before_registration_and_unknown_items_are_refused(make):
    dossiers = DossierService(make)
    product, name = promoted(make)
    with pytest.raises(ValidationError) as early:
        dossiers.dossier(product)
    assert f"«{name}» chưa đăng ký" in refusal(early)
    PipelineService(make).move(product, "dang_ky", MoveInput(REGISTERED_ON, 2025), today=TODAY)
    with pytest.raises(ValidationError) as wrong:
        dossiers.set_item(product, "giấy khen", DossierItemInput("xong", checked_on=date(2030, 1, 1)), today=TODAY)
    text = in_language(refusal(wrong))
    assert "không có tài liệu «giấy khen»" in text and "«Tình trạng» «xong» không có" in text
    assert "«Ngày kiểm tra» 01/01/2030 ở tương lai" in text
    shown = dossiers.dossier(name)
    assert shown.round == "1/2025" and len(shown.missing) == len(dossier_rules()["1489/2025"].required)
