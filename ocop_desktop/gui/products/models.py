"""Models of the products page: registry rows fetched a page at a time, and the producer list."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap

from ocop_desktop.domain.enums import OcopGroup, ProductStatus
from ocop_desktop.domain.formatting import enum_label, stars
from ocop_desktop.domain.numbers import format_vn_date
from ocop_desktop.domain.schema import PRODUCT, WINDOW
from ocop_desktop.domain.text import fold
from ocop_desktop.gui.formatting import display
from ocop_desktop.gui.products.searchable import EXACT_ROLE, FOLD_ROLE, ID_ROLE
from ocop_desktop.gui.schema_columns import Shown, schema_columns
from ocop_desktop.gui.table_model import ROW_ROLE, Column
from ocop_desktop.services.producers import ProducerChoice
from ocop_desktop.services.product_query import RowPage, sort_key_of
from ocop_desktop.services.products import EXPIRED, EXPIRING, PAGE_SIZE, ProductRow

_Index = QModelIndex | QPersistentModelIndex
Page = tuple[Sequence[ProductRow], int | None]  # (rows, total; None: not counted yet, more may follow)
# (offset, limit, deliver): start reading the rows from offset in the background, then deliver((rows, total)).
Fetch = Callable[[int, int, Callable[[Page], None]], object]

EXPIRED_COLOR = QColor(248, 207, 207)  # red-ish: the certificate has run out
EXPIRING_COLOR = QColor(255, 232, 163)  # amber: it ends within six months
TINTED_TEXT = QColor(33, 37, 41)  # dark text on the tints, whatever the theme
_TINTS = {EXPIRED: QBrush(EXPIRED_COLOR), EXPIRING: QBrush(EXPIRING_COLOR)}
_TINTED_TEXT = QBrush(TINTED_TEXT)
_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND, _FOREGROUND = int(Qt.ItemDataRole.BackgroundRole), int(Qt.ItemDataRole.ForegroundRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _BACKGROUND, _FOREGROUND, _DECORATION, int(ROW_ROLE)})
_IDLE_MARK: list[QIcon] = []  # drawn once, when first shown (a pixmap needs the application)


def idle_mark() -> QIcon:
    """The mark before the name of a product with no logbook entry in 12 months: a closed grey book."""
    if not _IDLE_MARK:
        pixmap = QPixmap(14, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(90, 98, 110), 1.4))
        p.setBrush(QColor(214, 218, 224))
        p.drawRoundedRect(2, 1, 10, 12, 1.5, 1.5)
        p.drawLine(4, 1, 4, 13)  # the spine
        p.setPen(QPen(QColor(200, 80, 40), 1.6))
        p.drawLine(7, 5, 10, 9)  # struck through: nothing written
        p.drawLine(10, 5, 7, 9)
        p.end()
        _IDLE_MARK.append(QIcon(pixmap))
    return _IDLE_MARK[0]


def _registry_columns() -> list[Column[ProductRow]]:
    """The registry's columns: the product record's WINDOW view (domain/schema), headed in the
    window's language; statuses and groups read in it too, from their code."""
    return schema_columns(
        PRODUCT,
        {
            "producer_id": Shown[ProductRow](value=lambda r: r.producer),
            "commune_id": Shown[ProductRow](value=lambda r: r.commune),
            "group_id": Shown[ProductRow](
                value=lambda r: enum_label(OcopGroup, r.group_code, fallback=r.group) or r.group
            ),
            "stars": Shown[ProductRow](text=lambda r: stars(r.stars)),
            "status": Shown[ProductRow](value=lambda r: enum_label(ProductStatus, r.status, fallback=r.status_label)),
        },
    )


