"""The composition root: settings, logging, crash hook, QApplication, fonts, theme, window.

Everything the kiosk is made of is built and wired here and nowhere else.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.logic.catalogue import Catalogue, CatalogueError, load_catalogue
from kiosk.logic.i18n import Strings, format_date, format_money
from kiosk.logic.money import MoneyError
from kiosk.logic.pricing import Pricing
from kiosk.printing.backends import Backend
from kiosk.printing.factory import make_backend
from kiosk.printing.fonts import load_fonts
from kiosk.printing.spooler import Spooler
from kiosk.settings import ASSETS, Settings, SettingsError
from kiosk.storage.folder_lock import FolderLock
from kiosk.storage.good_catalogue import Fallback, GoodCatalogue
from kiosk.storage.journal_writer import JournalWriter
from kiosk.storage.out_of_order import OutOfOrder
from kiosk.storage.pin import PinStore
from kiosk.storage.references import ReferenceBook
from kiosk.storage.retention import SWEEP_EVERY_MS, Retention
from kiosk.ui.audio_guide import AudioGuide
from kiosk.ui.cannot_start import show_cannot_start, show_on_screen
from kiosk.ui.logs import route_qt_messages, setup_logging
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


def build_kiosk(
    settings: Settings,
    *,
    today: Callable[[], date] = date.today,
    clock: bool = True,
    printer: Backend | None = None,
    catalogue: Catalogue | None = None,
) -> Kiosk:
    """Build and wire every part of the kiosk (a QApplication must exist)."""
    strings = Strings.load(ASSETS / "i18n")
    catalogue = catalogue or load_catalogue(settings.catalogue)
    settings.check_payees(catalogue.payees())
    tokens = Tokens(ASSETS / "theme")
    if "Noto Sans" in load_fonts():
        QApplication.setFont(QFont("Noto Sans"))
    window = KioskWindow(clock=clock)

    def apply_theme(theme: Theme) -> None:
        window.setStyleSheet(tokens.stylesheet(theme))

    screens = Screens(
        welcome=WelcomeScreen(),
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
    journal = JournalWriter(settings.data_folder / "journal.sqlite3", kiosk_id=settings.kiosk_id)
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
    )


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


class PaintWatch(QObject):
    """Notes whether a widget has been painted (the smoke check, without copying the screen)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def has_display() -> bool:
    """Whether Qt has somewhere to show a window."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


class StartupError(Exception):
    """The kiosk could not start; the one line says why and where the traceback is."""


def run(settings: Settings, *, windowed: bool, smoke: bool, attendant: bool = False) -> int:
    """Run the kiosk until it is told to exit; `smoke`: paint the first screen and exit 0.

    The data folder is held for this process alone: a second kiosk on it gets FolderInUse
    at once. A smoke check works in a temporary folder of its own unless the settings name
    one, so it never writes into a live kiosk's folder. Whatever fails before the first
    screen is logged with its traceback in the data folder's log and raised to the caller
    to say in one line: a broken catalogue or setting as itself, anything else as a
    StartupError naming the log (a smoke check's temporary folder is then kept for it).
    """
    scratch = None
    if smoke and "data_folder" not in settings.model_fields_set:
        scratch = Path(tempfile.mkdtemp(prefix="kiosk-smoke-"))
        settings = settings.model_copy(update={"data_folder": scratch})
    failed = False
    try:
        if not has_display():
            if not smoke:
                print(NO_DISPLAY, file=sys.stderr)
                return 1
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        lock = FolderLock(settings.data_folder)
        lock.acquire()
        try:
            setup_logging(
                settings.data_folder,
                stderr=not smoke,
                kiosk_id=settings.kiosk_id,
                level=settings.logging.level,
                file_bytes=settings.logging.file_bytes,
                files=settings.logging.files,
            )
            return _start(settings, windowed=windowed, smoke=smoke, attendant=attendant)
        except (CatalogueError, SettingsError, MoneyError, StartupError) as error:
            failed = isinstance(error, StartupError)  # the line names the log: keep it
            if not smoke:  # a kiosk on its screen says it is out of order, never goes blank
                where = settings.data_folder / "kiosk.log"
                said = error.summary() if isinstance(error, CatalogueError) else str(error)
                show_cannot_start(f"{said} (log: {where})", windowed=windowed)
            raise
        finally:
            lock.release()
    finally:
        if scratch is not None and not failed:
            shutil.rmtree(scratch, ignore_errors=True)


def _start(settings: Settings, *, windowed: bool, smoke: bool, attendant: bool) -> int:
    """Load and check the catalogue, then serve; a failure on the way is logged whole."""
    fallback = None
    try:
        catalogue = load_catalogue(settings.catalogue)
        settings.check_payees(catalogue.payees())
    except Exception as error:
        # A kiosk (not a smoke check, which must fail) runs on the last good catalogue.
        fallback = (
            None if smoke else GoodCatalogue(settings.data_folder).fall_back_for(settings, error)
        )
        if fallback is None:
            log.error("the kiosk cannot start: %s", error, exc_info=True)
            raise
        catalogue = fallback.catalogue
    try:
        return _serve(
            settings,
            catalogue,
            windowed=windowed,
            smoke=smoke,
            attendant=attendant,
            fallback=fallback,
        )
    except Exception as error:
        log.critical("the kiosk failed to start", exc_info=True)
        where = settings.data_folder / "kiosk.log"
        raise StartupError(
            f"the kiosk could not start: {type(error).__name__}: {error} (traceback in {where})"
        ) from error


def _serve(
    settings: Settings,
    catalogue: Catalogue,
    *,
    windowed: bool,
    smoke: bool,
    attendant: bool,
    fallback: Fallback | None = None,
) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    route_qt_messages()
    kiosk = build_kiosk(settings, catalogue=catalogue)
    sys.excepthook = crash_hook(kiosk)
    window = kiosk.window
    if smoke:
        welcome = kiosk.navigator.screens.welcome
        watch = PaintWatch(welcome)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        if not watch.painted or kiosk.navigator.state != "welcome":
            print("kiosk: the welcome screen did not paint", file=sys.stderr)
            return 1
        health = kiosk.journal.opened()
        if not health.writing:
            where = kiosk.journal.path
            print(f"kiosk: the journal {where} cannot be written: {health.reason}", file=sys.stderr)
            return 1
        size = welcome.window().size()
        print(f"kiosk: started and painted the welcome screen ({size.width()}×{size.height()})")
        window.allow_close = True
        window.close()
        return 0
    window.allow_close = windowed
    show_on_screen(window, windowed=windowed)
    if attendant:  # a staff desk: the PIN first
        kiosk.staff.open()
    QTimer.singleShot(WARM_UP_AFTER_MS, lambda: warm_up(settings))
    if kiosk.guide is not None:  # the voice and the sound device, ready before a visitor
        QTimer.singleShot(WARM_UP_AFTER_MS, kiosk.guide.warm)
    # Every visitor screen shown once off screen, so that no first visit waits for it.
    QTimer.singleShot(WARM_UP_AFTER_MS, kiosk.navigator.ahead.rehearse)
    if fallback is None:
        good = GoodCatalogue(settings.data_folder)
        QTimer.singleShot(2 * WARM_UP_AFTER_MS, lambda: good.keep_in_background(catalogue))
    else:
        kiosk.staff.catalogue_notice = fallback.notice(settings.catalogue)
    log.info("kiosk %s started", settings.kiosk_id)
    try:
        return int(app.exec())
    finally:
        kiosk.journal.stop()
        if kiosk.references is not None:
            kiosk.references.stop()
