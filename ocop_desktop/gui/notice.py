"""The quiet notice shown at start: what is overdue or due this week."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from PySide6.QtCore import QCoreApplication

from ocop_desktop.domain.enums import TaskStatus
from ocop_desktop.services.tasks import TaskService

OPEN = {TaskStatus.NEW.value, TaskStatus.IN_PROGRESS.value}


def due_notice_html(tasks: TaskService, today: date) -> str:
    """One line with a link to the overdue tasks; empty when nothing is due."""
    rows = [t for t in tasks.list(today=today) if t.status in OPEN]
    overdue = sum(1 for t in rows if t.overdue)
    week = sum(1 for t in rows if t.due_on and today <= t.due_on <= today + timedelta(days=7))
    if not overdue and not week:
        return ""
    text = QCoreApplication.translate("Notice", "%1 task(s) overdue, %2 due within 7 days. Open the task list")
    return '⚠ <a href="tasks">%s</a>' % escape(text.replace("%1", str(overdue)).replace("%2", str(week)))