class ProductRowsModel(QAbstractTableModel):
    """The registry table. Holds the pages fetched so far; the view asks for more as it scrolls
    (canFetchMore/fetchMore, PAGE_SIZE rows at a time), so 20,000 products never load at once.
    A row is built from its page (services/product_query.RowPage) and its texts worked out the
    first time the view paints it or a caller asks for it, then kept."""

    sort_requested = Signal(str, bool)  # service sort key, descending
    # The service's sort key of each column, in the columns' order.
    SORT_KEYS = tuple(sort_key_of(key) for key in PRODUCT.view_keys(WINDOW))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._columns = _registry_columns()
        self._pages: list[Sequence[ProductRow]] = []  # as delivered; rows built when first read
        self._starts: list[int] = []  # the row number each page starts at
        self._rows: list[ProductRow | None] = []  # each row once built from its page
        self._texts: list[tuple[str, ...] | None] = []  # each row's cell texts, once painted
        self._id_list: list[str] = []  # every row's product id, in order
        self._ids: set[str] = set()
        self._total = 0
        self._counted = False  # the total is a count, not a guess that more rows may follow
        self._fetch: Fetch | None = None
        self._fetching = False  # a page is being read: the view asks for no other meanwhile
        self._epoch = 0  # bumped by reset: a page read for an earlier list is dropped

    # --- content -------------------------------------------------------------------------
    def reset(self, rows: Sequence[ProductRow], total: int | None, fetch: Fetch | None) -> None:
        """Show ``rows``, the first of ``total`` (None: not counted yet; set_total tells it later)."""
        self.beginResetModel()
        self._pages, self._starts, self._rows, self._texts, self._id_list = [], [], [], [], []
        self._add_page(rows, _ids_of(rows))
        self._ids = set(self._id_list)
        self._counted = False
        self._take_total(total)
        self._fetch = fetch
        self._fetching = False
        self._epoch += 1
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def set_total(self, total: int) -> None:
        """The count of the rows shown, arrived after them."""
        self._take_total(total)

    def _take_total(self, total: int | None) -> None:
        if total is not None:
            self._counted = True
            self._total = max(total, len(self._rows))
        elif not self._counted:
            self._total = len(self._rows) + 1  # uncounted: more may follow (a page that reads none says no)
        else:
            self._total = max(self._total, len(self._rows))

    def row(self, index: int) -> ProductRow:
        r = self._rows[index]
        if r is None:
            index %= len(self._rows)  # as a list reads a negative index
            page = bisect_right(self._starts, index) - 1
            r = self._rows[index] = self._pages[page][index - self._starts[page]]
        return r

    def find(self, product_id: str) -> int | None:
        if product_id not in self._ids:
            return None
        return self._id_list.index(product_id)

    def _add_page(self, rows: Sequence[ProductRow], ids: list[str]) -> None:
        if not rows:
            return
        self._starts.append(len(self._rows))
        self._pages.append(rows)
        self._rows.extend([None] * len(rows))
        self._texts.extend([None] * len(rows))
        self._id_list.extend(ids)

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

    def _arrived(self, epoch: int, rows: Sequence[ProductRow], total: int | None) -> None:
        if epoch != self._epoch:
            return  # the list was replaced while this page was read
        self._fetching = False
        # Rows saved meanwhile shift the pages; never show a product twice.
        ids = _ids_of(rows)
        if any(i in self._ids for i in ids):
            kept = [n for n, i in enumerate(ids) if i not in self._ids]
            rows, ids = [rows[n] for n in kept], [ids[n] for n in kept]
        if not rows:
            self._total = len(self._rows)
            self._counted = True
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._add_page(rows, ids)
        self._ids.update(ids)
        self._take_total(total)
        self.endInsertRows()

    # --- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        # The view asks each visible cell for about ten roles on every paint: the ones this model
        # never answers leave first, and nothing is worked out twice for a row.
        if role not in _ANSWERED:
            return None
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        r = self._rows[row] or self.row(row)
        if role == _DISPLAY:
            texts = self._texts[row]
            if texts is None:
                texts = self._texts[row] = tuple(c.text(r) if c.text else display(c.value(r)) for c in self._columns)
            return texts[index.column()]
        if role == _TOOLTIP:
            # The mark's reason, on the cell that shows it.
            idle = self.tr("No logbook entry in the last 12 months") if r.logbook_idle and index.column() == 0 else ""
            return "\n".join(t for t in (self.expiry_note(r), idle) if t) or None
        if role == _DECORATION:
            return idle_mark() if r.logbook_idle and index.column() == 0 else None
        if role == _BACKGROUND:
            return _TINTS.get(r.expiry_state)
        if role == _FOREGROUND:
            return _TINTED_TEXT if r.expiry_state else None
        return r  # ROW_ROLE

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


def _ids_of(rows: Sequence[ProductRow]) -> list[str]:
    """The rows' product ids, read from a RowPage without building its rows."""
    return list(rows.ids) if isinstance(rows, RowPage) else [r.id for r in rows]


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
