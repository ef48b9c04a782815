"""Printer back ends: PDF files (the default), a system printer by name, ESC/POS thermal
printers. Each says how the printer is before a job and prints a Slip, or raises
PrinterFault saying whether anything reached the paper."""

from __future__ import annotations

import contextlib
import logging
import os
from enum import Enum
from pathlib import Path
from typing import Protocol

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
            self.folder.mkdir(parents=True, exist_ok=True)  # deleted while the kiosk ran
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
