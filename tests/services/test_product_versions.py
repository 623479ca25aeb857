"""Record versions (issue 18 item 2): a save names the version it was based on; one made on an
older version is refused, naming who changed the record and when, and writes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from ocop_desktop.domain.validation import StaleDataError
from ocop_desktop.persistence.database import open_database
from ocop_desktop.persistence.models import AuditEntry
from ocop_desktop.services.exchange.records import BY_NAME
from ocop_desktop.services.producers import ProducerInput, ProducerService
from ocop_desktop.services.products import ProductInput, ProductService


def _as(db, who: str) -> ProductService:
    return ProductService(db.uow_factory(actor=who))


def test_each_save_counts_the_version_up(db, make_uow):
    products = ProductService(make_uow)
    tea = products.create(ProductInput(name="Chè Shan tuyết"))
    assert tea.version == 1
    saved = products.update(tea.id, ProductInput(name="Chè Shan tuyết cổ thụ"), expected_version=1)
    assert saved.version == 2 and products.get(tea.id).version == 2
    archived = products.set_archived(tea.id, True)
    assert archived.version == 3


def test_a_save_on_an_older_version_is_refused_naming_who_changed_it(db, make_uow):
    tea = ProductService(make_uow).create(ProductInput(name="Chè Shan tuyết"))
    first, second = _as(db, "Nguyễn Văn An"), _as(db, "Trần Thị Bình")
    first.update(tea.id, ProductInput(name="Chè Shan tuyết Mường Lói"), expected_version=tea.version)
    with pytest.raises(StaleDataError) as refused:
        second.update(tea.id, ProductInput(name="Chè búp khô"), expected_version=tea.version)
    message = refused.value.describe()
    assert "Sản phẩm «Chè Shan tuyết Mường Lói» đã được Nguyễn Văn An sửa lúc " in message
    assert "sau khi bạn mở biểu mẫu này" in message and "Chưa lưu gì" in message and "mở lại sản phẩm" in message
    stored = first.get(tea.id)
    assert stored.name == "Chè Shan tuyết Mường Lói" and stored.version == 2
    # The older check by updated_at (callers that still pass it) names the person too.
    with pytest.raises(StaleDataError, match="Nguyễn Văn An"):
        second.update(tea.id, ProductInput(name="Chè búp khô"), expected_updated_at=tea.updated_at)


def test_a_producer_saved_on_an_older_version_is_refused(db, make_uow):
    producer = ProducerService(make_uow).create(ProducerInput(name="HTX Chè Mường Lói"))
    assert producer.version == 1
    ProducerService(db.uow_factory(actor="Lò Văn Cường")).update(
        producer.id, ProducerInput(name="HTX Chè Shan tuyết Mường Lói"), expected_version=1
    )
    with pytest.raises(StaleDataError, match="Chủ thể «HTX Chè Shan tuyết Mường Lói» đã được Lò Văn Cường sửa"):
        ProducerService(make_uow).update(producer.id, ProducerInput(name="HTX khác"), expected_version=1)
    assert ProducerService(make_uow).get(producer.id).version == 2


def test_the_version_travels_in_no_package():
    for name in ("products", "producers"):
        assert "version" not in [c.key for c in BY_NAME[name].columns]


@pytest.mark.xdist_group("postgresql")
def test_two_saves_that_pass_the_check_at_once_on_a_server_cannot_both_write(pg_url, monkeypatch):
    """Both read version 1 before either writes (the lost update a Python check alone allows on
    PostgreSQL): the UPDATE … WHERE version = 1 of the second matches no row, and it is refused."""
    db = open_database(pg_url)
    try:
        tea = _as(db, "Quản trị").create(ProductInput(name="Chè Shan tuyết"))
        first, second = _as(db, "Nguyễn Văn An"), _as(db, "Trần Thị Bình")
        apply = ProductService._apply
        raced = []

        def apply_after_the_other_saved(self, uow, product, data):
            if not raced:  # the second has read version 1 and passed the check; now the first saves
                raced.append(True)
                first.update(tea.id, ProductInput(name="Chè Shan tuyết Mường Lói"), expected_version=1)
            apply(self, uow, product, data)

        monkeypatch.setattr(ProductService, "_apply", apply_after_the_other_saved)
        with pytest.raises(StaleDataError, match="đã được Nguyễn Văn An sửa"):
            second.update(tea.id, ProductInput(name="Chè búp khô"), expected_version=1)
        monkeypatch.undo()
        stored = first.get(tea.id)
        assert stored.name == "Chè Shan tuyết Mường Lói" and stored.version == 2
        with db.uow_factory()() as uow:
            actors = uow.session.scalars(
                select(AuditEntry.actor).where(AuditEntry.entity_id == tea.id).order_by(AuditEntry.seq)
            ).all()
        assert actors == ["Quản trị", "Nguyễn Văn An"]  # the refused save left no entry
    finally:
        db.close()


@pytest.mark.xdist_group("postgresql")
def test_two_task_saves_that_pass_the_check_at_once_on_a_server_cannot_both_write(pg_url, monkeypatch):
    from ocop_desktop.services import tasks as task_module
    from ocop_desktop.services.task_types import TaskInput
    from ocop_desktop.services.tasks import TaskService

    db = open_database(pg_url)
    try:
        task = TaskService(db.uow_factory(actor="Quản trị")).create_task(
            TaskInput(assignee="UBND xã Búng Lao", title="Báo cáo rà soát")
        )
        first = TaskService(db.uow_factory(actor="Nguyễn Văn An"))
        second = TaskService(db.uow_factory(actor="Trần Thị Bình"))
        apply = task_module.apply_task
        raced = []

        def apply_after_the_other_saved(uow, row, data):
            if not raced:  # the second has read the task and passed the check; now the first saves
                raced.append(True)
                first.update_task(task.id, TaskInput(assignee="UBND xã Ẳng Nưa", title="Báo cáo rà soát"))
            apply(uow, row, data)

        monkeypatch.setattr(task_module, "apply_task", apply_after_the_other_saved)
        with pytest.raises(StaleDataError, match="Nhiệm vụ «Báo cáo rà soát» đã được Nguyễn Văn An sửa"):
            second.update_task(
                task.id, TaskInput(assignee="UBND xã Mường Lói", title="Báo cáo"), expected_updated_at=task.updated_at
            )
        monkeypatch.undo()
        assert first.get(task.id).assignee == "UBND xã Ẳng Nưa"
    finally:
        db.close()


def test_a_save_that_lost_the_race_anywhere_else_is_explained_in_vietnamese():
    """A service that does not turn SQLAlchemy's refusal into its own (an evaluation writing the
    stars, say) still gets a sentence for people from the one error renderer (CLI and window)."""
    from sqlalchemy.orm.exc import StaleDataError as ConcurrentSave

    from ocop_desktop.services.errors import explain

    lost = ConcurrentSave("UPDATE statement on table 'products' expected to update 1 row(s); 0 were matched.")
    assert explain(lost).startswith("Bản ghi này vừa được người khác lưu trong lúc thao tác đang chạy")
    assert explain(lost).en.startswith("Someone else saved this record while the action was running")
