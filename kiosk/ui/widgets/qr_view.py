"""A QR code drawn crisply: a whole number of pixels per module, never a scaled blur."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Property, QRect, QSize, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.logic.qrmatrix import QrMatrix, qr_matrix

MIN_MODULE_PX = 4  # below this a phone camera at arm's length struggles


def matrix_image(matrix: QrMatrix) -> QImage:
    """The matrix at one pixel per module (quiet zone included), black on white."""
    modules = np.where(np.array(matrix.rows, dtype=bool), 0, 255).astype(np.uint8)
    size = matrix.size
    image = QImage(modules.tobytes(), size, size, size, QImage.Format.Format_Grayscale8)
    return image.copy()  # own the pixels; the numpy buffer goes away


class QrView(QWidget):
    """Shows one QR code, centred, as large as whole pixels per module allow.

    Signals: payloadChanged(str). Property `payload`: the encoded string (tests read it).
    """

    payloadChanged = Signal(str)

    def __init__(self, payload: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._payload = ""
        self._matrix: QrMatrix | None = None
        self._image: QImage | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._set_payload(payload)

    def _get_payload(self) -> str:
        return self._payload

    def _set_payload(self, payload: str) -> None:
        if payload == self._payload:
            return
        self._payload = payload
        self._matrix = qr_matrix(payload) if payload else None
        self._image = matrix_image(self._matrix) if self._matrix else None
        modules = self._matrix.size if self._matrix else 0
        self.setMinimumSize(modules * MIN_MODULE_PX, modules * MIN_MODULE_PX)
        self.updateGeometry()
        self.update()
        self.payloadChanged.emit(payload)

    payload = Property(str, _get_payload, _set_payload, notify=payloadChanged)

    def set_payload(self, payload: str) -> None:
        """Show a new code (an empty string shows nothing)."""
        self._set_payload(payload)

    def module_px(self) -> int:
        """Pixels per module at the current size (0 when there is no code)."""
        if self._matrix is None:
            return 0
        return min(self.width(), self.height()) // self._matrix.size

    def code_rect(self) -> QRect:
        """Where the code (quiet zone included) is drawn."""
        if self._matrix is None:
            return QRect()
        side = self.module_px() * self._matrix.size
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def sizeHint(self) -> QSize:
        modules = self._matrix.size if self._matrix else 0
        return QSize(modules * 6, modules * 6)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._image is None:
            return
        painter = QPainter(self)
        # Scaling by a whole factor with no smoothing keeps every module a sharp square.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(self.code_rect(), self._image)
        painter.end()
