"""The report dialog's unit chooser lists the units of today; choosing one limits the report to its area."""

from __future__ import annotations

from datetime import date

from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.reports.dialog import ReportsDialog
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.reference import place_id
from ocop_desktop.services.report_settings import read_report_settings, save_report_settings
from ocop_desktop.services.reports import ReportService
from ocop_desktop.services.sample import load_sample
from ocop_desktop.services.settings import save_office_settings

DAY = date(2026, 11, 28)


def _items(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_unit_chooser_offers_units_of_today_and_limits_the_report(qtbot, vietnamese, make_uow, tmp_path):
    load_sample(make_uow, "muong-ang-2024")
    office = next(p for p in PlaceService(make_uow).all() if p.key == "xa-bung-lao")
    save_office_settings(make_uow, office.id, "Lò Văn Thắng", "Chủ tịch", "ubnd")
    reports = ReportService(make_uow)
    dialog = ReportsDialog(
        reports,
        JobRunner(),
        (lambda: read_report_settings(make_uow), lambda s: save_report_settings(make_uow, s)),
        today=lambda: DAY,
        work_dir=tmp_path,
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10000)  # the choices are read in the background
    dialog.show()
    dialog.select_kind("survey")
    items = _items(dialog.ui.unitCombo)
    assert "Xã Mường Ảng" in items and "Xã Ẳng Nưa (nay thuộc xã Mường Ảng)" in items
    dialog.ui.unitCombo.setCurrentIndex(items.index("Xã Mường Ảng"))
    request = dialog.request()
    assert request.unit_id == place_id("xa-muong-ang")  # the service takes the id, not a code
    headings = [s.heading.split(" — ")[0] for s in reports.build(request).sections]
    assert headings == [
        "Thị trấn Mường Ảng (nay thuộc xã Mường Ảng)",
        "Xã Ẳng Cang (nay thuộc xã Mường Ảng)",
        "Xã Ẳng Nưa (nay thuộc xã Mường Ảng)",
    ]

    dialog.select_kind("products")
    assert dialog.ui.unitCombo.isVisible()
    items = _items(dialog.ui.unitCombo)
    assert "Xã Mường Ảng" in items and "Xã Búng Lao" in items and "Xã Ẳng Nưa" not in items
    assert dialog.ui.unitCombo.currentText() == "Xã Mường Ảng"  # the choice is kept across kinds
