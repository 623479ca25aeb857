"""Record versions beyond the registry (issue 18 item 2, migration 0022): letters, survey rounds,
the units' statuses, survey rows, activities, pipeline stages and evaluations. A save made on what
someone else has saved since is refused, naming that person, and writes nothing; on a server the
refusal holds even when both people passed the check before either committed."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy.orm.exc import StaleDataError as ConcurrentSave

from ocop_desktop.domain.validation import StaleDataError
from ocop_desktop.persistence.database import open_database
from ocop_desktop.persistence.models import (
    Activity,
    Candidacy,
    Directive,
    DossierItem,
    Evaluation,
    Place,
    Product,
    RuleSetRow,
    SurveyCampaign,
    UnitSubmission,
)
from ocop_desktop.services import surveys as survey_module
from ocop_desktop.services.activities import ActivityService
from ocop_desktop.services.activity_types import ActivityInput
from ocop_desktop.services.campaigns import CampaignService
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService
from ocop_desktop.services.task_types import DirectiveInput
from ocop_desktop.services.tasks import TaskService

ANG_NUA = place_id("xa-ang-nua")

JUNE_20 = date(2024, 6, 20)


def _letter(subject: str) -> DirectiveInput:
    return DirectiveInput(
        number="155/UBND-NN", issuer="UBND huyện Mường Ảng", issued_on=date(2024, 6, 14), subject=subject
    )


def test_a_directive_saved_over_an_older_form_is_refused_naming_who_saved_it(db, make_uow):
    letter = TaskService(make_uow).create_directive(_letter("Rà soát sản phẩm OCOP"))
    first = TaskService(db.uow_factory(actor="Nguyễn Văn An"))
    second = TaskService(db.uow_factory(actor="Trần Thị Bình"))
    # Both opened the form on the same letter; the first saves.
    first.update_directive(letter.id, _letter("Rà soát, đánh giá sản phẩm OCOP"), expected_updated_at=letter.updated_at)
    with pytest.raises(StaleDataError) as refused:
        second.update_directive(letter.id, _letter("Kế hoạch năm 2025"), expected_updated_at=letter.updated_at)
    message = refused.value.describe()
    assert "Văn bản chỉ đạo «Số 155/UBND-NN" in message
    assert "đã được Nguyễn Văn An sửa lúc " in message and "sau khi bạn mở nó" in message
    assert "Chưa lưu gì" in message and "mở lại văn bản" in message
    assert [d.subject for d in first.directives()] == ["Rà soát, đánh giá sản phẩm OCOP"]  # nothing lost


def test_a_campaign_changed_since_it_was_shown_is_refused_naming_who_changed_it(db, make_uow):
    load_sample(make_uow, "muong-ang-2024")
    shown = CampaignService(make_uow).by_year(2024)
    CampaignService(db.uow_factory(actor="Lò Văn Cường")).close(shown.id, on=JUNE_20, expected_version=shown.version)
    with pytest.raises(StaleDataError) as refused:
        CampaignService(db.uow_factory(actor="Trần Thị Bình")).delete(shown.id, expected_version=shown.version)
    assert "đã được Lò Văn Cường sửa lúc " in refused.value.describe()
    assert CampaignService(make_uow).get(shown.id).closed_on == JUNE_20


def test_an_activity_saved_over_an_older_form_is_refused_naming_who_saved_it(db, make_uow):
    activities = ActivityService(make_uow)
    fair = activities.create(ActivityInput(kind="hoi_cho", title="Hội chợ OCOP Điện Biên", held_on=date(2024, 9, 5)))
    ActivityService(db.uow_factory(actor="Nguyễn Văn An")).update(
        fair.id,
        ActivityInput(kind="hoi_cho", title="Hội chợ OCOP Điện Biên 2024", held_on=date(2024, 9, 5)),
        expected_updated_at=fair.updated_at,
    )
    with pytest.raises(StaleDataError, match="Hoạt động «Hội chợ OCOP Điện Biên 2024» đã được Nguyễn Văn An sửa"):
        activities.update(
            fair.id,
            ActivityInput(kind="hoi_cho", title="Hội chợ khác", held_on=date(2024, 9, 6)),
            expected_updated_at=fair.updated_at,
        )
    assert activities.get(fair.id).title == "Hội chợ OCOP Điện Biên 2024"
    # Nor deleted from a list that showed the older one.
    with pytest.raises(StaleDataError, match="đã được Nguyễn Văn An sửa"):
        activities.delete(fair.id, expected_updated_at=fair.updated_at)
    assert activities.get(fair.id).title == "Hội chợ OCOP Điện Biên 2024"


# -- on a server: both pass the check before either commits ---------------------------------------


def _rows_of_every_versioned_kind(session) -> dict[type, object]:
    """One row of each table migration 0022 versions, with only what its columns require."""
    unit = Place(key="test:xa-a", code="99999", name="Xã Thử", kind="xa")
    campaign = SurveyCampaign(year=2024, title="Rà soát năm 2024")
    product = Product(name="Chè Shan tuyết", status="tiem_nang")
    rules = RuleSetRow(
        code="TEST", decision="Thử", title="Bộ thử", signed_on=date(2024, 1, 1), effective_from=date(2024, 1, 1)
    )
    rules.certificate_months = 36
    session.add_all([unit, campaign, product, rules])
    session.flush()
    rows = {
        Directive: Directive(subject="Rà soát sản phẩm OCOP"),
        SurveyCampaign: campaign,
        UnitSubmission: UnitSubmission(campaign_id=campaign.id, unit_id=unit.id, status="chua_nop"),
        Activity: Activity(kind="hoi_cho", title="Hội chợ", held_on=date(2024, 9, 5)),
        Candidacy: Candidacy(product_id=product.id, stage="tiem_nang"),
        Evaluation: Evaluation(
            product_id=product.id, rule_set_id=rules.id, evaluated_on=date(2024, 9, 5), level="huyen"
        ),
    }
    session.add_all([r for r in rows.values() if r is not campaign])
    session.flush()
    rows[DossierItem] = DossierItem(candidacy_id=rows[Candidacy].id, item_code="phieu_kiem_nghiem", status="chua_co")
    session.add(rows[DossierItem])
    session.flush()
    return rows


# The column each kind's test changes (a note, present on every one of them but named differently).
NOTE_COLUMN = {
    Directive: "notes",
    SurveyCampaign: "issuing_letter",
    UnitSubmission: "note",
    Activity: "result",
    Candidacy: "notes",
    DossierItem: "note",
    Evaluation: "notes",
}


@pytest.mark.xdist_group("postgresql")
def test_of_two_saves_past_the_check_at_once_on_a_server_the_second_writes_nothing(pg_url):
    """For each kind: person B reads the row (its version 1), person A saves it and commits, then
    B's save names version 1 and matches no row: SQLAlchemy refuses it and A's value stays."""
    db = open_database(pg_url)
    try:
        with db.uow_factory(actor="Quản trị")() as uow:
            ids = {model: row.id for model, row in _rows_of_every_versioned_kind(uow.session).items()}
            uow.commit()
        for model, record_id in ids.items():
            column = NOTE_COLUMN[model]
            with db.uow_factory(actor="Trần Thị Bình")() as second:
                late = second.session.get(model, record_id)
                assert late.version == 1
                with db.uow_factory(actor="Nguyễn Văn An")() as first:
                    setattr(first.session.get(model, record_id), column, "của An")
                    first.commit()
                setattr(late, column, "của Bình")
                with pytest.raises(ConcurrentSave):
                    second.commit()
            with db.uow_factory()() as uow:
                stored = uow.session.get(model, record_id)
                assert (getattr(stored, column), stored.version) == ("của An", 2), model.__name__
    finally:
        db.close()


@pytest.mark.xdist_group("postgresql")
def test_two_people_saving_one_units_rows_at_once_on_a_server_take_turns(pg_url, monkeypatch):
    """Bình's save holds the unit while it compares and writes; An's save of the same rows, started
    meanwhile, waits, then sees Bình's rows and is refused naming her: no lost update."""
    db = open_database(pg_url)
    try:
        from ocop_desktop.services.reference import load_reference

        admin = db.uow_factory(actor="Quản trị")
        load_reference(admin)
        load_sample(admin, "muong-ang-2024")
        surveys = SurveyService(admin)
        (campaign,) = surveys.campaigns(today=JUNE_20)
        (tea,) = surveys.save_entries(campaign.id, ANG_NUA, [SurveyEntryInput(product_name="Chè")])
        loaded = {tea.id: tea.updated_at}
        an = SurveyService(db.uow_factory(actor="Nguyễn Văn An"))
        binh = SurveyService(db.uow_factory(actor="Trần Thị Bình"))
        outcome: list[BaseException | None] = []

        def an_saves() -> None:
            try:
                an.save_entries(
                    campaign.id,
                    ANG_NUA,
                    [SurveyEntryInput(id=tea.id, version=tea.updated_at, product_name="Chè An")],
                    loaded=loaded,
                )
                outcome.append(None)
            except BaseException as exc:  # noqa: BLE001  (handed to the test's thread)
                outcome.append(exc)

        check = survey_module.stale_changes
        started: list[threading.Thread] = []

        def compare_while_an_starts(*args, **kwargs):
            if not started:  # Bình holds the unit and is about to compare: An saves now
                started.append(threading.Thread(target=an_saves))
                started[0].start()
                started[0].join(timeout=1.0)
                assert started[0].is_alive(), "An's save did not wait for Bình's"
            return check(*args, **kwargs)

        monkeypatch.setattr(survey_module, "stale_changes", compare_while_an_starts)
        binh.save_entries(
            campaign.id,
            ANG_NUA,
            [SurveyEntryInput(id=tea.id, version=tea.updated_at, product_name="Chè Bình")],
            loaded=loaded,
        )
        started[0].join(timeout=60)
        (refusal,) = outcome
        assert isinstance(refusal, StaleDataError)
        assert "Dòng «Chè Bình» đã được Trần Thị Bình sửa lúc " in refusal.describe()
        assert [e.product_name for e in surveys.unit_entries(campaign.id, ANG_NUA)] == ["Chè Bình"]
    finally:
        db.close()


