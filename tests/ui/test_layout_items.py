"""Clearing a screen's column deletes its layout items too, not only its widgets.

A QLayout item taken out of a layout belongs to whoever took it, and Python does not own
it; each wipe of a screen used to leave its items behind (the soak benchmark found it).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from shiboken6 import Shiboken

from kiosk.ui.screen import clear


def test_clear_deletes_widgets_and_their_layout_items(qtbot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    column = QVBoxLayout(owner)
    labels = [QLabel(f"row {n}") for n in range(3)]
    for widget in labels:
        column.addWidget(widget)
    column.addStretch(1)
    items = [column.itemAt(n) for n in range(column.count())]
    assert len(items) == 4
    clear(column)
    assert column.count() == 0
    assert not any(Shiboken.isValid(item) for item in items)  # the items are gone
    qtbot.waitUntil(lambda: not any(Shiboken.isValid(widget) for widget in labels))


def test_a_question_screen_shown_again_and_again_keeps_no_old_items(qtbot) -> None:
    from kiosk.testing import KioskDriver

    driver = KioskDriver.start(qtbot)
    column = driver.kiosk.navigator.screens.question.column
    driver.click("start")
    driver.click("service-id-card-restoration")
    before = column.count()
    items = [column.itemAt(n) for n in range(before)]
    driver.back()
    driver.click("service-id-card-restoration")
    assert column.count() == before
    assert not any(Shiboken.isValid(item) for item in items)
