"""The end of the journey, at the four screen sizes a kiosk has (landscape 1280×800,
1024×768, 1920×1080 and portrait 1080×1920): every payment code wholly in view, big enough
and decodable, beside the total and Print; taps too soon after a screen change do nothing;
screens open at their top; the idle warning never covers a code; questions asked before
something is lost; Call staff; the documents as the answers say."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QScrollArea, QWidget

from kiosk.logic.i18n import LANGUAGES
from kiosk.settings import Settings, Timing
from kiosk.storage.pin import PinStore
from kiosk.testing import ID_CARD_STOLEN, LICENCE_EXPIRED, KioskDriver
from kiosk.ui.widgets.qr_view import QrView

from .pixels import decode_qr

TODAY = date(2026, 11, 23)
SIZES = [(1280, 800), (1024, 768), (1920, 1080), (1080, 1920)]
PIN = "482916"


def at_result(qtbot, size, language="kk", **timing) -> KioskDriver:
    settings = Settings(timing=Timing(**timing))
    driver = KioskDriver.start(qtbot, settings=settings, today=TODAY, size=size)
    driver.click(f"lang-{language}")
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    driver.next()
    assert driver.screen == "screen-result"
    return driver


def in_view(driver: KioskDriver, widget: QWidget, rect: QRect) -> bool:
    """Whether `rect` (in `widget`'s coordinates) is wholly on screen, unclipped and between
    the header and the footer."""
    if not widget.visibleRegion().boundingRect().contains(rect):
        return False
    window = driver.window
    top_left = widget.mapTo(window, rect.topLeft())
    shown = QRect(top_left, rect.size())
    stack = window.findChild(QWidget, "screens")
    area = QRect(stack.mapTo(window, QPoint(0, 0)), stack.size())
    return area.contains(shown)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_payment_code_is_in_view_with_the_total_and_print(qtbot, size, language) -> None:
    driver = at_result(qtbot, size, language)
    content = driver.screen_content()
    payments = [item for item in content.qr if item.id != "online"]
    assert len(payments) == 2
    for number, item in enumerate(payments, start=1):
        assert f"{number}" in item.title and "2" in item.title  # "1 of 2: State duty"
        qr = driver.widget(f"qr-{item.id}")
        assert isinstance(qr, QrView)
        code = qr.code_rect()
        assert code.width() >= 240 and code.height() >= 240, (item.id, code)
        assert in_view(driver, qr, code), (item.id, size)
        assert decode_qr(qr) == [item.payload]
    for name in ("print-slip", "progress"):  # Print, and the total beside it
        assert in_view(driver, driver.widget(name), driver.widget(name).rect()) or (
            driver.widget(name).window() is driver.window
        )
    assert content.total is not None and content.total.text in driver.text_of("progress")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_egov_code_is_apart_and_says_it_is_no_payment(qtbot, size) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY, size=size)
    driver.choose_service("driving-licence-replacement")
    driver.answer_all(LICENCE_EXPIRED)
    driver.next()
    driver.next()
    content = driver.screen_content()
    assert [item.id for item in content.qr][-1] == "online"
    online = driver.window.findChild(QWidget, "qr-online")
    assert online is not None and not driver.widget("pay-panel").isAncestorOf(online)
    for item in content.qr[:-1]:  # the payments: in the panel, wholly in view
        qr = driver.widget(f"qr-{item.id}")
        assert driver.widget("pay-panel").isAncestorOf(qr)
        assert in_view(driver, qr, qr.code_rect())
    note = driver.window.findChild(QWidget, "online-note")
    assert note is not None and note.text() == content.fact("online-note")


def test_the_steps_say_what_to_do_now(qtbot) -> None:
    driver = at_result(qtbot, (1280, 800), "en")
    steps = driver.text_of("steps-text")
    assert steps.startswith("1. ") and "\n2. " in steps and "\n3. " in steps
    assert "bank app" in steps and "window" in steps


def test_a_tap_too_soon_after_a_screen_change_does_nothing(qtbot) -> None:
    settings = Settings(timing=Timing(tap_guard=0.35))
    driver = KioskDriver.start(qtbot, settings=settings, today=TODAY)
    qtbot.wait(400)  # the welcome screen has just been shown too
    driver.click("start")
    driver.click("service-id-card-restoration")  # the second tap of a double tap
    assert driver.screen == "screen-services"
    qtbot.wait(400)
    driver.click("service-id-card-restoration")
    assert driver.question == "circumstance"
    qtbot.wait(400)
    driver.click("option-circumstance-stolen")
    driver.click("option-police-talon-yes")  # too soon: the next question is not answered
    assert (
        driver.question == "police-talon" and "police-talon" not in driver.remembered()["answers"]
    )
    for question, option in list(ID_CARD_STOLEN.items())[1:]:
        qtbot.wait(400)
        driver.click(f"option-{question}-{option}")
    for _ in range(2):
        qtbot.wait(400)
        driver.click("nav-next")
    assert driver.screen == "screen-result"
    qtbot.wait(400)
    driver.click("nav-back")
    qtbot.wait(400)
    driver.click("nav-next")
    driver.click("print-slip")  # a finger still on the spot where Continue was
    assert driver.screen == "screen-result" and driver.kiosk.jobs.current is None


def test_every_screen_opens_at_its_top_with_nothing_of_the_last_visitor(qtbot) -> None:
    settings = Settings(timing=Timing())
    driver = KioskDriver.start(qtbot, settings=settings, today=TODAY, size=(1024, 768))
    driver.click("a11y-large-text")  # long enough to scroll
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    assert driver.screen == "screen-documents"
    [area] = driver.widget("screen-documents").findChildren(QScrollArea)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    driver.next()
    driver.back()
    assert bar.value() == 0  # back on the documents: at their top
    bar.setValue(bar.maximum())
    driver.walk_away()
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    assert bar.value() == 0  # the next visitor starts at the top
    from PySide6.QtWidgets import QAbstractButton, QApplication

    focused = QApplication.focusWidget()
    assert focused is None or not driver.window.isAncestorOf(focused) or focused.hasFocus()
    assert not any(b.isDown() for b in driver.window.findChildren(QAbstractButton))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_idle_warning_over_the_codes_covers_none(qtbot, size) -> None:
    driver = at_result(qtbot, size, idle_result=0.2, countdown=5)
    driver.wait_until(lambda: driver.screen_content().screen == "idle-warning", 3)
    overlay = driver.window.overlay
    covered = QRect(overlay.pos(), overlay.size())
    for payee in ("state-budget", "state-corporation"):
        qr = driver.widget(f"qr-{payee}")
        code = qr.code_rect()
        shown = QRect(qr.mapTo(driver.window, code.topLeft()), code.size())
        assert not covered.intersects(shown), payee
    driver.click("idle-more-time")
    assert driver.screen == "screen-result"


def test_the_pin_pad_cancels_to_the_welcome_and_ends_on_its_own(qtbot, tmp_path) -> None:
    PinStore(tmp_path).set_pin(PIN)
    settings = Settings(data_folder=tmp_path, timing=Timing(idle=0.3))
    driver = KioskDriver.start(qtbot, settings=settings, today=TODAY)
    driver.choose_service("id-card-restoration")
    driver.open_attendant()
    driver.click("pin-cancel")
    assert driver.screen == "screen-welcome"  # never back to a visitor who may have gone
    driver.open_attendant()
    assert driver.screen == "screen-pin"
    driver.wait_until(lambda: driver.screen == "screen-welcome", 3)  # left alone


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_start_over_and_finish_without_a_slip_ask_once(qtbot, size) -> None:
    driver = at_result(qtbot, size, "en")
    panel = driver.window.confirm_overlay.panel
    driver.click("finish")
    asked = driver.screen_content()
    assert asked.screen == "confirm" and asked.subject == "finish-unprinted"
    question = driver.widget("confirm-question")  # the whole question, and both answers
    assert question.height() >= question.heightForWidth(question.width())
    for name in ("confirm-yes", "confirm-no"):
        button = driver.widget(name)
        assert button.width() >= button.sizeHint().width() and panel.isAncestorOf(button)
    assert driver.window.rect().contains(panel.geometry())
    assert driver.confirm(yes=False) and driver.screen == "screen-result"
    driver.click("nav-home")
    assert driver.screen_content().subject == "start-over"
    assert driver.confirm(yes=False) and driver.remembered()["answers"]
    driver.click("nav-home")
    assert driver.confirm(yes=True) and driver.screen == "screen-welcome"
    assert not driver.remembered()["answers"]
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    driver.next()
    driver.click("finish")
    assert driver.confirm(yes=True) and driver.screen == "screen-thanks"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_call_staff_is_seen_by_the_visitor_and_on_the_dashboard(qtbot, tmp_path, size) -> None:
    PinStore(tmp_path).set_pin(PIN)
    settings = Settings(data_folder=tmp_path)
    driver = KioskDriver.start(qtbot, settings=settings, today=TODAY, size=size)
    driver.click("lang-en")
    driver.choose_service("id-card-restoration")
    driver.click("call-staff")
    button = driver.widget("call-staff")
    said = driver.kiosk.strings.text("call-staff.called", "en")
    assert button.text() == said and not button.isEnabled()
    driver.open_attendant()
    for digit in PIN:
        driver.click(f"pin-{digit}")
    driver.click("pin-ok")
    call = driver.text_of("staff-called")
    assert "K01" in call and ":" in call
    driver.click("clear-call")
    assert not driver.visible("staff-called")
    actions = [action for _, action in driver.journal.audit_log()]
    assert "a visitor called staff" in actions and "staff call answered" in actions
    driver.click("attendant-logout")
    assert driver.widget("call-staff").isEnabled()  # the next visitor may call again


@pytest.mark.parametrize(("language", "logo"), [("kk", "ХҚКО"), ("ru", "ЦОН"), ("en", "PSC")])
def test_the_logo_in_each_language(qtbot, language, logo) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY)
    driver.click(f"lang-{language}")
    assert driver.text_of("logo") == logo


def test_documents_the_answers_say_the_visitor_has_are_ticked(qtbot) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY)
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)  # the police talon: yes; a passport for abroad: yes
    driver.next()
    statuses = {choice.id: choice.status for choice in driver.screen_content().choices}
    assert statuses["document-police-talon"] == "have"
    assert statuses["document-foreign-passport"] == "have"
    assert statuses["document-application"] != "have"
    assert driver.widget("document-police-talon").property("status") == "have"
    driver.click("document-police-talon")  # left at home after all: the visitor unticks it
    assert driver.widget("document-police-talon").property("status") != "have"


def test_a_blocker_prints_what_to_do_first(qtbot, tmp_path) -> None:
    driver = KioskDriver.start(qtbot, settings=Settings(data_folder=tmp_path), today=TODAY)
    driver.choose_service("driving-licence-replacement")
    driver.answer_all({"reason": "expired", "medical-exam": "no"})
    assert driver.screen == "screen-blocker"
    assert driver.print_slip() == "printed"
    reference = driver.reference
    assert reference is not None and (tmp_path / "slips" / f"{reference}.pdf").exists()
