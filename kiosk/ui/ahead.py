"""Screens made ahead: while the visitor reads one screen, the one a tap will most likely
bring is built, painted off screen and laid out, so that the tap only has to show it.

Between visitors (on the welcome screen) the garbage collector runs here too, and after
the rehearsal at start everything made so far is frozen out of its way: no collection
lands on a tap.

Work is done AHEAD_MS after a screen is shown (its own paint first), well before the tap
guard lets a finger through, and only what the visitor's answers already decide: the
service list from the welcome screen, the documents from "Check your answers", the result
(its bill and QR codes) from the documents. Whatever is made ahead is the very content the
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
from kiosk.logic.content import ScreenContent
from kiosk.logic.interview import answer_paths
from kiosk.logic.money import MoneyError
from kiosk.logic.pricing import Case
from kiosk.ui.screen import Screen
from kiosk.ui.states import State

if TYPE_CHECKING:
    from kiosk.ui.navigator import Navigator

log = logging.getLogger(__name__)
AHEAD_MS = 60  # after a screen is shown: its paint is done, no tap is taken yet (350 ms)
NEXT = {
    State.WELCOME: State.SERVICES,
    State.REVIEW: State.DOCUMENTS,
    State.DOCUMENTS: State.RESULT,
}


class Ahead(QObject):
    """Makes the likely next screen of a navigator in idle time."""

    def __init__(self, navigator: Navigator) -> None:
        super().__init__(navigator)
        self.nav = navigator
        self.timer = QTimer(self, singleShot=True, interval=AHEAD_MS)
        self.timer.timeout.connect(self.make)
        self._steps: Iterator[None] | None = None
        self.stepper = QTimer(self, interval=0)
        self.stepper.timeout.connect(self._step)
        navigator.shown.connect(self._on_shown)

    @property
    def pending(self) -> bool:
        """Work is waiting to be done."""
        return self.timer.isActive()

    def _on_shown(self, fresh: bool) -> None:
        if self.nav.state in NEXT:
            self.timer.start()
        else:
            self.timer.stop()

    def make(self) -> None:
        """Make the next screen now (the timer's work; benchmarks call it to stand for the
        visitor's reading time)."""
        self.timer.stop()
        nav = self.nav
        target = NEXT.get(nav.state)
        if target is None:
            return
        if nav.state is State.WELCOME:
            gc.collect()  # between visitors: what the last one left, collected now
        content = nav.entries.ahead(target)
        if content is None:
            return
        self._draw(nav.screens.of(target), content)

    def _draw(self, screen: Screen, content: ScreenContent) -> None:
        """Paint `content` on `screen` (if it is not what it shows), lay it out and draw it
        once off screen: styles, text layouts, codes and glyphs are ready when it shows."""
        if screen.content != content:
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
        wait for is made while the kiosk idles on the welcome screen after start. A step a
        turn of the event loop; a visitor who starts stops it (`at_once`: all now, for the
        benchmarks)."""
        self._steps = self._rehearsal()
        if at_once:
            for _ in self._steps:
                pass
            self._steps = None
        else:
            self.stepper.start()

    def _step(self) -> None:
        if self._steps is None or self.nav.state is not State.WELCOME:
            self.stepper.stop()  # a visitor came: the screens they see are painted for them
            self._steps = None
            return
        if next(self._steps, StopIteration) is StopIteration:
            self.stepper.stop()
            self._steps = None

    def _rehearsal(self) -> Iterator[None]:
        nav = self.nav
        screens, strings = nav.screens, nav.strings
        centre = nav.settings.centre.centre_class
        day = nav.today()
        drawn: set[Screen] = set()
        for language in nav.settings.languages:
            self._draw(screens.services, build.services(nav.catalogue, strings, language))
            yield
            for service in nav.catalogue.services.values():
                complete = blocked = False
                for answers in answer_paths(service, centre):
                    case = Case(service.id, answers, day, centre, language, "K00-00000000-0000")
                    try:
                        quote = nav.pricing.quote(case)
                    except MoneyError:
                        continue
                    if quote.complete and not complete:
                        complete = True
                        for screen, content in (
                            (screens.review, build.review(service, answers, strings, language)),
                            (screens.documents, build.documents(quote, set(), strings)),
                            (screens.result, ending.result(quote, strings)),
                            (
                                screens.printing,
                                ending.printing(None, case.reference, quote, strings),
                            ),
                            (screens.thanks, ending.thanks(strings, language)),
                        ):
                            self._draw(screen, content)
                            drawn.add(screen)
                            yield
                    elif quote.blocked and not blocked:
                        blocked = True
                        self._draw(screens.blocker, ending.blocker(quote, strings))
                        drawn.add(screens.blocker)
                        yield
                    if complete and blocked:
                        break
        for screen in drawn:  # nothing made up stays painted
            screen.wipe()
        # What start-up made lives as long as the kiosk: set apart from the collector, a
        # full collection takes a fraction of a millisecond instead of ~28 ms (which would
        # land on some visitor's tap).
        gc.collect()
        gc.freeze()
