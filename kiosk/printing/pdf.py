"""Slips as PDF files: an 80 mm receipt layout, text as text, QR codes dot for dot."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.i18n import LocalText, Strings
from kiosk.logic.qrmatrix import qr_matrix
from kiosk.logic.quote import Quote
from kiosk.logic.slip import Block, Slip, make_slip
from kiosk.printing.outcome import PrintOutcome, PrintStatus
from kiosk.qrdraw import draw_matrix, module_dots

log = logging.getLogger(__name__)

DPI = 300
ROLL_MM = 80.0
MARGIN_MM = 4.0  # 72 mm printable on an 80 mm roll
QR_MM = 40.0
POINTS = {
    "title": 12.0,
    "heading": 10.0,
    "text": 9.0,
    "small": 8.0,
    "row": 9.0,
    "total": 12.0,
    "demo": 9.0,
}
GAP_MM = 1.2


def _dots(mm: float) -> float:
    return mm / 25.4 * DPI


def _font(style: str) -> QFont:
    font = QFont("Noto Sans")
    font.setPointSizeF(POINTS.get(style, 9.0))
    font.setBold(style in ("title", "heading", "total", "demo"))
    return font


def render_pdf(slip: Slip, path: Path, width_mm: float = ROLL_MM) -> None:
    """Write `slip` to `path` as a PDF page `width_mm` wide and as long as it needs."""
    width = _dots(width_mm - 2 * MARGIN_MM)
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(f"Slip {slip.reference}")
    writer.setCreator("kiosk")
    heights = [_height(block, width, writer) for block in slip.blocks]
    height_mm = sum(heights) / DPI * 25.4 + 2 * MARGIN_MM + GAP_MM * len(heights)
    page = QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter, "slip")
    writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    try:
        y = _dots(MARGIN_MM)
        x = _dots(MARGIN_MM)
        for block, height in zip(slip.blocks, heights, strict=True):
            _draw(painter, block, QRectF(x, y, width, height))
            y += height + _dots(GAP_MM)
    finally:
        painter.end()


def _height(block: Block, width: float, device: QPdfWriter) -> float:
    if block.style == "rule":
        return _dots(1.0)
    if block.style == "qr":
        return _dots(QR_MM)
    metrics = QFontMetricsF(_font(block.style), device)
    flags = int(Qt.TextFlag.TextWordWrap)
    if block.style in ("row", "total"):
        left = metrics.boundingRect(QRectF(0, 0, width * 0.55, 1e6), flags, block.text).height()
        right = metrics.boundingRect(QRectF(0, 0, width * 0.45, 1e6), flags, block.value).height()
        return max(left, right)
    return metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, block.text).height()


def _draw(painter: QPainter, block: Block, rect: QRectF) -> None:
    wrap = int(Qt.TextFlag.TextWordWrap)
    if block.style == "rule":
        painter.drawLine(rect.left(), rect.center().y(), rect.right(), rect.center().y())
        return
    if block.style == "qr":
        matrix = qr_matrix(block.payload)
        module = module_dots(matrix, QR_MM, DPI)
        side = module * matrix.size
        left = round(rect.left() + (rect.width() - side) / 2)
        draw_matrix(painter, matrix, left, round(rect.top()), module)
        return
    painter.setFont(_font(block.style))
    if block.style in ("row", "total"):
        painter.drawText(
            QRectF(rect.left(), rect.top(), rect.width() * 0.55, rect.height()),
            wrap | int(Qt.AlignmentFlag.AlignLeft),
            block.text,
        )
        painter.drawText(
            QRectF(
                rect.left() + rect.width() * 0.55, rect.top(), rect.width() * 0.45, rect.height()
            ),
            wrap | int(Qt.AlignmentFlag.AlignRight),
            block.value,
        )
        return
    align = (
        Qt.AlignmentFlag.AlignHCenter
        if block.style in ("title", "demo")
        else Qt.AlignmentFlag.AlignLeft
    )
    painter.drawText(rect, wrap | int(align), block.text)


class PdfSlipPrinter:
    """The default back end: each slip becomes `<reference>.pdf` in a folder."""

    def __init__(
        self,
        folder: Path,
        catalogue: Catalogue,
        strings: Strings,
        centre_name: LocalText,
        kiosk_id: str,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.folder, self.catalogue, self.strings = folder, catalogue, strings
        self.centre_name, self.kiosk_id, self.now = centre_name, kiosk_id, now

    def slip(self, quote: Quote, reference: str, have: set[str]) -> Slip:
        """The slip for a quote."""
        return make_slip(
            quote,
            self.catalogue,
            self.strings,
            centre_name=self.centre_name,
            kiosk_id=self.kiosk_id,
            printed_at=self.now(),
            reference=reference,
            have=have,
        )

    def print_slip(self, quote: Quote, reference: str, have: set[str]) -> PrintOutcome:
        """Write the PDF; a file-system fault is a failed print, not a crash."""
        path = self.folder / f"{reference}.pdf"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            render_pdf(self.slip(quote, reference, have), path)
        except OSError as error:
            return PrintOutcome(PrintStatus.FAILED, f"cannot write {path}: {error}")
        if not path.exists() or path.stat().st_size == 0:
            return PrintOutcome(PrintStatus.FAILED, f"nothing was written to {path}")
        return PrintOutcome(PrintStatus.PRINTED, str(path))
