"""The short first-run dialog: which office this copy serves, and who uses it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QWidget

from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.gui.forms.ui_first_run import Ui_FirstRunDialog
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.settings import OfficeSettings, save_office_settings


class FirstRunDialog(QDialog):
    def __init__(self, places: PlaceService, save, current: OfficeSettings | None = None,
                 parent: QWidget | None = None) -> None:
        """``save(unit_id, name, title) -> OfficeSettings`` stores the answers (a service call)."""
        super().__init__(parent)
        self._save = save
        self.result_settings: OfficeSettings | None = None
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        self.ui.unitCombo.addItem(self.tr("— choose a unit —"), "")
        today = date.today()
        # Units in force today first (the usual answer), then the older ones with their period.
        current_units = [p for p in places.all() if p.valid_on(today)]
        old_units = [p for p in places.all() if not p.valid_on(today)]
        for p in current_units + old_units:
            self.ui.unitCombo.addItem(p.label, p.id)
        if current:
            index = self.ui.unitCombo.findData(current.office_unit_id)
            self.ui.unitCombo.setCurrentIndex(max(index, 0))
            self.ui.nameEdit.setText(current.user_name)
            self.ui.titleEdit.setText(current.user_title)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        self.ui.unitError.clear()
        self.ui.nameError.clear()
        try:
            self.result_settings = self._save(
                self.ui.unitCombo.currentData() or "", self.ui.nameEdit.text(), self.ui.titleEdit.text()
            )
        except ValidationError as exc:
            errors = exc.by_field()
            self.ui.unitError.setText("\n".join(errors.get("office_unit_id", [])))
            self.ui.nameError.setText("\n".join(errors.get("user_name", []) + errors.get("user_title", [])))
            return
        super().accept()


def make_saver(make_uow):
    """Bind the settings service to a unit-of-work factory for the dialog."""
    return lambda unit_id, name, title: save_office_settings(make_uow, unit_id, name, title)
