"""Marking a unit's report as submitted, or not, from the survey page (SurveysPage's part)."""

from __future__ import annotations

from datetime import date

from ocop_desktop.gui.error_text import error_text
from ocop_desktop.gui.stale import answer_stale
from ocop_desktop.gui.surveys.submission_dialog import SubmissionDialog
from ocop_desktop.services.surveys import UnitStatusDTO


class SubmissionActions:
    """The «Đã nộp» / «Chưa nộp» buttons of gui/surveys/page.SurveysPage, which this is mixed into
    (it gives the campaign and unit chosen, the page's jobs and its message line)."""

    def _ask_submitted(self) -> None:
        campaign, unit = self._campaign(), self._unit()
        if campaign is None or unit is None:
            return
        if self.submission_dialog is not None:
            self.submission_dialog.deleteLater()
        dialog = SubmissionDialog(self._unit_label(unit), campaign.deadline, self._today(), self)
        dialog.accepted.connect(lambda: self._set_submission(unit, "da_nop", dialog.submitted_on()))
        self.submission_dialog = dialog
        dialog.open()

    def _mark_not_submitted(self) -> None:
        unit = self._unit()
        if unit is not None:
            self._set_submission(unit, "dang_nhap" if unit.entry_count else "chua_nop", None)

    def _set_submission(self, unit: UnitStatusDTO, status: str, day: date | None) -> None:
        campaign = self._campaign()
        if campaign is None:
            return
        # The version shown goes along: a status changed meanwhile (a package) is not overwritten.
        surveys, today = self._surveys, self._today()
        self._page_jobs.write(
            lambda: surveys.set_submission(
                campaign.id, unit.unit_id, status, day, today=today, expected_version=unit.version
            ),
            lambda _dto: self._submission_set(),
            on_error=self._submission_refused,
            controls=[self.ui.markSubmittedButton, self.ui.unmarkSubmittedButton],
        )

    def _submission_set(self) -> None:
        self._refresh_units()
        self._update_buttons()
        self.changed.emit()

    def _submission_refused(self, exc: Exception) -> None:
        # A status changed meanwhile: say so, and show the status as it is now.
        if not answer_stale(exc, lambda text: self._show_message(text, error=True), self._refresh_units):
            self._show_message(error_text(exc), error=True)
