"""Rendering a slip to a file without a screen (`kiosk slip`)."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.logic.slip import Slip
from kiosk.printing.layout import PAPERS
from kiosk.settings import Settings


def ensure_gui() -> None:
    """Qt's painting needs a QGuiApplication; make one offscreen if there is none."""
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication([])
    if "Noto Sans" not in QFontDatabase.families():
        from kiosk.printing.fonts import load_fonts

        load_fonts()


def render_file(slip: Slip, out: Path, kind: str, paper: str, settings: Settings) -> None:
    """Write `slip` to `out` as a PDF or as the ESC/POS bytes a thermal printer would get."""
    ensure_gui()
    if kind == "pdf":
        from kiosk.printing.pdf import render_pdf

        render_pdf(slip, out, PAPERS[paper])
        return
    from escpos.printer import File

    from kiosk.printing.escpos_render import send_slip

    escpos = settings.printer.escpos
    device = File(str(out), profile=escpos.profile)
    device.open()
    try:
        send_slip(
            device,
            slip,
            PAPERS[paper],
            escpos.dots_per_line,
            escpos.native_qr,
            escpos.kazakh_codepage,
        )
    finally:
        device.close()
