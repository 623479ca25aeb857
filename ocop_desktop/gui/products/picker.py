"""Producer picker: a list searched as you type, and a small form to create a producer on the spot."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ocop_desktop.domain.enums import ProducerKind
from ocop_desktop.domain.schema import PRODUCER
from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.forms.ui_products_producer_dialog import Ui_ProducerDialog
from ocop_desktop.gui.forms.ui_products_producer_picker import Ui_ProducerPicker
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.gui.products.field_errors import FieldErrors
from ocop_desktop.gui.products.models import ProducerListModel
from ocop_desktop.gui.products.searchable import ID_ROLE, add_item, fill_communes, make_searchable
from ocop_desktop.gui.schema_columns import name_fields
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.producers import ProducerChoice, ProducerDTO, ProducerInput, ProducerService


class ProducerDialog(QDialog):
    """Name, kind, tax code, representative, phone, address and commune of a new producer."""

    created = Signal(object)  # ProducerDTO

    def __init__(
        self,
        producers: ProducerService,
        places: PlaceService,
        parent: QWidget | None = None,
        name: str = "",
        today: Callable[[], date] = date.today,
        jobs: JobRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ProducerDialog()
        self.ui.setupUi(self)
        self._producers = producers
        # The window's one database thread; a form opened on its own (tests) gets a runner of its own.
        self._jobs = PageJobs(jobs or JobRunner(self), self, on_error=self._failed)
        self.producer: ProducerDTO | None = None
        ui = self.ui
        add_item(ui.kindCombo, "", None)
        for kind in ProducerKind:
            add_item(ui.kindCombo, kind.shown, kind.value)
        make_searchable(ui.communeCombo)  # the communes arrive from a background read
        day = today()
        self._jobs.read(
            "communes",
            lambda: places.commune_choices(day),
            lambda communes: fill_communes(ui.communeCombo, communes, day),
        )
        ui.nameEdit.setText(name)
        labels = {"name": ui.nameLabel, "kind": ui.kindLabel, "tax_code": ui.taxCodeLabel}
        labels |= {"representative": ui.representativeLabel, "phone": ui.phoneLabel, "address": ui.addressLabel}
        name_fields(PRODUCER, labels | {"commune_id": ui.communeLabel}, shortcut=True)  # as the log names them
        self.save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setDefault(True)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        self.errors = FieldErrors(
            {
                "name": ui.nameError,
                "kind": ui.kindError,
                "tax_code": ui.taxCodeError,
                "representative": ui.representativeError,
                "phone": ui.phoneError,
                "address": ui.addressError,
                "commune_id": ui.communeError,
            },
            ui.formError,
            {
                "name": ui.nameEdit,
                "kind": ui.kindCombo,
                "tax_code": ui.taxCodeEdit,
                "representative": ui.representativeEdit,
                "phone": ui.phoneEdit,
                "address": ui.addressEdit,
                "commune_id": ui.communeCombo,
            },
        )
        self.errors.clear()
        ui.nameEdit.setFocus()

    def save(self) -> None:
        ui = self.ui
        self.errors.clear()
        data = ProducerInput(
            name=ui.nameEdit.text(),
            kind=ui.kindCombo.currentData(),
            tax_code=ui.taxCodeEdit.text(),
            representative=ui.representativeEdit.text(),
            phone=ui.phoneEdit.text(),
            address=ui.addressEdit.text(),
            commune_id=ui.communeCombo.currentData(),
        )
        producers = self._producers
        self._jobs.write(
            lambda: producers.create(data), self._saved, on_error=self._refused, controls=[self.save_button]
        )

    def busy(self) -> bool:
        return self._jobs.busy()

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError):
            self.errors.show(exc.by_field())
        else:
            self._failed(exc)

    def _failed(self, exc: Exception) -> None:
        """Said under the form by the one error renderer (a bug also opens «Lỗi không mong đợi»)."""
        report_error(self, exc, show=lambda reason: self.errors.show({"": [reason]}))

    def _saved(self, producer: ProducerDTO) -> None:
        self.producer = producer
        self.created.emit(self.producer)
        self.accept()


class ProducerPicker(QWidget):
    """An editable list of producers: type part of a name (accents optional), pick a row.

    Built by the product dialog's Designer form, so it takes its services afterwards."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ProducerPicker()
        self.ui.setupUi(self)
        self.combo = self.ui.combo
        self.new_button = self.ui.newButton
        self.model = ProducerListModel(self)
        self.combo.setModel(self.model)
        self.combo.keep_unmatched_text = True  # so the dialog can say which name is unknown
        self.completer = make_searchable(self.combo)
        self.combo.setCurrentIndex(-1)
        self.setFocusProxy(self.combo)
        self.producer_dialog: ProducerDialog | None = None
        self._producers: ProducerService | None = None
        self._places: PlaceService | None = None
        self._today: Callable[[], date] = date.today
        self._jobs: JobRunner | None = None
        self._page_jobs: PageJobs | None = None
        self._wanted: str | None = None  # the producer to select once the list has arrived
        self._listed = False
        self.combo.currentIndexChanged.connect(lambda _row: self.changed.emit())
        self.combo.lineEdit().editingFinished.connect(self.changed.emit)
        self.new_button.clicked.connect(self.create_producer)

    def set_services(
        self,
        producers: ProducerService,
        places: PlaceService,
        today: Callable[[], date] = date.today,
        jobs: JobRunner | None = None,
    ) -> None:
        self._producers, self._places, self._today = producers, places, today
        # The window's one database thread; a picker used on its own (tests) gets a runner of its own.
        self._jobs = jobs or JobRunner(self)
        self._page_jobs = PageJobs(self._jobs, self, on_error=lambda exc: report_error(self.window(), exc))
        self.reload()

    def reload(self) -> None:
        """Read the list of producers in the background; the one chosen stays chosen."""
        if self._producers is None or self._page_jobs is None:
            return
        producers = self._producers
        self._page_jobs.read("choices", lambda: producers.choices(), self._arrived)

    def _arrived(self, choices: list[ProducerChoice]) -> None:
        # The producer asked for while the list was read, else the one chosen now (kept across the re-read).
        wanted = self._wanted if self._wanted is not None or not self._listed else self.producer_id()
        self.model.set_choices(choices)
        self._listed = True
        self._wanted = None
        self.set_producer_id(wanted)

    def is_busy(self) -> bool:
        """Whether the list of producers is still being read."""
        return self._page_jobs is not None and self._page_jobs.busy()

    def producer_id(self) -> str | None:
        row = self.combo.currentIndex()
        if row >= 0 and self.combo.currentText() == self.combo.itemText(row):
            return self.combo.itemData(row, ID_ROLE)
        return None

    def text(self) -> str:
        return self.combo.currentText().strip()

    def is_unresolved(self) -> bool:
        """Text typed that names no producer of the list."""
        return bool(self.text()) and self.producer_id() is None

    def set_producer_id(self, producer_id: str | None) -> None:
        if not self._listed and self._page_jobs is not None:
            self._wanted = producer_id  # chosen when the list arrives
            return
        row = self.model.row_of(producer_id) if producer_id else None
        self.combo.setCurrentIndex(-1 if row is None else row)
        if row is None:
            self.combo.setEditText("")

    def create_producer(self) -> None:
        if self._producers is None or self._places is None:
            return
        # open(), not exec(): window-modal without a nested event loop.
        dialog = ProducerDialog(
            self._producers,
            self._places,
            parent=self.window(),
            name=self.text() if self.is_unresolved() else "",
            today=self._today,
            jobs=self._jobs,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._created)
        self.producer_dialog = dialog
        dialog.open()

    def _created(self, producer: ProducerDTO) -> None:
        self._wanted = producer.id  # selected once the list holding it has been read again
        self.reload()
        self.combo.setFocus()
