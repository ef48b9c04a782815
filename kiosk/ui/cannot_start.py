"""A kiosk that cannot start says so on its screen: the out-of-order notice in every
language for visitors, the reason for staff; and how any kiosk window takes the screen."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication, QWidget

from kiosk.logic import staff_content
from kiosk.logic.i18n import Strings
from kiosk.places import ASSETS
from kiosk.ui.first_screen import show_on_screen
from kiosk.ui.screens.out_of_order import OutOfOrderScreen
from kiosk.ui.theme import Theme, Tokens

log = logging.getLogger(__name__)


def cannot_start_screen(reason: str) -> QWidget:
    """The out-of-order notice in every language for visitors, with the reason for staff."""
    strings = Strings.load(ASSETS / "i18n")
    screen = OutOfOrderScreen()
    screen.setObjectName("screen-out-of-order")
    screen.setStyleSheet(Tokens(ASSETS / "theme").stylesheet(Theme()))
    screen.paint(staff_content.out_of_order(strings, "kk", detail=reason))
    return screen


def show_cannot_start(reason: str, *, windowed: bool) -> None:
    """Show the kiosk out of order until it is stopped (by its service manager, or by
    closing the window when windowed)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for window in QApplication.topLevelWidgets():  # whatever a failed start left half-built
        window.hide()
    screen = cannot_start_screen(reason)
    show_on_screen(screen, windowed=windowed)
    log.error("the kiosk is out of order until it is restarted: %s", reason)
    app.exec()
