"""The result, designed for paying: the payment codes in a panel of their own that is never
scrolled (beside the rest in landscape, above it in portrait), each numbered with what it
pays; beside or below, what to do now, the bill, when it will be ready, warnings, and the
eGov code, set apart as not a payment. With nothing to pay there is no bill and no panel;
in a year with no MCI published, that the duty is paid at the centre stands in place of
the bill."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kiosk.logic.content import Message, ScreenContent
from kiosk.logic.quote import DUTY_NOT_PUBLISHED
from kiosk.ui.screen import Screen, clear, label, scroll_column
from kiosk.ui.widgets.online_card import OnlineCard
from kiosk.ui.widgets.payment_card import QR_SIDE, PaymentCard

PAY_SHARE = 60  # per cent of the width the payment panel takes in landscape
CARD_TEXT = 300  # px of a card and the panel that are not the code (titles, amounts)
CARD_SIDES = 24  # px of a card beside its code: its margins and border
UNAVAILABLE = "result-unavailable"  # the message of a case that cannot be priced at all
UNPUBLISHED = f"warning-{DUTY_NOT_PUBLISHED}"  # said in place of the bill


class ResultScreen(Screen):
    """Signals: print_requested(), finished()."""

    name = "result"
    print_requested = Signal()
    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action("print-slip", "primary").clicked.connect(self.print_requested)
        self.action("finish").clicked.connect(self.finished)
        self.cards: list[PaymentCard] = []
        # The payment panel scrolls only when it must (very large text): it never makes the
        # window taller than the screen.
        self.pay, self.pay_column = scroll_column(self)
        self.pay.setObjectName("pay-panel")
        self.pay_column.setContentsMargins(20, 12, 12, 8)
        self.pay_column.setSpacing(8)
        self.info, self.column = scroll_column(self)
        self.column.setContentsMargins(24, 20, 16, 20)
        self.split = QBoxLayout(QBoxLayout.Direction.RightToLeft, self)
        self.split.setContentsMargins(0, 0, 0, 0)
        self.split.setSpacing(0)
        self.split.addWidget(self.pay, PAY_SHARE)
        self.split.addWidget(self.info, 100 - PAY_SHARE)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Portrait: the codes on top (as tall as they need), the rest below; landscape:
        the codes on the right."""
        # Stacked too when the rest would not fit beside the codes (large text, narrow).
        bar = self.info.verticalScrollBar().sizeHint().width()
        beside = self.width() - self.pay.minimumWidth() - bar
        portrait = self.height() > self.width() or (
            self.pay.isVisibleTo(self) and beside < self.info.widget().minimumSizeHint().width()
        )
        wanted = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.RightToLeft
        if self.split.direction() != wanted:
            self.split.setDirection(wanted)
            self.split.setStretch(0, 0 if portrait else PAY_SHARE)
        # A code as big as the room allows, and no bigger: one code alone would otherwise
        # take the whole width, and be taller than the screen.
        room = self.width() // 2 - 40 if portrait else self.height() - CARD_TEXT
        for card in self.cards:
            card.setMaximumWidth(max(QR_SIDE + 24, room))
        if portrait:  # the codes are as tall as they are wide
            inner = self.pay.widget()
            needed = max(inner.heightForWidth(self.width()), inner.sizeHint().height())
            self.pay.setFixedHeight(min(needed, self.height() * 3 // 4))
        else:
            self.pay.setMinimumHeight(0)
            self.pay.setMaximumHeight(16_777_215)

    def paint(self, content: ScreenContent) -> None:
        """A complete quote's content, or why there is none (no guessed amount, ever)."""
        super().paint(content)
        clear(self.column)
        clear(self.pay_column)
        self.cards = []
        if any(message.id == UNAVAILABLE for message in content.messages):
            self.pay.hide()
            for message in content.messages:
                box = QFrame(objectName=message.id)
                box.setProperty("role", "blocker")
                QVBoxLayout(box).addWidget(_text("heading", "unavailable-text", message.text))
                self.column.addWidget(box)
            self.column.addStretch(1)
            return
        fact = content.fact
        payments = [item for item in content.qr if item.id != "online"]
        self._paint_payments(content, payments)
        self._arrange()
        self.column.addWidget(_text("title", "heading", content.heading))
        if content.total is not None:
            self.column.addWidget(_bill(content))
        # No MCI published for the year: where the bill would be, that the duty is paid at
        # the centre (no amount, no code).
        in_place = [message for message in content.messages if message.id == UNPUBLISHED]
        for message in in_place:
            self.column.addWidget(_message(message, "warning", "heading"))
        if fact("nothing-to-pay"):
            self.column.addWidget(_text("heading", "nothing-to-pay", fact("nothing-to-pay")))
        self.column.addWidget(_card("steps", fact("steps-title"), fact("steps")))
        when = QFrame(objectName="timing")
        when.setProperty("role", "card")
        timing = QVBoxLayout(when)
        timing.setContentsMargins(24, 14, 24, 14)
        if fact("ready-by"):
            timing.addWidget(_text("heading", "ready-by", fact("ready-by")))
        timing.addWidget(_text("", "processing", fact("processing")))
        self.column.addWidget(when)
        for item in content.qr:
            if item.id == "online":  # set apart: it opens the portal, it pays nothing
                self.column.addWidget(_text("heading", "online-title", fact("online-title")))
                self.column.addWidget(_text("muted", "online-note", fact("online-note")))
                if fact("online-steps"):
                    self.column.addWidget(_text("", "online-steps", fact("online-steps")))
                online = OnlineCard()
                online.setProperty("role", "card")
                online.show_item(item)
                online.qr.setMinimumSize(240, 240)
                online.setMaximumWidth(420)
                self.column.addWidget(online)
        if fact("notes-title"):
            self.column.addWidget(_text("heading", "notes-title", fact("notes-title")))
        for message in content.messages:
            if message not in in_place:
                role = "warning" if message.kind == "warning" else "card"
                self.column.addWidget(_message(message, role))
        self.column.addStretch(1)

    def _paint_payments(self, content: ScreenContent, payments: list) -> None:
        """The payment panel: what to pay in all, and each code; hidden when nothing is paid
        by QR."""
        self.pay.setVisible(bool(payments))
        if not payments:
            return
        assert content.total is not None
        self.pay_column.addWidget(_text("heading", "pay-title", content.fact("pay-title")))
        demo = next((item.demo for item in payments if item.demo), "")
        if demo:  # said once, above every code it is true of
            self.pay_column.addWidget(_text("", "payment-demo", demo))
        cards = QWidget(objectName="pay-cards")
        line = QHBoxLayout(cards)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(12)
        for item in payments:
            card = PaymentCard()
            card.setProperty("role", "card")
            card.show_item(item, demo=False)
            self.cards.append(card)
            line.addWidget(card)
        line.addStretch(1)
        self.pay_column.addWidget(cards)
        self.pay_column.addStretch(1)
        # Every code side by side, wholly: the panel is never narrower than its cards.
        margins = self.pay_column.contentsMargins()
        needed = len(payments) * (QR_SIDE + CARD_SIDES) + (len(payments) - 1) * line.spacing()
        needed += margins.left() + margins.right() + self.pay.verticalScrollBar().sizeHint().width()
        self.pay.setMinimumWidth(needed)

    def wipe(self) -> None:
        super().wipe()
        clear(self.column)
        clear(self.pay_column)
        self.cards = []


def _bill(content: ScreenContent) -> QFrame:
    """The bill: each line with its amount below it (a narrow column never cuts one off),
    the total, and the MCI of the year."""
    assert content.total is not None
    bill = QFrame(objectName="bill")
    bill.setProperty("role", "card")
    grid = QGridLayout(bill)
    grid.setContentsMargins(24, 16, 24, 16)
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(2)
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    row = 0
    for line in content.lines:
        grid.addWidget(_text("", f"bill-line-{line.id}", line.label), row, 0, 1, 2)
        amount = _text("", f"bill-amount-{line.id}", line.text)
        amount.setAlignment(right)
        grid.addWidget(amount, row + 1, 0, 1, 2)
        row += 2
    total = content.total
    grid.addWidget(_text("heading", "bill-total-label", total.label), row, 0)
    shown = _text("heading", "bill-total", total.text, wrap=False)
    shown.setAlignment(right)
    grid.addWidget(shown, row, 1)
    grid.addWidget(_text("muted", "mci-year", content.fact("mci-year")), row + 1, 0, 1, 2)
    grid.setColumnStretch(0, 1)
    return bill


def _message(message: Message, role: str, text_role: str = "") -> QFrame:
    """A warning or note in a frame of its own, named as the message is."""
    frame = QFrame(objectName=message.id)
    frame.setProperty("role", role)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(24, 14, 24, 14)
    layout.addWidget(_text(text_role, "", message.text))
    return frame


def _card(name: str, title: str, text: str) -> QFrame:
    frame = QFrame(objectName=name)
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(24, 14, 24, 14)
    if title:
        layout.addWidget(_text("heading", f"{name}-title", title))
    layout.addWidget(_text("", f"{name}-text", text))
    return frame


def _text(role: str, name: str, text: str, wrap: bool = True) -> QLabel:
    widget = label(role, wrap=wrap, name=name)
    widget.setText(text)
    return widget
