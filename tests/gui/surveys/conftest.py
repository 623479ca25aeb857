"""Fixtures of the survey page tests: the 2024 sample, Vietnamese translations, a page factory."""

from __future__ import annotations

from datetime import date

import pytest

from ocop_desktop.gui.surveys.page import SurveysPage
from ocop_desktop.services.drafts import DraftStore
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.surveys import SurveyService
from tests.gui.keyboard import type_keys  # noqa: F401  (re-exported for the tests)

ANG_NUA = place_id("xa-ang-nua")
JUNE_20 = date(2024, 6, 20)


@pytest.fixture
def surveys(make_uow) -> SurveyService:
    load_sample(make_uow, "muong-ang-2024")
    return SurveyService(make_uow)


@pytest.fixture
def campaign_id(surveys) -> str:
    return surveys.campaigns(today=JUNE_20)[0].id


@pytest.fixture
def drafts(tmp_path) -> DraftStore:
    """The drafts folder the pages write to, read back as the next run of the app would."""
    return DraftStore(tmp_path / "drafts")


def settle(qtbot, page) -> None:
    """Wait for what the page reads or writes in the background, as a user waits for the grid."""
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)


@pytest.fixture
def make_page(qtbot, vietnamese, surveys, make_uow, jobs, drafts):
    """A page factory; every page shares one drafts folder, as successive app runs do."""
    state = {"today": JUNE_20}

    def make(unit_id: str | None = ANG_NUA) -> SurveysPage:
        page = SurveysPage(surveys, PlaceService(make_uow), jobs, drafts.folder, today=lambda: state["today"])
        qtbot.addWidget(page)
        page.resize(1200, 800)
        page.show()
        qtbot.waitExposed(page)
        # Keyboard focus and Ctrl+S need the window to be the active one, as on a desktop.
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow, timeout=5000)
        settle(qtbot, page)
        if unit_id is not None:
            page.ui.unitCombo.setCurrentIndex(page.ui.unitCombo.findData(unit_id))
            settle(qtbot, page)
        return page

    make.state = state
    return make
