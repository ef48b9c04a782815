"""One visitor's session: what they chose, and nothing that outlives them."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.logic.catalogue import Service
from kiosk.logic.i18n import Language
from kiosk.logic.interview import Interview


@dataclass
class VisitorSession:
    """Everything the kiosk holds about the visitor in front of it; `wipe` forgets it all."""

    language: Language
    large_text: bool = False
    high_contrast: bool = False
    interview: Interview | None = None
    have: set[str] = field(default_factory=set)  # documents the visitor says they have
    reference: str | None = None
    question: str | None = None  # the question on screen
    changing: bool = False  # answering from "Check your answers"

    @property
    def service(self) -> Service | None:
        """The service chosen, if any."""
        return self.interview.service if self.interview else None

    def choose(self, service: Service, centre_class: str) -> None:
        """Start the interview for `service`, forgetting any earlier one."""
        self.interview = Interview(service, centre_class)
        self.have = set()
        self.reference = None
        self.question = None
        self.changing = False

    def wipe(self, language: Language) -> None:
        """Forget everything; start again in `language`."""
        if self.interview is not None:
            self.interview.clear()
        self.interview = None
        self.have = set()
        self.reference = None
        self.question = None
        self.changing = False
        self.language = language
        self.large_text = False
        self.high_contrast = False
