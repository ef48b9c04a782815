"""Slips as PDF files: text as text, QR codes dot for dot, on a roll or on A4 pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.logic.slip import Slip
from kiosk.printing.layout import ROLL_80, Paper, SlipLayout

DPI = 300


def render_pdf(slip: Slip, path: Path, paper: Paper = ROLL_80) -> None:
    """Write `slip` to `path`: one page as long as needed on a roll, A4 pages otherwise."""
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(f"Slip {slip.reference}")
    writer.setCreator("kiosk")
    layout = SlipLayout(slip, paper, writer, DPI)
    height_mm = paper.height_mm or layout.height_mm()
    page = QPageSize(QSizeF(paper.width_mm, height_mm), QPageSize.Unit.Millimeter, paper.name)
    writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF()))
    painter = QPainter(writer)
    try:
        layout.paint(painter, writer.newPage)
    finally:
        painter.end()
