"""«Lấy số liệu từ sổ nhật ký…» on a survey row linked to a product: the logbook's yearly totals offered
beside what was typed (gui/logbooks/offer_dialog.py); what the officer takes is written, then the grid
reloads the unit and puts any unsaved typing back on top (the page's reload-and-reapply)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.logbooks.offer_dialog import SurveyOfferDialog
from ocop_desktop.services.logbooks import LogbookService

if TYPE_CHECKING:
    from ocop_desktop.gui.surveys.page import SurveysPage


class LogbookOffer(QObject):
    """The grid's context action; enabled on a saved row that has a product in the registry."""

    def __init__(self, page: SurveysPage, logbooks: LogbookService, jobs: JobRunner) -> None:
        super().__init__(page)
        self._page, self._logbooks, self._jobs = page, logbooks, jobs
        self.dialog: SurveyOfferDialog | None = None
        grid = page.ui.grid
        self.action = QAction(self.tr("Take figures from the logbook…"), grid)
        self.action.setToolTip(self.tr("Output, quantity sold and price of this row's product, from its logbook"))
        self.action.triggered.connect(self.open)
        grid.addAction(self.action)
        grid.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        grid.selectionModel().currentChanged.connect(lambda *_: self.update())
        page.grid_model.modelReset.connect(self.update)
        page.grid_model.dataChanged.connect(lambda *_: self.update())
        self.update()

    def _entry(self) -> str | None:
        """The current row's survey entry, when it is saved as shown and linked to a product."""
        page = self._page
        row = page.ui.grid.currentIndex().row()
        model = page.grid_model
        if row < 0 or not model.product_id(row) or not model.row_is_saved(row):
            return None
        return model.entry_id(row)

    def update(self) -> None:
        self.action.setEnabled(self._entry() is not None)

    def open(self) -> None:
        entry_id = self._entry()
        if entry_id is None:
            self._page.show_message(
                self.tr("Choose a saved row whose product is in the registry («Create potential product»)."),
                error=True,
            )
            return
        dialog = SurveyOfferDialog(self._logbooks, self._jobs, entry_id, self._page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._taken(len(dialog.written)))
        self.dialog = dialog
        dialog.open()

    def _taken(self, count: int) -> None:
        page = self._page
        done = self.tr("%1 figures taken from the logbook.").replace("%1", str(count))

        def reloaded() -> None:
            # With unsaved typing elsewhere in the grid, the reload's own account of it stays after ours.
            after = page.ui.messageLabel.text() if page.grid_model.is_dirty() else ""
            page.show_message(" ".join(t for t in (done, after) if t))

        page.reload_and_reapply(then=reloaded)  # the row as stored now; unsaved typing is put back on top
        page.changed.emit()
