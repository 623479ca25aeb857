"""The logbook and the activity history where an officer looks for them: the registry's «Không ghi sổ 12 tháng»
filter and mark, its «Sổ nhật ký…» window and the product form's activity history — each clicked as a user
does and read back from what the window shows."""

from __future__ import annotations

import os
from datetime import date

from PySide6.QtCore import Qt

from ocop_desktop.gui.logbooks.dialog import LogbookDialog, logbook_services
from ocop_desktop.gui.products.dialog import ProductDialog
from ocop_desktop.gui.products.page import ProductsPage
from ocop_desktop.persistence.models import Product
from ocop_desktop.services.activities import ActivityService
from ocop_desktop.services.activity_types import ActivityInput
from ocop_desktop.services.logbook_import import LogbookImportService
from tests.gui.products.conftest import names
from tests.services.logbook_data import make_owner, write_logbook

LEFT = Qt.MouseButton.LeftButton
TODAY = date(2025, 12, 1)  # the 2025 logbook's entries are within the last 12 months


def _logbook_services(make_uow):
    """As the window passes them: built when the logbook is first opened (its Excel and PDF libraries load then)."""
    return lambda: logbook_services(make_uow)


def _registry(qtbot, services, jobs, make_uow, **kwargs) -> ProductsPage:
    page = ProductsPage(
        services.products, services.producers, services.places, services.catalog, jobs, today=lambda: TODAY, **kwargs
    )
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)
    return page


def _select(qtbot, page: ProductsPage, name: str) -> None:
    row = names(page.model).index(name)
    rect = page.ui.table.visualRect(page.model.index(row, 1))
    qtbot.mouseClick(page.ui.table.viewport(), LEFT, pos=rect.center())


def _kept_and_idle(make_uow, tmp_path) -> str:
    """«Chè Shan tuyết Ẳng Nưa» with a 2025 logbook, «Mật ong Ẳng Tở» of the same producer with none."""
    owner = make_owner(make_uow)
    LogbookImportService(make_uow).import_file(
        write_logbook(tmp_path / "so.xlsx", 5, 4, 60), owner.producer_id, owner.product_id
    )
    with make_uow() as uow:
        uow.session.add(Product(name="Mật ong Ẳng Tở", producer_id=owner.producer_id, status="tiem_nang"))
        uow.commit()
    return owner.product_id


