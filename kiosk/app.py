"""The composition root: settings, logging, crash hook, QApplication, fonts, theme, window.

Everything the kiosk is made of is built and wired here and nowhere else.
"""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut

from kiosk.logic.catalogue import Catalogue, load_catalogue
from kiosk.logic.i18n import Strings, format_date, format_money
from kiosk.logic.pricing import Pricing
from kiosk.places import JOURNAL_FILE
from kiosk.printing.backends import Backend
from kiosk.printing.factory import make_backend
from kiosk.printing.spooler import Spooler
from kiosk.settings import ASSETS, Settings
from kiosk.storage.journal_writer import JournalWriter
from kiosk.storage.out_of_order import OutOfOrder
from kiosk.storage.pin import PinStore
from kiosk.storage.references import ReferenceBook
from kiosk.storage.retention import SWEEP_EVERY_MS, Retention
from kiosk.ui.audio_guide import AudioGuide
from kiosk.ui.first_screen import (
    Shown,
    use_fonts,
)
from kiosk.ui.navigator import Navigator, Screens
from kiosk.ui.print_jobs import PrintJobs
from kiosk.ui.screens.blocker import BlockerScreen
from kiosk.ui.screens.dashboard import DashboardScreen
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
from kiosk.ui.staff import StaffDesk
from kiosk.ui.theme import Theme, Tokens
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.ui.fleet_reporter import FleetReporter

log = logging.getLogger("kiosk")
WARM_UP_AFTER_MS = 1500  # after start, once the first screen is up
NO_DISPLAY = (
    "kiosk: there is no display here to show the kiosk on; "
    "use `kiosk screenshots DIR` to render its screens or `kiosk --smoke` to check it starts."
)


@dataclass
class Kiosk:
    """The built kiosk: its window, navigator, staff desk and what they were made from."""

    window: KioskWindow
    navigator: Navigator
    staff: StaffDesk
    catalogue: Catalogue
    settings: Settings
    strings: Strings
    tokens: Tokens
    jobs: PrintJobs
    journal: JournalWriter
    session_log: SessionLog
    references: ReferenceBook | None = None
    guide: AudioGuide | None = None
    fleet: FleetReporter | None = None


