"""Payment QR codes: build the payload, the matrix, and draw it as the screen does.

Target: building and drawing one code under 5 ms. Every run has its own payload (the matrix
cache never answers). For comparison, `qrcode`'s public API making the same code in pure
Python, with one fixed mask and choosing among all eight, when it is installed (python-escpos
brings it; the kiosk itself uses zxing-cpp).
"""

from __future__ import annotations

import os
from decimal import Decimal

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

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

    payloads = {i: payload(i) for i in range(-5, RUNS)}  # sample() warms up with -1 to -5

    view = QrView()
    view.resize(SIDE, SIDE)
    canvas = QImage(SIDE, SIDE, QImage.Format.Format_RGB32)

    def build_and_draw(i: int) -> None:
        view.set_payload(payload(i))
        view.render(canvas)

    sample_payload = payload(0)
    size = qr_matrix(sample_payload).size
    print(f"payload of {len(sample_payload)} characters, {size}×{size} modules, {RUNS} runs")
    print(f"  payload only            {summary(sample(payload, RUNS))}")
    qr_matrix.cache_clear()
    print(f"  matrix only             {summary(sample(lambda i: qr_matrix(payloads[i]), RUNS))}")
    qr_matrix.cache_clear()
    print(f"  payload + matrix        {summary(sample(lambda i: qr_matrix(payload(i)), RUNS))}")
    qr_matrix.cache_clear()
    print(f"  payload + matrix + draw {summary(sample(build_and_draw, RUNS))}   (target < 5 ms)")

    try:
        import qrcode
        from qrcode.constants import ERROR_CORRECT_M
    except ImportError:
        print("  (qrcode is not installed: no comparison)")
        return

    def qrcode_matrix(i: int, mask: int | None) -> None:
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4, mask_pattern=mask)
        code.add_data(payloads[i].encode("utf-8"))
        code.make(fit=True)
        code.get_matrix()

    fixed = sample(lambda i: qrcode_matrix(i, 0), RUNS // 3)
    print(f"  qrcode, one fixed mask  {summary(fixed)}   (matrix only, for scale)")
    eight = sample(lambda i: qrcode_matrix(i, None), RUNS // 3)
    print(f"  qrcode, best of eight   {summary(eight)}   (matrix only, for scale)")
