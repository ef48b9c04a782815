"""One question per screen, with a large button for each answer."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.logic.catalogue import Question
from kiosk.logic.i18n import Language, Strings, format_money
from kiosk.ui.screen import Screen, clear, label
from kiosk.ui.widgets.big_button import BigButton


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
        self.buttons: dict[str, BigButton] = {}
        self.column = self.scrolling()
        self.wipe()

    def show_question(
        self,
        question: Question,
        offered: tuple[str, ...],
        selected: str | None,
        fees: dict[str, Decimal],
    ) -> None:
        """Show `question` with the options `offered` at this centre; `selected` is marked."""
        self.wipe()
        self.question, self.offered, self.selected, self.fees = question, offered, selected, fees
        for option_id in offered:
            button = BigButton("option")
            button.setObjectName(f"option-{question.id}-{option_id}")
            button.setProperty("selected", option_id == selected)
            button.clicked.connect(
                lambda _=False, qid=question.id, oid=option_id: self.answer_given.emit(qid, oid)
            )
            self.buttons[option_id] = button
            self.column.addWidget(button)
        self.column.addStretch(1)
        self.retranslate(self.language)

    def wipe(self) -> None:
        clear(self.column)
        self.question = None
        self.buttons = {}
        self.selected = None
        self.title = label("title", name="question-text")
        self.help = label("subtitle", name="question-help")
        self.column.addWidget(self.title)
        self.column.addWidget(self.help)

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
