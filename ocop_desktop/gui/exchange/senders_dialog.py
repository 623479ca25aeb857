"""Đơn vị tin cậy và khóa ký: this office's fingerprint, the offices trusted here, revoking one,
a province's key list taken or sent, and the signature of a received report checked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QMessageBox, QWidget

from ocop_desktop.domain.language import in_language
from ocop_desktop.domain.schema import TRUSTED_SENDER
from ocop_desktop.exports.signing import short_fingerprint
from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.exchange.models import local_time
from ocop_desktop.gui.forms.ui_exchange_senders_dialog import Ui_SendersDialog
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.gui.schema_columns import Shown, schema_columns
from ocop_desktop.gui.table_model import DtoTableModel
from ocop_desktop.services.exchange import ExchangeService, SenderDTO
from ocop_desktop.services.exchange.sender_list import SUFFIX, IssuerNotTrusted, ListImport, SenderListService
from ocop_desktop.services.office_key import existing_office_key
from ocop_desktop.services.report_seal import INVALID, VALID, ReportCheck, check_report_file

REVOKED_COLOR = QColor(255, 226, 214)  # as a refused package: what this key signs is refused
MANY_LINES = 10  # more lines than this of a key list go to the box's details, which scroll
ICONS = {VALID: QMessageBox.Icon.Information, INVALID: QMessageBox.Icon.Critical}  # else a warning


def show_message(
    parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, informative: str = "", details: str = ""
) -> None:
    """A message box; long lists go to its details, so the box never grows past the screen."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if informative:
        box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    box.exec()


