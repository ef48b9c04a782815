"""The audio mode's keys, EZ Access style, from a keyboard or a numeric keypad (with Num
Lock on or off: the keypad sends digits or arrows, both mean the same here)."""

from __future__ import annotations

from enum import Enum
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent


class Command(Enum):
    """What a key asks for."""

    NEXT = "next"
    PREVIOUS = "previous"
    CHOOSE = "choose"
    BACK = "back"
    HELP = "help"
    REPEAT = "repeat"
    LOUDER = "louder"
    QUIETER = "quieter"


@cache
def _tables() -> tuple[dict[Qt.Key, Command], dict[Qt.Key, Command], frozenset[Qt.Key]]:
    """The key tables, made on the first key (Qt makes its key enumeration, hundreds of
    members, on first use: not at start-up)."""
    Key = Qt.Key
    # The numeric keypad with Num Lock on: 8 up, 2 down, 5 choose, 4 back, 6 repeat, 0 help.
    keypad_digits = {
        Key.Key_8: Command.PREVIOUS,
        Key.Key_2: Command.NEXT,
        Key.Key_5: Command.CHOOSE,
        Key.Key_4: Command.BACK,
        Key.Key_6: Command.REPEAT,
        Key.Key_0: Command.HELP,
    }
    # The same keys with Num Lock off, and a keyboard's.
    keys = {
        Key.Key_Down: Command.NEXT,
        Key.Key_Tab: Command.NEXT,
        Key.Key_Up: Command.PREVIOUS,
        Key.Key_Backtab: Command.PREVIOUS,
        Key.Key_Return: Command.CHOOSE,
        Key.Key_Enter: Command.CHOOSE,
        Key.Key_Space: Command.CHOOSE,
        Key.Key_Clear: Command.CHOOSE,  # keypad 5 with Num Lock off
        Key.Key_Left: Command.BACK,
        Key.Key_Backspace: Command.BACK,
        Key.Key_Escape: Command.BACK,
        Key.Key_Back: Command.BACK,
        Key.Key_Right: Command.REPEAT,
        Key.Key_F2: Command.REPEAT,
        Key.Key_Period: Command.REPEAT,  # keypad point
        Key.Key_Delete: Command.REPEAT,  # keypad point with Num Lock off
        Key.Key_F1: Command.HELP,
        Key.Key_Help: Command.HELP,
        Key.Key_Question: Command.HELP,
        Key.Key_Insert: Command.HELP,  # keypad 0 with Num Lock off
        Key.Key_Plus: Command.LOUDER,
        Key.Key_VolumeUp: Command.LOUDER,
        Key.Key_Minus: Command.QUIETER,
        Key.Key_VolumeDown: Command.QUIETER,
    }

    # Keys that are only ever held with another, or switch a lock: no press of their own.
    modifiers = frozenset(
        {
            Key.Key_Shift,
            Key.Key_Control,
            Key.Key_Alt,
            Key.Key_AltGr,
            Key.Key_Meta,
            Key.Key_Super_L,
            Key.Key_Super_R,
            Key.Key_NumLock,
            Key.Key_CapsLock,
            Key.Key_ScrollLock,
        }
    )
    return keypad_digits, keys, modifiers


def command(event: QKeyEvent) -> Command | int | None:
    """The command of a key press: a Command, an option's number (1..9 on the keyboard's
    top row), or None (a key with no meaning here, which still starts audio mode)."""
    keypad_digits, keys, _ = _tables()
    key = Qt.Key(event.key())
    keypad = bool(event.modifiers() & Qt.KeyboardModifier.KeypadModifier)
    if keypad and key in keypad_digits:
        return keypad_digits[key]
    if key in keys:
        return keys[key]
    if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not keypad:  # the keypad's are beside 8, 2 and 5
        return int(key) - int(Qt.Key.Key_0)
    return None


def is_modifier(event: QKeyEvent) -> bool:
    """Shift, Ctrl, Num Lock and the like pressed on their own."""
    return Qt.Key(event.key()) in _tables()[2]


def is_shortcut(event: QKeyEvent) -> bool:
    """A key with Ctrl, Alt or Meta (staff's Ctrl+Alt+A): never the visitor's."""
    held = event.modifiers() & (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.MetaModifier
    )
    return bool(held)
