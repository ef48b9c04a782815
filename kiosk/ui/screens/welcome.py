"""Welcome: language, accessibility (Listen, large text, high contrast), and Start."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.logic.content import ScreenContent
from kiosk.ui.screen import Screen, label, scroll_column
from kiosk.ui.widgets.language_buttons import LanguageButtons
from kiosk.ui.widgets.tap_button import TapButton


class WelcomeScreen(Screen):
    """The first screen a visitor sees.

    Signals: language_chosen(str), started(), large_text_toggled(bool),
    high_contrast_toggled(bool), audio_toggled(bool).
    """

    name = "welcome"
    language_chosen = Signal(str)
    started = Signal()
    large_text_toggled = Signal(bool)
    high_contrast_toggled = Signal(bool)
    audio_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("huge", name="heading")
        self.subtitle = label("subtitle")
        self.choose_language = label("heading")
        self.privacy = label("muted")
        for widget in (self.title, self.subtitle, self.choose_language, self.privacy):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addStretch(1)
        self.languages = LanguageButtons(row, self.language_chosen.emit, self)
        row.addStretch(1)
        self.large_text = TapButton(objectName="a11y-large-text", checkable=True)
        self.high_contrast = TapButton(objectName="a11y-high-contrast", checkable=True)
        # The widest of the accessibility row: the way into audio mode (any key is too).
        self.audio = TapButton(objectName="audio-mode", checkable=True)
        self.audio.setProperty("role", "toggle")
        self.audio.toggled.connect(self.audio_toggled)
        access = QHBoxLayout()
        access.setSpacing(16)
        access.addStretch(1)
        for button in (self.audio, self.large_text, self.high_contrast):
            button.setProperty("role", "toggle")
            access.addWidget(button)
        access.addStretch(1)
        self.large_text.toggled.connect(self.large_text_toggled)
        self.high_contrast.toggled.connect(self.high_contrast_toggled)
        self.start = TapButton(objectName="start")
        self.start.setProperty("role", "primary")
        self.start.clicked.connect(self.started)

        area, layout = scroll_column(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.setSpacing(20)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(area)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addStretch(1)
        layout.addWidget(self.choose_language)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(self.start, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        layout.addLayout(access)
        layout.addWidget(self.privacy)

    def paint(self, content: ScreenContent) -> None:
        """Show the welcome content: texts, the languages offered, the toggles' state."""
        super().paint(content)
        self.title.setText(content.heading)
        self.subtitle.setText(content.text)
        self.choose_language.setText(content.fact("choose-language"))
        self.privacy.setText(content.fact("privacy"))
        choices = {choice.id: choice for choice in content.choices}
        self.start.setText(choices["start"].label)
        self.languages.paint(content.choices)
        self.choose_language.setVisible(any(c.startswith("lang-") for c in choices))
        for button in (self.audio, self.large_text, self.high_contrast):
            choice = choices[button.objectName()]
            button.setText(choice.label)
            button.blockSignals(True)  # showing the state is not toggling it
            button.setChecked(choice.selected)
            button.blockSignals(False)

    def wipe(self) -> None:
        """Nothing to forget: the welcome screen shows nothing of a visitor (the language and
        the toggles are set back with the session), so it keeps what it shows, and the one
        made ahead for the next visitor is shown as made."""
