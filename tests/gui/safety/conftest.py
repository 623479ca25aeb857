"""Fixtures of the data-safety screens: the 2024 sample on disk, a job runner."""

from __future__ import annotations

import pytest

from ocop_desktop.services.backup import BackupService
from ocop_desktop.services.sample import load_sample


@pytest.fixture
def sample(make_uow, db):
    load_sample(make_uow, "muong-ang-2024")
    return db.path


@pytest.fixture
def backups(sample):
    return BackupService(sample, actor=lambda: "Nguyễn Văn Kiểm")
