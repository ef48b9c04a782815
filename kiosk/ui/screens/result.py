"""The result: bill lines and total, a QR code per payee, ready-by date, warnings."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kiosk.logic.i18n import Language, Strings, format_date, format_money, format_number
from kiosk.logic.quote import Quote
from kiosk.ui.screen import Screen, clear, label
from kiosk.ui.widgets.online_card import OnlineCard
from kiosk.ui.widgets.payment_card import PaymentCard


class ResultScreen(Screen):
    """Signals: print_requested(), finished()."""

    name = "result"
    print_requested = Signal()
    finished = Signal()

    def __init__(self, strings: Strings, parent: QWidget | None = None) -> None:
        super().__init__(strings, parent)
        self.quote: Quote | None = None
        self.online = None
        self.keyed: dict[str, tuple[QLabel, str]] = {}
        self.mci_label: QLabel | None = None
        self.column = self.scrolling()
        self.print_button = self.action("print-slip")
        self.print_button.setProperty("role", "primary")
        self.print_button.clicked.connect(self.print_requested)
        self.finish = self.action("finish")
        self.finish.clicked.connect(self.finished)
        self.cards: list[PaymentCard] = []

    def actions(self) -> list[QWidget]:
        """Buttons shown in the footer."""
        return [self.finish, self.print_button] if self.quote else [self.finish]

    def show_unavailable(self) -> None:
        """Say the cost cannot be worked out (no MCI for the year): never a guessed amount."""
        self.wipe()
        box = QFrame(objectName="result-unavailable")
        box.setProperty("role", "blocker")
        inner = QVBoxLayout(box)
        inner.addWidget(self._keyed("heading", "unavailable-text", "result.unavailable"))
        self.column.addWidget(box)
        self.column.addStretch(1)
        self.print_button.hide()
        self.retranslate(self.language)

    def show_quote(self, quote: Quote, online: object | None = None) -> None:
        """Show a complete quote (texts are already in the visitor's language)."""
        self.wipe()
        self.quote, self.online = quote, online
        self.print_button.show()
        language = quote.language
        self.column.addWidget(self._keyed("title", "result-title", "result.title"))

        bill = QFrame(objectName="bill")
        bill.setProperty("role", "card")
        grid = QGridLayout(bill)
        grid.setContentsMargins(28, 20, 28, 20)
        grid.setHorizontalSpacing(24)
        row = 0
        for line in quote.bill.lines:
            name = label("heading", name=f"bill-line-{line.id}")
            name.setText(line.label)
            if line.mci is not None:
                sum_text = self.strings.text(
                    "result.mci-line",
                    language,
                    multiple=format_number(line.mci, language),
                    mci=format_money(quote.mci.value, language),
                    amount=format_money(line.amount, language),
                )
            else:
                sum_text = format_money(line.amount, language)
            amount = label(wrap=False, name=f"bill-amount-{line.id}")
            amount.setText(sum_text)
            amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, row, 0)
            grid.addWidget(amount, row, 1)
            row += 1
        total_name = self._keyed("title", "bill-total-label", "result.total")
        total = label("title", wrap=False, name="bill-total")
        total.setText(format_money(quote.bill.total, language))
        total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(total_name, row, 0)
        grid.addWidget(total, row, 1)
        mci = label("muted", name="mci-year")
        self.mci_label = mci
        grid.addWidget(mci, row + 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self.column.addWidget(bill)

        if quote.payments:
            self.column.addWidget(self._keyed("heading", "pay-title", "result.pay-title"))
            cards = QWidget()
            row_layout = QHBoxLayout(cards)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.setSpacing(24)
            for payment in quote.payments:
                card = PaymentCard(self.strings)
                card.setProperty("role", "card")
                card.show_payment(payment, language)
                card.qr.setMinimumSize(300, 300)
                card.setMaximumWidth(620)
                self.cards.append(card)
                row_layout.addWidget(card)
            row_layout.addStretch(1)
            self.column.addWidget(cards)
        elif quote.bill.total == 0:
            self.column.addWidget(self._keyed("heading", "nothing-to-pay", "result.nothing-to-pay"))

        when = QFrame(objectName="timing")
        when.setProperty("role", "card")
        timing = QVBoxLayout(when)
        timing.setContentsMargins(28, 16, 28, 16)
        if quote.ready_by is not None:
            ready = label("heading", name="ready-by")
            ready.setText(
                self.strings.text(
                    "result.ready-by", language, date=format_date(quote.ready_by, language)
                )
            )
            timing.addWidget(ready)
        processing = label(name="processing")
        processing.setText(self.strings.text("result.processing", language, text=quote.processing))
        timing.addWidget(processing)
        self.column.addWidget(when)

        if quote.warnings or quote.notes:
            self.column.addWidget(self._keyed("heading", "notes-title", "result.notes"))
        for item in quote.warnings:
            self.column.addWidget(_message(f"warning-{item.id}", "warning", item.text))
        for item in quote.notes:
            self.column.addWidget(_message(f"note-{item.id}", "card", item.text))

        if online is not None:
            self.column.addWidget(self._keyed("heading", "online-title", "result.online"))
            card = OnlineCard()
            card.setProperty("role", "card")
            card.show_online(online, language)  # type: ignore[arg-type]
            card.qr.setMinimumSize(280, 280)
            self.column.addWidget(card)
        self.column.addStretch(1)
        self.retranslate(language)

    def wipe(self) -> None:
        clear(self.column)
        self.quote = None
        self.online = None
        self.cards = []
        self.keyed = {}
        self.mci_label = None

    def retranslate(self, language: Language) -> None:
        super().retranslate(language)
        self.print_button.setText(self.say("result.print"))
        self.finish.setText(self.say("result.finish"))
        for widget, key in self.keyed.values():
            widget.setText(self.say(key))
        if self.quote is not None and self.mci_label is not None:
            value = format_money(self.quote.mci.value, language)
            year = str(self.quote.mci.year)
            self.mci_label.setText(self.say("result.mci-year", year=year, value=value))

    def _keyed(self, role: str, name: str, key: str) -> QLabel:
        """A label whose text is the kiosk text `key`, kept in the current language."""
        widget = label(role, name=name)
        self.keyed[name] = (widget, key)
        return widget


def _message(name: str, role: str, text: str) -> QFrame:
    frame = QFrame(objectName=name)
    frame.setProperty("role", role)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(24, 14, 24, 14)
    body = label()
    body.setText(text)
    layout.addWidget(body)
    return frame
