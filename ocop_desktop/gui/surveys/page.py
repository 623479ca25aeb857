"""The Rà soát sản phẩm page: pick a campaign and a unit, follow submissions, type the survey."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMessageBox, QWidget

from ocop_desktop.domain.validation import NotFoundError, StaleDataError, ValidationError
from ocop_desktop.gui.error_text import error_text, report_error
from ocop_desktop.gui.formatting import display
from ocop_desktop.gui.forms.ui_surveys_page import Ui_SurveysPage
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.gui.surveys.campaign_actions import CampaignActions
from ocop_desktop.gui.surveys.grid_model import SurveyGridModel
from ocop_desktop.gui.surveys.logbook_offer import LogbookOffer
from ocop_desktop.gui.surveys.stale import merge_summary, reload_offer
from ocop_desktop.gui.surveys.status_model import unit_status_model
from ocop_desktop.gui.surveys.submission_dialog import SubmissionDialog
from ocop_desktop.gui.surveys.submissions import SubmissionActions
from ocop_desktop.services.drafts import Draft, DraftStore
from ocop_desktop.services.logbooks import LogbookService
from ocop_desktop.services.places import PlaceService
from ocop_desktop.services.surveys import (
    ENTRY_COLUMNS,
    CampaignDTO,
    SurveyEntryDTO,
    SurveyService,
    UnitStatusDTO,
    split_entry_field,
)

DRAFT_DELAY_MS = 1000
_ERROR_STYLE = "color: #b00020;"


def _describe(exc: Exception) -> str:
    """A service's Vietnamese messages, without the internal field names (the one error renderer)."""
    return error_text(exc)


