"""Audio mode: every screen said aloud from its content, and the keys (`kiosk.ui.keypad`)
to move through it, choose, go back, ask for help and hear again, with a thick ring on
whatever they stand on. Started by the Listen button or by any key on a visitor's screen;
it ends when the visitor leaves (the idle time-out, the end of the journey), not when they
start over themselves.

What is said is recorded for the session (`spoken`, in memory only, gone when the kiosk
starts over) and handed to the speaker, which says it on its own thread: a key is handled
in well under a millisecond and a new screen cuts the old one off.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from kiosk.logic import screen_content as build
from kiosk.logic.content import SLIP_ITEM, Choice, ScreenContent
from kiosk.logic.texts import Texts
from kiosk.ui.states import VISITOR_STATES, State
from kiosk.ui.widgets.focus_ring import FocusRing

if TYPE_CHECKING:
    from kiosk.logic.narration import Item, Narration
    from kiosk.speech.speaker import Speaker, Utterance
    from kiosk.ui.navigator import Navigator

# What is said, the voice and the keys' table load with the first key or Listen, not at
# start-up (the words' patterns and Qt's key table take a while to make).

log = logging.getLogger(__name__)
SPOKEN_STATES = frozenset({State.WELCOME, *VISITOR_STATES})
VOLUME_STEP = 20


class AudioGuide(QObject):
    """Speaks the navigator's screens and takes the visitor's keys."""

    def __init__(self, navigator: Navigator) -> None:
        super().__init__(navigator)
        self.nav = navigator
        self.make_speaker: Callable[[], Speaker] = self._speaker
        self.speaker: Speaker | None = None
        self.ring = FocusRing(navigator.window)
        self.spoken: list[Utterance] = []  # this session's, for KioskDriver.spoken()
        self.narration: Narration | None = None
        self.content: ScreenContent | None = None
        self.index = -1  # the item the keys stand on (-1: none yet)
        self.last: list[Utterance] = []  # what Repeat says again
        self.volume = navigator.settings.speech.volume
        self.speaking = False  # audio mode was on at the last screen
        self._keyed = False  # a visitor's key is being handled
        self.narrated = 0  # screens said so far (a press that brings one says nothing more)
        self._areas: set[int] = set()  # scroll areas the ring follows
        # Keys are taken where the window system delivers them, the window's native window,
        # before any widget: watching that one object (not every event of the application)
        # costs the screens nothing. It exists once the window is shown.
        self._native: QWindow | None = None
        navigator.window.installEventFilter(self)
        navigator.shown.connect(self._on_shown)
        navigator.wiped.connect(self._on_wiped)
        navigator.idle.warned.connect(lambda _seconds: self._on_shown(True))
        navigator.confirmation.asked.connect(lambda: self._on_shown(True))

    @property
    def on(self) -> bool:
        """Audio mode is on."""
        return self.nav.session.audio

    def _speaker(self) -> Speaker:
        """The settings' speaker (made when audio mode first starts, or after start):
        its thread and its voice, closed with the window."""
        from kiosk.speech.speaker import Speaker

        speech = self.nav.settings.speech
        made = Speaker(speech.output, rate=speech.rate, volume=speech.volume)
        self.nav.window.destroyed.connect(lambda: made.close())
        return made

    def warm(self) -> None:
        """Start the speaker now (its voice loaded, its device opened on its own thread)."""
        if self.speaker is None:
            self.speaker = self.make_speaker()

    def fault(self) -> str:
        """Why the voice cannot be heard ("" when it can, or has not been tried)."""
        return self.speaker.fault if self.speaker is not None else ""

    # -- what is said ---------------------------------------------------------------------------

    def _current(self) -> ScreenContent | None:
        nav = self.nav
        return nav.warning.content or nav.confirmation.content or nav.content

    def _on_shown(self, fresh: bool) -> None:
        if not self.on:
            if self.speaking:
                self._quiet()
            return
        content = self._current()
        if content is None:
            return
        starting = not self.speaking
        self.speaking = True
        self.narrated += 1
        before = self.narration
        self.content, self.narration = content, self._narrate(content)
        same = (
            not fresh
            and not starting
            and before is not None
            and self.content.screen == content.screen
            and before.language == self.narration.language
        )
        if same and 0 <= self.index < len(before.items):
            # The same screen again (a document ticked): say the item as it is now.
            index = self.narration.index(before.items[self.index].id)
            if index >= 0:
                self._stand_on(index)
                return
        self.index = -1  # the keys start from the top again
        self.ring.surround(None)
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()
        t = Texts(self.nav.strings, content.language)
        opening = [(content.language, t("speech.on"))] if starting else []
        self._say([*opening, *self.narration.arrival])

    def _narrate(self, content: ScreenContent) -> Narration:
        nav = self.nav
        t = Texts(nav.strings, content.language)
        extra: tuple[Choice, ...] = ()
        if nav.state in SPOKEN_STATES and content is nav.content:
            # The header's buttons: Call staff, and (past the welcome screen, which has its
            # own) the languages.
            header = build.header(
                nav.strings,
                nav.settings.centre.name,
                content.language,
                () if nav.state is State.WELCOME else nav.settings.languages,
                nav.session.staff_called,
            )
            extra = header.choices
        slip = content.screen == "result" and nav.quote is not None and nav.quote.complete
        from kiosk.logic.narration import narrate

        return narrate(content, t, extra, slip=slip)

    def _say(self, utterances: Sequence[Utterance]) -> None:
        said = [(language, text) for language, text in utterances if text]
        self.last = said
        self.spoken.extend(said)
        if self.speaker is None:
            self.speaker = self.make_speaker()
        self.speaker.say(said)

    def _quiet(self) -> None:
        self.speaking = False
        self.narration, self.content, self.index = None, None, -1
        self.ring.surround(None)
        if self.speaker is not None:
            self.speaker.silence()

    def _on_wiped(self) -> None:
        # Starting over by a key keeps audio mode on, in the language the visitor chose by
        # ear; the idle time-out and the end of the journey end it (the next visitor starts
        # it again if they need it).
        nav = self.nav
        keep = self._keyed and nav.state is not State.THANKS and self.speaking
        self.spoken = []
        self.volume = nav.settings.speech.volume
        if self.speaker is not None:
            self.speaker.set_volume(self.volume)
        if keep:
            nav.session.audio = True
            language = self.narration.language if self.narration else nav.session.language
            if language in nav.settings.languages:
                nav.session.language = language
        else:
            self._quiet()

    # -- keys -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and watched is self.nav.window:
            native = self.nav.window.windowHandle()
            if native is not None and native is not self._native:
                native.installEventFilter(self)
                self._native = native
            return False
        if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        nav = self.nav
        staff = nav.staff is not None and nav.staff.logged_in
        from kiosk.ui.keypad import is_modifier, is_shortcut

        if nav.state not in SPOKEN_STATES or staff or is_shortcut(event) or is_modifier(event):
            return False
        if not nav.window.isVisible():
            return False
        if event.isAutoRepeat():
            return True  # a key held down is one press
        self._keyed = True
        try:
            self._key(event)
            if self.on and self._current() is not self.content:
                self._on_shown(True)  # a question over the screen went: the screen again
        finally:
            self._keyed = False
        return True

    def _key(self, event: QKeyEvent) -> None:
        nav = self.nav
        if not self.on:
            nav.on_audio(True)  # any key starts audio mode
            return
        if nav.warning.content is not None:
            nav.warning.more_time()  # any key is "more time"
            self._on_shown(True)
            return
        nav.idle.restart()
        from kiosk.logic.narration import help_text
        from kiosk.ui.keypad import Command, command

        what = command(event)
        narration = self.narration
        if narration is None:
            return
        t = Texts(nav.strings, narration.language)  # type: ignore[arg-type]
        if what is Command.NEXT or what is Command.PREVIOUS:
            step = 1 if what is Command.NEXT else -1
            start = self.index if self.index >= 0 or step > 0 else 0
            self._stand_on((start + step) % len(narration.items))
        elif what is Command.CHOOSE:
            self._choose()
        elif what is Command.BACK:
            self._back(t)
        elif what is Command.HELP:
            assert self.content is not None
            self._say([(narration.language, help_text(narration, self.content, t))])  # type: ignore[list-item]
        elif what is Command.REPEAT:
            self._say(self.last)
        elif what in (Command.LOUDER, Command.QUIETER):
            step = VOLUME_STEP if what is Command.LOUDER else -VOLUME_STEP
            self.volume = max(0, min(200, self.volume + step))
            if self.speaker is not None:
                self.speaker.set_volume(self.volume)
            key = "speech.louder" if what is Command.LOUDER else "speech.quieter"
            self._say([(narration.language, t(key))])  # type: ignore[list-item]
        elif isinstance(what, int):
            self._number(what)
        else:
            self._say([(narration.language, t("speech.hint"))])  # type: ignore[list-item]

    def _stand_on(self, index: int) -> None:
        assert self.narration is not None
        self.index = index
        item = self.narration.items[index]
        # The slip is read from beside Print, which Enter must not press.
        widget = self._widget("print-slip" if item.id == SLIP_ITEM else item.id)
        self.ring.high_contrast = self.nav.session.high_contrast
        if widget is not None:
            self._show(widget, focus=item.press and item.id != SLIP_ITEM)
        self.ring.surround(widget)
        self._say([(item.language, item.text)])

    def _choose(self) -> None:
        narration = self.narration
        assert narration is not None
        if self.index < 0:
            t = Texts(self.nav.strings, narration.language)  # type: ignore[arg-type]
            self._say([(narration.language, t("speech.hint"))])
            return
        item = narration.items[self.index]
        narrated = self.narrated
        if item.id == SLIP_ITEM:
            self._say([(narration.language, self._slip())])
        elif item.press and self._press(item):
            if self.narrated == narrated:  # nothing new on screen: say what came of it
                self.narration = self._narrate(self.content)
                index = self.narration.index(item.id)
                if index >= 0:
                    self._stand_on(index)
        else:
            self._say([(item.language, item.text)])

    def _press(self, item: Item) -> bool:
        widget = self._widget(item.id)
        if isinstance(widget, QAbstractButton) and widget.isEnabled():
            widget.click()
            return True
        return False

    def _back(self, t: Texts) -> None:
        for name in ("confirm-no", "nav-back"):
            widget = self._widget(name)
            if isinstance(widget, QAbstractButton) and widget.isEnabled():
                widget.click()
                return
        self._say([(t.language, t("speech.nothing-back"))])

    def _number(self, number: int) -> None:
        content = self.content
        if content is None or content.screen not in ("question", "services"):
            return
        if number <= len(content.choices):
            choice = content.choices[number - 1]
            index = self.narration.index(choice.id) if self.narration else -1
            if index >= 0 and not self._press(self.narration.items[index]):  # type: ignore[union-attr]
                self._stand_on(index)

    def _slip(self) -> str:
        nav = self.nav
        quote = nav.quote
        assert quote is not None
        slip = nav.jobs.slip(quote, nav.session.reference or "", set(nav.session.have))
        from kiosk.logic.narration import slip_text

        return slip_text(slip, Texts(nav.strings, quote.language))

    # -- where the item is ---------------------------------------------------------------------

    def _widget(self, name: str) -> QWidget | None:
        """The visible widget named `name`: on the question asked over the screen, the
        screen, its footer, the header."""
        window = self.nav.window
        places: list[QWidget] = [
            window.overlay,
            window.confirm_overlay,
            window.current_screen(),
            window.footer,
            window,
        ]
        for place in places:
            if not place.isVisible():
                continue
            for widget in place.findChildren(QWidget, name):
                if widget.isVisible():
                    return widget
        return None

    def _show(self, widget: QWidget, focus: bool) -> None:
        """Scroll `widget` into view and give it the keyboard focus (`focus`: a button the
        keys stand on), or take the focus from the last one (a text)."""
        parent = widget.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 24, 48)
            if id(parent) not in self._areas:
                self._areas.add(id(parent))
                parent.verticalScrollBar().valueChanged.connect(lambda _v: self.ring.place())
        if focus and isinstance(widget, QAbstractButton):
            widget.setFocus()
        elif (focused := QApplication.focusWidget()) is not None:
            focused.clearFocus()
