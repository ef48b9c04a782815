"""Printing the slip, and what came of it: printed, failed (retry, QR stays) or unknown."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.logic.content import ScreenContent
from kiosk.ui.screen import Screen, clear, label
from kiosk.ui.widgets.payment_card import PaymentCard


class PrintingScreen(Screen):
    """Signals: retry_requested(), finished(). What it shows is the print job's state, as
    the navigator's content says; the screen keeps no outcome of its own."""

    name = "printing"
    retry_requested = Signal()
    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = self.scrolling()
        self.action("print-retry").clicked.connect(self.retry_requested)
        self.action("finish", "primary").clicked.connect(self.finished)
        self.wipe()

    def paint(self, content: ScreenContent) -> None:
        """Printing…, or the outcome; with the payment codes when there may be no slip."""
        super().paint(content)
        clear(self.column)
        self.column.addStretch(1)
        for role, name, text in (
            ("title", "heading", content.heading),
            ("heading", "print-reference", content.fact("print-reference")),
            ("subtitle", "print-next", content.fact("print-next")),
        ):
            if text:
                widget = label(role, name=name)
                widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                widget.setText(text)
                self.column.addWidget(widget)
        if content.qr:
            row = QWidget()
            cards = QHBoxLayout(row)
            for item in content.qr:
                card = PaymentCard()
                card.setProperty("role", "card")
                card.show_item(item)
                card.qr.setMinimumSize(320, 320)
                cards.addWidget(card)
            self.column.addWidget(row)
        self.column.addStretch(1)

    def wipe(self) -> None:
        super().wipe()
        clear(self.column)
