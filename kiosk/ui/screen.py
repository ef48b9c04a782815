"""What every screen shares: its object name, the content it paints, its footer buttons,
and a scrollable content column."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from kiosk.logic.content import ScreenContent
from kiosk.ui.widgets.tap_button import TapButton
from kiosk.ui.widgets.text_label import TextLabel


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
        self._areas: list[QScrollArea] | None = None

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
        area, column = scroll_column(self, centred=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(area)
        return column

    def scroll_areas(self) -> list[QScrollArea]:
        """The screen's scrolling areas (found once: a screen keeps its areas)."""
        if self._areas is None:
            self._areas = self.findChildren(QScrollArea)
        return self._areas

    def wipe(self) -> None:
        """Forget everything shown about the last visitor (screens with answers extend it)."""
        self.content = None

    def action(self, name: str, role: str = "") -> QPushButton:
        """A button for the window's footer, shown when the content lists `name` among its
        actions. It belongs to the screen, hidden, until the footer shows it: never a
        parentless top-level window."""
        button = TapButton(self, objectName=name)
        if role:
            button.setProperty("role", role)
        button.hide()
        self.actions[name] = button
        return button


class Centring(QObject):
    """On a portrait screen, a short column stands in the middle of the screen, not in its
    top third; on a landscape one, at the top."""

    def __init__(self, owner: QWidget, top: QSpacerItem, layout: QVBoxLayout) -> None:
        super().__init__(owner)
        self.top, self.layout, self.portrait = top, layout, False
        owner.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            size = event.size()  # type: ignore[attr-defined]
            portrait = size.height() > size.width()
            if portrait != self.portrait:
                self.portrait = portrait
                grow = QSizePolicy.Policy.Expanding if portrait else QSizePolicy.Policy.Fixed
                self.top.changeSize(0, 0, QSizePolicy.Policy.Minimum, grow)
                self.layout.setStretch(0, 1 if portrait else 0)  # as much above as below
                self.layout.invalidate()
        return False


def scroll_column(owner: QWidget, centred: bool = False) -> tuple[QScrollArea, QVBoxLayout]:
    """A vertically scrolling column that kinetic-scrolls under a finger (`centred`: in the
    middle of a portrait screen when it is shorter than the screen)."""
    area = QScrollArea(owner)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    inner = QWidget()
    if centred:
        outer = QVBoxLayout(inner)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        top = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        outer.addItem(top)
        content = QWidget()
        outer.addWidget(content)  # as tall as what it holds: the stretches share the rest
        outer.addStretch(1)
        Centring(owner, top, outer)
        column = QVBoxLayout(content)
    else:
        column = QVBoxLayout(inner)
    column.setContentsMargins(48, 32, 48, 32)
    column.setSpacing(16)
    area.setWidget(inner)
    # The window's colour shows through: neither the viewport nor the column fills its
    # background (setWidget turned the column's filling on), so a paint fills a pixel once.
    area.viewport().setAutoFillBackground(False)
    inner.setAutoFillBackground(False)
    if _deferred is None:
        _kinetic(area)
    else:
        _deferred.append(area)
    return area, column


# Kinetic scrolling set up later: Qt wraps a scroll area's viewport, its first time, in some
# 10 ms of type creation, which the first screen shown from what was kept does without.
_deferred: list[QScrollArea] | None = None


def defer_kinetic() -> None:
    """Scroll columns made from now on scroll by a finger only once `make_kinetic()` runs."""
    global _deferred
    _deferred = []


def make_kinetic() -> None:
    """Kinetic scrolling for every column deferred, and for every column from now on."""
    global _deferred
    deferred, _deferred = _deferred or [], None
    for area in deferred:
        if Shiboken.isValid(area):
            _kinetic(area)


def _kinetic(area: QScrollArea) -> None:
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(area.viewport())
    properties = scroller.scrollerProperties()
    # Deliver a press at once: a tap is a tap; only a drag becomes a scroll.
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.OvershootDragResistanceFactor, 0.2)
    scroller.setScrollerProperties(properties)


def label(role: str = "", *, wrap: bool = True, name: str = "") -> QLabel:
    """A label with a style role."""
    widget = TextLabel(wordWrap=wrap)
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
