"""The idle warning: a countdown over the screen with a "More time" button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from kiosk.logic.content import ScreenContent
from kiosk.ui.screen import label


class IdleOverlay(QWidget):
    """Covers its parent while shown. Signals: more_time()."""

    more_time = Signal()
    PANEL_WIDTH = 860
    PANEL_MARGIN = 48

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, objectName="idle-overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        panel = QFrame(objectName="idle-panel")
        panel.setFixedWidth(self.PANEL_WIDTH)
        self.title = label("title")
        self.body = label("subtitle", name="idle-countdown")
        for widget in (self.title, self.body):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.button = QPushButton(objectName="idle-more-time")
        self.button.setProperty("role", "primary")
        self.button.setMinimumHeight(96)
        self.button.clicked.connect(self.more_time)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(self.PANEL_MARGIN, 40, self.PANEL_MARGIN, 40)
        inner.setSpacing(24)
        inner.addWidget(self.title)
        inner.addWidget(self.body)
        inner.addWidget(self.button)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        parent.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def paint(self, content: ScreenContent) -> None:
        """Show (or update) the warning as its content says."""
        self.title.setText(content.heading)
        self.body.setText(content.text)
        self.button.setText(content.choices[0].label)
        # A centred panel gets no height-for-width from its layout: give wrapped text room.
        inner = self.PANEL_WIDTH - 2 * self.PANEL_MARGIN
        for widget in (self.title, self.body):
            widget.setMinimumHeight(widget.heightForWidth(inner))
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