def build_kiosk(
    settings: Settings,
    *,
    today: Callable[[], date] = date.today,
    clock: bool = True,
    printer: Backend | None = None,
    catalogue: Catalogue | None = None,
    first: Shown | None = None,
) -> Kiosk:
    """Build and wire every part of the kiosk (a QApplication must exist); with `first`,
    around the window and welcome screen already shown."""
    strings = Strings.load(ASSETS / "i18n")
    catalogue = catalogue or load_catalogue(settings.catalogue)
    settings.check_payees(catalogue.payees())
    tokens = Tokens(ASSETS / "theme")
    if first is None:
        use_fonts()
        window, welcome = KioskWindow(clock=clock), WelcomeScreen()
    else:
        first.hand_over()
        window, welcome = first.window, first.welcome

    def apply_theme(theme: Theme) -> None:
        stylesheet = tokens.stylesheet(theme)
        if window.styleSheet() != stylesheet:  # the first screen's is already this one
            window.setStyleSheet(stylesheet)

    screens = Screens(
        welcome=welcome,
        services=ServicesScreen(),
        question=QuestionScreen(),
        review=ReviewScreen(),
        documents=DocumentsScreen(),
        result=ResultScreen(),
        blocker=BlockerScreen(),
        printing=PrintingScreen(),
        thanks=ThanksScreen(),
        pin=PinScreen(),
        dashboard=DashboardScreen(),
        out_of_order=OutOfOrderScreen(),
    )
    # The journal is opened and written by its own thread: nothing here waits on the disk.
    journal = JournalWriter(
        settings.data_folder / JOURNAL_FILE,
        kiosk_id=settings.kiosk_id,
        outbox=settings.fleet.url is not None,
    )
    journal.start()
    window.destroyed.connect(lambda: journal.stop())  # written out before the window goes
    pricing = Pricing(catalogue, settings.payments, strings)
    spooler = Spooler(printer or make_backend(settings), settings.printer.timeout, window)
    jobs = PrintJobs(
        spooler,
        journal,
        pricing,
        strings,
        centre_name=settings.centre.name,
        kiosk_id=settings.kiosk_id,
        retention_hours=settings.privacy.slip_retention_hours,
        parent=window,
    )
    references = ReferenceBook(
        settings.kiosk_id,
        settings.data_folder,
        journal.highest_reference,
    )
    references.start()
    window.destroyed.connect(lambda: references.stop())
    out_of_order = OutOfOrder(settings.data_folder)
    navigator = Navigator(
        window,
        screens,
        pricing,
        settings,
        strings,
        today,
        references.next,
        jobs,
        apply_theme,
        out_of_order,
    )
    session_log = SessionLog(journal)
    session_log.follow(navigator)
    staff = StaffDesk(
        navigator,
        PinStore(settings.data_folder),
        journal,
        jobs,
        out_of_order,
        settings,
        strings,
        today,
    )
    window.attendant_requested.connect(staff.open)
    guide = AudioGuide(navigator)
    staff.speech_fault = guide.fault
    shortcut = QShortcut(QKeySequence("Ctrl+Alt+A"), window)
    shortcut.activated.connect(staff.open)
    # What visitors printed goes when its retention ends: swept now and every hour, off the
    # screen's thread (the archive is also purged as each session ends).
    retention = Retention.of(settings, journal)
    sweeper = QTimer(window)
    sweeper.setObjectName("retention-sweep")
    sweeper.setInterval(SWEEP_EVERY_MS)
    sweeper.timeout.connect(retention.sweep)
    sweeper.start()
    window.destroyed.connect(lambda: retention.settled(1.0))
    retention.sweep()
    fleet = _fleet(settings, catalogue, navigator, staff, jobs, journal)
    if fleet is not None:
        staff.fleet_fault = fleet.fault
        window.destroyed.connect(lambda: fleet.link.stop())
        fleet.start()
    return Kiosk(
        window,
        navigator,
        staff,
        catalogue,
        settings,
        strings,
        tokens,
        jobs,
        journal,
        session_log,
        references,
        guide,
        fleet,
    )


def _fleet(
    settings: Settings,
    catalogue: Catalogue,
    navigator: Navigator,
    staff: StaffDesk,
    jobs: PrintJobs,
    journal: JournalWriter,
) -> FleetReporter | None:
    """The link to the fleet's centre, when `fleet.url` is set (else the kiosk runs alone)."""
    if settings.fleet.url is None:
        return None
    from kiosk.fleet.rollout import current
    from kiosk.ui.fleet_reporter import FleetReporter

    running = current(settings.data_folder)
    version = running[0] if running is not None and running[1] == catalogue.folder else 0
    return FleetReporter(settings.fleet.url, navigator, staff, jobs, journal, version)


def warm_up(settings: Settings) -> None:
    """Load what the first visitor would otherwise wait for (the QR encoder, the holiday
    calendar, each language's number and date formats) while the kiosk idles after start:
    start-up stays short and no tap pays for a first use."""
    from kiosk.logic.qrmatrix import qr_matrix
    from kiosk.logic.workdays import is_working_day

    qr_matrix("kiosk")
    is_working_day(date.today())
    for language in settings.languages:
        format_date(date.today(), language)
        format_money(Decimal(1), language)


def crash_hook(
    kiosk: Kiosk,
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """An exception hook that logs a crash in a slot and returns to the welcome screen."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.critical("".join(traceback.format_exception(kind, error, trace)))
        try:
            kiosk.navigator.reset()
        except Exception:  # the reset itself failed: the log has both
            log.critical("reset after a crash failed", exc_info=True)

    return hook
