"""Check your answers: each answer with a Change button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QPushButton, QWidget

from kiosk.logic.catalogue import Service
from kiosk.logic.i18n import Language, Strings
from kiosk.ui.screen import Screen, clear, label


class ReviewScreen(Screen):
    """Signals: change_requested(question_id)."""

    name = "review"
    change_requested = Signal(str)

    def __init__(self, strings: Strings, parent: QWidget | None = None) -> None:
        super().__init__(strings, parent)
        self.service: Service | None = None
        self.answers: dict[str, str] = {}
        self.rows: list[tuple[str, QFrame]] = []
        self.column = self.scrolling()
        self.wipe()

    def show_answers(self, service: Service, answers: dict[str, str]) -> None:
        """List every answer given, in question order."""
        self.wipe()
        self.service, self.answers = service, dict(answers)
        for question in service.questions:
            if question.id not in answers:
                continue
            row = QFrame()
            row.setProperty("role", "card")
            grid = QGridLayout(row)
            grid.setContentsMargins(24, 12, 16, 12)
            question_label = label("muted")
            answer_label = label("heading")
            change = QPushButton(objectName=f"change-{question.id}")
            change.clicked.connect(lambda _=False, qid=question.id: self.change_requested.emit(qid))
            grid.addWidget(question_label, 0, 0)
            grid.addWidget(answer_label, 1, 0)
            grid.addWidget(change, 0, 1, 2, 1)
            grid.setColumnStretch(0, 1)
            self.rows.append((question.id, row))
            self.column.addWidget(row)
        self.column.addStretch(1)
        self.retranslate(self.language)

    def wipe(self) -> None:
        clear(self.column)
        self.service = None
        self.answers = {}
        self.rows = []
        self.title = label("title")
        self.column.addWidget(self.title)

    def retranslate(self, language: Language) -> None:
        super().retranslate(language)
        self.title.setText(self.say("review.title"))
        if self.service is None:
            return
        for question_id, row in self.rows:
            question = self.service.question(question_id)
            assert question is not None
            option = question.option(self.answers[question_id])
            assert option is not None
            grid = row.layout()
            assert isinstance(grid, QGridLayout)
            grid.itemAtPosition(0, 0).widget().setText(question.text.get(language))
            grid.itemAtPosition(1, 0).widget().setText(option.label.get(language))
            grid.itemAtPosition(0, 1).widget().setText(self.say("review.change"))
