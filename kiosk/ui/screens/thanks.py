"""Thank you, then back to the welcome screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.logic.i18n import Language, Strings
from kiosk.ui.screen import Screen, label


class ThanksScreen(Screen):
    """Signals: finished()."""

    name = "thanks"
    finished = Signal()

    def __init__(self, strings: Strings, parent: QWidget | None = None) -> None:
        super().__init__(strings, parent)
        self.title = label("huge")
        self.body = label("subtitle")
        for widget in (self.title, self.body):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.finish = QPushButton(objectName="finish")
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

    def retranslate(self, language: Language) -> None:
        super().retranslate(language)
        self.title.setText(self.say("thanks.title"))
        self.body.setText(self.say("thanks.text"))
        self.finish.setText(self.say("printing.done"))
