"""The product form's trademark, barcode-owner and traceability fields, each with its message line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ocop_desktop.domain.labels import LabelInfo
from ocop_desktop.domain.numbers import DateError, format_vn_date, parse_vn_date
from ocop_desktop.domain.schema import PRODUCT

_DATES = ("trademark_filed_on", "gs1_valid_until")
_ORDER = (
    "trademark_application_no",
    "trademark_filed_on",
    "trademark_certificate_no",
    "trademark_owner",
    "gs1_prefix",
    "gs1_valid_until",
    "trace_link",
)


class LabelFields(QGroupBox):
    """Seven line edits keyed by the product fields they hold (domain/schema/labels.py), each with
    a hidden message label under it that FieldErrors fills; dates typed dd/mm/yyyy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Trademark, barcode owner and traceability"))
        self.setObjectName("labelFieldsBox")
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        captions = {
            "trademark_application_no": self.tr("Trademark application no.:"),
            "trademark_filed_on": self.tr("Filed on:"),
            "trademark_certificate_no": self.tr("Trademark certificate no.:"),
            "trademark_owner": self.tr("Trademark owner:"),
            "gs1_prefix": self.tr("GS1 company prefix:"),
            "gs1_valid_until": self.tr("GS1 membership valid until:"),
            "trace_link": self.tr("Traceability link or QR text:"),
        }
        hints = {
            "trademark_application_no": self.tr("e.g. 4-2024-12345, as on the IP Office's filing receipt"),
            "trademark_filed_on": self.tr("dd/mm/yyyy"),
            "trademark_certificate_no": self.tr("e.g. 4-0456789-000, as printed on the certificate"),
            "trademark_owner": self.tr("as written on the certificate"),
            "gs1_prefix": self.tr("893 and 4 to 6 digits, from the GS1 Vietnam certificate"),
            "gs1_valid_until": self.tr("dd/mm/yyyy"),
            "trace_link": self.tr("https://… or the text the QR code holds"),
        }
        for key in _ORDER:
            field = PRODUCT.field(key)
            edit = QLineEdit(self)
            edit.setObjectName(key)
            edit.setMaxLength(field.max_chars or 10)  # a date: dd/mm/yyyy
            edit.setPlaceholderText(hints[key])
            error = QLabel(self)
            error.setObjectName(f"{key}_error")
            error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            cell = QWidget(self)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(edit)
            column.addWidget(error)
            caption = QLabel(captions[key], self)
            caption.setBuddy(edit)
            form.addRow(caption, cell)
            self.edits[key], self.errors[key] = edit, error
            if key in _DATES:
                edit.editingFinished.connect(lambda e=edit: _tidy_date(e))

    def load(self, info: LabelInfo) -> None:
        for key, edit in self.edits.items():
            value = getattr(info, key)
            edit.setText(format_vn_date(value) if key in _DATES else value)

    def collect(self, problems: dict[str, list[str]]) -> LabelInfo:
        """What the fields hold; a date that cannot be read goes into ``problems`` under its field."""
        values: dict[str, object] = {}
        for key, edit in self.edits.items():
            text = edit.text()
            if key not in _DATES:
                values[key] = text
            elif not text.strip():
                values[key] = None
            else:
                try:
                    values[key] = parse_vn_date(text)
                except DateError as exc:
                    problems[key] = [str(exc)]
                    values[key] = None
        return LabelInfo(**values)  # type: ignore[arg-type]


def _tidy_date(edit: QLineEdit) -> None:
    try:
        if edit.text().strip():
            edit.setText(format_vn_date(parse_vn_date(edit.text())))
    except DateError:
        pass  # the message appears on saving, under the field
