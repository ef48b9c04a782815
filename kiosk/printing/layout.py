"""Laying a slip out on paper: an 80 mm receipt roll (72 mm printable) or A4.

Sizes are millimetres and points, never screen pixels: the same layout paints a PDF page,
a system printer's page, or a raster image for a thermal printer at its own dot density.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPaintDevice, QPainter

from kiosk.logic.slip import Block, Slip
from kiosk.printing.qrdraw import draw_matrix, module_dots

MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Paper:
    """A paper format: its width, the printable width, and how big things are on it."""

    name: str
    width_mm: float
    printable_mm: float
    qr_mm: float
    points: dict[str, float]
    gap_mm: float
    height_mm: float | None = None  # None: a roll, as long as the slip needs

    @property
    def margin_mm(self) -> float:
        """Left and right margin."""
        return (self.width_mm - self.printable_mm) / 2


ROLL_80 = Paper(
    name="80mm",
    width_mm=80.0,
    printable_mm=72.0,
    qr_mm=40.0,
    points={"title": 12, "heading": 10, "text": 9, "small": 8, "row": 9, "total": 12, "demo": 9},
    gap_mm=1.2,
)
A4 = Paper(
    name="a4",
    width_mm=210.0,
    printable_mm=170.0,
    qr_mm=50.0,
    points={
        "title": 18,
        "heading": 13,
        "text": 11,
        "small": 10,
        "row": 11,
        "total": 15,
        "demo": 11,
    },
    gap_mm=2.0,
    height_mm=297.0,
)
PAPERS = {paper.name: paper for paper in (ROLL_80, A4)}


def font(style: str, paper: Paper) -> QFont:
    """The font of a block style on a paper."""
    result = QFont("Noto Sans")
    result.setPointSizeF(paper.points.get(style, paper.points["text"]))
    result.setBold(style in ("title", "heading", "total", "demo"))
    return result


def dots(mm: float, dpi: float) -> float:
    """Millimetres in device dots."""
    return mm / MM_PER_INCH * dpi


class SlipLayout:
    """Where each block of a slip goes on a paper, for a device of a given density."""

    def __init__(
        self,
        slip: Slip,
        paper: Paper,
        device: QPaintDevice,
        dpi: float,
        width: float | None = None,
    ) -> None:
        self.slip, self.paper, self.device, self.dpi = slip, paper, device, dpi
        self.width = width if width is not None else dots(paper.printable_mm, dpi)
        self.heights = [self.block_height(block) for block in slip.blocks]

    def height_mm(self) -> float:
        """The length of paper the slip takes, margins included."""
        content = sum(self.heights) / self.dpi * MM_PER_INCH
        return content + len(self.heights) * self.paper.gap_mm + 2 * self.paper.margin_mm

    def block_height(self, block: Block) -> float:
        """Device dots a block takes at the layout's width."""
        if block.style == "rule":
            return dots(1.0, self.dpi)
        if block.style == "qr":
            return dots(self.paper.qr_mm, self.dpi)
        metrics = QFontMetricsF(font(block.style, self.paper), self.device)
        wrap = int(Qt.TextFlag.TextWordWrap)
        if block.style in ("row", "total"):
            left = metrics.boundingRect(QRectF(0, 0, self.width * 0.42, 1e6), wrap, block.text)
            right = metrics.boundingRect(QRectF(0, 0, self.width * 0.58, 1e6), wrap, block.value)
            return max(left.height(), right.height())
        return metrics.boundingRect(QRectF(0, 0, self.width, 1e6), wrap, block.text).height()

    def paint(self, painter: QPainter, new_page: Callable[[], object] | None = None) -> None:
        """Paint every block down the paper. On cut sheets (A4), a block that does not fit
        goes to the next page, which `new_page` starts."""
        margin = dots(self.paper.margin_mm, self.dpi)
        gap = dots(self.paper.gap_mm, self.dpi)
        bottom = dots(self.paper.height_mm, self.dpi) - margin if self.paper.height_mm else None
        y = margin
        for block, height in zip(self.slip.blocks, self.heights, strict=True):
            off_the_page = bottom is not None and y + height > bottom and y > margin
            if off_the_page and new_page is not None:
                new_page()
                y = margin
            self.draw_block(painter, block, QRectF(margin, y, self.width, height))
            y += height + gap

    def draw_block(self, painter: QPainter, block: Block, rect: QRectF) -> None:
        """Paint one block into `rect` (device dots)."""
        wrap = int(Qt.TextFlag.TextWordWrap)
        if block.style == "rule":
            painter.drawLine(rect.left(), rect.center().y(), rect.right(), rect.center().y())
            return
        if block.style == "qr":
            from kiosk.logic.qrmatrix import qr_matrix  # numpy: loaded with the first code

            matrix = qr_matrix(block.payload)
            module = module_dots(matrix, self.paper.qr_mm, self.dpi)
            side = module * matrix.size
            draw_matrix(
                painter,
                matrix,
                round(rect.left() + (rect.width() - side) / 2),
                round(rect.top()),
                module,
            )
            return
        painter.setFont(font(block.style, self.paper))
        if block.style in ("row", "total"):
            left = QRectF(rect.left(), rect.top(), rect.width() * 0.42, rect.height())
            right = QRectF(left.right(), rect.top(), rect.width() * 0.58, rect.height())
            painter.drawText(left, wrap | int(Qt.AlignmentFlag.AlignLeft), block.text)
            painter.drawText(right, wrap | int(Qt.AlignmentFlag.AlignRight), block.value)
            return
        centred = block.style in ("title", "demo")
        align = Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignLeft
        if block.style == "demo":
            painter.drawRect(rect.adjusted(1, -1, -1, 1))
        painter.drawText(rect, wrap | int(align), block.text)
