"""Out of order: the kiosk points visitors to the staffed counters, in all three languages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.logic.i18n import LANGUAGES, Language, Strings
from kiosk.ui.screen import Screen, label


class OutOfOrderScreen(Screen):
    """No signals: only staff (long-press, Ctrl+Alt+A) leave it."""

    name = "out-of-order"

    def __init__(self, strings: Strings, parent: QWidget | None = None) -> None:
        super().__init__(strings, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.setSpacing(40)
        layout.addStretch(1)
        for language in LANGUAGES:
            text = label("title", name=f"out-of-order-{language}")
            text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            text.setText(strings.text("out-of-order.text", language))
            layout.addWidget(text)
        layout.addStretch(1)

    def retranslate(self, language: Language) -> None:
        super().retranslate(language)  # the texts are in every language already
