"""The module matrix of a QR code, for screens and printers to draw dot for dot.

Error correction M, quiet zone of 4 modules; the matrix includes the quiet zone. The text is
encoded as its UTF-8 bytes with no ECI designator, as `qrcode` wrote payment codes before:
a reader takes such bytes as UTF-8.

The symbol comes from zxing-cpp's writer, through its public API only:
`zxingcpp.create_barcode(data, BarcodeFormat.QRCode, ec_level="M", eci="0")`, then the
barcode's `to_image()` at one pixel per module. zxing-cpp encodes in C++ (with libzint): it
splits the data into numeric, alphanumeric and byte segments, takes the smallest version
that holds them, and chooses the mask with the lowest ISO/IEC 18004 penalty of all eight:
under 2 ms for a payment payload of 260 characters, matrix included (benchmarks/qr.py).

Not `qrcode`'s public API: it builds the symbol in pure Python, eight times over to choose
the mask. Even with a fixed mask (`mask_pattern=0`, built once) a payment payload takes about
10 ms there, twice the 5 ms that building and drawing a code may take.

Two of zxing-cpp's defaults would be wrong here, so both are set, and checked:
- given bytes, it marks them ECI 899 ("binary") unless told an ECI, and readers then show
  the Cyrillic as Latin-1. `eci="0"` is libzint's "no ECI". The tests read the symbol's first
  mode indicator to hold us to that.
- it ignores options it does not know and then makes level L; a renamed option in a later
  release must fail loudly, not put a weaker code on a slip, so the level is checked here.
The writer's options have changed between releases; pyproject pins zxing-cpp's minor series.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import zxingcpp

QUIET_ZONE = 4


@dataclass(frozen=True)
class QrMatrix:
    """Rows of modules, True for dark, quiet zone included; always square."""

    text: str
    rows: tuple[tuple[bool, ...], ...]

    @property
    def size(self) -> int:
        """Modules per side, quiet zone included."""
        return len(self.rows)


@lru_cache(maxsize=16)  # the same payment code goes to the screen, the slip and the printer
def qr_matrix(text: str) -> QrMatrix:
    """Encode `text` at error correction M with a 4-module quiet zone.

    Raises ValueError for empty text and for text no QR version holds at level M: at most
    2331 UTF-8 bytes, or more where digits and capitals pack tighter (5596 digits).
    """
    data = text.encode("utf-8")
    if not data:
        raise ValueError("a QR code needs some text")
    try:
        barcode = zxingcpp.create_barcode(
            data, zxingcpp.BarcodeFormat.QRCode, ec_level="M", eci="0"
        )
    except ValueError as error:
        raise ValueError(  # zxing-cpp says why: "Input too long for ECC level M, ..."
            f"cannot make a QR code of {len(data)} UTF-8 bytes at error correction M: {error}"
        ) from error
    if barcode.ec_level != "M":
        raise RuntimeError(f"zxing-cpp made a QR code at level {barcode.ec_level!r}, not M")
    pixels = np.asarray(barcode.to_image(add_quiet_zones=False))  # a module a pixel, 0 dark
    dark = np.pad(pixels == 0, QUIET_ZONE, constant_values=False)
    return QrMatrix(text=text, rows=tuple(tuple(row) for row in dark.tolist()))
