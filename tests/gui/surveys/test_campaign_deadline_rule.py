"""The campaign dialog's «Nộp đúng ngày hạn vẫn tính là đúng hạn»: shown, saved, and read back."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from ocop_desktop.gui.surveys.campaign_dialog import CampaignDialog
from ocop_desktop.services.campaigns import CampaignService
from ocop_desktop.services.sample import load_sample


def _dialog(qtbot, service, jobs, campaign):
    dialog = CampaignDialog(service, jobs, today=lambda: date(2024, 6, 20), campaign=campaign)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.ui.unitList.count() > 0, timeout=10000)
    return dialog


def _save(qtbot, dialog):
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_value is not None or dialog.ui.errorLabel.isVisible(), timeout=10000)
    assert dialog.result_value is not None, dialog.ui.errorLabel.text()
    return dialog.result_value


def test_the_deadline_day_box_is_saved_and_shown_again(qtbot, vietnamese, make_uow, jobs):
    load_sample(make_uow, "muong-ang-2024")
    service = CampaignService(make_uow)
    campaign = service.by_year(2024)
    dialog = _dialog(qtbot, service, jobs, campaign)
    box = dialog.ui.deadlineDayCheck
    assert box.text() == "Nộp đúng ngày hạn vẫn tính là đúng hạn"
    assert box.isVisible() and not box.isChecked()  # the letter's «trước ngày 05/07/2024»
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert _save(qtbot, dialog).deadline_day_on_time is True
    assert service.by_year(2024).deadline_day_on_time is True

    again = _dialog(qtbot, service, jobs, service.by_year(2024))
    assert again.ui.deadlineDayCheck.isChecked()
    again.ui.deadlineDayCheck.setFocus()
    qtbot.keyClick(again.ui.deadlineDayCheck, Qt.Key.Key_Space)
    assert _save(qtbot, again).deadline_day_on_time is False
