"""A blocker: what to do first, where, and what to bring back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.logic.i18n import Language, Strings
from kiosk.logic.quote import Quote
from kiosk.ui.screen import Screen, clear, label


class BlockerScreen(Screen):
    """Signals: finished()."""

    name = "blocker"
    finished = Signal()

    def __init__(self, strings: Strings, parent: QWidget | None = None) -> None:
        super().__init__(strings, parent)
        self.column = self.scrolling()
        self.wipe()
        self.finish = self.action("finish")
        self.finish.setProperty("role", "primary")
        self.finish.clicked.connect(self.finished)

    def actions(self) -> list[QWidget]:
        """Buttons shown in the footer."""
        return [self.finish]

    def show_blockers(self, quote: Quote) -> None:
        """Show every blocker in force (texts in the quote's language)."""
        self.wipe()
        for blocker in quote.blockers:
            frame = QFrame(objectName=f"blocker-{blocker.id}")
            frame.setProperty("role", "blocker")
            inner = QVBoxLayout(frame)
            inner.setContentsMargins(28, 20, 28, 20)
            heading = label("title")
            heading.setText(blocker.title or "")
            body = label()
            body.setText(blocker.text)
            inner.addWidget(heading)
            inner.addWidget(body)
            self.column.addWidget(frame)
        self.column.addStretch(1)
        self.retranslate(quote.language)

    def wipe(self) -> None:
        clear(self.column)
        self.title = label("title")
        self.column.addWidget(self.title)

    def retranslate(self, language: Language) -> None:
        super().retranslate(language)
        self.title.setText(self.say("blocker.title"))
        self.finish.setText(self.say("result.finish"))
