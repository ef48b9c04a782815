"""The bundled fonts (Noto Sans: every Kazakh letter), registered with Qt once."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

from kiosk.places import ASSETS

log = logging.getLogger(__name__)


def load_fonts() -> list[str]:
    """Register the bundled fonts; return their families."""
    families: list[str] = []
    for path in sorted((ASSETS / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("font %s could not be loaded", path.name)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    return families
