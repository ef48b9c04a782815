"""The one state machine of the visitor flow. Screens emit signals; only this switches them.

welcome → services → question … → review → documents → result → printing → thanks → welcome,
or a question → blocker when something must be done first. Entering a state shows its
screen and sets Back/Start over/Continue; leaving the visitor flow wipes the session.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from kiosk.logic.catalogue import Catalogue, load_catalogue
from kiosk.logic.check import CheckReport, check_catalogue, check_folder
from kiosk.logic.i18n import Language, Strings, format_money
from kiosk.logic.interview import progress
from kiosk.logic.money import MoneyError
from kiosk.logic.quote import Quote, make_quote
from kiosk.logic.session import VisitorSession
from kiosk.printing.desk import PrintDesk
from kiosk.printing.outcome import PrintOutcome
from kiosk.settings import Settings
from kiosk.storage.pin import PinStore
from kiosk.ui.idle import IdleMonitor
from kiosk.ui.screens.blocker import BlockerScreen
from kiosk.ui.screens.dashboard import DashboardFacts, DashboardScreen
from kiosk.ui.screens.documents import DocumentsScreen
from kiosk.ui.screens.out_of_order import OutOfOrderScreen
from kiosk.ui.screens.pin import PinScreen
from kiosk.ui.screens.printing import PrintingScreen
from kiosk.ui.screens.question import QuestionScreen
from kiosk.ui.screens.result import ResultScreen
from kiosk.ui.screens.review import ReviewScreen
from kiosk.ui.screens.services import ServicesScreen
from kiosk.ui.screens.thanks import ThanksScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from kiosk.ui.session_log import SessionLog
from kiosk.ui.theme import Theme
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)
VISITOR_STATES = frozenset(
    {"services", "question", "review", "documents", "result", "blocker", "printing", "thanks"}
)


@dataclass
class Screens:
    """Every screen of the visitor flow."""

    welcome: WelcomeScreen
    services: ServicesScreen
    question: QuestionScreen
    review: ReviewScreen
    documents: DocumentsScreen
    result: ResultScreen
    blocker: BlockerScreen
    printing: PrintingScreen
    thanks: ThanksScreen
    pin: PinScreen
    dashboard: DashboardScreen
    out_of_order: OutOfOrderScreen

    def all(self) -> list[QObject]:
        """In flow order."""
        return [getattr(self, name) for name in self.__dataclass_fields__]


class Navigator(QObject):
    """Owns the visitor session and the current state.

    Signals: state_changed(state), session_ended(outcome) with outcome one of
    completed, blocked, abandoned, timed-out.
    """

    state_changed = Signal(str)
    session_ended = Signal(str)

    def __init__(
        self,
        window: KioskWindow,
        screens: Screens,
        catalogue: Catalogue,
        settings: Settings,
        strings: Strings,
        today: Callable[[], date],
        references: Callable[[date], str],
        desk: PrintDesk,
        apply_theme: Callable[[Theme], None],
        log: SessionLog | None = None,
        pins: PinStore | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.screens, self.catalogue = window, screens, catalogue
        self.settings, self.strings, self.today = settings, strings, today
        self.references, self.desk, self._apply_theme = references, desk, apply_theme
        self.theme: Theme | None = None  # the one applied (re-styling every widget is slow)
        self.session_number = 0  # print jobs belong to a session; a new one starts on reset
        self.log = log
        self.pins = pins or PinStore(settings.data_folder)
        self.attendant = False  # staff are logged in
        self._checked: dict[str, CheckReport] = {}
        self.before_pin = "welcome"
        self.attendant_timer = QTimer(self, singleShot=True)
        self.attendant_timer.setInterval(round(settings.timing.attendant_idle * 1000))
        self.attendant_timer.timeout.connect(self._on_attendant_idle)
        self.staff_watch = StaffActivity(self.attendant_timer, self)
        window.set_long_press(settings.timing.long_press)
        window.languages.enable(settings.languages)
        screens.welcome.languages.enable(settings.languages)
        desk.finished.connect(self._on_print_finished)
        desk.spooler.status_known.connect(self._on_printer_status)
        self.session = VisitorSession(language=settings.default_language)
        self.state = ""
        self.quote: Quote | None = None
        self.outcome = ""  # how the visitor's session is going: blocked, completed

        self.idle = IdleMonitor(settings.timing.countdown, self)
        self.thanks_timer = QTimer(self, singleShot=True)
        self.thanks_timer.timeout.connect(self.reset)

        for screen in screens.all():
            window.add_screen(screen)  # type: ignore[arg-type]
        screens.services.set_catalogue(catalogue)
        self._connect()
        self.reset()

    # -- wiring ---------------------------------------------------------------------------

    def _connect(self) -> None:
        s, w = self.screens, self.window
        w.back_clicked.connect(self._on_back)
        w.home_clicked.connect(self._on_home)
        w.next_clicked.connect(self._on_next)
        w.language_clicked.connect(self.set_language)
        s.welcome.language_chosen.connect(self.set_language)
        s.welcome.started.connect(lambda: self._go("services"))
        s.welcome.large_text_toggled.connect(self._on_large_text)
        s.welcome.high_contrast_toggled.connect(self._on_high_contrast)
        s.services.service_chosen.connect(self._on_service_chosen)
        s.question.answer_given.connect(self._on_answer_given)
        s.review.change_requested.connect(self._on_change_requested)
        s.documents.document_toggled.connect(self._on_document_toggled)
        s.result.print_requested.connect(self._on_print_requested)
        s.result.finished.connect(lambda: self._go("thanks"))
        s.blocker.finished.connect(self._on_home)
        s.printing.retry_requested.connect(self._on_print_requested)
        s.printing.finished.connect(lambda: self._go("thanks"))
        s.thanks.finished.connect(self.reset)
        w.attendant_requested.connect(self.open_attendant)
        s.pin.pin_entered.connect(self._on_pin_entered)
        s.pin.cancelled.connect(self._on_pin_cancelled)
        s.dashboard.reprint_requested.connect(self._on_reprint)
        s.dashboard.test_print_requested.connect(self._on_test_print)
        s.dashboard.out_of_order_toggled.connect(self._on_out_of_order)
        s.dashboard.reload_requested.connect(self._on_reload)
        s.dashboard.serve_requested.connect(self._on_serve)
        s.dashboard.logout_requested.connect(self._on_logout)
        s.dashboard.exit_requested.connect(self._on_exit)
        self.idle.warned.connect(self._on_idle_counted)
        self.idle.counted.connect(self._on_idle_counted)
        self.idle.expired.connect(self._on_idle_expired)
        w.overlay.more_time.connect(self._on_more_time)

    # -- public ---------------------------------------------------------------------------

    def reset(self) -> None:
        """Back to the welcome screen with nothing of the last visitor left."""
        if self.state in VISITOR_STATES and self.outcome != "ended":
            self._end(self.outcome or "abandoned")
        self.thanks_timer.stop()
        self.idle.disarm()
        self.window.overlay.hide()
        self.desk.end_session(self.session_number)
        self.session_number += 1
        self.session.wipe(self.settings.default_language)
        self.desk.journal.purge(datetime.now())  # the 24-hour slip archive
        for screen in self.screens.all():
            screen.wipe()  # type: ignore[attr-defined]
        self.quote = None
        self.outcome = ""
        self.set_theme(Theme())
        self.screens.welcome.set_accessibility(False, False)
        self._retranslate()
        self._go("out-of-order" if self.out_of_order and not self.attendant else "welcome")

    def set_theme(self, theme: Theme) -> None:
        """Style the window for `theme`, unless it already is."""
        if theme != self.theme:
            self._apply_theme(theme)
            self.theme = theme

    @property
    def out_of_order(self) -> bool:
        """Staff have put the kiosk out of order (kept across restarts)."""
        return (self.settings.data_folder / "out-of-order").exists()

    def set_language(self, language: str) -> None:
        """Switch every text to `language`, keeping every answer."""
        if language not in self.settings.languages:
            return
        self.session.language = language  # type: ignore[assignment]
        if self.log is not None:
            self.log.note(language=language)
        self._retranslate()
        self._enter(self.state)

    # -- states ---------------------------------------------------------------------------

    def _end(self, outcome: str) -> None:
        if self.log is not None:
            self.log.ended(outcome)
        self.session_ended.emit(outcome)

    def _go(self, state: str) -> None:
        self._leave(self.state)
        if self.log is not None and state in VISITOR_STATES:
            if self.state not in VISITOR_STATES:
                self.log.started(self.session.language)
            self.log.moved(state)
        self.state = state
        self._enter(state)
        self.state_changed.emit(state)

    def _leave(self, state: str) -> None:
        if state == "thanks":
            self.thanks_timer.stop()

    def _enter(self, state: str) -> None:
        """Show the state's screen and chrome; safe to call again (language change)."""
        w, s, session = self.window, self.screens, self.session
        text = lambda key: self.strings.text(key, session.language)  # noqa: E731
        if state == "welcome":
            self.idle.disarm()
            w.set_chrome(back=False, home=False, languages=False)
            w.show_screen(s.welcome)
            return
        if state in ("pin", "dashboard", "out-of-order"):
            self.idle.disarm()
            w.set_chrome(back=False, home=False, languages=state != "out-of-order")
            w.show_screen({"pin": s.pin, "dashboard": s.dashboard}.get(state, s.out_of_order))
            return
        if state != "printing":
            self._arm_idle(state)
        if state == "services":
            w.set_chrome(back=True, home=False)
            w.show_screen(s.services)
        elif state == "question":
            interview = session.interview
            assert interview is not None and session.question is not None
            question = interview.service.question(session.question)
            assert question is not None
            offered = tuple(o.id for o in question.options_for(interview.centre_class))
            s.question.show_question(
                question, offered, interview.answers.get(question.id), self._fees(offered)
            )
            index, total = progress(
                interview.service, interview.answers, interview.centre_class, question.id
            )
            progress_text = (
                text("question.progress-open").format(index=index)
                if total is None
                else text("question.progress").format(index=index, total=total)
            )
            answered = question.id in interview.answers and not session.changing
            w.set_chrome(
                back=True,
                home=True,
                next_text=text("nav.next") if answered else None,
                progress=progress_text,
            )
            w.show_screen(s.question)
        elif state == "review":
            assert session.interview is not None
            s.review.show_answers(session.interview.service, session.interview.answers)
            w.set_chrome(back=True, home=True, next_text=text("review.confirm"))
            w.show_screen(s.review)
        elif state == "documents":
            quote = self._quote()
            if quote is None:  # cannot be priced: say so on the result screen, no dead end
                self._go("result")
                return
            s.documents.show_documents(quote, session.have)
            w.set_chrome(back=True, home=True, next_text=text("nav.next"))
            w.show_screen(s.documents)
        elif state == "result":
            quote = self._quote()
            if quote is not None:
                s.result.show_quote(quote, session.service.online if session.service else None)
                self.outcome = "completed"
                if self.log is not None:
                    total, reference = str(quote.bill.total), session.reference or ""
                    self.log.note(total=total, reference=reference)
            else:
                s.result.show_unavailable()
            w.set_chrome(back=True, home=True, actions=s.result.actions())
            w.show_screen(s.result)
        elif state == "blocker":
            quote = self._quote()
            if quote is not None:
                s.blocker.show_blockers(quote)
            self.outcome = "blocked"
            w.set_chrome(back=True, home=True, actions=s.blocker.actions())
            w.show_screen(s.blocker)
        elif state == "printing":
            self.idle.disarm()
            printing = s.printing
            if printing.status is not None and session.reference is not None:
                # The outcome, in the visitor's language (a switch re-prices the texts only).
                quote = self.quote
                if quote is None or quote.language != session.language:
                    quote = self._quote() or printing.quote
                assert quote is not None
                printing.show_status(printing.status, session.reference, quote)
            w.set_chrome(back=False, home=False, actions=s.printing.actions())
            w.show_screen(s.printing)
        elif state == "thanks":
            self.idle.disarm()
            w.set_chrome(back=False, home=False)
            w.show_screen(s.thanks)
            self.thanks_timer.start(round(self.settings.timing.thanks * 1000))

    def _arm_idle(self, state: str) -> None:
        if self.attendant:  # an assisted session: staff are there, no idle reset
            self.idle.disarm()
            return
        timing = self.settings.timing
        after = timing.idle_result if state == "result" else timing.idle
        if not self.idle.warning:
            self.idle.arm(after)
        else:
            self.idle.after_seconds = after

    def _retranslate(self) -> None:
        language: Language = self.session.language
        self.window.retranslate(language)
        for screen in self.screens.all():
            screen.retranslate(language)  # type: ignore[attr-defined]
        if self.window.overlay.isVisible():
            self.window.overlay.show_countdown(self.window.overlay.seconds, language)

    # -- the interview ---------------------------------------------------------------------

    def _show_question(self, question_id: str) -> None:
        self.session.question = question_id
        if self.state == "question":
            self._enter("question")
            self.state_changed.emit("question")
        else:
            self._go("question")

    def _on_service_chosen(self, service_id: str) -> None:
        service = self.catalogue.service(service_id)
        self.session.choose(service, self.settings.centre.centre_class)
        if self.log is not None:
            self.log.note(service=service_id)
        assert self.session.interview is not None
        self._show_question(self.session.interview.first().id)

    def _on_answer_given(self, question_id: str, option_id: str) -> None:
        interview = self.session.interview
        assert interview is not None
        interview.answer(question_id, option_id)
        if interview.blockers:
            self._go("blocker")
            return
        if self.session.changing:
            following = interview.next_unanswered()
            if following is not None:
                self._show_question(following.id)
                return
            self.session.changing = False
            self._go("review")
            return
        after = interview.after(question_id)
        if after is not None:
            self._show_question(after.id)
        else:
            self._to_review()

    def _to_review(self) -> None:
        interview = self.session.interview
        assert interview is not None
        missing = interview.next_unanswered()
        if missing is not None:
            self._show_question(missing.id)
        elif interview.blockers:
            self._go("blocker")
        else:
            self._go("review")

    def _on_change_requested(self, question_id: str) -> None:
        self.session.changing = True
        self._show_question(question_id)

    def _on_document_toggled(self, document_id: str, have_it: bool) -> None:
        if have_it:
            self.session.have.add(document_id)
        else:
            self.session.have.discard(document_id)

    def _on_back(self) -> None:
        interview = self.session.interview
        state = self.state
        if state == "services":
            self._on_home()
        elif state == "question" and interview is not None:
            if self.session.changing:
                self.session.changing = False
                self._to_review()
                return
            assert self.session.question is not None
            before = interview.before(self.session.question)
            if before is None:
                self._go("services")
            else:
                self._show_question(before.id)
        elif state == "review" and interview is not None:
            last = interview.before("")  # the last question asked
            if last is not None:
                self._show_question(last.id)
        elif state == "documents":
            self._go("review")
        elif state == "result":
            self._go("documents" if self.quote is not None else "review")
        elif state == "blocker" and self.session.question is not None:
            self.outcome = ""
            self._show_question(self.session.question)

    def _on_next(self) -> None:
        interview = self.session.interview
        if self.state == "question" and interview is not None and self.session.question:
            after = interview.after(self.session.question)
            if after is not None:
                self._show_question(after.id)
            else:
                self._to_review()
        elif self.state == "review":
            self._go("documents")
        elif self.state == "documents":
            self._go("result")

    def _on_home(self) -> None:
        self.reset()

    def _fees(self, options: tuple[str, ...]) -> dict[str, Decimal]:
        interview = self.session.interview
        assert interview is not None
        question = interview.service.question(self.session.question or "")
        fees: dict[str, Decimal] = {}
        for option_id in options:
            option = question.option(option_id) if question else None
            if option is not None and option.fee is not None:
                try:
                    fees[option_id] = self.catalogue.fees.fixed_amount(
                        option.fee,
                        self.today(),
                        interview.centre_class,  # type: ignore[arg-type]
                    )
                except MoneyError:
                    log.error("no amount for fee %s today", option.fee)
        return fees

    def _quote(self) -> Quote | None:
        """The visitor's quote in their language; None (and logged) when it cannot be priced."""
        session = self.session
        interview = session.interview
        assert interview is not None
        if interview.complete and session.reference is None:
            session.reference = self.references(self.today())
        try:
            self.quote = make_quote(
                self.catalogue,
                interview.service.id,
                interview.answers,
                visit_date=self.today(),
                centre_class=interview.centre_class,  # type: ignore[arg-type]
                language=session.language,
                profiles=self.settings.payments,
                reference=session.reference or "",
            )
        except MoneyError as error:
            log.error("cannot price %s: %s", interview.service.id, error)
            self.quote = None
        return self.quote

    # -- printing -----------------------------------------------------------------------------

    def _on_print_requested(self) -> None:
        quote, reference = self.quote, self.session.reference
        if quote is None or reference is None:
            return
        self.screens.printing.show_status(None, reference, quote)
        self._go("printing")
        self.desk.print_quote(quote, reference, set(self.session.have), self.session_number)

    def _on_print_finished(self, reference: str, outcome: PrintOutcome) -> None:
        if self.state == "dashboard":  # a reprint or test print by staff
            self._show_dashboard(f"{reference}: {outcome.status.value} {outcome.detail}")
            return
        if reference != self.session.reference or self.state != "printing":
            return  # an earlier visitor's job, or a reprint by staff
        self.screens.printing.status = outcome.status  # _enter shows it
        self._enter("printing")
        self.state_changed.emit("printing")

    # -- idle ---------------------------------------------------------------------------------

    def _on_idle_counted(self, seconds: int) -> None:
        self.window.overlay.show_countdown(seconds, self.session.language)

    def _on_idle_expired(self) -> None:
        # A visitor who had their result or blocker keeps that outcome; others timed out.
        self._end(self.outcome or "timed-out")
        self.outcome = "ended"
        self.reset()

    def _on_more_time(self) -> None:
        self.window.overlay.hide()
        self.idle.restart()

    def _on_large_text(self, on: bool) -> None:
        self.session.large_text = on
        self.set_theme(self._theme())

    def _on_high_contrast(self, on: bool) -> None:
        self.session.high_contrast = on
        self.set_theme(self._theme())

    def _theme(self) -> Theme:
        variant = "high-contrast" if self.session.high_contrast else "default"
        return Theme(variant=variant, large_text=self.session.large_text)

    # -- attendant ------------------------------------------------------------------------------

    def open_attendant(self) -> None:
        """Ctrl+Alt+A or a long press on the logo: the staff PIN pad."""
        if self.state in ("pin", "dashboard"):
            return
        if self.attendant:
            self._show_dashboard()
            return
        self.before_pin = self.state or "welcome"
        self.screens.pin.wipe()
        if not self.pins.is_set():
            self.screens.pin.say_message(self._text("attendant.pin-not-set"))
        self._go("pin")

    def _text(self, key: str, **values: str) -> str:
        return self.strings.text(key, self.session.language, **values)

    def _audit(self, action: str) -> None:
        self.desk.journal.audit(action, datetime.now())

    def _on_pin_entered(self, pin: str) -> None:
        verdict = self.pins.check(pin, datetime.now())
        if verdict.ok:
            self._audit("attendant logged in")
            self.attendant = True
            self._show_dashboard()
            self.staff_watch.start()  # from now: the dashboard may take a moment to gather
            return
        if verdict.reason == "locked" and verdict.locked_until is not None:
            self._audit("PIN entry locked for five minutes")
            until = f"{verdict.locked_until:%H:%M}"
            self.screens.pin.say_message(self._text("attendant.pin-locked", time=until))
        elif verdict.reason == "wrong":
            self._audit("wrong PIN")
            left = str(verdict.tries_left)
            self.screens.pin.say_message(self._text("attendant.pin-wrong", left=left))
        else:
            self.screens.pin.say_message(self._text("attendant.pin-not-set"))

    def _on_pin_cancelled(self) -> None:
        self._go(self.before_pin if self.before_pin not in ("", "pin") else "welcome")

    def _show_dashboard(self, message: str = "") -> None:
        self.screens.dashboard.show_facts(self._dashboard_facts(message))
        if self.state != "dashboard":
            self._go("dashboard")
            self.desk.spooler.refresh_status()  # an offline printer must not hold the screen

    def _on_printer_status(self, _status: object) -> None:
        if self.state == "dashboard":
            message = self.screens.dashboard.facts.message
            self.screens.dashboard.show_facts(self._dashboard_facts(message))

    def _dashboard_facts(self, message: str) -> DashboardFacts:
        journal, language = self.desk.journal, self.session.language
        text = self._text
        today = self.today()
        printer = self.desk.spooler.last_status.value  # a fresh answer is on its way
        status = [(text("attendant.printer", status=printer), False)]
        report = self._checked.get(self.catalogue.version)
        if report is None:  # walking every path takes a while: once per catalogue version
            report = self._checked[self.catalogue.version] = check_catalogue(self.catalogue)
        result = "OK" if report.ok else str(report.problems[0])
        status.append(
            (
                text("attendant.catalogue", version=self.catalogue.version, result=result),
                not report.ok,
            )
        )
        try:
            mci = self.catalogue.fees.mci_for(today.year)
            value = format_money(mci.value, language)
            status.append((text("attendant.mci", year=str(today.year), value=value), False))
        except MoneyError:
            status.append((text("attendant.mci-missing", year=str(today.year)), True))
        if today.month == 12 and today.year + 1 not in self.catalogue.fees.years():
            status.append((text("attendant.mci-next-missing", year=str(today.year + 1)), True))
        last = journal.last_print()
        if last is not None and last[1] in ("failed", "unknown"):
            status.append(
                (
                    text("attendant.last-print", reference=last[0], status=last[1], detail=last[2]),
                    True,
                )
            )
        rows = journal.sessions(datetime.now().date().isoformat())
        counts: dict[str, int] = {}
        for row in rows:
            service = self.catalogue.services.get(str(row["service"]))
            title = service.title.get(language) if service else "—"
            for key in (title, row["outcome"] or "in progress", row["language"]):
                counts[str(key)] = counts.get(str(key), 0) + 1
        gave_up: dict[str, int] = {}
        for row in rows:
            if row["outcome"] in ("abandoned", "timed-out"):
                screen = str(row["last_screen"])
                gave_up[screen] = gave_up.get(screen, 0) + 1
        return DashboardFacts(
            status=status,
            counts=[f"{key}: {count}" for key, count in sorted(counts.items())],
            gave_up=[f"{key}: {count}" for key, count in sorted(gave_up.items())],
            slips=journal.recent_slips()[:10],
            audit=[f"{at}  {action}" for at, action in journal.audit_log(20)],
            out_of_order=self.out_of_order,
            message=message,
        )

    def _on_reprint(self, reference: str) -> None:
        self._audit(f"reprint {reference}")
        if not self.desk.reprint(reference):
            self._show_dashboard(f"{reference}: no longer in the archive")

    def _on_test_print(self) -> None:
        self._audit("test print")
        self.desk.test_print()

    def _on_out_of_order(self, on: bool) -> None:
        marker = self.settings.data_folder / "out-of-order"
        if on:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text(datetime.now().isoformat(timespec="seconds"), encoding="utf-8")
        else:
            marker.unlink(missing_ok=True)
        self._audit("out of order: on" if on else "out of order: off")
        self._show_dashboard()

    def _on_reload(self) -> None:
        report = check_folder(self.settings.catalogue)
        if not report.ok:
            self._audit(f"catalogue reload refused: {report.problems[0]}")
            self._show_dashboard(f"✗ {report.problems[0]}")
            return
        catalogue = load_catalogue(self.settings.catalogue)
        self.catalogue = catalogue
        self.desk.catalogue = catalogue
        self.screens.services.set_catalogue(catalogue)
        self._audit(f"catalogue reloaded: {catalogue.version}")
        self._show_dashboard(f"✓ {catalogue.version}")

    def _on_serve(self) -> None:
        self._audit("assisted session")
        self.reset()

    def _on_logout(self) -> None:
        self._audit("attendant logged out")
        self.attendant = False
        self.staff_watch.stop()
        self.reset()

    def _on_attendant_idle(self) -> None:
        if self.attendant:
            self._audit("attendant logged out after two idle minutes")
            self.attendant = False
            self.reset()

    def _on_exit(self) -> None:
        self._audit("kiosk closed by staff")
        self.window.allow_close = True
        self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()


class StaffActivity(QObject):
    """Any touch restarts the staff idle timer while it runs (it watches the application's
    input only then: a filter on every event costs every visitor's tap a little)."""

    def __init__(self, timer: QTimer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = timer
        timer.timeout.connect(self._unwatch)

    def start(self) -> None:
        """Staff logged in: start the idle time and watch for touches."""
        self.timer.start()
        application = QApplication.instance()
        if application is not None:
            application.installEventFilter(self)

    def stop(self) -> None:
        """Staff logged out."""
        self.timer.stop()
        self._unwatch()

    def _unwatch(self) -> None:
        application = QApplication.instance()
        if application is not None:
            application.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.timer.isActive() and isinstance(event, IdleMonitor._INPUT):
            self.timer.start()
        return False
