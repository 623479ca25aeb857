"""What moving a product to «Đăng ký» asks: the registration date, the evaluation year and round, the dossier deadline."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from ocop_desktop.domain.numbers import DateError
from ocop_desktop.domain.schema import CANDIDACY
from ocop_desktop.domain.schema.pipeline import ROUND_NO, ROUND_YEAR
from ocop_desktop.gui.date_field import DateField
from ocop_desktop.gui.schema_columns import caption
from ocop_desktop.services.pipeline_types import MoveInput


class RegisterDialog(QDialog):
    """Filled, then accepted: ``values()`` is the round the product registers for."""

    def __init__(self, product: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register «%1» for evaluation").replace("%1", product))
        self.registered_on = DateField()
        self.registered_on.set_label(caption(CANDIDACY.field("registered_on")))
        self.registered_on.set_range(maximum=today, maximum_name=self.registered_on.today_name())
        self.registered_on.setDate(today)
        self.year = QSpinBox()
        self.year.setRange(int(ROUND_YEAR[0]), int(ROUND_YEAR[1]))
        self.year.setValue(today.year)
        self.round = QSpinBox()
        self.round.setRange(int(ROUND_NO[0]), int(ROUND_NO[1]))
        self.due = DateField()
        self.due.set_label(caption(CANDIDACY.field("dossier_due_on")))
        self.due.set_optional(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #a40000;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(caption(CANDIDACY.field("registered_on")), self.registered_on)
        form.addRow(caption(CANDIDACY.field("round_year")), self.year)
        form.addRow(caption(CANDIDACY.field("round_no")), self.round)
        form.addRow(caption(CANDIDACY.field("dossier_due_on")), self.due)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._values = MoveInput()

    def _accept(self) -> None:
        try:
            registered_on = self.registered_on.checked_date()
            due = self.due.checked_value()
        except DateError as exc:
            self.error.setText(str(exc))
            return
        self._values = MoveInput(registered_on, self.year.value(), self.round.value(), due)
        self.accept()

    def values(self) -> MoveInput:
        return self._values
