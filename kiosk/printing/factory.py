"""The printer back end the settings ask for."""

from __future__ import annotations

from kiosk.printing.backends import Backend, PdfBackend
from kiosk.printing.escpos_backend import EscposBackend, connect_escpos
from kiosk.printing.layout import PAPERS
from kiosk.printing.system_printer import SystemBackend, poll_limit
from kiosk.settings import Settings


def make_backend(settings: Settings) -> Backend:
    """Build the configured back end (nothing is connected until a job or status call)."""
    printer = settings.printer
    paper = PAPERS[printer.paper]
    if printer.backend == "system":
        return SystemBackend(
            printer.name, paper, server=printer.cups_server, timeout=poll_limit(printer.timeout)
        )
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
