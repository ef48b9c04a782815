"""The idle monitor: input moves the idle time; the tap's own events go by unexamined."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from kiosk.ui.idle import IdleMonitor


def test_input_moves_the_idle_time_and_the_filter_rests_through_the_tap(qtbot) -> None:
    monitor = IdleMonitor(countdown_seconds=1.0)
    button = QPushButton("tap")
    qtbot.addWidget(button)
    button.show()
    warned: list[int] = []
    monitor.warned.connect(warned.append)
    monitor.arm(2.0)  # rests 0.1 s after an input (a twentieth of the idle time)
    assert monitor.watching
    qtbot.wait(600)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    # Seen: the idle time counts from the tap; then the application's events (the screen
    # the tap brings, built and painted) go by without a call into Python each.
    assert monitor.idle_timer.remainingTime() > 1800
    assert not monitor.watching
    qtbot.waitUntil(lambda: monitor.watching, timeout=1000)  # looking again
    qtbot.wait(1700)  # 2.3 s after arming, 1.7 s after the tap
    assert not warned
    qtbot.waitUntil(lambda: bool(warned), timeout=2000)
    monitor.disarm()
    assert not monitor.watching


def test_a_screen_built_during_the_rest_does_not_wake_the_filter(qtbot) -> None:
    monitor = IdleMonitor(countdown_seconds=1.0)
    button = QPushButton("tap")
    qtbot.addWidget(button)
    button.show()
    monitor.arm(4.0)  # rests 0.2 s
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    monitor.pause()  # the navigator building the next screen
    monitor.wait(4.0)  # and arming the idle time for it
    monitor.resume()
    assert not monitor.watching  # still resting
    qtbot.waitUntil(lambda: monitor.watching, timeout=1000)
    monitor.disarm()
