"""One question per screen, with a large button for each answer."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.logic.content import ScreenContent
from kiosk.ui.screen import Screen, label
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.button_pool import ButtonPool, mark


class QuestionScreen(Screen):
    """Signals: answer_given(question_id, option_id)."""

    name = "question"
    answer_given = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = self.scrolling()
        self.title = label("title", name="heading")
        self.help = label("subtitle", name="question-help")
        self.column.addWidget(self.title)
        self.column.addWidget(self.help)
        self.column.addStretch(1)
        self.pool = ButtonPool(self.column, "option", self._on_pressed)
        self.wipe()

    def paint(self, content: ScreenContent) -> None:
        """The question, its help, and a button per option (the answer given marked)."""
        super().paint(content)
        self.title.setText(content.heading)
        self.help.setText(content.text)
        self.help.setVisible(bool(content.text))
        buttons = self.pool.take([choice.id for choice in content.choices])
        for choice, button in zip(content.choices, buttons, strict=True):
            mark(button, selected=choice.selected)
            button.set_texts(choice.label, choice.detail)

    def _on_pressed(self, button: BigButton, _checked: bool) -> None:
        content = self.content
        choice = next((c for c in content.choices if c.id == button.key), None) if content else None
        if content is not None and choice is not None:
            self.answer_given.emit(content.subject, choice.value)

    def wipe(self) -> None:
        super().wipe()
        self.title.setText("")
        self.help.setText("")
        self.pool.clear()
