"""One payee's payment: whom, how much, the QR code a bank app scans, and how else to pay."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.logic.i18n import Language, Strings, format_money
from kiosk.logic.quote import Payment
from kiosk.ui.widgets.qr_view import QrView


class PaymentCard(QFrame):
    """Shows a Payment. The QR view is named `qr-<payee>`; a demo account is said so."""

    def __init__(self, strings: Strings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strings = strings
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

    def show_payment(self, payment: Payment, language: Language) -> None:
        """Show `payment` with every text in `language`."""
        self.setObjectName(f"payment-{payment.payee}")
        self.qr.setObjectName(f"qr-{payment.payee}")
        self.qr.set_payload(payment.payload)
        self.payee.setText(self._strings.text("payment.to", language, payee=payment.payee_name))
        self.amount.setText(format_money(payment.amount, language))
        self.scan.setText(self._strings.text("payment.scan", language))
        self.kazpost.setText(self._strings.text("payment.kazpost", language))
        self.demo.setText(self._strings.text("payment.demo", language))
        self.demo.setVisible(payment.demo)
