"""Idle time: after a while with no touch, warn with a countdown, then start over.

The intervals come from settings so tests run them in milliseconds.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent, QWheelEvent


class IdleMonitor(QObject):
    """Watches every touch, click and key in the application.

    Signals: warned(seconds_left), counted(seconds_left), expired().
    """

    warned = Signal(int)
    counted = Signal(int)
    expired = Signal()

    # Every touch, click, key and wheel turn. Tested by class rather than by event type:
    # the filter sees every event of the application (hundreds a tap) and this is cheaper.
    _INPUT = (QMouseEvent, QTouchEvent, QKeyEvent, QWheelEvent)

    def __init__(self, countdown_seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.countdown_seconds = countdown_seconds
        self.idle_timer = QTimer(self, singleShot=True)
        self.idle_timer.timeout.connect(self._on_idle)
        self.tick = QTimer(self)
        self.tick.timeout.connect(self._on_tick)
        self.left = 0.0
        self.step = 1.0
        self.after_seconds = 0.0
        self.watching = False  # filtering the application's events (only while armed)

    @property
    def warning(self) -> bool:
        """The countdown is running."""
        return self.tick.isActive()

    def arm(self, after_seconds: float) -> None:
        """Start watching: warn after `after_seconds` with no input."""
        self.after_seconds = after_seconds
        self.tick.stop()
        self.idle_timer.start(max(1, round(after_seconds * 1000)))
        self._watch(True)

    def disarm(self) -> None:
        """Stop watching (on the welcome screen, or while staff are logged in)."""
        self.idle_timer.stop()
        self.tick.stop()
        self._watch(False)

    def _watch(self, on: bool) -> None:
        application = QCoreApplication.instance()
        if application is None or on == self.watching:
            return
        if on:
            application.installEventFilter(self)
        else:
            application.removeEventFilter(self)
        self.watching = on

    def restart(self) -> None:
        """Input seen or More time asked: the idle time starts again."""
        if self.idle_timer.isActive() or self.tick.isActive():
            self.arm(self.after_seconds)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.idle_timer.isActive() and isinstance(event, self._INPUT):
            self.idle_timer.start()
        return False

    def warn_now(self) -> None:
        """Start the countdown at once, as if the idle time had run out (for screenshots and
        for staff showing what a visitor sees)."""
        if self.idle_timer.isActive():
            self.idle_timer.stop()
            self._on_idle()

    def _on_idle(self) -> None:
        self.left = self.countdown_seconds
        self.step = min(1.0, self.countdown_seconds)
        self.tick.start(max(1, round(self.step * 1000)))
        self.warned.emit(math.ceil(self.left))

    def _on_tick(self) -> None:
        self.left -= self.step
        if self.left <= 1e-9:
            self.tick.stop()
            self.expired.emit()
        else:
            self.counted.emit(math.ceil(self.left))
