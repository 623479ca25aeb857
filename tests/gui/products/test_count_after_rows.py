"""The registry shows a search's rows first and their count a moment later, read after them."""

from __future__ import annotations

import threading

from ocop_desktop.persistence.models import Product
from ocop_desktop.services.reference import product_set_id


def test_the_rows_show_before_their_count_which_follows(qtbot, make_uow, services, make_page, monkeypatch):
    with make_uow(action="test") as uow:
        for i in range(450):
            uow.session.add(
                Product(name=f"Sản phẩm {i:04d}", status="tiem_nang", product_set_id=product_set_id("ca-phe-ca-cao"))
            )
        uow.session.add(Product(name="Mật ong", status="tiem_nang", product_set_id=product_set_id("ca-phe-ca-cao")))
        uow.commit()
    page = make_page()
    assert page.ui.countLabel.text() == "451 sản phẩm"
    counting, release = threading.Event(), threading.Event()
    count = services.products.count

    def held_count(*args, **kwargs):
        counting.set()
        release.wait(10)
        return count(*args, **kwargs)

    monkeypatch.setattr(services.products, "count", held_count)
    page.ui.search.setText("san pham")
    page.apply_search()
    qtbot.waitUntil(lambda: not page.rows_loading() and page.model.rowCount() == 200, timeout=5000)
    # The rows are shown while the count is still being read; the label says there are more.
    assert page.ui.countLabel.text() == "200+ sản phẩm" and page.is_loading()
    assert page.model.canFetchMore()
    release.set()
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)
    assert counting.is_set() and page.ui.countLabel.text() == "450 sản phẩm" and page.model.total == 450
    # A search that fits in one page is counted with it: no count is read.
    counting.clear()
    page.ui.search.setText("mat ong")
    page.apply_search()
    qtbot.waitUntil(lambda: not page.is_loading() and page.model.rowCount() == 1, timeout=5000)
    assert page.ui.countLabel.text() == "1 sản phẩm" and not counting.is_set()
