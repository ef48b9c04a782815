"""A thermal printer on 127.0.0.1 that speaks just enough ESC/POS for fault tests: real
sockets, one thread per connection.

Modes:
- `accept`: reads everything and answers status queries (DLE EOT n) as a ready printer
  with paper.
- `refuse`: nothing listens on the port (it is bound but not listening: connecting is
  refused, and no other test can take the port meanwhile).
- `close-mid-job`: answers status queries, but closes a connection once it has read
  `close_after` bytes.
- `stall`: answers status queries until a job begins (ESC @), then reads and answers
  nothing more. Its receive buffer is small, so the sender's buffers fill soon.
- `silent`: accepts connections and never reads or answers anything.
- `no-paper`: answers status queries as a printer out of paper.

Each connection's bytes are kept in `connections`, status queries included.
"""

from __future__ import annotations

import socket
import threading

INIT = b"\x1b@"
DLE_EOT = b"\x10\x04"
ONLINE_QUERY, PAPER_QUERY = DLE_EOT + b"\x01", DLE_EOT + b"\x04"
# Answers as python-escpos reads them: bits 1 and 4 are always set; in the printer status
# bit 3 means offline, in the paper status bits 5 and 6 mean paper out (2 and 3: near end).
ONLINE, PAPER_ENOUGH, PAPER_OUT = 0x12, 0x12, 0x72
MODES = ("accept", "refuse", "close-mid-job", "stall", "silent", "no-paper")
SMALL_BUFFER = 4096
POLL = 0.05  # seconds between looks at the stop flag


class FakePrinter:
    """A printer on 127.0.0.1:`port` behaving as `mode` says (see the module docstring)."""

    def __init__(self, mode: str, close_after: int = 4096) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        self.mode, self.close_after = mode, close_after
        self.connections: list[bytearray] = []
        self._lock = threading.Lock()  # guards `connections` and `_open`
        self._open: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._stop = threading.Event()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if mode in ("stall", "silent"):
            self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, SMALL_BUFFER)
        self._listener.bind(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        if mode != "refuse":
            self._listener.listen()
            self._listener.settimeout(POLL)
            self._spawn(self._accept)

    def jobs(self) -> list[bytes]:
        """What each connection that began a job (ESC @) received."""
        with self._lock:
            return [bytes(data) for data in self.connections if INIT in data]

    def received(self) -> bytes:
        """Everything every connection received."""
        with self._lock:
            return b"".join(bytes(data) for data in self.connections)

    def stop(self) -> None:
        """Close every connection and the port; wait for the threads."""
        self._stop.set()
        with self._lock:
            for connection in self._open:
                connection.close()
            self._open.clear()
        for thread in self._threads:
            thread.join(2)
        self._listener.close()

    def __enter__(self) -> FakePrinter:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _spawn(self, target, *args) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True, name="fake-escpos")
        self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            data = bytearray()
            with self._lock:
                if self._stop.is_set():
                    connection.close()
                    return
                self._open.append(connection)
                self.connections.append(data)
            self._spawn(self._serve, connection, data)

    def _serve(self, connection: socket.socket, data: bytearray) -> None:
        connection.settimeout(POLL)
        look_from = 0  # where the next status query may begin
        while not self._stop.is_set():
            if self.mode == "silent" or (self.mode == "stall" and INIT in data):
                self._stop.wait()  # never reads again: the sender's writes block
                return
            want = 65536
            if self.mode == "close-mid-job":
                want = min(want, self.close_after - len(data))
            try:
                chunk = connection.recv(want)
            except TimeoutError:
                continue
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                data += chunk
            if self.mode == "close-mid-job" and len(data) >= self.close_after:
                with self._lock:
                    if connection in self._open:
                        self._open.remove(connection)
                connection.close()  # unread bytes pending: the sender gets a reset
                return
            try:
                look_from = self._answer(connection, data, look_from)
            except OSError:
                return

    def _answer(self, connection: socket.socket, data: bytearray, start: int) -> int:
        """Answer every status query in data[start:]; return where to look next time."""
        while (at := data.find(DLE_EOT, start)) >= 0:
            if at + 2 >= len(data):
                return at  # the query's last byte has not come yet
            connection.sendall(bytes([self._status(data[at + 2])]))
            start = at + 3
        return max(start, len(data) - 1)

    def _status(self, kind: int) -> int:
        if kind == PAPER_QUERY[2]:
            return PAPER_OUT if self.mode == "no-paper" else PAPER_ENOUGH
        return ONLINE
