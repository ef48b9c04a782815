"""Drawing a QR matrix on any Qt paint device (screen, PDF, printer), dot for dot.

Each module is a whole number of device pixels (screen pixels or printer dots); the code is
never a scaled bitmap, so it stays sharp wherever it is drawn.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter

from kiosk.logic.qrmatrix import QrMatrix

MM_PER_INCH = 25.4


def matrix_image(matrix: QrMatrix) -> QImage:
    """The matrix at one pixel per module (quiet zone included), black on white."""
    modules = np.where(np.array(matrix.rows, dtype=bool), 0, 255).astype(np.uint8)
    size = matrix.size
    image = QImage(modules.tobytes(), size, size, size, QImage.Format.Format_Grayscale8)
    return image.copy()  # own the pixels; the numpy buffer goes away


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
