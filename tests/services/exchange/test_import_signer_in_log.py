"""The receiver's audit log says which office and which key each imported change came from."""

from __future__ import annotations

from ocop_desktop.exports.signing import short_fingerprint
from ocop_desktop.services.audit import AuditFilter, AuditService
from ocop_desktop.services.office_key import office_key
from ocop_desktop.services.products import ProductInput, ProductService


def test_each_imported_change_names_the_sending_office_and_its_key(communes, tmp_path):
    a, _b, r = communes
    ProductService(a.make_uow).create(ProductInput(name="Chè Shan tuyết", commune_id=a.unit_id))
    a.exchange.export(tmp_path / "a.ocop.zip", include_reports=False)
    result = r.exchange.import_package(tmp_path / "a.ocop.zip")
    assert result.applied
    words = short_fingerprint(office_key(a.make_uow).fingerprint)
    imported = [
        e for e in AuditService(r.make_uow).entries(AuditFilter(limit=100_000)) if e.action.startswith("import:")
    ]
    assert imported
    for e in imported:
        assert e.context.startswith("gói ") and e.context.endswith(f"— từ Xã Ẳng Nưa, khóa {words}"), e.context
    sender = [
        e for e in AuditService(r.make_uow).entries(AuditFilter(entity="exchange_imports")) if e.action == "sender"
    ]
    assert len(sender) == 1 and sender[0].action_label == "Đơn vị gửi và khóa ký"
    # undoing the package still finds its changes by their stored context
    package_id = r.exchange.inbox()[0].package_id
    assert r.exchange.undo(package_id).deleted == 1  # the new product, found by its stored context
