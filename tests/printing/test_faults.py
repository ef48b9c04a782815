"""Printer faults end in the right screen state and journal record; reprints work; no job
outlives its visitor; the archive is purged after 24 hours."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta

import pytest

from kiosk.logic.i18n import Strings
from kiosk.logic.slip import Slip
from kiosk.printing.backends import PrinterFault, PrinterStatus
from kiosk.settings import ASSETS, Printer, Settings, Timing
from kiosk.storage.pin import PinStore
from kiosk.testing import KioskDriver

from .conftest import ID_CARD, TODAY

PIN = "482916"


class FakePrinter:
    """A printer whose status and behaviour a test sets."""

    name = "fake"

    def __init__(self, status=PrinterStatus.READY, fault=None, delay=0.0) -> None:
        self.state, self.fault, self.delay = status, fault, delay
        self.printed: list[str] = []
        self.slips: list[Slip] = []  # what reached the paper
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
        self.slips.append(slip)
        return f"fake: {slip.reference}"


def kiosk_at_result(qtbot, tmp_path, printer, timing: Timing | None = None) -> KioskDriver:
    settings = Settings(
        data_folder=tmp_path, printer=Printer(timeout=0.3), timing=timing or Timing()
    )
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
    reference = driver.reference
    assert reference is not None
    return driver.journal.prints(reference)


def staff_dashboard(driver: KioskDriver, folder) -> None:
    """Staff log in (Ctrl+Alt+A, PIN) and see the dashboard."""
    PinStore(folder).set_pin(PIN)
    driver.open_attendant()
    for digit in PIN:
        driver.click(f"pin-{digit}")
    driver.click("pin-ok")
    assert driver.attendant and driver.screen == "screen-dashboard"


@pytest.mark.parametrize(
    ("printer", "status", "detail", "retry"),
    [
        (FakePrinter(status=PrinterStatus.OFFLINE), "failed", "offline", True),
        (FakePrinter(status=PrinterStatus.NO_PAPER), "failed", "no-paper", True),
        (FakePrinter(delay=1.0), "unknown", "did not finish", False),
        # The error's words may quote the slip (an answer): only its kind is kept.
        (
            FakePrinter(fault=RuntimeError("cannot draw 'Жоғалды'")),
            "unknown",
            "printing broke off: RuntimeError",
            False,
        ),
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
    message = driver.text_of("heading")
    assert message == driver.screen_content().heading
    assert message == Strings.load(ASSETS / "i18n").text(f"printing.{status}", "en")
    assert (driver.screen_content().action("print-retry") is not None) is retry
    [(recorded, recorded_detail)] = journal_of(driver)
    assert recorded == status and detail in recorded_detail
    assert "Жоғалды" not in recorded_detail
    if status in ("failed", "unknown"):
        codes = {item.id: item.payload for item in driver.screen_content().qr}
        assert codes and driver.payloads() == codes  # the codes stay on screen to pay from
    if status == "unknown":
        qtbot.wait(600)
        assert printer.attempts == 1  # an unknown outcome is never retried by itself
    if status == "failed" and printer.state is not PrinterStatus.READY:
        assert printer.attempts == 0  # nothing was sent to a printer that said no


def test_retry_after_failure_then_staff_reprint(qtbot, tmp_path) -> None:
    printer = FakePrinter(status=PrinterStatus.OFFLINE)
    driver = kiosk_at_result(qtbot, tmp_path, printer)
    reference = driver.reference
    assert reference is not None
    assert driver.print_slip() == "failed"
    printer.state = PrinterStatus.READY
    driver.click("print-retry")
    assert driver.wait_for_print() == "printed"
    assert driver.text_of("heading") == driver.screen_content().heading
    assert printer.printed == [reference]
    driver.click("finish")
    driver.confirm()
    driver.click("finish")
    driver.confirm()
    assert driver.screen == "screen-welcome"
    # Later, staff reprint the slip from the archive: the same content again.
    staff_dashboard(driver, tmp_path)
    driver.click(f"reprint-{reference}")
    driver.wait_until(lambda: len(driver.journal.prints(reference)) == 3)
    driver.wait_until(lambda: driver.screen_content().text.startswith(f"{reference}: printed"))
    assert printer.printed == [reference, reference]
    assert [status for status, _ in driver.journal.prints(reference)] == [
        "failed",
        "printed",
        "printed",
    ]
    first, again = printer.slips
    assert again.reference == reference
    codes = [block.payload for block in again.blocks if block.style == "qr"]
    assert codes and codes == [block.payload for block in first.blocks if block.style == "qr"]


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
    reference = driver.reference
    assert reference is not None and driver.screen == "screen-printing"
    driver.walk_away()  # the visitor walked away; the session ends
    assert driver.remembered()["reference"] is None
    release.set()
    driver.wait_until(lambda: driver.journal.prints(reference), timeout=5)
    [(status, detail)] = driver.journal.prints(reference)
    assert status == "failed"
    assert "session ended" in detail
    assert printer.attempts == 0
    assert driver.screen == "screen-welcome"


def test_archive_is_purged_after_24_hours(qtbot, tmp_path) -> None:
    printer = FakePrinter()
    driver = kiosk_at_result(qtbot, tmp_path, printer)
    assert driver.print_slip() == "printed"
    journal = driver.journal
    reference = driver.reference
    assert reference is not None
    assert journal.recent_slips() == [reference]
    staff_dashboard(driver, tmp_path)
    assert driver.visible(f"reprint-{reference}")  # offered while it is kept
    now = datetime.now()
    assert journal.purge(now + timedelta(hours=23)) == 0
    assert journal.purge(now + timedelta(hours=25)) == 1
    assert journal.archived(reference) is None
    driver.click(f"reprint-{reference}")  # a dashboard painted before the purge
    assert "no longer in the archive" in driver.text_of("dashboard-message")
    assert printer.printed == [reference]
    assert [status for status, _ in journal.prints(reference)] == ["printed"]


def test_archive_holds_ids_not_the_texts_a_visitor_saw(qtbot, tmp_path) -> None:
    driver = kiosk_at_result(qtbot, tmp_path, FakePrinter())
    # What the visitor read: their answers (on "Check your answers") and the documents.
    driver.back()
    assert driver.screen == "screen-documents"
    documents = [document.title for document in driver.remembered()["quote"].documents]
    driver.back()
    assert driver.screen == "screen-review"
    answers = [choice.label for choice in driver.screen_content().choices]
    driver.next()
    driver.next()
    assert driver.print_slip() == "printed"
    seen = [text for text in (*answers, *documents) if len(text) > 12]
    assert len(seen) >= 3
    driver.journal.close()
    raw = (tmp_path / "journal.sqlite3").read_bytes()
    wal = tmp_path / "journal.sqlite3-wal"
    raw += wal.read_bytes() if wal.exists() else b""
    for text in seen:
        assert text.encode("utf-8") not in raw, text
    # The option ids, from which the slip can be made again.
    assert ID_CARD["circumstance"].encode("utf-8") in raw


@pytest.mark.parametrize("fault", [None, PrinterFault("paper jam", sent=False)])
def test_printing_and_its_outcomes_end_on_their_own(qtbot, tmp_path, fault) -> None:
    printer = FakePrinter(fault=fault, delay=0.1)
    timing = Timing(idle=0.3, idle_result=0.3, countdown=0.3)
    driver = kiosk_at_result(qtbot, tmp_path, printer, timing)
    driver.click("print-slip")
    assert driver.screen == "screen-printing"
    assert driver.wait_for_print() == ("failed" if fault else "printed")
    # Nobody taps: the outcome screen gives way to the idle warning, then to the welcome.
    driver.wait_until(lambda: driver.screen == "screen-welcome", 5)
    assert driver.remembered()["reference"] is None
