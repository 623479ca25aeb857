"""Trợ giúp → Hướng dẫn sử dụng: the Vietnamese manual shipped in resources/manual, opened in the browser."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from ocop_desktop.paths import resources_dir

MANUAL_INDEX = ("manual", "index.html")


def manual_index(resources: Callable[[], Path] = resources_dir) -> Path:
    """Where index.html of the manual is in this copy of the program (source, wheel or bundle)."""
    try:
        return resources().joinpath(*MANUAL_INDEX)
    except FileNotFoundError:
        # No resources folder at all: name where a source checkout would keep the manual.
        return Path(__file__).resolve().parents[2].joinpath("resources", *MANUAL_INDEX)


def _open_url(url: QUrl) -> bool:
    # Looked up at call time, so a test can replace QDesktopServices.openUrl.
    return QDesktopServices.openUrl(url)


def _title() -> str:
    return QCoreApplication.translate("HelpManual", "User manual")


def manual_command(
    index: Callable[[], Path] = manual_index, open_url: Callable[[QUrl], bool] = _open_url
) -> Callable[[QWidget], None]:
    """The menu command: open index.html in the system's web browser; say where it should be if it is missing."""

    def run(parent: QWidget) -> None:
        path = index()
        if not path.is_file():
            QMessageBox.warning(
                parent,
                _title(),
                QCoreApplication.translate(
                    "HelpManual",
                    "The user manual was not found at %1. Install OCOP Desktop again, "
                    "or copy the manual folder back to that place.",
                ).replace("%1", str(path)),
            )
            return
        if not open_url(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(
                parent,
                _title(),
                QCoreApplication.translate(
                    "HelpManual",
                    "No web browser opened the user manual. Open the file %1 with a web browser "
                    "(Edge, Chrome, Firefox, Cốc Cốc…).",
                ).replace("%1", str(path)),
            )

    return run
