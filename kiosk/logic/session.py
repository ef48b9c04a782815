"""One visitor's session: what they chose, where they are in the interview, and nothing
that outlives them.

The walk through the questions is decided here, without a screen: each step returns where
the visitor goes next (a question, the blocker, the review or the service list), and the
navigator shows it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from kiosk.logic.catalogue import Service
from kiosk.logic.i18n import Language
from kiosk.logic.interview import Interview
from kiosk.logic.pricing import Case

Step = Literal["question", "blocker", "review", "services"]


@dataclass
class VisitorSession:
    """Everything the kiosk holds about the visitor in front of it; `wipe` forgets it all."""

    language: Language
    large_text: bool = False
    high_contrast: bool = False
    audio: bool = False  # audio mode: the screens are spoken, the keys move through them
    interview: Interview | None = None
    have: set[str] = field(default_factory=set)  # documents the visitor says they have
    reference: str | None = None
    question: str | None = None  # the question on screen
    changing: bool = False  # answering from "Check your answers"
    visit_date: dt.date | None = None  # fixed when the visitor starts: quote, codes, slip
    staff_called: bool = False  # the visitor asked for a member of staff
    seen_held: set[str] = field(default_factory=set)  # ticked because the answers said so

    @property
    def service(self) -> Service | None:
        """The service chosen, if any."""
        return self.interview.service if self.interview else None

    def choose(self, service: Service, centre_class: str) -> Step:
        """Start the interview for `service`, forgetting any earlier one: its first question."""
        self.interview = Interview(service, centre_class)
        self.have = set()
        self.seen_held = set()
        self.reference = None
        self.changing = False
        return self._ask(self.interview.first().id)

    def answer(self, question_id: str, option_id: str) -> Step:
        """Record an answer; the next question, the blocker, or the review after a change."""
        interview = self._interview()
        interview.answer(question_id, option_id)
        if interview.blockers:
            return "blocker"
        if self.changing:
            following = interview.next_unanswered()
            if following is not None:
                return self._ask(following.id)
            self.changing = False
            return "review"
        after = interview.after(question_id)
        return self._ask(after.id) if after is not None else self._to_review()

    def back(self) -> Step:
        """Back from a question: the one before, the review after a change, or the list."""
        interview = self._interview()
        assert self.question is not None
        if self.changing:
            self.changing = False
            return self._to_review()
        before = interview.before(self.question)
        return "services" if before is None else self._ask(before.id)

    def forward(self) -> Step | None:
        """Continue from an answered question without changing it (None: not answered)."""
        interview = self._interview()
        if self.question is None or self.question not in interview.answers:
            return None
        after = interview.after(self.question)
        return self._ask(after.id) if after is not None else self._to_review()

    def back_from_review(self) -> Step | None:
        """Back from the review: the last question asked."""
        last = self._interview().before("")
        return self._ask(last.id) if last is not None else None

    def change(self, question_id: str) -> Step:
        """Change an answer from the review."""
        self.changing = True
        return self._ask(question_id)

    def dated(self, today: dt.date) -> dt.date:
        """The visit's date: `today` the first time it is asked (on Start), the same date
        ever after, until the wipe (a visit that crosses midnight keeps its day)."""
        if self.visit_date is None:
            self.visit_date = today
        return self.visit_date

    def case(self) -> Case:
        """The visitor's case as it stands, for pricing and printing, on the visit date."""
        interview = self._interview()
        assert self.visit_date is not None, "the visit has not started"
        return Case(
            service=interview.service.id,
            answers=dict(interview.answers),
            visit_date=self.visit_date,
            centre_class=interview.centre_class,  # type: ignore[arg-type]
            language=self.language,
            reference=self.reference or "",
        )

    def held(self, documents: Iterable[str]) -> None:
        """Documents the answers say the visitor has are ticked, once: an answer changed
        since may tick another, and the visitor may untick one they left at home."""
        for document in documents:
            if document not in self.seen_held:
                self.seen_held.add(document)
                self.have.add(document)

    def wipe(self, language: Language) -> None:
        """Forget everything; start again in `language`."""
        if self.interview is not None:
            self.interview.clear()
        self.interview = None
        self.have = set()
        self.seen_held = set()
        self.reference = None
        self.question = None
        self.changing = False
        self.visit_date = None
        self.language = language
        self.large_text = False
        self.high_contrast = False
        self.audio = False
        self.staff_called = False

    def _ask(self, question_id: str) -> Step:
        self.question = question_id
        return "question"

    def _to_review(self) -> Step:
        interview = self._interview()
        missing = interview.next_unanswered()
        if missing is not None:
            return self._ask(missing.id)
        return "blocker" if interview.blockers else "review"

    def _interview(self) -> Interview:
        assert self.interview is not None, "no service chosen"
        return self.interview
