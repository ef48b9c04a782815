"""QR matrices, judged by what a camera sees: every one decodes from pixels to exactly its
text, at error correction M, square, with a light quiet zone of 4 modules, the text as plain
UTF-8 bytes (no ECI); text no QR code can hold raises a clear error."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.logic.payment import build_payload
from kiosk.logic.qrmatrix import QUIET_ZONE, QrMatrix, qr_matrix
from kiosk.settings import demo_payment_profiles

# Published payloads with known checksums (a copy of the shared test data).
VECTORS = json.loads(
    (Path(__file__).parents[1] / "data" / "emv-mpm-vectors.json").read_text(encoding="utf-8")
)
PROFILES = demo_payment_profiles()

# The eight data masks of ISO/IEC 18004 (i row, j column): True where a module is inverted.
MASKS: tuple[Callable[[int, int], bool], ...] = (
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i * j) % 3 + (i + j) % 2) % 2 == 0,
)
NUMERIC, ALPHANUMERIC, BYTE, ECI = 0b0001, 0b0010, 0b0100, 0b0111

KAZAKH = [
    "Қазақстан Республикасы",
    "Мемлекеттік бюджет (демо)",
    "Әділет министрлігі: мемлекеттік баж № 42, 7 697 ₸",
    "ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І",
    "Азаматтарға арналған үкімет, Астана",
]


def pixels(rows: tuple[tuple[bool, ...], ...], scale: int = 3) -> np.ndarray:
    image = np.where(np.array(rows, dtype=bool), 0, 255).astype(np.uint8)
    return np.kron(image, np.ones((scale, scale), dtype=np.uint8))


def first_mode(symbol: np.ndarray, mask: int) -> int:
    """The first mode indicator of the data: its 4 bits sit in the bottom-right corner,
    right to left and then up, under the mask."""
    n = len(symbol)
    bits = [bool(symbol[i, j]) != MASKS[mask](i, j) for i in (n - 1, n - 2) for j in (n - 1, n - 2)]
    return int("".join("1" if bit else "0" for bit in bits), 2)


def check(text: str) -> QrMatrix:
    """The matrix of `text`, having checked everything a reader depends on."""
    matrix = qr_matrix(text)
    assert matrix.text == text
    rows = np.array(matrix.rows, dtype=bool)
    assert rows.shape == (matrix.size, matrix.size)
    assert all(type(module) is bool for row in matrix.rows for module in row)
    symbol = rows[QUIET_ZONE:-QUIET_ZONE, QUIET_ZONE:-QUIET_ZONE]
    assert len(symbol) in range(21, 178, 4)  # versions 1 to 40
    light = np.ones_like(rows)
    light[QUIET_ZONE:-QUIET_ZONE, QUIET_ZONE:-QUIET_ZONE] = False
    assert not rows[light].any()  # the quiet zone
    assert symbol[0, 0] and symbol[0, -1] and symbol[-1, 0]  # the finder patterns' corners

    # Plain: the bytes as text (HRI, the default, would show control characters as <BS>).
    [result] = zxingcpp.read_barcodes(pixels(matrix.rows), text_mode=zxingcpp.TextMode.Plain)
    assert result.format == zxingcpp.BarcodeFormat.QRCode
    assert result.ec_level == "M"
    assert result.bytes == text.encode("utf-8")
    assert result.text == text
    # No ECI designator ahead of the data: readers take the bytes as UTF-8, as before.
    assert first_mode(symbol, int(result.extra["DataMask"])) in (NUMERIC, ALPHANUMERIC, BYTE)
    return matrix


@pytest.mark.parametrize("text", KAZAKH)
def test_kazakh_cyrillic(text: str) -> None:
    check(text)


@pytest.mark.parametrize("vector", VECTORS["payloads"], ids=lambda v: v["name"][:40])
def test_published_payloads(vector: dict[str, str]) -> None:
    check(vector["payload"])


@pytest.mark.parametrize("profile", sorted(PROFILES))
@pytest.mark.parametrize("amount", ["1", "865", "7697", "123456.78", "99999999.99"])
def test_our_payment_payloads(profile: str, amount: str) -> None:
    payload = build_payload(PROFILES[profile], Decimal(amount), "K01-20261123-0042", "state-duty")
    assert 150 <= len(payload) <= 300
    check(payload)


@pytest.mark.parametrize("length", [1, 2, 17, 50, 120, 250, 400, 700, 1200])
def test_lengths_up_to_large_versions(length: int) -> None:
    # Digits, capitals and Kazakh text mixed, so every kind of segment is written; from 400
    # characters the version is 7 or more and carries version information.
    text = ("0123456789 KZ 7697.00 Қазақстан ӘӨҰ " * 40)[:length]
    check(text)


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_any_text_decodes_to_itself(text: str) -> None:
    check(text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="0123456789ABCDEFXYZ $%*+-./:abcҚәөұ№ё", min_size=1, max_size=600))
def test_payment_like_text_decodes_to_itself(text: str) -> None:
    check(text)


@pytest.mark.parametrize(
    ("longest", "unit"),
    [
        (2331, "x"),  # byte mode: 2331 bytes at M in version 40
        (1165, "Ә"),  # two UTF-8 bytes each
        (5596, "7"),  # numeric mode packs three digits in ten bits
        (3391, "Z"),  # alphanumeric mode packs two characters in eleven bits
    ],
)
def test_the_largest_code_and_one_character_more(longest: int, unit: str) -> None:
    matrix = qr_matrix(unit * longest)
    assert matrix.size == 177 + 2 * QUIET_ZONE  # version 40
    with pytest.raises(ValueError, match=r"cannot make a QR code of \d+ UTF-8 bytes.*too long"):
        qr_matrix(unit * (longest + 1))


def test_version_40_decodes() -> None:
    check("x" * 2331)


def test_empty_text_is_refused() -> None:
    with pytest.raises(ValueError, match="needs some text"):
        qr_matrix("")


def test_same_text_same_matrix() -> None:
    text = "00020101021226580014kz.demo.budget0112000000000001"
    assert qr_matrix(text) == qr_matrix(text)
    assert qr_matrix(text).rows != qr_matrix(text + "0").rows
