"""The three language buttons (`lang-kk|ru|en`), labelled and shown as a content says."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QWidget

from kiosk.logic.content import Choice
from kiosk.logic.language import LANGUAGES
from kiosk.ui.widgets.tap_button import TapButton


class LanguageButtons(QButtonGroup):
    """Adds the buttons to `row`; `chosen(language)` is called on a tap."""

    def __init__(self, row: QHBoxLayout, chosen: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.short = False  # the languages' short names (a narrow window)
        self.choices: tuple[Choice, ...] = ()
        for language in LANGUAGES:
            button = TapButton(objectName=f"lang-{language}")
            button.setProperty("role", "language")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, lang=language: chosen(lang))
            self.addButton(button)
            row.addWidget(button)

    def paint(self, choices: tuple[Choice, ...]) -> None:
        """Show the languages among `choices` (labelled, the one in use checked); hide the
        others."""
        self.choices = choices
        offered = {choice.id: choice for choice in choices}
        for button in self.buttons():
            choice = offered.get(button.objectName())
            button.setVisible(choice is not None)
            if choice is not None:
                button.setText(choice.detail if self.short and choice.detail else choice.label)
                button.setChecked(choice.selected)
