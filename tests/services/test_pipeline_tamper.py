"""`ocop check` catches a pipeline round or a dossier document changed with plain sqlite3, named as people know it."""

from __future__ import annotations

import sqlite3
from datetime import date

from ocop_desktop.cli import main
from ocop_desktop.persistence.models import Product
from ocop_desktop.services.dossiers import DossierService
from ocop_desktop.services.pipeline import MoveInput, PipelineService
from ocop_desktop.services.pipeline_types import DossierItemInput

TODAY = date(2025, 10, 1)


def test_a_forged_dossier_document_and_round_are_named(make_uow, db_path, capsys):
    with make_uow() as uow:
        product = Product(name="Măng khô Ẳng Nưa", status="tiem_nang")
        uow.session.add(product)
        uow.commit()
    row = PipelineService(make_uow).move(product.id, "dang_ky", MoveInput(date(2025, 8, 4), 2025), today=TODAY)
    DossierService(make_uow).set_item(product.id, "cau_chuyen_san_pham", DossierItemInput("dang_bo_sung"), today=TODAY)
    assert main(["--db", str(db_path), "check"]) == 0
    capsys.readouterr()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE dossier_items SET status = 'dat'")
        conn.execute("UPDATE candidacies SET stage = 'ho_so_day_du' WHERE id = ?", (row.candidacy_id,))
    assert main(["--db", str(db_path), "check"]) == 1
    err = capsys.readouterr().err
    assert "Tài liệu hồ sơ «Câu chuyện về sản phẩm» (hồ sơ của «Măng khô Ẳng Nưa»)" in err
    assert "Lộ trình sản phẩm «Măng khô Ẳng Nưa» (năm 2025)" in err
