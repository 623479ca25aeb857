"""A window in English: a survey campaign the service refuses says why in English, every problem
under the form, the terminal's Vietnamese untouched."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt

from ocop_desktop.domain.language import display_language, set_display_language
from ocop_desktop.gui.i18n import install_translators
from ocop_desktop.gui.surveys.page import SurveysPage
from ocop_desktop.services.campaigns import CampaignInput, CampaignService
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.surveys import SurveyService
from tests.gui.keyboard import type_text
from tests.gui.surveys.conftest import settle

TODAY = date(2026, 3, 2)
VIETNAMESE_LETTERS = set("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")


def _retype(qtbot, field, text):
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    if text:
        type_text(field, text)


def test_a_refused_campaign_reads_in_english(qtbot, qapp, make_uow, jobs, tmp_path):
    service = CampaignService(make_uow)
    before = QLocale()
    assert install_translators(qapp, "en") == []  # English is the source language: no translator
    try:
        assert display_language() == "en"
        page = SurveysPage(
            SurveyService(make_uow), PlaceService(make_uow), jobs, tmp_path / "drafts", today=lambda: TODAY
        )
        page.enable_campaigns(service)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
        settle(qtbot, page)
        page.campaign_actions.new_action.trigger()
        dialog = page.campaign_actions.dialog
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: dialog.ui.unitList.count() > 0, timeout=10000)
        _retype(qtbot, dialog.ui.yearEdit, "1990")
        _retype(qtbot, dialog.ui.titleEdit, "Rà soát sản phẩm OCOP")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(dialog.ui.errorLabel.isVisible, timeout=10000)
        shown = dialog.ui.errorLabel.text()
        assert dialog.isVisible() and service.list() == []  # nothing saved
        assert "«Year» «1990» cannot be used; enter a year from 2018" in shown
        assert "No «Reporting units» chosen; choose at least one commune or ward." in shown
        assert not VIETNAMESE_LETTERS & set(shown.lower()), shown
        dialog.reject()
    finally:
        QLocale.setDefault(before)
    # The same refusal from the terminal, which never sets the window's language: Vietnamese.
    set_display_language("vi")
    try:
        service.add(CampaignInput(year="1990", title="Rà soát", deadline="30/06/2026"), TODAY)
    except Exception as exc:  # noqa: BLE001
        assert "«Năm» «1990» không dùng được" in str(exc)
    else:
        raise AssertionError("the campaign was saved")
