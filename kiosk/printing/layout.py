"""Laying a slip out on paper: an 80 mm receipt roll (72 mm printable) or A4.

Sizes are millimetres and points, never screen pixels: the same layout paints a PDF page,
a system printer's page, or a raster image for a thermal printer at its own dot density.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPaintDevice, QPainter, QTextLayout, QTextOption

from kiosk.logic.slip import Block, Slip
from kiosk.printing.qrdraw import draw_matrix, module_dots

if TYPE_CHECKING:  # the encoder (numpy) is loaded with the first code, not at start-up
    from kiosk.logic.qrmatrix import QrMatrix

MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Paper:
    """A paper format: its width, the printable width, and how big things are on it.

    `gap_mm` goes before a new section (a title, heading, rule or total),
    `line_gap_mm` between the lines of one (None: `gap_mm` everywhere). `leading` is the
    line height as a multiple of the point size (None: the font's own, which for Noto Sans
    is a loose 1.36). `caption_beside_qr` puts a payment code's caption to its right.
    """

    name: str
    width_mm: float
    printable_mm: float
    qr_mm: float
    points: dict[str, float]
    gap_mm: float
    height_mm: float | None = None  # None: a roll, as long as the slip needs
    line_gap_mm: float | None = None
    leading: float | None = None
    caption_beside_qr: bool = False

    @property
    def margin_mm(self) -> float:
        """Left and right margin."""
        return (self.width_mm - self.printable_mm) / 2


# A roll is paid for by the centimetre and the longest slip must stay within 30 cm: type
# is set as tight as receipts usually are, and a code's caption sits beside it.
ROLL_80 = Paper(
    name="80mm",
    width_mm=80.0,
    printable_mm=72.0,
    qr_mm=40.0,
    points={
        "title": 11,
        "heading": 9.5,
        "text": 8.5,
        "small": 7.5,
        "row": 8.5,
        "total": 11,
        "demo": 8,
    },
    gap_mm=1.0,
    line_gap_mm=0.4,
    leading=1.15,
    caption_beside_qr=True,
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


SECTION_STYLES = frozenset({"title", "heading", "rule", "total"})


@dataclass(frozen=True)
class Band:
    """A strip across the paper: one block, or a payment code with its caption beside it.
    `pieces` are rectangles in device dots from the band's top-left corner."""

    gap: float
    height: float
    pieces: tuple[tuple[Block, QRectF], ...]


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
        self.bands = self._bands()

    def height_mm(self) -> float:
        """The length of paper the slip takes, margins included."""
        content = sum(band.gap + band.height for band in self.bands)
        return content / self.dpi * MM_PER_INCH + 2 * self.paper.margin_mm

    def _gap(self, block: Block) -> float:
        line_gap = self.paper.line_gap_mm
        section = block.style in SECTION_STYLES or line_gap is None
        return dots(self.paper.gap_mm if section else line_gap, self.dpi)

    def _bands(self) -> list[Band]:
        blocks, bands, index = self.slip.blocks, [], 0
        while index < len(blocks):
            run = self._captioned_run(index)
            if run:
                bands.append(self._captioned_code(blocks[index : index + run]))
                index += run
                continue
            block, height = blocks[index], self.heights[index]
            bands.append(
                Band(self._gap(block), height, ((block, QRectF(0, 0, self.width, height)),))
            )
            index += 1
        return [replace(bands[0], gap=0.0), *bands[1:]] if bands else bands

    def _captioned_run(self, index: int) -> int:
        """How many blocks from `index` are a payment code with its caption before it (a
        text, perhaps a demo mark, then the code) to set side by side; 0 if none."""
        blocks = self.slip.blocks
        if not self.paper.caption_beside_qr or blocks[index].style != "text":
            return 0
        following = [block.style for block in blocks[index + 1 : index + 3]]
        if following[:1] == ["qr"]:
            return 2
        return 3 if following == ["demo", "qr"] else 0

    def _captioned_code(self, blocks: tuple[Block, ...]) -> Band:
        """The code on the left, its caption lines top-aligned to its right."""
        from kiosk.logic.qrmatrix import QUIET_ZONE

        *captions, code = blocks
        side = self.block_height(code)
        quiet = side * QUIET_ZONE / self._matrix(code).size  # the code's own white border
        left = side + dots(2.0, self.dpi)
        pieces = [(code, QRectF(0, 0, side, side))]
        y = quiet
        for caption in captions:
            height = self.text_height(caption, self.width - left)
            pieces.append((caption, QRectF(left, y, self.width - left, height)))
            y += height + dots(self.paper.line_gap_mm or self.paper.gap_mm, self.dpi)
        # The code's white border keeps it apart from what comes before: no section gap.
        return Band(self._gap(captions[0]), max(side, y), tuple(pieces))

    @staticmethod
    def _matrix(block: Block) -> QrMatrix:
        from kiosk.logic.qrmatrix import qr_matrix  # numpy: loaded with the first code

        return qr_matrix(block.payload)

    def block_height(self, block: Block) -> float:
        """Device dots a block takes at the layout's width."""
        if block.style == "rule":
            return dots(1.0, self.dpi)
        if block.style == "qr":
            matrix = self._matrix(block)
            return float(module_dots(matrix, self.paper.qr_mm, self.dpi) * matrix.size)
        if block.style in ("row", "total"):
            label, value = self._columns(block, self.width)
            left = self.text_height(block, label)
            right = self.text_height(block, value, block.value)
            return max(left, right)
        return self.text_height(block, self.width)

    def _columns(self, block: Block, width: float) -> tuple[float, float]:
        """Widths of a row's label and value: the value as wide as it is on one line (at
        most 58 % of the row), the label the rest."""
        layout, _ = self._lines(block.style, block.value, width)
        natural = layout.lineAt(0).naturalTextWidth() if layout.lineCount() else 0.0
        value = min(natural + dots(0.5, self.dpi), width * 0.58)
        return width - value - dots(1.5, self.dpi), value

    def text_height(self, block: Block, width: float, text: str | None = None) -> float:
        """Device dots the text of a block (or `text` in its style) takes at `width`."""
        return self._lines(block.style, block.text if text is None else text, width)[1]

    def _lines(
        self,
        style: str,
        text: str,
        width: float,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> tuple[QTextLayout, float]:
        """`text` broken into lines `width` dots wide, each `paper.leading` high; its height."""
        face = font(style, self.paper)
        layout = QTextLayout(text, face, self.device)
        option = QTextOption(align)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        step = None
        if self.paper.leading is not None:
            step = face.pointSizeF() * self.paper.leading / 72 * self.device.logicalDpiY()
        y = 0.0
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            height = line.height() if step is None else step
            line.setPosition(QPointF(0, y + (height - line.height()) / 2))
            y += height
        layout.endLayout()
        return layout, y

    def paint(self, painter: QPainter, new_page: Callable[[], object] | None = None) -> None:
        """Paint every block down the paper. On cut sheets (A4), a band that does not fit
        goes to the next page, which `new_page` starts."""
        margin = dots(self.paper.margin_mm, self.dpi)
        bottom = dots(self.paper.height_mm, self.dpi) - margin if self.paper.height_mm else None
        y = margin
        for band in self.bands:
            y += band.gap
            off_the_page = bottom is not None and y + band.height > bottom and y > margin
            if off_the_page and new_page is not None:
                new_page()
                y = margin
            for block, rect in band.pieces:
                self.draw_block(painter, block, rect.translated(margin, y))
            y += band.height

    def draw_block(self, painter: QPainter, block: Block, rect: QRectF) -> None:
        """Paint one block into `rect` (device dots)."""
        if block.style == "rule":
            painter.drawLine(rect.left(), rect.center().y(), rect.right(), rect.center().y())
            return
        if block.style == "qr":
            matrix = self._matrix(block)
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
            label, value = self._columns(block, rect.width())
            left = QRectF(rect.left(), rect.top(), label, rect.height())
            right = QRectF(rect.right() - value, rect.top(), value, rect.height())
            self._draw_text(painter, block.style, block.text, left, Qt.AlignmentFlag.AlignLeft)
            self._draw_text(painter, block.style, block.value, right, Qt.AlignmentFlag.AlignRight)
            return
        centred = block.style in ("title", "demo")
        align = Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignLeft
        if block.style == "demo":
            painter.drawRect(rect.adjusted(1, -1, -1, 1))
        self._draw_text(painter, block.style, block.text, rect, align)

    def _draw_text(
        self, painter: QPainter, style: str, text: str, rect: QRectF, align: Qt.AlignmentFlag
    ) -> None:
        layout, _ = self._lines(style, text, rect.width(), align)
        layout.draw(painter, rect.topLeft())
