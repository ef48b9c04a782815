"""Language switching, Back and Change, idle reset, crashes, closing."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from kiosk.testing import KioskDriver

from .conftest import TODAY
from .test_journeys import ID_CARD, start_in


def test_language_switch_keeps_answers_and_rerenders_amounts(driver: KioskDriver) -> None:
    start_in(driver, "kk", "id-card-restoration")
    driver.answer("circumstance", "lost")
    driver.answer("losses-this-year", "2")
    driver.language("en")
    assert driver.remembered()["answers"] == {
        "circumstance": "lost",
        "losses-this-year": "2",
    }
    assert driver.text_of("heading") == "Do you have a document exempting you from the state duty?"
    driver.answer_all(ID_CARD)
    assert driver.screen == "screen-review"
    driver.next()
    driver.next()
    assert driver.bill_total() == "4,237 ₸"  # 0.2 MCI = 865 plus 3 372
    driver.language("ru")
    assert driver.screen == "screen-result"
    assert driver.bill_total() == "4 237 ₸"
    assert driver.text_of("bill-amount-state-duty").replace("\u00a0", " ") == (
        "0,2 МРП × 4 325 ₸ = 865 ₸"
    )
    assert "Итого" in driver.visible_texts()
    driver.language("kk")
    assert driver.text_of("bill-total-label") == "Барлығы"
    # The payment codes are the same whatever the language.
    assert set(driver.payloads()) == {"state-budget", "state-corporation"}


def test_back_keeps_answers(driver: KioskDriver) -> None:
    start_in(driver, "en", "id-card-restoration")
    driver.answer("circumstance", "lost")
    driver.answer("losses-this-year", "1")
    driver.back()
    assert driver.question == "losses-this-year"
    assert driver.widget("option-losses-this-year-1").property("selected") is True
    driver.back()
    assert driver.question == "circumstance"
    assert [c.id for c in driver.screen_content().choices if c.selected] == [
        "option-circumstance-lost"
    ]
    driver.next()  # forward again without changing anything
    driver.next()
    assert driver.question == "duty-exemption"
    assert driver.remembered()["answers"] == {
        "circumstance": "lost",
        "losses-this-year": "1",
    }
    driver.back()
    driver.back()
    driver.back()
    assert driver.screen == "screen-services"


def test_change_drops_answers_that_no_longer_apply(driver: KioskDriver) -> None:
    start_in(driver, "en", "id-card-restoration")
    driver.answer_all(ID_CARD)
    assert driver.screen == "screen-review"
    assert not driver.visible("change-police-talon")
    driver.change("circumstance")
    driver.answer("circumstance", "stolen")
    # The engine asks the new question at once, then returns to the review.
    assert driver.question == "police-talon"
    driver.answer("police-talon", "yes")
    assert driver.screen == "screen-review"
    assert driver.visible("change-police-talon")
    driver.change("circumstance")
    driver.answer("circumstance", "lost")
    assert driver.screen == "screen-review"
    assert not driver.visible("change-police-talon")
    assert "police-talon" not in driver.remembered()["answers"]
    assert "change-police-talon" not in [c.id for c in driver.screen_content().choices]
    # A change that blocks goes to the blocker.
    driver.change("circumstance")
    driver.answer("circumstance", "stolen")
    driver.answer("police-talon", "no")
    assert driver.screen == "screen-blocker"


def test_idle_warning_more_time_then_reset_wipes_everything(qtbot, fast_settings) -> None:
    driver = KioskDriver.start(qtbot, settings=fast_settings, today=TODAY)
    start_in(driver, "ru", "id-card-restoration")
    driver.answer("circumstance", "stolen")
    driver.answer("police-talon", "yes")
    driver.answer_all(ID_CARD)
    assert driver.screen == "screen-review"  # the review now lists every answer
    driver.change("police-talon")
    qtbot.waitUntil(lambda: driver.visible("idle-more-time"), timeout=2000)
    driver.click("idle-more-time")
    assert not driver.visible("idle-more-time")
    assert driver.screen == "screen-question"
    qtbot.waitUntil(lambda: driver.screen == "screen-welcome", timeout=3000)
    [session] = driver.journal.sessions()
    assert session["outcome"] == "timed-out"
    remembered = driver.remembered()
    assert remembered["answers"] == {} and remembered["service"] is None
    assert remembered["reference"] is None and remembered["quote"] is None
    # No widget anywhere, shown or hidden, holds an earlier answer.
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    answers = {"Украдено", "Да, талон есть", "Ұрланды", "Иә, талон бар", "It was stolen"}
    texts = set()

    for widget in driver.window.findChildren(QWidget):
        text = getattr(widget, "text", None)
        if callable(text):
            value = text()
            if isinstance(value, str):
                texts.add(value)
    assert not answers & texts
    assert driver.remembered()["language"] == "kk"
    assert driver.screen_content().language == "kk"


def test_no_idle_timer_on_the_welcome_screen(qtbot, fast_settings) -> None:
    driver = KioskDriver.start(qtbot, settings=fast_settings, today=TODAY)
    qtbot.wait(1000)  # four times the idle time of fast_settings
    assert driver.screen == "screen-welcome"
    assert not driver.visible("idle-more-time")


def test_thanks_returns_to_welcome_by_itself(qtbot, fast_settings) -> None:
    driver = KioskDriver.start(qtbot, settings=fast_settings, today=TODAY)
    start_in(driver, "en", "driving-licence-replacement")
    driver.answer_all(
        {
            "reason": "early",
            "unpaid-fines": "no",
            "recent-photo-document": "yes",
            "duty-paid-before": "no",
        }
    )
    driver.next()
    driver.next()
    driver.click("finish")
    driver.confirm()
    assert driver.screen == "screen-thanks"
    qtbot.waitUntil(lambda: driver.screen == "screen-welcome", timeout=2000)


@pytest.mark.qt_no_exception_capture
def test_a_crash_in_a_slot_returns_to_welcome(qtbot, driver, monkeypatch, caplog) -> None:
    import sys

    from kiosk.app import crash_hook

    monkeypatch.setattr(sys, "excepthook", crash_hook(driver.kiosk))
    start_in(driver, "en", "id-card-restoration")

    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    from kiosk.logic.interview import Interview

    monkeypatch.setattr(Interview, "answer", broken)
    driver.answer("circumstance", "lost")
    assert driver.screen == "screen-welcome"
    assert "RuntimeError: boom" in caplog.text
    assert driver.remembered()["service"] is None


def test_kiosk_mode_ignores_close_requests(driver: KioskDriver) -> None:
    driver.window.allow_close = False
    driver.window.close()
    assert driver.window.isVisible()
    driver.window.allow_close = True


def test_print_failure_keeps_the_codes_on_screen_and_retries(qtbot, tmp_path) -> None:
    from kiosk.printing.backends import PrinterFault, PrinterStatus
    from kiosk.settings import Settings

    jobs = []

    class Printer:
        name = "test"

        def status(self):
            return PrinterStatus.READY

        def print_slip(self, slip):
            jobs.append(slip.reference)
            if len(jobs) == 1:
                raise PrinterFault("paper jam before printing", sent=False)
            return "ok"

    driver = KioskDriver.start(
        qtbot, settings=Settings(data_folder=tmp_path), today=TODAY, printer=Printer()
    )
    start_in(driver, "en", "id-card-restoration")
    driver.answer_all(ID_CARD)
    driver.next()
    driver.next()
    payloads = driver.payloads()
    assert driver.print_slip() == "failed"
    assert driver.screen == "screen-printing"
    assert driver.visible("print-retry")
    assert driver.payloads() == payloads  # pay by photographing the codes
    assert driver.reference in driver.text_of("print-reference")
    driver.click("print-retry")
    assert driver.wait_for_print() == "printed"
    assert driver.screen_content().heading == driver.text_of("heading")
    assert not driver.visible("print-retry")
    assert jobs == [driver.reference] * 2


def test_a_case_that_cannot_be_priced_shows_no_amount(qtbot, tmp_path, unpriced_fees) -> None:
    """No rate for the expedited fee on the day: no quote can be made, staff must help. (A
    year with no MCI published is not this: see test_duty_not_published.py.)"""
    from kiosk.settings import Settings

    settings = Settings(data_folder=tmp_path, catalogue=unpriced_fees)
    driver = KioskDriver.start(qtbot, settings=settings, today=TODAY)
    start_in(driver, "en", "id-card-restoration")
    driver.answer_all(ID_CARD)
    driver.next()
    assert driver.screen == "screen-result"  # no quote can be made: staff must help
    assert driver.remembered()["quote"] is None
    assert driver.screen_content().total is None
    assert driver.visible("unavailable-text")
    assert driver.visible("finish") and driver.visible("nav-home")
    driver.back()
    assert driver.screen == "screen-review"
    assert not driver.visible("bill-total")
    assert driver.payloads() == {}
    assert not driver.visible("print-slip")
