"""The result: bill lines and total, a QR code per payee, ready-by date, warnings."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.logic.content import ScreenContent
from kiosk.ui.screen import Screen, clear, label
from kiosk.ui.widgets.online_card import OnlineCard
from kiosk.ui.widgets.payment_card import PaymentCard


class ResultScreen(Screen):
    """Signals: print_requested(), finished()."""

    name = "result"
    print_requested = Signal()
    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = self.scrolling()
        self.action("print-slip", "primary").clicked.connect(self.print_requested)
        self.action("finish").clicked.connect(self.finished)
        self.cards: list[PaymentCard] = []

    def paint(self, content: ScreenContent) -> None:
        """A complete quote's content, or why there is none (no guessed amount, ever)."""
        super().paint(content)
        clear(self.column)
        self.cards = []
        if content.total is None:
            for message in content.messages:
                box = QFrame(objectName=message.id)
                box.setProperty("role", "blocker")
                QVBoxLayout(box).addWidget(_text("heading", "unavailable-text", message.text))
                self.column.addWidget(box)
            self.column.addStretch(1)
            return
        self.column.addWidget(_text("title", "heading", content.heading))
        self.column.addWidget(_bill(content))
        fact = content.fact
        payments = [item for item in content.qr if item.id != "online"]
        if payments:
            self.column.addWidget(_text("heading", "pay-title", fact("pay-title")))
            cards = QWidget()
            row = QHBoxLayout(cards)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(24)
            for item in payments:
                card = PaymentCard()
                card.setProperty("role", "card")
                card.show_item(item)
                card.qr.setMinimumSize(300, 300)
                card.setMaximumWidth(620)
                self.cards.append(card)
                row.addWidget(card)
            row.addStretch(1)
            self.column.addWidget(cards)
        elif fact("nothing-to-pay"):
            self.column.addWidget(_text("heading", "nothing-to-pay", fact("nothing-to-pay")))
        when = QFrame(objectName="timing")
        when.setProperty("role", "card")
        timing = QVBoxLayout(when)
        timing.setContentsMargins(28, 16, 28, 16)
        if fact("ready-by"):
            timing.addWidget(_text("heading", "ready-by", fact("ready-by")))
        timing.addWidget(_text("", "processing", fact("processing")))
        self.column.addWidget(when)
        if fact("notes-title"):
            self.column.addWidget(_text("heading", "notes-title", fact("notes-title")))
        for message in content.messages:
            frame = QFrame(objectName=message.id)
            frame.setProperty("role", "warning" if message.kind == "warning" else "card")
            layout = QVBoxLayout(frame)
            layout.setContentsMargins(24, 14, 24, 14)
            layout.addWidget(_text("", "", message.text))
            self.column.addWidget(frame)
        for item in content.qr:
            if item.id == "online":
                self.column.addWidget(_text("heading", "online-title", fact("online-title")))
                online = OnlineCard()
                online.setProperty("role", "card")
                online.show_item(item)
                online.qr.setMinimumSize(280, 280)
                self.column.addWidget(online)
        self.column.addStretch(1)

    def wipe(self) -> None:
        super().wipe()
        clear(self.column)
        self.cards = []


def _bill(content: ScreenContent) -> QFrame:
    """The bill: a row per line, the total, and the MCI of the year."""
    assert content.total is not None
    bill = QFrame(objectName="bill")
    bill.setProperty("role", "card")
    grid = QGridLayout(bill)
    grid.setContentsMargins(28, 20, 28, 20)
    grid.setHorizontalSpacing(24)
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for row, line in enumerate(content.lines):
        grid.addWidget(_text("heading", f"bill-line-{line.id}", line.label), row, 0)
        amount = _text("", f"bill-amount-{line.id}", line.text, wrap=False)
        amount.setAlignment(right)
        grid.addWidget(amount, row, 1)
    row = len(content.lines)
    total = content.total
    grid.addWidget(_text("title", "bill-total-label", total.label), row, 0)
    shown = _text("title", "bill-total", total.text, wrap=False)
    shown.setAlignment(right)
    grid.addWidget(shown, row, 1)
    grid.addWidget(_text("muted", "mci-year", content.fact("mci-year")), row + 1, 0, 1, 2)
    grid.setColumnStretch(0, 1)
    return bill


def _text(role: str, name: str, text: str, wrap: bool = True) -> QLabel:
    widget = label(role, wrap=wrap, name=name)
    widget.setText(text)
    return widget
