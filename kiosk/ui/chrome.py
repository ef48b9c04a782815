"""The window around the screens as the visitor's session has it: the header (logo, the
centre, Call staff or that staff were called, the languages) and the theme (the visitor's
large text or high contrast, scaled down on a compact window)."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.logic import screen_content as build
from kiosk.logic.i18n import Strings
from kiosk.logic.session import VisitorSession
from kiosk.settings import Settings
from kiosk.ui.theme import Theme, ThemeSwitch
from kiosk.ui.window import KioskWindow


class Chrome:
    """Paints the header and styles the window for the session in front."""

    def __init__(
        self,
        window: KioskWindow,
        settings: Settings,
        strings: Strings,
        apply_theme: Callable[[Theme], None],
    ) -> None:
        self.window, self.settings, self.strings = window, settings, strings
        self.theme = ThemeSwitch(apply_theme)

    def paint_header(self, session: VisitorSession) -> None:
        """The header in the session's language, saying whether staff were called."""
        settings = self.settings
        self.window.paint_header(
            build.header(
                self.strings,
                settings.centre.name,
                session.language,
                settings.languages,
                session.staff_called,
            )
        )

    def style(self, session: VisitorSession) -> None:
        """The theme the visitor chose, for this window's size."""
        chosen = Theme.chosen(
            large_text=session.large_text,
            high_contrast=session.high_contrast,
            compact=self.window.compact,
        )
        self.theme.set(chosen)
        self.window.large_text(session.large_text)
