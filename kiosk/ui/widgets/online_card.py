"""Where a service can be done online: a QR code that opens the portal on a phone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.logic.content import QrItem
from kiosk.ui.widgets.qr_view import QrView
from kiosk.ui.widgets.text_label import TextLabel


class OnlineCard(QFrame):
    """Shows a service's online alternative; the QR view is named `qr-online`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="online")
        self.qr = QrView()
        self.qr.setObjectName("qr-online")
        self.caption = TextLabel(wordWrap=True, objectName="online-caption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.caption)

    def show_item(self, item: QrItem) -> None:
        """Show the portal link's code with its caption."""
        self.qr.set_payload(item.payload)
        self.caption.setText(item.title)
