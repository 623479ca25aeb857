"""The report dialog offers the year's activities report in Vietnamese, limited to a unit like the registry reports."""

from __future__ import annotations

from datetime import date

from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.reports.dialog import ReportsDialog
from ocop_desktop.services.report_settings import read_report_settings, save_report_settings
from ocop_desktop.services.reports import ReportService


def test_the_activities_report_is_offered_with_its_unit_choice(qtbot, vietnamese, make_uow, tmp_path):
    runner = JobRunner()
    dialog = ReportsDialog(
        ReportService(make_uow),
        runner,
        (lambda: read_report_settings(make_uow), lambda s: save_report_settings(make_uow, s)),
        today=lambda: date(2024, 12, 20),
        work_dir=tmp_path,
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10000)
    dialog.show()
    dialog.select_kind("activities")
    assert dialog.ui.kindList.currentItem().text() == "Hỗ trợ, tập huấn, tuyên truyền và hội chợ trong năm của văn bản"
    assert dialog.ui.unitCombo.isVisible() and not dialog.ui.campaignCombo.isVisible()
    request = dialog.request()
    assert (request.kind, request.today) == ("activities", date(2024, 12, 20))
    runner.wait()
