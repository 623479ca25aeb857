"""Activities with producers: a fair's products and sales in each product's and producer's history, the
checks each kind gets, links kept on edit, a task's activities as its progress, and the audit log."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from ocop_desktop.domain.validation import StaleDataError, ValidationError
from ocop_desktop.persistence.models import ActivityProduct, AuditEntry
from ocop_desktop.services.activities import ActivityFilter, ActivityInput, ActivityService
from ocop_desktop.services.producers import ProducerInput, ProducerService
from ocop_desktop.services.products import ProductInput, ProductService
from ocop_desktop.services.report_scope import Scope
from ocop_desktop.services.report_tasks import build_tasks
from ocop_desktop.services.tasks import DirectiveInput, TaskInput, TaskService

FAIR_SALES = 45_500_000
PRODUCTS = ("Chè Shan tuyết Ẳng Nưa", "Mật ong Ẳng Tở", "Gạo nếp Búng Lao")


@pytest.fixture
def service(make_uow):
    return ActivityService(make_uow)


@pytest.fixture
def registry(make_uow):
    """A cooperative with three products and a second producer."""
    producers = ProducerService(make_uow)
    htx = producers.create(ProducerInput(name="HTX Nông sản Mường Ảng", kind="hop_tac_xa"))
    other = producers.create(ProducerInput(name="Hộ Lò Văn Pọm", kind="ho_kinh_doanh"))
    products = ProductService(make_uow)
    made = [products.create(ProductInput(name=n, producer_id=htx.id, status="tiem_nang")) for n in PRODUCTS]
    return htx, other, made


def fair_input(chosen, **more) -> ActivityInput:
    values = dict(
        kind="hoi_cho",
        title="Hội chợ OCOP tỉnh Điện Biên năm 2024",
        held_on=date(2024, 9, 12),
        ends_on=date(2024, 9, 15),
        place="TP. Điện Biên Phủ",
        organiser="Sở Công Thương tỉnh Điện Biên",
        in_province=True,
        participants=12,
        sales=FAIR_SALES,
        contracts=3,
        contract_value=120_000_000,
        products=[(chosen[0].id, 20_000_000), (chosen[1].id, 15_500_000), (chosen[2].id, 10_000_000)],
    )
    values.update(more)
    return ActivityInput(**values)  # type: ignore[arg-type]


def test_a_fair_with_three_products_is_in_each_products_and_the_producers_history(service, registry):
    htx, other, products = registry
    fair = service.create(fair_input(products))
    assert fair.kind_label == "Hội chợ, hội nghị xúc tiến thương mại"
    assert fair.dates == "12/09/2024 – 15/09/2024"
    assert {p.name: p.sales for p in fair.product_list} == {
        "Chè Shan tuyết Ẳng Nưa": 20_000_000,
        "Mật ong Ẳng Tở": 15_500_000,
        "Gạo nếp Búng Lao": 10_000_000,
    }
    for product in products:
        [shown] = service.product_history(product.id)
        assert (shown.title, shown.sales) == ("Hội chợ OCOP tỉnh Điện Biên năm 2024", FAIR_SALES)
    # The cooperative took part through its products; the household did not.
    assert [a.id for a in service.producer_history(htx.id)] == [fair.id]
    assert service.producer_history(other.id) == []


def test_filters_by_kind_year_and_search_without_accents(service, registry):
    _htx, other, products = registry
    service.create(fair_input(products))
    service.create(
        ActivityInput(
            kind="tap_huan",
            title="Tập huấn xây dựng câu chuyện sản phẩm",
            held_on=date(2025, 3, 2),
            participants=40,
            cost=8_000_000,
            funding="Ngân sách xã",
            producer_ids=[other.id],
        )
    )
    assert [a.title for a in service.query(ActivityFilter(kind="tap_huan"))] == [
        "Tập huấn xây dựng câu chuyện sản phẩm"
    ]
    assert [a.held_on.year for a in service.query(ActivityFilter(year=2024))] == [2024]
    assert len(service.query(ActivityFilter(search="cau chuyen"))) == 1
    assert [a.title for a in service.producer_history(other.id)] == ["Tập huấn xây dựng câu chuyện sản phẩm"]
    assert service.choices().years == (2025, 2024)


def test_a_field_another_kind_uses_is_refused_by_its_label_not_dropped(service):
    with pytest.raises(ValidationError) as caught:
        service.create(
            ActivityInput(kind="tap_huan", title="Tập huấn", held_on=date(2024, 5, 1), sales=1_000_000, reach=10)
        )
    text = str(caught.value)
    assert text.startswith("Hoạt động «Tập huấn»:")
    assert "«Doanh thu bán hàng (đồng)» không dùng cho hoạt động «Tập huấn»" in text
    assert "«Số lượt tiếp cận» không dùng" in text
    assert service.query() == []


def test_missing_title_date_order_and_an_unknown_kind_are_all_said_at_once(service):
    with pytest.raises(ValidationError) as caught:
        service.create(ActivityInput(kind="hoi_thao", held_on=date(2024, 5, 3), ends_on=date(2024, 5, 1)))
    text = str(caught.value)
    assert "«Loại hoạt động» «hoi_thao» không có" in text
    assert "Chưa nhập «Tên hoạt động»" in text
    assert "«Đến ngày» 01/05/2024 trước «Ngày» 03/05/2024" in text


def test_a_negative_amount_is_refused_by_the_database_limits(service):
    with pytest.raises(ValidationError) as caught:
        service.create(ActivityInput(kind="ho_tro", title="Hỗ trợ bao bì", held_on=date(2024, 5, 1), cost=-5))
    assert "Kinh phí (đồng)" in str(caught.value)


def test_editing_keeps_the_links_still_chosen_and_refuses_a_stale_form(make_uow, service, registry):
    _htx, _other, products = registry
    fair = service.create(fair_input(products))
    with make_uow() as uow:
        kept = uow.session.scalar(select(ActivityProduct.id).where(ActivityProduct.product_id == products[0].id))
    changed = service.update(
        fair.id,
        fair_input(products, products=[(products[0].id, 25_000_000)], sales=25_000_000),
        expected_updated_at=fair.updated_at,
    )
    assert [(p.name, p.sales) for p in changed.product_list] == [("Chè Shan tuyết Ẳng Nưa", 25_000_000)]
    with make_uow() as uow:
        assert uow.session.scalars(select(ActivityProduct.id)).all() == [kept]
    assert service.product_history(products[1].id) == []
    with pytest.raises(StaleDataError):
        service.update(fair.id, fair_input(products), expected_updated_at=fair.updated_at)


def test_a_task_shows_the_activities_that_carry_it_out(make_uow, service, registry):
    tasks = TaskService(make_uow)
    task = tasks.create_task(
        TaskInput(
            assignee="Phòng Kinh tế",
            title="Phối hợp với chủ thể xúc tiến thương mại, giới thiệu sản phẩm tại hội chợ",
        )
    )
    _htx, _other, products = registry
    fair = service.create(fair_input(products, task_id=task.id))
    assert fair.task == task.title
    assert [a.title for a in service.for_task(task.id)] == ["Hội chợ OCOP tỉnh Điện Biên năm 2024"]


def test_every_change_is_in_the_audit_log(make_uow, service, registry):
    _htx, _other, products = registry
    fair = service.create(fair_input(products))
    service.delete(fair.id)
    with make_uow() as uow:
        logged = uow.session.execute(
            select(AuditEntry.entity, AuditEntry.action).where(AuditEntry.entity.like("activit%"))
        ).all()
    assert ("activities", "create:create") in logged
    assert ("activities", "delete:delete") in logged
    assert sum(1 for e, a in logged if e == "activity_products" and a.endswith("delete")) == 3
    assert service.product_history(products[0].id) == []


def test_the_printed_task_report_shows_a_newer_activity_as_the_latest_progress(make_uow, service, registry):
    tasks = TaskService(make_uow)
    directive = tasks.create_directive(
        DirectiveInput(subject="Triển khai Chương trình OCOP năm 2024", issuer="UBND huyện")
    )
    task = tasks.create_task(
        TaskInput(assignee="Phòng Kinh tế", title="Xúc tiến thương mại", directive_id=directive.id)
    )
    tasks.add_progress(task.id, date(2024, 8, 1), "Đã gửi kế hoạch")
    _htx, _other, products = registry
    service.create(fair_input(products, task_id=task.id))
    with make_uow() as uow:
        report = build_tasks(uow.session, directive.id, Scope(), date(2024, 10, 1))
    [row] = report.sections[0].rows
    assert row["last_progress"] == (
        "12/09/2024: Hội chợ, hội nghị xúc tiến thương mại: Hội chợ OCOP tỉnh Điện Biên năm 2024"
    )


def test_a_title_longer_than_its_limit_is_refused_by_its_label(service):
    with pytest.raises(ValidationError) as caught:
        service.create(ActivityInput(kind="tap_huan", title="Tập huấn " * 80, held_on=date(2024, 5, 1)))
    assert "Tên hoạt động" in str(caught.value)
    assert service.query() == []
