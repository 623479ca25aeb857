"""The survey page's «Campaign» menu: new, edit, close, reopen and delete a survey campaign."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton

from ocop_desktop.domain.validation import StaleDataError
from ocop_desktop.gui.error_text import known_message, report_error
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.gui.surveys.campaign_dialog import CampaignDialog
from ocop_desktop.services.campaigns import CampaignInfo, CampaignService

if TYPE_CHECKING:
    from ocop_desktop.gui.surveys.page import SurveysPage

NEW_LINK = "new-campaign"


class CampaignActions(QObject):
    def __init__(self, page: SurveysPage, service: CampaignService, jobs: JobRunner, today: Callable[[], date]) -> None:
        super().__init__(page)
        self._page, self._service, self._jobs, self._today = page, service, jobs, today
        self._page_jobs = PageJobs(jobs, page, on_error=self._failed, on_stale=self._stale)
        self.dialog: CampaignDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.button = QToolButton(page)
        self.button.setObjectName("campaignMenuButton")
        self.button.setText(self.tr("Campaign"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.button)
        self.new_action = self.menu.addAction(self.tr("New survey campaign…"), self.new_campaign)
        self.edit_action = self.menu.addAction(self.tr("Edit this campaign…"), self.edit_campaign)
        self.menu.addSeparator()
        self.close_action = self.menu.addAction(self.tr("Close this campaign…"), self.close_campaign)
        self.reopen_action = self.menu.addAction(self.tr("Reopen this campaign"), self.reopen_campaign)
        self.delete_action = self.menu.addAction(self.tr("Delete this campaign…"), self.delete_campaign)
        self.menu.aboutToShow.connect(self.update_actions)
        self.button.setMenu(self.menu)
        page.ui.pickerRow.addWidget(self.button)
        page.ui.messageLabel.linkActivated.connect(lambda link: link == NEW_LINK and self.new_campaign())
        self.update_actions()
        self.show_empty_hint()

    def show_empty_hint(self) -> None:
        """On a database without campaigns, the page's message says how to make the first one."""
        if self._page.current_campaign() is None:
            self._page.show_message(
                self.tr("There is no survey campaign yet.")
                + f' <a href="{NEW_LINK}">'
                + self.tr("Create the first survey campaign…")
                + "</a>"
            )

    def update_actions(self) -> None:
        campaign = self._page.current_campaign()
        for action in (self.edit_action, self.close_action, self.reopen_action, self.delete_action):
            action.setEnabled(campaign is not None)
        if campaign is not None:
            self.close_action.setVisible(campaign.closed_on is None)
            self.reopen_action.setVisible(campaign.closed_on is not None)

    # -- new and edit --------------------------------------------------------------------------
    def new_campaign(self) -> None:
        self._open_dialog(None)

    def edit_campaign(self) -> None:
        campaign = self._page.current_campaign()
        if campaign is not None:
            self._page_jobs.read("campaign", lambda: self._service.get(campaign.id), self._open_dialog)

    def _open_dialog(self, info: CampaignInfo | None) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        dialog = CampaignDialog(self._service, self._jobs, self._today, campaign=info, parent=self._page)
        dialog.accepted.connect(lambda: self._changed(dialog.result_value))
        self.dialog = dialog
        dialog.open()

    def _changed(self, info: CampaignInfo | None, message: str = "") -> None:
        # Re-reads the campaigns (a new title or «closed» shows in the list), then says what was done.
        self._page.refresh(campaign_id=info.id if info is not None else None, then=lambda: self._shown(message))
        self._page.changed.emit()

    def _shown(self, message: str) -> None:
        self.update_actions()
        if message:
            self._page.show_message(message)
        else:
            self.show_empty_hint()

    # -- close, reopen, delete -----------------------------------------------------------------
    def close_campaign(self) -> None:
        campaign = self._page.current_campaign()
        if campaign is None:
            return
        self._confirm(
            self.tr(
                "Close the %1 campaign? Its rows are kept; no more rows can be saved until it is reopened."
            ).replace("%1", str(campaign.year)),
            self.tr("Close the campaign"),
            lambda: self._page_jobs.write(
                lambda: self._service.close(campaign.id, self._today(), expected_version=campaign.version),
                self._done(self.tr("The %1 campaign is closed.").replace("%1", str(campaign.year))),
            ),
        )

    def reopen_campaign(self) -> None:
        campaign = self._page.current_campaign()
        if campaign is not None:
            self._page_jobs.write(
                lambda: self._service.reopen(campaign.id, expected_version=campaign.version),
                self._done(self.tr("The %1 campaign is open again.").replace("%1", str(campaign.year))),
            )

    def delete_campaign(self) -> None:
        campaign = self._page.current_campaign()
        if campaign is None:
            return
        self._confirm(
            self.tr("Delete the %1 campaign “%2” and its list of units? A campaign with survey rows is never deleted.")
            .replace("%1", str(campaign.year))
            .replace("%2", campaign.title),
            self.tr("Delete the campaign"),
            lambda: self._page_jobs.write(
                lambda: self._service.delete(campaign.id, expected_version=campaign.version) and None,
                self._done(self.tr("The %1 campaign was deleted.").replace("%1", str(campaign.year))),
            ),
        )

    def _done(self, message: str) -> Callable[[CampaignInfo | None], None]:
        return lambda info: self._changed(info, message)

    def _confirm(self, text: str, yes_text: str, on_yes: Callable[[], None]) -> None:
        if self.confirm_box is not None:
            self.confirm_box.deleteLater()
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Survey campaign"), text, QMessageBox.StandardButton.NoButton, self._page
        )
        yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole))
        box.buttonClicked.connect(lambda button: button is yes and on_yes())
        self.confirm_box = box
        box.open()  # no nested event loop

    def _stale(self, exc: StaleDataError) -> None:
        """Changed elsewhere since the list was read (another window, a package): nothing was done;
        the campaigns are read again and the refusal, naming who changed it, is said over them."""
        shown = self._page.current_campaign()
        self._page.refresh(
            campaign_id=shown.id if shown is not None else None,
            then=lambda: (self.update_actions(), self._page.show_message(str(exc), error=True)),
        )

    def _failed(self, exc: Exception) -> None:
        known = known_message(exc)
        if known is not None:
            self._page.show_message(known, error=True)
        else:  # a bug: «Lỗi không mong đợi», its traceback in the log
            report_error(
                self._page,
                exc,
                show=lambda reason: self._page.show_message(
                    self.tr("Could not change the campaign: %1").replace("%1", reason), error=True
                ),
            )
