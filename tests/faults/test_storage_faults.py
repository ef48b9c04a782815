"""Storage faults never stop a visitor: with the journal locked, the folder read-only, the
disk full or the folder deleted, a visitor still gets the quote, the payment codes and the
slip, no tap waits on the disk, staff are told, and once storage is back the journal holds
every event exactly once. A corrupt journal is moved aside; a print cut off by a killed
process is recorded as unknown after the restart, never printed again by itself."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

from kiosk.settings import Printer, Settings, Timing
from kiosk.storage.pin import PinStore
from kiosk.testing import ID_CARD_STOLEN, KioskDriver

from .storage import fill, read_only, small_disk

TODAY = date(2026, 11, 23)
PIN = "482916"
# Seconds. A tap waiting on a locked journal took 5 (SQLite's busy time-out); a tap that
# waits on nothing stays far below this even on a cold, busy machine.
SLOW_TAP = 2.5


def start(qtbot, data: Path, slips: Path, writing: bool = True, **timing: float) -> KioskDriver:
    settings = Settings(data_folder=data, printer=Printer(folder=slips), timing=Timing(**timing))
    if not PinStore(data).is_set():
        PinStore(data).set_pin(PIN)
    driver = KioskDriver.start(qtbot, settings=settings, today=TODAY)
    driver.kiosk.journal.retry = 0.1
    assert driver.kiosk.journal.opened().writing is writing
    return driver


def visit(driver: KioskDriver) -> tuple[str, dict[str, str], float]:
    """A whole visit with a printed slip; returns the reference, the payment codes seen and
    the slowest tap (seconds)."""
    slowest = 0.0

    def tap(name: str) -> None:
        nonlocal slowest
        started = time.perf_counter()
        driver.click(name)
        slowest = max(slowest, time.perf_counter() - started)

    tap("start")
    tap("service-id-card-restoration")
    for question, option in ID_CARD_STOLEN.items():
        tap(f"option-{question}-{option}")
    tap("nav-next")
    tap("nav-next")
    assert driver.screen == "screen-result"
    payloads, reference = driver.payloads(), driver.reference
    assert payloads and reference
    assert driver.print_slip() == "printed"
    tap("finish")
    tap("finish")
    assert driver.screen == "screen-welcome"
    return reference, payloads, slowest


def dashboard_problems(driver: KioskDriver) -> list[str]:
    driver.kiosk.staff.open()
    for digit in PIN:
        driver.click(f"pin-{digit}")
    driver.click("pin-ok")
    assert driver.screen == "screen-dashboard"
    problems = [m.text for m in driver.screen_content().messages if m.kind == "problem"]
    driver.click("attendant-logout")
    return problems


def assert_written_once(driver: KioskDriver, references: list[str]) -> None:
    assert driver.kiosk.journal.flush(10), "the waiting events were not written"
    journal = driver.journal
    sessions = [row for row in journal.sessions() if row["reference"]]
    assert [row["reference"] for row in sessions] == references
    assert all(row["outcome"] == "completed" for row in sessions)
    for reference in references:
        assert [status for status, _ in journal.prints(reference)] == ["printed"]
        assert journal.archived(reference) is not None
    assert driver.kiosk.journal.health().writing


def test_a_locked_journal_stops_no_visitor(qtbot, tmp_path) -> None:
    driver = start(qtbot, tmp_path / "data", tmp_path / "slips")
    other = sqlite3.connect(tmp_path / "data" / "journal.sqlite3", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the journal
    reference, _, slowest = visit(driver)
    assert slowest < SLOW_TAP
    assert (tmp_path / "slips" / f"{reference}.pdf").exists()
    driver.wait_until(lambda: not driver.kiosk.journal.health().writing, 5)
    [problem] = [p for p in dashboard_problems(driver) if ": not writing since" in p]
    assert "database is locked" in problem
    assert driver.kiosk.journal.health().waiting > 0
    other.execute("ROLLBACK")
    other.close()
    assert_written_once(driver, [reference])


def test_a_read_only_folder_stops_no_visitor(qtbot, tmp_path) -> None:
    data = tmp_path / "data"
    start(qtbot, data, tmp_path / "slips").close()  # the journal of an earlier day
    with read_only(data):
        driver = start(qtbot, data, tmp_path / "slips", writing=False)
        first, _, slowest = visit(driver)
        assert slowest < SLOW_TAP
        driver.wait_until(lambda: not driver.kiosk.journal.health().writing, 5)
        assert any(": not writing since" in p for p in dashboard_problems(driver))
        second, _, _ = visit(driver)
    assert_written_once(driver, [first, second])


def test_a_full_disk_stops_no_visitor(qtbot, tmp_path) -> None:
    with small_disk(tmp_path / "data") as data:
        driver = start(qtbot, data, tmp_path / "slips")
        filler = fill(data)
        reference, _, slowest = visit(driver)
        assert slowest < SLOW_TAP
        driver.wait_until(lambda: not driver.kiosk.journal.health().writing, 5)
        assert "full" in driver.kiosk.journal.health().reason
        filler.unlink()  # room again
        assert_written_once(driver, [reference])
        driver.close()


def test_a_deleted_folder_stops_no_visitor(qtbot, tmp_path) -> None:
    data = tmp_path / "data"
    driver = start(qtbot, data, data / "slips")
    driver.click("start")
    shutil.rmtree(data)  # someone deletes the data folder while a visitor is at the screen
    driver.click("nav-back")
    reference, _, _ = visit(driver)  # the slip is written to the folder made again
    assert (data / "slips" / f"{reference}.pdf").exists()
    assert_written_once(driver, [reference])


def test_a_corrupt_journal_is_moved_aside_and_a_new_one_started(qtbot, tmp_path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    broken = b"this is not an SQLite database " * 200
    (data / "journal.sqlite3").write_bytes(broken)
    driver = start(qtbot, data, tmp_path / "slips")
    [aside] = data.glob("journal.sqlite3.corrupt-*")
    assert aside.read_bytes() == broken  # kept as it was, for whoever looks into it
    reference, _, _ = visit(driver)
    assert_written_once(driver, [reference])
    [notice] = [p for p in dashboard_problems(driver) if "corrupt" in p]
    assert aside.name in notice
    assert any(aside.name in action for _, action in driver.journal.audit_log())


KILLED_PRINTING = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from datetime import date
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from kiosk.printing.backends import PrinterFault, PrinterStatus
    from kiosk.settings import Printer, Settings
    from kiosk.testing import ID_CARD_STOLEN, KioskDriver

    class JammedThenSlow:  # jammed at first; busy with the slip when the power goes
        name = "slow"
        attempts = 0
        def status(self):
            return PrinterStatus.READY
        def print_slip(self, slip):
            self.attempts += 1
            if self.attempts == 1:
                raise PrinterFault("paper jam", sent=False)
            print(slip.reference, flush=True)
            time.sleep(60)

    settings = Settings(data_folder=Path(sys.argv[1]), printer=Printer(timeout=90))
    printer = JammedThenSlow()
    driver = KioskDriver.start(settings=settings, today=date(2026, 11, 23), printer=printer)
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    driver.next()
    assert driver.print_slip() == "failed"
    driver.click("print-retry")  # Try again
    while True:  # printing, until the power goes
        QApplication.processEvents()
        time.sleep(0.01)
    """
)


def test_a_print_cut_off_by_a_killed_kiosk_is_unknown_after_restart(qtbot, tmp_path) -> None:
    data = tmp_path / "data"
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_PRINTING, str(data)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        reference = child.stdout.readline().strip()  # the slip has reached the printer
        assert reference.startswith("K01-20261123-")
        time.sleep(0.3)  # the archive entry is written a moment after the tap
    finally:
        child.kill()
        child.wait(30)
        if child.stdout is not None:
            child.stdout.close()
    driver = start(qtbot, data, tmp_path / "slips")
    assert driver.kiosk.journal.flush(5)
    journal = driver.journal
    assert [status for status, _ in journal.prints(reference)] == ["failed", "unknown"]
    assert journal.archived(reference) is not None  # staff may reprint it
    [session] = journal.sessions()
    assert session["outcome"] == "abandoned" and session["reference"] == reference
    unknown = driver.kiosk.strings.text("attendant.print.unknown", "kk")  # the dashboard's word
    assert any(reference in p and unknown in p for p in dashboard_problems(driver))
