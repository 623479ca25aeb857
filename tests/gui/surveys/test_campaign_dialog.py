"""A new office creates its survey campaign from the survey page, typing; then it opens a unit."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ocop_desktop.gui.surveys.page import SurveysPage
from ocop_desktop.services.campaigns import CampaignInput, CampaignService
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.surveys import SurveyService
from tests.gui.keyboard import type_text
from tests.gui.surveys.conftest import settle

TODAY = date(2026, 3, 2)
MUONG_ANG = place_id("xa-muong-ang")


@pytest.fixture
def page(qtbot, vietnamese, make_uow, jobs, tmp_path) -> SurveysPage:
    """The survey page of a database that never loaded the sample, with the «Campaign» menu."""
    page = SurveysPage(SurveyService(make_uow), PlaceService(make_uow), jobs, tmp_path / "drafts", today=lambda: TODAY)
    page.enable_campaigns(CampaignService(make_uow))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, page)
    return page


def _open_new(qtbot, page):
    page.campaign_actions.new_action.trigger()
    dialog = page.campaign_actions.dialog
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.ui.unitList.count() > 0, timeout=10000)
    return dialog


def _retype(qtbot, field, text):
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    type_text(field, text)


def _visible(dialog) -> list[str]:
    lst = dialog.ui.unitList
    return [lst.item(r).text() for r in range(lst.count()) if not lst.isRowHidden(r)]


def test_create_the_first_campaign_by_typing_then_open_its_unit(qtbot, page, make_uow):
    message = page.ui.messageLabel.text()
    assert "Chưa có đợt rà soát nào." in message and "Tạo đợt rà soát đầu tiên…" in message
    assert page.ui.campaignCombo.count() == 0

    dialog = _open_new(qtbot, page)
    assert dialog.windowTitle() == "Đợt rà soát mới"
    assert dialog.ui.yearEdit.text() == "2026"
    _retype(qtbot, dialog.ui.titleEdit, "Rà soát sản phẩm OCOP năm 2026 của xã")
    _retype(qtbot, dialog.ui.deadlineEdit, "30/06/2026")
    qtbot.keyClick(dialog.ui.deadlineEdit, Qt.Key.Key_Return)  # confirms the date, does not save
    assert dialog.isVisible() and not dialog.ui.errorLabel.isVisible()
    _retype(qtbot, dialog.ui.letterEdit, "Số 15/UBND-KT, ngày 02/03/2026, UBND tỉnh Điện Biên")
    # The units valid on the deadline: found by typing without diacritics.
    type_text(dialog.ui.searchEdit, "muong ang")
    qtbot.waitUntil(lambda: any(t.startswith("Xã Mường Ảng") for t in _visible(dialog)), timeout=10000)
    assert not any(t.startswith("Xã Ẳng Nưa") for t in _visible(dialog))  # gone by 2026
    lst = dialog.ui.unitList
    row = next(
        r for r in range(lst.count()) if not lst.isRowHidden(r) and lst.item(r).text().startswith("Xã Mường Ảng")
    )
    lst.setCurrentRow(row)
    lst.setFocus()
    qtbot.keyClick(lst, Qt.Key.Key_Space)
    assert dialog.ui.countLabel.text() == "Đã chọn 1 đơn vị."
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_value is not None or dialog.ui.errorLabel.isVisible(), timeout=10000)
    assert dialog.ui.errorLabel.text() == "" and not dialog.isVisible()
    settle(qtbot, page)

    campaign = SurveyService(make_uow).campaigns(today=TODAY)[0]
    assert (campaign.year, campaign.title, campaign.deadline, campaign.issuing_letter) == (
        2026,
        "Rà soát sản phẩm OCOP năm 2026 của xã",
        date(2026, 6, 30),
        "Số 15/UBND-KT, ngày 02/03/2026, UBND tỉnh Điện Biên",
    )
    # The page shows the new campaign and its unit is open for typing.
    assert page.ui.campaignCombo.currentText() == "2026 — Rà soát sản phẩm OCOP năm 2026 của xã"
    assert page.current_selection() == (campaign.id, MUONG_ANG)
    assert page.ui.grid.isEnabled() and page.ui.saveButton.isEnabled()
    assert "Hạn nộp: 30/06/2026" in page.ui.deadlineLabel.text()


def test_a_refused_campaign_keeps_the_dialog_open_with_the_fields_named(qtbot, page, make_uow):
    dialog = _open_new(qtbot, page)
    _retype(qtbot, dialog.ui.yearEdit, "2017")
    _retype(qtbot, dialog.ui.titleEdit, " ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.ui.errorLabel.isVisible, timeout=10000)
    text = dialog.ui.errorLabel.text()
    assert "«Năm» «2017» không dùng được" in text
    assert "Chưa nhập «Hạn nộp»" in text and "Chưa nhập «Tên đợt»" in text and "Chưa chọn «Đơn vị báo cáo»" in text
    assert dialog.isVisible() and dialog.ui.yearEdit.text() == "2017"
    assert SurveyService(make_uow).campaigns() == []


def test_select_every_unit_of_a_province_valid_on_the_deadline(qtbot, page, make_uow):
    dialog = _open_new(qtbot, page)
    _retype(qtbot, dialog.ui.deadlineEdit, "30/06/2026")
    qtbot.keyClick(dialog.ui.deadlineEdit, Qt.Key.Key_Return)
    combo = dialog.ui.containerCombo
    qtbot.waitUntil(lambda: combo.findData(place_id("tinh-dien-bien")) >= 0, timeout=10000)
    assert combo.findData(place_id("huyen-muong-ang")) < 0  # districts are gone by 2026
    combo.setCurrentIndex(combo.findData(place_id("tinh-dien-bien")))
    qtbot.mouseClick(dialog.ui.selectAllButton, Qt.MouseButton.LeftButton)
    expected = CampaignService(make_uow).units_within(place_id("tinh-dien-bien"), date(2026, 6, 30))
    qtbot.waitUntil(lambda: len(dialog.chosen_ids()) == len(expected), timeout=10000)
    assert dialog.ui.countLabel.text() == f"Đã chọn {len(expected)} đơn vị."
    assert MUONG_ANG in dialog.chosen_ids()


def test_copy_last_years_campaign_then_close_it_from_the_page(qtbot, page, make_uow):
    load_sample(make_uow, "muong-ang-2024")
    page.refresh()
    settle(qtbot, page)
    dialog = _open_new(qtbot, page)
    qtbot.mouseClick(dialog.ui.copyButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.ui.copyLabel.isVisible, timeout=10000)
    assert dialog.ui.copyLabel.text().startswith("Đã sao chép từ đợt năm 2024")
    assert "Xã Ẳng Nưa (đến 30/06/2025) → Xã Mường Ảng" in dialog.ui.copyLabel.text()
    assert "2026" in dialog.ui.titleEdit.text() and dialog.ui.deadlineEdit.text().endswith("/2026")
    assert MUONG_ANG in dialog.chosen_ids() and place_id("xa-ang-nua") not in dialog.chosen_ids()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10000)
    settle(qtbot, page)
    assert page.ui.campaignCombo.currentText().startswith("2026 — ")

    page.campaign_actions.update_actions()
    page.campaign_actions.close_action.trigger()
    box = page.campaign_actions.confirm_box
    qtbot.waitExposed(box)
    yes = next(b for b in box.buttons() if b.text() == "Kết thúc đợt")
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.ui.campaignCombo.currentText().endswith("(đã kết thúc)"), timeout=10000)
    settle(qtbot, page)
    assert page.ui.messageLabel.text() == "Đã kết thúc đợt rà soát năm 2026."
    QApplication.processEvents()


def test_edit_the_campaign_from_the_page(qtbot, page, make_uow):
    info = CampaignService(make_uow).add(
        CampaignInput(2026, "30/06/2026", "Rà soát 2026", "", (MUONG_ANG,)), today=TODAY
    )
    page.refresh()
    settle(qtbot, page)
    page.campaign_actions.update_actions()
    page.campaign_actions.edit_action.trigger()
    qtbot.waitUntil(lambda: page.campaign_actions.dialog is not None, timeout=10000)
    dialog = page.campaign_actions.dialog
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Sửa đợt rà soát năm 2026"
    assert (dialog.ui.titleEdit.text(), dialog.ui.deadlineEdit.text()) == ("Rà soát 2026", "30/06/2026")
    assert dialog.chosen_ids() == (MUONG_ANG,) and not dialog.ui.copyButton.isVisible()
    _retype(qtbot, dialog.ui.titleEdit, "Rà soát sản phẩm năm 2026 (bổ sung)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10000)
    settle(qtbot, page)
    assert page.ui.campaignCombo.currentText() == "2026 — Rà soát sản phẩm năm 2026 (bổ sung)"
    assert CampaignService(make_uow).get(info.id).title == "Rà soát sản phẩm năm 2026 (bổ sung)"


def test_delete_an_empty_campaign_after_confirming(qtbot, page, make_uow):
    CampaignService(make_uow).add(CampaignInput(2026, "30/06/2026", "Đợt nhầm", "", (MUONG_ANG,)), today=TODAY)
    page.refresh()
    settle(qtbot, page)
    page.campaign_actions.update_actions()
    page.campaign_actions.delete_action.trigger()
    box = page.campaign_actions.confirm_box
    qtbot.waitExposed(box)
    assert box.text().startswith("Xóa đợt rà soát năm 2026 «Đợt nhầm»")
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "Xóa đợt"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.ui.campaignCombo.count() == 0, timeout=10000)
    settle(qtbot, page)
    assert page.ui.messageLabel.text() == "Đã xóa đợt rà soát năm 2026."
    assert SurveyService(make_uow).campaigns() == []


def test_closing_a_campaign_another_person_changed_meanwhile_is_refused_and_shows_theirs(qtbot, page, db, make_uow):
    """The list showed the campaign open; another person renames it before this one closes it:
    nothing is closed, the message names them, and the list shows their title."""
    info = CampaignService(make_uow).add(
        CampaignInput(2026, "30/06/2026", "Rà soát 2026", "", (MUONG_ANG,)), today=TODAY
    )
    page.refresh()
    settle(qtbot, page)
    page.campaign_actions.update_actions()
    CampaignService(db.uow_factory(actor="Lò Văn Cường")).edit(
        info.id, CampaignInput(2026, "30/06/2026", "Rà soát OCOP 2026", "", (MUONG_ANG,)), today=TODAY
    )
    page.campaign_actions.close_action.trigger()
    box = page.campaign_actions.confirm_box
    qtbot.waitExposed(box)
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "Kết thúc đợt"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Lò Văn Cường" in page.ui.messageLabel.text(), timeout=10000)
    said = page.ui.messageLabel.text()
    assert said.startswith("Đợt rà soát năm 2026 «Rà soát OCOP 2026» đã được Lò Văn Cường sửa lúc ")
    assert "Chưa lưu gì" in said
    assert page.ui.campaignCombo.currentText() == "2026 — Rà soát OCOP 2026"
    assert CampaignService(make_uow).get(info.id).closed_on is None
