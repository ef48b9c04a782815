"""Screens made ahead: while the visitor reads one screen, the one a tap will most likely
bring is built, painted off screen and laid out, so that the tap only has to show it.

Between visitors (on the welcome screen) the garbage collector runs here too, and after
the rehearsal at start everything made so far is frozen out of its way: no collection
lands on a tap.

Work is done AHEAD_MS after a screen is shown (its own paint first), well before the tap
guard lets a finger through, and only what the visitor's answers already decide: the
service list from the welcome screen, the documents from "Check your answers", the result
(its bill and QR codes) from the documents, and from the thank-you screen the next
visitor's welcome screen (the visit's screens are wiped there, too, rather than on the tap
that ends the visit). Whatever is made ahead is the very content the
tap would build (the navigator paints a screen only when its content changed), so a
visitor who goes back and changes an answer simply gets the screen made anew.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, QTimer
from PySide6.QtGui import QImage

from kiosk.logic import ending_content as ending
from kiosk.logic import screen_content as build
from kiosk.logic.catalogue import Service
from kiosk.logic.content import ScreenContent
from kiosk.logic.interview import answer_paths, is_complete
from kiosk.logic.money import MoneyError
from kiosk.logic.pricing import Case
from kiosk.ui.screen import Screen
from kiosk.ui.states import VISITOR_STATES, State

if TYPE_CHECKING:
    from kiosk.ui.navigator import Navigator

log = logging.getLogger(__name__)
REHEARSE_AGAIN_MS = 1500  # after the welcome screen shows again, if it was stopped
AHEAD_MS = 60  # after a screen is shown: its paint is done, no tap is taken yet (350 ms)
MADE_UP = "K00-00000000-0000"  # the rehearsal's visitor's reference: no one's
NEXT = {
    State.WELCOME: State.SERVICES,
    State.REVIEW: State.DOCUMENTS,
    State.DOCUMENTS: State.RESULT,
    State.THANKS: State.WELCOME,  # the next visitor's, as the reset leaves the session
}
# Nothing leads back from the thank-you screen to the visit's other screens (a print outcome
# that comes later is not shown there either): their visitor's content is let go of while
# the visitor reads the thanks, rather than on the tap that ends the visit.
DONE_WITH = VISITOR_STATES - {State.THANKS}


class Ahead(QObject):
    """Makes the likely next screen of a navigator in idle time."""

    def __init__(self, navigator: Navigator) -> None:
        super().__init__(navigator)
        self.nav = navigator
        self.timer = QTimer(self, singleShot=True, interval=AHEAD_MS)
        self.timer.timeout.connect(self.make)
        self._steps: Iterator[None] | None = None
        self.wanted = False  # a rehearsal was asked for (after start)
        self.rehearsed = False  # and has run to its end
        self.stepper = QTimer(self, interval=0)
        self.stepper.timeout.connect(self._step)
        self.again = QTimer(self, singleShot=True, interval=REHEARSE_AGAIN_MS)
        self.again.timeout.connect(lambda: self.nav.state is State.WELCOME and self.rehearse())
        navigator.shown.connect(self._on_shown)

    @property
    def pending(self) -> bool:
        """Work is waiting to be done."""
        return self.timer.isActive()

    def _on_shown(self, fresh: bool) -> None:
        state = self.nav.state
        if state in NEXT:
            self.timer.start()
        else:
            self.timer.stop()
        if state is State.WELCOME and self.wanted and not self.rehearsed:
            self.again.start()  # stopped by someone who came: when the kiosk waits again

    def make(self) -> None:
        """Make the next screen now (the timer's work; benchmarks call it to stand for the
        visitor's reading time)."""
        self.timer.stop()
        nav = self.nav
        target = NEXT.get(nav.state)
        if target is None:
            return
        if nav.state is State.WELCOME and gc.get_freeze_count():
            gc.collect()  # between visitors: what the last one left (quick once frozen)
        if nav.state is State.THANKS:
            for state in DONE_WITH:
                nav.screens.of(state).wipe()
        content = nav.entries.ahead(target)
        if content is None:
            return
        self._draw(nav.screens.of(target), content)

    def _draw(self, screen: Screen, content: ScreenContent) -> None:
        """Paint `content` on `screen` (if it is not what it shows), lay it out and draw it
        once off screen: styles, text layouts, codes and glyphs are ready when it shows."""
        if screen.content == content:
            return  # painted already (and laid out when it was)
        screen.paint(content)
        size = self.nav.window.stack.size()
        if screen.size() != size:
            screen.resize(size)
        # Drawn once into an image let go of at once (4 MiB at 1280×800: not kept).
        canvas = QImage(size if size.isValid() else QSize(1, 1), QImage.Format.Format_RGB32)
        screen.render(canvas)

    # -- the rehearsal after start ----------------------------------------------------------

    def rehearse(self, at_once: bool = False) -> None:
        """Show every visitor screen once, off screen, in every language, with a made-up
        visitor (no one's answers): what the first visitor of each screen would otherwise
        wait for is made while the kiosk idles on the welcome screen after start. A short
        step a turn of the event loop; a visitor (or staff) who comes stops it, and it
        starts again the next time the welcome screen waits (`at_once`: all now, for the
        benchmarks)."""
        self.wanted = True
        if self.rehearsed:
            return
        self._stop_rehearsal()
        self._steps = self._rehearsal()
        if at_once:
            for _ in self._steps:
                pass
            self._steps = None
        else:
            self.stepper.start()

    def _step(self) -> None:
        if self._steps is None or self.nav.state is not State.WELCOME:
            self._stop_rehearsal()  # someone came: what they see is painted for them
            return
        if next(self._steps, StopIteration) is StopIteration:
            self.stepper.stop()
            self._steps = None

    def _stop_rehearsal(self) -> None:
        self.stepper.stop()
        if self._steps is not None:
            self._steps.close()  # its made-up visitor is wiped on the way out
            self._steps = None

    def _rehearsal(self) -> Iterator[None]:
        nav = self.nav
        screens, strings = nav.screens, nav.strings
        centre = nav.settings.centre.centre_class
        day = nav.today()
        drawn: dict[Screen, ScreenContent] = {}

        def draw(screen: Screen, content: ScreenContent) -> None:
            self._draw(screen, content)
            drawn[screen] = screen.content  # type: ignore[assignment]

        try:
            for language in nav.settings.languages:
                self._draw(screens.services, build.services(nav.catalogue, strings, language))
                yield
                for service in nav.catalogue.services.values():
                    for answers, complete in _two_paths(service, centre):
                        case = Case(service.id, answers, day, centre, language, MADE_UP)
                        try:
                            quote = nav.pricing.quote(case)
                        except MoneyError:
                            continue
                        yield
                        if not complete:
                            draw(screens.blocker, ending.blocker(quote, strings))
                            yield
                            continue
                        for screen, content in (
                            (screens.review, build.review(service, answers, strings, language)),
                            (screens.documents, build.documents(quote, set(), strings)),
                            (screens.result, ending.result(quote, strings)),
                            (screens.printing, ending.printing(None, MADE_UP, quote, strings)),
                            (screens.thanks, ending.thanks(strings, language)),
                        ):
                            draw(screen, content)
                            yield
            self.rehearsed = True
        finally:
            for screen, content in drawn.items():  # nothing made up stays painted
                if screen.content is content:
                    screen.wipe()
        # What start-up made lives as long as the kiosk: set apart from the collector, a
        # full collection takes a fraction of a millisecond instead of ~28 ms (which would
        # land on some visitor's tap).
        gc.collect()
        gc.freeze()


def _two_paths(service: Service, centre: str) -> Iterator[tuple[dict[str, str], bool]]:
    """The service's first complete path and its first blocked one, found without pricing
    every path."""
    complete = blocked = False
    for answers in answer_paths(service, centre):
        done = is_complete(service, answers, centre)
        if (done and not complete) or (not done and not blocked):
            complete, blocked = complete or done, blocked or not done
            yield answers, done
        if complete and blocked:
            return
