"""Check your answers: each answer with a Change button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QPushButton, QWidget

from kiosk.logic.catalogue import Service
from kiosk.logic.i18n import Language, Strings
from kiosk.ui.screen import Screen, label
from kiosk.ui.widgets.pool import Pool


class AnswerRow(QFrame):
    """One answer: the question, the answer given, and Change."""

    def __init__(self, changed: Signal) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.question_id = ""
        grid = QGridLayout(self)
        grid.setContentsMargins(24, 12, 16, 12)
        self.question, self.answer = label("muted"), label("heading")
        self.change = QPushButton()
        self.change.clicked.connect(lambda: changed.emit(self.question_id))
        grid.addWidget(self.question, 0, 0)
        grid.addWidget(self.answer, 1, 0)
        grid.addWidget(self.change, 0, 1, 2, 1)
        grid.setColumnStretch(0, 1)

    def blank(self) -> None:
        """Nothing of the last visitor: hidden, no text, no name."""
        self.hide()
        self.question_id = ""
        self.change.setObjectName("")
        for widget in (self.question, self.answer, self.change):
            widget.setText("")


class ReviewScreen(Screen):
    """Signals: change_requested(question_id). Rows are made once and reused."""

    name = "review"
    change_requested = Signal(str)

    def __init__(self, strings: Strings, parent: QWidget | None = None) -> None:
        super().__init__(strings, parent)
        self.service: Service | None = None
        self.answers: dict[str, str] = {}
        self.rows: list[AnswerRow] = []  # in use
        self.column = self.scrolling()
        self.title = label("title")
        self.column.addWidget(self.title)
        self.column.addStretch(1)
        self.pool = Pool(self.column, lambda: AnswerRow(self.change_requested), AnswerRow.blank)
        self.wipe()

    def show_answers(self, service: Service, answers: dict[str, str]) -> None:
        """List every answer given, in question order."""
        self.service, self.answers = service, dict(answers)
        asked = [question.id for question in service.questions if question.id in answers]
        self.rows = self.pool.take(len(asked))
        for row, question_id in zip(self.rows, asked, strict=True):
            row.question_id = question_id
            row.change.setObjectName(f"change-{question_id}")
        self.retranslate(self.language)

    def wipe(self) -> None:
        self.service = None
        self.answers = {}
        self.rows = []
        self.pool.clear()

    def retranslate(self, language: Language) -> None:
        super().retranslate(language)
        self.title.setText(self.say("review.title"))
        if self.service is None:
            return
        for row in self.rows:
            question = self.service.question(row.question_id)
            assert question is not None
            option = question.option(self.answers[row.question_id])
            assert option is not None
            row.question.setText(question.text.get(language))
            row.answer.setText(option.label.get(language))
            row.change.setText(self.say("review.change"))
