"""A PostgreSQL server in the window: its password asked when libpq has none (masked, kept by no
one), and what «Sao lưu…» says there."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)


class ServerPasswordDialog(QDialog):
    """Names the server and the user; the typed password is read once by the caller and goes to
    the connection only (never to settings or the log)."""

    def __init__(self, server: str, user: str, wrong: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Server password"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("The server %1 asks for the password of the user «%2».").replace("%1", server).replace("%2", user)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if wrong:
            self.wrong = QLabel(self.tr("The server did not accept that password; type it again."))
            self.wrong.setWordWrap(True)
            layout.addWidget(self.wrong)
        form = QFormLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Password:"), self.password)
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "To be asked no more, the administrator can keep it in PostgreSQL's password file (see the manual)."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.password.setFocus()


def ask_server_password(server: str, user: str, wrong: bool, parent: QWidget | None = None) -> str | None:
    """The password typed in the dialog, or None when it was cancelled (or left empty)."""
    dialog = ServerPasswordDialog(server, user, wrong, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.password.text() or None
    finally:
        dialog.password.clear()
        dialog.deleteLater()


def server_backups_note(parent: QWidget, server: str) -> None:
    """«Sao lưu…» on a server: the window copies no file there; the administrator's pg_dump does."""
    QMessageBox.information(
        parent,
        QCoreApplication.translate("ServerBackups", "Backups"),
        QCoreApplication.translate(
            "ServerBackups",
            "The data are in the database %1 on a PostgreSQL server, which this window does not copy. "
            "The server's administrator backs it up with «ocop backup» (pg_dump) and restores it with "
            "«ocop restore» into an empty database.",
        ).replace("%1", server),
    )
