"""What a test left behind in Qt: top-level widgets still alive, timers still running.

Checked after every test (tests/conftest.py): a kiosk that leaks a window or a timer per
visitor would not stay up for weeks.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import Shiboken


def settle_deletions() -> None:
    """Delete what was let go of (deleteLater), as the event loop would."""
    for _ in range(2):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def leftovers() -> list[QObject]:
    """Top-level widgets and running timers still alive."""
    if QApplication.instance() is None:
        return []
    found: dict[int, QObject] = {}
    for widget in QApplication.topLevelWidgets():
        if Shiboken.isValid(widget):
            found[id(widget)] = widget
    timers = [w for w in Shiboken.getAllValidWrappers() if isinstance(w, QTimer)]
    for root in [QCoreApplication.instance(), *QApplication.topLevelWidgets()]:
        if root is not None:
            timers += root.findChildren(QTimer)
    for timer in timers:
        if Shiboken.isValid(timer) and timer.isActive():
            found[id(timer)] = timer
    return list(found.values())


def describe(thing: QObject) -> str:
    """`KioskWindow 'kiosk'`, `QTimer (in IdleMonitor)`."""
    name = type(thing).__name__
    if thing.objectName():
        name += f" {thing.objectName()!r}"
    parent = thing.parent()
    return f"{name} (in {type(parent).__name__})" if parent is not None else name


def clean_up(things: list[QObject]) -> None:
    """Stop and delete leftovers so that the next test starts clean."""
    for thing in things:
        if isinstance(thing, QTimer):
            thing.stop()
        elif isinstance(thing, QWidget):
            thing.close()
        thing.deleteLater()
    settle_deletions()