def test_the_registry_marks_and_filters_products_with_no_logbook_and_opens_a_products_logbook(
    qtbot, services, jobs, make_uow, vietnamese, tmp_path
):
    _kept_and_idle(make_uow, tmp_path)
    page = _registry(qtbot, services, jobs, make_uow, logbooks=_logbook_services(make_uow))
    assert names(page.model) == ["Chè Shan tuyết Ẳng Nưa", "Mật ong Ẳng Tở"]
    kept, idle = page.model.index(0, 0), page.model.index(1, 0)
    assert kept.data(Qt.ItemDataRole.DecorationRole) is None and kept.data(Qt.ItemDataRole.ToolTipRole) is None
    assert idle.data(Qt.ItemDataRole.DecorationRole) is not None
    assert idle.data(Qt.ItemDataRole.ToolTipRole) == "Không có ghi chép sổ nhật ký trong 12 tháng qua"
    assert page.idle_filter.text() == "Không ghi sổ 12 tháng"

    qtbot.mouseClick(page.idle_filter, LEFT)
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)
    assert names(page.model) == ["Mật ong Ẳng Tở"]
    page.show_filtered()  # «Xóa bộ lọc» from a start-page link
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)
    assert not page.idle_filter.isChecked() and len(names(page.model)) == 2
    page.show_filtered(logbook_idle=True)
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)
    assert page.idle_filter.isChecked() and names(page.model) == ["Mật ong Ẳng Tở"]
    if os.environ.get("SHOT_DIR"):
        page.grab().save(os.path.join(os.environ["SHOT_DIR"], "registry-idle.png"))
    page.show_filtered()
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)

    assert page.logbook_button.text() == "Sổ &nhật ký…" and not page.logbook_button.isEnabled()
    _select(qtbot, page, "Chè Shan tuyết Ẳng Nưa")
    assert page.logbook_action in page.ui.table.actions() and page.logbook_action.isEnabled()
    qtbot.mouseClick(page.logbook_button, LEFT)
    dialog = page.logbook_dialog
    assert isinstance(dialog, LogbookDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Sổ nhật ký: Chè Shan tuyết Ẳng Nưa"
    dialog.panel.year.setValue(2025)
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.panel.model.rowCount() == 69, timeout=5000)
    assert "60" in dialog.panel.totals.text() and "230.000 đ" in dialog.panel.totals.text()
    assert dialog.width() <= 1024 and dialog.height() <= 700
    if os.environ.get("SHOT_DIR"):
        dialog.grab().save(os.path.join(os.environ["SHOT_DIR"], "logbook-dialog.png"))
    dialog.reject()
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)  # the rows read again: an import may lift a mark

    # A double-click on the row still opens the product form.
    row = names(page.model).index("Mật ong Ẳng Tở")
    center = page.ui.table.visualRect(page.model.index(row, 1)).center()
    qtbot.mouseClick(page.ui.table.viewport(), LEFT, pos=center)  # a real double click starts with a press
    qtbot.mouseDClick(page.ui.table.viewport(), LEFT, pos=center)
    assert isinstance(page.dialog, ProductDialog)
    qtbot.waitUntil(lambda: not page.dialog.is_busy(), timeout=5000)
    assert page.dialog.history is None  # no activity service given: no history shown
    page.dialog.reject()


def test_without_the_logbook_service_the_registry_offers_no_logbook(qtbot, services, jobs, make_uow, vietnamese):
    page = _registry(qtbot, services, jobs, make_uow)
    assert page.logbook_button.isHidden() and not page.logbook_action.isVisible()


def test_the_product_form_shows_the_fairs_and_visits_of_the_product_and_still_fits(
    qtbot, services, jobs, make_uow, vietnamese, tmp_path
):
    product_id = _kept_and_idle(make_uow, tmp_path)
    activities = ActivityService(make_uow)
    activities.create(
        ActivityInput(
            kind="hoi_cho",
            title="Hội chợ OCOP tỉnh Điện Biên năm 2025",
            held_on=date(2025, 9, 12),
            ends_on=date(2025, 9, 15),
            place="TP. Điện Biên Phủ",
            organiser="Sở Công Thương",
            sales=20_000_000,
            products=[(product_id, 20_000_000)],
        )
    )
    page = _registry(qtbot, services, jobs, make_uow, activities=activities)
    _select(qtbot, page, "Chè Shan tuyết Ẳng Nưa")
    qtbot.mouseClick(page.ui.editButton, LEFT)
    dialog = page.dialog
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)
    history = dialog.history
    assert history is not None and history.isVisibleTo(dialog)
    assert history.summary.text() == "1 hoạt động, trong đó 1 hội chợ, hội nghị xúc tiến thương mại."
    shown = [history.model.index(0, c).data() for c in range(history.model.columnCount())]
    assert "Hội chợ OCOP tỉnh Điện Biên năm 2025" in shown
    assert dialog.width() <= 1024 and dialog.height() <= 700
    dialog.resize(1024, 700)  # as on a 1024×768 screen: the form scrolls down to the history
    qtbot.waitUntil(lambda: dialog.ui.formScroll.verticalScrollBar().maximum() > 0)
    dialog.ui.formScroll.ensureWidgetVisible(history)
    if os.environ.get("SHOT_DIR"):
        dialog.grab().save(os.path.join(os.environ["SHOT_DIR"], "product-form-history.png"))
    dialog.reject()
    page.add_product()  # a new product has no history yet
    qtbot.waitUntil(lambda: not page.dialog.is_busy(), timeout=5000)
    assert page.dialog.history is None
    page.dialog.reject()
