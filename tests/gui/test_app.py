"""The desktop program and the `ocop` command share one data folder."""

from __future__ import annotations

from PySide6.QtCore import QStandardPaths

from ocop_desktop import APP_NAME, ORG_NAME
from ocop_desktop.paths import user_data_dir


def test_cli_and_gui_use_the_same_data_folder(qapp):
    qapp.setOrganizationName(ORG_NAME)
    qapp.setApplicationName(APP_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert str(user_data_dir()) == location
