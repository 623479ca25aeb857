"""Models of the products page: registry rows fetched a page at a time, and the producer list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ocop_desktop.domain.enums import OcopGroup, ProductStatus
from ocop_desktop.domain.formatting import enum_label, stars
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.domain.text import fold
from ocop_desktop.gui.formatting import display
from ocop_desktop.gui.products.searchable import EXACT_ROLE, FOLD_ROLE, ID_ROLE
from ocop_desktop.gui.table_model import ROW_ROLE, Column
from ocop_desktop.services.producers import ProducerChoice
from ocop_desktop.services.products import EXPIRED, EXPIRING, PAGE_SIZE, ProductRow

_Index = QModelIndex | QPersistentModelIndex
Page = tuple[list[ProductRow], int]  # (rows, total)
# (offset, limit, deliver): start reading the rows from offset in the background, then deliver((rows, total)).
Fetch = Callable[[int, int, Callable[[Page], None]], object]

EXPIRED_COLOR = QColor(248, 207, 207)  # red-ish: the certificate has run out
EXPIRING_COLOR = QColor(255, 232, 163)  # amber: it ends within six months
TINTED_TEXT = QColor(33, 37, 41)  # dark text on the tints, whatever the theme


class ProductRowsModel(QAbstractTableModel):
    """The registry table. Holds the rows fetched so far; the view asks for more as it scrolls
    (canFetchMore/fetchMore, PAGE_SIZE rows at a time), so 20,000 products never load at once."""

    sort_requested = Signal(str, bool)  # service sort key, descending
    SORT_KEYS = (
        "name",
        "producer",
        "place",
        "group",
        "stars",
        "status",
        "certificate_no",
        "certified_on",
        "expires_on",
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._columns: list[Column[ProductRow]] = [
            Column(self.tr("Product"), lambda r: r.name),
            Column(self.tr("Producer"), lambda r: r.producer),
            Column(self.tr("Place"), lambda r: r.commune),
            # Statuses and groups in the window's language (domain.language), from their code.
            Column(self.tr("Group"), lambda r: enum_label(OcopGroup, r.group_code, fallback=r.group) or r.group),
            Column(self.tr("Stars"), lambda r: r.stars, text=lambda r: stars(r.stars)),
            Column(self.tr("Status"), lambda r: enum_label(ProductStatus, r.status, fallback=r.status_label)),
            Column(self.tr("Certificate no."), lambda r: r.certificate_no),
            Column(self.tr("Certified on"), lambda r: r.certified_on),
            Column(self.tr("Expires on"), lambda r: r.expires_on),
        ]
        self._rows: list[ProductRow] = []
        self._ids: set[str] = set()
        self._total = 0
        self._fetch: Fetch | None = None
        self._fetching = False  # a page is being read: the view asks for no other meanwhile
        self._epoch = 0  # bumped by reset: a page read for an earlier list is dropped

    # --- content -------------------------------------------------------------------------
    def reset(self, rows: list[ProductRow], total: int, fetch: Fetch | None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._ids = {r.id for r in rows}
        self._total = max(total, len(rows))
        self._fetch = fetch
        self._fetching = False
        self._epoch += 1
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def row(self, index: int) -> ProductRow:
        return self._rows[index]

    def find(self, product_id: str) -> int | None:
        for i, r in enumerate(self._rows):
            if r.id == product_id:
                return i
        return None

    def expiry_note(self, r: ProductRow) -> str:
        if r.expiry_state == EXPIRED:
            if r.expires_on is None:
                return self.tr("Certificate expired")
            return self.tr("Expired on %1").replace("%1", format_vn_date(r.expires_on))
        if r.expiry_state == EXPIRING:
            if r.days_left == 0:
                return self.tr("Expires today")
            return self.tr("%1 days left").replace("%1", str(r.days_left))
        return ""

    # --- lazy loading --------------------------------------------------------------------
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._fetch is not None and not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent) or self._fetch is None:
            return
        self._fetching = True
        epoch = self._epoch
        self._fetch(len(self._rows), PAGE_SIZE, lambda page: self._arrived(epoch, *page))

    def _arrived(self, epoch: int, rows: list[ProductRow], total: int) -> None:
        if epoch != self._epoch:
            return  # the list was replaced while this page was read
        self._fetching = False
        # Rows saved meanwhile shift the pages; never show a product twice.
        rows = [r for r in rows if r.id not in self._ids]
        if not rows:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._ids.update(r.id for r in rows)
        self._total = max(total, len(self._rows))
        self.endInsertRows()

    # --- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(r) if column.text else display(column.value(r))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.expiry_note(r) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            color = {EXPIRED: EXPIRED_COLOR, EXPIRING: EXPIRING_COLOR}.get(r.expiry_state)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and r.expiry_state:
            return QBrush(TINTED_TEXT)
        if role == ROW_ROLE:
            return r
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # Sorting happens in SQL (Vietnamese order from the stored keys); the page re-queries.
        if 0 <= column < len(self.SORT_KEYS):
            self.sort_requested.emit(self.SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)


class ProducerListModel(QAbstractListModel):
    """Producers for the picker: label to show, id, and folded text to search by."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ProducerChoice] = []
        self._folded: list[str] = []

    def set_choices(self, choices: list[ProducerChoice]) -> None:
        self.beginResetModel()
        self._rows = list(choices)
        self._folded = [fold(c.label) for c in choices]
        self.endResetModel()

    def choice(self, row: int) -> ProducerChoice:
        return self._rows[row]

    def row_of(self, producer_id: str) -> int | None:
        for i, c in enumerate(self._rows):
            if c.id == producer_id:
                return i
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return c.label
        if role == ID_ROLE:
            return c.id
        if role == FOLD_ROLE:
            return self._folded[index.row()]
        if role == EXACT_ROLE:
            return c.name_folded
        if role == Qt.ItemDataRole.ToolTipRole and c.tax_code:
            return self.tr("Tax code: %1").replace("%1", c.tax_code)
        return None
