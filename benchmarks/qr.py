"""Payment QR codes: build the payload, the matrix, and draw it as the screen does.

Target: building and drawing one code under 5 ms. For comparison, `qrcode` making the same
matrix on its own (it tries all eight masks in pure Python).
"""

from __future__ import annotations

import os
from decimal import Decimal

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qrcode
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from qrcode.constants import ERROR_CORRECT_M

from benchmarks.timing import sample, summary
from kiosk.logic.payment import build_payload
from kiosk.logic.qrmatrix import qr_matrix
from kiosk.settings import demo_payment_profiles
from kiosk.ui.widgets.qr_view import QrView

RUNS = 300
SIDE = 480  # pixels: the result screen's QR at 1920×1080


def main() -> None:
    app = QApplication.instance() or QApplication([])  # noqa: F841 - kept alive to the end
    profile = demo_payment_profiles()["state-budget"]

    def payload(i: int) -> str:
        return build_payload(
            profile, Decimal(865 + i), f"K01-20261123-{i % 10000:04d}", "state-duty"
        )

    view = QrView()
    view.resize(SIDE, SIDE)
    canvas = QImage(SIDE, SIDE, QImage.Format.Format_RGB32)

    def build_and_draw(i: int) -> None:
        view.set_payload(payload(i))
        view.render(canvas)

    def qrcode_alone(i: int) -> None:
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
        code.add_data(payload(i).encode("utf-8"))
        code.make(fit=True)
        code.get_matrix()

    sample_payload = payload(0)
    size = qr_matrix(sample_payload).size
    print(f"payload of {len(sample_payload)} characters, {size}×{size} modules, {RUNS} runs")
    print(f"  payload only            {summary(sample(payload, RUNS))}")
    print(f"  payload + matrix        {summary(sample(lambda i: qr_matrix(payload(i)), RUNS))}")
    print(f"  payload + matrix + draw {summary(sample(build_and_draw, RUNS))}   (target < 5 ms)")
    print(f"  qrcode alone, for scale {summary(sample(qrcode_alone, RUNS // 3))}")
