"""The main window shell: product list with a diacritic-free search, status bar with the database."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QTableView, QVBoxLayout, QWidget

from ocop_desktop.services.products import ProductDTO, ProductService


class ProductTableModel(QAbstractTableModel):
    """A thin model over a list of product DTOs."""

    COLUMNS = ("name", "producer", "group", "stars", "status_label", "expires_on")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ProductDTO] = []
        self._headers = (
            self.tr("Tên sản phẩm"), self.tr("Chủ thể"), self.tr("Nhóm"),
            self.tr("Hạng sao"), self.tr("Trạng thái"), self.tr("Hết hạn"),
        )

    def set_rows(self, rows: list[ProductDTO]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        value = getattr(self._rows[index.row()], self.COLUMNS[index.column()])
        if value is None:
            return ""
        if self.COLUMNS[index.column()] == "stars":
            return "★" * value
        if hasattr(value, "strftime"):
            return value.strftime("%d/%m/%Y")
        return str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class MainWindow(QMainWindow):
    def __init__(self, db_path: str, products: ProductService) -> None:
        super().__init__()
        self._products = products
        self.setWindowTitle(self.tr("OCOP Desktop — Sản phẩm OCOP"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm sản phẩm (gõ không dấu cũng được)…"))
        self.model = ProductTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout()
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.db_label = QLabel(self.tr("Dữ liệu: %1").replace("%1", db_path))
        self.statusBar().addPermanentWidget(self.db_label)
        self.search.textChanged.connect(self.refresh)
        self.resize(1000, 600)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self._products.list(search=self.search.text()))
        self.table.resizeColumnsToContents()
