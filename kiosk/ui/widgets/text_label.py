"""A label that remembers how tall its wrapped text is at a given width.

While a screen is laid out, Qt's layouts ask each word-wrapped label for its height at a
width many times over (every level of a nested layout, for its minimum and its preferred
height, in a scroll area once with room for the scroll bar and once without), and a QLabel
lays its whole text out afresh for every question: 1–3 ms of a tap on the service list, the
documents and the result. The answer depends only on the text, the font, the wrapping and
the margins, so it is kept until one of them changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
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

    Its text is set through its methods (`setText`, `setNum`, `clear`), not through the
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

    def setText(self, text: str) -> None:
        self._heights = {}
        super().setText(text)

    def setNum(self, number: float) -> None:
        self._heights = {}
        super().setNum(number)

    def setTextFormat(self, text_format: Qt.TextFormat) -> None:
        self._heights = {}
        super().setTextFormat(text_format)

    def clear(self) -> None:
        self._heights = {}
        super().clear()

    def setPixmap(self, pixmap: QPixmap) -> None:
        self._heights = {}
        super().setPixmap(pixmap)

    def setWordWrap(self, on: bool) -> None:
        self._heights = {}
        super().setWordWrap(on)

    def setMargin(self, margin: int) -> None:
        self._heights = {}
        super().setMargin(margin)

    def setIndent(self, indent: int) -> None:
        self._heights = {}
        super().setIndent(indent)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _RESIZING:
            self._heights = {}
        super().changeEvent(event)
