"""The quiet notice shown at start, above the tabs: what is overdue or due this week."""

from __future__ import annotations

from html import escape

from ocop_desktop.gui.tasks.notice import due_notice
from ocop_desktop.services.tasks import TaskDTO


def due_notice_html(overdue: list[TaskDTO], due_this_week: list[TaskDTO]) -> str:
    """The task notice as a link to the task list; empty when nothing is late or near.
    The tasks come from the start page's background read (StartPage.due_read)."""
    text = due_notice(overdue, due_this_week)
    if not text:
        return ""
    return '⚠ <a href="tasks">%s</a>' % "<br>".join(escape(line) for line in text.splitlines())
