"""Printer back ends: PDF files (the default), a system printer by name, ESC/POS thermal
printers. Each says how the printer is before a job and prints a Slip, or raises
PrinterFault saying whether anything reached the paper."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

from kiosk.logic.slip import Slip
from kiosk.printing.layout import Paper

log = logging.getLogger(__name__)


class PrinterStatus(Enum):
    """What a printer says before a job."""

    READY = "ready"
    PAPER_LOW = "paper-low"
    NO_PAPER = "no-paper"
    OFFLINE = "offline"
    UNKNOWN = "unknown"


class PrinterFault(Exception):
    """A job failed. `sent`: some of it may have reached the printer (outcome unknown)."""

    def __init__(self, message: str, *, sent: bool) -> None:
        super().__init__(message)
        self.sent = sent


class Backend(Protocol):
    """A printer."""

    name: str

    def status(self) -> PrinterStatus:
        """Ask the printer how it is."""
        ...

    def print_slip(self, slip: Slip) -> str:
        """Print; return a detail for the journal (a file, a job id). Raise PrinterFault."""
        ...


class PdfBackend:
    """Each slip becomes `<reference>.pdf` in a folder."""

    name = "pdf"

    def __init__(self, folder: Path, paper: Paper) -> None:
        self.folder, self.paper = folder, paper

    def status(self) -> PrinterStatus:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return PrinterStatus.OFFLINE
        probe = self.folder / ".probe"
        try:
            probe.write_bytes(b"")
            probe.unlink()
        except OSError:
            return PrinterStatus.OFFLINE
        return PrinterStatus.READY

    def print_slip(self, slip: Slip) -> str:
        """Write the slip to a partial file, flush it to the disk, check it is a whole PDF
        with every page, and only then give it its name: anything less is a failure, and
        no half-written slip ever bears a reference."""
        from kiosk.printing.pdf import check_pdf, render_pdf

        path = self.folder / f"{slip.reference}.pdf"
        partial = path.with_suffix(".part")
        try:
            partial.write_bytes(b"")  # an unwritable folder fails here, before Qt paints
            pages = render_pdf(slip, partial, self.paper)
            with open(partial, "rb") as written:
                os.fsync(written.fileno())
            problem = check_pdf(partial, pages)
            if problem is not None:
                raise PrinterFault(f"{path.name} was not written whole: {problem}", sent=False)
            partial.replace(path)
            folder = os.open(self.folder, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
        except OSError as error:
            raise PrinterFault(f"cannot write {path}: {error}", sent=False) from error
        finally:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
        return str(path)


class SystemBackend:
    """A printer the operating system knows (CUPS, the Windows spooler), by name."""

    name = "system"

    def __init__(self, printer_name: str, paper: Paper) -> None:
        self.printer_name, self.paper = printer_name, paper

    def status(self) -> PrinterStatus:
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        info = QPrinterInfo.printerInfo(self.printer_name)
        if info.isNull():
            return PrinterStatus.OFFLINE
        state = info.state()
        if state == QPrinter.PrinterState.Error:
            return PrinterStatus.OFFLINE
        if state in (QPrinter.PrinterState.Idle, QPrinter.PrinterState.Active):
            return PrinterStatus.READY
        return PrinterStatus.UNKNOWN

    def print_slip(self, slip: Slip) -> str:
        from PySide6.QtCore import QMarginsF, QSizeF
        from PySide6.QtGui import QPageLayout, QPageSize, QPainter
        from PySide6.QtPrintSupport import QPrinter

        from kiosk.printing.layout import SlipLayout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPrinterName(self.printer_name)
        printer.setDocName(f"Slip {slip.reference}")
        dpi = printer.resolution()
        layout = SlipLayout(slip, self.paper, printer, dpi)
        height = self.paper.height_mm or layout.height_mm()
        page = QPageSize(QSizeF(self.paper.width_mm, height), QPageSize.Unit.Millimeter)
        printer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF()))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterFault(f"printer {self.printer_name!r} refused the job", sent=False)
        try:
            layout.paint(painter, printer.newPage)
        except Exception as error:
            raise PrinterFault(f"printing stopped: {error}", sent=True) from error
        finally:
            painter.end()
        return f"{self.printer_name}: {slip.reference}"


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
