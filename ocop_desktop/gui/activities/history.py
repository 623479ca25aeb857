"""A product's or producer's activities (fairs it was shown at, support, training): a small table the forms can show."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ocop_desktop.domain.schema.activities import HISTORY
from ocop_desktop.gui.activities.models import ActivityTableModel
from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.services.activities import ActivityService
from ocop_desktop.services.activity_types import ActivityDTO


class ActivityHistory(QWidget):
    """Call ``show_product(id)`` or ``show_producer(id)``; the table fills when the read is done."""

    def __init__(self, activities: ActivityService, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._activities = activities
        self._jobs = PageJobs(jobs, self, on_error=lambda exc: report_error(self, exc, show=self.summary.setText))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = ActivityTableModel(self, view=HISTORY)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def show_product(self, product_id: str) -> None:
        activities = self._activities
        self._jobs.read("history", lambda: activities.product_history(product_id), self._loaded)

    def show_producer(self, producer_id: str) -> None:
        activities = self._activities
        self._jobs.read("history", lambda: activities.producer_history(producer_id), self._loaded)

    def is_busy(self) -> bool:
        return self._jobs.busy()

    def _loaded(self, rows: list[ActivityDTO]) -> None:
        self.model.set_rows(rows)
        if not rows:
            self.summary.setText(self.tr("No activities yet."))
            return
        fairs = [a for a in rows if a.kind == "hoi_cho"]
        text = self.tr("%1 activities, %2 fairs.").replace("%1", str(len(rows))).replace("%2", str(len(fairs)))
        self.summary.setText(text)
