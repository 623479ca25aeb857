"""The “Sản phẩm OCOP” tab: the product registry with search, filters and the product form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QHeaderView, QPushButton, QWidget

from ocop_desktop.domain.enums import OcopGroup, ProductStatus
from ocop_desktop.domain.formatting import enum_label, stars
from ocop_desktop.domain.numbers import format_vn_date, format_vn_number
from ocop_desktop.domain.text import SEARCH_MAX_CHARS
from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.forms.ui_products_page import Ui_ProductsPage
from ocop_desktop.gui.jobs import Job, JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.gui.products.dialog import ProductDialog
from ocop_desktop.gui.products.field_errors import ERROR_STYLE
from ocop_desktop.gui.products.models import ProductRowsModel
from ocop_desktop.gui.products.place_filter import PlaceFilter
from ocop_desktop.gui.products.searchable import add_item, select_data
from ocop_desktop.services.activities import ActivityService
from ocop_desktop.services.catalog import CatalogService
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.producers import ProducerService
from ocop_desktop.services.products import PAGE_SIZE, ProductDTO, ProductFilter, ProductService

ARCHIVED = "archived"  # the status filter's entry for the archive view
EXPIRED = "expired"  # the expiry filter's entry for run-out certificates
SEARCH_DELAY_MS = 150  # typing pauses shorter than this do not query
MAX_COLUMN_WIDTH = 320

if TYPE_CHECKING:  # the logbook window loads the Excel and PDF libraries: imported when first opened
    from ocop_desktop.gui.logbooks.dialog import LogbookDialog, LogbookServices


class ProductsPage(QWidget):
    """Registry table fetched a page at a time in SQL; filters and search re-query in the background."""

    changed = Signal()  # emitted after a product is created/edited/archived/restored

    def __init__(
        self,
        products: ProductService,
        producers: ProducerService,
        places: PlaceService,
        catalog: CatalogService,
        jobs: JobRunner,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
        logbooks: Callable[[], LogbookServices] | None = None,  # built at first use; None: no «Logbook…»
        activities: ActivityService | None = None,  # None: the product form shows no activity history
    ) -> None:
        super().__init__(parent)
        self._logbooks, self._activities = logbooks, activities
        self._logbook_services: LogbookServices | None = None
        self.logbook_dialog: LogbookDialog | None = None
        self.ui = Ui_ProductsPage()
        self.ui.setupUi(self)
        self._products, self._producers, self._places, self._catalog = products, producers, places, catalog
        self._jobs, self._today = jobs, today
        self._page_jobs = PageJobs(jobs, self, on_error=self._action_failed)
        self._generation = 0
        self._job: Job | None = None
        self._select_after_load: str | None = None
        self._applying = False
        self._sort = ("name", False)
        self.dialog: ProductDialog | None = None
        self.model = ProductRowsModel(self)
        ui = self.ui
        ui.table.setModel(self.model)
        ui.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        ui.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        ui.table.horizontalHeader().setStretchLastSection(True)
        ui.table.verticalHeader().hide()
        ui.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._columns_fitted = False
        self._fill_filters()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        ui.search.setMaxLength(SEARCH_MAX_CHARS)  # the service refuses longer searches
        ui.search.textChanged.connect(lambda _text: self._search_timer.start())
        ui.search.returnPressed.connect(self.apply_search)  # Enter: no need to wait for the pause
        for combo in (ui.placeFilter, ui.groupFilter, ui.starsFilter, ui.statusFilter, ui.expiryFilter):
            combo.currentIndexChanged.connect(self._filter_changed)
        # «Nhãn chưa đạt» (issue 17): label, barcode, traceability or trademark incomplete.
        self.label_filter = QCheckBox(self.tr("Label incomplete"), self)
        self.label_filter.setToolTip(self.tr("Only products whose label, barcode or trademark is not complete"))
        ui.bottomLayout.insertWidget(0, self.label_filter)  # the filter row is full at 1024 pixels
        self.label_filter.toggled.connect(self._filter_changed)
        self.idle_filter = QCheckBox(self.tr("No logbook 12 months"), self)
        self.idle_filter.setToolTip(self.tr("Only products with no logbook entry in the last 12 months"))
        ui.bottomLayout.insertWidget(1, self.idle_filter)
        self.idle_filter.toggled.connect(self._filter_changed)
        # «Sổ nhật ký…»: the selected product's logbook (button and the table's context menu).
        self.logbook_button = QPushButton(self.tr("&Logbook…"), self)
        self.logbook_button.setToolTip(self.tr("The selected product's logbook: import, print, totals, trace"))
        ui.bottomLayout.insertWidget(ui.bottomLayout.indexOf(ui.editButton) + 1, self.logbook_button)
        self.logbook_action = QAction(self.tr("Logbook…"), self)
        self.logbook_action.triggered.connect(self.open_logbook)
        self.logbook_button.clicked.connect(self.open_logbook)
        ui.table.addAction(self.logbook_action)
        ui.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.logbook_button.setVisible(logbooks is not None)
        self.logbook_action.setVisible(logbooks is not None)
        ui.clearFilters.clicked.connect(lambda: self.show_filtered())
        self.model.sort_requested.connect(self._sort_requested)
        ui.table.activated.connect(lambda _index: self.edit_selected())  # double-click or Enter
        ui.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        ui.addButton.clicked.connect(self.add_product)
        ui.editButton.clicked.connect(self.edit_selected)
        ui.archiveButton.clicked.connect(lambda: self.set_archived(True))
        ui.restoreButton.clicked.connect(lambda: self.set_archived(False))
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_search)
        self._update_buttons()
        self.refresh()

    # --- filters -------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        ui = self.ui
        # Searched as the user types (the matches read from the database): a list of every unit
        # would hold ten thousand rows at national scale and freeze the window as it fills.
        self.place_filter = PlaceFilter(
            ui.placeFilter,
            self._places,
            self._page_jobs,
            self.tr("All places"),
            self.tr("All places: type a commune, district or province"),
        )
        add_item(ui.groupFilter, self.tr("All groups"), None)  # the groups arrive with the first load
        self._groups_listed = False
        add_item(ui.starsFilter, self.tr("All stars"), None)
        for n in range(1, 6):
            add_item(ui.starsFilter, stars(n), n)
        add_item(ui.statusFilter, self.tr("All statuses"), None)
        for status in ProductStatus:
            add_item(ui.statusFilter, status.shown, status.value)
        add_item(ui.statusFilter, self.tr("Archived"), ARCHIVED)
        add_item(ui.expiryFilter, self.tr("Any expiry"), None)
        add_item(ui.expiryFilter, self.tr("Certificate expired"), EXPIRED)
        for days in (30, 90, 180):
            add_item(ui.expiryFilter, self._within(days), days)

    def _within(self, days: int) -> str:
        return self.tr("Expiring within %1 days").replace("%1", str(days))

    def filters(self) -> ProductFilter:
        ui = self.ui
        status = ui.statusFilter.currentData()
        expiry = ui.expiryFilter.currentData()
        return ProductFilter(
            search=ui.search.text(),
            place_id=ui.placeFilter.currentData(),
            group_code=ui.groupFilter.currentData(),
            stars=ui.starsFilter.currentData(),
            status=None if status == ARCHIVED else status,
            archived=status == ARCHIVED,
            expired=expiry == EXPIRED,
            expiring_within_days=expiry if isinstance(expiry, int) else None,
            label_incomplete=self.label_filter.isChecked(),
            logbook_idle=self.idle_filter.isChecked(),
            sort=self._sort[0],
            descending=self._sort[1],
        )

    def show_filtered(
        self,
        *,
        status: str | None = None,
        stars: int | None = None,
        expiring_within_days: int | None = None,
        expired: bool = False,
        label_incomplete: bool = False,
        logbook_idle: bool = False,
    ) -> None:
        """Reset other filters, apply these, refresh (used by start-page links).

        ``status`` is a ProductStatus value, or "archived" for the archive view."""
        ui = self.ui
        self._applying = True
        try:
            ui.search.clear()
            self._search_timer.stop()  # clear() started it; the refresh below covers it
            self.place_filter.choose(None)
            ui.groupFilter.setCurrentIndex(0)
            select_data(ui.statusFilter, status) or ui.statusFilter.setCurrentIndex(0)
            select_data(ui.starsFilter, stars) or ui.starsFilter.setCurrentIndex(0)
            if expired:
                select_data(ui.expiryFilter, EXPIRED)
            elif expiring_within_days is not None:
                if not select_data(ui.expiryFilter, expiring_within_days):
                    add_item(ui.expiryFilter, self._within(expiring_within_days), expiring_within_days)
                    select_data(ui.expiryFilter, expiring_within_days)
            else:
                ui.expiryFilter.setCurrentIndex(0)
            self.label_filter.setChecked(label_incomplete)
            self.idle_filter.setChecked(logbook_idle)
        finally:
            self._applying = False
        self.apply_search()

    def _filter_changed(self) -> None:
        if not self._applying:
            self.apply_search()

    def _sort_requested(self, key: str, descending: bool) -> None:
        if (key, descending) != self._sort:
            self._sort = (key, descending)
            self.apply_search()

    def _focus_search(self) -> None:
        self.ui.search.setFocus()
        self.ui.search.selectAll()

    # --- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload everything the page shows (the contract after a change made elsewhere): the rows
        first, then, once, the groups for their filter (the places are searched as typed)."""
        self.apply_search()
        if not self._groups_listed:
            catalog = self._catalog
            self._page_jobs.read("filters", catalog.groups, self._list_groups)

    def apply_search(self) -> None:
        """Query the first page of rows for the search, filters and order shown (what a keystroke
        does once the typing pauses, a filter or a header click at once); the busy bar shows until
        it arrives. The filters' own lists are not re-read: the rows did not change."""
        self._search_timer.stop()
        self._generation += 1
        generation, filters, today = self._generation, self.filters(), self._today()
        if self._job is not None and not self._job.done:
            self._job.cancel()  # its result would be stale anyway
        self.ui.busy.setVisible(True)
        products = self._products

        def work(progress, cancel):
            cancel.raise_if_cancelled()
            return products.uncounted_page(filters, 0, PAGE_SIZE, today)

        self._job = self._jobs.run(
            work,
            on_done=lambda result: self._loaded(generation, filters, today, result),
            on_error=lambda exc: self._failed(generation, exc),
        )

    def is_loading(self) -> bool:
        """Whether the rows, their count or another of the page's reads is still on its way."""
        return self.rows_loading() or self._page_jobs.busy()

    def rows_loading(self) -> bool:
        """Whether the rows asked for last are not shown yet (their count may follow them)."""
        # The job, not the busy bar: the bar is not "visible" while the tab is in the background.
        return self._job is not None and not self._job.done

    def _loaded(self, generation: int, filters: ProductFilter, today: date, result) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        rows, total = result
        products = self._products
        self.model.reset(
            rows,
            total,
            lambda offset, limit, deliver: self._page_jobs.read(
                "more", lambda: products.uncounted_page(filters, offset, limit, today), deliver
            ),
        )
        if total is None:  # more than a page: "200+" until the count arrives, read after the rows
            self._show_count(format_vn_number(len(rows)) + "+")
            self._page_jobs.read(
                "count", lambda: products.count(filters, today), lambda n: self._counted(generation, n)
            )
        else:
            self._show_count(format_vn_number(total))
        self.ui.busy.setVisible(False)
        if rows and not self._columns_fitted:
            self._fit_columns()
        if self._select_after_load:
            row = self.model.find(self._select_after_load)
            if row is not None:
                self.ui.table.selectRow(row)
                self.ui.table.scrollTo(self.model.index(row, 0))
            self._select_after_load = None

    def _counted(self, generation: int, total: int) -> None:
        if generation == self._generation:
            self.model.set_total(total)
            self._show_count(format_vn_number(total))

    def _show_count(self, number: str) -> None:
        self.ui.countLabel.setText(self.tr("%1 products").replace("%1", number))

    def _list_groups(self, groups) -> None:
        if self._groups_listed:
            return
        combo = self.ui.groupFilter
        combo.blockSignals(True)  # listing them changes no filter
        for g in groups:
            add_item(combo, enum_label(OcopGroup, g.code, fallback=g.name), g.code)
        combo.blockSignals(False)
        self._groups_listed = True

    def _fit_columns(self) -> None:
        """Size the columns to the first page once; later loads keep what the user dragged."""
        table = self.ui.table
        table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            table.setColumnWidth(column, min(table.columnWidth(column), MAX_COLUMN_WIDTH))
        self._columns_fitted = True

    def _failed(self, generation: int, exc: Exception) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.ui.busy.setVisible(False)
        report_error(
            self,
            exc,
            show=lambda reason: self._message(
                self.tr("Could not load the products: %1").replace("%1", reason), error=True
            ),
        )

    def _action_failed(self, exc: Exception) -> None:
        if shiboken6.isValid(self):
            self.ui.busy.setVisible(False)
            report_error(self, exc, show=lambda reason: self._message(reason, error=True))

    def _message(self, text: str, error: bool = False) -> None:
        self.ui.messageLabel.setStyleSheet(ERROR_STYLE if error else "")
        self.ui.messageLabel.setText(text)

    # --- selection and actions -----------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.ui.table.selectionModel().selectedRows())

    def _update_buttons(self) -> None:
        rows = [self.model.row(i) for i in self.selected_rows()]
        self.ui.editButton.setEnabled(len(rows) == 1)
        self.logbook_button.setEnabled(len(rows) == 1)
        self.logbook_action.setEnabled(len(rows) == 1)
        self.ui.archiveButton.setEnabled(any(not r.archived for r in rows))
        self.ui.restoreButton.setEnabled(any(r.archived for r in rows))

    def add_product(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        rows = self.selected_rows()
        current = self.ui.table.currentIndex()
        row = current.row() if current.isValid() else (rows[0] if rows else None)
        if row is not None:
            self._open_dialog(self.model.row(row).id)

    def _open_dialog(self, product_id: str | None) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.raise_()
            return
        dialog = ProductDialog(
            self._products,
            self._producers,
            self._places,
            self._catalog,
            product_id=product_id,
            parent=self,
            today=self._today,
            jobs=self._jobs,
            activities=self._activities,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        self.dialog = dialog
        dialog.open()  # window-modal, no nested event loop

    def open_logbook(self) -> None:
        """The selected product's logbook in its own window; the rows are read again when it closes
        (an import may lift the «no logbook entry» mark)."""
        rows = self.selected_rows()
        if self._logbooks is None or len(rows) != 1:
            return
        from ocop_desktop.gui.logbooks.dialog import LogbookDialog

        if self._logbook_services is None:
            self._logbook_services = self._logbooks()
        r = self.model.row(rows[0])
        dialog = LogbookDialog(self._logbook_services, self._jobs, r.id, r.producer_id, r.name, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.refresh())
        self.logbook_dialog = dialog
        dialog.open()

    def _saved(self, product: ProductDTO, expiry_computed: bool) -> None:
        text = self.tr("Saved “%1”.").replace("%1", product.name)
        if expiry_computed:
            text += " " + self.tr("Certificate valid until %1 (computed from the rules in force).").replace(
                "%1", format_vn_date(product.expires_on)
            )
        self._message(text)
        self._select_after_load = product.id
        self.refresh()
        self.changed.emit()

    def set_archived(self, archived: bool) -> None:
        """Archive (or restore) the selected products, in the background: a selection may be long."""
        targets = [r for r in (self.model.row(i) for i in self.selected_rows()) if r.archived != archived]
        if not targets:
            return
        quoted = self.tr("“%1”")
        names = ", ".join(quoted.replace("%1", r.name) for r in targets[:3]) + ("…" if len(targets) > 3 else "")
        if archived:
            done = self.tr("Archived %1. Choose “Archived” in the status list to restore.").replace("%1", names)
        else:
            done = self.tr("Restored %1.").replace("%1", names)
        ids = [r.id for r in targets]
        products = self._products
        self.ui.busy.setVisible(True)
        self._jobs.run(
            lambda progress, cancel: products.set_archived_many(ids, archived),
            on_done=lambda _count: self._archived(done),
            on_error=self._action_failed,
        )

    def _archived(self, message: str) -> None:
        if not shiboken6.isValid(self):
            return
        self._message(message)
        self.refresh()
        self.changed.emit()
