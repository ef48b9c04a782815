"""What the kiosk says in audio mode, built from a screen's content (the same value the
screen is painted from, never a second copy of its texts) with numbers, amounts and dates
in words.

A screen is said whole on arrival (`Narration.arrival`); the keys then move through its
`items` one at a time, each with the object name of the widget that shows it, so the focus
ring can stand on it and Enter can press it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.logic.content import SLIP_ITEM, Choice, Message, QrItem, ScreenContent
from kiosk.logic.i18n import Language
from kiosk.logic.slip import Slip
from kiosk.logic.spoken import words
from kiosk.logic.texts import Texts

NUMBERED = ("question", "services")  # screens whose choices are said with their numbers
UNSAID = frozenset({"review-change"})  # shown as a hint for fingers: keys have their own
HINTS = {"idle-warning": "speech.more-time"}  # how to move on, where it is not the usual


@dataclass(frozen=True)
class Item:
    """One thing the keys stop on: `id` is the object name of the widget that shows it;
    `press` says whether Enter presses it (a button) or says it again (a text). `language`
    is the voice's (a language's own name is said in that language)."""

    id: str
    text: str
    language: Language
    press: bool = False
    brief: str = ""  # said on arrival instead of `text` (without the key's hint)

    @property
    def arriving(self) -> str:
        """What is said of the item when the whole screen is said."""
        return self.brief or self.text


@dataclass(frozen=True)
class Narration:
    """A screen as said: whole on arrival (in one or more languages, on the welcome
    screen), then item by item."""

    language: Language
    heading: str
    arrival: tuple[tuple[Language, str], ...]
    items: tuple[Item, ...]

    def index(self, item_id: str) -> int:
        """The position of an item, or -1."""
        return next((n for n, item in enumerate(self.items) if item.id == item_id), -1)


def narrate(
    content: ScreenContent, t: Texts, extra: tuple[Choice, ...] = (), slip: bool = False
) -> Narration:
    """A screen's narration. `extra` are buttons beyond the screen's own (Call staff in the
    header); `slip` adds the item that reads the whole slip."""
    say = _Sayer(content, t)
    language = content.language
    items: list[Item] = []
    choices = content.choices
    numbered = content.screen in NUMBERED and len(choices) > 1
    for number, choice in enumerate(choices, 1):
        items.append(say.choice(choice, number if numbered else 0, len(choices)))
    for line in content.lines:
        items.append(Item(f"bill-line-{line.id}", say(line.label, line.text), language))
    if content.total is not None:
        items.append(Item(content.total.id, say(content.total.label, content.total.text), language))
    for code in content.qr:
        items.append(Item(f"qr-{code.id}", say.qr(code), language))
    blockers = [m for m in content.messages if m.kind == "blocker"]
    others = [m for m in content.messages if m.kind != "blocker"]
    for message in blockers:  # what stops the visitor: said before the rest
        items.append(Item(message.id, say.message(message), language))
    for fact in content.facts:
        if fact.id not in UNSAID:
            items.append(Item(fact.id, say(fact.text), language))
    for message in others:
        items.append(Item(message.id, say.message(message), language))
    if slip:
        items.append(Item(SLIP_ITEM, say(t("speech.slip")), language, press=True))
    for action in content.actions:
        items.append(Item(action.id, say(t("speech.button", label=action.label)), language, True))
    for choice in extra:  # the header's: Call staff (or that staff are coming), the languages
        if choice.id.startswith("lang-"):
            items.append(say.choice(choice, 0, 0))
        elif choice.selected:
            items.append(Item(choice.id, say(t("speech.staff-coming")), language, press=True))
        else:
            items.append(
                Item(choice.id, say(t("speech.button", label=choice.label)), language, True)
            )
    total = content.total
    progress = content.progress
    if total is not None and progress == f"{total.label}: {total.text}":
        progress = ""  # the total beside Print: said with the bill
    opening = [content.heading, content.text, progress]
    if numbered:
        opening.append(t("speech.options", count=str(len(choices))))
    buttons = {choice.id for choice in (*content.actions, *extra)} | {SLIP_ITEM}
    said = [say(*opening)]
    said += [i.arriving for i in items if i.id not in buttons and i.language == language]
    if any(choice.status for choice in choices):
        said.append(say(t("speech.document-toggle")))  # once, not after every document
    said.append(say(t(HINTS.get(content.screen, "speech.hint"))))
    arrival = [(language, " ".join(said))]
    arrival += [
        (i.language, i.text) for i in items if i.id not in buttons and i.language != language
    ]
    return Narration(language, content.heading, tuple(arrival), tuple(items))


def help_text(narration: Narration, content: ScreenContent, t: Texts) -> str:
    """Where the visitor is and what the keys do."""
    where = sentences(content.progress) if content.screen == "question" else ""
    said = [t("speech.help", heading=narration.heading, where=where)]
    if content.screen in NUMBERED:
        said.append(t("speech.help-numbers"))
    return words(sentences(*said), t.language)


def slip_text(slip: Slip, t: Texts) -> str:
    """The whole slip as said: its texts in order (the reference spelled out), without the
    kiosk's line, the rules and the codes' payloads; the paper's marks said in words."""
    marks = {
        t("slip.missing"): t("speech.slip-missing"),
        t("slip.have"): t("speech.slip-have"),
        "!": t("speech.slip-note"),
    }
    said = []
    for block in slip.blocks[2:]:  # after the centre's name and the kiosk's line
        if block.style in ("rule", "qr"):
            continue
        text = block.text
        for mark, spoken in marks.items():
            if text.startswith(f"{mark} "):
                text = f"{spoken} {text[len(mark) + 1 :]}"
        said.append(f"{text}: {block.value}" if block.value else text)
    return words(sentences(*said), slip.language)  # type: ignore[arg-type]


