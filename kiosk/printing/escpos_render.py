"""A slip in ESC/POS: text in a code page the printer has, as an image where it has none.

Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І) exist only in the Kazakh code page RK1048 (number 53 on
Epson-compatible printers). With it, text is sent as text; without it, any block the
printer cannot show (Kazakh, the tenge sign) is drawn with the bundled font and sent as a
raster image, so it prints the same on every printer. QR codes go natively (GS ( k) when
the printer supports it, else as an image with whole dots per module.
"""

from __future__ import annotations

from typing import Any

from PIL import Image
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from kiosk.logic.slip import Block, Slip
from kiosk.printing.layout import Paper, SlipLayout
from kiosk.printing.qrdraw import draw_matrix, module_dots

THERMAL_DPI = 203  # 8 dots per millimetre: 576 dots on 72 mm
ESC_T = b"\x1bt"  # select character code table
KAZAKH_CODEPAGE = 53  # RK1048
RUSSIAN_CODEPAGE = 17  # PC866
COLUMNS = 48  # font A, 12 dots wide, on 576 dots


def slip_bytes(
    slip: Slip,
    paper: Paper,
    dots_per_line: int = 576,
    native_qr: bool = False,
    kazakh_codepage: bool = False,
    profile: Any = None,
) -> bytes:
    """The whole slip as bytes for a printer with `profile` (python-escpos' profile or its
    name), made before any is sent: a slip that cannot be made sends nothing."""
    from escpos.printer import Dummy

    buffer = Dummy(profile=profile if isinstance(profile, str) else None)
    if profile is not None and not isinstance(profile, str):
        buffer.profile = profile  # python-escpos takes only its own Profile class by value
    send_slip(buffer, slip, paper, dots_per_line, native_qr, kazakh_codepage)
    return bytes(buffer.output)


def send_slip(
    printer: Any,
    slip: Slip,
    paper: Paper,
    dots_per_line: int = 576,
    native_qr: bool = False,
    kazakh_codepage: bool = False,
) -> None:
    """Send the whole slip to a python-escpos printer, then cut."""
    printer.hw("INIT")
    for block in slip.blocks:
        if block.style == "qr":
            _send_qr(printer, block.payload, paper, dots_per_line, native_qr)
            continue
        if block.style == "rule":
            printer.set(align="left", bold=False, normal_textsize=True)
            printer._raw(b"-" * COLUMNS + b"\n")
            continue
        encoded = _encode(_line(block), kazakh_codepage)
        if encoded is None:
            printer.image(_block_image(block, slip, paper, dots_per_line), center=False)
            continue
        codepage, data = encoded
        big = block.style in ("title", "total")
        printer.set(
            align="center" if block.style in ("title", "demo") else "left",
            bold=block.style in ("title", "heading", "total", "demo"),
            double_height=big,
            normal_textsize=not big,
        )
        printer._raw(ESC_T + bytes([codepage]) + data + b"\n")
    printer.set(align="left", bold=False, normal_textsize=True)
    printer.cut()


def _line(block: Block) -> str:
    if block.style not in ("row", "total"):
        return block.text
    width = COLUMNS // 2 if block.style == "total" else COLUMNS
    gap = max(1, width - len(block.text) - len(block.value))
    return f"{block.text}{' ' * gap}{block.value}"


def _encode(text: str, kazakh_codepage: bool) -> tuple[int, bytes] | None:
    """The code page and bytes for `text`, or None when the printer cannot show it."""
    text = text.replace("\u00a0", " ")
    for codepage, codec in ((RUSSIAN_CODEPAGE, "cp866"), (KAZAKH_CODEPAGE, "kz1048")):
        if codepage == KAZAKH_CODEPAGE and not kazakh_codepage:
            continue
        try:
            return codepage, text.encode(codec)
        except UnicodeEncodeError:
            continue
    return None


def _block_image(block: Block, slip: Slip, paper: Paper, dots_per_line: int) -> Image.Image:
    """One block drawn with the bundled font at the printer's density, black on white."""
    single = Slip(reference=slip.reference, language=slip.language, blocks=(block,))
    probe = QImage(dots_per_line, 8, QImage.Format.Format_Grayscale8)
    probe.setDotsPerMeterX(round(THERMAL_DPI / 0.0254))
    probe.setDotsPerMeterY(round(THERMAL_DPI / 0.0254))
    layout = SlipLayout(single, paper, probe, THERMAL_DPI, width=float(dots_per_line))
    height = max(1, round(layout.heights[0]) + 4)
    image = QImage(dots_per_line, height, QImage.Format.Format_Grayscale8)
    image.setDotsPerMeterX(probe.dotsPerMeterX())
    image.setDotsPerMeterY(probe.dotsPerMeterY())
    image.fill(255)
    painter = QPainter(image)
    layout.draw_block(painter, block, QRectF(0, 2, dots_per_line, layout.heights[0]))
    painter.end()
    return _to_pil(image)


def _send_qr(printer: Any, payload: str, paper: Paper, dots_per_line: int, native: bool) -> None:
    from kiosk.logic.qrmatrix import qr_matrix  # numpy: loaded with the first code

    matrix = qr_matrix(payload)
    module = module_dots(matrix, paper.qr_mm, THERMAL_DPI)
    printer.set(align="center")
    if native:
        printer.qr(payload, size=max(1, min(16, module)), native=True)
        return
    side = module * matrix.size
    image = QImage(dots_per_line, side, QImage.Format.Format_Grayscale8)
    image.fill(255)
    painter = QPainter(image)
    draw_matrix(painter, matrix, (dots_per_line - side) // 2, 0, module)
    painter.end()
    printer.image(_to_pil(image), center=False)


def _to_pil(image: QImage) -> Image.Image:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(grey.constBits())[: grey.bytesPerLine() * grey.height()]
    picture = Image.frombytes(
        "L", (grey.width(), grey.height()), data, "raw", "L", grey.bytesPerLine()
    )
    return picture.point(lambda level: 0 if level < 128 else 255).convert("1")
