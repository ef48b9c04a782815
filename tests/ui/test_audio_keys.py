"""Audio mode's keys and behaviour: how it starts and ends, Help, Repeat, Back, numbers,
volume, the slip read aloud, the idle warning, the ring a partially sighted visitor follows,
and a sound device that fails (told to staff, never in the visitor's way)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.logic.spoken import words
from kiosk.settings import Settings, Speech, Timing
from kiosk.storage.pin import PinStore
from kiosk.testing import KioskDriver
from tests.logic.helpers import ID_LOST_FIRST_STANDARD
from tests.ui.conftest import TODAY
from tests.ui.test_audio_mode import choose, move_to, said

K = Qt.Key
KEYPAD = Qt.KeyboardModifier.KeypadModifier


def listening(qtbot, language: str = "en", **start) -> KioskDriver:
    """A kiosk in audio mode (any key), the language chosen and Start pressed, by keys."""
    driver = KioskDriver.start(qtbot, today=TODAY, **start)
    driver.press(K.Key_A)
    choose(driver, f"lang-{language}")
    choose(driver, "start")
    return driver


def last(driver: KioskDriver) -> tuple[str, str]:
    return driver.spoken()[-1]


def to_result(driver: KioskDriver, language: str = "en") -> None:
    driver.press(K.Key_A)
    choose(driver, f"lang-{language}")
    choose(driver, "start")
    choose(driver, "service-id-card-restoration")
    while driver.state == "question":
        subject = driver.screen_content().subject
        choose(driver, f"option-{subject}-{ID_LOST_FIRST_STANDARD[subject]}")
    choose(driver, "nav-next")
    choose(driver, "nav-next")
    assert driver.state == "result"


def test_listen_button_starts_it_and_taps_alone_say_nothing(qtbot) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY)
    driver.click("start")
    assert driver.spoken() == []  # a visitor who taps hears nothing
    driver.click("nav-back")
    driver.click("audio-mode")
    assert driver.kiosk.navigator.session.audio
    assert driver.widget("audio-mode").isChecked()
    language, text = driver.spoken()[0]
    assert language == "kk" and text.startswith("Дыбыстық режим қосылды")
    assert ("ru", "Русский. Чтобы выбрать русский язык, нажмите Enter.") in driver.spoken()
    assert ("en", "English. To choose English, press Enter.") in driver.spoken()
    driver.click("audio-mode")  # and off again
    assert not driver.kiosk.navigator.session.audio


def test_help_repeat_back_numbers_and_volume(qtbot) -> None:
    driver = listening(qtbot, "en")
    driver.press(K.Key_2)  # the second service, by its number
    assert driver.state == "question"
    content = driver.screen_content()
    driver.press(K.Key_F1)
    language, help_said = last(driver)
    assert language == "en" and help_said.startswith(f"You are on the screen: {content.heading}")
    assert "Question one of" in help_said or "Question one" in help_said
    driver.press(K.Key_0, KEYPAD)  # keypad 0: help too
    assert last(driver)[1] == help_said
    driver.press(K.Key_2, KEYPAD)  # keypad 2: the next item
    first = last(driver)[1]
    assert first.startswith("Option one of")
    driver.press(K.Key_Period, KEYPAD)  # repeat
    assert last(driver)[1] == first
    driver.press(K.Key_Plus)
    assert last(driver)[1] == "Louder"
    assert driver.kiosk.guide.speaker.volume == 120
    driver.press(K.Key_Minus)
    driver.press(K.Key_Minus)
    assert driver.kiosk.guide.speaker.volume == 80
    driver.press(K.Key_Backspace)
    assert driver.state == "services"
    driver.press(K.Key_4, KEYPAD)  # keypad 4: back
    assert driver.state == "welcome"
    assert driver.kiosk.navigator.session.audio, "going back by keys keeps audio mode"
    assert driver.kiosk.guide.speaker.volume == 100, "the volume is the next visitor's again"


def test_start_over_by_keys_asks_aloud_and_keeps_audio_mode(qtbot) -> None:
    driver = listening(qtbot, "ru")
    choose(driver, "service-id-card-restoration")
    choose(driver, "nav-home")
    assert driver.screen_content().screen == "confirm"
    assert last(driver)[1].startswith(words(driver.screen_content().heading, "ru"))
    driver.press(K.Key_Escape)  # Back on the question: No
    assert driver.state == "question"
    choose(driver, "nav-home")
    choose(driver, "confirm-yes")
    assert driver.state == "welcome"
    assert driver.kiosk.navigator.session.audio
    # A new session (its own log), in the language the visitor chose by ear.
    assert driver.spoken()[0][1].startswith("Добро пожаловать")
    assert driver.screen_content().language == "ru"
    assert ("kk", "Қазақша. Қазақ тілін таңдау үшін Enter басыңыз.") in driver.spoken()


def test_the_result_reads_the_whole_slip_on_request(qtbot) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY)
    to_result(driver)
    for _ in range(80):
        driver.press(K.Key_Down)
        if last(driver)[1] == "Hear the whole summary slip.":
            break
    driver.press(K.Key_Return)
    slip = last(driver)[1]
    assert "Slip number: K zero one," in slip  # spelled out, not added up
    assert "Missing: " in slip and "[ ]" not in slip  # the paper's marks in words
    assert "eight hundred and sixty-five tenge" in slip
    assert driver.state == "result", "hearing the slip changes nothing"


def test_idle_warning_is_said_and_any_key_is_more_time_then_idle_ends_it(qtbot) -> None:
    settings = Settings(timing=Timing(idle=0.3, countdown=2, tap_guard=0))
    driver = listening(qtbot, settings=settings)
    driver.wait_until(lambda: driver.screen_content().screen == "idle-warning", 5)
    assert words(driver.screen_content().heading, "en") in said(driver, "en")
    driver.press(K.Key_X)
    assert driver.screen_content().screen == "services"
    driver.wait_until(lambda: driver.state == "welcome", 10)
    assert not driver.kiosk.navigator.session.audio, "the visitor left: audio mode ends"
    assert driver.spoken() == []
    assert not driver.window.findChild(QWidget, "focus-ring").isVisible()


def test_the_ring_is_thick_amber_round_what_the_keys_stand_on(qtbot) -> None:
    driver = listening(qtbot, "en")
    move_to(driver, "service-driving-licence-replacement")
    target = driver.widget("service-driving-licence-replacement")
    ring = driver.widget("focus-ring")
    assert ring.isVisible()
    QApplication.processEvents()
    shot = driver.window.grab().toImage()
    corner = target.mapTo(driver.window, target.rect().topLeft())
    amber = 0
    for offset in range(1, 12):  # just outside the button's left edge, half-way down
        colour = shot.pixelColor(corner.x() - offset, corner.y() + target.height() // 2)
        if colour.red() > 200 and 150 < colour.green() < 230 and colour.blue() < 80:
            amber += 1
    assert amber >= 4, "an amber band at least 4 px wide"


def test_a_sound_device_that_fails_is_told_to_staff_and_the_visitor_goes_on(
    qtbot, tmp_path
) -> None:
    PinStore(tmp_path).set_pin("482916")
    settings = Settings(data_folder=tmp_path, speech=Speech(device="no-such-device"))
    driver = KioskDriver.start(qtbot, settings=settings, today=TODAY)
    to_result(driver)
    guide = driver.kiosk.guide
    driver.wait_until(lambda: "no-such-device" in guide.fault(), 5)
    assert words(driver.screen_content().heading, "en") in said(driver, "en")
    driver.kiosk.navigator.reset()
    driver.kiosk.staff.open()
    for digit in "482916":
        driver.click(f"pin-{digit}")
    driver.click("pin-ok")
    assert driver.state == "dashboard"
    assert any("no-such-device" in text for text in driver.visible_texts())


def test_a_document_ticked_by_keys_keeps_its_place_and_says_its_state(qtbot) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY)
    to_result(driver)
    choose(driver, "nav-back")
    assert driver.state == "documents"
    document = driver.screen_content().choices[0]
    choose(driver, document.id)
    ticked = driver.screen_content().choices[0]
    assert ticked.selected != document.selected
    assert last(driver)[1].startswith(words(ticked.label, "en")), last(driver)
    assert QApplication.focusWidget().objectName() == document.id  # the keys stay on it
    driver.press(K.Key_Return)  # and untick it
    assert driver.screen_content().choices[0].selected == document.selected


def test_call_staff_by_keys_says_that_staff_are_coming(qtbot) -> None:
    driver = listening(qtbot, "en")
    choose(driver, "call-staff")
    assert driver.kiosk.navigator.session.staff_called
    assert last(driver) == ("en", "A member of staff has been called and is on the way.")


def test_the_language_can_be_changed_by_keys_from_the_header(qtbot) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY)
    driver.press(K.Key_A)
    choose(driver, "start")
    choose(driver, "service-id-card-restoration")
    move_to(driver, "lang-ru")
    assert last(driver) == ("ru", "Русский. Чтобы выбрать русский язык, нажмите Enter.")
    driver.press(K.Key_Return)
    assert driver.screen_content().language == "ru"
    assert (
        last(driver)[0] == "ru" and words(driver.screen_content().heading, "ru") in last(driver)[1]
    )


def test_keypad_digits_and_lone_modifiers_never_answer(qtbot) -> None:
    driver = listening(qtbot, "en")
    choose(driver, "service-id-card-restoration")
    said_before = len(driver.spoken())
    for key in (K.Key_Shift, K.Key_NumLock, K.Key_Control):
        driver.press(key)
    assert len(driver.spoken()) == said_before, "a lone Shift or Num Lock says nothing"
    driver.press(K.Key_3, KEYPAD)  # beside 2 and 5: not "option 3"
    assert driver.state == "question" and driver.screen_content().subject == "circumstance"
    assert last(driver) == ("en", "Press Down to hear the items, and Enter to choose.")
    driver.press(K.Key_3)  # the top row's 3 is option 3
    assert driver.screen_content().subject != "circumstance"  # answered, on to the next


def test_the_review_says_each_question_then_its_answer(qtbot) -> None:
    driver = KioskDriver.start(qtbot, today=TODAY)
    to_result(driver)
    choose(driver, "nav-back")
    choose(driver, "nav-back")
    assert driver.state == "review"
    move_to(driver, "change-circumstance")
    assert last(driver) == (
        "en",
        "What happened to your ID card? Your answer: I lost it. Press Enter to change it.",
    )


def test_the_slip_item_is_named_alike_where_it_is_said_and_where_it_is_pressed() -> None:
    from kiosk.logic import narration
    from kiosk.ui import audio_guide

    assert audio_guide.SLIP_ITEM == narration.SLIP_ITEM
