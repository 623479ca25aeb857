"""A commune's logbooks travel in its package: lots, batches, their links and sales arrive once at the district."""

from __future__ import annotations

from sqlalchemy import func, select

from ocop_desktop.persistence.models import Producer, Product
from ocop_desktop.persistence.models.logbooks import LogbookBatch, LogbookBatchMaterial, LogbookMaterial, LogbookSale
from ocop_desktop.services.logbook_import import LogbookImportService
from ocop_desktop.services.logbooks import LogbookService
from tests.services.exchange.conftest import communes, office, trust_each_other  # noqa: F401
from tests.services.logbook_data import TODAY, write_logbook


def test_logbooks_arrive_once_and_trace_at_the_district(communes, tmp_path):  # noqa: F811  (the fixture imported above)
    a, _b, r = communes
    with a.make_uow() as uow:
        producer = Producer(name="Hộ Lò Văn Pánh", kind="ho_san_xuat", commune_id=a.unit_id)
        uow.session.add(producer)
        uow.session.flush()
        product = Product(name="Mật ong Ẳng Nưa", producer_id=producer.id, commune_id=a.unit_id, status="tiem_nang")
        uow.session.add(product)
        uow.commit()
        ids = (producer.id, product.id)
    LogbookImportService(a.make_uow).import_file(write_logbook(tmp_path / "nk.xlsx", 4, 3, 5), *ids, today=TODAY)
    package = tmp_path / "ang-nua.ocop"
    a.exchange.export(package, include_reports=False)
    for _ in range(2):
        assert r.exchange.import_package(package) is not None
    with r.make_uow() as uow:
        got = [
            uow.session.scalar(select(func.count()).select_from(t))
            for t in (LogbookMaterial, LogbookBatch, LogbookBatchMaterial, LogbookSale)
        ]
    assert got == [4, 3, 6, 5]
    (trace,) = LogbookService(r.make_uow).trace("ME-2")
    assert [lot.lot_code for lot in trace.lots] == ["NL-2", "NL-3"]
