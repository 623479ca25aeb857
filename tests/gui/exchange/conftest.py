"""Offices on separate database files for the exchange dialogs (the service tests' fixtures)."""

from __future__ import annotations

from tests.services.exchange.conftest import communes, office  # noqa: F401  (fixtures)
