"""Fixtures of the products tab: services on a fresh database, the background runner, Vietnamese."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from ocop_desktop.services.catalog import CatalogService
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.producers import ProducerService
from ocop_desktop.services.products import ProductService

# Completer popups are top-level windows; the offscreen platform says it cannot raise them.
POPUP = pytest.mark.qt_log_ignore(r"This plugin does not support")
TODAY = date(2027, 6, 1)  # the page's "today": after the 2025 merger, with certificates running out


@dataclass
class Services:
    products: ProductService
    producers: ProducerService
    places: PlaceService
    catalog: CatalogService


@pytest.fixture
def services(make_uow) -> Services:
    return Services(
        ProductService(make_uow), ProducerService(make_uow), PlaceService(make_uow), CatalogService(make_uow)
    )


@pytest.fixture
def make_page(qtbot, services, jobs, vietnamese):
    from ocop_desktop.gui.products.page import ProductsPage

    def make(today: date = TODAY) -> ProductsPage:
        page = ProductsPage(
            services.products, services.producers, services.places, services.catalog, jobs, today=lambda: today
        )
        qtbot.addWidget(page)
        page.resize(1200, 600)
        page.show()
        qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)
        return page

    return make


def names(model) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]
