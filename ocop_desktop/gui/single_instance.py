"""One window per database: a second start on the same file brings the first window forward.

The first instance listens on a QLocalServer whose name is a hash of the database path (and
the user, so two people on one machine do not collide); a later start connects, asks it to
come forward and exits. Usage in app.main, before the database is opened::

    instance = SingleInstance(db_path, app)  # parented: it lives as long as the application
    if not instance.start():
        return 0  # the running window was asked to come forward
    ... build the window ...
    instance.attach(window)
"""

from __future__ import annotations

import getpass
import hashlib
import os
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from ocop_desktop.paths import is_server_url

MESSAGE = b"raise\n"


def _database_key(location: Path | str) -> str:
    """The database a start names, the same however it was written: a file by its full path; a
    server's database by its login, host, port and name (a URL is not a path: resolved against the
    start folder, two starts from different folders looked like two databases), never its password."""
    if is_server_url(location):
        parts = urlsplit(str(location))
        scheme = parts.scheme.split("+", 1)[0].lower()
        return f"{scheme}://{parts.username or ''}@{(parts.hostname or '').lower()}:{parts.port or 5432}{parts.path}"
    return os.path.normcase(str(Path(location).expanduser().resolve()))


def server_name(db_path: Path | str) -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no login name on some service accounts
        user = ""
    key = f"{_database_key(db_path)}|{user}"
    return "ocop-desktop-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def bring_forward(window: QWidget) -> None:
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


class SingleInstance(QObject):
    """``activated`` is emitted in the first instance each time a later start pings it."""

    activated = Signal()

    def __init__(self, db_path: Path | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(db_path)
        self._server: QLocalServer | None = None

    @property
    def primary(self) -> bool:
        return self._server is not None

    def _ping(self, timeout_ms: int) -> bool:
        """Ask a running instance to come forward; True if one answered the connection."""
        # Parented and deleted later, never by Python's garbage collector while Qt may still
        # hold it (that deletes a shared QObject directly and can crash).
        socket = QLocalSocket(self)
        try:
            socket.connectToServer(self.name)
            if not socket.waitForConnected(timeout_ms):
                return False
            socket.write(MESSAGE)
            socket.waitForBytesWritten(timeout_ms)
            socket.disconnectFromServer()
            if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
                socket.waitForDisconnected(timeout_ms)
            return True
        finally:
            socket.abort()
            socket.deleteLater()

    def start(self, timeout_ms: int = 1000) -> bool:
        """True: this is the first instance, now listening. False: another one runs and was pinged."""
        if self._server is not None:
            return True
        if self._ping(timeout_ms):
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # Either a socket file left by a crashed instance (Unix), or another instance that
            # started at the same moment: ask once more before clearing the name.
            if self._ping(timeout_ms):
                return False
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return True  # cannot listen (unusual); run anyway rather than refuse to start
        server.newConnection.connect(self._connected)
        self._server = server
        return True

    def _connected(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if MESSAGE.strip() in bytes(socket.readAll().data()):
            self.activated.emit()

    def attach(self, window: QWidget) -> None:
        """Bring ``window`` forward whenever a later start pings this instance."""
        self.activated.connect(lambda: bring_forward(window))

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
