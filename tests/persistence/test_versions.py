"""A record's version (updated_at) moves forward on every change, even when the clock does not."""

from __future__ import annotations

from datetime import datetime

import pytest

from ocop_desktop.domain.validation import StaleDataError
from ocop_desktop.persistence import hooks
from ocop_desktop.services.products import ProductInput, ProductService

FROZEN = datetime(2026, 3, 1, 8, 0, 0)


def test_two_saves_in_one_clock_tick_get_two_versions(make_uow, monkeypatch):
    products = ProductService(make_uow)
    first = products.create(ProductInput(name="Mật ong Mường Ảng"))
    monkeypatch.setattr(hooks, "utcnow", lambda: FROZEN)  # a coarse clock: every save in one tick
    second = products.update(
        first.id, ProductInput(name="Mật ong rừng Mường Ảng"), expected_updated_at=first.updated_at
    )
    third = products.update(second.id, ProductInput(name="Mật ong rừng"), expected_updated_at=second.updated_at)
    assert first.updated_at < second.updated_at < third.updated_at
    # A form still showing the second version is refused: the third save is not hidden by the tick.
    with pytest.raises(StaleDataError):
        products.update(first.id, ProductInput(name="Mật ong"), expected_updated_at=second.updated_at)
    assert products.get(first.id).name == "Mật ong rừng"
