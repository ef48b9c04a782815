"""A thermal receipt printer spoken to in ESC/POS through python-escpos.

What the kiosk reports is what the connection said. The slip is made into bytes first; the
connection then counts the bytes the device accepted. Nothing accepted: failed (a retry is
safe). Some accepted but the job not confirmed: unknown. A printer that can answer (network,
USB, serial) confirms the whole slip by answering a status query sent after its last byte,
which it reads only once every byte before it has arrived; a device file confirms it by
taking every byte and closing cleanly.
"""

from __future__ import annotations

import errno
import logging
import os
import socket
import time
from collections.abc import Callable
from typing import Any

from kiosk.logic.slip import Slip
from kiosk.printing.backends import PrinterFault, PrinterStatus
from kiosk.printing.layout import Paper
from kiosk.settings import EscposPrinter

log = logging.getLogger(__name__)

CHUNK = 4096  # bytes per write: where a failed write cannot say how much went, at most this
# A device that fails a write with one of these took none of it: it is gone, or not ours.
REFUSED = frozenset(
    {errno.ENODEV, errno.ENOENT, errno.ENXIO, errno.EACCES, errno.EPERM, errno.EBUSY}
)


class Link:
    """An open connection to an ESC/POS printer (a python-escpos printer underneath) that
    counts what the device accepted.

    `accepted`: bytes the device took. `doubtful`: a write failed part-way on a connection
    that cannot say how much of it went, so some of it may be on paper. Every wait on the
    device ends within `timeout` seconds, and the job within `timeout` of its first byte.
    """

    exact = False  # True: a write that fails took none of what it was given

    def __init__(self, printer: Any, timeout: float) -> None:
        self.printer, self.timeout = printer, timeout
        self.accepted = 0
        self.doubtful = False
        self._deadline: float | None = None

    @property
    def profile(self) -> Any:
        """The python-escpos printer profile (which cut, which code pages, ...)."""
        return self.printer.profile

    @property
    def sent(self) -> bool:
        """Some of the job may have reached the printer."""
        return self.accepted > 0 or self.doubtful

    def send(self, data: bytes) -> None:
        """Hand every byte to the device; raise when it stops taking them."""
        if self._deadline is None:
            self._deadline = time.monotonic() + self.timeout
        view = memoryview(data)
        while view:
            try:
                taken = self._write(view[:CHUNK])
            except Exception as error:
                if not self.exact and getattr(error, "errno", None) not in REFUSED:
                    self.doubtful = True
                raise
            if taken <= 0:
                raise ConnectionError("the printer stopped taking bytes")
            self.accepted += taken
            view = view[taken:]

    def ask(self, query: bytes) -> int | None:
        """Send a status query (DLE EOT n); the byte the printer answers, None if it does not
        answer in time."""
        self.send(query)
        try:
            answer = self._read()
        except OSError as error:
            if isinstance(error, TimeoutError) or error.errno == errno.ETIMEDOUT:
                return None
            raise
        return answer[0] if answer else None

    def is_online(self) -> bool | None:
        """Whether the printer says it is online; None when it does not answer."""
        from escpos.constants import RT_MASK_ONLINE, RT_STATUS_ONLINE

        answer = self.ask(RT_STATUS_ONLINE)
        return None if answer is None else not answer & RT_MASK_ONLINE

    def paper_status(self) -> int | None:
        """2: paper enough, 1: near its end, 0: none (read as python-escpos reads it); None
        when the printer does not answer."""
        from escpos.constants import (
            RT_MASK_LOWPAPER,
            RT_MASK_NOPAPER,
            RT_MASK_PAPER,
            RT_STATUS_PAPER,
        )

        answer = self.ask(RT_STATUS_PAPER)
        if answer is None:
            return None
        if answer & RT_MASK_NOPAPER == RT_MASK_NOPAPER:
            return 0
        if answer & RT_MASK_LOWPAPER == RT_MASK_LOWPAPER:
            return 1
        return 2 if answer & RT_MASK_PAPER == RT_MASK_PAPER else 0

    def confirm(self) -> None:
        """After the last byte: make sure the printer took the job, or raise."""
        online = self.is_online()
        paper = self.paper_status() if online else None
        if online is None or (online and paper is None):
            raise ConnectionError("the printer did not confirm the slip (no status answer)")
        if not online:
            raise ConnectionError("the printer went offline during the slip")
        if paper == 0:
            raise ConnectionError("the printer ran out of paper during the slip")

    def close(self) -> None:
        """Let the connection go (closing a dead one may fail too; nothing more to do)."""
        try:
            self.printer.close()
        except Exception:
            log.debug("closing the printer failed", exc_info=True)

    def _left(self) -> float:
        """Seconds the next wait on the device may take."""
        if self._deadline is None:
            return self.timeout
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"the printer took more than {self.timeout:g} s")
        return min(left, self.timeout)

    def _write(self, chunk: memoryview) -> int:
        raise NotImplementedError

    def _read(self) -> bytes:
        raise NotImplementedError


class NetworkLink(Link):
    """A TCP connection (port 9100). A send the socket refuses took nothing, so the count
    is exact: bytes accepted by the connection."""

    exact = True

    def _write(self, chunk: memoryview) -> int:
        connection = self.printer.device
        connection.settimeout(self._left())
        return int(connection.send(chunk))

    def _read(self) -> bytes:
        connection = self.printer.device
        connection.settimeout(self._left())
        return bytes(connection.recv(1))


