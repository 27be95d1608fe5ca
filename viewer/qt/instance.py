"""One window per library: a second launch on the same data folder hands its files to the running window.

The running window listens on a local socket (``QLocalServer``) named from a hash of its data folder's path,
as editors do. ``hand_over(folder, sources)`` in a new process tries that socket first: when a window
answers, it has taken the files (it imports them and comes to the front) and the new process exits; when
none answers, the new process opens the window itself and calls ``FileReceiver.listen``.

Becoming the library's window is atomic: ``claim_window`` takes an exclusive lock file in the data folder
(``QLockFile``, held until the window closes) before a window may open. Two launches at the same instant both
find no socket, but only one gets the lock; the other keeps knocking on the socket until the winner answers,
then hands its files over. A lock left by a window that crashed names a process that is gone: Qt treats it
as stale and takes it over.

The message is one line of JSON, ``{"sources": [...]}``, answered by ``ok``. File paths are made absolute
before they are sent, since the two processes may have different working folders; URLs go as they are.

Exports: ``FileReceiver``, ``WindowNotAnswering``, ``claim_window``, ``hand_over``, ``server_name``.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500  # milliseconds to reach a running window's socket (it is local: fast or absent)
ANSWER_TIMEOUT_MS = 5_000  # milliseconds the running window has to take the files
MAX_MESSAGE_BYTES = 1 << 20  # bytes; a message longer than this is not from us
LOCK_FILE = "window.lock"  # in the data folder; held by the library's one window while it is open
CLAIM_WAIT_S = 20.0  # seconds a launch that lost the lock waits for the winner's window to answer
CLAIM_POLL_S = 0.1  # seconds between knocks on the winner's socket while it is still opening


class WindowNotAnswering(Exception):
    """Another process holds the library's window lock but its window never answered (``str()`` says so)."""


def server_name(folder: Path) -> str:
    """The socket name for a data folder: the same folder, however it is written, gives the same name."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name on this system: the folder alone still tells libraries apart
        user = ""
    key = f"{user}\0{Path(folder).expanduser().resolve()}"
    return "framing-viewer-" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _absolute(source: str) -> str:
    return source if "://" in source else os.path.abspath(source)


def hand_over(folder: Path, sources: list[str]) -> bool:
    """Give ``sources`` to a window already open on ``folder``; False when there is none (or it did not answer)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(folder))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    message = json.dumps({"sources": [_absolute(str(source)) for source in sources]}) + "\n"
    socket.write(message.encode("utf-8"))
    socket.waitForBytesWritten(ANSWER_TIMEOUT_MS)
    answer = b""
    while b"\n" not in answer and socket.waitForReadyRead(ANSWER_TIMEOUT_MS):
        answer += bytes(socket.readAll())
    socket.disconnectFromServer()
    return answer.strip() == b"ok"


def claim_window(folder: Path, sources: list[str], wait_s: float = CLAIM_WAIT_S) -> QLockFile | None:
    """Hand ``sources`` to the window open on ``folder`` (None), or become that window: the returned lock is
    held until ``unlock()`` when the window closes. Raises ``WindowNotAnswering`` when another process holds
    the lock and its window has not answered within ``wait_s`` seconds."""
    lock = QLockFile(str(Path(folder) / LOCK_FILE))
    lock.setStaleLockTime(0)  # stale only when the holder's process is gone: a window may stay open for days
    deadline = time.monotonic() + wait_s
    while True:
        if hand_over(folder, sources):
            return None
        if lock.tryLock(0):
            return lock
        if lock.error() != QLockFile.LockError.LockFailedError:
            # The folder cannot hold a lock (read-only, say): open as before, the socket alone deciding.
            return lock
        if time.monotonic() > deadline:
            raise WindowNotAnswering(
                f"another Framing Viewer holds this library ({Path(folder) / LOCK_FILE}) but its window did not "
                f"answer within {wait_s:.0f} s; it may be waiting for an answer to a question, or stuck")
        time.sleep(CLAIM_POLL_S)  # the winner is still opening its window: knock again shortly


class FileReceiver(QObject):
    """The running window's end: ``received(sources)`` for each later launch on the same data folder."""

    received = Signal(list)

    def __init__(self, folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(folder)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)  # only this user may hand files
        self.server.newConnection.connect(self.on_new_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start answering; a socket left by a window that crashed is cleared first (nobody answered on it)."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def on_new_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda socket=socket: self.on_ready_read(socket))
            socket.disconnected.connect(lambda socket=socket: self._forget(socket))

    def on_ready_read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll())
        if len(data) > MAX_MESSAGE_BYTES:
            socket.abort()
            return
        self._buffers[socket] = data
        if b"\n" not in data:
            return
        try:
            sources = [str(source) for source in json.loads(data.split(b"\n", 1)[0])["sources"]]
        except (ValueError, KeyError, TypeError):
            socket.abort()
            return
        socket.write(b"ok\n")
        socket.flush()
        self.received.emit(sources)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()
