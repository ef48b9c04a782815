"""`kiosk doctor`: a read-only health check of a kiosk, safe beside a live one.

One line per check: the settings, the catalogue and its last known good copy, the data
folder, the journal, the staff file, the printer, the display and the fonts. Nothing is
written anywhere: the journal is opened read-only, the printer is asked, never sent a job,
and the data folder's lock is left to the kiosk that holds it.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kiosk.places import JOURNAL_FILE
from kiosk.settings import ASSETS, Settings, SettingsError, default_settings_file, load_settings

LOW_DISK = 200 * 2**20  # bytes free below which the data folder is a problem
FONTS = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")


@dataclass(frozen=True)
class Check:
    """One check's outcome: its name, whether it passed, and what was found."""

    name: str
    ok: bool
    said: str

    def line(self) -> str:
        return f"{'OK  ' if self.ok else 'FAIL'} {self.name}: {self.said}"


def run_checks(settings_path: Path | None, today: date | None = None) -> list[Check]:
    """Every check, in order; later checks are skipped only when the settings fail."""
    try:
        settings = load_settings(settings_path)
    except SettingsError as error:
        return [Check("settings", False, str(error))]
    where = settings_path or default_settings_file()
    source = str(where) if settings_path or where.exists() else "defaults (no settings file)"
    checks = [Check("settings", True, f"{source}; kiosk {settings.kiosk_id}")]
    checks_ = (_catalogue, _good_copy, _data_folder, _journal, _staff, _printer, _speech, _fleet)
    for check in checks_:
        checks.append(_guarded(check, settings, today or date.today()))
    checks.append(_display())
    checks.append(_fonts())
    return checks


def _guarded(check: Callable[[Settings, date], Check], settings: Settings, today: date) -> Check:
    """A check that breaks is a failed check, never a traceback."""
    try:
        return check(settings, today)
    except Exception as error:
        name = check.__name__.strip("_").replace("_", " ")
        return Check(name, False, f"{type(error).__name__}: {error}")


def _catalogue(settings: Settings, today: date) -> Check:
    from kiosk.logic.catalogue import CatalogueError, load_catalogue
    from kiosk.logic.check import check_catalogue

    folder = settings.catalogue
    if settings.fleet.url is not None:  # a kiosk in a fleet runs the version it switched to
        from kiosk.fleet.rollout import current

        running = current(settings.data_folder)
        folder = running[1] if running is not None else folder
    try:
        catalogue = load_catalogue(folder)
    except CatalogueError as error:
        return Check("catalogue", False, f"{folder}: {error.summary()}")
    report = check_catalogue(catalogue, today)
    if not report.ok:
        return Check("catalogue", False, f"{folder}: {report.problems[0]}")
    warned = f"; warning: {report.warnings[0]}" if report.warnings else ""
    return Check(
        "catalogue",
        True,
        f"{folder} version {catalogue.version}: {report.summary()}{warned}",
    )


def _good_copy(settings: Settings, today: date) -> Check:
    from kiosk.logic.catalogue import CatalogueError, load_catalogue
    from kiosk.storage.good_catalogue import GoodCatalogue

    good = GoodCatalogue(settings.data_folder)
    version, kept = good.kept_version()
    if not version:
        return Check("last good catalogue", True, "none kept yet")
    try:
        load_catalogue(good.folder)
    except CatalogueError as error:
        return Check("last good catalogue", False, f"{good.folder}: {error.summary()}")
    return Check("last good catalogue", True, f"version {version}, kept {kept}")


def _data_folder(settings: Settings, today: date) -> Check:
    folder = settings.data_folder
    if not folder.is_dir():
        return Check("data folder", False, f"{folder} does not exist (the kiosk makes it)")
    if not os.access(folder, os.W_OK | os.X_OK):
        return Check("data folder", False, f"{folder} cannot be written by this user")
    free = shutil.disk_usage(folder).free
    if free < LOW_DISK:
        return Check("data folder", False, f"{folder}: only {free // 2**20} MiB free")
    return Check("data folder", True, f"{folder}: {free // 2**20} MiB free")