class UsbLink(Link):
    """A USB printer (bulk endpoints through libusb)."""

    def _write(self, chunk: memoryview) -> int:
        device = self.printer.device
        return int(device.write(self.printer.out_ep, chunk, self._milliseconds()))

    def _read(self) -> bytes:
        device = self.printer.device
        return bytes(device.read(self.printer.in_ep, 16, self._milliseconds()))

    def _milliseconds(self) -> int:
        return max(1, round(self._left() * 1000))


class SerialLink(Link):
    """A serial port (the write and read time-outs are set when it opens)."""

    def _write(self, chunk: memoryview) -> int:
        return int(self.printer.device.write(chunk))

    def _read(self) -> bytes:
        return bytes(self.printer.device.read(1))  # the answer is one byte: no waiting for 16


class FileLink(Link):
    """A device file (/dev/usb/lp0). It cannot answer; written with os.write, whose count
    is exact, and confirmed by a clean close."""

    exact = True

    def _write(self, chunk: memoryview) -> int:
        return os.write(self.printer.device.fileno(), chunk)

    def confirm(self) -> None:
        self.printer.device.flush()
        self.printer.close()


class EscposBackend:
    """A thermal receipt printer spoken to in ESC/POS (python-escpos: USB, network,
    serial or a device file). Text the printer's code pages cannot show (Kazakh letters)
    is printed as an image; QR codes natively when the printer supports it.

    `connect` opens a Link, or raises (PrinterFault(sent=False) from `connect_escpos`)."""

    name = "escpos"

    def __init__(
        self,
        connect: Callable[[], Link],
        paper: Paper,
        dots_per_line: int = 576,
        native_qr: bool = False,
        kazakh_codepage: bool = False,
        can_read_status: bool = True,
    ) -> None:
        self.connect, self.paper = connect, paper
        self.dots_per_line, self.native_qr = dots_per_line, native_qr
        self.kazakh_codepage, self.can_read_status = kazakh_codepage, can_read_status

    def status(self) -> PrinterStatus:
        if not self.can_read_status:
            return PrinterStatus.UNKNOWN
        try:
            link = self.connect()
        except Exception as error:
            log.warning("escpos printer does not answer: %s", error)
            return PrinterStatus.OFFLINE
        try:
            if not link.is_online():  # offline, or no answer in time
                return PrinterStatus.OFFLINE
            paper = link.paper_status()
        except OSError as error:  # the connection broke, or the device went away
            log.warning("escpos printer stopped answering: %s", error)
            return PrinterStatus.OFFLINE
        except Exception:
            log.warning("escpos printer status unreadable", exc_info=True)
            return PrinterStatus.UNKNOWN
        finally:
            link.close()
        if paper is None:
            return PrinterStatus.OFFLINE
        return {2: PrinterStatus.READY, 1: PrinterStatus.PAPER_LOW}.get(
            paper, PrinterStatus.NO_PAPER
        )

    def print_slip(self, slip: Slip) -> str:
        """Send the whole slip and have it confirmed; raise PrinterFault saying whether any
        byte reached the printer."""
        from kiosk.printing.escpos_render import slip_bytes

        try:
            link = self.connect()
        except PrinterFault:
            raise
        except Exception as error:
            raise PrinterFault(f"cannot connect: {error}", sent=False) from error
        size = 0
        try:
            data = slip_bytes(
                slip,
                self.paper,
                self.dots_per_line,
                self.native_qr,
                self.kazakh_codepage,
                profile=link.profile,
            )
            size = len(data)
            link.send(data)
            link.confirm()
        except Exception as error:
            if not link.sent:
                raise PrinterFault(f"nothing was sent: {error}", sent=False) from error
            raise PrinterFault(
                f"printing stopped after {link.accepted} of {size} bytes: {error}", sent=True
            ) from error
        finally:
            link.close()
        return f"escpos: {slip.reference}"


def connect_escpos(escpos: EscposPrinter, timeout: float) -> Link:
    """Open the configured printer's connection, with `timeout` seconds for every wait.

    Raise PrinterFault(sent=False), saying what is missing, when it cannot be opened: a
    refused or unreachable network printer, no such USB device (or no permission to open
    it), no such serial port or device file."""
    from escpos import printer

    kind: type[Link]
    if escpos.connection == "network":
        where = f"the network printer at {escpos.host}:{escpos.port}"
        device: Any = printer.Network(
            escpos.host, port=escpos.port, timeout=timeout, profile=escpos.profile
        )
        kind = NetworkLink
    elif escpos.connection == "usb":
        where = f"the USB printer {escpos.usb_vendor:04x}:{escpos.usb_product:04x}"
        device = printer.Usb(
            escpos.usb_vendor,
            escpos.usb_product,
            timeout=max(1, round(timeout * 1000)),
            profile=escpos.profile,
        )
        kind = UsbLink
    elif escpos.connection == "serial":
        where = f"the serial printer on {escpos.serial_port}"
        device = printer.Serial(
            escpos.serial_port, baudrate=escpos.baudrate, timeout=timeout, profile=escpos.profile
        )
        kind = SerialLink
    else:
        where = f"the printer device {escpos.device}"
        device = printer.File(escpos.device, profile=escpos.profile)
        kind = FileLink
    try:
        if kind is NetworkLink:  # python-escpos leaves a refused socket unclosed
            device.device = socket.create_connection((escpos.host, escpos.port), timeout)
        else:
            device.open()  # python-escpos would open lazily, inside the first write
        if kind is SerialLink:
            device.device.write_timeout = timeout
    except Exception as error:
        Link(device, timeout).close()
        reason = " ".join(str(error).split())
        raise PrinterFault(f"cannot open {where}: {reason}", sent=False) from error
    return kind(device, timeout)
