"""Clearing a screen's column deletes its layout items too, not only its widgets.

A QLayout item taken out of a layout belongs to whoever took it, and Python does not own
it; each wipe of a screen used to leave its items behind (the soak benchmark found it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLayoutItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
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


def column_items(screen: QWidget) -> list[QLayoutItem]:
    """The items of a screen's scrolling columns (the layouts its content is painted into)."""
    items = []
    for area in screen.findChildren(QScrollArea):
        column = area.widget().layout()
        items += [column.itemAt(n) for n in range(column.count())]
    return items


def test_screens_shown_again_and_again_keep_no_old_items(qtbot) -> None:
    from kiosk.testing import ID_CARD_STOLEN, KioskDriver

    driver = KioskDriver.start(qtbot)

    def screen(name: str) -> QWidget:  # shown or not
        found = driver.window.findChild(QWidget, f"screen-{name}")
        assert found is not None, name
        return found

    driver.click("start")
    driver.click("service-id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    driver.next()
    assert driver.state == "result"
    result_items = column_items(driver.widget("screen-result"))
    assert len(result_items) > 3  # the bill, the codes, the dates...
    reused = {
        name: len(screen(name).findChildren(QWidget))
        for name in ("question", "review", "documents")
    }
    for _ in range(3):
        driver.back()  # documents
        driver.back()  # review
        driver.back()  # the last question: its buttons are reused
        driver.next()
        driver.next()
        driver.next()
    assert driver.state == "result"
    # The same answers: the same result, shown as it was painted (nothing made twice).
    assert column_items(driver.widget("screen-result")) == result_items
    children = len(screen("result").findChildren(QWidget))
    for urgency in ("standard", ID_CARD_STOLEN["urgency"]):  # another result, then this one
        driver.back()
        driver.back()
        driver.back()
        driver.answer("urgency", urgency)
        driver.next()
        driver.next()
        assert driver.state == "result"
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not any(Shiboken.isValid(item) for item in result_items)  # rebuilt, old ones gone
    assert len(screen("result").findChildren(QWidget)) == children
    for name, count in reused.items():  # reused, none made anew
        assert len(screen(name).findChildren(QWidget)) == count, name
