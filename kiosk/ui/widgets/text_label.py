"""A label that remembers how tall its wrapped text is at a given width.

While a screen is laid out, Qt's layouts ask each word-wrapped label for its height at a
width many times over (every level of a nested layout, for its minimum and its preferred
height, in a scroll area once with room for the scroll bar and once without), and a QLabel
lays its whole text out afresh for every question: 1–3 ms of a tap on the service list, the
documents and the result. The answer depends only on the text, the font, the wrapping and
the margins, so it is kept until one of them changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel

KEPT = 8  # widths remembered (a screen asks at two or three)

# What changes the height of a text at a width, told to the label as an event.
_RESIZING = frozenset(
    {
        QEvent.Type.FontChange,
        QEvent.Type.ApplicationFontChange,
        QEvent.Type.StyleChange,
        QEvent.Type.ContentsRectChange,
        QEvent.Type.LayoutDirectionChange,
    }
)


class TextLabel(QLabel):
    """A QLabel whose height for a width is worked out once per text, font and margins.

    Its text is set through its methods (`setText`, `setNum`, `clear`: each forgets the
    heights, as every setter of the format and the margins does, below), not through the
    `text` property, which Qt sets without telling the label."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        # Before Qt's constructor: it sets the keyword properties through the setters below.
        self._heights: dict[int, int] = {}
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= KEPT:
                self._heights.clear()
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _RESIZING:
            self._heights = {}
        super().changeEvent(event)


def _forgetting(name: str) -> Callable[..., None]:
    """QLabel's setter `name`, forgetting the kept heights first."""
    setter = getattr(QLabel, name)

    def forget_then_set(label: TextLabel, *value: Any) -> None:
        label._heights = {}
        setter(label, *value)

    forget_then_set.__name__ = name
    return forget_then_set


# Whatever changes the text, its format or the room around it (called by Python; Qt
# calls none of them on its own, but for the keyword properties at construction).
for _name in (
    "setText",
    "setNum",
    "clear",
    "setTextFormat",
    "setPixmap",
    "setWordWrap",
    "setMargin",
    "setIndent",
):
    setattr(TextLabel, _name, _forgetting(_name))
