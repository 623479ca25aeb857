"""Document settings: the issuing body, number, place and signer printed on every report."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QDialog, QWidget

from ocop_desktop.gui.forms.ui_reports_settings import Ui_ReportSettingsDialog
from ocop_desktop.services.report_settings import ReportSettings


class ReportSettingsDialog(QDialog):
    def __init__(self, current: ReportSettings, save: Callable[[ReportSettings], ReportSettings],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.saved: ReportSettings | None = None
        self.ui = Ui_ReportSettingsDialog()
        self.ui.setupUi(self)
        u = self.ui
        self._fields = {
            "parent_body": u.parentEdit, "body": u.bodyEdit, "number": u.numberEdit, "place": u.placeEdit,
            "signer_authority": u.authorityEdit, "signer_deputy": u.deputyEdit,
            "signer_title": u.signerTitleEdit, "signer_name": u.signerNameEdit,
        }
        for name, edit in self._fields.items():
            edit.setText(getattr(current, name))
            edit.setMaxLength(300)
        u.recipientsEdit.setPlainText(current.recipients)
        u.bodyEdit.setPlaceholderText(self.tr("e.g. ỦY BAN NHÂN DÂN XÃ MƯỜNG ẢNG"))
        u.numberEdit.setPlaceholderText(self.tr("e.g. Số:      /BC-UBND"))
        u.buttons.accepted.connect(self.accept)
        u.buttons.rejected.connect(self.reject)

    def values(self) -> ReportSettings:
        data = {name: edit.text() for name, edit in self._fields.items()}
        return ReportSettings(recipients=self.ui.recipientsEdit.toPlainText(), **data)

    def accept(self) -> None:
        self.saved = self._save(self.values())
        super().accept()
