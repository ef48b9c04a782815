"""Starting the kiosk process: its data folder held, its log, the catalogue checked (or the
last good one), the window built (around the first screen when it was shown at once), then
served until it is told to exit; or a smoke check."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.app import WARM_UP_AFTER_MS, build_kiosk, crash_hook, warm_up
from kiosk.logic.catalogue import Catalogue, CatalogueError, load_catalogue
from kiosk.logic.money import MoneyError
from kiosk.settings import Settings, SettingsError
from kiosk.storage.folder_lock import FolderLock
from kiosk.storage.good_catalogue import Fallback, GoodCatalogue
from kiosk.ui.cannot_start import show_cannot_start
from kiosk.ui.first_screen import (
    Origin,
    PaintWatch,
    Shown,
    forget_first_screen,
    has_display,
    keep_first_screen,
    show_on_screen,
)
from kiosk.ui.logs import route_qt_messages, setup_logging

log = logging.getLogger("kiosk")
NO_DISPLAY = (
    "kiosk: there is no display here to show the kiosk on; "
    "use `kiosk screenshots DIR` to render its screens or `kiosk --smoke` to check it starts."
)


class StartupError(Exception):
    """The kiosk could not start; the one line says why and where the traceback is."""


def run(
    settings: Settings,
    *,
    windowed: bool,
    smoke: bool,
    attendant: bool = False,
    first: Shown | None = None,
    origin: Origin | None = None,
) -> int:
    """Run the kiosk until it is told to exit; `smoke`: paint the first screen and exit 0.

    The data folder is held for this process alone: a second kiosk on it gets FolderInUse
    at once. A smoke check works in a temporary folder of its own unless the settings name
    one, so it never writes into a live kiosk's folder. Whatever fails before the first
    screen is logged with its traceback in the data folder's log and raised to the caller
    to say in one line: a broken catalogue or setting as itself, anything else as a
    StartupError naming the log (a smoke check's temporary folder is then kept for it).
    `first`: the welcome screen already shown from what the last full start kept (it holds
    the data folder); `origin`: what this start is made from, to keep its first screen by.
    """
    scratch = None
    if smoke and "data_folder" not in settings.model_fields_set:
        scratch = Path(tempfile.mkdtemp(prefix="kiosk-smoke-"))
        settings = settings.model_copy(update={"data_folder": scratch})
        origin = None  # nothing is kept in a folder that goes
    if first is not None and first.folder != settings.data_folder:
        first.drop()  # kept for another folder: this start is a full one
        first = None
    failed = False
    try:
        if not has_display():
            if not smoke:
                print(NO_DISPLAY, file=sys.stderr)
                return 1
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        lock = first.lock if first is not None else FolderLock(settings.data_folder)
        if first is None:
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
            if first is not None:
                log.info("the welcome screen was shown as the last full start kept it")
            return _start(
                settings,
                windowed=windowed,
                smoke=smoke,
                attendant=attendant,
                first=first,
                origin=origin,
            )
        except Exception as error:
            forget_first_screen(settings.data_folder)  # whatever failed: a full start next
            if not isinstance(error, CatalogueError | SettingsError | MoneyError | StartupError):
                raise
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


def _start(
    settings: Settings,
    *,
    windowed: bool,
    smoke: bool,
    attendant: bool,
    first: Shown | None,
    origin: Origin | None,
) -> int:
    """Load and check the catalogue, then serve; a failure on the way is logged whole."""
    fallback = None
    try:
        catalogue = _catalogue(settings, smoke)
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
            first=first,
            origin=None if fallback else origin,  # a start on the last good one is not kept
        )
    except Exception as error:
        log.critical("the kiosk failed to start", exc_info=True)
        where = settings.data_folder / "kiosk.log"
        raise StartupError(
            f"the kiosk could not start: {type(error).__name__}: {error} (traceback in {where})"
        ) from error


def _catalogue(settings: Settings, smoke: bool) -> Catalogue:
    """The catalogue the kiosk runs: the fleet's version it switched to last (in a fleet),
    else the one the settings name. A fleet version that no longer loads fails a smoke
    check; a kiosk runs on the last good copy instead (else on the settings' one)."""
    if settings.fleet.url is not None:
        from kiosk.fleet.rollout import current

        running = current(settings.data_folder)
        if running is not None:
            try:
                return load_catalogue(running[1])
            except CatalogueError as error:
                log.error("fleet catalogue version %d no longer loads: %s", running[0], error)
                if smoke:
                    raise
                fallback = GoodCatalogue(settings.data_folder).fall_back_for(settings, error)
                if fallback is not None:
                    return fallback.catalogue
    return load_catalogue(settings.catalogue)


def _serve(
    settings: Settings,
    catalogue: Catalogue,
    *,
    windowed: bool,
    smoke: bool,
    attendant: bool,
    fallback: Fallback | None = None,
    first: Shown | None = None,
    origin: Origin | None = None,
) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    route_qt_messages()
    kiosk = build_kiosk(settings, catalogue=catalogue, first=first)
    sys.excepthook = crash_hook(kiosk)
    if origin is not None and first is None:
        keep_first_screen(kiosk.navigator, kiosk.tokens, origin)
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
    if first is None:
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
        # What runs by then (a fleet's new version may already have been switched to).
        navigator = kiosk.navigator
        QTimer.singleShot(
            2 * WARM_UP_AFTER_MS, lambda: good.keep_in_background(navigator.catalogue)
        )
    else:
        kiosk.staff.catalogue_notice = fallback.notice(settings.catalogue)
    log.info("kiosk %s started", settings.kiosk_id)
    try:
        return int(app.exec())
    finally:
        kiosk.journal.stop()
        if kiosk.references is not None:
            kiosk.references.stop()
