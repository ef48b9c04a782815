"""Audio mode: a visitor who cannot see the screen goes the whole way by ear and by keys,
in each language, for each service: the screens are said from their content (headings,
options with their numbers, the total in words), the keys move, choose and go back, and the
slip prints."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.logic.i18n import Language
from kiosk.logic.spoken import words
from kiosk.testing import KioskDriver
from tests.logic.helpers import ID_LOST_FIRST_STANDARD, LICENCE_EARLY
from tests.ui.conftest import TODAY

K = Qt.Key
JOURNEYS = {
    "id-card-restoration": ID_LOST_FIRST_STANDARD,
    "driving-licence-replacement": LICENCE_EARLY,
}
FIRST_OPTION = {"kk": "Нұсқа бір, барлығы", "ru": "Вариант один из", "en": "Option one of"}
TOTAL_IN_WORDS = {  # 0.2 MCI and 1.25 MCI of 4 325 ₸
    ("id-card-restoration", "kk"): "сегіз жүз алпыс бес теңге",
    ("id-card-restoration", "ru"): "восемьсот шестьдесят пять тенге",
    ("id-card-restoration", "en"): "eight hundred and sixty-five tenge",
    ("driving-licence-replacement", "kk"): "бес мың төрт жүз алты теңге",
    ("driving-licence-replacement", "ru"): "пять тысяч четыреста шесть тенге",
    ("driving-licence-replacement", "en"): "five thousand, four hundred and six tenge",
}


def said(driver: KioskDriver, language: str) -> str:
    """Everything said so far in `language`, as one text."""
    return " ".join(text for spoken_in, text in driver.spoken() if spoken_in == language)


def focused(driver: KioskDriver) -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def move_to(driver: KioskDriver, name: str) -> None:
    """Press Down until the keys stand on the button `name` (and its ring is round it)."""
    for _ in range(60):
        if focused(driver) == name and driver.widget(name).isVisible():
            ring = driver.widget("focus-ring")
            assert ring.isVisible() and ring.geometry().contains(
                driver.widget(name).mapTo(driver.window, driver.widget(name).rect().center())
            )
            return
        driver.press(K.Key_Down)
    raise AssertionError(f"the keys never reached {name} on {driver.state}")


def choose(driver: KioskDriver, name: str) -> None:
    move_to(driver, name)
    driver.press(K.Key_Return)


def heard_screen(driver: KioskDriver) -> None:
    """The screen's heading and every choice on it were said, in the shown language."""
    content = driver.screen_content()
    text = said(driver, content.language)
    assert words(content.heading, content.language) in text, (content.heading, text[-500:])
    for choice in content.choices:
        if choice.id.startswith("lang-"):
            continue  # each language's name is said in that language
        assert words(choice.label, content.language) in text, choice.label


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
@pytest.mark.parametrize("service", sorted(JOURNEYS))
def test_a_whole_journey_by_keys_alone(qtbot, tmp_path, language: Language, service: str) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY)
    driver.press(K.Key_Space)  # any key starts audio mode
    assert driver.kiosk.navigator.session.audio
    assert driver.spoken(), "audio mode says the welcome screen"
    choose(driver, f"lang-{language}")
    assert driver.screen_content().language == language
    heard_screen(driver)
    choose(driver, "start")
    assert driver.state == "services"
    heard_screen(driver)
    choose(driver, f"service-{service}")
    answers = JOURNEYS[service]
    while driver.state == "question":
        content = driver.screen_content()
        heard_screen(driver)
        if len(content.choices) > 1:  # options are said with their numbers
            assert FIRST_OPTION[language] in said(driver, language)
        option = answers.get(content.subject) or content.choices[0].value
        choose(driver, f"option-{content.subject}-{option}")
    assert driver.state == "review", driver.state
    heard_screen(driver)
    choose(driver, "nav-next")
    assert driver.state == "documents"
    heard_screen(driver)
    choose(driver, "nav-next")
    assert driver.state == "result"
    content = driver.screen_content()
    assert content.total is not None
    text = said(driver, language)
    assert words(content.total.text, language) in text
    assert TOTAL_IN_WORDS[service, language] in text
    for code in content.qr:
        if code.id != "online":
            assert words(code.title, language) in text
    choose(driver, "print-slip")
    assert driver.wait_for_print() == "printed"
    assert driver.state in ("printing", "thanks")
    assert list((driver.data_folder / "slips").glob("*.pdf")), "the slip was printed"
