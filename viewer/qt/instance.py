"""One window per library: a second launch on the same data folder hands its files to the running window.

The running window listens on a local socket (``QLocalServer``) named from a hash of its data folder's path,
as editors do. ``hand_over(folder, sources)`` in a new process tries that socket first: when a window
answers, it has taken the files (it imports them and comes to the front) and the new process exits; when
none answers, the new process opens the window itself and calls ``FileReceiver.listen``.

The message is one line of JSON, ``{"sources": [...]}``, answered by ``ok``. File paths are made absolute
before they are sent, since the two processes may have different working folders; URLs go as they are.

Exports: ``FileReceiver``, ``hand_over``, ``server_name``.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500  # milliseconds to reach a running window's socket (it is local: fast or absent)
ANSWER_TIMEOUT_MS = 5_000  # milliseconds the running window has to take the files
MAX_MESSAGE_BYTES = 1 << 20  # bytes; a message longer than this is not from us


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
