"""Two communes send their packages to the district; every record arrives once, conflicts wait for a person."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.services.exchange import ConflictsUnresolved, Outcome
from ocop_desktop.services.producers import ProducerInput, ProducerService
from ocop_desktop.services.products import ProductInput, ProductService
from ocop_desktop.services.surveys import SurveyEntryInput
from ocop_desktop.services.tasks import TaskService
from tests.services.exchange.conftest import dump

DEADLINE_DAY = date(2024, 7, 5)


def table_rows(path, skip=("audit_log", "exchange_imports", "exchange_outbox")) -> dict[str, list[tuple]]:
    con = sqlite3.connect(path)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'") if r[0] not in skip]
        # A record's version counts the saves made here, an undo's included (migrations 0017,
        # 0022): what an undo restores is everything else.
        kept = {
            n: ", ".join(f'"{r[1]}"' for r in con.execute(f'PRAGMA table_info("{n}")') if r[1] != "version")
            for n in names
        }
        out = {n: sorted(map(repr, con.execute(f'SELECT {kept[n]} FROM "{n}"'))) for n in names}
        # The audit log's hash-chain head moves with every audited change, undo included.
        out["app_meta"] = [row for row in out.get("app_meta", []) if "audit_head" not in row]
        return out
    finally:
        con.close()


def fill_commune_a(a):
    producer = ProducerService(a.make_uow).create(ProducerInput(name="HTX Chè Ẳng Nưa", kind="hop_tac_xa"))
    product = ProductService(a.make_uow).create(
        ProductInput(name="Chè Shan tuyết Ẳng Nưa", producer_id=producer.id, commune_id=a.unit_id, status="tiem_nang")
    )
    campaign = a.campaign_id()
    a.surveys.save_entries(
        campaign,
        a.unit_id,
        [
            SurveyEntryInput(
                product_name="Chè Shan tuyết",
                producer="HTX Chè Ẳng Nưa",
                output_quantity="1.200",
                unit_of_measure="kg",
                price_vnd="150.000 đ",
            ),
            SurveyEntryInput(product_name="Gạo nếp nương", output_quantity="12,5", unit_of_measure="tấn"),
        ],
    )
    a.surveys.set_submission(campaign, a.unit_id, "da_nop", date(2024, 7, 3))
    tasks = TaskService(a.make_uow)
    task = next(t for t in tasks.list() if t.due_on == DEADLINE_DAY)
    tasks.add_progress(task.id, date(2024, 7, 3), "Đã gửi báo cáo rà soát", author="Lò Văn Anh")
    return product, task


def fill_commune_b(b):
    campaign = b.campaign_id()
    b.surveys.save_entries(campaign, b.unit_id, [SurveyEntryInput(product_name="Mật ong bạc hà", price_vnd="400000")])
    b.surveys.set_submission(campaign, b.unit_id, "da_nop", date(2024, 7, 8))


@pytest.fixture
def sent(communes, tmp_path):
    a, b, _r = communes
    product, task = fill_commune_a(a)
    fill_commune_b(b)
    pa = tmp_path / "a.ocop.zip"
    pb = tmp_path / "b.ocop.zip"
    a.exchange.export(pa, include_reports=False)
    b.exchange.export(pb, include_reports=False)
    return pa, pb, product, task


@pytest.mark.parametrize("order", ["a-then-b", "b-then-a"])
def test_every_record_of_both_communes_arrives_once(communes, sent, order):
    a, b, r = communes
    pa, pb, product, task = sent
    for path in (pa, pb) if order == "a-then-b" else (pb, pa):
        assert r.exchange.import_package(path).applied
    campaign = r.campaign_id()
    entries = r.surveys.entries(campaign)
    assert sorted(e.id for e in entries) == sorted(
        e.id for e in a.surveys.entries(campaign) + b.surveys.entries(campaign)
    )
    assert [e.product_name for e in entries if e.unit_id == a.unit_id] == ["Chè Shan tuyết", "Gạo nếp nương"]
    assert next((e.price_vnd, e.output_quantity) for e in entries if e.unit_id == a.unit_id) == (150000, 1200.0)
    products = ProductService(r.make_uow).list()
    assert len(products) == 11 and [p.name for p in products].count("Chè Shan tuyết Ẳng Nưa") == 1
    assert ProductService(r.make_uow).get(product.id).producer == "HTX Chè Ẳng Nưa"
    assert [p.text for p in TaskService(r.make_uow).progress(task.id)] == ["Đã gửi báo cáo rà soát"]
    # Each commune's untouched copy of its neighbour's submission never undoes what the neighbour sent.
    units = {u.unit_id: u for u in r.surveys.campaign_units(campaign, today=date(2024, 7, 10))}
    assert (units[a.unit_id].status, units[a.unit_id].submitted_on) == ("da_nop", date(2024, 7, 3))
    assert (units[b.unit_id].status, units[b.unit_id].submitted_on) == ("da_nop", date(2024, 7, 8))
    assert sum(u.status == "da_nop" for u in units.values()) == 2


def test_campaign_view_shows_who_submitted_when_and_the_on_time_rate(communes, sent):
    a, b, r = communes
    pa, pb, *_ = sent
    r.exchange.import_package(pa)
    r.exchange.import_package(pb)
    [campaign] = r.exchange.campaign_timeliness(today=date(2024, 7, 10))
    units = {u.unit_id: u for u in campaign.units}
    assert (units[a.unit_id].on_time, units[b.unit_id].on_time) == (True, False)
    assert units[a.unit_id].received_at is not None and units[b.unit_id].received_at is not None
    assert (campaign.unit_count, campaign.submitted_count, campaign.on_time_count, campaign.late_count) == (10, 2, 1, 1)
    assert campaign.missing_count == 8
    assert campaign.on_time_rate == pytest.approx(0.1)


def test_the_same_package_twice_changes_nothing(communes, sent):
    _a, _b, r = communes
    pa, *_ = sent
    r.exchange.import_package(pa)
    r.close()
    before = dump(r.path)
    r.open()
    result = r.exchange.import_package(pa)
    assert not result.applied and result.preview.already_imported_at is not None
    r.close()
    assert dump(r.path) == before


def test_a_product_changed_in_both_offices_is_a_conflict_not_an_overwrite(communes, sent, tmp_path):
    a, _b, r = communes
    pa, _pb, product, _ = sent
    r.exchange.import_package(pa)
    here = ProductService(r.make_uow)
    dto = here.get(product.id)
    base = ProductInput(name=dto.name, producer_id=dto.producer_id, commune_id=dto.commune_id, status=dto.status)
    here.update(product.id, ProductInput(**{**base.__dict__, "notes": "Huyện đã thẩm định hồ sơ"}))
    ProductService(a.make_uow).update(
        product.id, ProductInput(**{**base.__dict__, "name": "Chè Shan tuyết Ẳng Nưa loại 1", "notes": "Xã bổ sung"})
    )
    changes = tmp_path / "a-changes.ocop.zip"
    assert a.exchange.export(changes, changes_only=True, include_reports=False).scope == "changes"

    preview = r.exchange.preview(changes)
    [conflict] = preview.conflicts
    assert (conflict.entity, conflict.record_id, conflict.title) == (
        "products",
        product.id,
        "Chè Shan tuyết Ẳng Nưa loại 1",
    )
    assert {(f.label, f.here, f.there) for f in conflict.fields} == {
        ("Tên", "Chè Shan tuyết Ẳng Nưa", "Chè Shan tuyết Ẳng Nưa loại 1"),
        ("Ghi chú", "Huyện đã thẩm định hồ sơ", "Xã bổ sung"),
    }
    r.close()
    before = dump(r.path)
    r.open()
    with pytest.raises(ConflictsUnresolved) as refused:
        r.exchange.import_package(changes)
    assert "Chè Shan tuyết Ẳng Nưa" in str(refused.value) and "--prefer" in str(refused.value)
    r.close()
    assert dump(r.path) == before  # nothing written, the receiver's edit included
    r.open()

    result = r.exchange.import_package(changes, choices={conflict.key: "here"})
    assert result.counts["conflicts_here"] == 1
    assert ProductService(r.make_uow).get(product.id).notes == "Huyện đã thẩm định hồ sơ"
    # The choice can be revisited: undo the import and take the commune's version this time.
    r.exchange.undo(preview.package.package_id)
    r.exchange.import_package(changes, prefer="there")
    kept = ProductService(r.make_uow).get(product.id)
    assert (kept.name, kept.notes) == ("Chè Shan tuyết Ẳng Nưa loại 1", "Xã bổ sung")


def test_kept_here_is_asked_again_only_when_there_changes_again(communes, sent, tmp_path):
    a, _b, r = communes
    pa, _pb, product, _ = sent
    r.exchange.import_package(pa)
    dto = ProductService(r.make_uow).get(product.id)
    base = ProductInput(name=dto.name, producer_id=dto.producer_id, commune_id=dto.commune_id, status=dto.status)
    ProductService(r.make_uow).update(product.id, ProductInput(**{**base.__dict__, "notes": "Huyện"}))
    ProductService(a.make_uow).update(product.id, ProductInput(**{**base.__dict__, "notes": "Xã"}))
    first = tmp_path / "1.ocop.zip"
    a.exchange.export(first, include_reports=False)
    r.exchange.import_package(first, prefer="here")
    second = tmp_path / "2.ocop.zip"
    a.exchange.export(second, include_reports=False)  # nothing new at the commune
    assert r.exchange.preview(second).conflicts == ()
    ProductService(a.make_uow).update(product.id, ProductInput(**{**base.__dict__, "notes": "Xã sửa lại"}))
    third = tmp_path / "3.ocop.zip"
    a.exchange.export(third, include_reports=False)
    assert [c.record_id for c in r.exchange.preview(third).conflicts] == [product.id]


def test_undo_restores_the_receiver_exactly(communes, sent):
    _a, _b, r = communes
    pa, pb, *_ = sent
    r.exchange.import_package(pb)
    before = table_rows(r.path)
    result = r.exchange.import_package(pa)
    assert result.counts["new"] > 0 and result.counts["updated"] > 0
    undone = r.exchange.undo(result.preview.package.package_id)
    assert undone.deleted == result.counts["new"] and undone.restored == result.counts["updated"]
    assert table_rows(r.path) == before
    [entry, _] = r.exchange.inbox()
    assert entry.undone
    with pytest.raises(ValidationError, match="đã được hoàn tác"):
        r.exchange.undo(result.preview.package.package_id)


def test_undo_is_refused_when_a_record_changed_after_the_import(communes, sent):
    _a, _b, r = communes
    pa, _pb, product, _ = sent
    result = r.exchange.import_package(pa)
    dto = ProductService(r.make_uow).get(product.id)
    ProductService(r.make_uow).update(
        product.id,
        ProductInput(
            name=dto.name, producer_id=dto.producer_id, commune_id=dto.commune_id, status=dto.status, notes="Sửa sau"
        ),
    )
    before = table_rows(r.path)
    with pytest.raises(ValidationError) as refused:
        r.exchange.undo(result.preview.package.package_id)
    message = str(refused.value)
    assert "Chè Shan tuyết Ẳng Nưa" in message and "đã được sửa sau khi nhập" in message
    assert table_rows(r.path) == before


def test_changes_only_carries_the_changes_and_the_parents_they_need(communes, tmp_path):
    a, _b, r = communes
    campaign = a.campaign_id()
    a.surveys.save_entries(campaign, a.unit_id, [SurveyEntryInput(product_name="Chè")])
    a.exchange.export(tmp_path / "full.ocop.zip", include_reports=False)
    assert a.exchange.unsent().total == 0
    [entry] = a.surveys.unit_entries(campaign, a.unit_id)
    a.surveys.save_entries(campaign, a.unit_id, [SurveyEntryInput(id=entry.id, product_name="Chè búp")])
    assert a.exchange.unsent().counts == {"Dòng rà soát": 1}
    out = a.exchange.export(tmp_path / "changes.ocop.zip", changes_only=True, include_reports=False)
    assert out.counts == {"survey_entries": 1, "survey_campaigns": 1, "directives": 1}
    assert [o.scope for o in a.exchange.outbox()] == ["changes", "all"]
    # The district never got the full package, yet the changes alone arrive whole.
    r.exchange.import_package(tmp_path / "changes.ocop.zip")
    assert [e.product_name for e in r.surveys.unit_entries(campaign, a.unit_id)] == ["Chè búp"]


def test_rows_deleted_at_the_commune_are_deleted_at_the_district(communes, tmp_path):
    a, _b, r = communes
    campaign = a.campaign_id()
    a.surveys.save_entries(
        campaign, a.unit_id, [SurveyEntryInput(product_name="Chè"), SurveyEntryInput(product_name="Gạo")]
    )
    a.exchange.export(tmp_path / "1.ocop.zip", include_reports=False)
    r.exchange.import_package(tmp_path / "1.ocop.zip")
    tea, rice = a.surveys.unit_entries(campaign, a.unit_id)
    a.surveys.save_entries(
        campaign, a.unit_id, [SurveyEntryInput(id=tea.id, product_name="Chè")], deleted={rice.id: rice.updated_at}
    )
    a.exchange.export(tmp_path / "2.ocop.zip", changes_only=True, include_reports=False)
    preview = r.exchange.preview(tmp_path / "2.ocop.zip")
    assert [(c.outcome, c.title) for c in preview.changes] == [(Outcome.DELETE, "Gạo (Xã Ẳng Nưa)")]
    r.exchange.import_package(tmp_path / "2.ocop.zip")
    assert [e.product_name for e in r.surveys.unit_entries(campaign, a.unit_id)] == ["Chè"]


def test_rows_for_a_campaign_closed_here_are_held_back_with_the_way_to_take_them(communes, sent):
    from ocop_desktop.services.campaigns import CampaignService

    a, _b, r = communes
    pa, _pb, _product, _task = sent
    campaign = r.campaign_id()
    CampaignService(r.make_uow).close(campaign, on=date(2024, 7, 20))

    preview = r.exchange.preview(pa)
    held = [c for c in preview.changes if c.entity == "survey_entries"]
    assert {c.title for c in held} == {"Chè Shan tuyết (Xã Ẳng Nưa)", "Gạo nếp nương (Xã Ẳng Nưa)"}
    assert all(c.outcome is Outcome.KEPT for c in held)
    assert held[0].reason.startswith(
        "Đợt rà soát năm 2024 đã kết thúc ở đây ngày 20/07/2024 nên dòng này "
        "không được nhận. Nếu cần nhận, hãy mở lại đợt"
    )
    result = r.exchange.import_package(pa)
    assert result.applied
    # Everything else of the package arrived; the closed campaign took no row.
    assert r.surveys.unit_entries(campaign, a.unit_id) == []
    assert any(p.name == "Chè Shan tuyết Ẳng Nưa" for p in ProductService(r.make_uow).list())

    # Reopened, the import undone and taken again: the rows arrive.
    CampaignService(r.make_uow).reopen(campaign)
    r.exchange.undo(result.preview.package.package_id)
    r.exchange.import_package(pa)
    assert sorted(e.product_name for e in r.surveys.unit_entries(campaign, a.unit_id)) == [
        "Chè Shan tuyết",
        "Gạo nếp nương",
    ]
