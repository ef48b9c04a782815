"""The staff desk: PIN entry, the dashboard and what staff do from it, as a state machine of
its own (logged out → entering the PIN → logged in → logged out).

It asks the navigator to show its screens (pin, dashboard) and gives their content; the
day's figures come from the journal, the out-of-order state from its own store, the printer
from the print jobs. Every staff action is written in the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.logic import staff_content
from kiosk.logic.catalogue import CatalogueError, load_catalogue
from kiosk.logic.check import CheckReport, check_catalogue
from kiosk.logic.content import ScreenContent
from kiosk.logic.i18n import Language, Strings
from kiosk.logic.money import MciYear, MoneyError
from kiosk.logic.staff_content import DeskFacts
from kiosk.printing.outcome import PrintOutcome
from kiosk.settings import Settings
from kiosk.storage.figures import DeskJournal, desk_journal
from kiosk.storage.good_catalogue import GoodCatalogue
from kiosk.storage.journal import new_key
from kiosk.storage.journal_writer import JournalUnreadable, JournalWriter
from kiosk.storage.out_of_order import OutOfOrder
from kiosk.storage.pin import LOCK_AFTER, PinStore, Verdict
from kiosk.ui.idle import IdleMonitor
from kiosk.ui.navigator import Navigator, State
from kiosk.ui.print_jobs import PrintJobs

REREADS, REREAD_MS = 5, 400  # a dashboard that could not read the journal looks again


class StaffState(StrEnum):
    """Where staff are."""

    LOGGED_OUT = "logged-out"
    ENTERING_PIN = "entering-pin"
    LOGGED_IN = "logged-in"


class StaffDesk(QObject):
    """Staff entry and the dashboard. `open()` is Ctrl+Alt+A or a long press on the logo."""

    def __init__(
        self,
        navigator: Navigator,
        pins: PinStore,
        journal: JournalWriter,
        jobs: PrintJobs,
        out_of_order: OutOfOrder,
        settings: Settings,
        strings: Strings,
        today: Callable[[], date],
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(navigator)
        self.navigator, self.pins, self.journal, self.jobs = navigator, pins, journal, jobs
        self.out_of_order, self.settings, self.strings = out_of_order, settings, strings
        self.today, self.now = today, now
        self.state = StaffState.LOGGED_OUT
        self.refusal: tuple[str, dict[str, str]] | None = None  # why a PIN was refused
        self.staff_name = ""  # who is logged in: every audit entry until logout names them
        self.message = ""  # what came of a staff action
        # Set when the catalogue failed at start and the kiosk runs on the last good copy.
        self.catalogue_notice = ""
        self.speech_fault: Callable[[], str] = lambda: ""  # the voice, when it cannot be heard
        self.fleet_fault: Callable[[], str] = lambda: ""  # the fleet link, when it fails
        self.called_at: datetime | None = None  # a visitor's call for staff, until cleared
        self._checked: dict[str, CheckReport] = {}
        self._rereads = 0  # looks again at a journal that could not be read, in a row
        self.idle_timer = QTimer(self, singleShot=True)
        self.idle_timer.setInterval(round(settings.timing.attendant_idle * 1000))
        self.idle_timer.timeout.connect(self._on_idle)
        self.activity = StaffActivity(self.idle_timer, self)
        # The PIN pad left alone ends too, as a visitor's screen would.
        self.pin_timer = QTimer(self, singleShot=True)
        self.pin_timer.setInterval(round(settings.timing.idle * 1000))
        self.pin_timer.timeout.connect(self._on_pin_cancelled)
        self.wait_timer = QTimer(self, interval=1000)
        self.wait_timer.timeout.connect(self._on_wait_tick)
        screens = navigator.screens
        screens.pin.pin_entered.connect(self._on_pin_entered)
        screens.pin.cancelled.connect(self._on_pin_cancelled)
        dashboard = screens.dashboard
        dashboard.reprint_requested.connect(self._on_reprint)
        dashboard.test_print_requested.connect(self._on_test_print)
        dashboard.out_of_order_toggled.connect(self._on_out_of_order)
        dashboard.reload_requested.connect(self._on_reload)
        dashboard.serve_requested.connect(self._on_serve)
        dashboard.logout_requested.connect(self._on_logout)
        dashboard.exit_requested.connect(self._on_exit)
        dashboard.clear_call_requested.connect(self._on_clear_call)
        navigator.staff_called.connect(self._on_staff_called)
        jobs.finished.connect(self._on_print_finished)
        jobs.printer_known.connect(self._on_printer_known)
        navigator.staff = self

    @property
    def logged_in(self) -> bool:
        """Staff are logged in (an assisted session has no idle reset)."""
        return self.state is StaffState.LOGGED_IN

    def open(self) -> None:
        """The PIN pad, or the dashboard when staff are already logged in."""
        if self.navigator.state in (State.PIN, State.DASHBOARD):
            return
        if self.logged_in:
            self._dashboard()
            return
        self.state = StaffState.ENTERING_PIN
        self.pin_timer.start()
        self.navigator.screens.pin.wipe()
        self.refusal = refusal(self.pins.status())
        self.navigator.go(State.PIN)

    def content(self, state: State, language: Language) -> ScreenContent:
        """What the PIN pad or the dashboard says."""
        if state is State.PIN:
            key, values = self.refusal or ("", {})
            message = self.strings.text(key, language, **values) if key else ""
            return staff_content.pin(self.strings, language, message)
        return self._dashboard_content(language)

    # -- PIN --------------------------------------------------------------------------------

    def _on_pin_entered(self, pin: str) -> None:
        self.pin_timer.start()
        verdict = self.pins.check(pin)
        if verdict.ok:
            self.pin_timer.stop()
            self.wait_timer.stop()
            self.staff_name = verdict.staff
            weak = ""  # a PIN set under older, laxer rules: staff are asked to change it
            if verdict.weak:
                weak = self.strings.text("attendant.pin-weak", self.navigator.session.language)
            suffix = " with a PIN below today's rules" if verdict.weak else ""
            self._audit(f"attendant logged in{suffix}")
            self.state = StaffState.LOGGED_IN
            self.refusal = None
            self._dashboard(weak)
            self.activity.start()  # from now: the dashboard may take a moment to gather
            return
        if verdict.reason == "wrong":
            self._audit("wrong PIN")
        elif verdict.reason == "locked" and verdict.checked:
            self._audit(f"PIN entry locked after {LOCK_AFTER} wrong PINs (until kiosk set-pin)")
        self.refusal = refusal(verdict)
        if verdict.reason in ("wrong", "wait"):
            self.wait_timer.start()  # the wait counts down on the pad
        self.navigator.refresh()

    def _on_wait_tick(self) -> None:
        """Each second of a wait after a wrong PIN: the pad says how long is left, then that
        a PIN can be entered again."""
        if self.navigator.state is not State.PIN:
            self.wait_timer.stop()
            return
        status = self.pins.status()
        if status.reason == "wait":
            left = {"seconds": str(status.wait), "left": str(status.tries_left)}
            self.refusal = "attendant.pin-wrong", left
        else:
            self.wait_timer.stop()
            again = {"left": str(status.tries_left)}
            self.refusal = ("attendant.pin-again", again) if status.reason == "ready" else None
            self.refusal = self.refusal or refusal(status)
        self.navigator.refresh()

    def _on_pin_cancelled(self) -> None:
        """Cancelled or left alone: back to the welcome screen, never to the screen of a
        visitor who may have gone (a visit the PIN pad interrupted ends as abandoned)."""
        self.pin_timer.stop()
        if self.state is StaffState.ENTERING_PIN:
            self.state = StaffState.LOGGED_OUT
            self.navigator.reset()

    # -- the dashboard ------------------------------------------------------------------------

    def _dashboard(self, message: str = "") -> None:
        self.message = message
        if self.navigator.state is State.DASHBOARD:
            self.navigator.refresh()
            return
        self.navigator.go(State.DASHBOARD)
        self.jobs.ask_printer()  # an offline printer must not hold the screen

    def _dashboard_content(self, language: Language) -> ScreenContent:
        catalogue, today = self.navigator.catalogue, self.today()
        checked = f"{catalogue.version} {today}"  # the fees' age warnings depend on the day
        report = self._checked.get(checked)
        if report is None:  # walking every path takes a while: once per version and day
            report = self._checked[checked] = check_catalogue(catalogue, today)
        try:
            mci: MciYear | None = catalogue.fees.mci_for(today.year)
        except MoneyError:
            mci = None
        seen, problems = self._journal_facts()
        figures, last = seen.figures, seen.last_print
        facts = DeskFacts(
            year=today.year,
            printer=self.jobs.printer.value,
            catalogue_version=catalogue.version,
            catalogue_problem=self.catalogue_notice
            or (str(report.problems[0]) if report.problems else None)
            or (str(report.warnings[0]) if report.warnings else None),
            mci=mci,
            next_year_missing=today.month == 12 and today.year + 1 not in catalogue.fees.years(),
            failed_print=last if last is not None and last[1] in ("failed", "unknown") else None,
            services=figures.services,
            outcomes=figures.outcomes,
            languages=figures.languages,
            gave_up=figures.gave_up,
            slips=seen.slips,
            audit=seen.audit,
            out_of_order=self.out_of_order.on,
            message=self.message,
            journal_problems=problems,
            kiosk_id=self.settings.kiosk_id,
            staff_called=f"{self.called_at:%H:%M}" if self.called_at else "",
            speech_problem=self.speech_fault(),
            fleet_problem=self.fleet_fault(),
        )
        return staff_content.dashboard(facts, catalogue, self.strings, language)

    def _journal_facts(self) -> tuple[DeskJournal, tuple[str, ...]]:
        """What the dashboard shows from the journal, read without waiting on it (beyond a
        moment for the events still settling), and what is wrong with the journal, if
        anything."""
        health = self.journal.health()
        problems = [line for line in (health.describe(),) if line] + list(health.notices)
        day = self.now().date()
        try:
            seen = self.journal.read(lambda journal: desk_journal(journal, day))
        except JournalUnreadable as error:
            problems.append(f"cannot be read: {error}")
            seen = DeskJournal()
            # Busy for a moment (being opened, or a long write): look again shortly, a few
            # times, rather than show an empty day until staff tap something.
            if self._rereads < REREADS:
                self._rereads += 1
                QTimer.singleShot(REREAD_MS, self, self._reread)
        else:
            self._rereads = 0
        return seen, tuple(problems)

    def _reread(self) -> None:
        if self.navigator.state is State.DASHBOARD:
            self.navigator.refresh()

    def _on_staff_called(self) -> None:
        if self.called_at is None:
            self.called_at = self.now()
        self._audit("a visitor called staff")
        if self.navigator.state is State.DASHBOARD:
            self.navigator.refresh()

    def _on_clear_call(self) -> None:
        self.called_at = None
        self._audit("staff call answered")
        self._dashboard()

    def _on_printer_known(self, _status: object) -> None:
        if self.navigator.state is State.DASHBOARD:
            self.navigator.refresh()

    def _on_print_finished(self, reference: str, outcome: PrintOutcome) -> None:
        if self.navigator.state is State.DASHBOARD:  # a reprint or test print by staff
            self._dashboard(f"{reference}: {outcome.status.value} {outcome.detail}")

    def _on_reprint(self, reference: str) -> None:
        self._audit(f"reprint {reference}")
        try:
            kept = self.jobs.reprint(reference)
        except JournalUnreadable as error:
            self._dashboard(f"{reference}: the archive cannot be read ({error})")
            return
        if not kept:
            self._dashboard(f"{reference}: no longer in the archive")

    def _on_test_print(self) -> None:
        self._audit("test print")
        self.jobs.test_print()

    def _on_out_of_order(self, on: bool) -> None:
        problem = self.out_of_order.set(on, self.now())
        self._audit("out of order: on" if on else "out of order: off")
        self._dashboard(f"⚠ kept until the kiosk restarts: {problem}" if problem else "")

    def _on_reload(self) -> None:
        try:  # loaded once, then walked: what is checked is what is used
            catalogue = load_catalogue(self.settings.catalogue)
        except CatalogueError as error:
            self._refuse_reload(str(error.problems[0]))
            return
        report = check_catalogue(catalogue, self.today())
        if not report.ok:
            self._refuse_reload(str(report.problems[0]))
            return
        self.navigator.use_catalogue(catalogue)
        self.catalogue_notice = ""
        self._checked[f"{catalogue.version} {self.today()}"] = report
        GoodCatalogue(self.settings.data_folder).keep_if_clean(catalogue, self.now(), report)
        self._audit(f"catalogue reloaded: {catalogue.version}")
        self._dashboard(f"✓ {catalogue.version}")

    def _refuse_reload(self, problem: str) -> None:
        self._audit(f"catalogue reload refused: {problem}")
        self._dashboard(f"✗ {problem}")

    def _on_serve(self) -> None:
        self._audit("assisted session")
        self.navigator.reset()

    def _on_logout(self) -> None:
        self._audit("attendant logged out")
        self._log_out()

    def _on_idle(self) -> None:
        if self.logged_in:
            idle = round(self.settings.timing.attendant_idle)
            self._audit(f"attendant logged out after {idle} s without a touch")
            self._log_out()

    def _log_out(self) -> None:
        self.state = StaffState.LOGGED_OUT
        self.staff_name = ""
        self.activity.stop()
        self.navigator.reset()

    def _on_exit(self) -> None:
        self.navigator.confirmation.ask("exit", self._exit)

    def _exit(self) -> None:
        self._audit("kiosk closed by staff")
        window = self.navigator.window
        window.allow_close = True
        window.close()
        application = QApplication.instance()
        if application is not None:
            application.quit()

    def _audit(self, action: str) -> None:
        """Write `action` in the audit log, naming the staff member logged in (if any)."""
        staff = self.staff_name or None  # set from login to logout
        self.journal.put("audit", action, self.now(), key=new_key(), staff=staff)


def refusal(verdict: Verdict) -> tuple[str, dict[str, str]] | None:
    """What the PIN pad says about a verdict: a text key and its values (None: nothing)."""
    if verdict.reason == "wrong":
        values = {"seconds": str(verdict.wait), "left": str(verdict.tries_left)}
        return "attendant.pin-wrong", values
    if verdict.reason == "wait":
        return "attendant.pin-wait", {"seconds": str(verdict.wait)}
    if verdict.reason in ("locked", "damaged", "not-set"):
        return f"attendant.pin-{verdict.reason}", {}
    return None


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
