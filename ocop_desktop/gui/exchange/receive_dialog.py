"""Nhận báo cáo: add the packages that came in, preview each, settle conflicts field by field,
import, undo an import, and see which units have reported."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QButtonGroup, QDialog, QFileDialog, QHeaderView, QMessageBox, QWidget

from ocop_desktop.exports.package import PackageError
from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.exchange.models import (
    PackageRow,
    changes_model,
    fields_model,
    inbox_model,
    local_time,
    packages_model,
    units_model,
)
from ocop_desktop.gui.exchange.send_dialog import describe
from ocop_desktop.gui.forms.ui_exchange_receive_dialog import Ui_ReceivePackageDialog
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.services.exchange import (
    EXTENSION,
    HERE,
    THERE,
    CampaignTimeliness,
    ConflictsUnresolved,
    ExchangeService,
    ImportResult,
    Outcome,
)

AskPaths = Callable[[QWidget], list[str]]
Confirm = Callable[[QWidget, str], bool]


def ask_open_paths(parent: QWidget) -> list[str]:
    translate = QCoreApplication.translate
    chosen, _ = QFileDialog.getOpenFileNames(
        parent,
        translate("ReceivePackageDialog", "Choose the packages received"),
        "",
        translate("ReceivePackageDialog", "OCOP packages (*%1 *.zip)").replace("%1", EXTENSION),
    )
    return chosen


def confirm(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(parent, QCoreApplication.translate("ReceivePackageDialog", "Undo import"), text)
    return answer == QMessageBox.StandardButton.Yes


def ask_trust(parent: QWidget, office: str, words: str) -> bool:
    """Trust a first-time sender? Only after comparing the fingerprint with them."""
    translate = QCoreApplication.translate
    text = (
        translate(
            "ReceivePackageDialog",
            "This is the first package from %1. Its signing key's fingerprint is:\n\n%2\n\nCall the sender, or look "
            "at the fingerprint printed on their office set-up page and reports, and trust this office only if the "
            "fingerprints are the same. Later packages of %1 signed with another key will be refused.\n\nTrust %1 "
            "and import the package?",
        )
        .replace("%1", office)
        .replace("%2", words)
    )
    answer = QMessageBox.question(
        parent,
        translate("ReceivePackageDialog", "Trust a new sender"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class ReceivePackageDialog(QDialog):
    imported = Signal()  # data changed here: after an import or an undo

    def __init__(
        self,
        exchange: ExchangeService,
        jobs: JobRunner,
        parent: QWidget | None = None,
        ask_paths: AskPaths = ask_open_paths,
        ask_confirm: Confirm = confirm,
        today: Callable[[], date] = date.today,
        ask_trust: Callable[[QWidget, str, str], bool] = ask_trust,
    ) -> None:
        super().__init__(parent)
        self._exchange, self._jobs, self._ask_paths, self._confirm, self._today = (
            exchange,
            jobs,
            ask_paths,
            ask_confirm,
            today,
        )
        self._ask_trust = ask_trust
        self._choices: dict[str, dict[str, str]] = {}  # package path -> record key -> here/there
        self._campaigns: list[CampaignTimeliness] = []
        self._busy_count = 0
        self._page_jobs = PageJobs(jobs, self, on_error=lambda exc: self.ui.inboxStatusLabel.setText(describe(exc)))
        self.ui = Ui_ReceivePackageDialog()
        self.ui.setupUi(self)
        self.packages = packages_model(self)
        self.changes = changes_model(lambda key: self._current_choices().get(key, ""), self)
        self.fields = fields_model(self)
        self.inbox = inbox_model(self)
        self.units = units_model(self)
        for view, model, stretch in (
            (self.ui.packagesView, self.packages, 0),
            (self.ui.changesView, self.changes, 1),
            (self.ui.fieldsView, self.fields, 2),
            (self.ui.inboxView, self.inbox, 1),
            (self.ui.unitsView, self.units, 0),
        ):
            view.setModel(model)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.ui.hereRadio)
        self.choice.addButton(self.ui.thereRadio)
        self.ui.conflictBox.setVisible(False)
        self.ui.splitter.setStretchFactor(1, 3)

        self.ui.addButton.clicked.connect(lambda: self.add_packages())
        self.ui.packagesView.selectionModel().currentRowChanged.connect(lambda *_: self._show_package())
        self.ui.changesView.selectionModel().currentRowChanged.connect(lambda *_: self._show_change())
        self.ui.hereRadio.clicked.connect(lambda: self._choose(HERE))
        self.ui.thereRadio.clicked.connect(lambda: self._choose(THERE))
        self.ui.allHereButton.clicked.connect(lambda: self._choose_all(HERE))
        self.ui.allThereButton.clicked.connect(lambda: self._choose_all(THERE))
        self.ui.importButton.clicked.connect(self.import_current)
        self.ui.importAllButton.clicked.connect(self.import_all_ready)
        self.ui.inboxView.selectionModel().currentRowChanged.connect(lambda *_: self._inbox_chosen())
        self.ui.undoButton.clicked.connect(self.undo_selected)
        self.ui.campaignCombo.currentIndexChanged.connect(self._show_campaign)
        self.refresh_history()

    # -- the package list ---------------------------------------------------------------------
    def add_packages(self, paths: list[str | Path] | None = None) -> None:
        """Add files to the list and check each in the background (the dialog's "Add" asks for them)."""
        chosen = [Path(p) for p in (paths if paths is not None else self._ask_paths(self))]
        known = {r.path for r in self.packages.rows()}
        rows = self.packages.rows()
        for path in chosen:
            if path not in known:
                rows.append(PackageRow(path))
                self._check(path)
        self.packages.set_rows(rows)
        if rows and self.ui.packagesView.currentIndex().row() < 0:
            self.ui.packagesView.selectRow(len(rows) - len(chosen) if chosen else 0)

    def _check(self, path: Path) -> None:
        self._busy_count += 1
        self._jobs.run(
            lambda progress, cancel: self._exchange.preview(path),
            on_done=lambda preview: self._checked(path, preview=preview),
            on_error=lambda exc: self._checked(path, error=exc),
        )

    def _checked(self, path: Path, preview=None, error: Exception | None = None) -> None:
        self._busy_count -= 1
        if error is not None:
            self._update(path, state="refused", error=describe(error))
        else:
            state = "already" if preview.already_imported_at is not None else "ready"
            self._update(path, preview=preview, state=state)

    def _update(self, path: Path, **changes) -> None:
        rows = [replace(r, **changes) if r.path == path else r for r in self.packages.rows()]
        current = self._current_row()
        self.packages.set_rows(rows)
        if current is not None:
            self.ui.packagesView.selectRow(next(i for i, r in enumerate(rows) if r.path == current.path))
        self._show_package()

    def _current_row(self) -> PackageRow | None:
        row = self.ui.packagesView.currentIndex().row()
        return self.packages.row(row) if 0 <= row < self.packages.rowCount() else None

    def _current_choices(self) -> dict[str, str]:
        row = self._current_row()
        return self._choices.setdefault(str(row.path), {}) if row else {}

    # -- the preview of one package -----------------------------------------------------------
    def _show_package(self) -> None:
        row = self._current_row()
        preview = row.preview if row else None
        self.changes.set_rows(list(preview.changes) if preview and row.state == "ready" else [])
        self.ui.conflictBox.setVisible(False)
        ready = [
            r for r in self.packages.rows() if r.state == "ready" and not r.conflicts and r.preview and not r.untrusted
        ]
        self.ui.importAllButton.setEnabled(len(ready) > 0 and self._busy_count == 0)
        if row is None:
            self.ui.summaryLabel.setText("")
            self.ui.importButton.setEnabled(False)
            return
        if row.state == "refused":
            self.ui.summaryLabel.setText(self.tr("Refused: %1").replace("%1", row.error))
        elif row.state == "checking":
            self.ui.summaryLabel.setText(self.tr("Checking the package…"))
        else:
            self.ui.summaryLabel.setText(self._summary(row))
        self._update_import_button()
        if row.conflicts and row.state == "ready":
            first = next(i for i, c in enumerate(self.changes.rows()) if c.outcome is Outcome.CONFLICT)
            self.ui.changesView.selectRow(first)

    def _summary(self, row: PackageRow) -> str:
        p = row.preview.package
        head = (
            self.tr("From %1 (%2), made %3.")
            .replace("%1", p.sender_unit or "?")
            .replace("%2", p.sender_user or "?")
            .replace("%3", local_time(p.created_at))
        )
        sender = row.preview.sender
        if sender is not None and sender.words:
            head += " " + self.tr("Signed with the key %1.").replace("%1", sender.words)
        if row.untrusted:
            head += " " + self.tr(
                "First package from this office: compare the fingerprint with the sender before importing."
            )
        if row.preview.already_imported_at is not None:
            return head + " " + self.tr("This package was imported before; importing it again changes nothing.")
        counts = row.preview.counts
        parts = [
            (self.tr("new"), Outcome.NEW),
            (self.tr("updated"), Outcome.UPDATE),
            (self.tr("deleted"), Outcome.DELETE),
            (self.tr("unchanged"), Outcome.SAME),
            (self.tr("kept here"), Outcome.KEPT),
            (self.tr("conflicts"), Outcome.CONFLICT),
        ]
        text = head + " " + ", ".join(f"{label}: {counts.get(o.value, 0)}" for label, o in parts) + "."
        if row.state == "imported":
            text += " " + self.tr("Imported.")
        for warning in row.preview.warnings:
            text += "\n" + self.tr("Note: %1").replace("%1", warning)
        return text

    def _show_change(self) -> None:
        index = self.ui.changesView.currentIndex()
        change = self.changes.row(index.row()) if index.isValid() else None
        is_conflict = change is not None and change.outcome is Outcome.CONFLICT
        self.ui.conflictBox.setVisible(is_conflict)
        if not is_conflict:
            return
        self.fields.set_rows(list(change.fields))
        text = f"{change.entity_label} «{change.title}»"
        if change.deleted_there:
            text += " — " + self.tr("deleted in the package, edited here.")
        self.ui.conflictLabel.setText(text)
        chosen = self._current_choices().get(change.key)
        self.choice.setExclusive(False)  # so that neither button may show as checked
        self.ui.hereRadio.setChecked(chosen == HERE)
        self.ui.thereRadio.setChecked(chosen == THERE)
        self.choice.setExclusive(True)

    def _choose(self, choice: str) -> None:
        index = self.ui.changesView.currentIndex()
        if not index.isValid():
            return
        change = self.changes.row(index.row())
        self._current_choices()[change.key] = choice
        self._changes_updated(index.row())

    def _choose_all(self, choice: str) -> None:
        choices = self._current_choices()
        for change in self.changes.rows():
            if change.outcome is Outcome.CONFLICT:
                choices[change.key] = choice
        self._changes_updated(self.ui.changesView.currentIndex().row())

    def _changes_updated(self, row: int) -> None:
        top, bottom = self.changes.index(0, 2), self.changes.index(max(self.changes.rowCount() - 1, 0), 2)
        self.changes.dataChanged.emit(top, bottom)
        if row >= 0:
            self._show_change()
        self._update_import_button()

    def _unresolved(self, row: PackageRow) -> int:
        choices = self._choices.get(str(row.path), {})
        return sum(1 for c in row.preview.conflicts if c.key not in choices)

    def _update_import_button(self) -> None:
        row = self._current_row()
        ready = row is not None and row.state == "ready" and self._busy_count == 0
        missing = self._unresolved(row) if ready else 0
        self.ui.importButton.setEnabled(ready and not missing)
        if ready and missing:
            self.ui.statusLabel.setText(
                self.tr("%1 conflict(s) still need a choice: keep this office's copy or take the package's.").replace(
                    "%1", str(missing)
                )
            )
        elif ready:
            self.ui.statusLabel.setText(self.tr("Ready to import."))

    # -- importing ------------------------------------------------------------------------------
    def import_current(self) -> None:
        row = self._current_row()
        if row is None or row.state != "ready":
            return
        if row.untrusted:
            sender = row.preview.sender
            if not self._ask_trust(self, sender.office, sender.words):
                return
        self._import([row], trust=row.untrusted)

    def import_all_ready(self) -> None:
        # A new sender is never trusted in bulk: each is asked about, one by one.
        self._import([r for r in self.packages.rows() if r.state == "ready" and not r.conflicts and not r.untrusted])

    def _import(self, rows: list[PackageRow], trust: bool = False) -> None:
        jobs = [(r.path, dict(self._choices.get(str(r.path), {})), r.preview.package.sha256) for r in rows]

        def work(progress, cancel):
            results = []
            for path, choices, sha in jobs:  # one transaction per package: each is all or nothing
                try:
                    results.append(
                        (
                            path,
                            self._exchange.import_package(
                                path, choices=choices, expected_sha256=sha, progress=progress, trust_sender=trust
                            ),
                        )
                    )
                except (PackageError, ConflictsUnresolved) as exc:
                    results.append((path, exc))
            return results

        self._set_busy(True)
        self._jobs.run(work, on_done=self._imported, on_error=self._failed, on_progress=self._progress)

    def _set_busy(self, busy: bool) -> None:
        self._busy_count += 1 if busy else -1
        self.ui.progressBar.setVisible(busy)
        self.ui.progressBar.setValue(0)
        for button in (self.ui.importButton, self.ui.importAllButton, self.ui.addButton, self.ui.undoButton):
            button.setEnabled(not busy)
        if busy:
            self.ui.statusLabel.setText(self.tr("Importing…"))

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.ui.progressBar.setMaximum(max(total, 1))
        self.ui.progressBar.setValue(done)

    def _imported(self, results: list[tuple[Path, ImportResult | Exception]]) -> None:
        self._set_busy(False)
        messages = []
        for path, result in results:
            if isinstance(result, Exception):
                self._update(path, state="refused", error=describe(result))
                messages.append(f"{path.name}: {describe(result)}")
            else:
                self._update(path, state="imported" if result.applied else "already")
                c = result.counts
                messages.append(
                    self.tr("%1: imported (new %2, updated %3, deleted %4).")
                    .replace("%1", path.name)
                    .replace("%2", str(c.get("new", 0)))
                    .replace("%3", str(c.get("updated", 0)))
                    .replace("%4", str(c.get("deleted", 0)))
                    if result.applied
                    else self.tr("%1: imported before, nothing changed.").replace("%1", path.name)
                )
        self.ui.statusLabel.setText("\n".join(messages))
        self.refresh_history()
        self.imported.emit()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        report_error(
            self,
            exc,
            show=lambda reason: self.ui.statusLabel.setText(
                self.tr("The import failed; nothing was changed: %1").replace("%1", reason)
            ),
        )
        self._show_package()

    # -- history and undo -------------------------------------------------------------------------
    def refresh_history(self) -> None:
        """Read the packages received and each campaign's timeliness in the background, then show them."""
        exchange, today = self._exchange, self._today()
        self._page_jobs.read(
            "history",
            lambda: (exchange.inbox(), exchange.campaign_timeliness(today)),
            lambda result: self._show_history(*result),
        )

    def _show_history(self, inbox: list, campaigns: list[CampaignTimeliness]) -> None:
        self.inbox.set_rows(inbox)
        self._campaigns = campaigns
        current = self.ui.campaignCombo.currentData()
        self.ui.campaignCombo.blockSignals(True)
        self.ui.campaignCombo.clear()
        for c in self._campaigns:
            self.ui.campaignCombo.addItem(c.title or str(c.year), c.campaign_id)
        index = self.ui.campaignCombo.findData(current)
        self.ui.campaignCombo.setCurrentIndex(max(index, 0))
        self.ui.campaignCombo.blockSignals(False)
        self._show_campaign()
        self._inbox_chosen()

    def _show_campaign(self) -> None:
        campaign = next((c for c in self._campaigns if c.campaign_id == self.ui.campaignCombo.currentData()), None)
        self.units.set_rows(list(campaign.units) if campaign else [])
        if campaign is None:
            self.ui.rateLabel.setText("")
            return
        rate = f"{campaign.on_time_rate:.0%}".replace(".", ",") if campaign.on_time_rate is not None else "—"
        self.ui.rateLabel.setText(
            self.tr("%1 of %2 units submitted; %3 on time (on-time rate %4), %5 late, %6 overdue without a report.")
            .replace("%1", str(campaign.submitted_count))
            .replace("%2", str(campaign.unit_count))
            .replace("%3", str(campaign.on_time_count))
            .replace("%4", rate)
            .replace("%5", str(campaign.late_count))
            .replace("%6", str(campaign.missing_count))
        )

    def _inbox_chosen(self) -> None:
        index = self.ui.inboxView.currentIndex()
        entry = self.inbox.row(index.row()) if index.isValid() else None
        self.ui.undoButton.setEnabled(entry is not None and not entry.undone and self._busy_count == 0)

    def undo_selected(self) -> None:
        index = self.ui.inboxView.currentIndex()
        if not index.isValid():
            return
        entry = self.inbox.row(index.row())
        question = (
            self.tr("Undo everything the package from %1 imported at %2 changed?")
            .replace("%1", entry.sender_unit)
            .replace("%2", local_time(entry.imported_at))
        )
        if not self._confirm(self, question):
            return
        self._set_busy(True)
        self._jobs.run(
            lambda progress, cancel: self._exchange.undo(entry.package_id),
            on_done=self._undone,
            on_error=self._undo_failed,
        )

    def _undone(self, result) -> None:
        self._set_busy(False)
        self.ui.inboxStatusLabel.setText(
            self.tr("Undone: %1 record(s) removed, %2 restored, %3 recreated.")
            .replace("%1", str(result.deleted))
            .replace("%2", str(result.restored))
            .replace("%3", str(result.recreated))
        )
        for row in self.packages.rows():
            if row.preview and row.preview.package.package_id == result.package_id:
                self._update(row.path, state="checking")
                self._check(row.path)
        self.refresh_history()
        self.imported.emit()

    def _undo_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        report_error(self, exc, show=self.ui.inboxStatusLabel.setText)
        self._inbox_chosen()

    def busy(self) -> bool:
        return self._busy_count > 0 or self._page_jobs.busy()
