"""What a screen says, as a plain value: the one source the Qt screens paint, speech reads
and tests ask (`KioskDriver.screen_content()`).

Every id is the object name of the widget that shows it (DESIGN.md's naming scheme), so a
test or a reader can go from a piece of content to the thing a finger taps.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kiosk.logic.language import Language

# Audio mode's "hear the whole slip" item on the result: said, chosen, and ringed beside
# Print, with no widget of its own.
SLIP_ITEM = "listen-slip"


@dataclass(frozen=True)
class Choice:
    """Something the visitor can tap: an answer, a service, a document, a button.

    `value` is the domain id it stands for (an option, service, document or question id).
    `selected`: the answer given, the document ticked, the toggle on. `status` is a
    document's: `have`, `bring` or `get` (the visitor lacks it and must get it first)."""

    id: str
    label: str
    detail: str = ""
    selected: bool = False
    status: str = ""
    value: str = ""


@dataclass(frozen=True)
class Line:
    """A bill line or the total: `text` is the amount as shown (`0,2 × 4 325 ₸ = 865 ₸`)."""

    id: str
    label: str
    amount: Decimal
    text: str


@dataclass(frozen=True)
class QrItem:
    """A QR code and what is said around it. `id` is the payee (or `online`); a payment's
    `title` numbers it and says what it pays ("Code 1 of 2: State duty")."""

    id: str
    title: str
    payload: str
    amount: Decimal | None = None
    amount_text: str = ""
    demo: str = ""  # "not a real account", when the account is a demo one
    payee: str = ""  # to whom the payment goes, said in the language


@dataclass(frozen=True)
class Message:
    """A warning, note or blocker: `kind` is one of those three words."""

    id: str
    kind: str
    text: str
    title: str = ""


@dataclass(frozen=True)
class Fact:
    """A line of its own: the ready-by date, a section heading, the slip's reference."""

    id: str
    text: str


@dataclass(frozen=True)
class ScreenContent:
    """Everything one screen tells the visitor, in their language.

    `actions` are the footer's buttons (`nav-back`, `nav-home`, `nav-next` and the screen's
    own such as `print-slip`), in the order shown; `progress` is the footer's middle.
    `subject` is the domain id the screen is about (the question's id on a question)."""

    screen: str
    language: Language
    heading: str
    subject: str = ""
    text: str = ""
    choices: tuple[Choice, ...] = ()
    lines: tuple[Line, ...] = ()
    total: Line | None = None
    qr: tuple[QrItem, ...] = ()
    messages: tuple[Message, ...] = ()
    facts: tuple[Fact, ...] = ()
    actions: tuple[Choice, ...] = ()
    progress: str = ""

    def fact(self, fact_id: str) -> str:
        """The text of a fact, or "" when the screen has none by that id."""
        return next((fact.text for fact in self.facts if fact.id == fact_id), "")

    def action(self, action_id: str) -> Choice | None:
        """The footer button with this id, if the screen offers it."""
        return next((action for action in self.actions if action.id == action_id), None)

    def texts(self) -> tuple[str, ...]:
        """Every text of the screen in reading order (what speech says, what a test reads)."""
        parts: list[str] = [self.heading, self.text]
        for choice in self.choices:
            parts += [choice.label, choice.detail]
        for line in (*self.lines, *((self.total,) if self.total else ())):
            parts += [line.label, line.text]
        for item in self.qr:
            parts += [item.title, item.amount_text, item.demo, item.payee]
        for fact in self.facts:
            parts.append(fact.text)
        for message in self.messages:
            parts += [message.title, message.text]
        parts.append(self.progress)
        parts += [action.label for action in self.actions]
        return tuple(part for part in parts if part)