def sentences(*parts: str) -> str:
    """Texts (and their lines) as sentences one after another, each ending in a stop."""
    said = []
    for part in parts:
        for line in part.splitlines():
            line = line.strip()
            if line:
                said.append(line if line[-1] in ".!?:;" else f"{line}.")
    return " ".join(said)


class _Sayer:
    """Texts as said in the screen's language."""

    def __init__(self, content: ScreenContent, t: Texts) -> None:
        self.content, self.t = content, t

    def __call__(self, *parts: str, language: Language | None = None) -> str:
        """`parts` as sentences, in words."""
        return words(sentences(*parts), language or self.content.language)

    def choice(self, choice: Choice, number: int, count: int) -> Item:
        label = choice.label
        if number:
            label = self.t("speech.option", number=str(number), count=str(count), label=label)
        parts = [label, choice.detail]
        language = self.content.language
        if choice.id.startswith("lang-"):  # a language's name, said in that language
            own: Language = choice.id.removeprefix("lang-")  # type: ignore[assignment]
            strings = self.t.strings
            how = "speech.selected" if choice.selected else "speech.choose-language"
            said = self(label, strings.text(how, own), language=own)
            return Item(choice.id, said, own, press=True)
        if choice.id.startswith("change-"):  # the question, the answer, and how to change it
            answer = self.t("speech.answer", answer=choice.label)
            said = self(choice.detail, answer, self.t("speech.change"))
            return Item(choice.id, said, language, press=True, brief=self(choice.detail, answer))
        if choice.selected and not choice.status:
            parts.insert(1, self.t("speech.selected"))
        if choice.status:  # a document: its hint once on arrival, with each item after
            hint = self.t("speech.document-toggle")
            return Item(choice.id, self(*parts, hint), language, press=True, brief=self(*parts))
        return Item(choice.id, self(*parts), language, press=True)

    def qr(self, code: QrItem) -> str:
        if code.id == "online":
            return self(code.title, self.t("speech.qr-online"))
        title = f"{code.title}, {code.amount_text}" if code.amount_text else code.title
        return self(title, code.payee, code.demo, self.t("speech.qr-scan"))

    def message(self, message: Message) -> str:
        return self(self.t(f"speech.{message.kind}", text=sentences(message.title, message.text)))
