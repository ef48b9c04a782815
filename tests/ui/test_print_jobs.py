"""One owner of print jobs: the visitor's job and its outcome live there, not in a widget,
and a reprint is the same slip, made again from the archived case."""

from __future__ import annotations

from kiosk.printing.backends import PrinterStatus
from kiosk.settings import Settings
from kiosk.testing import ID_CARD_STOLEN, KioskDriver

from .conftest import TODAY


class Capturing:
    """A printer that keeps every slip it is given."""

    name = "capturing"

    def __init__(self) -> None:
        self.slips = []

    def status(self) -> PrinterStatus:
        return PrinterStatus.READY

    def print_slip(self, slip) -> str:
        self.slips.append(slip)
        return "ok"


def test_a_reprint_is_the_slip_the_visitor_got(qtbot, tmp_path) -> None:
    printer = Capturing()
    settings = Settings(data_folder=tmp_path)
    driver = KioskDriver.start(qtbot, settings=settings, today=TODAY, printer=printer)
    driver.language("ru")
    driver.click("start")
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    driver.click("document-application")
    driver.next()
    assert driver.print_slip() == "printed"
    reference = driver.reference
    [printed] = printer.slips
    assert printed.reference == reference and printed.language == "ru"
    # The slip carries the same payment codes the screen showed.
    codes = [block.payload for block in printed.blocks if block.style == "qr"]
    assert set(driver.payloads().values()) <= set(codes)
    driver.click("finish")
    driver.confirm()
    driver.click("finish")
    driver.confirm()
    assert driver.screen == "screen-welcome"

    jobs = driver.kiosk.jobs  # the owner under test
    assert jobs.current is None  # the visitor's job ended with their session
    again = jobs.rebuild(reference)
    assert again is not None
    assert again.text().splitlines()[2:] == printed.text().splitlines()[2:]  # all but the time
    assert [status for status, _ in driver.journal.prints(reference)] == ["printed"]


def test_a_visit_across_midnight_keeps_its_day(qtbot, tmp_path) -> None:
    """Started on 31 December, priced and printed after midnight: the quote, the codes and
    the slip all belong to the day the visitor started (2027's MCI is not published yet, so
    a quote dated 1 January would have no amount at all)."""
    from datetime import date

    day = [date(2026, 12, 31)]
    printer = Capturing()
    settings = Settings(data_folder=tmp_path)
    driver = KioskDriver.start(qtbot, settings=settings, today=lambda: day[0], printer=printer)
    driver.language("en")
    driver.click("start")
    day[0] = date(2027, 1, 1)  # midnight strikes while the visitor chooses
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    driver.next()
    content = driver.screen_content()
    assert content.total is not None  # priced, with 2026's MCI
    assert "2026" in content.fact("mci-year")
    assert driver.reference.startswith("K01-20261231-")
    assert driver.print_slip() == "printed"
    [slip] = printer.slips
    assert "31 December 2026" in slip.text()
    assert "2027" not in slip.text().splitlines()[1]  # the slip's date line
