"""The registry's place filter: a field searched as the user types, offering the few matching units."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter

from ocop_desktop.domain.text import SEARCH_MAX_CHARS, fold
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.services.places import PlaceDTO, PlaceService

TYPING_DELAY_MS = 150  # typing pauses shorter than this do not query
ID_ROLE = Qt.ItemDataRole.UserRole  # the unit's id on a row of the matches
NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # its folded name: typed in full, it chooses the unit
POPUP_MAX_WIDTH = 520  # pixels


class PlaceFilter(QObject):
    """Drives an editable ``combo`` holding only «All places» and the unit chosen (its
    ``currentData()`` is the filter); the units matching what is typed («ha noi» finds «Hà Nội»,
    provinces first, then in Vietnamese order) are read from the database in the background and
    offered in a popup: tens of rows, never the ten thousand units of the country."""

    def __init__(self, combo: QComboBox, places: PlaceService, jobs: PageJobs, all_text: str, hint: str) -> None:
        super().__init__(combo)
        self.combo, self._places, self._jobs = combo, places, jobs
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.lineEdit().setMaxLength(SEARCH_MAX_CHARS)  # the service refuses longer searches
        combo.lineEdit().setClearButtonEnabled(True)
        combo.addItem(all_text, None)
        # «All places» is the empty field (a hint in grey), so that typing starts a search at once.
        combo.lineEdit().setPlaceholderText(hint)
        combo.setToolTip(hint)
        combo.currentIndexChanged.connect(lambda row: row == 0 and combo.setEditText(""))
        combo.setEditText("")
        self.matches = QStandardItemModel(self)  # what the last search found
        self._searched = ""  # the folded text the matches were read for
        self._choose_single = False  # the field was left before the matches arrived
        completer = QCompleter(self.matches, combo)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)  # filtered in SQL
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # On the line edit, not through QComboBox.setCompleter: the combo would take the
        # completer's rows for its own.
        combo.lineEdit().setCompleter(completer)
        self.completer = completer
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self.search)
        combo.lineEdit().textEdited.connect(self._typed)
        combo.lineEdit().returnPressed.connect(self.search_now_and_choose)
        combo.lineEdit().editingFinished.connect(self._finished)
        completer.activated[QModelIndex].connect(self._activated)

    # --- typing and searching ------------------------------------------------------------
    def _typed(self, text: str) -> None:
        self._choose_single = False
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()

    def search(self, then: Callable[[], None] | None = None) -> None:
        """Read the units matching the text in the field, in the background."""
        self._timer.stop()
        text = self.combo.lineEdit().text()
        places = self._places
        self._jobs.read("places", lambda: places.find(text), lambda found: self._found(fold(text), found, then))

    def search_now_and_choose(self) -> None:
        """Enter: no need to wait for the pause; a single match is chosen once it arrives."""
        if self._chosen_text_shown():
            return
        self._choose_single = False
        self.search(then=lambda: self._choose_if_single(offer=True))

    def _found(self, searched: str, places: list[PlaceDTO], then: Callable[[], None] | None) -> None:
        self.matches.clear()
        for p in places:
            item = QStandardItem(p.label)
            item.setData(p.id, ID_ROLE)
            item.setData(fold(p.name), NAME_ROLE)
            item.setEditable(False)
            self.matches.appendRow(item)
        self._searched = searched
        if then is not None:
            then()
        elif self._choose_single:
            self._choose_if_single()
        elif places and self.combo.lineEdit().hasFocus():
            # As wide as the longest unit's label («Thị trấn Mường Ảng (đến 30/06/2025)…»), not
            # cut to the field's width; at most about half the 1024-pixel screen.
            popup = self.completer.popup()
            rect = self.combo.lineEdit().rect()
            wanted = popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width() + 12
            rect.setWidth(max(rect.width(), min(wanted, POPUP_MAX_WIDTH)))
            self.completer.complete(rect)

    # --- choosing ------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        if index.isValid() and index.model() is not self.matches:
            completion = self.completer.completionModel()
            index = completion.mapToSource(index) if hasattr(completion, "mapToSource") else QModelIndex()
        if index.isValid():
            self.choose(index.data(ID_ROLE), index.data(Qt.ItemDataRole.DisplayRole))

    def choose(self, place_id: str | None, label: str = "") -> None:
        """Filter by this unit (None: every place); the combo's change signal starts the query."""
        combo = self.combo
        self._choose_single = False
        if place_id is None:
            combo.setCurrentIndex(0)
            combo.setEditText("")
            return
        if combo.count() > 1 and combo.itemData(1) == place_id:
            combo.setCurrentIndex(1)
        else:
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            combo.addItem(label, place_id)
            combo.setCurrentIndex(0)  # so that choosing row 1 below is a change the page hears
            combo.blockSignals(False)
            combo.setCurrentIndex(1)
        combo.setEditText(label)
        # The unit's name shows, not the tail of a long label; after the completer has put its
        # text in (it does so once this slot returns, the cursor at the end).
        line = combo.lineEdit()
        QTimer.singleShot(0, line, lambda: line.setCursorPosition(0))  # dropped if the page is closed

    def _finished(self) -> None:
        """The field left with text typed but not chosen: an empty field means every place, a
        single match (or a name typed in full) is taken, anything else shows the choice again."""
        # (Qt does not finish the editing when the focus goes to the list of matches.)
        self.completer.popup().hide()
        text = self.combo.lineEdit().text()
        if self._chosen_text_shown():
            return
        if not text.strip():
            self.choose(None)
            return
        if self._timer.isActive() or self._searched != fold(text):
            self._choose_single = True  # decide once the matches of this text arrive
            self.search(then=self._choose_if_single)
            return
        self._choose_if_single()

    def _choose_if_single(self, offer: bool = False) -> None:
        """Take the one match (or the one whose name is typed in full); otherwise, with ``offer``,
        list the matches, without it show the unit chosen before."""
        self._choose_single = False
        text = fold(self.combo.lineEdit().text())
        rows = [self.matches.index(r, 0) for r in range(self.matches.rowCount())]
        same = [i for i in rows if text in (i.data(NAME_ROLE), fold(i.data(Qt.ItemDataRole.DisplayRole)))]
        pick = same if len(same) == 1 else rows
        if len(pick) == 1 and self._searched == text:
            self.choose(pick[0].data(ID_ROLE), pick[0].data(Qt.ItemDataRole.DisplayRole))
        elif offer and rows:
            self.completer.complete()
        elif not self._chosen_text_shown():
            self.combo.setEditText(self._chosen_text())

    def _chosen_text(self) -> str:
        row = self.combo.currentIndex()
        return self.combo.itemText(row) if row > 0 else ""

    def _chosen_text_shown(self) -> bool:
        return self.combo.lineEdit().text() == self._chosen_text()
