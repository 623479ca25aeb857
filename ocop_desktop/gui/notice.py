"""The quiet notice shown at start, above the tabs: what is overdue or due this week."""

from __future__ import annotations

from datetime import date
from html import escape

from ocop_desktop.gui.tasks.notice import due_notice
from ocop_desktop.services.tasks import TaskService


def due_notice_html(tasks: TaskService, today: date) -> str:
    """The task notice as a link to the task list; empty when nothing is late or near."""
    text = due_notice(*tasks.due_summary(today))
    if not text:
        return ""
    return '⚠ <a href="tasks">%s</a>' % "<br>".join(escape(line) for line in text.splitlines())
