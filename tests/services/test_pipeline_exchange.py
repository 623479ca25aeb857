"""A commune's pipeline and dossier travel in its package: registered round and documents arrive once at the district."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from ocop_desktop.persistence.models import Candidacy, DossierItem
from ocop_desktop.services.dossiers import DossierService
from ocop_desktop.services.pipeline import MoveInput, PipelineService
from ocop_desktop.services.pipeline_types import DossierItemInput
from ocop_desktop.services.surveys import SurveyEntryInput
from tests.services.exchange.conftest import communes, office, trust_each_other  # noqa: F401

TODAY = date(2025, 10, 1)


def test_pipeline_and_dossier_arrive_once(communes, tmp_path):  # noqa: F811  (the fixture imported above)
    a, _b, r = communes
    (entry,) = a.surveys.save_entries(
        a.surveys.campaigns(today=date(2024, 6, 20))[0].id,
        a.unit_id,
        [SurveyEntryInput(product_name="Măng khô Ẳng Nưa")],
    )
    product = a.surveys.promote_to_product(entry.id)
    PipelineService(a.make_uow).move(product, "dang_ky", MoveInput(date(2025, 8, 4), 2025, 2), today=TODAY)
    DossierService(a.make_uow).set_item(product, "phieu_dang_ky", DossierItemInput("dat", checked_by="Lò Văn Anh"))
    package = tmp_path / "ang-nua.ocop"
    a.exchange.export(package, include_reports=False)
    for _ in range(2):
        assert r.exchange.import_package(package) is not None
    with r.make_uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Candidacy)) == 1
        item = uow.session.scalars(select(DossierItem)).one()
    assert (item.item_code, item.status, item.checked_by) == ("phieu_dang_ky", "dat", "Lò Văn Anh")
    row = PipelineService(r.make_uow).row(product)
    assert (row.stage, row.round) == ("dang_ky", "2/2025")
