"""A QR code drawn crisply: a whole number of pixels per module, never a scaled blur."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QRect, QSize, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.printing.qrdraw import draw_matrix, matrix_image

if TYPE_CHECKING:
    from kiosk.logic.qrmatrix import QrMatrix

MIN_MODULE_PX = 4  # below this a phone camera at arm's length struggles


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
        # The encoder (numpy) loads with the first code, not at start-up.
        from kiosk.logic.qrmatrix import qr_matrix

        self._matrix = qr_matrix(payload) if payload else None
        self._image = matrix_image(self._matrix) if self._matrix else None
        side = (self._matrix.size if self._matrix else 0) * MIN_MODULE_PX
        if self.minimumWidth() != side:  # a new code of another version needs more room
            self.setMinimumSize(side, side)
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

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(width, self.minimumHeight())  # square: no empty band above or below

    def sizeHint(self) -> QSize:
        modules = self._matrix.size if self._matrix else 0
        return QSize(modules * 6, modules * 6)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._matrix is None or self._image is None:
            return
        painter = QPainter(self)
        rect = self.code_rect()
        draw_matrix(painter, self._matrix, rect.x(), rect.y(), self.module_px(), self._image)
        painter.end()
