"""One name per field: the activity log and the conflict table call a changed field the same, as the form does."""

from __future__ import annotations

from ocop_desktop.domain import schema
from ocop_desktop.services.audit import AuditFilter, AuditService
from ocop_desktop.services.producers import ProducerInput, ProducerService
from ocop_desktop.services.products import ProductInput, ProductService

CHECKLIST = "Nhãn hàng hóa, truy xuất nguồn gốc và nhãn hiệu"  # the product form's heading for it


def test_the_activity_log_and_the_conflict_table_name_a_field_alike(communes, tmp_path):
    a, _b, r = communes
    producer = ProducerService(a.make_uow).create(ProducerInput(name="HTX Chè Ẳng Nưa", kind="hop_tac_xa"))
    product = ProductService(a.make_uow).create(
        ProductInput(name="Chè Shan tuyết Ẳng Nưa", producer_id=producer.id, commune_id=a.unit_id, status="tiem_nang")
    )
    first = tmp_path / "a.ocop.zip"
    a.exchange.export(first, include_reports=False)
    assert r.exchange.import_package(first).applied
    dto = ProductService(r.make_uow).get(product.id)
    base = ProductInput(name=dto.name, producer_id=dto.producer_id, commune_id=dto.commune_id, status=dto.status)
    # Both offices tick a different box of the label checklist: a conflict at the district.
    ProductService(r.make_uow).update(
        product.id, ProductInput(**{**base.__dict__, "checklist": {"nhan_xuat_xu": True}})
    )
    ProductService(a.make_uow).update(
        product.id, ProductInput(**{**base.__dict__, "checklist": {"nhan_ten_hang_hoa": True}})
    )
    changes = tmp_path / "a-changes.ocop.zip"
    a.exchange.export(changes, changes_only=True, include_reports=False)

    [conflict] = r.exchange.preview(changes).conflicts
    in_conflict = {f.field: f.label for f in conflict.fields}
    logged = {
        c.field: c.label
        for e in AuditService(r.make_uow).entries(AuditFilter(entity="products", entity_id=product.id))
        for c in e.changes
    }
    assert in_conflict["checklist"] == logged["checklist"] == CHECKLIST
    assert logged["commune_id"] == "Xã"  # the form's «Xã», no longer «Xã/phường» in one place and «Xã» in another
    assert schema.field_label("checklist", "products") == CHECKLIST
