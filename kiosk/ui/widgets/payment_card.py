"""One payee's payment: whom, how much, the QR code a bank app scans, and how else to pay."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.logic.content import QrItem
from kiosk.ui.widgets.qr_view import QrView


class PaymentCard(QFrame):
    """Shows a payment's QR item. The QR view is named `qr-<payee>`; a demo account is said
    so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.payee = QLabel(wordWrap=True, objectName="payment-payee")
        self.amount = QLabel(objectName="payment-amount")
        self.qr = QrView()
        self.scan = QLabel(wordWrap=True, objectName="payment-scan")
        self.kazpost = QLabel(wordWrap=True, objectName="payment-kazpost")
        self.demo = QLabel(wordWrap=True, objectName="payment-demo")
        layout = QVBoxLayout(self)
        for label in (self.payee, self.amount, self.scan, self.kazpost, self.demo):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for widget in (self.payee, self.amount, self.demo, self.qr, self.scan, self.kazpost):
            layout.addWidget(widget)
        layout.setStretchFactor(self.qr, 1)

    def show_item(self, item: QrItem) -> None:
        """Show a payment's code and what is said around it."""
        self.setObjectName(f"payment-{item.id}")
        self.qr.setObjectName(f"qr-{item.id}")
        self.qr.set_payload(item.payload)
        self.payee.setText(item.title)
        self.amount.setText(item.amount_text)
        scan, kazpost = (*item.captions, "", "")[:2]
        self.scan.setText(scan)
        self.kazpost.setText(kazpost)
        self.demo.setText(item.demo)
        self.demo.setVisible(bool(item.demo))