def ask_yes(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _own_fingerprint(make_uow) -> str:
    key = existing_office_key(make_uow)
    return short_fingerprint(key.fingerprint) if key is not None else ""


class SendersDialog(QDialog):
    """The offices whose signed packages, key lists and reports this office trusts, and its own key."""

    def __init__(self, make_uow, jobs: JobRunner, parent: QWidget | None = None, folder: str | Path = "") -> None:
        super().__init__(parent)
        self._uow, self._folder = make_uow, str(folder)
        self._exchange = ExchangeService(make_uow)
        self._lists = SenderListService(make_uow)
        self._jobs = PageJobs(jobs, self, on_error=self._failed)
        self._own_words = ""
        self.ui = ui = Ui_SendersDialog()
        ui.setupUi(self)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        fixed.setWeight(QFont.Weight.Bold)
        fixed.setPointSizeF(fixed.pointSizeF() * 1.2)
        ui.ownFingerprint.setFont(fixed)
        # The trusted senders' window table (TRUSTED_SENDER, domain/schema/safety.py).
        shown: dict[str, Shown[SenderDTO]] = {
            "fingerprint_words": Shown(value=lambda s: s.words, tooltip=lambda s: s.fingerprint),
            "trusted_at": Shown(text=lambda s: local_time(s.trusted_at)),
            "revoked_at": Shown(text=lambda s: local_time(s.revoked_at)),
            "note": Shown(tooltip=lambda s: s.note),
        }
        self.model: DtoTableModel[SenderDTO] = DtoTableModel(
            schema_columns(TRUSTED_SENDER, shown),
            row_color=lambda s: REVOKED_COLOR if s.revoked_at is not None else None,
            parent=self,
        )
        view = ui.sendersView
        view.setModel(self.model)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((190, 160, 125, 160, 125)):  # the schema's headers whole
            view.setColumnWidth(column, width)
        view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self._actions = (ui.revokeButton, ui.takeListButton, ui.sendListButton, ui.checkReportButton)
        ui.copyButton.clicked.connect(self.copy_fingerprint)
        ui.revokeButton.clicked.connect(self.revoke_selected)
        ui.takeListButton.clicked.connect(lambda: self.take_list())
        ui.sendListButton.clicked.connect(lambda: self.send_list())
        ui.checkReportButton.clicked.connect(lambda: self.check_report())
        ui.buttons.rejected.connect(self.reject)
        ui.copyButton.setEnabled(False)
        self._update_buttons()
        self.reload()

    # -- what is shown ---------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        """Read this office's fingerprint and the trusted offices; keep (or move to) ``select``."""
        keep = select or (self.selected().fingerprint if self.selected() else None)
        self._jobs.read("own", lambda: _own_fingerprint(self._uow), self._own_loaded)
        self._jobs.read("senders", lambda: self._exchange.senders(), lambda rows: self._loaded(rows, keep))

    def _own_loaded(self, words: str) -> None:
        self._own_words = words
        self.ui.ownFingerprint.setText(
            words or self.tr("none yet: the key is made when the office is set up (File › Office settings)")
        )
        self.ui.copyButton.setEnabled(bool(words))

    def _loaded(self, rows: list[SenderDTO], keep: str | None) -> None:
        # Offices still trusted first, each in order of name; revoked keys after them.
        rows = sorted(rows, key=lambda s: (s.revoked_at is not None, s.office.casefold(), s.trusted_at))
        self.model.set_rows(rows)
        index = next((i for i, s in enumerate(rows) if s.fingerprint == keep), None)
        if index is not None:
            self.ui.sendersView.selectRow(index)
        if not rows and not self.ui.statusLabel.text():
            self._say(
                self.tr(
                    "No office is trusted here yet. The first package of an office shows its fingerprint "
                    "and asks whether to trust it; a province's key list adds many at once."
                )
            )
        self._update_buttons()

    def selected(self) -> SenderDTO | None:
        index = self.ui.sendersView.currentIndex()
        return self.model.row(index.row()) if index.isValid() and index.row() < self.model.rowCount() else None

    def _update_buttons(self) -> None:
        sender = self.selected()
        self.ui.revokeButton.setEnabled(sender is not None and sender.revoked_at is None and not self.busy())

    def _say(self, text: str) -> None:
        self.ui.statusLabel.setText(text)

    def _failed(self, exc: Exception) -> None:
        self._say("")
        report_error(self, exc, title=self.windowTitle())
        self._update_buttons()

    def busy(self) -> bool:
        """Whether a read or a change still runs (tests wait for this to turn False)."""
        return self._jobs.busy()

    def copy_fingerprint(self) -> None:
        if self._own_words:
            QGuiApplication.clipboard().setText(self._own_words)
            self._say(self.tr("The fingerprint %1 was copied.").replace("%1", self._own_words))

    # -- revoking --------------------------------------------------------------------------------
    def revoke_selected(self) -> None:
        sender = self.selected()
        if sender is None or sender.revoked_at is not None:
            return
        question = (
            self.tr(
                "Stop trusting %1 with the key %2?\n\nPackages, key lists and reports signed with this key will be "
                "refused here from now on. Do this when that office lost its computer, its key may be known to others "
                "or it has a new key (compare the new fingerprint with them first)."
            )
            .replace("%1", sender.office)
            .replace("%2", sender.words)
        )
        if not ask_yes(self, self.tr("Revoke trust"), question):
            return
        fingerprint = sender.fingerprint  # the whole fingerprint: exactly this key, never another
        self._say(self.tr("Revoking…"))
        self._jobs.write(lambda: self._exchange.revoke_sender(fingerprint), self._revoked, controls=self._actions)

    def _revoked(self, revoked: list[SenderDTO]) -> None:
        self._say(
            "\n".join(
                self.tr("Trust in %1 (key %2) was revoked: what it signs is refused here.")
                .replace("%1", s.office)
                .replace("%2", s.words)
                for s in revoked
            )
        )
        self.reload(select=revoked[0].fingerprint if revoked else None)

    # -- a province's key list -------------------------------------------------------------------
    def take_list(self, path: str | Path | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Take a province's key list"),
                self._folder,
                self.tr("OCOP key lists (*%1)").replace("%1", SUFFIX),
            )
            if not path:
                return
        self._take(Path(path), trust_issuer=False)

    def _take(self, path: Path, trust_issuer: bool) -> None:
        self._say(self.tr("Taking the key list…"))
        self._jobs.write(
            lambda: self._lists.take(path, trust_issuer=trust_issuer),
            self._taken,
            on_error=lambda exc: self._take_failed(path, exc),
            controls=self._actions,
        )

    def _take_failed(self, path: Path, exc: Exception) -> None:
        if not isinstance(exc, IssuerNotTrusted):
            self._failed(exc)
            return
        self._say("")
        question = (
            self.tr(
                "This key list was signed by %1, whose key is not trusted here yet. Its fingerprint is:\n\n%2\n\n"
                "Call %1, or look at the fingerprint printed on its papers, and trust it only if the fingerprints are "
                "the same: every office of the list is then trusted on its word.\n\nHave you compared the fingerprint, "
                "and do you trust %1 and take its list?"
            )
            .replace("%1", exc.issuer)
            .replace("%2", exc.words)
        )
        if ask_yes(self, self.tr("Trust the sender of the list"), question):
            self._take(path, trust_issuer=True)

    def _taken(self, result: ListImport) -> None:
        summary = in_language(result.summary)
        self._say(summary)
        lines = (
            [self.tr("Added: %1").replace("%1", line) for line in result.added]
            + [self.tr("Revoked: %1").replace("%1", line) for line in result.revoked]
            + [self.tr("Not taken: %1").replace("%1", in_language(line)) for line in result.refused]
        )
        informative, details = "\n".join(lines), ""
        if len(lines) > MANY_LINES:
            informative = self.tr("%1 offices are named; press «Show Details...» to read each.").replace(
                "%1", str(len(lines))
            )
            details = "\n".join(lines)
        icon = QMessageBox.Icon.Warning if result.refused else QMessageBox.Icon.Information
        show_message(self, icon, self.tr("Key list taken"), summary, informative, details)
        self.reload()

    def send_list(self, path: str | Path | None = None) -> None:
        if path is None:
            start = str(Path(self._folder) / f"danh-sach-khoa{SUFFIX}") if self._folder else f"danh-sach-khoa{SUFFIX}"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Send the key list"), start, self.tr("OCOP key lists (*%1)").replace("%1", SUFFIX)
            )
            if not path:
                return
        target = Path(path)
        if target.suffix != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
        self._say(self.tr("Writing the key list…"))
        self._jobs.write(
            lambda: self._lists.export(target), lambda count: self._sent(target, count), controls=self._actions
        )

    def _sent(self, target: Path, count: int) -> None:
        text = (
            self.tr("The key list of %1 offices, signed by this office, was saved to %2.")
            .replace("%1", str(count))
            .replace("%2", str(target))
        )
        self._say(text)
        show_message(
            self,
            QMessageBox.Icon.Information,
            self.tr("Key list saved"),
            text,
            self.tr(
                "Send it to the offices of your area. Each compares this office's fingerprint (%1) with you once, by "
                "phone or on paper, and then takes the whole list."
            ).replace("%1", self._own_words or "?"),
        )

    # -- a report received ---------------------------------------------------------------------
    def check_report(self, path: str | Path | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Check a report's signature"),
                self._folder,
                self.tr("Reports (*.pdf *.xlsx);;All files (*)"),
            )
            if not path:
                return
        report = Path(path)
        self._say(self.tr("Checking the signature…"))
        self._jobs.read(
            "check", lambda: check_report_file(self._uow, report), lambda check: self._checked(report, check)
        )

    def _checked(self, report: Path, check: ReportCheck) -> None:
        self._say(in_language(check.message))
        icon = ICONS.get(check.state, QMessageBox.Icon.Warning)
        show_message(self, icon, self.tr("Signature of %1").replace("%1", report.name), in_language(check.message))
