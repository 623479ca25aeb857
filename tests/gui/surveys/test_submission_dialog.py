"""The "Đánh dấu đã nộp…" date is stored exactly as typed; a future date is refused with a message."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from .conftest import ANG_NUA, settle

TODAY = date(2026, 5, 2)  # the day the window's maximum turned "25/06/2024" into 02/05/2026


def _submitted_on(surveys, campaign_id):
    return next(u for u in surveys.campaign_units(campaign_id, today=TODAY) if u.unit_id == ANG_NUA)


def _open(qtbot, make_page, campaign_id):
    make_page.state["today"] = TODAY
    page = make_page()
    page.show_campaign(campaign_id)
    settle(qtbot, page)
    page.ui.markSubmittedButton.click()
    dialog = page.submission_dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # focus moves as on a desktop, so leaving the field is seen
    qtbot.waitUntil(dialog.isActiveWindow)
    return page, dialog


def _type(qtbot, field, text):
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


@pytest.mark.parametrize("typed, stored", [("03/07/2024", date(2024, 7, 3)), ("25/06/2024", date(2024, 6, 25))])
def test_a_typed_date_is_stored_exactly(qtbot, make_page, surveys, campaign_id, typed, stored):
    page, dialog = _open(qtbot, make_page, campaign_id)
    assert dialog.ui.dateEdit.text() == "02/05/2026"  # today, until the user types
    _type(qtbot, dialog.ui.dateEdit, typed)
    assert dialog.ui.dateEdit.text() == typed  # nothing changed while typing
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    settle(qtbot, page)
    unit = _submitted_on(surveys, campaign_id)
    assert (unit.status, unit.submitted_on) == ("da_nop", stored)


def test_a_future_or_impossible_date_is_refused_and_nothing_is_stored(qtbot, make_page, surveys, campaign_id):
    _page, dialog = _open(qtbot, make_page, campaign_id)
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    _type(qtbot, dialog.ui.dateEdit, "03/05/2026")
    qtbot.keyClick(dialog.ui.dateEdit, Qt.Key.Key_Tab)  # leaving the field says it at once
    assert dialog.ui.errorLabel.isVisible()
    assert dialog.ui.errorLabel.text() == (
        "Ngày nộp: 03/05/2026 sau hôm nay (02/05/2026); hãy nhập ngày 02/05/2026 hoặc sớm hơn."
    )
    assert dialog.ui.dateEdit.toolTip() == dialog.ui.errorLabel.text()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.ui.dateEdit.text() == "03/05/2026"  # the typed text stays for the user to correct

    _type(qtbot, dialog.ui.dateEdit, "31/02/2024")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.ui.errorLabel.text().startswith("Ngày nộp: Ngày «31/02/2024» không tồn tại.")
    unit = _submitted_on(surveys, campaign_id)
    assert unit.submitted_on is None and unit.status != "da_nop"
