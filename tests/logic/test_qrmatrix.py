"""QR matrices: the same modules qrcode makes on its own, and they decode from pixels."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import qrcode
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from qrcode.constants import ERROR_CORRECT_M

from kiosk.logic.payment import build_payload
from kiosk.logic.qrmatrix import QUIET_ZONE, qr_matrix
from kiosk.settings import demo_payment_profiles


def qrcode_on_its_own(text: str) -> tuple[tuple[bool, ...], ...]:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE, box_size=1)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    return tuple(tuple(bool(m) for m in row) for row in code.get_matrix())


def pixels(rows, scale: int = 4) -> np.ndarray:
    image = np.where(np.array(rows, dtype=bool), 0, 255).astype(np.uint8)
    return np.kron(image, np.ones((scale, scale), dtype=np.uint8))


@settings(max_examples=120, deadline=None)
@given(st.text(alphabet="0123456789ABCDEFXYZ $%*+-./:abcҚәөұ№ё", min_size=1, max_size=600))
def test_same_matrix_as_qrcode_itself(text: str) -> None:
    assert qr_matrix(text).rows == qrcode_on_its_own(text)


def test_large_versions_carry_version_information() -> None:
    text = "Ә" * 400  # version 7 or more: version information blocks are drawn
    matrix = qr_matrix(text)
    assert (matrix.size - 2 * QUIET_ZONE - 17) // 4 >= 7
    assert matrix.rows == qrcode_on_its_own(text)


def test_quiet_zone_is_four_light_modules() -> None:
    matrix = qr_matrix("hello")
    rows = np.array(matrix.rows)
    assert not rows[:QUIET_ZONE].any() and not rows[-QUIET_ZONE:].any()
    assert not rows[:, :QUIET_ZONE].any() and not rows[:, -QUIET_ZONE:].any()
    assert rows[QUIET_ZONE, QUIET_ZONE]  # the finder pattern's corner


def test_payment_payload_decodes_from_pixels() -> None:
    profile = demo_payment_profiles()["state-budget"]
    payload = build_payload(profile, Decimal(7697), "K01-20261123-0042", "state-duty")
    [result] = zxingcpp.read_barcodes(pixels(qr_matrix(payload).rows))
    assert result.format == zxingcpp.BarcodeFormat.QRCode
    assert result.text == payload
    assert result.ec_level == "M"
