"""Widgets made once and reused from one visitor's screen to the next.

Making and styling new widgets at every tap was most of a tap's time. A pool keeps its
widgets in a column (before the column's closing stretch); those not in use are hidden and
blanked, so that nothing of an earlier visitor stays in them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class Pool(Generic[W]):
    """`make()` makes a widget; `blank(widget)` hides it and empties it of every text."""

    def __init__(self, column: QVBoxLayout, make: Callable[[], W], blank: Callable[[W], None]):
        self.column, self.make, self.blank = column, make, blank
        self.widgets: list[W] = []

    def take(self, count: int) -> list[W]:
        """The first `count` widgets, shown (made when there are too few); the rest blanked."""
        while len(self.widgets) < count:
            widget = self.make()
            widget.hide()
            self.column.insertWidget(self.column.count() - 1, widget)  # before the stretch
            self.widgets.append(widget)
        for widget in self.widgets[count:]:
            self.blank(widget)
        used = self.widgets[:count]
        for widget in used:
            widget.show()
        return used

    def clear(self) -> None:
        """Blank every widget."""
        for widget in self.widgets:
            self.blank(widget)
