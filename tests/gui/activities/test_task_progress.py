"""Issue 17 must-show: the letter's task for the economy office is linked to a fair, and the task shows it
as progress beside its typed notes, newest first."""

from __future__ import annotations

from datetime import date

from ocop_desktop.gui.tasks.page import TasksPage
from ocop_desktop.services.activities import ActivityInput, ActivityService
from ocop_desktop.services.tasks import TaskInput, TaskService
from tests.gui.tasks.conftest import click_row, settle, titles

TRADE = "Phối hợp với các chủ thể xúc tiến thương mại, giới thiệu sản phẩm tại các hội chợ trong và ngoài tỉnh"


def test_a_task_shows_the_fair_that_carries_it_out_as_progress(qtbot, vietnamese, make_uow, jobs):
    tasks, activities = TaskService(make_uow), ActivityService(make_uow)
    task = tasks.create_task(TaskInput(assignee="Phòng Kinh tế", title=TRADE, due_on=date(2024, 12, 31)))
    tasks.add_progress(task.id, date(2024, 8, 1), "Đã gửi kế hoạch tham gia hội chợ", author="Lò Thị Hoa")
    activities.create(
        ActivityInput(
            kind="hoi_cho",
            title="Hội chợ OCOP tỉnh Điện Biên năm 2024",
            held_on=date(2024, 9, 12),
            organiser="Sở Công Thương",
            sales=45_500_000,
            result="Ký 3 hợp đồng tiêu thụ",
            task_id=task.id,
        )
    )
    page = TasksPage(tasks, jobs, author=lambda: "Lò Thị Hoa", today=lambda: date(2024, 10, 1), activities=activities)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, page)
    click_row(qtbot, page.ui.taskTable, titles(page).index(TRADE), 2)
    settle(qtbot, page)
    model = page.progress_model
    shown = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert shown == [
        [
            "12/09/2024",
            "Hội chợ, hội nghị xúc tiến thương mại: Hội chợ OCOP tỉnh Điện Biên năm 2024 — Ký 3 hợp đồng tiêu thụ",
            "Sở Công Thương",
        ],
        ["01/08/2024", "Đã gửi kế hoạch tham gia hội chợ", "Lò Thị Hoa"],
    ]
