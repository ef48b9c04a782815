"""Documents to bring: what each is and where to get it; the visitor ticks what they have."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.logic.content import ScreenContent
from kiosk.ui.screen import Screen, label
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.button_pool import ButtonPool, mark


class DocumentsScreen(Screen):
    """Signals: document_toggled(document_id, have_it). Each document's button carries
    its status (`have`, `bring`, `get`) as the `status` property."""

    name = "documents"
    document_toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = self.scrolling()
        self.title, self.hint = label("title", name="heading"), label("subtitle")
        self.column.addWidget(self.title)
        self.column.addWidget(self.hint)
        self.column.addStretch(1)
        self.pool = ButtonPool(self.column, "document", self._on_pressed, checkable=True)
        self.wipe()

    def paint(self, content: ScreenContent) -> None:
        """List the documents; those the visitor has are ticked."""
        super().paint(content)
        self.title.setText(content.heading)
        self.hint.setText(content.text)
        buttons = self.pool.take([choice.id for choice in content.choices])
        for choice, button in zip(content.choices, buttons, strict=True):
            mark(button, checked=choice.selected)
            button.setProperty("status", choice.status)
            button.set_texts(choice.label, choice.detail)

    def _on_pressed(self, button: BigButton, have_it: bool) -> None:
        content = self.content
        choice = next((c for c in content.choices if c.id == button.key), None) if content else None
        if choice is not None:
            self.document_toggled.emit(choice.value, have_it)

    def wipe(self) -> None:
        super().wipe()
        self.pool.clear()
