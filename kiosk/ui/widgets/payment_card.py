"""One payee's payment: which code of how many and what it pays, how much, the QR code a
bank app scans, and to whom."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.logic.content import QrItem
from kiosk.ui.widgets.qr_view import QrView
from kiosk.ui.widgets.text_label import TextLabel

QR_SIDE = 280  # px: room for a code of 46 modules at 6 px, never smaller than 240 px


class PaymentCard(QFrame):
    """Shows a payment's QR item. The QR view is named `qr-<payee>`; a demo account is said
    so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = TextLabel(wordWrap=True, objectName="payment-title")
        self.amount = QLabel(objectName="payment-amount")
        self.qr = QrView()
        self.qr.setMinimumSize(QR_SIDE, QR_SIDE)
        self.payee = TextLabel(wordWrap=True, objectName="payment-payee")
        self.payee.setProperty("role", "muted")
        self.demo = TextLabel(wordWrap=True, objectName="payment-demo")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        for label in (self.title, self.amount, self.payee, self.demo):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for widget in (self.title, self.amount, self.demo, self.qr, self.payee):
            layout.addWidget(widget)
        layout.setStretchFactor(self.qr, 1)

    def show_item(self, item: QrItem, demo: bool = True) -> None:
        """Show a payment's code and what is said around it (`demo`: the demo mark on the
        card itself; a screen may say it once for every card instead)."""
        self.setObjectName(f"payment-{item.id}")
        self.qr.setObjectName(f"qr-{item.id}")
        self.qr.set_payload(item.payload)
        self.title.setText(item.title)
        self.amount.setText(item.amount_text)
        self.payee.setText(item.payee)
        self.payee.setVisible(bool(item.payee))
        self.demo.setText(item.demo)
        self.demo.setVisible(demo and bool(item.demo))
