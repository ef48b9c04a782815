"""The articles' rules as a visitor meets them on the screens, in kk, ru and en (the same
rules in the quote JSON: tests/logic/test_rules.py, which quotes each sentence)."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.logic.i18n import LANGUAGES
from kiosk.testing import KioskDriver
from tests.logic.helpers import ID_LOST_FIRST_STANDARD

ID = "id-card-restoration"
LICENCE = "driving-licence-replacement"
ID_LOST = ID_LOST_FIRST_STANDARD
LICENCE_EXPIRED = {
    "reason": "expired",
    "medical-exam": "yes",
    "unpaid-fines": "no",
    "recent-photo-document": "yes",
    "duty-paid-before": "no",
}
SIGN = {
    "kk": "Өтінімге қол қоюдың қолжетімді тәсілдерінің бірімен қол қойыңыз.",
    "ru": "Подпишите заявку одним из доступных способов.",
    "en": "Sign the application by one of the available methods.",
}


def to_documents(qtbot, language: str, service: str, answers: dict[str, str], today: date):
    driver = KioskDriver.start(qtbot, today=today)
    driver.click(f"lang-{language}")
    driver.choose_service(service)
    driver.answer_all(answers)
    assert driver.screen == "screen-review"
    driver.next()
    assert driver.screen == "screen-documents"
    return driver


def to_result(qtbot, language: str, service: str, answers: dict[str, str], today: date):
    driver = to_documents(qtbot, language, service, answers, today)
    driver.next()
    assert driver.screen == "screen-result"
    return driver


@pytest.mark.parametrize("language", LANGUAGES)
def test_online_for_an_expired_licence_from_april_2026(qtbot, language: str) -> None:
    before = to_result(qtbot, language, LICENCE, LICENCE_EXPIRED, date(2026, 3, 31))
    content = before.screen_content()
    assert "warning-online-available" not in {m.id for m in content.messages}
    assert "online" not in {item.id for item in content.qr}
    assert not before.visible("qr-online")
    after = to_result(qtbot, language, LICENCE, LICENCE_EXPIRED, date(2026, 4, 1))
    content = after.screen_content()
    assert "warning-online-available" in {m.id for m in content.messages}
    assert "online" in {item.id for item in content.qr}
    portal = next(item for item in content.qr if item.id == "online")
    assert portal.payload.startswith("https://egov.kz/") and after.visible("qr-online")
    steps = content.fact("online-steps").splitlines()
    assert len(steps) == 5 and steps[-1] == f"5. {SIGN[language]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_licence_needs_no_signature_or_phone_paper(qtbot, language: str) -> None:
    driver = to_documents(qtbot, language, LICENCE, LICENCE_EXPIRED, date(2026, 11, 23))
    shown = [choice.id for choice in driver.screen_content().choices]
    assert shown == ["document-id-card", "document-duty-receipt"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_sure_it_was_stolen_goes_on_as_lost(qtbot, language: str) -> None:
    unknown = {"kk": "белгісіз", "ru": "неизвестны", "en": "unknown"}[language]
    driver = KioskDriver.start(qtbot, today=date(2026, 11, 23))
    driver.click(f"lang-{language}")
    driver.choose_service(ID)
    options = [choice.id for choice in driver.screen_content().choices]
    assert options == [
        "option-circumstance-lost",
        "option-circumstance-stolen",
        "option-circumstance-not-sure",
    ]
    driver.answer("circumstance", "not-sure")
    assert driver.screen_content().subject == "losses-this-year"  # no police talon asked
    driver.answer_all(ID_LOST)
    driver.next()
    statement = next(c for c in driver.screen_content().choices if c.id == "document-application")
    assert unknown in statement.detail
    driver.next()
    notes = {m.id: m.text for m in driver.screen_content().messages}
    assert unknown in notes["note-circumstances-unknown"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_loss_is_reported_to_the_state_corporation(qtbot, language: str) -> None:
    whom = {"kk": "Азаматтарға арналған үкімет", "ru": "Правительство для граждан"}
    driver = to_result(qtbot, language, ID, ID_LOST, date(2026, 11, 23))
    text = {m.id: m.text for m in driver.screen_content().messages}["warning-report-loss-now"]
    assert whom.get(language, "Government for Citizens") in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_exempt_visitor_is_never_told_to_pay_by_qr(qtbot, language: str) -> None:
    answers = {**ID_LOST, "duty-exemption": "yes"}
    driver = to_documents(qtbot, language, ID, answers, date(2026, 11, 23))
    assert not any("QR" in text for text in driver.screen_content().texts())
    driver.next()
    content = driver.screen_content()
    assert not content.qr and not any(driver.visible(f"qr-{p}") for p in ("state-budget",))
    assert not any("QR" in text for text in content.texts()), content.texts()


@pytest.mark.parametrize("language", LANGUAGES)
def test_previously_paid_is_said_to_be_the_online_applications(qtbot, language: str) -> None:
    online = {"kk": "онлайн өтінім", "ru": "онлайн-заявк", "en": "online application"}[language]
    answers = {**LICENCE_EXPIRED, "reason": "early", "duty-paid-before": "yes"}
    del answers["medical-exam"]
    driver = to_result(qtbot, language, LICENCE, answers, date(2026, 11, 23))
    content = driver.screen_content()
    notes = {m.id: m.text for m in content.messages}
    assert online in notes["note-previously-paid"]
    assert not content.qr or {item.id for item in content.qr} == {"online"}  # nothing to pay
