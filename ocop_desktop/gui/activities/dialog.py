"""The form of one activity: its kind's fields, the producers and products that took part (a fair's per product sales)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.language import display_language
from ocop_desktop.domain.numbers import DateError, NumberError, parse_vn_number
from ocop_desktop.domain.schema import ACTIVITY
from ocop_desktop.domain.schema.activities import KIND_FIELDS, ActivityKind
from ocop_desktop.domain.validation import FieldError, ValidationError
from ocop_desktop.gui.date_field import DateField
from ocop_desktop.gui.formatting import display
from ocop_desktop.gui.products.searchable import make_searchable
from ocop_desktop.gui.schema_columns import caption, with_shortcut
from ocop_desktop.gui.tasks.form_dialog import FormDialog, Submit
from ocop_desktop.services.activity_types import ActivityDTO, ActivityInput, Choices

ROLE_ID = Qt.ItemDataRole.UserRole  # the id of a chosen producer or product
# Fields that hold a number typed as people write it («15.000.000 đ», «1 200»).
NUMBERS = ("cost", "reach", "participants", "sales", "contracts", "contract_value")
LINES = ("title", "place", "organiser", "funding", "channel", "audience")
NOTES = ("supported", "result")
# The form's rows after the kind, in the schema's order (domain/schema/activities.py).
FORM_ORDER = tuple(f.key for f in ACTIVITY.fields if f.key not in ("kind", "task_id"))
KIND_ONLY = sorted({k for keys in KIND_FIELDS.values() for k in keys})


def _amount(value: int | None) -> str:
    return display(value) if value is not None else ""


class ActivityDialog(FormDialog):
    def __init__(
        self, submit: Submit, choices: Choices, activity: ActivityDTO | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(submit, parent)
        self.setWindowTitle(self.tr("Edit activity") if activity else self.tr("New activity"))
        self.original = activity
        self.form = form = QFormLayout()
        self._taken: set[str] = set()
        self.edits: dict[str, QWidget] = {}
        self.kind = QComboBox(self)
        for kind in ActivityKind:
            self.kind.addItem(kind.shown, kind.value)
        self._row("kind", self.kind)
        for key in FORM_ORDER:
            self._row(key, self._make(key))
        self.task = QComboBox(self)
        self.task.addItem(self.tr("(none)"), None)
        for task_id, title in choices.tasks:
            self.task.addItem(title, task_id)
        self._row("task_id", self.task)
        unit = self.edits["unit"]
        assert isinstance(unit, QComboBox)
        unit.addItem(self.tr("(none)"), None)
        for unit_id, name in choices.units:
            unit.addItem(name, unit_id)
        make_searchable(unit)

        # Who took part: a searchable box to add from, the chosen ones below it.
        self.producer_pick, self.producer_list = QComboBox(self), QListWidget(self)
        self.product_pick, self.product_table = QComboBox(self), QTableWidget(0, 2, self)
        for combo, rows in ((self.producer_pick, choices.producers), (self.product_pick, choices.products)):
            for row_id, name in rows:
                combo.addItem(name, row_id)
            make_searchable(combo)
            combo.setCurrentIndex(-1)
        self.product_table.setHorizontalHeaderLabels(
            [ACTIVITY.column("products").label_in(display_language()), self.tr("Sales (đồng)")]
        )
        self.product_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.product_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.product_table.setMaximumHeight(160)
        self.producer_list.setMaximumHeight(90)
        self.product_table.verticalHeader().hide()
        self.add_producer, self.remove_producer = (
            QPushButton(self.tr("Add"), self),
            QPushButton(self.tr("Remove"), self),
        )
        self.add_product, self.remove_product = QPushButton(self.tr("Add"), self), QPushButton(self.tr("Remove"), self)
        self.add_producer.clicked.connect(self._add_producer)
        self.remove_producer.clicked.connect(lambda: self.producer_list.takeItem(self.producer_list.currentRow()))
        self.add_product.clicked.connect(self._add_product)
        self.remove_product.clicked.connect(lambda: self.product_table.removeRow(self.product_table.currentRow()))
        self._row("producers", self._picker(self.producer_pick, self.add_producer, self.remove_producer))
        form.addRow("", self.producer_list)
        self._row("products", self._picker(self.product_pick, self.add_product, self.remove_product))
        form.addRow("", self.product_table)

        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(box)
        self._setup_form(box, self.error_label, {**self.edits, "kind": self.kind, "task_id": self.task})
        self.kind.currentIndexChanged.connect(self._kind_changed)
        if activity is not None:
            self._fill(activity)
        self._kind_changed()

    # -- building -----------------------------------------------------------------------------------
    def _make(self, key: str) -> QWidget:
        widget: QWidget
        if key in ("held_on", "ends_on"):
            widget = DateField(self)
            widget.set_label(caption(ACTIVITY.field(key), shortcut=False))
            widget.set_optional(key == "ends_on")
            widget.refused.connect(lambda text: self.show_errors([text]))
        elif key == "unit":
            widget = QComboBox(self)
        elif key == "in_province":
            widget = QCheckBox(self)
            widget.setChecked(True)
        elif key in NOTES:
            widget = QPlainTextEdit(self)
            widget.setFixedHeight(60)
        else:
            widget = QLineEdit(self)
        self.edits[key] = widget
        return widget

    def _row(self, key: str, widget: QWidget) -> None:
        # Each caption its own Alt+letter (two fields starting «Đ» do not share Alt+Đ).
        label = QLabel(with_shortcut(caption(ACTIVITY.column(key), shortcut=False), self._taken), self)
        label.setBuddy(widget)
        self.form.addRow(label, widget)

    def _picker(self, combo: QComboBox, add: QPushButton, remove: QPushButton) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(combo, 1)
        layout.addWidget(add)
        layout.addWidget(remove)
        return row

    def _kind_changed(self, *_args: Any) -> None:
        """Show the fields the kind uses, and any other that holds a value (never hide what was typed)."""
        used = set(KIND_FIELDS.get(self.kind.currentData() or "", ()))
        for key in KIND_ONLY:
            self.form.setRowVisible(self.edits[key], key in used or self._has_value(key))

    def _has_value(self, key: str) -> bool:
        widget = self.edits[key]
        if isinstance(widget, QLineEdit):
            return bool(widget.text().strip())
        if isinstance(widget, QPlainTextEdit):
            return bool(widget.toPlainText().strip())
        if isinstance(widget, QCheckBox):
            return not widget.isChecked()  # «outside the province» is a value
        return False

    def _add_producer(self) -> None:
        row_id, name = self.producer_pick.currentData(), self.producer_pick.currentText()
        if row_id and not self.producer_list.findItems(name, Qt.MatchFlag.MatchExactly):
            item = QListWidgetItem(name)
            item.setData(ROLE_ID, row_id)
            self.producer_list.addItem(item)
        self.producer_pick.setCurrentIndex(-1)

    def add_product_row(self, product_id: str, name: str, sales: int | None = None) -> None:
        if product_id in self.chosen_products():
            return
        row = self.product_table.rowCount()
        self.product_table.insertRow(row)
        item = QTableWidgetItem(name)
        item.setData(ROLE_ID, product_id)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.product_table.setItem(row, 0, item)
        self.product_table.setItem(row, 1, QTableWidgetItem(_amount(sales)))

    def chosen_products(self) -> list[str]:
        items = (self.product_table.item(r, 0) for r in range(self.product_table.rowCount()))
        return [item.data(ROLE_ID) for item in items if item is not None]

    def _add_product(self) -> None:
        row_id = self.product_pick.currentData()
        if row_id:
            self.add_product_row(row_id, self.product_pick.currentText())
        self.product_pick.setCurrentIndex(-1)

    def _fill(self, a: ActivityDTO) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(a.kind)))
        for key in LINES:
            edit = self.edits[key]
            assert isinstance(edit, QLineEdit)
            edit.setText(getattr(a, key))
        for key in NOTES:
            note = self.edits[key]
            assert isinstance(note, QPlainTextEdit)
            note.setPlainText(getattr(a, key))
        for key in NUMBERS:
            edit = self.edits[key]
            assert isinstance(edit, QLineEdit)
            edit.setText(_amount(getattr(a, key)))
        for key in ("held_on", "ends_on"):
            day = self.edits[key]
            assert isinstance(day, DateField)
            day.setText(display(getattr(a, key)))
        province = self.edits["in_province"]
        assert isinstance(province, QCheckBox)
        province.setChecked(a.in_province)
        unit = self.edits["unit"]
        assert isinstance(unit, QComboBox)
        unit.setCurrentIndex(max(0, unit.findData(a.unit_id)))
        self.task.setCurrentIndex(max(0, self.task.findData(a.task_id)))
        for producer_id, name in a.producer_list:
            item = QListWidgetItem(name)
            item.setData(ROLE_ID, producer_id)
            self.producer_list.addItem(item)
        for p in a.product_list:
            self.add_product_row(p.id, p.name, p.sales)

    # -- saving -------------------------------------------------------------------------------------
    def collect(self) -> ActivityInput:
        errors: list[FieldError] = []
        values: dict[str, Any] = {}
        for key in LINES:
            edit = self.edits[key]
            assert isinstance(edit, QLineEdit)
            values[key] = edit.text()
        for key in NOTES:
            note = self.edits[key]
            assert isinstance(note, QPlainTextEdit)
            values[key] = note.toPlainText()
        for key in NUMBERS:
            edit = self.edits[key]
            assert isinstance(edit, QLineEdit)
            values[key] = self._whole(edit.text(), ACTIVITY.field(key).label_in(display_language()), key, errors)
        for key in ("held_on", "ends_on"):
            day = self.edits[key]
            assert isinstance(day, DateField)
            try:
                values[key] = day.checked_value()
            except DateError as exc:
                errors.append(FieldError(key, str(exc)))
        products: list[tuple[str, int | None]] = []
        header = self.tr("Sales of %1")
        for r in range(self.product_table.rowCount()):
            name_item, sales_item = self.product_table.item(r, 0), self.product_table.item(r, 1)
            if name_item is None:
                continue
            text = sales_item.text() if sales_item is not None else ""
            label = header.replace("%1", name_item.text())
            products.append((name_item.data(ROLE_ID), self._whole(text, label, "products", errors)))
        if errors:
            raise ValidationError(errors)
        province = self.edits["in_province"]
        unit = self.edits["unit"]
        assert isinstance(province, QCheckBox) and isinstance(unit, QComboBox)
        return ActivityInput(
            kind=self.kind.currentData() or "",
            unit_id=unit.currentData(),
            in_province=province.isChecked(),
            task_id=self.task.currentData(),
            producer_ids=[self.producer_list.item(i).data(ROLE_ID) for i in range(self.producer_list.count())],
            products=products,
            **values,
        )

    def _whole(self, text: str, label: str, key: str, errors: list[FieldError]) -> int | None:
        if not text.strip():
            return None
        try:
            value = parse_vn_number(text)
        except NumberError as exc:
            errors.append(FieldError(key, f"«{label}»: {exc}"))
            return None
        if value != value.to_integral_value():
            errors.append(
                FieldError(
                    key,
                    f"«{label}»: «{text.strip()}» — {self.tr('type a whole number')}",
                )
            )
            return None
        return int(value)
