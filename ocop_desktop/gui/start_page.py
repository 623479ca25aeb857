"""The start page: stars, statuses, certificates, tasks and campaigns, each a link to its tab."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from ocop_desktop.domain.enums import ProductStatus
from ocop_desktop.gui.charts import Bar, BarChart
from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.formatting import display
from ocop_desktop.gui.forms.ui_start_page import Ui_StartPage
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.services.dashboard import DashboardDTO, DashboardService
from ocop_desktop.services.first_steps import FirstStepsDTO, FirstStepsService
from ocop_desktop.services.surveys import CampaignDTO, SurveyService
from ocop_desktop.services.tasks import TaskDTO, TaskService

STAR_COLORS = {1: "#9e9e9e", 2: "#8d6e63", 3: "#f9a825", 4: "#ef6c00", 5: "#c62828"}
STATUS_COLORS = {
    ProductStatus.POTENTIAL: "#78909c",
    ProductStatus.REGISTERED: "#5c6bc0",
    ProductStatus.EVALUATED: "#26a69a",
    ProductStatus.CERTIFIED: "#2e7d32",
    ProductStatus.EXPIRED: "#c62828",
    ProductStatus.REVOKED: "#6d4c41",
}
MAX_LISTED = 6


class StartPage(QWidget):
    """``navigate(target, filters)`` asks the main window to open a tab with these filters;
    ``step_requested(step)`` asks it to open what a «Bắt đầu» step needs (office, campaign,
    letter, products, import, send)."""

    navigate = Signal(str, dict)
    due_read = Signal(object)  # (overdue, due this week): the tasks due, each time they are read
    step_requested = Signal(str)

    def __init__(
        self,
        dashboard: DashboardService,
        tasks: TaskService,
        surveys: SurveyService,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
        steps: FirstStepsService | None = None,
        jobs: JobRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._dashboard, self._tasks, self._surveys, self._today = dashboard, tasks, surveys, today
        self._steps = steps
        # The window's one database thread; a page shown on its own (tests) gets a runner of its own.
        self._jobs = PageJobs(jobs or JobRunner(self), self, on_error=self._failed)
        self.steps_status: FirstStepsDTO | None = None
        self.ui = Ui_StartPage()
        content = QWidget()
        self.ui.setupUi(content)
        # At national scale the lists (certificates due, campaigns) outgrow a 768-line screen: the
        # page scrolls inside the window rather than the window growing past the screen.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.stars_chart = BarChart(self)
        self.status_chart = BarChart(self)
        self.campaign_chart = BarChart(self)
        self.ui.starsLayout.addWidget(self.stars_chart)
        self.ui.statusLayout.addWidget(self.status_chart)
        self.ui.campaignLayout.addWidget(self.campaign_chart)
        self.stars_chart.activated.connect(lambda key: self.navigate.emit("products", {"stars": int(key)}))
        self.status_chart.activated.connect(lambda key: self.navigate.emit("products", {"status": key}))
        self.campaign_chart.activated.connect(lambda key: self.navigate.emit("surveys", {"campaign_id": key}))
        self.ui.expiryLabel.linkActivated.connect(self._follow)
        self.ui.tasksLabel.linkActivated.connect(self._follow)
        self.ui.stepsLabel.linkActivated.connect(lambda link: self.step_requested.emit(link.partition(":")[2]))
        self.ui.stepsBox.setVisible(False)

    def _follow(self, link: str) -> None:
        target, _, arg = link.partition(":")
        filters = {
            "expiring": {"expiring_within_days": 183},
            "expired": {"expired": True},
            "window": {"expiring_within_days": 180},
            "overdue": {"due": "overdue"},
            "week": {"due": "week"},
        }[arg]
        self.navigate.emit(target, filters)

    def is_busy(self) -> bool:
        """Whether a read is still running (tests wait for this to turn False)."""
        return self._jobs.busy()

    def _failed(self, exc: Exception) -> None:
        report_error(self, exc, show=lambda reason: self.ui.tasksLabel.setText(escape(reason)))

    def refresh_steps(self) -> None:
        """The checklist of a new office; it ticks each step done and hides once all are."""
        if self._steps is not None:
            steps, today = self._steps, self._today()
            self._jobs.read("steps", lambda: steps.status(today), self._show_steps)

    def _show_steps(self, status: FirstStepsDTO | None) -> None:
        if status is None:
            return
        self.steps_status = status
        self.ui.stepsBox.setVisible(not status.done)
        if not status.done:
            self.ui.stepsLabel.setText(self._steps_html(status))

    def _steps_html(self, status: FirstStepsDTO) -> str:
        done_word = escape(self.tr("done"))

        def step(number: int, done: bool, links: list[tuple[str, str]], joiner: str = "") -> str:
            if done:
                text = (f" {escape(joiner)} " if joiner else " ").join(escape(label) for _key, label in links)
                return f'<p>☑ {number}. <span style="color:#2e7d32">{text}</span> — {done_word}</p>'
            parts = [f'<a href="step:{key}">{escape(label)}</a>' for key, label in links]
            return f"<p>☐ {number}. " + (f" {escape(joiner)} ".join(parts)) + "</p>"

        return "".join(
            [
                step(1, status.office, [("office", self.tr("Set up your office: unit, kind of office, who signs"))]),
                step(
                    2,
                    status.campaign,
                    [
                        ("campaign", self.tr("Create this year's survey campaign")),
                        ("letter", self.tr("register the letter you received")),
                    ],
                    self.tr("or"),
                ),
                step(
                    3,
                    status.records,
                    [("products", self.tr("Add products")), ("import", self.tr("import last year's list from Excel"))],
                    self.tr("or"),
                ),
                step(4, status.sent, [("send", self.tr("Send the first report to the office above (data package)"))]),
            ]
        )

    def refresh(self) -> None:
        """Read the checklist, the counts, the campaigns and the tasks due in one job, then draw them."""
        today, steps, dashboard, surveys, tasks = (
            self._today(),
            self._steps,
            self._dashboard,
            self._surveys,
            self._tasks,
        )
        self._jobs.cancel_reads("steps")  # the read below brings them too
        self._jobs.read(
            "all",
            lambda: (
                steps.status(today) if steps is not None else None,
                dashboard.summary(today),
                surveys.campaigns(today=today, units=False),
                tasks.due_summary(today),
            ),
            lambda result: self._show(today, *result),
        )

    def _show(
        self,
        today: date,
        status: FirstStepsDTO | None,
        summary: DashboardDTO,
        campaigns: list[CampaignDTO],
        due: tuple[list[TaskDTO], list[TaskDTO]],
    ) -> None:
        self._show_steps(status)
        self.stars_chart.set_bars([Bar(str(n), "★" * n, summary.by_stars[n], STAR_COLORS[n]) for n in range(5, 0, -1)])
        self.status_chart.set_bars(
            [
                Bar(st.value, self._status_label(st), summary.by_status[st.value], STATUS_COLORS[st])
                for st in ProductStatus
            ]
        )
        self.ui.expiryLabel.setText(self._expiry_html(summary))
        self.ui.tasksLabel.setText(self._tasks_html(due))
        self.due_read.emit(due)
        bars = []
        for c in campaigns:
            total = c.unit_count
            deadline = display(c.deadline) if c.deadline else self.tr("no deadline")
            caption = self.tr("%1/%2 units").replace("%1", str(c.submitted_count)).replace("%2", str(total))
            late = c.deadline is not None and today > c.deadline and c.submitted_count < total
            label = self.tr("%1 — due %2").replace("%1", str(c.year)).replace("%2", deadline)
            bars.append(
                Bar(
                    c.id,
                    label,
                    c.submitted_count,
                    "#c62828" if late else "#1565c0",
                    maximum=float(total or 1),
                    caption=caption,
                )
            )
        self.campaign_chart.set_bars(bars)

    @staticmethod
    def _status_label(status: ProductStatus) -> str:
        return status.shown  # in the window's language: domain/enums.py declares both labels

    def _expiry_html(self, summary) -> str:
        parts = [
            '<a href="products:expiring">%s</a>'
            % escape(self.tr("%n certificate(s) expire within 6 months", "", len(summary.expiring)))
        ]
        parts += [
            "&nbsp;&nbsp;• %s — %s"
            % (
                escape(e.name),
                escape(self.tr("%1 (in %2 days)").replace("%1", display(e.expires_on)).replace("%2", str(e.days_left))),
            )
            for e in summary.expiring[:MAX_LISTED]
        ]
        if summary.expired:
            parts.append(
                '<a href="products:expired">%s</a>'
                % escape(self.tr("%n certificate(s) already expired", "", summary.expired))
            )
        if summary.in_reevaluation_window:
            parts.append(
                '<a href="products:window">%s</a>'
                % escape(
                    self.tr(
                        "%n product(s) now in the re-evaluation filing window (180–120 days before expiry, %1)",
                        "",
                        len(summary.in_reevaluation_window),
                    ).replace("%1", summary.rule_set)
                )
            )
            parts += [
                "&nbsp;&nbsp;• %s — %s"
                % (escape(e.name), escape(self.tr("file by %1").replace("%1", display(e.window[1]))))
                for e in summary.in_reevaluation_window[:MAX_LISTED]
                if e.window
            ]
        return "<br>".join(parts)

    def _tasks_html(self, due: tuple[list[TaskDTO], list[TaskDTO]]) -> str:
        overdue, week = due
        parts = ['<a href="tasks:overdue">%s</a>' % escape(self.tr("%n task(s) overdue", "", len(overdue)))]
        parts += [
            "&nbsp;&nbsp;• %s — %s (%s)" % (escape(t.assignee), escape(t.title), display(t.due_on))
            for t in overdue[:MAX_LISTED]
        ]
        parts.append('<a href="tasks:week">%s</a>' % escape(self.tr("%n task(s) due within 7 days", "", len(week))))
        parts += [
            "&nbsp;&nbsp;• %s — %s (%s)" % (escape(t.assignee), escape(t.title), display(t.due_on))
            for t in week[:MAX_LISTED]
        ]
        return "<br>".join(parts)
