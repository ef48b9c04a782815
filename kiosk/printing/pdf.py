"""Slips as PDF files: text as text, QR codes dot for dot, on a roll or on A4 pages."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.logic.slip import Slip
from kiosk.printing.layout import ROLL_80, Paper, SlipLayout

DPI = 300


def render_pdf(slip: Slip, path: Path, paper: Paper = ROLL_80) -> int:
    """Write `slip` to `path`: one page as long as needed on a roll, A4 pages otherwise.
    Returns the number of pages painted."""
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(f"Slip {slip.reference}")
    writer.setCreator("kiosk")
    layout = SlipLayout(slip, paper, writer, DPI)
    height_mm = paper.height_mm or layout.height_mm()
    page = QPageSize(QSizeF(paper.width_mm, height_mm), QPageSize.Unit.Millimeter, paper.name)
    writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF()))
    pages = [1]

    def new_page() -> None:
        writer.newPage()
        pages[0] += 1

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        layout.paint(painter, new_page)
    finally:
        painter.end()
    return pages[0]


PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def check_pdf(path: Path, pages: int) -> str | None:
    """What is wrong with a written slip PDF, or None: it must be a whole PDF (header to
    end-of-file marker) with `pages` pages."""
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        return "not a PDF"
    if b"%%EOF" not in data[-1024:]:
        return f"cut short after {len(data)} bytes"
    found = len(PAGE.findall(data))
    if found != pages:
        return f"{found} pages instead of {pages}"
    return None