def _journal(settings: Settings, today: date) -> Check:
    path = settings.data_folder / JOURNAL_FILE
    if not path.exists():
        return Check("journal", True, f"{path}: not made yet (the kiosk makes it)")
    # Never written. Beside a live kiosk (its -wal and -shm are there) read through them, as
    # a reader does: a new journal's very tables may still be only in its WAL. Otherwise
    # read the file as it is on disk: immutable takes no lock and makes no -wal or -shm.
    live = all(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm"))
    uri = f"file:{path}?mode=ro" + ("" if live else "&immutable=1")
    try:
        with sqlite3.connect(uri, uri=True, timeout=1.0) as db:
            verdict = db.execute("PRAGMA quick_check").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            sessions = db.execute(
                "SELECT count(*) FROM sessions WHERE started_at >= ?", (today.isoformat(),)
            ).fetchone()[0]
    except sqlite3.Error as error:
        return Check("journal", False, f"{path}: {error}")
    if verdict != "ok":
        return Check("journal", False, f"{path}: {verdict}")
    return Check("journal", True, f"{path}: schema {version}, {sessions} sessions today")


def _staff(settings: Settings, today: date) -> Check:
    from kiosk.storage.pin import PinStore

    pins = PinStore(settings.data_folder)
    status = pins.status()
    if status.reason == "damaged":
        return Check("staff", False, "the staff file is damaged: run kiosk set-pin")
    if status.reason == "not-set":
        return Check("staff", False, "no PIN is set: run kiosk set-pin")
    if status.reason == "locked":
        return Check("staff", False, "locked after ten wrong PINs: run kiosk set-pin")
    members = pins.staff()
    return Check("staff", True, f"{len(members)} member(s): {', '.join(members)}")


def _printer(settings: Settings, today: date) -> Check:
    printer = settings.printer
    if printer.backend == "pdf":
        folder = printer.folder or settings.data_folder / "slips"
        parent = folder
        while not parent.exists() and parent != parent.parent:  # the kiosk makes the rest
            parent = parent.parent
        if not os.access(parent, os.W_OK | os.X_OK):
            return Check("printer", False, f"pdf: {folder} cannot be written")
        return Check("printer", True, f"pdf: slips go to {folder}")
    if printer.backend == "system":
        from kiosk.printing.factory import make_backend

        status = make_backend(settings).status()  # asks CUPS; sends nothing
        ok = status.value in ("ready", "paper-low")
        return Check("printer", ok, f"system queue {printer.name!r}: {status.value}")
    escpos = printer.escpos
    if escpos.connection == "network":
        try:
            with socket.create_connection((escpos.host, escpos.port), timeout=printer.timeout):
                pass
        except OSError as error:
            return Check("printer", False, f"escpos {escpos.host}:{escpos.port}: {error}")
        return Check("printer", True, f"escpos {escpos.host}:{escpos.port} answers")
    device = {"file": escpos.device, "serial": escpos.serial_port}.get(escpos.connection)
    if device is None:  # usb: opening it would take it from a live kiosk
        ids = f"{escpos.usb_vendor:04x}:{escpos.usb_product:04x}"
        return Check("printer", _usb_present(escpos.usb_vendor, escpos.usb_product), f"usb {ids}")
    if not os.path.exists(device):
        return Check("printer", False, f"escpos {device} does not exist")
    if not os.access(device, os.W_OK):
        return Check("printer", False, f"escpos {device} cannot be written by this user")
    return Check("printer", True, f"escpos {device} is there (paper is told at the first job)")


def _speech(settings: Settings, today: date) -> Check:
    """Audio mode's voice has its three languages and its sound device opens (a device the
    running kiosk holds is busy, which is as good)."""
    from kiosk.speech.alsa import probe
    from kiosk.speech.voice import Voice, VoiceError

    try:
        voice = Voice()
        for language in ("kk", "ru", "en"):
            voice.speak("1", language)
    except VoiceError as error:
        return Check("speech", False, str(error))
    device = settings.speech.output
    problem = probe(device, voice.sample_rate)
    if problem:
        return Check("speech", False, problem)
    return Check("speech", True, f"eSpeak NG kk, ru, en; sound device {device!r}")


def _fleet(settings: Settings, today: date) -> Check:
    """The fleet's centre reached as this kiosk's role, and the outbox's backlog."""
    if settings.fleet.url is None:
        return Check("fleet", True, "not in a fleet (no fleet.url): runs alone")
    from kiosk.fleet.central import FleetError, connect, redacted
    from kiosk.storage.outbox import Outbox

    backlog = Outbox(settings.data_folder / JOURNAL_FILE).backlog()
    waiting = f"{backlog.waiting} events waiting" + (
        f" (oldest {backlog.oldest})" if backlog.waiting else ""
    )
    try:
        with connect(settings.fleet.url) as db:
            row = db.execute("SELECT fleet_kiosk_id()").fetchone()
    except FleetError as error:
        return Check("fleet", False, f"{error}; {waiting}")
    except Exception as error:  # reached, but not a fleet database
        said = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return Check("fleet", False, f"{redacted(settings.fleet.url)}: {said}; {waiting}")
    if row is None or row[0] is None:
        return Check("fleet", False, "not enrolled at the centre (kiosk fleet enrol); " + waiting)
    if row[0] != settings.kiosk_id:
        said = f"the URL is kiosk {row[0]}'s, but this kiosk is {settings.kiosk_id}"
        return Check("fleet", False, f"{redacted(settings.fleet.url)}: {said}; {waiting}")
    return Check("fleet", True, f"{redacted(settings.fleet.url)} as {row[0]}; {waiting}")


def _usb_present(vendor: int, product: int) -> bool:
    """Whether a USB device with these ids is plugged in (read from sysfs, not opened)."""
    for device in Path("/sys/bus/usb/devices").glob("*"):
        try:
            ids = ((device / "idVendor").read_text(), (device / "idProduct").read_text())
        except OSError:
            continue
        if (int(ids[0], 16), int(ids[1], 16)) == (vendor, product):
            return True
    return False


def _display() -> Check:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform == "offscreen":
        return Check("display", True, "offscreen platform: nothing is shown on a screen")
    wayland = os.environ.get("WAYLAND_DISPLAY")
    if wayland:
        runtime = Path(os.environ.get("XDG_RUNTIME_DIR", "/run/user/0"))
        socket_path = Path(wayland) if wayland.startswith("/") else runtime / wayland
        ok = socket_path.exists()
        return Check("display", ok, f"Wayland {socket_path}" + ("" if ok else " is not there"))
    display = os.environ.get("DISPLAY", "")
    if not display:
        return Check("display", False, "no DISPLAY or WAYLAND_DISPLAY: run in the kiosk session")
    number = display.split(":")[-1].split(".")[0]
    x_socket = Path(f"/tmp/.X11-unix/X{number}")
    ok = (display.startswith(":") and x_socket.exists()) or not display.startswith(":")
    return Check("display", ok, f"X11 {display}" + ("" if ok else f": {x_socket} is not there"))


def _fonts() -> Check:
    """The bundled fonts (Kazakh letters on screen and slip) are there and are fonts."""
    folder = ASSETS / "fonts"
    bad = []
    for name in FONTS:
        try:
            head = (folder / name).read_bytes()[:4]
        except OSError:
            head = b""
        if head not in (b"\x00\x01\x00\x00", b"true", b"OTTO"):
            bad.append(name)
    if bad:
        return Check("fonts", False, f"missing or not a font in {folder}: {', '.join(bad)}")
    return Check("fonts", True, f"{', '.join(FONTS)} in {folder}")


def report(checks: list[Check]) -> Iterator[str]:
    """The lines to print."""
    for check in checks:
        yield check.line()
    failed = sum(not check.ok for check in checks)
    yield f"{len(checks)} checks, {failed} failed" if failed else f"{len(checks)} checks: all OK"
