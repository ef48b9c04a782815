"""A pool of big buttons (answers, documents): named by what they stand for while in use,
hidden with no text, no name and no key when not."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout

from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.pool import Pool


class ButtonPool:
    """Buttons of one style role in `column`; `pressed(button, checked)` on a tap."""

    def __init__(
        self,
        column: QVBoxLayout,
        role: str,
        pressed: Callable[[BigButton, bool], None],
        checkable: bool = False,
    ) -> None:
        self.role, self.pressed, self.checkable = role, pressed, checkable
        self.pool = Pool(column, self._make, _blank)

    def take(self, keys: list[str]) -> list[BigButton]:
        """Show one button per key, in order, named `key`; hide and blank the rest."""
        used = self.pool.take(len(keys))
        for button, key in zip(used, keys, strict=True):
            button.key = key
            button.setObjectName(key)
        return used

    def clear(self) -> None:
        """Hide and blank every button."""
        self.pool.clear()

    def _make(self) -> BigButton:
        button = BigButton(self.role)
        button.setCheckable(self.checkable)
        button.setProperty("selected", False)
        button.clicked.connect(lambda checked=False, b=button: self.pressed(b, checked))
        return button


def _blank(button: BigButton) -> None:
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
