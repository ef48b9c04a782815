"""The welcome screen at once: painted from what the last full start kept
(`kiosk.storage.first_screen`) before the settings, the catalogue and the other screens load.

`show_kept` shows it when what it was made from is unchanged (else it returns None and the
kiosk starts as it always did). The window and the welcome screen it made are the ones the
kiosk then uses: `build_kiosk` adopts them, and the navigator's first paint finds the same
content already shown. A smoke check on a kept screen checks what a start needs before its
first paint (the data folder is this process's, the journal can be written, the screen
painted) and exits there.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.places import ASSETS, JOURNAL_FILE, data_folder_named, default_settings_file
from kiosk.printing.fonts import load_fonts
from kiosk.storage import first_screen as kept_screens
from kiosk.storage.folder_lock import FolderInUse, FolderLock
from kiosk.storage.out_of_order import OutOfOrder
from kiosk.ui.screen import defer_kinetic, make_kinetic
from kiosk.ui.screens.welcome import WelcomeScreen
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.ui.navigator import Navigator
    from kiosk.ui.theme import Tokens

SMOKE_SIZE = (1280, 800)


def has_display() -> bool:
    """Whether Qt has somewhere to show a window."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


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


def show_on_screen(widget: QWidget, *, windowed: bool) -> None:
    """A 1280×800 window, or the whole screen without a frame (without a window manager
    the full-screen hint does nothing: the widget is sized to the screen)."""
    if windowed:
        widget.resize(1280, 800)
        widget.show()
        return
    widget.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    screen = QApplication.primaryScreen()
    if screen is not None:
        widget.setGeometry(screen.geometry())
    widget.showFullScreen()


def use_fonts() -> None:
    """The bundled Noto Sans (every Kazakh letter) for every widget."""
    if "Noto Sans" in load_fonts():
        QApplication.setFont(QFont("Noto Sans"))


@dataclass(frozen=True)
class Origin:
    """What a start is made from besides its validated settings: the settings file and the
    command line's language, by which its first screen is kept and found."""

    settings_file: Path
    arguments: tuple[str, ...]

    @classmethod
    def of(cls, settings_file: Path | None, language: str | None) -> Origin:
        return cls(settings_file or default_settings_file(), (language or "",))


@dataclass
class Shown:
    """The first screen, shown from what was kept: handed on to the kiosk's full start."""

    window: KioskWindow
    welcome: WelcomeScreen
    kept: kept_screens.FirstScreen
    lock: FolderLock
    watch: PaintWatch

    @property
    def folder(self) -> Path:
        return Path(self.kept.data_folder)

    def restyle(self, compact: bool) -> None:
        """The window's style for its width, until the navigator styles it."""
        self.window.setStyleSheet(self.kept.stylesheets[compact])

    def hand_over(self) -> None:
        """The kiosk's full start takes the window: it styles and dates it from now on."""
        self.window.compact_changed.disconnect(self.restyle)
        self.window.dates = None
        self.welcome.removeEventFilter(self.watch)
        make_kinetic()

    def drop(self) -> None:
        """Take the first screen down and let go of the data folder (a start that is not
        this folder's, or that failed after all)."""
        make_kinetic()
        self.window.allow_close = True
        self.window.close()
        self.window.deleteLater()
        self.lock.release()

    def smoke(self) -> int:
        """The smoke check of a start on a kept screen; exits the process's work here."""
        try:
            if not self.watch.painted:
                print("kiosk: the welcome screen did not paint", file=sys.stderr)
                return 1
            size = self.welcome.window().size()
            print(
                f"kiosk: started and painted the welcome screen ({size.width()}×{size.height()})"
                " as the last full start kept it"
            )
            return 0
        finally:
            self.window.allow_close = True
            self.window.close()
            self.lock.release()


def journal_problem(path: Path) -> str:
    """Why the journal at `path` cannot be written, or "" (a write begun and rolled back)."""
    try:
        connection = sqlite3.connect(path, timeout=3.0)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.rollback()
        finally:
            connection.close()
    except sqlite3.Error as error:
        return str(error) or type(error).__name__
    return ""


def show_kept(origin: Origin, named: Path | None, *, smoke: bool, windowed: bool) -> Shown | None:
    """Show the welcome screen the last full start kept, when nothing it came from changed
    (`named`: the settings file the command line named)."""
    # A smoke check with no data folder of its own works in a new one: it checks everything.
    folder = data_folder_named(named, default=not smoke)
    if folder is None:
        return None
    if OutOfOrder(folder).on:
        return None  # staff put it out of order: that is the first screen, not the welcome
    kept = kept_screens.load(folder, origin.settings_file, origin.arguments)
    if kept is None:
        return None
    if not has_display():
        if not smoke:
            return None  # the full start says there is no display
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    lock = FolderLock(folder)
    try:
        lock.acquire()
    except FolderInUse:
        return None  # the full start says whose it is
    if smoke and journal_problem(folder / JOURNAL_FILE):
        lock.release()
        return None  # the full check says what is wrong with it (or sets a corrupt one aside)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    use_fonts()
    defer_kinetic()  # set up when the kiosk takes the window (after the first paint)
    window = KioskWindow(dates=kept.date_text)
    welcome = WelcomeScreen()
    window.add_screen(welcome)
    shown = Shown(window, welcome, kept, lock, PaintWatch(welcome))
    window.compact_changed.connect(shown.restyle)
    shown.restyle(window.compact)
    window.large_text(False)
    window.paint_header(kept.header)
    welcome.paint(kept.welcome)
    window.set_chrome(kept.welcome, welcome.footer(), languages=False)
    window.show_screen(welcome)
    if smoke:
        window.resize(*SMOKE_SIZE)
        window.show()
    else:
        window.allow_close = windowed
        show_on_screen(window, windowed=windowed)
    app.processEvents()
    return shown


def keep_first_screen(navigator: Navigator, tokens: Tokens, origin: Origin) -> None:
    """Keep the welcome screen a full start has just painted, for the next start to show at
    once (only a fresh welcome screen: not out of order, not a staff desk)."""
    from kiosk.logic.i18n import format_date

    settings = navigator.settings
    welcome, header = navigator.screens.welcome.content, navigator.window.header_content
    theme = navigator.chrome.theme.theme
    if navigator.state != "welcome" or welcome is None or header is None or theme is None:
        return
    today = date.today()
    sources = (origin.settings_file, settings.catalogue, ASSETS)
    kept_screens.save(
        kept_screens.FirstScreen(
            fingerprint=kept_screens.fingerprint(list(sources), origin.arguments),
            data_folder=str(settings.data_folder),
            header=header,
            welcome=welcome,
            stylesheets={
                compact: tokens.stylesheet(replace(theme, compact=compact))
                for compact in (False, True)
            },
            day=today.isoformat(),
            dates={language: format_date(today, language) for language in settings.languages},
            sources=tuple(str(source) for source in sources),
        )
    )


def forget_first_screen(folder: Path) -> None:
    """A start from `folder` failed: its next start is a full one."""
    kept_screens.forget(folder)
