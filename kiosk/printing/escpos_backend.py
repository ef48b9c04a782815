"""A thermal receipt printer spoken to in ESC/POS through python-escpos."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from kiosk.logic.slip import Slip
from kiosk.printing.backends import PrinterFault, PrinterStatus
from kiosk.printing.layout import Paper
from kiosk.settings import EscposPrinter

log = logging.getLogger(__name__)


class EscposBackend:
    """A thermal receipt printer spoken to in ESC/POS (python-escpos: USB, network,
    serial or a device file). Text the printer's code pages cannot show (Kazakh letters)
    is printed as an image; QR codes natively when the printer supports it."""

    name = "escpos"

    def __init__(
        self,
        connect: Callable[[], Any],
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
            printer = self.connect()
        except Exception as error:
            log.warning("escpos printer does not answer: %s", error)
            return PrinterStatus.OFFLINE
        try:
            if not printer.is_online():
                return PrinterStatus.OFFLINE
            paper = printer.paper_status()
        except Exception:
            return PrinterStatus.UNKNOWN
        finally:
            _close(printer)
        return {2: PrinterStatus.READY, 1: PrinterStatus.PAPER_LOW}.get(
            paper, PrinterStatus.NO_PAPER
        )

    def print_slip(self, slip: Slip) -> str:
        from kiosk.printing.escpos_render import send_slip

        try:
            printer = self.connect()
        except Exception as error:
            raise PrinterFault(f"cannot connect: {error}", sent=False) from error
        started = False
        try:
            started = True
            send_slip(
                printer, slip, self.paper, self.dots_per_line, self.native_qr, self.kazakh_codepage
            )
        except Exception as error:
            raise PrinterFault(f"printing stopped: {error}", sent=started) from error
        finally:
            _close(printer)
        return f"escpos: {slip.reference}"


def _close(printer: Any) -> None:
    try:
        printer.close()
    except Exception:  # closing a dead connection may fail too; nothing more to do
        log.debug("closing the printer failed", exc_info=True)


def connect_escpos(escpos: EscposPrinter, timeout: float) -> Any:
    """Open a python-escpos connection."""
    from escpos import printer

    if escpos.connection == "network":
        return printer.Network(
            escpos.host, port=escpos.port, timeout=timeout, profile=escpos.profile
        )
    if escpos.connection == "usb":
        return printer.Usb(
            escpos.usb_vendor,
            escpos.usb_product,
            timeout=round(timeout * 1000),
            profile=escpos.profile,
        )
    if escpos.connection == "serial":
        return printer.Serial(
            escpos.serial_port, baudrate=escpos.baudrate, timeout=timeout, profile=escpos.profile
        )
    device = printer.File(escpos.device, profile=escpos.profile)
    device.open()
    return device
