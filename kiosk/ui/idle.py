"""Idle time: after a while with no touch, warn with a countdown, then start over.

The intervals come from settings so tests run them in milliseconds.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent, QWheelEvent

from kiosk.logic import screen_content as build
from kiosk.logic.content import ScreenContent
from kiosk.logic.i18n import Language, Strings
from kiosk.ui.widgets.idle_overlay import IdleOverlay


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
    # After an input the filter rests this long (at most a twentieth of the idle time): the
    # tap's own events (its screen built, laid out and painted: over a hundred) go by
    # without a call into Python each. The idle time then counts from the first input of
    # the rest, at most this much early.
    REST = 0.25

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
        self.resting = QTimer(self, singleShot=True)
        self.resting.timeout.connect(self.resume)

    @property
    def warning(self) -> bool:
        """The countdown is running."""
        return self.tick.isActive()

    def arm(self, after_seconds: float) -> None:
        """Start watching: warn after `after_seconds` with no input."""
        self.after_seconds = after_seconds
        self.tick.stop()
        self.idle_timer.start(max(1, round(after_seconds * 1000)))
        self.resting.setInterval(round(min(self.REST, after_seconds / 20) * 1000))
        self._watch(True)

    def wait(self, after_seconds: float) -> None:
        """Watch for `after_seconds` of no input from now, unless the countdown is already
        running (then the next wait is this long)."""
        if self.warning:
            self.after_seconds = after_seconds
        else:
            self.arm(after_seconds)

    def disarm(self) -> None:
        """Stop watching (on the welcome screen, or while staff are logged in)."""
        self.idle_timer.stop()
        self.tick.stop()
        self._watch(False)

    def pause(self) -> None:
        """Stop looking at the application's events for a moment (a screen being built
        makes hundreds, none of them input); `resume` looks again."""
        self._watch(False)

    def resume(self) -> None:
        """Look at the application's events again, if waiting for input."""
        if self.idle_timer.isActive() or self.tick.isActive():
            self._watch(True)

    def _watch(self, on: bool) -> None:
        application = QCoreApplication.instance()
        if on and self.resting.isActive():
            return  # looks again when the rest is over
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
            self._watch(False)
            self.resting.start()
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


class IdleWarning(QObject):
    """The countdown as the visitor sees it: its content (in the visitor's language) is
    built each second and painted over the screens (as a strip across the top while payment
    codes are on screen: `over_codes`); More time hides it and the idle time
    starts again. `content` is what it says while it shows, else None."""

    def __init__(
        self,
        monitor: IdleMonitor,
        overlay: IdleOverlay,
        strings: Strings,
        language: Callable[[], Language],
        parent: QObject | None = None,
        over_codes: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(parent)
        self.monitor, self.overlay, self.strings = monitor, overlay, strings
        self.language, self.over_codes = language, over_codes
        self.content: ScreenContent | None = None
        self.seconds = 0
        monitor.warned.connect(self._show)
        monitor.counted.connect(self._show)
        overlay.more_time.connect(self.more_time)

    def retranslate(self) -> None:
        """The language changed: say it again, if it is showing."""
        if self.content is not None:
            self._show(self.seconds)

    def hide(self) -> None:
        """No warning (the kiosk started over)."""
        self.overlay.hide()
        self.content = None

    def _show(self, seconds: int) -> None:
        self.seconds = seconds
        self.content = build.idle_warning(self.strings, self.language(), seconds)
        self.overlay.paint(self.content, strip=self.over_codes())

    def more_time(self) -> None:
        """More time: the warning goes and the idle time starts again."""
        self.hide()
        self.monitor.restart()
