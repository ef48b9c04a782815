"""The three language buttons, each named in its own language (`lang-kk|ru|en`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from kiosk.logic.i18n import LANGUAGES, Language, Strings


class LanguageButtons(QButtonGroup):
    """Adds the buttons to `row`; `chosen(language)` is called on a tap."""

    def __init__(
        self, strings: Strings, row: QHBoxLayout, chosen: Callable[[str], None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        for language in LANGUAGES:
            button = QPushButton(strings.text(f"language.{language}", language))
            button.setObjectName(f"lang-{language}")
            button.setProperty("role", "language")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, lang=language: chosen(lang))
            self.addButton(button)
            row.addWidget(button)

    def enable(self, languages: tuple[str, ...]) -> None:
        """Show only the languages this kiosk offers (one alone needs no buttons)."""
        for button in self.buttons():
            code = button.objectName().removeprefix("lang-")
            button.setVisible(code in languages and len(languages) > 1)

    def mark(self, language: Language) -> None:
        """Show which language is in use."""
        for button in self.buttons():
            button.setChecked(button.objectName() == f"lang-{language}")
