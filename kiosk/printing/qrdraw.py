"""Drawing a QR matrix on any Qt paint device (screen, PDF, printer), dot for dot.

Each module is a whole number of device pixels (screen pixels or printer dots); the code is
never a scaled bitmap, so it stays sharp wherever it is drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter

if TYPE_CHECKING:  # the encoder (numpy) is loaded with the first code, not at start-up
    from kiosk.logic.qrmatrix import QrMatrix

MM_PER_INCH = 25.4
_GREY = bytes([255, 0]) + bytes(254)  # a module's 0 (light) or 1 (dark) to its grey level


def matrix_image(matrix: QrMatrix) -> QImage:
    """The matrix at one pixel per module (quiet zone included), black on white."""
    pixels = b"".join(bytes(row) for row in matrix.rows).translate(_GREY)
    size = matrix.size
    image = QImage(pixels, size, size, size, QImage.Format.Format_Grayscale8)
    return image.copy()  # own the pixels; the byte string goes away


def module_dots(matrix: QrMatrix, side_mm: float, dots_per_inch: float) -> int:
    """Whole dots per module for a code at most `side_mm` wide on a device of this density."""
    return max(1, int(side_mm / MM_PER_INCH * dots_per_inch) // matrix.size)


def draw_matrix(
    painter: QPainter, matrix: QrMatrix, x: int, y: int, module: int, image: QImage | None = None
) -> QRect:
    """Draw `matrix` with its top-left corner at device pixel (x, y), `module` pixels per
    module; returns where it went. `image` may pass a cached `matrix_image(matrix)`."""
    side = module * matrix.size
    target = QRect(x, y, side, side)
    painter.save()
    # Scaling by a whole factor with no smoothing keeps every module a sharp square.
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    painter.drawImage(target, image if image is not None else matrix_image(matrix))
    painter.restore()
    return target
