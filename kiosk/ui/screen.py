"""What every screen shares: its object name, its texts, and a scrollable content column."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from kiosk.logic.i18n import Language, Strings


class Screen(QWidget):
    """A screen of the kiosk. Subclasses set `name` (object name `screen-<name>`) and
    re-render their texts in `retranslate`. Screens emit signals; they never switch
    screens themselves."""

    name: ClassVar[str] = ""

    def __init__(self, strings: Strings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"screen-{self.name}")
        self.strings = strings
        self.language: Language = "kk"

    def say(self, key: str, **values: str) -> str:
        """A kiosk text in the current language."""
        return self.strings.text(key, self.language, **values)

    def retranslate(self, language: Language) -> None:
        """Show every text in `language`."""
        self.language = language

    def scrolling(self) -> QVBoxLayout:
        """Fill the screen with a kinetic-scrolling column; returns the column's layout."""
        area, column = scroll_column(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(area)
        return column

    def wipe(self) -> None:
        """Forget everything shown about the last visitor (screens with answers override)."""

    def action(self, name: str) -> QPushButton:
        """A button for the window's footer (`set_chrome(actions=...)`). It belongs to the
        screen, hidden, until the footer shows it: never a parentless top-level window."""
        button = QPushButton(self, objectName=name)
        button.hide()
        return button


def scroll_column(owner: QWidget) -> tuple[QScrollArea, QVBoxLayout]:
    """A vertically scrolling column that kinetic-scrolls under a finger."""
    area = QScrollArea(owner)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    inner = QWidget()
    column = QVBoxLayout(inner)
    column.setContentsMargins(48, 32, 48, 32)
    column.setSpacing(16)
    area.setWidget(inner)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(area.viewport())
    properties = scroller.scrollerProperties()
    # Deliver a press at once: a tap is a tap; only a drag becomes a scroll.
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.OvershootDragResistanceFactor, 0.2)
    scroller.setScrollerProperties(properties)
    return area, column


def label(role: str = "", *, wrap: bool = True, name: str = "") -> QLabel:
    """A label with a style role."""
    widget = QLabel(wordWrap=wrap)
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    return widget


def clear(layout: QVBoxLayout) -> None:
    """Remove and delete every item of a layout: its widgets and stretches."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        # A taken item is the caller's to delete, and Python does not own it: without this
        # every wipe left its layout items behind (a soak found it: ~8 KB a visitor).
        Shiboken.delete(item)
