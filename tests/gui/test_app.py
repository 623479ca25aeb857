"""The desktop application starts on a database and shows its products."""

from __future__ import annotations

from PySide6.QtCore import QStandardPaths

from ocop_desktop import APP_NAME, ORG_NAME
from ocop_desktop.gui.main_window import MainWindow, ProductTableModel
from ocop_desktop.paths import user_data_dir
from ocop_desktop.services.products import ProductService
from ocop_desktop.services.sample import load_sample


def test_cli_and_gui_use_the_same_data_folder(qapp):
    qapp.setOrganizationName(ORG_NAME)
    qapp.setApplicationName(APP_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert str(user_data_dir()) == location


def test_main_window_lists_and_searches_products(qtbot, make_uow, db_path):
    load_sample(make_uow, "muong-ang-2024")
    window = MainWindow(db_path=str(db_path), products=ProductService(make_uow))
    qtbot.addWidget(window)
    assert window.model.rowCount() == 10
    assert str(db_path) in window.db_label.text()
    qtbot.keyClicks(window.search, "tra xanh")
    assert window.model.rowCount() == 1
    assert window.model.index(0, 0).data() == "Trà xanh hữu cơ Phan Nhất"
    assert window.model.index(0, 3).data() == "★★★★"


def test_product_table_model_is_sound(qtmodeltester, make_uow):
    load_sample(make_uow, "muong-ang-2024")
    model = ProductTableModel()
    model.set_rows(ProductService(make_uow).list())
    qtmodeltester.check(model)
