"""The whole window as a user meets it: Vietnamese tabs, start-page links, notice, geometry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt

from ocop_desktop.app import build_main_window
from ocop_desktop.gui.ui_settings import UiSettings
from ocop_desktop.services.sample import load_sample


@pytest.fixture
def ui_settings(tmp_path):
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


def settle(qtbot, window) -> None:
    """Wait for what the pages read and write in the background, as a user waits for them to fill."""
    qtbot.waitUntil(lambda: not any(p.is_busy() for p in (window.start, window.surveys, window.tasks)), timeout=10000)


@pytest.fixture
def window(qtbot, db, make_uow, ui_settings, vietnamese):
    load_sample(make_uow, "muong-ang-2024")
    win = build_main_window(db, ui_settings, ask_first_run=False)
    qtbot.addWidget(win)
    win.show()
    settle(qtbot, win)
    yield win
    win.jobs.wait()


def test_tabs_menus_and_status_bar_are_vietnamese(window, db_path):
    tabs = window.ui.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Trang chính",
        "Sản phẩm OCOP",
        "Lộ trình",
        "Rà soát sản phẩm",
        "Nhiệm vụ",
        "Hoạt động",
    ]
    assert window.ui.menuReports.title() == "&Báo cáo"
    assert str(db_path) in window.db_label.text() and window.db_label.text().startswith("Dữ liệu:")
    assert window.office_label.text() == "Chưa thiết lập đơn vị"


def test_the_overdue_report_task_is_noticed_quietly(window):
    # The sample's report task was due on 05/07/2024: it is overdue today.
    assert window.ui.noticeLabel.isVisible()
    assert "Rà soát sản phẩm tiềm năng" in window.ui.noticeLabel.text()


def test_a_star_bar_opens_the_filtered_product_tab(window, qtbot):
    window.ui.tabs.setCurrentWidget(window.start)
    chart = window.start.stars_chart
    rect = chart.bar_rect(1)  # 4 stars
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.center().x()), int(rect.center().y())))
    assert window.ui.tabs.currentWidget() is window.products
    qtbot.waitUntil(lambda: window.products.model.rowCount() == 3, timeout=10000)


def test_the_notice_link_opens_the_overdue_tasks(window, qtbot):
    window.ui.noticeLabel.linkActivated.emit("tasks")
    assert window.ui.tabs.currentWidget() is window.tasks
    qtbot.waitUntil(lambda: not window.tasks.is_busy(), timeout=10000)
    assert window.tasks.current_filter().due == "overdue"


def test_geometry_is_remembered(qtbot, db, make_uow, ui_settings, vietnamese):
    first = build_main_window(db, ui_settings, ask_first_run=False)
    qtbot.addWidget(first)
    first.show()
    first.resize(1000, 700)
    first.close()
    assert ui_settings.geometry is not None
    second = build_main_window(db, ui_settings, ask_first_run=False)
    qtbot.addWidget(second)
    second.show()
    # The offscreen test screen is smaller than the window, so Qt may trim the width to fit;
    # the height, which fits, comes back exactly.
    assert second.height() == 700 and second.width() >= second.minimumSizeHint().width()
    for w in (first, second):
        w.jobs.wait()


def test_the_window_fits_an_old_1024_pixel_screen(window):
    # Commune laptops are often 1024–1366 pixels wide: no page may force a wider window.
    assert window.minimumSizeHint().width() <= 1024


def test_exchange_and_excel_actions_are_offered(window):
    for name in ("actionSendPackage", "actionReceivePackage", "actionImportSurveyExcel", "actionSurveyTemplate"):
        assert getattr(window.ui, name).isVisible(), name
    assert window.ui.actionSendPackage.text() == "Gửi báo cáo…"
    window.ui.tabs.setCurrentWidget(window.surveys)
    assert window.surveys.ui.importExcelButton.isVisible()
    assert window.surveys.ui.importExcelButton.text() == "Nhập từ Excel…"


def test_trusted_offices_follow_receive_in_the_file_menu_and_open_their_dialog(window, monkeypatch):
    from ocop_desktop.gui.exchange.senders_dialog import SendersDialog

    names = [a.objectName() for a in window.ui.menuFile.actions()]
    assert names[names.index("actionReceivePackage") + 1] == "actionTrustedSenders"
    action = window.ui.actionTrustedSenders
    assert action.isVisible() and action.text() == "Đơn vị tin cậy và khóa ký…"
    shown = []
    monkeypatch.setattr(SendersDialog, "exec", lambda dialog: shown.append(dialog.windowTitle()) or 0)
    action.trigger()
    assert shown == ["Đơn vị tin cậy và khóa ký"]


def test_lam_moi_brings_rows_stored_elsewhere_into_the_open_survey_grid(window, make_uow, qtbot):
    from ocop_desktop.services.reference import place_id
    from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService

    page = window.surveys
    window.ui.tabs.setCurrentWidget(page)
    ang_nua = place_id("xa-ang-nua")
    page.ui.unitCombo.setCurrentIndex(page.ui.unitCombo.findData(ang_nua))
    settle(qtbot, window)
    campaign_id = page.current_selection()[0]
    elsewhere = SurveyService(make_uow)  # another window, or `ocop import survey`
    elsewhere.save_entries(campaign_id, ang_nua, [SurveyEntryInput(product_name="Gạo nếp nương")])
    assert page.grid_model.index(0, 0).data() == ""
    window.ui.actionRefresh.trigger()
    settle(qtbot, window)
    assert page.grid_model.index(0, 0).data() == "Gạo nếp nương"
    # Unsaved typing is never replaced by a refresh: the grid keeps it and says the unit changed.
    page.grid_model.set_cells([(1, 0, "Măng khô")], "thử")
    elsewhere.save_entries(campaign_id, ang_nua, [SurveyEntryInput(product_name="Mật ong")])
    window.refresh_all()
    settle(qtbot, window)
    assert [page.grid_model.index(r, 0).data() for r in range(2)] == ["Gạo nếp nương", "Măng khô"]
    assert page.ui.messageLabel.text().startswith("Các dòng của đơn vị này vừa được thay đổi ở nơi khác.")
    page.reload_and_reapply()
    settle(qtbot, window)
    assert [page.grid_model.index(r, 0).data() for r in range(3)] == ["Gạo nếp nương", "Mật ong", "Măng khô"]


def test_a_change_in_one_tab_is_shown_in_the_others(window, make_uow, qtbot):
    from ocop_desktop.services.reference import place_id
    from ocop_desktop.services.surveys import SurveyEntryInput, SurveyService

    page = window.surveys
    ang_nua = place_id("xa-ang-nua")
    page.ui.unitCombo.setCurrentIndex(page.ui.unitCombo.findData(ang_nua))
    settle(qtbot, window)
    SurveyService(make_uow).save_entries(
        page.current_selection()[0], ang_nua, [SurveyEntryInput(product_name="Miến dong Ẳng Nưa")]
    )
    window.refresh_all()
    qtbot.waitUntil(lambda: not window.products.is_loading(), timeout=10000)
    settle(qtbot, window)
    assert window.products.ui.countLabel.text() == "10 sản phẩm"
    page.ui.grid.setCurrentIndex(page.grid_model.index(0, 0))
    page.ui.promoteButton.click()  # the survey tab adds a product to the registry
    qtbot.waitUntil(lambda: window.products.ui.countLabel.text() == "11 sản phẩm", timeout=10000)
