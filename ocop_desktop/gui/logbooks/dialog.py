"""«Sổ nhật ký…» from the registry: the selected product's logbook panel in a window of its own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.logbooks.panel import LogbookPanel
from ocop_desktop.services.logbook_forms import LogbookForms
from ocop_desktop.services.logbook_import import LogbookImportService
from ocop_desktop.services.logbooks import LogbookService


class LogbookServices:
    """What the logbook window needs, handed to the registry page as one argument."""

    def __init__(self, logbooks: LogbookService, imports: LogbookImportService, forms: LogbookForms) -> None:
        self.logbooks, self.imports, self.forms = logbooks, imports, forms


def logbook_services(make_uow: Callable[..., Any]) -> LogbookServices:
    """The services of the logbook window for a database (the registry page builds them at first use)."""
    return LogbookServices(LogbookService(make_uow), LogbookImportService(make_uow), LogbookForms(make_uow))


class LogbookDialog(QDialog):
    """One product's logbook: entries, the year's totals, Excel import, the blank form to print, a batch traced.
    ``imported`` tells the registry that entries were added (its «no logbook entry» mark may change)."""

    def __init__(
        self,
        services: LogbookServices,
        jobs: JobRunner,
        product_id: str,
        producer_id: str | None,
        product_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Logbook: %1").replace("%1", product_name))
        self.panel = LogbookPanel(services.logbooks, services.imports, services.forms, jobs, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)  # within a 1024×768 screen with its taskbar
        if producer_id is None:
            self.panel.status.setText(
                self.tr("This product has no producer: choose one in the product form before importing a logbook.")
            )
        self.panel.show_product(product_id, producer_id)

    def is_busy(self) -> bool:
        return self.panel.is_busy()
