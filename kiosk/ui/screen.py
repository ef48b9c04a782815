"""What every screen shares: its object name, the content it paints, its footer buttons,
and a scrollable content column."""

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

from kiosk.logic.content import ScreenContent


class Screen(QWidget):
    """A screen of the kiosk. Subclasses set `name` (object name `screen-<name>`) and show
    a ScreenContent in `paint`: every text they show comes from it. Screens emit signals;
    they never switch screens themselves."""

    name: ClassVar[str] = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"screen-{self.name}")
        self.content: ScreenContent | None = None
        self.actions: dict[str, QPushButton] = {}  # the screen's own footer buttons, by id

    def paint(self, content: ScreenContent) -> None:
        """Show `content` (subclasses paint it, then call this)."""
        self.content = content

    def footer(self) -> list[QWidget]:
        """The screen's own buttons the content puts in the footer, labelled, in order."""
        buttons: list[QWidget] = []
        for action in self.content.actions if self.content else ():
            button = self.actions.get(action.id)
            if button is not None:
                button.setText(action.label)
                buttons.append(button)
        return buttons

    def scrolling(self) -> QVBoxLayout:
        """Fill the screen with a kinetic-scrolling column; returns the column's layout."""
        area, column = scroll_column(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(area)
        return column

    def wipe(self) -> None:
        """Forget everything shown about the last visitor (screens with answers extend it)."""
        self.content = None

    def action(self, name: str, role: str = "") -> QPushButton:
        """A button for the window's footer, shown when the content lists `name` among its
        actions. It belongs to the screen, hidden, until the footer shows it: never a
        parentless top-level window."""
        button = QPushButton(self, objectName=name)
        if role:
            button.setProperty("role", role)
        button.hide()
        self.actions[name] = button
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
