"""The quiet start-up notice: what is overdue and what falls due within the week."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ocop_desktop.gui.formatting import display
from ocop_desktop.gui.tasks.models import elide
from ocop_desktop.services.task_types import TaskDTO

SHOWN = 3  # tasks named in full; the rest are counted
TITLE_CHARS = 70


def _names(tasks: list[TaskDTO]) -> str:
    named = []
    for t in tasks[:SHOWN]:
        title = elide(t.title, TITLE_CHARS)
        text = QCoreApplication.translate("TaskNotice", "%1 (due %2)")
        named.append(text.replace("%2", display(t.due_on)).replace("%1", title))  # user text last
    if len(tasks) > SHOWN:
        more = QCoreApplication.translate("TaskNotice", "%1 more")
        named.append(more.replace("%1", str(len(tasks) - SHOWN)))
    return "; ".join(named)


def due_notice(overdue: list[TaskDTO], due_this_week: list[TaskDTO]) -> str:
    """One or two lines for the status bar or start page; "" when nothing is late or near.

    Takes the pair returned by ``TaskService.due_summary(today)``.
    """
    lines = []
    if overdue:
        text = QCoreApplication.translate("TaskNotice", "Overdue tasks: %1")
        lines.append(text.replace("%1", _names(overdue)))
    if due_this_week:
        text = QCoreApplication.translate("TaskNotice", "Due within 7 days: %1")
        lines.append(text.replace("%1", _names(due_this_week)))
    return "\n".join(lines)
