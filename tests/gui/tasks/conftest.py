"""Fixtures of the tasks tab: the sample's tasks, the page in Vietnamese, user-like helpers."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox

from ocop_desktop.gui.tasks.page import TasksPage
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.tasks import TaskService
from tests.gui.keyboard import type_text  # noqa: F401  (re-exported for the tests)

TODAY = date(2024, 7, 6)  # the day after the communes' report was due
AUTHOR = "Lò Thị Hoa"
REPORT = "Rà soát sản phẩm tiềm năng và báo cáo kết quả rà soát sản phẩm tham gia Chương trình OCOP năm 2024"


@pytest.fixture
def service(make_uow) -> TaskService:
    load_sample(make_uow, "muong-ang-2024")
    return TaskService(make_uow)


@pytest.fixture
def make_page(qtbot, vietnamese, service, jobs):
    def make(today: date = TODAY) -> TasksPage:
        page = TasksPage(service, jobs, author=lambda: AUTHOR, today=lambda: today)
        qtbot.addWidget(page)
        page.resize(1200, 800)
        page.show()
        qtbot.waitExposed(page)
        settle(qtbot, page)
        return page

    return make


@pytest.fixture
def page(make_page) -> TasksPage:
    return make_page()


def settle(qtbot, page: TasksPage) -> None:
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=5000)


def column(page: TasksPage, col: int) -> list[str]:
    model = page.task_model
    return [model.index(r, col).data() for r in range(model.rowCount())]


def titles(page: TasksPage) -> list[str]:
    return column(page, 2)


def choose(qtbot, page: TasksPage, combo: QComboBox, text: str) -> None:
    """Pick the entry the user reads as ``text`` and wait for the list to reload."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not among {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)
    settle(qtbot, page)


def click_row(qtbot, view: QAbstractItemView, row: int, col: int = 0) -> None:
    view.scrollTo(view.model().index(row, col))
    rect = view.visualRect(view.model().index(row, col))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
