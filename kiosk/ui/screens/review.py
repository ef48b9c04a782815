"""Check your answers: each answer with a Change button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QWidget

from kiosk.logic.content import ScreenContent
from kiosk.ui.screen import Screen, label
from kiosk.ui.widgets.pool import Pool
from kiosk.ui.widgets.tap_button import TapButton


class AnswerRow(QFrame):
    """One answer: the question, the answer given, and Change."""

    def __init__(self, changed: Signal) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.question_id = ""
        grid = QGridLayout(self)
        grid.setContentsMargins(24, 12, 16, 12)
        self.question, self.answer = label("muted"), label("heading")
        self.change = TapButton()
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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[AnswerRow] = []  # in use
        self.column = self.scrolling()
        self.title = label("title", name="heading")
        self.column.addWidget(self.title)
        self.column.addStretch(1)
        self.pool = Pool(self.column, lambda: AnswerRow(self.change_requested), AnswerRow.blank)
        self.wipe()

    def paint(self, content: ScreenContent) -> None:
        """Every answer given, in question order."""
        super().paint(content)
        self.title.setText(content.heading)
        self.rows = self.pool.take(len(content.choices))
        change = content.fact("review-change")
        for row, choice in zip(self.rows, content.choices, strict=True):
            row.question_id = choice.value
            row.change.setObjectName(choice.id)
            row.question.setText(choice.detail)
            row.answer.setText(choice.label)
            row.change.setText(change)

    def wipe(self) -> None:
        super().wipe()
        self.rows = []
        self.pool.clear()
