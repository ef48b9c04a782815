"""The audio mode's focus: a thick ring, dark outside and amber inside, seen on every theme
and on every background, around whatever the keys stand on (a button or a text)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

OUTER, INNER = 4, 6  # px: the dark edge, and the amber band inside it
AMBER, DARK = QColor("#FEC50C"), QColor("#000000")
# High contrast is black with yellow marks (a ticked document has a yellow edge): there the
# ring is white outside and cyan inside, unlike anything else on screen.
CYAN, WHITE = QColor("#00E5FF"), QColor("#FFFFFF")


class FocusRing(QWidget):
    """Drawn over `window`, above everything, letting taps through."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window, objectName="focus-ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.target: QWidget | None = None
        self.high_contrast = False
        self.hide()

    def surround(self, target: QWidget | None) -> None:
        """Stand around `target` (None, or a widget not on screen: no ring)."""
        if self.target is not None and self.target is not target:
            self.target.removeEventFilter(self)
        self.target = target
        if target is None or not target.isVisible():
            self.target = None
            self.hide()
            return
        target.installEventFilter(self)
        self.place()

    def place(self) -> None:
        """Follow the target to where it is now (it scrolled, the window resized)."""
        target, window = self.target, self.parentWidget()
        if target is None or window is None:
            return
        margin = OUTER + INNER
        corner = target.mapTo(window, target.rect().topLeft())
        area = QRect(corner, target.size()).adjusted(-margin, -margin, margin, margin)
        self.setGeometry(area.intersected(window.rect()))
        self.show()
        self.raise_()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.target:
            if event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
                self.place()
            elif event.type() == QEvent.Type.Hide:
                self.hide()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inside = self.rect()
        rim, band = (WHITE, CYAN) if self.high_contrast else (DARK, AMBER)
        painter.setPen(QPen(rim, OUTER))
        painter.drawRoundedRect(inside.adjusted(2, 2, -2, -2), 12, 12)
        painter.setPen(QPen(band, INNER))
        painter.drawRoundedRect(
            inside.adjusted(OUTER + 3, OUTER + 3, -OUTER - 3, -OUTER - 3), 10, 10
        )
        painter.setPen(QPen(rim, 2))
        edge = OUTER + INNER
        painter.drawRoundedRect(inside.adjusted(edge, edge, -edge, -edge), 8, 8)
        painter.end()
