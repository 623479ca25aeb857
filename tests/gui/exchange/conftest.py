"""Offices on separate database files for the exchange dialogs (the service tests' fixtures)."""

from __future__ import annotations

import pytest

from ocop_desktop.gui.jobs import JobRunner
from tests.services.exchange.conftest import communes, office  # noqa: F401  (fixtures)


@pytest.fixture
def jobs(qapp):
    runner = JobRunner()
    yield runner
    runner.wait()
