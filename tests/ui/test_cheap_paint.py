"""What keeps a tap within half a frame, each kept honest: the page's colour painted once,
wrapped text measured once per text and width, a button's press and release painted with
the window, the result made ahead shown as it was made and forgotten with the visitor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QWidget

from kiosk.places import ASSETS
from kiosk.testing import ID_CARD_STOLEN, KioskDriver
from kiosk.ui.states import State
from kiosk.ui.theme import Tokens
from kiosk.ui.widgets.tap_button import TapButton
from kiosk.ui.widgets.text_label import TextLabel
from tests.ui.conftest import TODAY
from tests.ui.test_ahead import on_the_documents

LONG = "Take the slip and your documents to a service window. " * 4


class Paints(QObject):
    """Counts the paint events of a widget."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


@pytest.mark.parametrize("high_contrast", [False, True], ids=["default", "high-contrast"])
def test_the_page_colour_is_painted_once_by_the_window(qtbot, high_contrast) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY)
    if high_contrast:
        driver.click("a11y-high-contrast")
    driver.click("start")
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    driver.next()
    assert driver.state == "result"
    window = driver.window
    stack = window.findChild(QWidget, "screens")
    styled = Qt.WidgetAttribute.WA_StyledBackground
    assert not stack.testAttribute(styled) and not stack.autoFillBackground()
    areas = window.findChildren(QScrollArea)
    assert areas
    for area in areas:  # every screen's scrolling columns, shown or not
        for layer in (area, area.viewport(), area.widget()):
            assert not layer.autoFillBackground(), layer
            assert not layer.testAttribute(styled), layer
    # What shows between the cards is the window's own colour (the theme's page colour).
    variant = "high-contrast" if high_contrast else "default"
    page = QColor(Tokens(ASSETS / "theme").colors(variant)["bg"])
    info = driver.kiosk.navigator.screens.result.info.viewport()
    corner = info.mapTo(window, QPoint(info.width() - 4, info.height() - 4))
    assert window.grab().toImage().pixelColor(corner) == page


def test_a_wrapped_label_is_as_tall_as_a_qlabel_whatever_changes(qtbot) -> None:
    plain, kept = QLabel(wordWrap=True), TextLabel(wordWrap=True)
    for widget in (plain, kept):
        qtbot.addWidget(widget)

    def same(*changes) -> None:
        for widget in (plain, kept):
            for change in changes:
                change(widget)
        for width in (120, 300, 120):  # asked again: the kept answer
            assert kept.heightForWidth(width) == plain.heightForWidth(width)

    same(lambda w: w.setText(LONG))
    same(lambda w: w.setText(LONG + LONG))
    same(lambda w: w.setFont(QFont(w.font().family(), 30)))
    same(lambda w: w.setStyleSheet("font-size: 11px; padding: 20px;"))
    same(lambda w: w.setContentsMargins(40, 0, 40, 0))
    same(lambda w: w.setMargin(12), lambda w: w.setIndent(30))
    same(lambda w: w.clear(), lambda w: w.setText("short"))
    same(lambda w: w.setNum(1234567))
    same(lambda w: w.setTextFormat(Qt.TextFormat.RichText), lambda w: w.setText("<b>bold</b> " * 9))


def test_a_wrapped_label_lays_its_text_out_once_per_width(qtbot, monkeypatch) -> None:
    label = TextLabel(LONG, wordWrap=True)
    qtbot.addWidget(label)
    asked: list[int] = []
    measure = QLabel.heightForWidth

    def counted(self: QLabel, width: int) -> int:
        asked.append(width)
        return measure(self, width)

    monkeypatch.setattr(QLabel, "heightForWidth", counted)
    heights = [label.heightForWidth(width) for width in (200, 200, 400, 200, 400)]
    assert asked == [200, 400]
    assert heights[0] == heights[1] == heights[3] > heights[2] == heights[4]
    label.setText(LONG + LONG)
    assert label.heightForWidth(200) > heights[0]
    assert asked == [200, 400, 200]


@pytest.mark.parametrize("kind", [TapButton, QPushButton])
def test_a_tap_button_is_painted_with_the_window_not_on_its_own(qtbot, kind) -> None:
    button = kind("Continue")
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    qtbot.wait(50)  # its first paint done
    paints = Paints(button)
    clicked: list[bool] = []
    button.clicked.connect(lambda: clicked.append(True))
    QTest.mousePress(button, Qt.MouseButton.LeftButton)
    pressed_at_once = paints.count
    assert button.isDown()
    QTest.mouseRelease(button, Qt.MouseButton.LeftButton)
    released_at_once = paints.count - pressed_at_once
    assert clicked == [True] and not button.isDown()
    if kind is TapButton:
        assert (pressed_at_once, released_at_once) == (0, 0)
        qtbot.waitUntil(lambda: paints.count > 0, timeout=1000)  # with the window's paint
    else:  # what Qt does, and TapButton does not: a paint of its own at each
        assert (pressed_at_once, released_at_once) == (1, 1)


def test_the_result_made_ahead_is_shown_as_made_and_forgotten_with_the_visitor(qtbot) -> None:
    driver = on_the_documents(qtbot)
    navigator = driver.kiosk.navigator
    navigator.ahead.make()
    made = navigator.screens.result.content
    assert navigator.entries.ahead(State.RESULT) is made  # built once for this quote
    driver.next()
    assert navigator.content is made
    kept = navigator.entries.last_result
    assert kept is not None and kept[1] is made, "the tap built the result again"
    driver.click("finish")
    driver.confirm()
    driver.click("finish")  # the thank-you screen
    assert driver.state == "welcome"
    assert navigator.entries.last_result is None  # nothing of the visitor kept
