"""What each state shows: entering a state builds its screen content from the visitor's
session and quote (the quote's outcome, completed or blocked, is noted on the way)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.logic import ending_content as ending
from kiosk.logic import screen_content as build
from kiosk.logic import staff_content
from kiosk.logic.content import ScreenContent
from kiosk.logic.quote import Quote
from kiosk.ui.states import State

if TYPE_CHECKING:
    from kiosk.ui.navigator import Navigator


class ScreenEntries:
    """The content of each state of a navigator."""

    def __init__(self, nav: Navigator) -> None:
        self.nav = nav
        # The last result built and the quote it was built from: the result made ahead is
        # the one the tap shows, built once (a quote is a frozen value: the same quote,
        # the same result).
        self.last_result: tuple[Quote, ScreenContent] | None = None
        self.table: dict[State, Callable[[], ScreenContent]] = {
            State.WELCOME: self._welcome,
            State.SERVICES: self._services,
            State.QUESTION: self._question,
            State.REVIEW: self._review,
            State.DOCUMENTS: self._documents,
            State.RESULT: self._result,
            State.BLOCKER: self._blocker,
            State.PRINTING: self._printing,
            State.THANKS: lambda: ending.thanks(nav.strings, nav.session.language),
            State.PIN: self._staff,
            State.DASHBOARD: self._staff,
            State.OUT_OF_ORDER: lambda: staff_content.out_of_order(
                nav.strings, nav.session.language
            ),
        }

    def forget(self) -> None:
        """Keep nothing of the last visitor."""
        self.last_result = None

    def content(self, state: State) -> ScreenContent:
        """What `state` shows now."""
        return self.table[state]()

    def ahead(self, state: State) -> ScreenContent | None:
        """What entering `state` now would show, built without entering it (nothing noted,
        nothing ticked): for the screens made ahead while the visitor reads the one before.
        None where that is not known yet."""
        nav = self.nav
        if state is State.SERVICES:
            return self._services()
        if state is State.WELCOME:  # the next visitor's: as a reset leaves the session
            return build.welcome(nav.strings, nav.settings.default_language, nav.settings.languages)
        if state not in (State.DOCUMENTS, State.RESULT) or nav.session.interview is None:
            return None
        if not nav.session.interview.complete:
            return None
        quote = nav.priced()
        if state is State.RESULT:
            return self._result_of(quote)
        if quote is None or quote.blocked:
            return None
        session = nav.session
        held = {doc.id for doc in quote.documents if doc.held} - session.seen_held
        return build.documents(quote, session.have | held, nav.strings)  # as ticked on entry

    def _welcome(self) -> ScreenContent:
        nav = self.nav
        session = nav.session
        return build.welcome(
            nav.strings,
            session.language,
            nav.settings.languages,
            large_text=session.large_text,
            high_contrast=session.high_contrast,
            audio=session.audio,
        )

    def _services(self) -> ScreenContent:
        nav = self.nav
        return build.services(nav.catalogue, nav.strings, nav.session.language)

    def _question(self) -> ScreenContent:
        nav = self.nav
        session = nav.session
        assert session.interview is not None and session.question is not None
        return build.question(
            nav.pricing,
            session.interview,
            session.question,
            visit_date=nav.session.dated(nav.today()),
            changing=session.changing,
            strings=nav.strings,
            language=session.language,
        )

    def _review(self) -> ScreenContent:
        nav = self.nav
        interview = nav.session.interview
        assert interview is not None
        return build.review(interview.service, interview.answers, nav.strings, nav.session.language)

    def _documents(self) -> ScreenContent:
        nav = self.nav
        quote = nav.priced()
        assert quote is not None  # a quote that cannot be priced is redirected to the result
        nav.session.held(doc.id for doc in quote.documents if doc.held)
        return build.documents(quote, nav.session.have, nav.strings)

    def _result(self) -> ScreenContent:
        nav = self.nav
        quote = nav.priced()
        if quote is not None:
            nav.outcome = "completed"
            facts = {"reference": nav.session.reference or ""}
            if quote.bill is not None:  # None: no MCI published for the year, no amount known
                facts["total"] = str(quote.bill.total)
            nav.noted.emit(facts)
        return self._result_of(quote)

    def _result_of(self, quote: Quote | None) -> ScreenContent:
        """The result of a quote, or that the cost cannot be worked out (None)."""
        nav = self.nav
        if quote is None:
            return ending.result_unavailable(nav.strings, nav.session.language)
        last = self.last_result
        if last is not None and last[0] is quote:
            return last[1]
        content = ending.result(quote, nav.strings)
        self.last_result = (quote, content)
        return content

    def _blocker(self) -> ScreenContent:
        nav = self.nav
        quote = nav.priced()
        assert quote is not None
        nav.outcome = "blocked"
        return ending.blocker(quote, nav.strings)

    def _printing(self) -> ScreenContent:
        nav = self.nav
        quote, job = nav.priced(), nav.jobs.current
        assert quote is not None and job is not None
        status = job.status.value if job.status else None
        return ending.printing(status, job.reference, quote, nav.strings)

    def _staff(self) -> ScreenContent:
        nav = self.nav
        assert nav.staff is not None
        return nav.staff.content(nav.state, nav.session.language)
