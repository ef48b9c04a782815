"""Screens made ahead and the rehearsal after start: the tap shows what was made in the
visitor's reading time, exactly what the tap would have built; nothing made up stays."""

from __future__ import annotations

import gc

from kiosk.testing import ID_CARD_STOLEN, KioskDriver, settle
from tests.ui.conftest import TODAY


def test_the_result_is_made_while_the_documents_are_read(qtbot) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY)
    driver.click("start")
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    assert driver.state == "documents"
    ahead = driver.kiosk.navigator.ahead
    assert ahead.pending  # made in idle time, not on the tap that showed the documents
    ahead.make()
    result = driver.kiosk.navigator.screens.result
    made = result.content
    assert made is not None and made.screen == "result"
    driver.next()
    assert driver.state == "result"
    assert result.content is made, "the tap showed what was made ahead, painting nothing"
    assert driver.screen_content() == made
    assert len(driver.payloads()) == 2


def test_a_changed_answer_gets_a_result_made_anew(qtbot) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY)
    driver.click("start")
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    driver.kiosk.navigator.ahead.make()
    made = driver.kiosk.navigator.screens.result.content
    driver.back()
    driver.change("urgency")
    driver.answer("urgency", "standard")
    driver.next()
    driver.next()
    assert driver.state == "result"
    shown = driver.screen_content()
    assert shown != made and shown.total is not None and made.total is not None
    assert shown.total.amount < made.total.amount  # no expedite fee: the new answer's bill


def test_the_rehearsal_leaves_nothing_made_up_and_freezes_start_up(qtbot) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY)
    screens = driver.kiosk.navigator.screens
    try:
        driver.kiosk.navigator.ahead.rehearse(at_once=True)
        settle()
        for screen in (screens.review, screens.documents, screens.result, screens.blocker):
            assert screen.content is None, screen.name  # wiped: no made-up visitor stays
        assert gc.get_freeze_count() > 0
        assert driver.state == "welcome"
    finally:
        gc.unfreeze()


def test_a_visitor_who_starts_stops_the_rehearsal(qtbot) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY)
    ahead = driver.kiosk.navigator.ahead
    ahead.rehearse()
    assert ahead.stepper.isActive()
    driver.click("start")  # at once: the rehearsal has had a turn or two at most
    qtbot.wait(50)
    assert not ahead.stepper.isActive()
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    driver.next()
    assert driver.state == "result" and driver.screen_content().language == "kk"
    assert len(driver.payloads()) == 2
