"""Screens made ahead and the rehearsal after start: the tap shows what was made in the
visitor's reading time, exactly what the tap would have built; nothing made up stays."""

from __future__ import annotations

import gc

from kiosk.testing import ID_CARD_STOLEN, KioskDriver, settle
from tests.ui.conftest import TODAY


def on_the_documents(qtbot) -> KioskDriver:
    """A visitor who has answered every question (stolen card) and reads the documents."""
    driver = KioskDriver.start(qtbot, today=TODAY)
    driver.click("start")
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    assert driver.state == "documents"
    return driver


def test_the_result_is_made_while_the_documents_are_read(qtbot) -> None:
    driver = on_the_documents(qtbot)
    ahead = driver.kiosk.navigator.ahead
    ahead.make()  # what its timer does 60 ms after the documents show (a visitor reads)
    result = driver.kiosk.navigator.screens.result
    made = result.content
    assert made is not None and made.screen == "result"
    driver.next()
    assert driver.state == "result"
    assert result.content is made, "the tap showed what was made ahead, painting nothing"
    assert driver.screen_content() == made
    assert len(driver.payloads()) == 2


def test_a_changed_answer_gets_a_result_made_anew(qtbot) -> None:
    driver = on_the_documents(qtbot)
    driver.kiosk.navigator.ahead.make()
    made = driver.kiosk.navigator.screens.result.content
    driver.back()
    driver.change("urgency")
    driver.answer("urgency", "standard")
    driver.next()
    assert driver.state == "documents"
    driver.kiosk.navigator.ahead.make()
    remade = driver.kiosk.navigator.screens.result.content
    assert remade is not None and remade != made
    assert remade.total is not None and made.total is not None
    assert remade.total.amount < made.total.amount  # no expedite fee: the new answer's bill
    driver.next()
    assert driver.screen_content() is remade


def test_the_rehearsal_leaves_nothing_made_up_and_freezes_start_up(qtbot) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY)
    screens = driver.kiosk.navigator.screens
    try:
        driver.kiosk.navigator.ahead.rehearse(at_once=True)
        settle()
        for screen in (
            screens.review,
            screens.documents,
            screens.result,
            screens.printing,
            screens.thanks,
            screens.blocker,
        ):
            assert screen.content is None, screen.name  # wiped: no made-up visitor stays
        assert not any("K00-" in text for text in _texts(driver))
        assert gc.get_freeze_count() > 0
        assert driver.state == "welcome"
    finally:
        gc.unfreeze()


def test_a_visitor_who_starts_stops_the_rehearsal(qtbot) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY)
    ahead = driver.kiosk.navigator.ahead
    ahead.rehearse()
    assert ahead.stepper.isActive()
    for _ in range(12):  # some of it done: made-up screens painted
        ahead._step()
    screens = driver.kiosk.navigator.screens
    assert screens.review.content is not None
    driver.click("start")
    qtbot.wait(50)
    assert not ahead.stepper.isActive() and not ahead.rehearsed
    assert screens.review.content is None and screens.printing.content is None  # wiped
    assert not any("K00-" in text for text in _texts(driver))
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    driver.next()
    assert driver.state == "result" and driver.screen_content().language == "kk"
    assert len(driver.payloads()) == 2


def test_a_stopped_rehearsal_starts_again_when_the_kiosk_waits(qtbot) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY)
    ahead = driver.kiosk.navigator.ahead
    ahead.again.setInterval(10)
    try:
        ahead.rehearse()
        driver.click("start")
        qtbot.wait(20)
        assert not ahead.rehearsed
        driver.click("nav-back")  # back on the welcome screen: the kiosk waits again
        qtbot.waitUntil(lambda: ahead.rehearsed, timeout=20_000)
    finally:
        gc.unfreeze()


def _texts(driver: KioskDriver) -> list[str]:
    """Every text any widget of the window holds, shown or not (those let go of, gone)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    found = driver.window.findChildren(QLabel) + driver.window.findChildren(QAbstractButton)
    return [widget.text() for widget in found]


def test_the_thank_you_screen_lets_the_visit_go_and_makes_the_next_welcome(qtbot) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY)
    driver.language("ru")
    driver.click("start")
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    driver.next()
    navigator = driver.kiosk.navigator
    screens = navigator.screens
    assert len(driver.payloads()) == 2
    driver.click("finish")
    driver.confirm()
    assert driver.state == "thanks"
    navigator.ahead.make()  # what its timer does while the visitor reads the thanks
    done = (screens.services, screens.question, screens.review, screens.documents)
    for screen in (*done, screens.printing, screens.blocker):
        assert screen.content is None
    assert screens.result.content is None and not screens.result.cards
    made = screens.welcome.content
    assert made is not None and made.language == "kk"  # the next visitor's, not this one's
    driver.click("finish")
    assert driver.state == "welcome"
    assert screens.welcome.content is made, "the tap painted the welcome screen again"
    assert driver.screen_content() == made