@pytest.mark.xdist_group("postgresql")
def test_two_writers_on_a_server_wait_for_each_other_instead_of_deadlocking(pg_url):
    """A holds the audit chain (its first flush) and then changes a row B wants: B, started in
    between, waits for the chain before touching any row, so A goes on and commits, and B's save,
    based on the version before A's, is refused by its version: no deadlock error for either.
    (Were the chain's lock taken after a flush's rows, B would hold letter 2 while waiting for
    the chain A holds, and A's change of letter 2 would wait for B: PostgreSQL ends one of them.)"""
    db = open_database(pg_url)
    try:
        with db.uow_factory(actor="Quản trị")() as uow:
            letters = [Directive(subject="Văn bản 1"), Directive(subject="Văn bản 2")]
            uow.session.add_all(letters)
            uow.commit()
            first_id, second_id = (d.id for d in letters)
        outcome: list[BaseException | None] = []

        def b_saves_letter_2() -> None:
            try:
                with db.uow_factory(actor="Trần Thị Bình")() as b:
                    b.session.get(Directive, second_id).notes = "của Bình"
                    b.commit()
                outcome.append(None)
            except BaseException as exc:  # noqa: BLE001  (handed to the test's thread)
                outcome.append(exc)

        with db.uow_factory(actor="Nguyễn Văn An")() as a:
            a.session.get(Directive, first_id).notes = "của An"
            a.session.flush()  # A now holds the chain
            second = a.session.get(Directive, second_id)
            b = threading.Thread(target=b_saves_letter_2)
            b.start()
            b.join(timeout=1.5)  # B reads letter 2 (version 1) and waits at its flush
            assert b.is_alive()
            second.notes = "của An"
            a.commit()
        b.join(timeout=60)
        (refusal,) = outcome
        assert isinstance(refusal, ConcurrentSave)  # not psycopg's DeadlockDetected
        with db.uow_factory()() as uow:
            assert uow.session.get(Directive, second_id).notes == "của An"
    finally:
        db.close()
