"""The module matrix of a QR code, for screens and printers to draw dot for dot.

Error correction M, quiet zone of 4 modules; the matrix includes the quiet zone. Text is
encoded as UTF-8 bytes.

`qrcode` splits the data into segments (numeric, alphanumeric, bytes), gives the block
structure, generator polynomials and Galois-field tables, and draws the function patterns
and format information once per version. Three steps it does in pure Python bit by bit
are done here with whole integers and numpy: writing the codewords with their Reed-Solomon
error correction, placing them, and choosing the mask (ISO/IEC 18004: the lowest penalty).
`qrcode` builds the symbol eight times to choose a mask, about 17 ms for a payment payload;
this takes under a tenth of that. The matrix is the one `qrcode` makes on its own, to the
module: a test holds us to that.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import qrcode
import qrcode.exceptions
from qrcode import LUT, base, util
from qrcode.constants import ERROR_CORRECT_M

QUIET_ZONE = 4
_FINDER_LIKE = np.array([0b10111010000, 0b00001011101], dtype=np.int16)


@dataclass(frozen=True)
class QrMatrix:
    """Rows of modules, True for dark, quiet zone included; always square."""

    text: str
    rows: tuple[tuple[bool, ...], ...]

    @property
    def size(self) -> int:
        """Modules per side, quiet zone included."""
        return len(self.rows)


def qr_matrix(text: str) -> QrMatrix:
    """Encode `text` at error correction M with a 4-module quiet zone."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(text.encode("utf-8"))
    version = _smallest_version(code.data_list)
    codewords = _codewords(version, code.data_list)
    layout = _layout(version)
    bits = np.unpackbits(np.frombuffer(codewords, dtype=np.uint8))
    plain = np.zeros_like(layout.fixed_values)
    placed = min(bits.size, layout.order_rows.size)
    plain[layout.order_rows[:placed], layout.order_cols[:placed]] = bits[:placed]
    masks = _masks(layout.count)
    trials = np.where(layout.data, plain ^ masks, layout.fixed_values)
    trials[:, layout.info] = False  # scored with blank format information, as qrcode does
    best = int(np.argmin(penalties(trials)))  # the first of equal scores, as qrcode does
    symbol = trials[best]
    symbol[layout.info] = layout.info_values[best][layout.info]
    padded = np.pad(symbol, QUIET_ZONE, constant_values=False)
    return QrMatrix(text=text, rows=tuple(tuple(row) for row in padded.tolist()))


