"""A printer the operating system knows (CUPS, the Windows spooler), by name."""

from __future__ import annotations

from kiosk.logic.slip import Slip
from kiosk.printing.backends import PrinterFault, PrinterStatus
from kiosk.printing.layout import Paper


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
