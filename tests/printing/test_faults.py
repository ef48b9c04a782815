"""Printer faults end in the right screen state and journal record; reprints work; no job
outlives its visitor; the archive is purged after 24 hours."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta

import pytest

from kiosk.printing.backends import PrinterFault, PrinterStatus
from kiosk.settings import Printer, Settings
from kiosk.testing import KioskDriver

from .conftest import ID_CARD, TODAY


class FakePrinter:
    """A printer whose status and behaviour a test sets."""

    name = "fake"

    def __init__(self, status=PrinterStatus.READY, fault=None, delay=0.0) -> None:
        self.state, self.fault, self.delay = status, fault, delay
        self.printed: list[str] = []
        self.attempts = 0

    def status(self) -> PrinterStatus:
        return self.state

    def print_slip(self, slip) -> str:
        self.attempts += 1
        if self.delay:
            time.sleep(self.delay)
        if self.fault is not None:
            raise self.fault
        self.printed.append(slip.reference)
        return f"fake: {slip.reference}"


def kiosk_at_result(qtbot, tmp_path, printer) -> KioskDriver:
    settings = Settings(data_folder=tmp_path, printer=Printer(timeout=0.3))
    driver = KioskDriver.start(qtbot, settings=settings, today=TODAY, printer=printer)
    driver.click("lang-en")
    driver.click("start")
    driver.click("service-id-card-restoration")
    driver.answer_all(ID_CARD)
    driver.next()
    driver.next()
    assert driver.screen == "screen-result"
    return driver


def journal_of(driver: KioskDriver) -> list[tuple[str, str]]:
    reference = driver.kiosk.navigator.session.reference
    return driver.kiosk.journal.prints(reference)


@pytest.mark.parametrize(
    ("printer", "status", "detail", "retry"),
    [
        (FakePrinter(status=PrinterStatus.OFFLINE), "failed", "offline", True),
        (FakePrinter(status=PrinterStatus.NO_PAPER), "failed", "no-paper", True),
        (FakePrinter(delay=1.0), "unknown", "did not finish", False),
        (FakePrinter(fault=RuntimeError("cable pulled")), "unknown", "cable pulled", False),
        (
            FakePrinter(fault=PrinterFault("jammed after 3 lines", sent=True)),
            "unknown",
            "jammed",
            False,
        ),
        (FakePrinter(fault=PrinterFault("refused", sent=False)), "failed", "refused", True),
        (FakePrinter(status=PrinterStatus.PAPER_LOW), "printed", "paper low", False),
    ],
    ids=[
        "offline",
        "paper-out",
        "time-out",
        "exception-mid-job",
        "broke-off",
        "refused",
        "paper-low",
    ],
)
def test_fault_outcomes(qtbot, tmp_path, printer, status, detail, retry) -> None:
    driver = kiosk_at_result(qtbot, tmp_path, printer)
    started = time.monotonic()
    assert driver.print_slip() == status
    assert time.monotonic() - started < 3  # an offline printer never freezes the kiosk
    assert driver.screen == "screen-printing"
    assert driver.visible("print-retry") is retry
    message = driver.text_of("print-status")
    assert message == driver.kiosk.strings.text(f"printing.{status}", "en")
    [(recorded, recorded_detail)] = journal_of(driver)
    assert recorded == status and detail in recorded_detail
    if status in ("failed", "unknown"):
        assert driver.payloads()  # the codes stay on screen to pay from
    if status == "unknown":
        qtbot.wait(600)
        assert printer.attempts == 1  # an unknown outcome is never retried by itself
    if status == "failed" and printer.state is not PrinterStatus.READY:
        assert printer.attempts == 0  # nothing was sent to a printer that said no


def test_retry_after_failure_then_staff_reprint(qtbot, tmp_path) -> None:
    printer = FakePrinter(status=PrinterStatus.OFFLINE)
    driver = kiosk_at_result(qtbot, tmp_path, printer)
    reference = driver.kiosk.navigator.session.reference
    assert driver.print_slip() == "failed"
    printer.state = PrinterStatus.READY
    driver.click("print-retry")
    printing = driver.kiosk.navigator.screens.printing
    driver.wait_until(lambda: printing.status is not None and printing.status.value == "printed")
    assert printer.printed == [reference]
    driver.click("finish")
    driver.click("finish")
    assert driver.screen == "screen-welcome"
    # Later, staff reprint the slip from the archive: the same content again.
    desk = driver.kiosk.desk
    with qtbot.waitSignal(desk.finished, timeout=3000) as done:
        assert desk.reprint(reference)
    assert done.args[0] == reference and done.args[1].status.value == "printed"
    assert printer.printed == [reference, reference]
    assert [status for status, _ in driver.kiosk.journal.prints(reference)] == [
        "failed",
        "printed",
        "printed",
    ]
    rebuilt = desk.rebuild(reference)
    assert rebuilt is not None and rebuilt.reference == reference
    assert any(block.style == "qr" for block in rebuilt.blocks)


def test_no_job_is_printed_after_its_visitor_has_gone(qtbot, tmp_path) -> None:
    release = threading.Event()

    class SlowToAnswer(FakePrinter):
        def status(self):
            release.wait(2)
            return PrinterStatus.READY

    printer = SlowToAnswer()
    settings = Settings(data_folder=tmp_path, printer=Printer(timeout=3))
    driver = KioskDriver.start(qtbot, settings=settings, today=TODAY, printer=printer)
    driver.click("start")
    driver.click("service-id-card-restoration")
    driver.answer_all(ID_CARD)
    driver.next()
    driver.next()
    driver.click("print-slip")
    desk = driver.kiosk.desk
    driver.kiosk.navigator.reset()  # the visitor walked away; the session ends
    with qtbot.waitSignal(desk.finished, timeout=5000) as done:
        release.set()
    assert done.args[1].status.value == "failed"
    assert "session ended" in done.args[1].detail
    assert printer.attempts == 0
    assert driver.screen == "screen-welcome"


def test_archive_is_purged_after_24_hours(qtbot, tmp_path) -> None:
    printer = FakePrinter()
    driver = kiosk_at_result(qtbot, tmp_path, printer)
    assert driver.print_slip() == "printed"
    journal = driver.kiosk.journal
    reference = driver.kiosk.navigator.session.reference
    assert journal.recent_slips() == [reference]
    now = datetime.now()
    assert journal.purge(now + timedelta(hours=23)) == 0
    assert journal.purge(now + timedelta(hours=25)) == 1
    assert journal.archived(reference) is None
    assert not driver.kiosk.desk.reprint(reference)


def test_archive_holds_ids_not_the_texts_a_visitor_saw(qtbot, tmp_path) -> None:
    driver = kiosk_at_result(qtbot, tmp_path, FakePrinter())
    assert driver.print_slip() == "printed"
    driver.kiosk.journal.close()
    raw = (tmp_path / "journal.sqlite3").read_bytes()
    wal = tmp_path / "journal.sqlite3-wal"
    raw += wal.read_bytes() if wal.exists() else b""
    for seen in ("It was stolen", "Three times or more", "Passport for travel abroad"):
        assert seen.encode("utf-8") not in raw
    assert b"stolen" in raw  # the option id, from which the slip can be made again