class SurveysPage(SubmissionActions, QWidget):
    changed = Signal()  # after entries are saved, a submission changes, or an entry is promoted
    import_requested = Signal()  # the user asked to import rows from Excel
    template_requested = Signal()  # the user asked for the blank Excel template

    def __init__(
        self,
        surveys: SurveyService,
        places: PlaceService,
        jobs: JobRunner,
        drafts_dir: Path,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._surveys = surveys
        self._places = places
        self._jobs = jobs
        self._page_jobs = PageJobs(
            jobs,
            self,
            on_error=lambda exc: report_error(self, exc, show=lambda reason: self._show_message(reason, error=True)),
        )
        self._drafts = DraftStore(drafts_dir)
        self._today = today
        self._campaigns: list[CampaignDTO] = []
        self._units: list[UnitStatusDTO] = []
        self._open: tuple[str, str] | None = None  # (campaign id, unit id) shown in the grid
        self._saving = False
        self.submission_dialog: SubmissionDialog | None = None
        self.stale_box: QMessageBox | None = None  # the offer to reload after a refused save

        self.ui = Ui_SurveysPage()
        self.ui.setupUi(self)
        self.grid_model = SurveyGridModel(self)
        self.ui.grid.setModel(self.grid_model)
        self.status_model = unit_status_model(self)
        self.ui.statusView.setModel(self.status_model)
        # The unit list shows the status table's rows (no second copy of thousands of labels).
        self.ui.unitCombo.setModel(self.status_model)
        self.ui.statusView.verticalHeader().hide()
        self.ui.statusView.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.ui.saveButton.setToolTip(self.tr("Save the rows of this unit (Ctrl+S)"))
        self.ui.splitter.setStretchFactor(1, 3)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._write_draft)

        save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_shortcut.activated.connect(self.save)
        self.ui.campaignCombo.currentIndexChanged.connect(self._campaign_chosen)
        self.ui.unitCombo.currentIndexChanged.connect(self._unit_chosen)
        self.ui.statusView.selectionModel().currentRowChanged.connect(self._status_row_chosen)
        self.ui.markSubmittedButton.clicked.connect(self._ask_submitted)
        self.ui.unmarkSubmittedButton.clicked.connect(self._mark_not_submitted)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.addRowButton.clicked.connect(self._add_row)
        self.ui.removeRowButton.clicked.connect(self._remove_rows)
        self.ui.promoteButton.clicked.connect(self._promote)
        self.ui.importExcelButton.clicked.connect(self.import_requested.emit)
        self.ui.templateButton.clicked.connect(self.template_requested.emit)
        # Shown only when the composition root offers the Excel import.
        self.ui.importExcelButton.setVisible(False)
        self.ui.templateButton.setVisible(False)
        self.ui.grid.notice.connect(self._show_message)
        self.ui.grid.selectionModel().currentChanged.connect(self._update_buttons)
        self.grid_model.edited.connect(self._edited)
        self._load_campaigns()

    # --- the contract with the main window ---------------------------------------------------
    def show_campaign(self, campaign_id: str) -> None:
        if self.ui.campaignCombo.findData(campaign_id) < 0:  # a campaign new since the list was read
            self._read_campaigns(lambda _kept: self._show_campaign(campaign_id))
        else:
            self._show_campaign(campaign_id)

    def is_busy(self) -> bool:
        """Whether a read or a change of this page still runs (tests wait for this to turn False)."""
        return self._page_jobs.busy()

    def _show_campaign(self, campaign_id: str) -> None:
        index = self.ui.campaignCombo.findData(campaign_id)
        if index == self.ui.campaignCombo.currentIndex():
            self._refresh_units()  # already shown: bring its statuses up to date
        elif index >= 0:
            self.ui.campaignCombo.setCurrentIndex(index)

    def current_selection(self) -> tuple[str | None, str | None]:
        """(campaign id, unit id) shown now, for actions that work on them (Excel import)."""
        return self.ui.campaignCombo.currentData(), self.ui.unitCombo.currentData()

    def enable_campaigns(self, service) -> None:
        """Offer the «Campaign» menu (new, edit, close, delete), given a CampaignService."""
        self.campaign_actions = CampaignActions(self, service, self._jobs, self._today)

    def current_campaign(self) -> CampaignDTO | None:
        return self._campaign()

    def show_message(self, text: str, error: bool = False) -> None:
        self._show_message(text, error)

    def enable_logbooks(self, logbooks: LogbookService) -> None:
        """Offer «Take figures from the logbook…» on a row's context menu, given a LogbookService."""
        self.logbook_offer = LogbookOffer(self, logbooks, self._jobs)

    def enable_excel(self) -> None:
        self.ui.importExcelButton.setVisible(True)
        self.ui.templateButton.setVisible(True)

    def refresh(self, campaign_id: str | None = None, then: Callable[[], None] | None = None) -> None:
        """Show what was stored elsewhere (a package, a restore, an Excel import, another tab):
        campaigns, statuses and the open unit's rows. Unsaved typing is never replaced: the grid
        keeps it, says the unit changed, and the save offers to reload and re-apply it.
        All is read in the background; ``campaign_id`` is shown if given, ``then()`` runs once
        the campaign's units are listed."""
        self._read_campaigns(lambda kept: self._campaigns_refreshed(kept, campaign_id, then))

    def _campaigns_refreshed(self, kept: bool, campaign_id: str | None, then: Callable[[], None] | None) -> None:
        combo = self.ui.campaignCombo
        index = combo.findData(campaign_id) if campaign_id is not None else -1
        if index >= 0 and index != combo.currentIndex():
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
            kept = False
        self._show_deadline()
        if not kept:  # another campaign, or the one shown is gone (a restore): its units afresh
            self._refresh_units(keep_unit=False, then=then)
            return
        opened = self._open

        def after() -> None:
            self._check_open(opened)
            if then is not None:
                then()

        self._refresh_units(then=after)

    def _check_open(self, opened: tuple[str, str] | None) -> None:
        if self._open is None or self._open != opened or self._saving:
            return  # another unit was opened afresh, or the save in progress reloads the grid
        surveys = self._surveys
        self._page_jobs.read(
            "check",
            lambda: surveys.unit_entries(*opened),
            lambda entries: self._open == opened and self._show_newer(entries),
        )

    def _show_newer(self, entries: list[SurveyEntryDTO]) -> None:
        if self._saving or not self.grid_model.changed_since(entries):
            return
        if not self.has_unsaved_changes():
            where = self.ui.grid.currentIndex()
            campaign = self._campaign()
            self.grid_model.load(entries, campaign.year if campaign else None)
            row = min(max(where.row(), 0), self.grid_model.rowCount() - 1)
            self.ui.grid.setCurrentIndex(self.grid_model.index(row, max(where.column(), 0)))
            self._update_buttons()
        else:
            self._show_message(
                self.tr(
                    "The rows of this unit were changed elsewhere. Your unsaved changes are kept; "
                    "saving will offer to reload the newest rows and re-apply your changes on top."
                ),
                error=True,
            )

    def has_unsaved_changes(self) -> bool:
        editing = self.ui.grid.state() == QAbstractItemView.State.EditingState
        return self._open is not None and (editing or self.grid_model.is_dirty())

    def save_draft(self) -> None:
        """Keep what is typed but not saved on disk (a cell still being edited included)."""
        self.ui.grid.commit_pending_edit()
        self._write_draft()

    def _write_draft(self) -> None:
        # Called by the typing timer too, so it must not close an editor the user is typing in.
        self._draft_timer.stop()
        if self._open is None:
            return
        try:
            if self.grid_model.is_dirty():
                self._drafts.save(*self._open, self.grid_model.payload())
            else:
                self._drafts.discard(*self._open)  # a grid equal to the saved data has no draft
        except OSError as exc:
            self._show_message(self.tr("Could not keep the draft: %1").replace("%1", error_text(exc)), error=True)

    # --- campaigns and units -----------------------------------------------------------------
    def _load_campaigns(self) -> None:
        self._read_campaigns(self._campaigns_loaded)

    def _campaigns_loaded(self, _kept: bool) -> None:
        if not self._campaigns:
            self._show_message(self.tr("There is no survey campaign yet."))
            if getattr(self, "campaign_actions", None) is not None:
                self.campaign_actions.show_empty_hint()
        self._campaign_chosen()

    def _read_campaigns(self, then: Callable[[bool], None]) -> None:
        """Read the campaigns in the background, list them, then ``then(kept)``."""
        surveys, today = self._surveys, self._today()
        self._page_jobs.read(
            "campaigns",
            lambda: surveys.campaigns(today=today, units=False),
            lambda campaigns: then(self._fill_campaigns(campaigns)),
        )

    def _fill_campaigns(self, campaigns: list[CampaignDTO]) -> bool:
        """List the campaigns read, keeping the one chosen; False if it is gone (or none was)."""
        current = self.ui.campaignCombo.currentData()
        self._campaigns = campaigns
        combo = self.ui.campaignCombo
        combo.blockSignals(True)
        combo.clear()
        for c in self._campaigns:
            closed = self.tr(" (closed)") if c.closed_on else ""
            combo.addItem(f"{c.year} — {c.title}{closed}", c.id)
        index = max(0, combo.findData(current)) if current else 0
        combo.setCurrentIndex(index if self._campaigns else -1)
        combo.blockSignals(False)
        return current is not None and combo.currentData() == current

    def _campaign(self) -> CampaignDTO | None:
        campaign_id = self.ui.campaignCombo.currentData()
        return next((c for c in self._campaigns if c.id == campaign_id), None)

    def _campaign_chosen(self, *_args) -> None:
        self._show_deadline()
        self._refresh_units(keep_unit=False)

    def _show_deadline(self) -> None:
        campaign = self._campaign()
        self.ui.deadlineLabel.setText(
            self.tr("Deadline: %1").replace("%1", display(campaign.deadline)) if campaign and campaign.deadline else ""
        )

    def _refresh_units(self, keep_unit: bool = True, then: Callable[[], None] | None = None) -> None:
        """Read the chosen campaign's units and their statuses in the background, then list them."""
        campaign = self._campaign()
        wanted = self._open[1] if keep_unit and self._open else None
        surveys, today = self._surveys, self._today()

        def read() -> list[UnitStatusDTO]:
            # Each unit's label comes with its row (no dict of every place's label kept here).
            return surveys.campaign_units(campaign.id, today=today) if campaign else []

        self._page_jobs.read("units", read, lambda units: self._units_read(units, wanted, then))

    def _units_read(self, units: list[UnitStatusDTO], wanted: str | None, then: Callable[[], None] | None) -> None:
        self._units = units
        combo = self.ui.unitCombo
        combo.blockSignals(True)  # the unit list is the status table's model: it changes with it
        self.status_model.set_rows(self._units)
        self.ui.statusView.resizeColumnsToContents()
        self.ui.statusView.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        done = sum(1 for u in self._units if u.submitted)
        self.ui.summaryLabel.setText(
            self.tr("%1 of %2 units have submitted.").replace("%1", str(done)).replace("%2", str(len(self._units)))
        )
        found = combo.findData(wanted) if wanted else -1
        combo.setCurrentIndex(found if found >= 0 else (0 if self._units else -1))
        combo.blockSignals(False)
        self._unit_chosen()
        if then is not None:
            then()

    def _unit_label(self, unit: UnitStatusDTO) -> str:
        # Old and new units can share a name after the 2025 merger; the label tells them apart.
        return unit.unit_label or unit.unit

    def _unit(self) -> UnitStatusDTO | None:
        unit_id = self.ui.unitCombo.currentData()
        return next((u for u in self._units if u.unit_id == unit_id), None)

    def _unit_chosen(self, *_args) -> None:
        campaign, unit = self._campaign(), self._unit()
        row = next((i for i, u in enumerate(self._units) if unit and u.unit_id == unit.unit_id), -1)
        view = self.ui.statusView
        if row >= 0 and view.currentIndex().row() != row:
            view.setCurrentIndex(self.status_model.index(row, 0))
        key = (campaign.id, unit.unit_id) if campaign and unit else None
        if key != self._open:
            self.save_draft()  # what was typed for the previous unit stays as its draft
            self._open_unit(campaign, key)
        self._update_buttons()

    def _status_row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.ui.unitCombo.setCurrentIndex(self.ui.unitCombo.findData(self._units[current.row()].unit_id))

    def _open_unit(self, campaign: CampaignDTO | None, key: tuple[str, str] | None) -> None:
        self._open = key
        self._show_message("")
        if key is None or campaign is None:
            self.grid_model.load([], None)
            self.ui.grid.setEnabled(False)
            return
        self.grid_model.load([], None)  # nothing of the previous unit is typed over while this one loads
        self.ui.grid.setEnabled(False)
        surveys = self._surveys
        self._page_jobs.read(
            "open", lambda: surveys.unit_entries(*key), lambda entries: self._unit_read(campaign, key, entries)
        )

    def _unit_read(self, campaign: CampaignDTO, key: tuple[str, str], entries: list[SurveyEntryDTO]) -> None:
        if key != self._open:
            return  # another unit was chosen meanwhile
        self.ui.grid.setEnabled(not self._saving)
        self.grid_model.load(entries, campaign.year)
        self._restore_draft(entries)
        self.ui.grid.fit_columns()
        self.ui.grid.setCurrentIndex(self.grid_model.index(0, 0))
        self._update_buttons()

    def _restore_draft(self, entries: list[SurveyEntryDTO]) -> None:
        assert self._open is not None
        draft = self._drafts.load(*self._open)
        if draft is None:
            return
        session = "base" in draft.payload  # the draft keeps the rows it was typed over
        saved_at = max((e.updated_at for e in entries if e.updated_at), default=None)
        if not session and saved_at is not None and draft.written_at <= saved_at:
            self._drafts.discard(*self._open)  # an older app's draft, saved over since: it is stale
            return
        self.grid_model.restore(draft.payload)
        report = None
        if session and self.grid_model.changed_since(entries):
            report = self.grid_model.rebase(entries)  # rows arrived or changed since the draft
        if not self.grid_model.is_dirty():
            self._drafts.discard(*self._open)
            return
        text = self.tr("Restored the unsaved draft from %1.").replace("%1", self._draft_time(draft))
        if report is not None:
            text += " " + merge_summary(report, self.grid_model.is_dirty())
        self._show_message(text)

    def _draft_time(self, draft: Draft) -> str:
        local = draft.written_at.replace(tzinfo=UTC).astimezone()
        clock = local.strftime("%H:%M")
        if local.date() == self._today():
            return clock
        return self.tr("%1 on %2").replace("%1", clock).replace("%2", display(local.date()))

    # --- editing -----------------------------------------------------------------------------
    def _edited(self) -> None:
        self._draft_timer.start()
        self._update_buttons()

    def _add_row(self) -> None:
        self.grid_model.append_row()
        last = self.grid_model.index(self.grid_model.rowCount() - 1, 0)
        self.ui.grid.setCurrentIndex(last)
        self.ui.grid.setFocus()

    def _remove_rows(self) -> None:
        rows = {i.row() for i in self.ui.grid.selectionModel().selectedIndexes()}
        if not rows and self.ui.grid.currentIndex().isValid():
            rows = {self.ui.grid.currentIndex().row()}
        self.grid_model.remove_rows(rows, self.tr("Delete rows"))

    def _update_buttons(self, *_args) -> None:
        has_unit = self._open is not None and not self._saving
        self.ui.saveButton.setEnabled(has_unit)
        self.ui.addRowButton.setEnabled(has_unit)
        self.ui.removeRowButton.setEnabled(has_unit)
        row = self.ui.grid.currentIndex().row()
        self.ui.promoteButton.setEnabled(
            has_unit and self.grid_model.row_is_saved(row) and not self.grid_model.product_id(row)
        )
        unit = self._unit()
        self.ui.markSubmittedButton.setEnabled(unit is not None)
        self.ui.unmarkSubmittedButton.setEnabled(unit is not None and unit.submitted)
        self.ui.campaignCombo.setEnabled(not self._saving)
        self.ui.unitCombo.setEnabled(not self._saving)
        self.ui.statusView.setEnabled(not self._saving)

    def _show_message(self, text: str, error: bool = False) -> None:
        self.ui.messageLabel.setText(text)
        self.ui.messageLabel.setStyleSheet(_ERROR_STYLE if error else "")

    # --- saving ------------------------------------------------------------------------------
    def save(self) -> None:
        if self._open is None or self._saving:
            return
        self.ui.grid.commit_pending_edit()
        problems = self.grid_model.problems()
        if problems:
            self._refuse(problems)
            return
        key, rows = self._open, self.grid_model.inputs()
        # Rows, not "the unit's list": what the user deleted is named, every version is checked.
        deleted, loaded = self.grid_model.deleted(), self.grid_model.versions()
        self._saving = True
        self.ui.grid.setEnabled(False)
        self._update_buttons()
        self._show_message(self.tr("Saving…"))
        self._jobs.run(
            lambda _progress, _cancel: self._surveys.save_entries(*key, rows, deleted=deleted, loaded=loaded),
            on_done=lambda entries: self._saved(key, entries),
            on_error=self._save_failed,
        )

    def _refuse(self, problems: list[tuple[int, int, str]]) -> None:
        row, column, reason = problems[0]
        self.ui.grid.setCurrentIndex(self.grid_model.index(row, column))
        text = (
            self.tr("Not saved: row %1, column “%2”: %3")
            .replace("%1", str(row + 1))
            .replace("%2", self.grid_model.columns[column].header)
            .replace("%3", reason)
        )
        if len(problems) > 1:
            text += " " + self.tr("%1 more cell(s) to fix.").replace("%1", str(len(problems) - 1))
        self._show_message(text, error=True)

    def _finish_saving(self) -> None:
        self._saving = False
        self.ui.grid.setEnabled(self._open is not None)
        self._update_buttons()

    def _saved(self, key: tuple[str, str], entries: list[SurveyEntryDTO]) -> None:
        self._finish_saving()
        self._drafts.discard(*key)
        if key == self._open:
            campaign = self._campaign()
            where = self.ui.grid.currentIndex()
            self.grid_model.load(entries, campaign.year if campaign else None)
            row = min(max(where.row(), 0), self.grid_model.rowCount() - 1)
            self.ui.grid.setCurrentIndex(self.grid_model.index(row, max(where.column(), 0)))
            self._refresh_units()
            self._show_message(self.tr("Saved %1 row(s).").replace("%1", str(len(entries))))
            self.ui.grid.setFocus()
        self.changed.emit()

    def _save_failed(self, exc: Exception) -> None:
        self._finish_saving()
        if isinstance(exc, StaleDataError):
            self._show_message(str(exc), error=True)  # it says "Chưa lưu gì" and what changed
            self._write_draft()
            self._offer_reload(exc)
            return
        if isinstance(exc, ValidationError):
            cells = {}
            for e in exc.errors:
                if (where := split_entry_field(e.field)) is not None:
                    cells[(where[0] - 1, ENTRY_COLUMNS.index(where[1]))] = e.message
            self.grid_model.set_server_errors(cells)
            self._show_message(self.tr("Not saved: %1").replace("%1", _describe(exc)), error=True)
        elif isinstance(exc, NotFoundError):
            self._show_message(str(exc), error=True)
        else:  # a full disk says so; a bug opens «Lỗi không mong đợi», its traceback in the log
            report_error(
                self,
                exc,
                show=lambda reason: self._show_message(self.tr("Could not save: %1").replace("%1", reason), error=True),
            )
        self._write_draft()  # keep what was typed safe while the problem is fixed

    def _offer_reload(self, exc: StaleDataError) -> None:
        """Reload and re-apply, or keep editing: the user's typing survives either choice."""
        if self.stale_box is not None:
            self.stale_box.deleteLater()
        self.stale_box = reload_offer(self, str(exc), self.reload_and_reapply)

    def reload_and_reapply(self, then: Callable[[], None] | None = None) -> None:
        """Load the open unit's newest rows and put the unsaved changes back on top of them; ``then()`` after."""
        if self._open is None or self._saving:
            return
        self.save_draft()  # first, what was typed is safe on disk whatever happens next
        key, surveys = self._open, self._surveys
        self.ui.grid.setEnabled(False)  # nothing typed between the read and the merge
        self._page_jobs.read(
            "rebase", lambda: surveys.unit_entries(*key), lambda entries: self._reapply(key, entries, then)
        )

    def _reapply(
        self, key: tuple[str, str], entries: list[SurveyEntryDTO], then: Callable[[], None] | None = None
    ) -> None:
        self.ui.grid.setEnabled(self._open is not None and not self._saving)
        if key != self._open or self._saving:
            return
        report = self.grid_model.rebase(entries)
        self._write_draft()
        self._refresh_units()
        self._update_buttons()
        self._show_message(merge_summary(report, self.grid_model.is_dirty()))
        if then is not None:
            then()

    # --- promotion (submissions: gui/surveys/submissions.py) ------------------------------------
    def _promote(self) -> None:
        row = self.ui.grid.currentIndex().row()
        entry_id = self.grid_model.entry_id(row)
        if entry_id is None or not self.grid_model.row_is_saved(row):
            return
        surveys = self._surveys
        self._page_jobs.write(
            lambda: surveys.promote_to_product(entry_id),
            lambda product_id: self._promoted(entry_id, product_id),
            controls=[self.ui.promoteButton],
        )

    def _promoted(self, entry_id: str, product_id: str) -> None:
        row = next((r for r in range(self.grid_model.rowCount()) if self.grid_model.entry_id(r) == entry_id), None)
        if row is None:  # the unit was changed or left meanwhile: the registry has it all the same
            self.changed.emit()
            return
        self.grid_model.set_product_id(row, product_id)
        name = self.grid_model.index(row, 0).data()
        self._show_message(self.tr("Added “%1” to the product registry as a potential product.").replace("%1", name))
        self._update_buttons()
        self.changed.emit()