def _data_bits(chunks: list[Any], version: int) -> int:
    """Bits the data takes in a symbol of this version (what qrcode's best_fit writes out)."""
    sizes = util.mode_sizes_for_version(version)
    bits = 0
    for chunk in chunks:
        length = len(chunk.data)
        bits += 4 + sizes[chunk.mode]
        if chunk.mode == util.MODE_NUMBER:
            bits += 10 * (length // 3) + (0, 4, 7)[length % 3]
        elif chunk.mode == util.MODE_ALPHA_NUM:
            bits += 11 * (length // 2) + 6 * (length % 2)
        else:
            bits += 8 * length
    return bits


def _smallest_version(chunks: list[Any]) -> int:
    """The smallest version that holds the data at level M (counted, not written out)."""
    version = 1
    while True:
        needed = _data_bits(chunks, version)
        fits = bisect_left(util.BIT_LIMIT_TABLE[ERROR_CORRECT_M], needed, version)
        if fits > 40:
            raise qrcode.exceptions.DataOverflowError()
        if util.mode_sizes_for_version(fits) is util.mode_sizes_for_version(version):
            return fits
        version = fits


def _codewords(version: int, chunks: list[Any]) -> bytes:
    """Data and error-correction codewords, interleaved (what qrcode's create_data gives)."""
    value, bits = 0, 0
    for chunk in chunks:
        data = chunk.data
        parts = [(chunk.mode, 4), (len(data), util.length_in_bits(chunk.mode, version))]
        if chunk.mode == util.MODE_NUMBER:
            parts += [(int(data[i : i + 3]), (0, 4, 7, 10)[len(data[i : i + 3])])
                      for i in range(0, len(data), 3)]  # fmt: skip
        elif chunk.mode == util.MODE_ALPHA_NUM:
            index = util.ALPHA_NUM.find
            parts += [
                (index(data[i : i + 1]) * 45 + index(data[i + 1 : i + 2]), 11)
                if i + 1 < len(data)
                else (index(data[i : i + 1]), 6)
                for i in range(0, len(data), 2)
            ]
        else:
            parts.append((int.from_bytes(data, "big"), 8 * len(data)))
        for number, length in parts:
            value = (value << length) | number
            bits += length
    blocks = base.rs_blocks(version, ERROR_CORRECT_M)
    limit = sum(block.data_count for block in blocks) * 8
    if bits > limit:
        raise qrcode.exceptions.DataOverflowError()
    pad = min(limit - bits, 4)  # the terminator
    pad += -(bits + pad) % 8  # then zeros to a whole byte
    value, bits = value << pad, bits + pad
    filler = bytes((util.PAD0, util.PAD1) * (limit // 16 + 1))[: (limit - bits) // 8]
    stream = value.to_bytes(bits // 8, "big") + filler

    data_blocks, ec_blocks, offset = [], [], 0
    for block in blocks:
        data = stream[offset : offset + block.data_count]
        offset += block.data_count
        data_blocks.append(data)
        ec_blocks.append(_reed_solomon(data, block.total_count - block.data_count))
    out = bytearray()
    for group in (data_blocks, ec_blocks):
        for i in range(max(len(b) for b in group)):
            out.extend(b[i] for b in group if i < len(b))
    return bytes(out)


@lru_cache(maxsize=32)
def _product_rows(count: int) -> tuple[int, ...]:
    """For each byte value f, the generator polynomial times f in GF(256), as one integer
    of `count` bytes: the division below then takes one shift and one XOR per byte."""
    exp, log = base.EXP_TABLE, base.LOG_TABLE
    generator = LUT.rsPoly_LUT[count][1:]
    rows = [0]
    for factor in range(1, 256):
        row = 0
        for coefficient in generator:
            product = exp[(log[factor] + log[coefficient]) % 255] if coefficient else 0
            row = (row << 8) | product
        rows.append(row)
    return tuple(rows)


def _reed_solomon(data: bytes, count: int) -> bytes:
    """The `count` error-correction codewords of one block (polynomial division in GF(256))."""
    rows = _product_rows(count)
    top, mask = 8 * (count - 1), (1 << 8 * count) - 1
    remainder = 0
    for byte in data:
        remainder = ((remainder << 8) & mask) ^ rows[(remainder >> top) ^ byte]
    return remainder.to_bytes(count, "big")


@dataclass(frozen=True)
class _Layout:
    """Where everything goes in a symbol of one version (quiet zone excluded)."""

    count: int
    fixed_values: Any  # finder, alignment and timing patterns (False elsewhere)
    info: Any  # cells of format and version information
    info_values: Any  # their values under each of the eight masks
    data: Any  # cells that hold codewords
    order_rows: Any  # the cells codeword bits go to, in order
    order_cols: Any


@lru_cache(maxsize=48)
def _layout(version: int) -> _Layout:
    """qrcode draws the function patterns and format information once per version."""
    code = qrcode.QRCode(version=version, error_correction=ERROR_CORRECT_M, border=0)
    count = code.modules_count = version * 4 + 17

    def grid(draw: Any) -> list[list[bool | None]]:
        modules: list[list[bool | None]] = [[None] * count for _ in range(count)]
        code.modules = modules
        draw()
        return modules

    def patterns() -> None:
        code.setup_position_probe_pattern(0, 0)
        code.setup_position_probe_pattern(count - 7, 0)
        code.setup_position_probe_pattern(0, count - 7)
        code.setup_position_adjust_pattern()
        code.setup_timing_pattern()

    def information(mask: int) -> Any:
        def draw() -> None:
            code.setup_type_info(False, mask)
            if version >= 7:
                code.setup_type_number(False)

        return draw

    fixed = grid(patterns)
    fixed_cells = np.array([[cell is not None for cell in row] for row in fixed])
    info_grids = [grid(information(mask)) for mask in range(8)]
    info = np.array([[cell is not None for cell in row] for row in info_grids[0]])
    data = ~fixed_cells & ~info
    rows, cols = [], []
    # The codeword path: two-module columns from the right, zigzagging up and down,
    # skipping the vertical timing pattern in column 6.
    upward = True
    for right in range(count - 1, 0, -2):
        if right <= 6:
            right -= 1
        for row in range(count - 1, -1, -1) if upward else range(count):
            for col in (right, right - 1):
                if data[row, col]:
                    rows.append(row)
                    cols.append(col)
        upward = not upward
    return _Layout(
        count=count,
        fixed_values=np.array([[bool(cell) for cell in row] for row in fixed]),
        info=info,
        info_values=np.array([[[bool(c) for c in row] for row in g] for g in info_grids]),
        data=data,
        order_rows=np.array(rows),
        order_cols=np.array(cols),
    )


@lru_cache(maxsize=48)
def _masks(count: int) -> Any:
    """The eight mask patterns, stacked: True where a module is inverted."""
    i, j = np.indices((count, count))
    return np.stack(
        [
            (i + j) % 2 == 0,
            i % 2 == 0,
            j % 3 == 0,
            (i + j) % 3 == 0,
            (i // 2 + j // 3) % 2 == 0,
            (i * j) % 2 + (i * j) % 3 == 0,
            ((i * j) % 2 + (i * j) % 3) % 2 == 0,
            ((i * j) % 3 + (i + j) % 2) % 2 == 0,
        ]
    )


def penalties(symbols: Any) -> Any:
    """ISO/IEC 18004 mask penalties of a stack of symbols (N1 runs, N2 blocks, N3
    finder-like patterns, N4 dark balance), computed for the whole stack at once."""
    stack, count = symbols.shape[0], symbols.shape[1]
    scores = np.zeros(stack, dtype=np.int64)
    for lines in (symbols, symbols.transpose(0, 2, 1)):
        # N1: each run of five or more same-coloured modules scores its length minus 2.
        edges = np.full((stack, count, 1), 2, np.int8)
        flat = np.concatenate([edges, lines.astype(np.int8)], axis=2).reshape(stack, -1)
        flat = np.concatenate([flat, np.full((stack, 1), 2, np.int8)], axis=1)
        changes = flat[:, 1:] != flat[:, :-1]
        owner, start = np.nonzero(changes)
        start = start + 1
        ends = np.append(start[1:], 0)
        same_owner = np.append(owner[1:] == owner[:-1], False)
        lengths = np.where(same_owner, ends - start, flat.shape[1] - start)
        values = flat[owner, np.minimum(start, flat.shape[1] - 1)]
        counted = (values != 2) & (lengths >= 5)
        scores += np.bincount(owner[counted], weights=lengths[counted] - 2, minlength=stack).astype(
            np.int64
        )
        # N3: 1:1:3:1:1 finder-like patterns with four light modules on one side: each
        # window of 11 modules read as an 11-bit number.
        width = count - 10
        windows = np.zeros((stack, count, width), dtype=np.int16)
        for offset in range(11):
            windows = (windows << 1) | lines[:, :, offset : offset + width]
        found = (windows == _FINDER_LIKE[0]) | (windows == _FINDER_LIKE[1])
        scores += 40 * found.sum(axis=(1, 2))
    # N2: each 2×2 block of one colour.
    corner = symbols[:, :-1, :-1]
    same = (
        (corner == symbols[:, 1:, :-1])
        & (corner == symbols[:, :-1, 1:])
        & (corner == symbols[:, 1:, 1:])
    )
    scores += 3 * same.sum(axis=(1, 2))
    # N4: 10 points for every full 5% the dark share departs from 50%.
    percent = symbols.sum(axis=(1, 2)) / float(count**2)
    scores += 10 * (np.abs(percent * 100 - 50) / 5).astype(np.int64)
    return scores
