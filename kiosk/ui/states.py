"""The navigator's states and events, the screens that show them, and what it asks of the
staff desk."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from kiosk.logic.content import ScreenContent
from kiosk.logic.language import Language

if TYPE_CHECKING:  # the screens themselves are built, and imported, by the composition root
    from kiosk.ui.screen import Screen
    from kiosk.ui.screens.blocker import BlockerScreen
    from kiosk.ui.screens.dashboard import DashboardScreen
    from kiosk.ui.screens.documents import DocumentsScreen
    from kiosk.ui.screens.out_of_order import OutOfOrderScreen
    from kiosk.ui.screens.pin import PinScreen
    from kiosk.ui.screens.printing import PrintingScreen
    from kiosk.ui.screens.question import QuestionScreen
    from kiosk.ui.screens.result import ResultScreen
    from kiosk.ui.screens.review import ReviewScreen
    from kiosk.ui.screens.services import ServicesScreen
    from kiosk.ui.screens.thanks import ThanksScreen
    from kiosk.ui.screens.welcome import WelcomeScreen


class State(StrEnum):
    """The navigator's states; their values are the names tests and the journal use."""

    WELCOME = "welcome"
    SERVICES = "services"
    QUESTION = "question"
    REVIEW = "review"
    DOCUMENTS = "documents"
    RESULT = "result"
    BLOCKER = "blocker"
    PRINTING = "printing"
    THANKS = "thanks"
    PIN = "pin"
    DASHBOARD = "dashboard"
    OUT_OF_ORDER = "out-of-order"


class Event(StrEnum):
    """What a visitor did."""

    START = "start"
    BACK = "back"
    HOME = "home"
    NEXT = "next"
    SERVICE = "service"
    ANSWER = "answer"
    CHANGE = "change"
    PRINT = "print"
    PRINTED = "printed"
    FINISH = "finish"


VISITOR_STATES = frozenset(
    {
        State.SERVICES,
        State.QUESTION,
        State.REVIEW,
        State.DOCUMENTS,
        State.RESULT,
        State.BLOCKER,
        State.PRINTING,
        State.THANKS,
    }
)
STAFF_STATES = frozenset({State.PIN, State.DASHBOARD})


@dataclass
class Screens:
    """Every screen of the kiosk."""

    welcome: WelcomeScreen
    services: ServicesScreen
    question: QuestionScreen
    review: ReviewScreen
    documents: DocumentsScreen
    result: ResultScreen
    blocker: BlockerScreen
    printing: PrintingScreen
    thanks: ThanksScreen
    pin: PinScreen
    dashboard: DashboardScreen
    out_of_order: OutOfOrderScreen

    def all(self) -> list[Screen]:
        """In flow order."""
        return [getattr(self, field.name) for field in fields(self)]

    def of(self, state: State) -> Screen:
        """The screen that shows `state`."""
        screen: Screen = getattr(self, state.value.replace("-", "_"))
        return screen


class Staff(Protocol):
    """What the navigator asks of the staff desk."""

    @property
    def logged_in(self) -> bool: ...

    def content(self, state: State, language: Language) -> ScreenContent: ...


Transition = Callable[..., State | None]
