"""What a screen says is one value: everything painted comes from the screen content, and
everything in it is painted. The navigator moves through its table, one state at a time."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.logic.i18n import LANGUAGES
from kiosk.testing import ID_CARD_STOLEN, LICENCE_EXPIRED, KioskDriver


def painted(driver: KioskDriver) -> set[str]:
    """Every text visible on the screen in front and in the footer (not the header's clock,
    centre name and language buttons, which belong to the window)."""
    screen = driver.window.findChild(QWidget, driver.screen)
    footer = driver.window.findChild(QWidget, "footer")
    texts = set()
    for part in (screen, footer):
        for widget in part.findChildren(QWidget):
            if isinstance(widget, QLabel | QAbstractButton) and widget.isVisible():
                texts.update(line for line in widget.text().split("\n") if line)
    return texts


def said(driver: KioskDriver) -> set[str]:
    """Every line of the screen content."""
    return {line for text in driver.screen_content().texts() for line in text.split("\n")}


def same(driver: KioskDriver) -> None:
    content = driver.screen_content()
    assert content.screen == driver.state
    assert said(driver) == painted(driver), driver.state
    for choice in content.choices:  # every choice is a widget a finger can reach
        assert driver.visible(choice.id), choice.id
    if driver.visible("heading"):  # each screen's title, named as DESIGN.md says
        assert driver.text_of("heading") == content.heading
    else:  # only the notices that are all message: out of order, no amount this year
        assert content.screen in ("out-of-order", "result") and content.total is None


def walk(driver: KioskDriver, service: str, answers: dict[str, str]) -> list[str]:
    """Tap through a service, checking every screen; returns the states seen."""
    seen = [driver.state]
    same(driver)
    driver.click("start")
    same(driver)
    driver.choose_service(service)
    while driver.state == "question":
        same(driver)
        driver.answer(driver.question, answers[driver.question])
    for _ in range(3):  # review, documents, result
        seen.append(driver.state)
        same(driver)
        if driver.state != "result":
            driver.next()
    seen.append(driver.state)
    driver.print_slip()
    same(driver)
    driver.click("finish")
    driver.confirm()
    same(driver)
    return seen


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_visitor_screen_paints_its_content_and_nothing_else(driver, language) -> None:
    driver.language(language)
    walk(driver, "id-card-restoration", ID_CARD_STOLEN)
    driver.click("finish")
    driver.confirm()
    walk(driver, "driving-licence-replacement", LICENCE_EXPIRED)


def test_a_language_switch_repaints_the_content(driver) -> None:
    driver.click("start")
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    driver.next()
    english = driver.screen_content()
    driver.language("ru")
    russian = driver.screen_content()
    assert russian.language == "ru" and russian.heading != english.heading
    assert russian.total.amount == english.total.amount
    assert [item.payload for item in russian.qr] == [item.payload for item in english.qr]
    same(driver)


def test_blockers_and_documents_are_content(driver) -> None:
    driver.click("start")
    driver.choose_service("id-card-restoration")
    driver.answer_all({"circumstance": "stolen", "police-talon": "no"})
    content = driver.screen_content()
    assert [m.id for m in content.messages] == ["blocker-police-report-first"]
    assert all(m.kind == "blocker" and m.title and m.text for m in content.messages)
    same(driver)
    driver.back()
    driver.answer("police-talon", "yes")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    documents = driver.screen_content().choices
    first = documents[0]
    assert not first.selected and first.status in ("bring", "get")
    driver.click(first.id)
    ticked = driver.screen_content().choices[0]
    assert ticked.selected and ticked.status == "have"
    assert driver.widget(first.id).property("status") == "have"
    same(driver)


def test_a_redirect_is_settled_before_the_state_is_announced(
    qtbot, tmp_path, unpriced_fees
) -> None:
    """A case that cannot be priced (no rate for its fee on the day): Continue on the review
    goes straight to the result (which says why there is no amount): the documents state is
    never entered or announced."""
    from datetime import date

    from kiosk.settings import Settings

    settings = Settings(data_folder=tmp_path, catalogue=unpriced_fees)
    driver = KioskDriver.start(qtbot, settings=settings, today=date(2026, 11, 23))
    driver.click("start")
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    assert driver.state == "review"
    states: list[str] = []
    navigator = driver.kiosk.navigator  # the state machine under test
    navigator.state_changed.connect(states.append)
    driver.next()
    assert states == ["result"]
    assert driver.screen == "screen-result"
    same(driver)


def test_a_late_tap_for_a_screen_already_left_does_nothing(driver) -> None:
    from kiosk.ui.navigator import Event

    driver.click("start")
    before = driver.screen_content()
    navigator = driver.kiosk.navigator  # the state machine under test
    navigator.fire(Event.PRINT)  # Print belongs to the result screen
    navigator.fire(Event.ANSWER, "circumstance", "lost")
    assert driver.state == "services" and driver.screen_content() == before


def test_the_idle_warning_is_content_too(qtbot, fast_settings) -> None:
    driver = KioskDriver.start(qtbot, settings=fast_settings)
    driver.click("start")
    driver.choose_service("id-card-restoration")
    driver.idle_warning()
    warning = driver.screen_content()
    assert warning.screen == "idle-warning"
    overlay = driver.window.findChild(QWidget, "idle-overlay")
    shown = {
        widget.text()
        for widget in overlay.findChildren(QWidget)
        if isinstance(widget, QLabel | QAbstractButton) and widget.isVisible()
    }
    assert shown == set(warning.texts())
    driver.language("en")  # the warning follows the language
    assert driver.screen_content().language == "en"
    assert driver.text_of("idle-more-time") == driver.screen_content().choices[0].label
    driver.click("idle-more-time")
    assert driver.screen_content().screen == "question"


def test_staff_screens_paint_their_content(qtbot, tmp_path) -> None:
    from kiosk.settings import Settings
    from kiosk.storage.pin import PinStore

    PinStore(tmp_path).set_pin("482916")
    driver = KioskDriver.start(qtbot, settings=Settings(data_folder=tmp_path))
    driver.open_attendant()
    same(driver)
    assert [c.label for c in driver.screen_content().choices][:10] == list("1234567890")
    for digit in "482916":
        driver.click(f"pin-{digit}")
    driver.click("pin-ok")
    assert driver.state == "dashboard"
    assert driver.text_of("heading") == driver.screen_content().heading
    dashboard = driver.screen_content()
    painted_lines = painted(driver)
    for fact in dashboard.facts:
        assert set(fact.text.split("\n")) <= painted_lines, fact.id
    for message in dashboard.messages:
        shown = f"{message.title} {message.text}" if message.title else message.text
        assert set(shown.split("\n")) <= painted_lines
    driver.click("out-of-order")
    driver.click("attendant-logout")
    assert driver.state == "out-of-order"
    same(driver)
    assert {f.text for f in driver.screen_content().facts} <= painted(driver)


def test_a_failed_print_keeps_the_codes_in_the_content(qtbot, tmp_path) -> None:
    from kiosk.printing.backends import PrinterFault, PrinterStatus
    from kiosk.settings import Settings

    class Jammed:
        name = "jammed"

        def status(self):
            return PrinterStatus.READY

        def print_slip(self, slip):
            raise PrinterFault("paper jam", sent=False)

    settings = Settings(data_folder=tmp_path)
    driver = KioskDriver.start(qtbot, settings=settings, printer=Jammed())
    driver.click("start")
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    driver.next()
    codes = [item.payload for item in driver.screen_content().qr if item.id != "online"]
    assert driver.print_slip() == "failed"
    content = driver.screen_content()
    assert [item.payload for item in content.qr] == codes
    assert content.action("print-retry") is not None
    same(driver)
