"""A TCP proxy the tests cut and restore, to take the database away mid-shift.
`lose_commit_reply()` forwards the next COMMIT to the server and then drops the
connection before the server's reply reaches the client."""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading


class TcpProxy:
    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._lock = threading.Lock()
        self._down = False
        self._drop_after_commit = False
        self.commits_lost = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="tcp-proxy", daemon=True)
        self._thread.start()

    # -- control ---------------------------------------------------------------
    def cut(self) -> None:
        """Close every connection and refuse new ones (the network is gone)."""
        with self._lock:
            self._down = True
            pairs, self._pairs = self._pairs, []
        for a, b in pairs:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def restore(self) -> None:
        with self._lock:
            self._down = False

    def lose_commit_reply(self) -> None:
        """The next COMMIT reaches the server; its reply never reaches the client."""
        with self._lock:
            self._drop_after_commit = True

    def close(self) -> None:
        self._stop.set()
        self.cut()
        self._listener.close()
        self._thread.join(timeout=5)

    # -- pump ------------------------------------------------------------------
    def _loop(self) -> None:
        sel = selectors.DefaultSelector()
        self._listener.setblocking(False)
        sel.register(self._listener, selectors.EVENT_READ, None)
        peers: dict[socket.socket, tuple[socket.socket, bool]] = {}
        while not self._stop.is_set():
            try:
                events = sel.select(timeout=0.05)
            except (OSError, ValueError):
                break
            with self._lock:
                live = {s for pair in self._pairs for s in pair}
            for sock in list(peers):
                if sock not in live:
                    with contextlib.suppress(KeyError, ValueError):
                        sel.unregister(sock)
                    peers.pop(sock, None)
                    sock.close()
            for key, _ in events:
                sock = key.fileobj
                if sock is self._listener:
                    try:
                        client, _addr = self._listener.accept()
                    except OSError:
                        continue
                    with self._lock:
                        down = self._down
                    if down:
                        client.close()
                        continue
                    try:
                        server = socket.create_connection(self.target, timeout=5)
                    except OSError:
                        client.close()
                        continue
                    client.setblocking(False)
                    server.setblocking(False)
                    with self._lock:
                        self._pairs.append((client, server))
                    peers[client] = (server, True)
                    peers[server] = (client, False)
                    sel.register(client, selectors.EVENT_READ, None)
                    sel.register(server, selectors.EVENT_READ, None)
                    continue
                if sock not in peers:
                    continue
                other, from_client = peers[sock]
                try:
                    data = sock.recv(65536)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    data = b""
                if not data:
                    self._drop_pair(sock, other)
                    continue
                try:
                    other.setblocking(True)
                    other.sendall(data)
                    other.setblocking(False)
                except OSError:
                    self._drop_pair(sock, other)
                    continue
                if from_client and b"COMMIT" in data:
                    with self._lock:
                        drop = self._drop_after_commit
                        self._drop_after_commit = False
                    if drop:
                        # The server gets the COMMIT; the client never hears back.
                        self.commits_lost += 1
                        self._drop_client_only(sock)
        sel.close()

    def _drop_pair(self, a: socket.socket, b: socket.socket) -> None:
        with self._lock:
            self._pairs = [p for p in self._pairs if a not in p and b not in p]
        for s in (a, b):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def _drop_client_only(self, client: socket.socket) -> None:
        # The COMMIT bytes are already in the server's socket buffer, ahead of the
        # close: the server commits, then finds the client gone.
        with self._lock:
            self._pairs = [p for p in self._pairs if client not in p]
        with contextlib.suppress(OSError):
            client.shutdown(socket.SHUT_RDWR)
