"""A blocker: what to do first, where, and what to bring back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.logic.content import ScreenContent
from kiosk.ui.screen import Screen, clear, label


class BlockerScreen(Screen):
    """Signals: finished(), print_requested()."""

    name = "blocker"
    finished = Signal()
    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = self.scrolling()
        self.wipe()
        self.action("finish").clicked.connect(self.finished)
        self.action("print-slip", "primary").clicked.connect(self.print_requested)

    def paint(self, content: ScreenContent) -> None:
        """Every blocker in force."""
        super().paint(content)
        clear(self.column)
        title = label("title", name="heading")
        title.setText(content.heading)
        self.column.addWidget(title)
        for message in content.messages:
            frame = QFrame(objectName=message.id)
            frame.setProperty("role", "blocker")
            inner = QVBoxLayout(frame)
            inner.setContentsMargins(28, 20, 28, 20)
            heading = label("title")
            heading.setText(message.title)
            body = label()
            body.setText(message.text)
            inner.addWidget(heading)
            inner.addWidget(body)
            self.column.addWidget(frame)
        self.column.addStretch(1)

    def wipe(self) -> None:
        super().wipe()
        clear(self.column)
