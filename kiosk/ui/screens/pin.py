"""The staff PIN pad: digits are masked; no keyboard needed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kiosk.logic.content import ScreenContent
from kiosk.logic.pin_policy import LONGEST
from kiosk.ui.screen import Screen, label
from kiosk.ui.widgets.tap_button import TapButton


class PinScreen(Screen):
    """Signals: pin_entered(pin), cancelled()."""

    name = "pin"
    pin_entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("title", name="heading")
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.field = QLineEdit(objectName="attendant-pin", readOnly=True)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.field.setFixedWidth(360)
        self.field.setMinimumHeight(72)
        self.message = label("subtitle", name="pin-message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        pad = QGridLayout()
        pad.setSpacing(12)
        pad.setContentsMargins(0, 0, 0, 0)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
        self.keys: dict[str, QPushButton] = {}
        for index, key in enumerate(keys):
            button = TapButton(objectName=f"pin-{key}")
            button.setMinimumSize(128, 76)
            if key == "ok":
                button.setProperty("role", "primary")
            button.clicked.connect(lambda _=False, k=key: self._on_key(k))
            pad.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        self.cancel = TapButton(objectName="pin-cancel")
        self.cancel.clicked.connect(self._on_cancel)
        holder = QWidget()
        holder.setLayout(pad)
        holder.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = self.scrolling()  # the pad must fit 1280×800 with large text too
        layout.setSpacing(12)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.field, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.message)
        layout.addWidget(holder, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def _on_key(self, key: str) -> None:
        if key == "clear":
            self.field.clear()
        elif key == "ok":
            pin, _ = self.field.text(), self.field.clear()
            self.pin_entered.emit(pin)
        elif len(self.field.text()) < LONGEST:
            self.field.setText(self.field.text() + key)

    def _on_cancel(self) -> None:
        self.field.clear()
        self.cancelled.emit()

    def wipe(self) -> None:
        super().wipe()
        self.field.clear()
        self.message.clear()

    def paint(self, content: ScreenContent) -> None:
        """The pad's texts, and why the last PIN was refused (or nothing)."""
        super().paint(content)
        self.title.setText(content.heading)
        self.message.setText(content.text)
        # Two lines kept for the message, said or not: the keys below never move.
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing() + 4)
        labels = {choice.id: choice.label for choice in content.choices}
        for key, button in self.keys.items():
            button.setText(labels[f"pin-{key}"])
        self.cancel.setText(labels["pin-cancel"])
