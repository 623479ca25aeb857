"""Document settings: issuing body and place, per kind of document its number and recipients, the signer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ocop_desktop.domain.documents import DOCUMENT_BY_KEY, OFFICE_DOCS
from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.forms.ui_reports_settings import Ui_ReportSettingsDialog
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.services.report_settings import KindSettings, ReportSettings


class ReportSettingsDialog(QDialog):
    def __init__(
        self,
        current: ReportSettings,
        save: Callable[[ReportSettings], ReportSettings],
        parent: QWidget | None = None,
        kind: str = "",
        jobs: JobRunner | None = None,
    ) -> None:
        """``save`` runs as a write job (the window's database thread, or the dialog's own runner)."""
        super().__init__(parent)
        self._save = save
        self._jobs = PageJobs(jobs or JobRunner(self), self, on_error=lambda exc: report_error(self, exc))
        self.saved: ReportSettings | None = None
        self.ui = Ui_ReportSettingsDialog()
        self.ui.setupUi(self)
        u = self.ui
        self._fields = {
            "parent_body": u.parentEdit,
            "body": u.bodyEdit,
            "place": u.placeEdit,
            "signer_authority": u.authorityEdit,
            "signer_deputy": u.deputyEdit,
            "signer_title": u.signerTitleEdit,
            "signer_name": u.signerNameEdit,
        }
        for name, edit in self._fields.items():
            edit.setText(getattr(current, name))
            edit.setMaxLength(300)
        u.numberEdit.setMaxLength(100)
        u.bodyEdit.setPlaceholderText(self.tr("e.g. ỦY BAN NHÂN DÂN XÃ MƯỜNG ẢNG"))
        # Per kind of document: its number and recipients, kept while another kind is shown.
        self._kinds = {k.kind: k for k in current.kinds}
        self._shown: str | None = None
        for k in current.kinds:
            doc = DOCUMENT_BY_KEY.get(k.kind)
            u.kindCombo.addItem(doc.label if doc else k.kind, k.kind)
        u.kindCombo.currentIndexChanged.connect(self._show_kind)
        if kind and (at := u.kindCombo.findData(kind)) >= 0:
            u.kindCombo.setCurrentIndex(at)
        self._show_kind()
        # The signer blocks of the office's kind; the lines below stay editable.
        self._blocks = {b.key: b for b in OFFICE_DOCS.get(current.office_kind or "ubnd", OFFICE_DOCS["ubnd"]).signers}
        for block in self._blocks.values():
            u.signerCombo.addItem(block.label, block.key)
        u.signerCombo.addItem(self.tr("As typed below"), "")
        u.signerCombo.activated.connect(self._apply_block)
        for edit in (u.authorityEdit, u.deputyEdit, u.signerTitleEdit):
            edit.textEdited.connect(self._match_block)
        self._match_block()
        u.buttons.accepted.connect(self.accept)
        u.buttons.rejected.connect(self.reject)

    def _keep_kind(self) -> None:
        if self._shown is not None:
            self._kinds[self._shown] = KindSettings(
                self._shown, self.ui.numberEdit.text(), self.ui.recipientsEdit.toPlainText()
            )

    def _show_kind(self) -> None:
        self._keep_kind()
        u = self.ui
        self._shown = u.kindCombo.currentData()
        if self._shown is None:
            return
        current = self._kinds[self._shown]
        doc = DOCUMENT_BY_KEY.get(self._shown)
        form = doc is not None and doc.form
        u.numberEdit.setText(current.number)
        u.recipientsEdit.setPlainText(current.recipients)
        # A form carries no number and goes to no one: its people sign it.
        u.numberEdit.setEnabled(not form)
        u.recipientsEdit.setEnabled(not form)
        u.numberEdit.setPlaceholderText(self.tr("A form has no number") if form else self.tr("e.g. 12/BC-UBND"))

    def _apply_block(self) -> None:
        block = self._blocks.get(self.ui.signerCombo.currentData() or "")
        if block is not None:
            self.ui.authorityEdit.setText(block.authority)
            self.ui.deputyEdit.setText(block.deputy)
            self.ui.signerTitleEdit.setText(block.title)

    def _match_block(self) -> None:
        typed = (
            self.ui.authorityEdit.text().strip(),
            self.ui.deputyEdit.text().strip(),
            self.ui.signerTitleEdit.text().strip(),
        )
        key = next((k for k, b in self._blocks.items() if (b.authority, b.deputy, b.title) == typed), "")
        self.ui.signerCombo.setCurrentIndex(self.ui.signerCombo.findData(key))

    def values(self) -> ReportSettings:
        self._keep_kind()
        data = {name: edit.text() for name, edit in self._fields.items()}
        return replace(ReportSettings(**data), kinds=tuple(self._kinds.values()))

    def accept(self) -> None:
        """Save in the background, Save disabled meanwhile; the dialog closes once saved, stays open on a failure."""
        save, values = self._save, self.values()
        button = self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        self._jobs.write(lambda: save(values), self._saved, controls=[button])

    def is_busy(self) -> bool:
        """Whether the save still runs (tests wait for this to turn False)."""
        return self._jobs.busy()

    def _saved(self, saved: ReportSettings) -> None:
        self.saved = saved
        super().accept()
