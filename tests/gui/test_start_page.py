"""Start page: charts drawn from the data, and every item a link to its filtered tab."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt

from ocop_desktop.gui.start_page import StartPage
from ocop_desktop.services.dashboard import DashboardService
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.surveys import SurveyService
from ocop_desktop.services.tasks import TaskService


def _page(qtbot, make_uow, today):
    load_sample(make_uow, "muong-ang-2024")
    page = StartPage(DashboardService(make_uow), TaskService(make_uow), SurveyService(make_uow),
                     today=lambda: today)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    page.refresh()
    return page


def test_charts_show_the_counts(qtbot, make_uow):
    page = _page(qtbot, make_uow, date(2024, 7, 6))
    stars = {b.label: b.value for b in page.stars_chart.bars()}
    assert stars == {"★★★★★": 0, "★★★★": 3, "★★★": 7, "★★": 0, "★": 0}
    (campaign,) = page.campaign_chart.bars()
    assert campaign.value == 0 and campaign.maximum == 10
    assert "05/07/2024" in campaign.label and campaign.color == "#c62828"  # past due, nobody submitted
    assert "1 task(s) overdue" in page.ui.tasksLabel.text() or "1 nhiệm vụ quá hạn" in page.ui.tasksLabel.text()


def test_clicking_a_bar_asks_for_the_filtered_products_tab(qtbot, make_uow):
    page = _page(qtbot, make_uow, date(2024, 7, 6))
    rect = page.stars_chart.bar_rect(1)  # the 4-star bar
    with qtbot.waitSignal(page.navigate) as blocker:
        qtbot.mouseClick(page.stars_chart, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.center().x()), int(rect.center().y())))
    assert blocker.args == ["products", {"stars": 4}]


def test_task_links_ask_for_the_overdue_filter(qtbot, make_uow):
    page = _page(qtbot, make_uow, date(2024, 7, 6))
    with qtbot.waitSignal(page.navigate) as blocker:
        page.ui.tasksLabel.linkActivated.emit("tasks:overdue")
    assert blocker.args == ["tasks", {"due": "overdue"}]
