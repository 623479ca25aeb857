"""Before the main window exists, a failure is shown in a window (never a traceback) with a way on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ocop_desktop.paths import is_server_url


class StartupErrorDialog(QMessageBox):
    """Says what went wrong (the same Vietnamese sentence the ``ocop`` command prints) and offers
    another data file or quitting. ``ask()`` returns the chosen file, or None to quit."""

    def __init__(self, message: str, db_path: Path | str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A server's URL is shown as given (a Path would fold its «//»).
        self.db_path: Path | str = db_path if is_server_url(db_path) else Path(db_path)
        self.chosen: Path | None = None
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("OCOP Desktop cannot start"))
        self.setText(self.tr("OCOP Desktop could not open the data file %1.").replace("%1", str(self.db_path)))
        self.setInformativeText(
            message
            + "\n\n"
            + self.tr("You can choose another data file (an existing one, or a new name for an empty one), or quit.")
        )
        self.choose_button = self.addButton(self.tr("Choose another data file…"), QMessageBox.ButtonRole.AcceptRole)
        self.quit_button = self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.choose_button)
        self.setEscapeButton(self.quit_button)

    def _suggested(self) -> str:
        # The failing folder may be missing, read-only or on a drive that was removed: suggest
        # a file in the user's documents (or home), never the one that just failed.
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        if not folder.is_dir():
            folder = Path.home()
        name = "ocop.db" if folder / "ocop.db" != self.db_path else "ocop-moi.db"
        return str(folder / name)

    def choose_file(self) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Choose or create a data file"),
            self._suggested(),
            self.tr("OCOP Desktop data (*.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # an existing file is opened, not replaced
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix else path.with_suffix(".db")

    def ask(self) -> Path | None:
        """Show the dialog until the user quits or picks a file."""
        while True:
            self.exec()
            if self.clickedButton() is not self.choose_button:
                return None
            self.chosen = self.choose_file()
            if self.chosen is not None:
                return self.chosen
