"""The printer back end the settings ask for."""

from __future__ import annotations

from typing import Any

from kiosk.printing.backends import Backend, PdfBackend
from kiosk.printing.escpos_backend import EscposBackend
from kiosk.printing.layout import PAPERS
from kiosk.printing.system_printer import SystemBackend
from kiosk.settings import EscposPrinter, Settings


def make_backend(settings: Settings) -> Backend:
    """Build the configured back end (nothing is connected until a job or status call)."""
    printer = settings.printer
    paper = PAPERS[printer.paper]
    if printer.backend == "system":
        return SystemBackend(printer.name, paper)
    if printer.backend == "escpos":
        escpos = printer.escpos
        return EscposBackend(
            lambda: connect_escpos(escpos, printer.timeout),
            paper,
            dots_per_line=escpos.dots_per_line,
            native_qr=escpos.native_qr,
            kazakh_codepage=escpos.kazakh_codepage,
            can_read_status=escpos.connection != "file",
        )
    return PdfBackend(printer.folder or settings.data_folder / "slips", paper)


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
