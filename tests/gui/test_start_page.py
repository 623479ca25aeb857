"""Start page: charts drawn from the data, and every item a link to its filtered tab."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from ocop_desktop.gui.start_page import StartPage
from ocop_desktop.services.dashboard import DashboardService
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.surveys import SurveyService
from ocop_desktop.services.tasks import TaskService


def _page(qtbot, make_uow, today):
    load_sample(make_uow, "muong-ang-2024")
    page = StartPage(DashboardService(make_uow), TaskService(make_uow), SurveyService(make_uow), today=lambda: today)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=5000)
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
        qtbot.mouseClick(
            page.stars_chart, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.center().x()), int(rect.center().y()))
        )
    assert blocker.args == ["products", {"stars": 4}]


def test_task_links_ask_for_the_overdue_filter(qtbot, make_uow):
    page = _page(qtbot, make_uow, date(2024, 7, 6))
    with qtbot.waitSignal(page.navigate) as blocker:
        page.ui.tasksLabel.linkActivated.emit("tasks:overdue")
    assert blocker.args == ["tasks", {"due": "overdue"}]


# --- «Bắt đầu»: the first steps of a new office ------------------------------------------------


def _steps_page(qtbot, make_uow, today=date(2026, 3, 2)):
    from ocop_desktop.services.first_steps import FirstStepsService

    page = StartPage(
        DashboardService(make_uow),
        TaskService(make_uow),
        SurveyService(make_uow),
        today=lambda: today,
        steps=FirstStepsService(make_uow),
    )
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=5000)
    return page


def _lines(page) -> list[str]:
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(page.ui.stepsLabel.text())
    return [line for line in doc.toPlainText().splitlines() if line.strip()]


def test_an_empty_database_shows_four_unticked_steps_as_links(qtbot, make_uow, vietnamese):
    page = _steps_page(qtbot, make_uow)
    assert page.ui.stepsBox.isVisible() and page.ui.stepsBox.title() == "Bắt đầu"
    lines = _lines(page)
    assert lines == [
        "☐ 1. Thiết lập đơn vị: đơn vị hành chính, loại cơ quan, người ký",
        "☐ 2. Tạo đợt rà soát sản phẩm năm nay hoặc nhập công văn chỉ đạo đã nhận",
        "☐ 3. Thêm sản phẩm hoặc nhập danh sách năm trước từ Excel",
        "☐ 4. Gửi báo cáo đầu tiên lên cấp trên (gói dữ liệu)",
    ]
    for link in ("step:office", "step:campaign", "step:letter", "step:products", "step:import", "step:send"):
        assert f'href="{link}"' in page.ui.stepsLabel.text()
    with qtbot.waitSignal(page.step_requested) as blocker:
        page.ui.stepsLabel.linkActivated.emit("step:campaign")
    assert blocker.args == ["campaign"]


def test_steps_tick_themselves_as_the_office_works_and_the_list_goes_away(qtbot, make_uow, vietnamese):
    from ocop_desktop.persistence.models import OutboxEntry, Place
    from ocop_desktop.services.campaigns import CampaignInput, CampaignService
    from ocop_desktop.services.settings import save_office_settings

    page = _steps_page(qtbot, make_uow)
    with make_uow() as uow:
        unit = uow.session.query(Place).filter(Place.name == "Xã Mường Ảng").one()
        unit_id = unit.id
        old_id = uow.session.query(Place).filter(Place.name == "Thị trấn Mường Ảng").one().id  # until 30/06/2025
    save_office_settings(make_uow, unit_id, "Lò Văn Minh", "Chuyên viên", "ubnd", "")
    # A campaign of an earlier year is not this year's campaign.
    CampaignService(make_uow).add(
        CampaignInput(year=2025, deadline="30/06/2025", title="Rà soát 2025", unit_ids=(old_id,)),
        today=date(2026, 3, 2),
    )
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=5000)
    lines = _lines(page)
    assert lines[0].startswith("☑ 1.") and lines[0].endswith("— đã xong")
    assert lines[1].startswith("☐ 2.")

    campaign = CampaignService(make_uow).add(
        CampaignInput(year=2026, deadline="30/06/2026", title="Rà soát 2026", unit_ids=(unit_id,)),
        today=date(2026, 3, 2),
    )
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=5000)
    assert [line[:4] for line in _lines(page)] == ["☑ 1.", "☑ 2.", "☐ 3.", "☐ 4."]
    # A done step reads as the open one did, its two ways joined by a spaced «hoặc».
    assert _lines(page)[1] == "☑ 2. Tạo đợt rà soát sản phẩm năm nay hoặc nhập công văn chỉ đạo đã nhận — đã xong"

    from ocop_desktop.services.surveys import SurveyEntryInput

    SurveyService(make_uow).save_entries(campaign.id, unit_id, [SurveyEntryInput(product_name="Chè shan tuyết")])
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=5000)
    assert [line[:4] for line in _lines(page)] == ["☑ 1.", "☑ 2.", "☑ 3.", "☐ 4."]
    with make_uow() as uow:
        uow.session.add(OutboxEntry(package_id="p-1", scope="all", file_name="goi.ocop"))
        uow.commit()
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=5000)
    assert page.ui.stepsBox.isHidden() and page.steps_status.done


def test_the_sample_office_with_everything_done_shows_no_checklist(qtbot, make_uow, vietnamese):
    from ocop_desktop.persistence.models import OutboxEntry
    from ocop_desktop.services.first_steps import FirstStepsService

    load_sample(make_uow, "muong-ang-2024")
    with make_uow() as uow:
        uow.session.add(OutboxEntry(package_id="p-1", scope="all", file_name="goi.ocop"))
        uow.commit()
    status = FirstStepsService(make_uow).status(date(2024, 7, 6))
    assert (status.campaign, status.records, status.sent) == (True, True, True)
    page = _steps_page(qtbot, make_uow, today=date(2024, 7, 6))
    # The sample names no office of this machine: only that step is left.
    assert not status.office and page.ui.stepsBox.isVisible()
    assert [line[:4] for line in _lines(page)] == ["☐ 1.", "☑ 2.", "☑ 3.", "☑ 4."]


def test_long_lists_scroll_inside_the_page_instead_of_growing_the_window(qtbot, make_uow, vietnamese):
    """At national scale hundreds of certificates fall due: the page scrolls, the window keeps
    within a 1024×768 screen (it grew to 958 lines before, past the screen's bottom)."""
    from ocop_desktop.gui.screen_fit import BUDGET

    page = _steps_page(qtbot, make_uow)  # shown as a window of its own, 1000×700
    lines = "<br>".join(f"• Sản phẩm {n} — 02/12/2026 (còn 0 ngày)" for n in range(80))
    page.ui.expiryLabel.setText(lines)
    page.ui.tasksLabel.setText(lines)
    for _ in range(5):
        QApplication.processEvents()
    assert page.height() <= BUDGET.height()
    assert page.ui.expiryLabel.isVisible() and page.ui.expiryLabel.height() > BUDGET.height()  # whole, scrolled to
