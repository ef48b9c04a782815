"""The idle warning: a countdown with a "More time" button, over the screen; over payment
codes a strip across the top instead, so that a visitor paying keeps seeing every code."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.logic.content import ScreenContent
from kiosk.ui.screen import label
from kiosk.ui.widgets.tap_button import TapButton


class IdleOverlay(QWidget):
    """Covers its parent while shown (or only its top, as a strip). Signals: more_time()."""

    more_time = Signal()
    PANEL_WIDTH = 860
    PANEL_MARGIN = 48

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, objectName="idle-overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.strip_mode = False
        panel = QFrame(objectName="idle-panel")
        panel.setFixedWidth(self.PANEL_WIDTH)
        self.title, self.body, self.button = self._parts("title", "subtitle", 96)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(self.PANEL_MARGIN, 40, self.PANEL_MARGIN, 40)
        inner.setSpacing(24)
        inner.addWidget(self.title)
        inner.addWidget(self.body)
        inner.addWidget(self.button)
        self.panel = panel
        strip = QFrame(objectName="idle-strip")
        self.strip_title, self.strip_body, self.strip_button = self._parts("heading", "", 72)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.strip_title)
        words.addWidget(self.strip_body)
        row = QHBoxLayout(strip)
        row.setContentsMargins(32, 10, 32, 10)
        row.setSpacing(24)
        row.addLayout(words, 1)
        row.addWidget(self.strip_button)
        self.strip = strip
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(strip)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        parent.installEventFilter(self)
        self.hide()

    def _parts(self, title_role: str, body_role: str, height: int) -> tuple:
        title, body = label(title_role), label(body_role, name="idle-countdown")
        button = TapButton(objectName="idle-more-time")
        button.setProperty("role", "primary")
        button.setMinimumHeight(height)
        button.clicked.connect(self.more_time)
        return title, body, button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def paint(self, content: ScreenContent, strip: bool = False) -> None:
        """Show (or update) the warning as its content says; `strip`: across the top only
        (payment codes are on screen)."""
        self.strip_mode = strip
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, not strip)
        self.panel.setVisible(not strip)
        self.strip.setVisible(strip)
        title, body, button = (
            (self.strip_title, self.strip_body, self.strip_button)
            if strip
            else (self.title, self.body, self.button)
        )
        title.setText(content.heading)
        body.setText(content.text)
        button.setText(content.choices[0].label)
        if not strip:
            # A centred panel gets no height-for-width from its layout: room for wrapped text.
            inner = self.PANEL_WIDTH - 2 * self.PANEL_MARGIN
            for widget in (self.title, self.body):
                widget.setMinimumHeight(widget.heightForWidth(inner))
        self._place()
        self.raise_()
        self.show()

    def _place(self) -> None:
        area = self.parentWidget().rect()
        if self.strip_mode:
            area.setHeight(self.strip.sizeHint().height())
        self.setGeometry(area)
