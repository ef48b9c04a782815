"""What the journal learns of a visitor's session: service-level facts and timings only.

It follows the navigator's signals (state changes, facts noted, the session's end); the
navigator itself writes nothing. Everything goes through the journal's writer: nothing
here waits on the disk."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from kiosk.storage.journal import new_key
from kiosk.storage.journal_writer import JournalWriter
from kiosk.ui.navigator import VISITOR_STATES, Navigator, State


class SessionLog:
    """Follows one visitor session at a time into the journal."""

    def __init__(self, journal: JournalWriter, now: Callable[[], datetime] = datetime.now) -> None:
        self.journal, self.now = journal, now
        self.session: str | None = None  # the session's key
        self.language = ""
        self.screen = ""
        self.entered = 0.0
        self.seconds: dict[str, float] = {}
        self.question: Callable[[], str | None] = lambda: None  # the question on screen

    def follow(self, navigator: Navigator) -> None:
        """Record the sessions of `navigator`."""
        self.language = navigator.session.language
        self.question = lambda: navigator.session.question
        navigator.state_changed.connect(self.moved)
        navigator.noted.connect(self.note)
        navigator.session_ended.connect(self.ended)

    def moved(self, screen: str) -> None:
        """The visitor is now on `screen` (leaving the welcome screen starts a session)."""
        if State(screen) not in VISITOR_STATES:
            return
        if self.session is None:
            self.session = new_key()
            self.journal.put("start_session", self.language, self.now(), key=self.session)
            self.seconds = {}
            self.screen, self.entered = "welcome", time.monotonic()
        self._count()
        self.screen = screen
        facts = {"last_screen": screen, "screen_seconds": dict(self.seconds)}
        question = self.question() if screen == State.QUESTION else None
        if question:  # where a visitor who leaves here gave up
            facts["last_question"] = question
        self.journal.put("update_session", self.session, **facts)

    def note(self, facts: dict[str, str]) -> None:
        """Service, language, total or reference of the session."""
        self.language = facts.get("language", self.language)
        if self.session is not None:
            self.journal.put("update_session", self.session, **facts)

    def ended(self, outcome: str) -> None:
        """The session is over."""
        if self.session is None:
            return
        self._count()
        self.journal.put("update_session", self.session, screen_seconds=dict(self.seconds))
        self.journal.put("end_session", self.session, outcome, self.now())
        self.session = None

    def _count(self) -> None:
        now = time.monotonic()
        spent = round(self.seconds.get(self.screen, 0.0) + now - self.entered, 3)
        self.seconds[self.screen] = spent
        self.entered = now
