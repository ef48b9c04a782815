"""A blocker: what to do first, where, and what to bring back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.logic.content import ScreenContent
from kiosk.ui.screen import Screen, label


class BlockerScreen(Screen):
    """Signals: finished(), print_requested()."""

    name = "blocker"
    finished = Signal()
    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = self.scrolling()
        self.title = label("title", name="heading")
        self.column.addWidget(self.title)
        # One frame per blocker, made once and reused (styled once, not at every visitor).
        self.frames: list[tuple[QFrame, QLabel, QLabel]] = []
        self.column.addStretch(1)
        self.wipe()
        self.action("finish").clicked.connect(self.finished)
        self.action("print-slip", "primary").clicked.connect(self.print_requested)

    def paint(self, content: ScreenContent) -> None:
        """Every blocker in force."""
        super().paint(content)
        self.title.setText(content.heading)
        while len(self.frames) < len(content.messages):
            frame = QFrame()
            frame.setProperty("role", "blocker")
            inner = QVBoxLayout(frame)
            inner.setContentsMargins(28, 20, 28, 20)
            heading, body = label("title"), label()
            inner.addWidget(heading)
            inner.addWidget(body)
            self.column.insertWidget(self.column.count() - 1, frame)  # above the stretch
            self.frames.append((frame, heading, body))
        for n, (frame, heading, body) in enumerate(self.frames):
            message = content.messages[n] if n < len(content.messages) else None
            frame.setObjectName(message.id if message else "")
            heading.setText(message.title if message else "")
            body.setText(message.text if message else "")
            frame.setVisible(message is not None)

    def wipe(self) -> None:
        """Nothing of the last visitor: the frames blank, hidden and nameless."""
        super().wipe()
        self.title.setText("")
        for frame, heading, body in self.frames:
            frame.setObjectName("")
            heading.setText("")
            body.setText("")
            frame.hide()
