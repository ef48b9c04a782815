"""A push button whose pressed and released looks are painted with the window's next paint.

Qt paints a push button at once, before anything else, both when it is pressed and when it
is released (and the release's picture before the click is even handled): two paints and
two hand-overs to the display server in every tap, the second thrown away at once when the
tap brings another screen. Here the button is marked for the next paint instead, which
comes as soon as the event is handled: the press still shows as the finger lands, and a
release is painted together with what the tap changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QPushButton


class TapButton(QPushButton):
    """A QPushButton painted with the window, not on its own, on a press and a release."""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._with_the_window(super().mousePressEvent, event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._with_the_window(super().mouseReleaseEvent, event)

    def _with_the_window(self, handle: Callable[[QMouseEvent], None], event: QMouseEvent) -> None:
        self.setUpdatesEnabled(False)  # Qt's repaint() does nothing; enabling asks update()
        try:
            handle(event)
        finally:
            self.setUpdatesEnabled(True)
