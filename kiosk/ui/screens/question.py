"""One question per screen, with a large button for each answer."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.logic.catalogue import Question
from kiosk.logic.i18n import Language, Strings, format_money
from kiosk.ui.screen import Screen, label
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.button_pool import ButtonPool, mark


class QuestionScreen(Screen):
    """Signals: answer_given(question_id, option_id)."""

    name = "question"
    answer_given = Signal(str, str)

    def __init__(self, strings: Strings, parent: QWidget | None = None) -> None:
        super().__init__(strings, parent)
        self.question: Question | None = None
        self.offered: tuple[str, ...] = ()
        self.selected: str | None = None
        self.fees: dict[str, Decimal] = {}
        self.buttons: dict[str, BigButton] = {}  # the buttons in use, by option id
        self.column = self.scrolling()
        self.title = label("title", name="question-text")
        self.help = label("subtitle", name="question-help")
        self.column.addWidget(self.title)
        self.column.addWidget(self.help)
        self.column.addStretch(1)
        self.pool = ButtonPool(self.column, "option", self._on_pressed)
        self.wipe()

    def show_question(
        self,
        question: Question,
        offered: tuple[str, ...],
        selected: str | None,
        fees: dict[str, Decimal],
    ) -> None:
        """Show `question` with the options `offered` at this centre; `selected` is marked."""
        self.question, self.offered, self.selected, self.fees = question, offered, selected, fees
        buttons = self.pool.take([f"option-{question.id}-{option_id}" for option_id in offered])
        self.buttons = dict(zip(offered, buttons, strict=True))
        for option_id, button in self.buttons.items():
            mark(button, selected=option_id == selected)
        self.retranslate(self.language)

    def _on_pressed(self, button: BigButton, _checked: bool) -> None:
        if self.question is not None:
            option_id = next(o for o, b in self.buttons.items() if b is button)
            self.answer_given.emit(self.question.id, option_id)

    def wipe(self) -> None:
        self.question = None
        self.offered = ()
        self.buttons = {}
        self.selected = None
        self.fees = {}
        self.title.setText("")
        self.help.setText("")
        self.pool.clear()

    def retranslate(self, language: Language) -> None:
        super().retranslate(language)
        question = self.question
        if question is None:
            return
        self.title.setText(question.text.get(language))
        self.help.setText(question.help.get(language) if question.help else "")
        self.help.setVisible(question.help is not None)
        for option_id, button in self.buttons.items():
            option = question.option(option_id)
            assert option is not None
            details = []
            if option.help:
                details.append(option.help.get(language))
            if option_id in self.fees:
                amount = format_money(self.fees[option_id], language)
                details.append(self.say("option.fee", amount=amount))
            button.set_texts(option.label.get(language), " · ".join(details))
