"""Which staff PINs and staff names the kiosk accepts. Pure functions, no I/O.

A PIN is 6 to 12 ASCII digits that are not easy to guess: not one digit repeated
(111111), not a run going up or down by one (123456, 654321, 890123 wrapping past 9), and
not a short group of digits repeated (121212, 123123). A refusal says what is wrong in one
line and never repeats the PIN.
"""

from __future__ import annotations

import unicodedata
from itertools import pairwise

SHORTEST = 6
LONGEST = 12
DIGITS = frozenset("0123456789")
NAME_LONGEST = 32
NAME_MARKS = frozenset(" .-_")
ATTENDANT = "attendant"  # the member `kiosk set-pin` without --staff sets


def pin_problem(pin: str) -> str | None:
    """What makes `pin` unusable, in one line; None when it is fit to use."""
    if not pin or not set(pin) <= DIGITS:
        return "the PIN must be made of the digits 0 to 9 only"
    if len(pin) < SHORTEST:
        return f"the PIN must be at least {SHORTEST} digits long"
    if len(pin) > LONGEST:
        return f"the PIN must be at most {LONGEST} digits long"
    if len(set(pin)) == 1:
        return "the PIN is one digit repeated: choose digits that differ"
    steps = {(int(b) - int(a)) % 10 for a, b in pairwise(pin)}
    if steps in ({1}, {9}):
        return "the PIN is a run of digits going up or down by one: choose another"
    if _repeats_a_group(pin):
        return "the PIN is a short group of digits repeated: choose another"
    return None


def _repeats_a_group(pin: str) -> bool:
    """Whether `pin` is a group of digits said at least twice (121212, 1231231)."""
    return any(
        all(pin[index] == pin[index - period] for index in range(period, len(pin)))
        for period in range(1, len(pin) // 2 + 1)
    )


def staff_name(text: str) -> str:
    """A staff member's name as it is kept (Unicode NFC, so a name typed in two ways is one
    name)."""
    return unicodedata.normalize("NFC", text)


def name_problem(name: str) -> str | None:
    """What makes `name` unusable as a staff member's name, in one line; None when fit.
    A name is 1 to 32 letters (any alphabet), digits 0-9, spaces, dots, hyphens and
    underscores, and neither starts nor ends with a space."""
    name = staff_name(name)
    if not name or len(name) > NAME_LONGEST:
        return f"a staff name must be 1 to {NAME_LONGEST} characters long"
    if name != name.strip(" "):
        return "a staff name must not start or end with a space"
    if not all(c.isalpha() or c in DIGITS or c in NAME_MARKS for c in name):
        return "a staff name may hold only letters, digits 0-9, spaces and . - _"
    return None
