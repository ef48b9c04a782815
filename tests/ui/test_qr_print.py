"""QR codes drawn for paper: whole printer dots per module, decodable at print densities."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from PySide6.QtGui import QImage, QPainter

from kiosk.logic.payment import build_payload
from kiosk.logic.qrmatrix import qr_matrix
from kiosk.printing.qrdraw import draw_matrix, module_dots
from kiosk.settings import demo_payment_profiles

from .pixels import grey

PAYLOAD = build_payload(
    demo_payment_profiles()["state-corporation"], Decimal(3372), "K01-20261123-0042", "expedite"
)


@pytest.mark.parametrize(("dpi", "side_mm"), [(203, 40), (180, 40), (300, 50), (600, 35)])
def test_printed_code_decodes(qapp, dpi: int, side_mm: float) -> None:
    import zxingcpp

    matrix = qr_matrix(PAYLOAD)
    module = module_dots(matrix, side_mm, dpi)
    assert module * matrix.size <= side_mm / 25.4 * dpi  # never wider than asked
    assert (module + 1) * matrix.size > side_mm / 25.4 * dpi  # as large as whole dots allow
    page = QImage(module * matrix.size + 40, module * matrix.size + 40, QImage.Format.Format_RGB32)
    page.setDotsPerMeterX(round(dpi / 0.0254))
    page.setDotsPerMeterY(round(dpi / 0.0254))
    page.fill(0xFFFFFF)
    painter = QPainter(page)
    rect = draw_matrix(painter, matrix, 20, 20, module)
    painter.end()
    pixels = grey(page)
    code = pixels[rect.top() : rect.bottom() + 1, rect.left() : rect.right() + 1]
    assert set(np.unique(code)) <= {0, 255}
    assert [r.text for r in zxingcpp.read_barcodes(pixels)] == [PAYLOAD]
