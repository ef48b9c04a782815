"""The one state machine of the visitor flow. Screens emit signals; only this switches them.

welcome → services → question … → review → documents → result → printing → thanks → welcome,
or a question → blocker when something must be done first. Every move is an event looked
up in one table (state, event) → transition; a transition returns the state to go to, a
redirect (documents that cannot be priced go to the result, which says so) is settled
before anything is shown, and entering a state builds its screen content and paints it.
Besides the table there are two ways in, for what is not a visitor's tap: `reset()` (the
idle time-out, the thank-you timer, staff serving or logging out) and `go()`, with which
the staff desk (`kiosk.ui.staff`) shows its states (pin, dashboard).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.logic import screen_content as build
from kiosk.logic.catalogue import Catalogue
from kiosk.logic.content import ScreenContent
from kiosk.logic.i18n import Strings
from kiosk.logic.pricing import Pricing
from kiosk.logic.quote import Quote
from kiosk.logic.session import Step, VisitorSession
from kiosk.logic.visit_quote import VisitQuote
from kiosk.settings import Settings
from kiosk.storage.out_of_order import OutOfOrder
from kiosk.ui.ahead import Ahead
from kiosk.ui.chrome import Chrome
from kiosk.ui.confirm import Confirmation
from kiosk.ui.entries import ScreenEntries
from kiosk.ui.idle import IdleMonitor, IdleWarning
from kiosk.ui.print_jobs import PrintJobs
from kiosk.ui.states import VISITOR_STATES, Event, Screens, Staff, State, Transition
from kiosk.ui.tap_guard import TapGuard
from kiosk.ui.theme import Theme
from kiosk.ui.window import KioskWindow
from kiosk.ui.wiring import connect_screens

__all__ = ["VISITOR_STATES", "Event", "Navigator", "Screens", "State"]

log = logging.getLogger(__name__)
# Where Start over loses answers, and so asks first.
ASK_BEFORE_START_OVER = (State.QUESTION, State.REVIEW, State.DOCUMENTS, State.RESULT, State.BLOCKER)


class Navigator(QObject):
    """Owns the visitor session and the current state.

    Signals: state_changed(state), shown(fresh), wiped(), session_ended(outcome) with
    outcome one of completed, blocked, abandoned, timed-out; noted(facts) with facts of the
    session for the journal (service, language, total, reference).
    """

    state_changed = Signal(str)
    shown = Signal(bool)  # a screen was painted: fresh (a new step) or the same one again
    wiped = Signal()  # the session was wiped (the kiosk is starting over)
    session_ended = Signal(str)
    staff_called = Signal()
    noted = Signal(dict)

    def __init__(
        self,
        window: KioskWindow,
        screens: Screens,
        pricing: Pricing,
        settings: Settings,
        strings: Strings,
        today: Callable[[], date],
        references: Callable[[date], str],
        jobs: PrintJobs,
        apply_theme: Callable[[Theme], None],
        out_of_order: OutOfOrder,
    ) -> None:
        super().__init__(window)
        self.window, self.screens, self.pricing = window, screens, pricing
        self.settings, self.strings, self.today = settings, strings, today
        self.references, self.jobs = references, jobs
        self.out_of_order = out_of_order
        self.staff: Staff | None = None
        self.chrome = Chrome(window, settings, strings, apply_theme)
        self.session_number = 0  # print jobs belong to a session; a new one starts on reset
        self.session = VisitorSession(language=settings.default_language)
        self.state: State = State.WELCOME
        self.visit = VisitQuote(pricing)
        self.outcome = ""  # how the visitor's session is going: blocked, completed, timed-out
        self.visiting = False  # a visitor's session is open (from leaving the welcome screen)
        self.idle = IdleMonitor(settings.timing.countdown, self)
        self.warning = IdleWarning(
            self.idle,
            window.overlay,
            strings,
            lambda: self.session.language,
            self,
            over_codes=lambda: bool(self.content and self.content.qr),
        )
        self.guard = TapGuard(settings.timing.tap_guard)
        self.confirmation = Confirmation(
            window.confirm_overlay, strings, lambda: self.session.language, self.guard, self
        )
        self.thanks_timer = QTimer(self, singleShot=True)
        self.thanks_timer.timeout.connect(self.reset)
        self.transitions: dict[tuple[State, Event], Transition] = {
            (State.WELCOME, Event.START): self._start,
            (State.SERVICES, Event.BACK): self.reset,
            (State.SERVICES, Event.SERVICE): self._choose_service,
            (State.QUESTION, Event.ANSWER): lambda q, o: _to(self.session.answer(q, o)),
            (State.QUESTION, Event.BACK): lambda: _to(self.session.back()),
            (State.QUESTION, Event.NEXT): lambda: _to(self.session.forward()),
            (State.REVIEW, Event.BACK): lambda: _to(self.session.back_from_review()),
            (State.REVIEW, Event.CHANGE): lambda question: _to(self.session.change(question)),
            (State.REVIEW, Event.NEXT): lambda: State.DOCUMENTS,
            (State.DOCUMENTS, Event.BACK): lambda: State.REVIEW,
            (State.DOCUMENTS, Event.NEXT): lambda: State.RESULT,
            (State.RESULT, Event.BACK): lambda: State.DOCUMENTS if self.quote else State.REVIEW,
            (State.RESULT, Event.PRINT): self._print,
            (State.RESULT, Event.FINISH): self._finish_unprinted,
            (State.BLOCKER, Event.BACK): self._blocker_back,
            (State.BLOCKER, Event.FINISH): self.reset,
            (State.BLOCKER, Event.PRINT): self._print,
            (State.PRINTING, Event.PRINT): self._print,
            (State.PRINTING, Event.PRINTED): self._printed,
            (State.PRINTING, Event.FINISH): lambda: State.THANKS,
            (State.THANKS, Event.FINISH): self.reset,
            **{(state, Event.HOME): self._start_over for state in VISITOR_STATES},
        }
        self.entries = ScreenEntries(self)
        self.ahead = Ahead(self)
        window.set_long_press(settings.timing.long_press)
        for screen in screens.all():
            window.add_screen(screen)
        screens.services.set_catalogue(pricing.catalogue)
        jobs.finished.connect(lambda reference, _outcome: self.fire(Event.PRINTED, reference))
        connect_screens(self)
        self.reset()

    @property
    def content(self) -> ScreenContent | None:
        """What the screen in front says."""
        return self.screens.of(self.state).content

    @property
    def quote(self) -> Quote | None:
        """The visitor's quote, once priced."""
        return self.visit.quote

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue visitors are served from."""
        return self.pricing.catalogue

    # -- public -----------------------------------------------------------------------------

    def tap(self, event: Event, *args: Any) -> None:
        """A visitor's tap: `fire`, unless it came too soon after the screen changed."""
        if self.guard.allows():
            self.fire(event, *args)
        else:
            log.debug("%s in %s too soon after the screen changed", event, self.state)

    def fire(self, event: Event, *args: Any) -> None:
        """Apply `event` in the current state (an event the state does not take is ignored:
        a late tap on a screen already left)."""
        transition = self.transitions.get((self.state, event))
        if transition is None:
            log.debug("%s ignored in %s", event, self.state)
            return
        target = transition(*args)
        if target is not None:
            self.go(target)

    def go(self, state: State) -> None:
        """Leave the current state and enter `state` (after any redirect), once."""
        state = self._redirect(state)
        if self.state is State.THANKS:
            self.thanks_timer.stop()
        self.visiting = self.visiting or state in VISITOR_STATES
        self.state = state
        self._show(fresh=True)
        self.state_changed.emit(state.value)

    def reset(self) -> None:
        """Back to the welcome screen with nothing of the last visitor left."""
        if self.visiting:  # also when staff step in mid-visit
            self.session_ended.emit(self.outcome or "abandoned")
        self.visiting = False
        self.thanks_timer.stop()
        self.idle.disarm()
        self.warning.hide()
        self.confirmation.dismiss()
        self.jobs.end_session(self.session_number)
        self.session_number += 1
        self.session.wipe(self.settings.default_language)
        self.wiped.emit()  # before anything is painted for the next visitor
        for screen in self.screens.all():
            screen.wipe()
        self.visit.forget()
        self.entries.forget()
        self.outcome = ""
        self.chrome.style(self.session)
        self.chrome.paint_header(self.session)
        self.noted.emit({"language": self.session.language})
        staff_in = self.staff is not None and self.staff.logged_in
        self.go(State.OUT_OF_ORDER if self.out_of_order.on and not staff_in else State.WELCOME)

    def set_language(self, language: str) -> None:
        """Switch every text to `language`, keeping every answer."""
        if language not in self.settings.languages:
            return
        self.session.language = language  # type: ignore[assignment]
        self.noted.emit({"language": language})
        self.chrome.paint_header(self.session)
        self.warning.retranslate()
        self.confirmation.retranslate()
        self._show()

    def use_catalogue(self, catalogue: Catalogue) -> None:
        """Serve the next visitors from `catalogue` (staff reloaded it)."""
        self.pricing = Pricing(catalogue, self.pricing.profiles, self.strings)
        self.jobs.pricing = self.visit.pricing = self.pricing
        self.visit.forget()
        self.screens.services.set_catalogue(catalogue)

    def refresh(self) -> None:
        """Paint the current state's content again (the staff desk's facts changed)."""
        self._show()

    # -- entering a state ---------------------------------------------------------------------

    def _show(self, fresh: bool = False) -> None:
        state, window = self.state, self.window
        self.idle.pause()  # building the screen is not input: not worth looking at
        content = self.entries.content(state)
        screen = self.screens.of(state)
        if screen.content != content:  # made ahead, or the same again: already painted
            screen.paint(content)
        window.set_chrome(
            content, screen.footer(), languages=state not in (State.WELCOME, State.OUT_OF_ORDER)
        )
        window.show_screen(screen, fresh)
        self._arm_idle(state)
        self.idle.resume()
        if fresh:
            self.guard.changed()
        if state is State.THANKS:
            self.thanks_timer.start(round(self.settings.timing.thanks * 1000))
        self.shown.emit(fresh)

    def apply_theme(self) -> None:
        """Style the window for the visitor's choices and the window's size."""
        self.chrome.style(self.session)

    def call_staff(self) -> None:
        """The visitor asked for a member of staff: told so on screen, staff on the desk."""
        if self.state not in (*VISITOR_STATES, State.WELCOME) or self.session.staff_called:
            return
        self.session.staff_called = True
        self.chrome.paint_header(self.session)
        self.staff_called.emit()

    def _redirect(self, state: State) -> State:
        if state is State.DOCUMENTS and self.priced() is None:
            # Cannot be priced at all (a fee with no rate that day): the result says so, no
            # dead end. A year with no MCI published is priced: the duty is paid at the centre.
            return State.RESULT
        return state

    def _arm_idle(self, state: State) -> None:
        # Printing ends on its own too: a job always ends within the printer's time-out, and
        # its outcome screen (failed or unknown with the QR codes) waits as the result does.
        waiting = state in VISITOR_STATES and state is not State.THANKS
        if not waiting or (self.staff is not None and self.staff.logged_in):
            self.idle.disarm()  # nobody to wait for, or an assisted session: staff are there
            return
        timing = self.settings.timing
        paying = state in (State.RESULT, State.PRINTING)
        self.idle.wait(timing.idle_result if paying else timing.idle)

    # -- transitions ----------------------------------------------------------------------------

    def _start(self) -> State:
        self.session.dated(self.today())  # one date for the whole visit, midnight or not
        return State.SERVICES

    def _choose_service(self, service_id: str) -> State:
        service = self.catalogue.service(service_id)
        self.noted.emit({"service": service_id})
        return State(self.session.choose(service, self.settings.centre.centre_class))

    def _start_over(self) -> None:
        """Start over, asking first when the visitor would lose their answers."""
        if self.state in ASK_BEFORE_START_OVER:
            self.confirmation.ask("start-over", self.reset)
        else:
            self.reset()

    def _finish_unprinted(self) -> None:
        """Finish from the result (no slip printed): asked first (saying the payment codes
        will go, when there are any)."""
        codes = self.quote is not None and bool(self.quote.payments)
        kind = "finish-unprinted" if codes else "finish-unprinted-no-codes"
        self.confirmation.ask(kind, lambda: self.go(State.THANKS))

    def _blocker_back(self) -> State | None:
        if self.session.question is None:
            return None
        self.outcome = ""
        return State.QUESTION

    def _print(self) -> State | None:
        session = self.session
        if session.reference is None and self.quote is not None and self.quote.blocked:
            session.reference = self.references(session.dated(self.today()))  # its own slip
            self.priced()
        quote, reference = self.quote, session.reference
        if quote is None or reference is None:
            return None
        case = self.session.case()
        self.jobs.print_visitor(case, quote, set(self.session.have), self.session_number)
        return State.PRINTING

    def _printed(self, reference: str) -> State | None:
        job = self.jobs.current
        return State.PRINTING if job is not None and job.reference == reference else None

    def priced(self) -> Quote | None:
        """The visitor's quote, priced now if their case changed (None: it cannot be)."""
        return self.visit.price(self.session, self.today(), self.references)

    # -- other visitor actions ------------------------------------------------------------------

    def on_document_toggled(self, document_id: str, have_it: bool) -> None:
        if self.state is not State.DOCUMENTS or self.quote is None:
            return
        if not self.guard.allows():  # too soon: the tick is undone
            have_it = document_id in self.session.have
        if have_it:
            self.session.have.add(document_id)
        else:
            self.session.have.discard(document_id)
        self.screens.documents.paint(build.documents(self.quote, self.session.have, self.strings))
        self.shown.emit(False)

    def on_idle_expired(self) -> None:
        # A visitor who had their result or blocker keeps that outcome; others timed out.
        self.outcome = self.outcome or "timed-out"
        self.reset()

    def on_accessibility(self, large_text: bool | None, high_contrast: bool | None) -> None:
        session = self.session
        session.large_text = session.large_text if large_text is None else large_text
        session.high_contrast = session.high_contrast if high_contrast is None else high_contrast
        self.apply_theme()
        self._show()  # the toggles' state is part of what the screen says

    def on_audio(self, on: bool) -> None:
        """Audio mode on or off (the Listen button, or any key on the welcome screen)."""
        if self.session.audio != on:
            self.session.audio = on
            self._show()


def _to(step: Step | None) -> State | None:
    """The state that shows a step of the interview (None: stay)."""
    return State(step) if step else None
