"""GUI test fixtures shared by every page: the Vietnamese translation as users see it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from ocop_desktop.gui.i18n import install_translators, remove_translators


@pytest.fixture
def vietnamese(qapp):
    """The screens in Vietnamese, the default language; the locale is put back afterwards."""
    before = QLocale()
    translators = install_translators(qapp, "vi")
    yield
    remove_translators(qapp, translators)
    QLocale.setDefault(before)
