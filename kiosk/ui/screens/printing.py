"""Printing the slip, and what came of it: printed, failed (retry, QR stays) or unknown."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.logic.i18n import Language, Strings
from kiosk.logic.quote import Quote
from kiosk.printing.outcome import PrintStatus
from kiosk.ui.screen import Screen, clear, label
from kiosk.ui.widgets.payment_card import PaymentCard


class PrintingScreen(Screen):
    """Signals: retry_requested(), finished()."""

    name = "printing"
    retry_requested = Signal()
    finished = Signal()

    def __init__(self, strings: Strings, parent: QWidget | None = None) -> None:
        super().__init__(strings, parent)
        self.status: PrintStatus | None = None
        self.reference = ""
        self.quote: Quote | None = None
        self.column = self.scrolling()
        self.wipe()
        self.retry = self.action("print-retry")
        self.retry.clicked.connect(self.retry_requested)
        self.finish = self.action("finish")
        self.finish.setProperty("role", "primary")
        self.finish.clicked.connect(self.finished)

    def actions(self) -> list[QWidget]:
        """Buttons shown in the footer: retry after a failure, done once there is an outcome."""
        if self.status is None:
            return []
        return [self.retry, self.finish] if self.status is PrintStatus.FAILED else [self.finish]

    def show_status(self, status: PrintStatus | None, reference: str, quote: Quote) -> None:
        """None while printing; then the outcome. On failure the QR codes are shown again."""
        self.wipe()
        self.status, self.reference, self.quote = status, reference, quote
        if status in (PrintStatus.FAILED, PrintStatus.UNKNOWN):  # the visitor may have no slip
            row = QWidget()
            cards = QHBoxLayout(row)
            for payment in quote.payments:
                card = PaymentCard(self.strings)
                card.setProperty("role", "card")
                card.show_payment(payment, quote.language)
                card.qr.setMinimumSize(320, 320)
                cards.addWidget(card)
            self.column.addWidget(row)
        self.column.addStretch(1)
        self.retranslate(quote.language)

    def wipe(self) -> None:
        clear(self.column)
        self.quote = None
        self.status = None
        self.reference = ""
        self.message = label("title", name="print-status")
        self.reference_label = label("heading", name="print-reference")
        self.next_steps = label("subtitle", name="print-next")
        self.column.addStretch(1)
        for widget in (self.message, self.reference_label, self.next_steps):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.column.addWidget(widget)

    def retranslate(self, language: Language) -> None:
        super().retranslate(language)
        key = {
            None: "printing.printing",
            PrintStatus.PRINTED: "printing.printed",
            PrintStatus.FAILED: "printing.failed",
            PrintStatus.UNKNOWN: "printing.unknown",
        }[self.status]
        self.message.setText(self.say(key))
        self.reference_label.setText(self.say("printing.reference", reference=self.reference))
        printed = self.status is PrintStatus.PRINTED  # the next steps speak of "this slip"
        steps = [self.say("slip.next-counter")] if printed else []
        if printed and self.quote is not None and self.quote.payments:
            steps.insert(0, self.say("slip.next-pay"))
        self.next_steps.setText("\n".join(steps))
        self.next_steps.setVisible(bool(steps))
        self.retry.setText(self.say("printing.retry"))
        self.finish.setText(self.say("printing.done"))
