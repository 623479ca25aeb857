"""Combo boxes searched as the user types, ignoring accents and case, and the place lists they hold."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from ocop_desktop.domain.enums import COMMUNE_KINDS
from ocop_desktop.domain.text import fold
from ocop_desktop.services.places import PlaceDTO

FOLD_ROLE = Qt.ItemDataRole.UserRole + 10  # the folded text a row is searched by
EXACT_ROLE = Qt.ItemDataRole.UserRole + 11  # the folded name typed text may equal (without the label's extras)
ID_ROLE = Qt.ItemDataRole.UserRole  # the id (or code) a combo row stands for


class FoldedFilterProxy(QSortFilterProxyModel):
    """Keeps the rows whose folded text contains the folded needle ("mương ang" finds "Mường Ảng")."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        needle = fold(text)
        if needle == self._needle:
            return
        # begin/endFilterChange replace invalidateFilter() from Qt 6.10 on.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange()
        else:  # pragma: no cover - older Qt
            self._needle = needle
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._needle:
            return True
        index = self.sourceModel().index(row, 0, parent)
        text = index.data(FOLD_ROLE)
        if text is None:
            text = fold(index.data(Qt.ItemDataRole.DisplayRole) or "")
        return self._needle in text


def make_searchable(combo: QComboBox) -> QCompleter:
    """Turn ``combo`` into an editable one whose popup lists the rows matching the typed text.

    Qt's own completer matches the start of the text, with accents; people here type
    "muong ang" for "Mường Ảng", so the filtering is done by a folded proxy instead."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    proxy = FoldedFilterProxy(combo)
    proxy.setSourceModel(combo.model())
    completer = QCompleter(proxy, combo)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    # On the line edit, not through QComboBox.setCompleter: the combo would map the
    # completer's rows to its own as if there were no proxy in between.
    combo.lineEdit().setCompleter(completer)

    def typed(text: str) -> None:
        proxy.set_needle(text)
        if text.strip():
            completer.complete()

    def chosen(index: QModelIndex) -> None:
        # The index may come from the completer's own completion model, over our proxy.
        completion = completer.completionModel()
        if index.isValid() and index.model() is not proxy and isinstance(completion, QAbstractProxyModel):
            index = completion.mapToSource(index) if index.model() is completion else QModelIndex()
        if index.isValid() and index.model() is proxy:
            combo.setCurrentIndex(proxy.mapToSource(index).row())

    def finished() -> None:
        # Text typed but never chosen: take a single match, otherwise show the choice again.
        # A picker that keeps unmatched text (to name the unknown producer) takes exact matches only.
        keep_unmatched = getattr(combo, "keep_unmatched_text", False)
        text = combo.currentText()
        if combo.currentIndex() >= 0 and combo.itemText(combo.currentIndex()) == text:
            return
        row = find_folded(combo, text)
        if row is None and not keep_unmatched and text.strip() and proxy.rowCount() == 1:
            row = proxy.mapToSource(proxy.index(0, 0)).row()  # "xa muong" + Enter: the one match
        if row is not None:
            combo.setCurrentIndex(row)
        elif not keep_unmatched:
            combo.setEditText(combo.itemText(combo.currentIndex()) if combo.currentIndex() >= 0 else "")

    combo.lineEdit().textEdited.connect(typed)
    completer.activated[QModelIndex].connect(chosen)
    combo.lineEdit().editingFinished.connect(finished)
    combo.search_proxy = proxy  # reachable from tests and callers
    return completer


def find_folded(combo: QComboBox, text: str) -> int | None:
    """The only row whose folded text equals the folded ``text`` (the name, or the whole label)."""
    key = fold(text)
    if not key:
        return None
    model = combo.model()
    hits = [
        row for row in range(combo.count()) if key in (fold(combo.itemText(row)), model.index(row, 0).data(EXACT_ROLE))
    ]
    return hits[0] if len(hits) == 1 else None


def add_item(combo: QComboBox, text: str, data, exact: str | None = None) -> None:
    combo.addItem(text, data)
    row = combo.count() - 1
    combo.setItemData(row, fold(text), FOLD_ROLE)
    if exact is not None:
        combo.setItemData(row, fold(exact), EXACT_ROLE)


def select_data(combo: QComboBox, data) -> bool:
    row = combo.findData(data)
    if row < 0:
        return False
    combo.setCurrentIndex(row)
    return True


def fill_communes(combo: QComboBox, places: list[PlaceDTO], today: date, keep: str | None = None) -> None:
    """Empty choice, then the communes valid today (3.321 since 01/07/2025, not the 13.000 of every
    period: a product is registered where it is made now, and a list that long takes seconds to
    fill on an old laptop).

    ``keep`` is the unit already recorded; it stays selectable whatever its period."""
    combo.clear()
    add_item(combo, "", None)
    for p in places:
        if p.kind in COMMUNE_KINDS and p.valid_on(today):
            add_item(combo, p.label, p.id, exact=p.name)
    if keep and combo.findData(keep) < 0:
        known = {p.id: p.label for p in places}
        combo.insertSeparator(combo.count())
        add_item(combo, known.get(keep, keep), keep)
