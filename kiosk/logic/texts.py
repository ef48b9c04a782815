"""The kiosk's texts in one language, as the screen builders use them."""

from __future__ import annotations

from decimal import Decimal

from kiosk.logic.content import Choice, Message
from kiosk.logic.i18n import Language, Strings, format_money
from kiosk.logic.quote import Item


class Texts:
    """The kiosk's texts in one language."""

    def __init__(self, strings: Strings, language: Language) -> None:
        self.strings, self.language = strings, language

    def __call__(self, key: str, **values: str) -> str:
        return self.strings.text(key, self.language, **values)

    def money(self, amount: Decimal) -> str:
        """An amount of tenge as this language writes it."""
        return format_money(amount, self.language)

    def nav(self, *, back: bool = True, home: bool = True, next_key: str = "") -> list[Choice]:
        """The footer's navigation: Back, Start over, Continue (when `next_key` is given)."""
        actions = []
        if back:
            actions.append(Choice("nav-back", self("nav.back")))
        if home:
            actions.append(Choice("nav-home", self("nav.home")))
        if next_key:
            actions.append(Choice("nav-next", self(next_key)))
        return actions


def item_messages(kind: str, items: tuple[Item, ...]) -> tuple[Message, ...]:
    """Warnings, notes or blockers as messages named `<kind>-<id>`."""
    return tuple(Message(f"{kind}-{item.id}", kind, item.text, item.title or "") for item in items)
