"""Reading what a widget drew: grab it, turn it into grey pixels, decode QR codes."""

from __future__ import annotations

import numpy as np
import zxingcpp
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget


def grey(image: QImage) -> np.ndarray:
    """A QImage as a 2-D array of grey levels."""
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = np.frombuffer(image.constBits(), dtype=np.uint8)
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width()].copy()


def decode_qr(widget: QWidget) -> list[str]:
    """The texts of every QR code visible in the widget's rendering."""
    pixels = grey(widget.grab().toImage())
    return [result.text for result in zxingcpp.read_barcodes(pixels)]
