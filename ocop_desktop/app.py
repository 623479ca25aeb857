"""Composition root of the desktop application: settings, database, services, main window."""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from ocop_desktop import APP_NAME, ORG_NAME, __version__


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ocop-desktop", description="OCOP Desktop")
    parser.add_argument("--db", metavar="PATH", help="tệp cơ sở dữ liệu")
    parser.add_argument("--version", action="version", version=f"OCOP Desktop {__version__}")
    # Qt's own options (-platform, -style …) pass through to QApplication.
    args, _qt_args = parser.parse_known_args(argv)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])

    # Qt is imported here, not at module level, so `ocop` and the core never load it.
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ocop_desktop.gui.main_window import MainWindow
    from ocop_desktop.paths import default_db_path
    from ocop_desktop.persistence.database import open_database
    from ocop_desktop.persistence.migrate import SchemaError
    from ocop_desktop.services.products import ProductService
    from ocop_desktop.services.reference import load_reference
    from ocop_desktop.services.settings import current_actor

    app = QApplication(argv)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("OCOP Desktop")
    app.setApplicationVersion(__version__)

    path = default_db_path(args.db)
    try:
        db = open_database(path)
    except SchemaError as exc:
        QMessageBox.critical(None, "OCOP Desktop", str(exc))
        return 1
    except OSError as exc:
        QMessageBox.critical(
            None, "OCOP Desktop",
            f"Không mở được tệp dữ liệu {path}: {exc.strerror or exc}. "
            "Hãy kiểm tra quyền ghi của thư mục hoặc chọn tệp khác bằng --db.",
        )
        return 1
    make_uow = db.uow_factory(actor=current_actor(db.uow_factory()))
    load_reference(make_uow)
    window = MainWindow(db_path=str(db.path), products=ProductService(make_uow))
    window.show()
    try:
        return app.exec()
    finally:
        db.close()
