"""Big buttons made once and reused from one visitor's screen to the next.

Making and styling new buttons for every question was most of a tap's time. A pool keeps
them in a column (before its closing stretch); those not in use are hidden, with no text,
no name and no key, so nothing of an earlier visitor stays in them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout

from kiosk.ui.widgets.big_button import BigButton


class ButtonPool:
    """Buttons of one style role in `column`; `pressed(button, checked)` on a tap."""

    def __init__(
        self,
        column: QVBoxLayout,
        role: str,
        pressed: Callable[[BigButton, bool], None],
        checkable: bool = False,
    ) -> None:
        self.column, self.role, self.pressed, self.checkable = column, role, pressed, checkable
        self.buttons: list[BigButton] = []

    def take(self, keys: list[str]) -> list[BigButton]:
        """Show one button per key, in order, named `key`; hide and blank the rest."""
        while len(self.buttons) < len(keys):
            button = BigButton(self.role)
            button.setCheckable(self.checkable)
            button.setProperty("selected", False)
            button.clicked.connect(lambda checked=False, b=button: self.pressed(b, checked))
            button.hide()
            self.column.insertWidget(self.column.count() - 1, button)  # before the stretch
            self.buttons.append(button)
        used = self.buttons[: len(keys)]
        for button, key in zip(used, keys, strict=True):
            button.key = key
            button.setObjectName(key)
            button.show()
        self._blank(self.buttons[len(keys) :])
        return used

    def clear(self) -> None:
        """Hide and blank every button."""
        self._blank(self.buttons)

    @staticmethod
    def _blank(buttons: list[BigButton]) -> None:
        for button in buttons:
            button.hide()
            button.set_texts("")
            button.setObjectName("")
            button.key = ""
            mark(button, selected=False, checked=False)


def mark(button: BigButton, *, selected: bool | None = None, checked: bool | None = None) -> None:
    """Set the selected mark (a style sheet property) and the check state without a signal."""
    if checked is not None and button.isChecked() != checked:
        button.blockSignals(True)
        button.setChecked(checked)
        button.blockSignals(False)
    if selected is not None and button.property("selected") != selected:
        button.setProperty("selected", selected)
        button.style().unpolish(button)  # the style sheet reads the property when polishing
        button.style().polish(button)
