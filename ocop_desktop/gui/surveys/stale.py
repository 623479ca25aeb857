"""The survey grid's answer to a save refused as stale: the offer to reload, and what the merge did.

The rest of the window answers a stale refusal through gui/stale.py (say it, show the newer data);
the grid adds this because it can put the unsaved typing back on top of the newer rows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ocop_desktop.gui.surveys.merge import MergeReport


def reload_offer(parent: QWidget, message: str, on_reload: Callable[[], None]) -> QMessageBox:
    """A window-modal box: Reload (re-apply the typing on the newest rows) or Keep editing."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("SurveysPage", "Rows changed elsewhere"),
        message,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "SurveysPage",
            "Reload shows the newest rows of this unit and puts your unsaved changes back on top of them: "
            "nothing you typed is lost. Check the rows, then press Save again.",
        )
    )
    reload_button = box.addButton(
        QCoreApplication.translate("SurveysPage", "Reload"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("SurveysPage", "Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(reload_button)
    box.buttonClicked.connect(lambda button: button is reload_button and on_reload())
    box.open()  # no nested event loop
    return box


def merge_summary(report: MergeReport, dirty: bool) -> str:
    """What the reload did, row by row, and what is left to do."""

    def names(items: list[str]) -> str:
        quoted = [QCoreApplication.translate("SurveysPage", "“%1”").replace("%1", n) for n in items[:5]]
        return ", ".join(quoted) + (", …" if len(items) > 5 else "")

    parts = [
        QCoreApplication.translate(
            "SurveysPage", "Loaded the newest rows of this unit and re-applied your unsaved changes."
        )
    ]
    for items, text in (
        (report.arrived, QCoreApplication.translate("SurveysPage", "New rows from elsewhere: %1.")),
        (report.updated, QCoreApplication.translate("SurveysPage", "Changed elsewhere, merged with your changes: %1.")),
        (
            report.conflicts,
            QCoreApplication.translate(
                "SurveysPage", "Changed both here and elsewhere; your values are kept, check them: %1."
            ),
        ),
        (
            report.kept_deleted,
            QCoreApplication.translate("SurveysPage", "Rows you deleted were changed elsewhere and are kept: %1."),
        ),
        (
            report.kept_edited,
            QCoreApplication.translate(
                "SurveysPage", "Rows you changed were deleted elsewhere; yours are kept as new rows: %1."
            ),
        ),
        (report.removed, QCoreApplication.translate("SurveysPage", "Deleted elsewhere: %1.")),
    ):
        if items:
            parts.append(text.replace("%1", names(items)))
    parts.append(
        QCoreApplication.translate("SurveysPage", "Press Save to store them.")
        if dirty
        else QCoreApplication.translate("SurveysPage", "Nothing is left to save.")
    )
    return " ".join(parts)
