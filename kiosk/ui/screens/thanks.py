"""Thank you, then back to the welcome screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.logic.content import ScreenContent
from kiosk.ui.screen import Screen, label
from kiosk.ui.widgets.tap_button import TapButton


class ThanksScreen(Screen):
    """Signals: finished()."""

    name = "thanks"
    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("huge", name="heading")
        self.body = label("subtitle")
        for widget in (self.title, self.body):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.finish = TapButton(objectName="finish")
        self.finish.setProperty("role", "primary")
        self.finish.setMinimumWidth(320)
        self.finish.clicked.connect(self.finished)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addStretch(1)
        layout.addWidget(self.finish, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def paint(self, content: ScreenContent) -> None:
        """Thank the visitor."""
        super().paint(content)
        self.title.setText(content.heading)
        self.body.setText(content.text)
        self.finish.setText(content.choices[0].label)
