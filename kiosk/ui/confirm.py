"""Asking once before something is lost (start over, finish without a slip, close the
kiosk): the question in the language on screen, the action done on Yes, nothing on No."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from kiosk.logic import ending_content
from kiosk.logic.content import ScreenContent
from kiosk.logic.i18n import Language, Strings
from kiosk.ui.tap_guard import TapGuard
from kiosk.ui.widgets.confirm_overlay import ConfirmOverlay


class Confirmation(QObject):
    """One question at a time; `content` is what it asks while it shows, else None.

    Signals: asked() when the question shows (or shows again in another language)."""

    asked = Signal()

    def __init__(
        self,
        overlay: ConfirmOverlay,
        strings: Strings,
        language: Callable[[], Language],
        guard: TapGuard,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.overlay, self.strings, self.language, self.guard = overlay, strings, language, guard
        self.content: ScreenContent | None = None
        self.kind = ""
        self._action: Callable[[], None] | None = None
        overlay.answered.connect(self._on_answer)

    def ask(self, kind: str, action: Callable[[], None]) -> None:
        """Ask `kind` (start-over, finish-unprinted, exit); do `action` on Yes."""
        self.kind, self._action = kind, action
        self._paint()
        self.guard.changed()  # the finger that asked must not answer too

    def retranslate(self) -> None:
        """The language changed: ask again in it, if asking."""
        if self.content is not None:
            self._paint()

    def dismiss(self) -> None:
        """No question any more (the kiosk started over)."""
        self.overlay.hide()
        self.content, self._action = None, None

    def _paint(self) -> None:
        self.content = ending_content.confirm(self.strings, self.language(), self.kind)
        self.overlay.paint(self.content)
        self.asked.emit()

    def _on_answer(self, yes: bool) -> None:
        if not self.guard.allows():
            return
        action = self._action
        self.dismiss()
        if yes and action is not None:
            action()
