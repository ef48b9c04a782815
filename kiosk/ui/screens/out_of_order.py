"""Out of order: the kiosk points visitors to the staffed counters, in all three languages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.logic.content import ScreenContent
from kiosk.logic.i18n import LANGUAGES
from kiosk.ui.screen import Screen, label


class OutOfOrderScreen(Screen):
    """No signals: only staff (long-press, Ctrl+Alt+A) leave it."""

    name = "out-of-order"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.setSpacing(40)
        layout.addStretch(1)
        self.texts = {}
        for language in LANGUAGES:
            text = label("title", name=f"out-of-order-{language}")
            text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.texts[text.objectName()] = text
            layout.addWidget(text)
        layout.addStretch(1)
        self.detail = label("body", name="out-of-order-detail")  # for staff: why
        self.detail.setWordWrap(True)
        self.detail.hide()
        layout.addWidget(self.detail)

    def paint(self, content: ScreenContent) -> None:
        """The notice in every language."""
        super().paint(content)
        for name, widget in self.texts.items():
            widget.setText(content.fact(name))
        detail = content.fact("out-of-order-detail")
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
