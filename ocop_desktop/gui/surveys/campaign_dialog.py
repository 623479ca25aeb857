"""The dialog to create or edit a survey campaign: year, title, deadline, letter and reporting units."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from ocop_desktop.domain import formatting
from ocop_desktop.domain.language import display_language, in_language
from ocop_desktop.domain.schema import SURVEY_CAMPAIGN
from ocop_desktop.domain.text import fold
from ocop_desktop.domain.validation import StaleDataError, ValidationError
from ocop_desktop.gui.error_text import known_message, report_error
from ocop_desktop.gui.forms.ui_surveys_campaign_dialog import Ui_CampaignDialog
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.schema_columns import caption
from ocop_desktop.services.campaigns import CampaignInfo, CampaignInput, CampaignService, CopyProposal
from ocop_desktop.services.places import PlaceDTO

ERROR_STYLE = "color: #a40000;"
ID_ROLE = Qt.ItemDataRole.UserRole
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN_MAPPINGS = 6  # lines of «old unit → new unit» shown after a copy; the rest are counted


class CampaignDialog(QDialog):
    """Save closes the dialog only when the service accepted the campaign (``result_value``);
    a refusal is shown under the form and nothing typed is lost."""

    def __init__(
        self,
        service: CampaignService,
        jobs: JobRunner,
        today: Callable[[], date] = date.today,
        campaign: CampaignInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service, self._jobs, self._today, self._campaign = service, jobs, today, campaign
        self.result_value: CampaignInfo | None = None
        self._chosen: dict[str, None] = dict.fromkeys(campaign.unit_ids if campaign else ())
        self._units: dict[str, PlaceDTO] = {}
        self._containers: list[PlaceDTO] = []
        self._loaded_for: date | None = None
        self._scoped = False  # the office's own area was offered once (a new campaign)
        self._busy = False
        self.ui = ui = Ui_CampaignDialog()
        ui.setupUi(self)
        # The fields' names as the activity log and the messages give them (domain/schema/survey.py).
        for label, key in (
            (ui.yearLabel, "year"),
            (ui.titleLabel, "title"),
            (ui.deadlineLabel, "deadline"),
            (ui.letterLabel, "issuing_letter"),
        ):
            label.setText(caption(SURVEY_CAMPAIGN.field(key)))
        ui.deadlineDayCheck.setText(SURVEY_CAMPAIGN.field("deadline_day_on_time").label_in(display_language()))
        self.save_button.setText(self.tr("Save"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        ui.buttonBox.accepted.connect(self.save)
        ui.errorLabel.setStyleSheet(ERROR_STYLE)
        ui.errorLabel.hide()
        ui.copyLabel.hide()
        ui.searchEdit.setPlaceholderText(self.tr("Type a unit's name to find it (diacritics optional)"))
        ui.letterEdit.setPlaceholderText(self.tr("number, date, issuing body"))
        ui.deadlineEdit.set_label(ui.deadlineLabel.text())
        ui.deadlineEdit.refused.connect(self._show_error)
        ui.deadlineEdit.dateChanged.connect(lambda _d: self._load_units())
        ui.searchEdit.textChanged.connect(self._filter)
        ui.unitList.itemChanged.connect(self._item_changed)
        ui.selectAllButton.clicked.connect(self._select_all_in)
        ui.clearButton.clicked.connect(self._clear)
        ui.copyButton.clicked.connect(self.copy_last_year)
        today_ = today()
        if campaign is None:
            year = today_.year
            ui.yearEdit.setText(str(year))
            ui.titleEdit.setText(self.tr("Survey of OCOP products, %1").replace("%1", str(year)))
        else:
            self.setWindowTitle(self.tr("Edit survey campaign %1").replace("%1", str(campaign.year)))
            ui.copyButton.hide()
            ui.yearEdit.setText(str(campaign.year))
            ui.titleEdit.setText(campaign.title)
            ui.letterEdit.setText(campaign.issuing_letter)
            ui.deadlineDayCheck.setChecked(campaign.deadline_day_on_time)
            if campaign.deadline:
                ui.deadlineEdit.setDate(campaign.deadline)
        self._update_count()
        self._load_units()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter confirms a date or a search here; it must not save a half-filled campaign.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.save_button.hasFocus():
            event.accept()
            return
        super().keyPressEvent(event)

    @property
    def save_button(self):
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    # -- the units valid on the deadline ----------------------------------------------------------
    def _deadline(self) -> date | None:
        value = self.ui.deadlineEdit.value()
        return value if isinstance(value, date) else None

    def _load_units(self) -> None:
        """List the units valid on the deadline (or on today while no deadline is typed)."""
        day = self._deadline() or self._today()
        if day == self._loaded_for:
            return
        self._loaded_for = day
        self.ui.countLabel.setText(self.tr("Loading the units valid on %1…").replace("%1", formatting.day(day)))
        # A new campaign starts in the office's own area: its province, its own commune chosen.
        scope = self._campaign is None and not self._scoped
        self._jobs.run(
            lambda _p, _c: (*self._service.choices_on(day), self._service.office_scope(day) if scope else None),
            on_done=lambda result: self._units_loaded(day, *result),
            on_error=self._failed,
        )

    def _units_loaded(
        self,
        day: date,
        units: list[PlaceDTO],
        containers: list[PlaceDTO],
        scope: tuple[str | None, tuple[str, ...]] | None = None,
    ) -> None:
        if day != self._loaded_for:
            return  # the deadline changed again meanwhile; a newer load is on its way
        ui = self.ui
        keep_container = ui.containerCombo.currentData()
        if scope is not None and not self._scoped:
            self._scoped = True
            keep_container = scope[0] or keep_container
            if not self._chosen:
                self._chosen = dict.fromkeys(scope[1])
        self._units = {u.id: u for u in units}
        self._containers = containers
        ui.containerCombo.clear()
        for c in containers:
            ui.containerCombo.addItem(c.label, c.id)
        if keep_container is not None and ui.containerCombo.findData(keep_container) >= 0:
            ui.containerCombo.setCurrentIndex(ui.containerCombo.findData(keep_container))
        names = {c.id: c.name for c in containers}
        ui.unitList.blockSignals(True)
        ui.unitList.clear()
        for u in units:
            parent = names.get(u.parent_id or "", "")
            item = QListWidgetItem(f"{u.name} — {parent}" if parent else u.name)
            item.setData(ID_ROLE, u.id)
            item.setData(FOLDED_ROLE, fold(f"{u.name} {parent} {u.code}"))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if u.id in self._chosen else Qt.CheckState.Unchecked)
            ui.unitList.addItem(item)
        ui.unitList.blockSignals(False)
        self._filter(ui.searchEdit.text())
        self._update_count()

    def _filter(self, text: str) -> None:
        needle = fold(text)
        unit_list = self.ui.unitList
        for row in range(unit_list.count()):
            item = unit_list.item(row)
            unit_list.setRowHidden(row, bool(needle) and needle not in item.data(FOLDED_ROLE))

    def _item_changed(self, item: QListWidgetItem) -> None:
        unit_id = item.data(ID_ROLE)
        if item.checkState() == Qt.CheckState.Checked:
            self._chosen.setdefault(unit_id)
        else:
            self._chosen.pop(unit_id, None)
        self._update_count()

    def _set_checks(self) -> None:
        unit_list = self.ui.unitList
        unit_list.blockSignals(True)
        for row in range(unit_list.count()):
            item = unit_list.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in self._chosen else Qt.CheckState.Unchecked)
        unit_list.blockSignals(False)
        self._update_count()

    def _select_all_in(self) -> None:
        container_id = self.ui.containerCombo.currentData()
        if not container_id:
            return
        day = self._deadline() or self._today()
        self._jobs.run(
            lambda _p, _c: self._service.units_within(container_id, day), on_done=self._add_units, on_error=self._failed
        )

    def _add_units(self, units: list[PlaceDTO]) -> None:
        for u in units:
            self._chosen.setdefault(u.id)
        self._set_checks()

    def _clear(self) -> None:
        self._chosen.clear()
        self._set_checks()

    def chosen_ids(self) -> tuple[str, ...]:
        return tuple(self._chosen)

    def _update_count(self) -> None:
        text = self.tr("%1 unit(s) chosen.").replace("%1", str(len(self._chosen)))
        outside = sum(1 for unit_id in self._chosen if self._units and unit_id not in self._units)
        if outside:
            text += " " + self.tr("%1 of them do not exist on the deadline.").replace("%1", str(outside))
        self.ui.countLabel.setText(text)

    # -- copy from last year --------------------------------------------------------------------
    def copy_last_year(self) -> None:
        year = self.ui.yearEdit.text()
        self._show_error("")
        self._jobs.run(lambda _p, _c: self._service.propose_copy(year), on_done=self._copied, on_error=self._failed)

    def _copied(self, proposal: CopyProposal) -> None:
        ui, data = self.ui, proposal.data
        ui.titleEdit.setText(data.title)
        if data.deadline:
            ui.deadlineEdit.setDate(data.deadline)
        ui.deadlineDayCheck.setChecked(bool(data.deadline_day_on_time))
        self._chosen = dict.fromkeys(data.unit_ids)
        lines = [
            self.tr("Copied from the %1 campaign; check the title, the deadline and the letter.").replace(
                "%1", str(proposal.source_year)
            )
        ]
        changes = list(proposal.mapped) + [
            self.tr("%1: no unit took it over; left out.").replace("%1", d) for d in proposal.dropped
        ]
        lines += changes[:SHOWN_MAPPINGS]
        if len(changes) > SHOWN_MAPPINGS:
            lines.append(self.tr("… and %1 more.").replace("%1", str(len(changes) - SHOWN_MAPPINGS)))
        ui.copyLabel.setText("\n".join(lines))
        ui.copyLabel.show()
        self._set_checks()
        self._load_units()

    # -- saving ---------------------------------------------------------------------------------
    def collect(self) -> CampaignInput:
        ui = self.ui
        return CampaignInput(
            year=ui.yearEdit.text(),
            deadline=ui.deadlineEdit.text(),
            title=ui.titleEdit.text(),
            issuing_letter=ui.letterEdit.text(),
            unit_ids=self.chosen_ids(),
            deadline_day_on_time=ui.deadlineDayCheck.isChecked(),
        )

    def save(self) -> None:
        if self._busy:
            return
        data, today, campaign = self.collect(), self._today(), self._campaign
        self._busy = True
        self.save_button.setEnabled(False)

        def work(_p: object, _c: object) -> object:
            if campaign is None:
                return self._service.add(data, today)
            return self._service.edit(campaign.id, data, today, expected_version=campaign.version)

        self._jobs.run(work, on_done=self._saved, on_error=self._failed)

    def _saved(self, info: CampaignInfo) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        self.result_value = info
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        if isinstance(exc, StaleDataError) or not isinstance(exc, ValidationError):
            known = known_message(exc)
            if known is None:  # a bug: «Lỗi không mong đợi», its traceback in the log
                report_error(
                    self, exc, show=lambda reason: self._show_error(self.tr("Could not save: %1").replace("%1", reason))
                )
            else:
                self._show_error(known)
            return
        self._show_error("\n".join(f"• {in_language(e.message)}" for e in exc.errors))
        first = exc.errors[0].field if exc.errors else ""
        widget = {
            "year": self.ui.yearEdit,
            "deadline": self.ui.deadlineEdit,
            "title": self.ui.titleEdit,
            "issuing_letter": self.ui.letterEdit,
            "units": self.ui.searchEdit,
        }.get(first)
        if widget is not None:
            widget.setFocus()

    def _show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))
