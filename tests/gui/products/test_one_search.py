"""One product search: the registry tab and `ocop products list --search` find the same rows."""

from __future__ import annotations

import json
from datetime import date

from ocop_desktop.persistence.database import open_database
from ocop_desktop.services.catalog import CatalogService
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.producers import ProducerInput, ProducerService
from ocop_desktop.services.products import ProductInput, ProductService
from tests.cli_run import ocop  # the terminal's search, run in this process as a new one would
from tests.databases import copy_template
from tests.gui.keyboard import type_text


def test_the_window_and_the_terminal_find_the_same_products_by_product_or_producer_name(
    qtbot, tmp_path, jobs, vietnamese
):
    from ocop_desktop.gui.products.page import ProductsPage

    path = copy_template(tmp_path / "x.db")  # init adds only the sample
    done = ocop("--db", str(path), "init", "--sample", "muong-ang-2024")
    assert done.returncode == 0, done.stderr
    db = open_database(path)
    try:
        make_uow = db.uow_factory(actor="Nguyễn Văn Kiểm")
        products = ProductService(make_uow)
        # One found by its producer's name only, one by its own name only, one by neither.
        producer = ProducerService(make_uow).create(ProducerInput(name="HTX Chè Phìn Hồ"))
        by_producer = products.create(ProductInput(name="Chè búp khô", producer_id=producer.id))
        by_name = products.create(ProductInput(name="Cà phê phin Hồng Lam"))
        products.create(ProductInput(name="Cà phê phin giấy"))

        terminal = ocop("--db", str(path), "products", "list", "--search", "phin ho", "--format", "json")
        assert terminal.returncode == 0, terminal.stderr
        terminal_ids = [r["id"] for r in json.loads(terminal.stdout)]

        page = ProductsPage(
            products,
            ProducerService(make_uow),
            PlaceService(make_uow),
            CatalogService(make_uow),
            jobs,
            today=lambda: date(2026, 12, 2),
        )
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: not page.is_loading() and page.model.rowCount() == 13, timeout=10000)
        type_text(page.ui.search, "phin ho")
        qtbot.waitUntil(lambda: page.model.rowCount() == 2 and not page.is_loading(), timeout=10000)
        window_ids = [page.model.row(r).id for r in range(page.model.rowCount())]
        window_names = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
        jobs.wait()
    finally:
        db.close()
    assert terminal_ids == window_ids == [by_name.id, by_producer.id]
    assert window_names == ["Cà phê phin Hồng Lam", "Chè búp khô"]
