"""GUI test fixtures shared by every page: the Vietnamese translation, the background runner."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from ocop_desktop.gui.i18n import install_translators, remove_translators
from ocop_desktop.gui.jobs import JobRunner


@pytest.fixture
def vietnamese(qapp):
    """The screens in Vietnamese, the default language; the locale is put back afterwards."""
    before = QLocale()
    translators = install_translators(qapp, "vi")
    yield
    remove_translators(qapp, translators)
    QLocale.setDefault(before)


@pytest.fixture
def jobs(qapp):
    """The background runner pages use; no job may outlive the database it reads."""
    runner = JobRunner()
    yield runner
    runner.wait()
