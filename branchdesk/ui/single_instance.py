"""One window per ledger: a second start with a ledger already open brings that window forward instead.

The window holding a ledger holds a lock file and listens on a local socket (a named pipe on Windows), both
named by a hash of the user and the ledger's resolved path. Another start (or another window's File ▸ Open)
that finds the lock taken connects to the socket and asks the holder to raise itself.

After a crash the lock file names a process that no longer runs, which ``QLockFile`` recognises as stale and
takes over; a socket file left behind on Linux is removed before listening again. Only the lock's holder
ever removes or creates the socket, so two starts at the same moment cannot take it from each other.

A start takes the lock before its window shows and listens once the window's parts are made (QtNetwork is
loaded then, not before the first paint); a start that finds the lock taken meanwhile tries again a few
times, a moment apart.
"""

from __future__ import annotations

import getpass
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCryptographicHash, QLockFile, QObject, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

# How long to wait for the holder's answer; it may still be starting (lock taken, not yet listening).
CONNECT_TIMEOUT_MS = 500
CONNECT_ATTEMPTS = 4
CONNECT_RETRY_S = 0.25
_RAISE = b"raise\n"


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        return str(Path.home())


def instance_name(path: Path, user: str) -> str:
    """The lock's and the socket's name for ``path``: the same however the path is written."""
    resolved = os.path.normcase(str(Path(path).resolve()))  # Windows paths ignore case
    # SHA-256 by Qt: hashlib's OpenSSL would be loaded before the window's first paint only for this.
    sha256 = QCryptographicHash.hash(f"{user}\0{resolved}".encode(), QCryptographicHash.Algorithm.Sha256)
    digest = bytes(sha256.toHex().data()).decode()[:32]
    return f"branchdesk-{digest}"


def _allow_raise_by_other_process() -> None:
    """Windows lets only the foreground process hand focus on: give it to whichever window we ask."""
    if sys.platform == "win32":
        import ctypes

        asfw_any = -1
        getattr(ctypes, "windll").user32.AllowSetForegroundWindow(asfw_any)  # noqa: B009


class LedgerInstances(QObject):
    """What this process holds; ``activated`` when another start asked for the ledger held here."""

    activated = Signal()

    def __init__(
        self,
        lock_dir: Path,
        user: str | None = None,
        parent: QObject | None = None,
        *,
        answer_later: bool = False,
    ) -> None:
        """With ``answer_later`` a claim takes the lock only; ``answer()`` starts listening."""
        super().__init__(parent)
        self.lock_dir = lock_dir
        self.user = user if user is not None else _user()
        self._answering = not answer_later
        self._name: str | None = None
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None

    def claim(self, path: Path | None) -> bool:
        """Hold ``path`` for this window (None lets go of what is held).

        False when another window holds it: that window was asked to come forward. When the holder does not
        answer, the ledger may still be opened here (SQLite keeps two writers apart); it is just not held.
        """
        if path is None:
            self.release()
            return True
        name = instance_name(path, self.user)
        if name == self._name:
            return True
        self.lock_dir.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(self.lock_dir / f"{name}.lock"))
        lock.setStaleLockTime(0)  # stale only when its process is gone, however long it has been open
        if not lock.tryLock(0):
            if self._ask_to_raise(name):
                return False
            # Opened here without being held: let go of the ledger this window is leaving, or a start
            # with that one would be sent to this window, which no longer shows it.
            self.release()
            return True
        self.release()
        self._name, self._lock = name, lock
        if self._answering:
            self._listen(name)
        return True

    def answer(self) -> None:
        """From now on, answer other starts (for the ledger held now, and those claimed later)."""
        self._answering = True
        if self._name is not None and self._server is None:
            self._listen(self._name)

    def _listen(self, name: str) -> None:
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(name)  # a socket file left by a crash
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_connection)
        if server.listen(name):
            self._server = server

    def _ask_to_raise(self, name: str) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        for attempt in range(CONNECT_ATTEMPTS):
            if attempt:
                time.sleep(CONNECT_RETRY_S)  # the holder may be starting: lock taken, not listening yet
            socket = QLocalSocket()
            socket.connectToServer(name)
            if socket.waitForConnected(CONNECT_TIMEOUT_MS):
                _allow_raise_by_other_process()
                socket.write(_RAISE)
                written = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
                socket.disconnectFromServer()
                return written
        return False

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket.bytesAvailable() and bytes(socket.readAll().data()).startswith(_RAISE.strip()):
            self.activated.emit()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        self._name = None


def bring_forward(window: QWidget) -> None:
    """Another start asked for the ledger open in ``window``: show it on top."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
