"""A survey row's figures beside its product's logbook: the officer ticks what to take; nothing changes otherwise."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.language import display_language, in_language
from ocop_desktop.domain.schema import SURVEY_ENTRY
from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.services.logbooks import OFFERED, LogbookService, SurveyOffer, offer_lines


class SurveyOfferDialog(QDialog):
    """Opened on a survey row linked to a product; «Take the ticked values» writes only those."""

    def __init__(self, logbooks: LogbookService, jobs: JobRunner, entry_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Figures from the logbook"))
        self._logbooks = logbooks
        self._jobs = PageJobs(jobs, self, on_error=self._failed, on_stale=self._failed)
        self._offer: SurveyOffer | None = None
        self.written: list[str] = []
        self.intro = QLabel(self.tr("Reading the logbook…"), self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("In the survey"), self.tr("From the logbook")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.take = QPushButton(self.tr("&Take the ticked values"), self)
        self.take.setEnabled(False)
        self.buttons.addButton(self.take, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.take.clicked.connect(self.accept_ticked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(self.notes)
        layout.addWidget(self.buttons)
        self.resize(680, 340)
        logbooks_ = logbooks
        self._jobs.read("offer", lambda: logbooks_.survey_offer(entry_id), self._show)

    def is_busy(self) -> bool:
        return self._jobs.busy()

    def _failed(self, exc: Exception) -> None:
        report_error(self, exc, show=self.intro.setText)

    def _show(self, offer: SurveyOffer) -> None:
        self._offer = offer
        self.intro.setText(
            self.tr("Survey row «%1», %2: tick the figures to take from the logbook; the others stay as typed.")
            .replace("%1", offer.product_name)
            .replace("%2", str(offer.campaign_year))
        )
        # A wrapped label asks for its height only for the width it had: room for every line now.
        self.intro.setMinimumHeight(self.intro.heightForWidth(self.width() - 24))
        lines = offer_lines(offer)
        self.table.setRowCount(len(lines))
        for row, (key, (_label, typed, logged)) in enumerate(zip(OFFERED, lines, strict=True)):
            field = SURVEY_ENTRY.field(key)
            name = QTableWidgetItem(field.label_in(display_language()))
            differs = key in offer.changed
            if differs:
                name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                name.setCheckState(Qt.CheckState.Checked)
            else:
                name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            name.setData(Qt.ItemDataRole.UserRole, key)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(typed))
            self.table.setItem(row, 2, QTableWidgetItem(logged or self.tr("(not in the logbook)")))
        self.table.resizeColumnsToContents()
        self.notes.setText(" ".join(in_language(p) for p in offer.totals.problems))
        self.take.setEnabled(bool(offer.changed))
        if not offer.changed:
            self.notes.setText(
                " ".join(
                    [
                        self.tr("The survey row already holds the logbook's figures."),
                        *(in_language(p) for p in offer.totals.problems),
                    ]
                )
            )

    def ticked(self) -> list[str]:
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if (
                item is not None
                and item.flags() & Qt.ItemFlag.ItemIsUserCheckable
                and item.checkState() == Qt.CheckState.Checked
            ):
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def accept_ticked(self) -> None:
        offer, keys = self._offer, self.ticked()
        if offer is None or not keys:
            return
        logbooks = self._logbooks
        self._jobs.write(lambda: logbooks.accept_offer(offer, keys), self._written, controls=[self.take])

    def _written(self, written: list[str]) -> None:
        self.written = written
        self.accept()
