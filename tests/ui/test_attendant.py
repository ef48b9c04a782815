"""Attendant mode: PIN, lock-out, dashboard, reprint, out of order, catalogue reload, exit;
and nothing a visitor chose is kept beyond service-level facts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.settings import ASSETS, Settings, Timing
from kiosk.storage.pin import PinStore
from kiosk.testing import ID_CARD_STOLEN, KioskDriver

TODAY = date(2026, 11, 23)
PIN = "482916"


def kiosk(qtbot, folder: Path, **settings) -> KioskDriver:
    return KioskDriver.start(qtbot, settings=Settings(data_folder=folder, **settings), today=TODAY)


def enter_pin(driver: KioskDriver, pin: str) -> None:
    for digit in pin:
        driver.click(f"pin-{digit}")
    driver.click("pin-ok")


def service_title(driver: KioskDriver, service: str) -> str:
    """The title the service list shows for `service`."""
    content = driver.screen_content()
    assert content.screen == "services"
    [choice] = [choice for choice in content.choices if choice.id == f"service-{service}"]
    return choice.label


def served_title(driver: KioskDriver) -> str:
    """From the dashboard: the title visitors are now shown for the ID card service (staff
    serve a visitor to see it, then come back to the dashboard)."""
    driver.click("serve-visitor")
    driver.click("start")
    title = service_title(driver, "id-card-restoration")
    driver.open_attendant()
    assert driver.screen == "screen-dashboard"
    return title


def test_no_default_pin(qtbot, tmp_path) -> None:
    driver = kiosk(qtbot, tmp_path)
    driver.open_attendant()
    assert driver.screen == "screen-pin"
    assert "kiosk set-pin" in driver.text_of("pin-message")
    enter_pin(driver, "0000")
    assert driver.screen == "screen-pin"


def test_ctrl_alt_a_and_long_press_open_the_pin_pad(qtbot, tmp_path) -> None:
    driver = kiosk(qtbot, tmp_path, timing=Timing(long_press=0.1))
    QTest.keyClick(
        driver.window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    assert driver.screen == "screen-pin"
    driver.click("pin-cancel")
    assert driver.screen == "screen-welcome"
    logo = driver.widget("logo")
    QTest.mousePress(logo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: driver.screen == "screen-pin", timeout=2000)
    QTest.mouseRelease(logo, Qt.MouseButton.LeftButton)


def test_pin_is_masked_and_wrong_pins_lock_entry_across_restarts(qtbot, tmp_path) -> None:
    PinStore(tmp_path).set_pin(PIN)
    clock = Clock()
    driver = kiosk(qtbot, tmp_path)
    driver.kiosk.staff.pins = PinStore(tmp_path, clock=clock, boot=lambda: "boot-1")
    driver.open_attendant()
    driver.click("lang-en")
    driver.click("pin-1")
    field = driver.widget("attendant-pin")
    assert field.echoMode() == field.EchoMode.Password
    driver.click("pin-clear")
    for number in range(1, 10):
        enter_pin(driver, "111111")
        wait = 2 ** (number - 1)
        said = f"Wrong PIN. Next try in {wait} s. Tries left before entry is locked: {10 - number}"
        assert driver.text_of("pin-message").startswith(said)
        clock.now += wait
    enter_pin(driver, "111111")  # the tenth
    assert driver.screen == "screen-pin"
    assert "locked" in driver.text_of("pin-message")
    audit = [action for _, action in driver.journal.audit_log()]
    assert audit.count("wrong PIN") == 9
    assert "PIN entry locked after 10 wrong PINs (until kiosk set-pin)" in audit
    driver.close()
    # A restart does not lift the lock, nor does any time: only kiosk set-pin does.
    clock.now += 10 * 365 * 24 * 3600
    again = kiosk(qtbot, tmp_path)
    again.kiosk.staff.pins = PinStore(tmp_path, clock=clock, boot=lambda: "boot-2")
    again.open_attendant()
    again.click("lang-en")
    assert "locked" in again.text_of("pin-message")
    enter_pin(again, PIN)
    assert again.screen == "screen-pin" and "locked" in again.text_of("pin-message")
    assert not PinStore(tmp_path).check(PIN).ok


class Clock:
    """A monotonic clock the test steps by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_wait_counts_down_and_the_keys_stay_put(qtbot, tmp_path) -> None:
    PinStore(tmp_path).set_pin(PIN)
    clock = Clock()
    driver = kiosk(qtbot, tmp_path)
    driver.kiosk.staff.pins = PinStore(tmp_path, clock=clock, boot=lambda: "boot-1")
    driver.open_attendant()
    keys = driver.widget("pin-1").mapTo(driver.window, driver.widget("pin-1").rect().topLeft())
    for _ in range(3):  # three wrong PINs: a wait of 4 s
        enter_pin(driver, "111111")
        clock.now += 10
    enter_pin(driver, "111111")
    assert driver.text_of("pin-message").startswith("PIN қате. Келесі әрекетті 8 секундтан")
    moved = driver.widget("pin-1").mapTo(driver.window, driver.widget("pin-1").rect().topLeft())
    assert moved == keys  # a message of two lines does not push the keypad down
    clock.now += 5
    qtbot.waitUntil(lambda: "3 секундтан" in driver.text_of("pin-message"), timeout=3000)
    clock.now += 3
    qtbot.waitUntil(lambda: "қайта енгізуге болады" in driver.text_of("pin-message"), timeout=3000)
    assert "6 әрекет қалды" in driver.text_of("pin-message")
    enter_pin(driver, PIN)
    assert driver.screen == "screen-dashboard"


def test_a_pin_set_under_the_old_rules_still_opens_but_asks_for_a_new_one(qtbot, tmp_path) -> None:
    import hashlib
    import json

    salt = bytes(16)
    digest = hashlib.scrypt(b"1234", salt=salt, n=2**14, r=8, p=1)
    (tmp_path / "attendant.json").write_text(  # the first format: one PIN of 4 to 8 digits
        json.dumps({"salt": salt.hex(), "hash": digest.hex(), "failures": 0}), "utf-8"
    )
    driver = kiosk(qtbot, tmp_path)
    driver.open_attendant()
    driver.click("lang-en")
    enter_pin(driver, "1234")
    assert driver.screen == "screen-dashboard"
    assert "does not meet the current rules" in driver.text_of("dashboard-message")
    audit = [action for _, action in driver.journal.audit_log()]
    assert "attendant logged in with a PIN below today's rules" in audit


def test_dashboard_figures_reprint_and_logout(qtbot, tmp_path) -> None:
    PinStore(tmp_path).set_pin(PIN)
    driver = kiosk(qtbot, tmp_path)
    driver.click("start")
    title = service_title(driver, "id-card-restoration")  # as visitors are shown it
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    driver.next()
    assert driver.print_slip() == "printed"
    reference = driver.reference
    assert reference is not None
    driver.click("finish")
    driver.confirm()
    driver.click("finish")
    driver.confirm()
    driver.choose_service("driving-licence-replacement")
    driver.answer("reason", "early")
    driver.click("nav-home")
    driver.confirm()
    driver.open_attendant()
    enter_pin(driver, PIN)
    assert driver.screen == "screen-dashboard"
    assert driver.attendant
    driver.wait_until(lambda: driver.visible("counts"), 10)  # read when the journal is free
    content = driver.screen_content()
    counts = driver.text_of("counts")
    assert counts == content.fact("counts")
    said = lambda key: driver.kiosk.strings.text(key, "kk")  # noqa: E731 (the dashboard's words)
    assert f"{title}: 1" in counts and f"{said('attendant.outcome.completed')}: 1" in counts
    assert f"{said('attendant.outcome.abandoned')}: 1" in counts
    assert f"{said('attendant.language.kk')}: 2" in counts
    assert f"{said('attendant.screen.question')}: 1" in driver.text_of("gave-up")
    status = [message.text for message in content.messages]
    # The catalogue checks clean, but its expedite fees (the article's 2025 figures) are more
    # than a year old on this day: the dashboard asks staff to have them reviewed.
    assert not any(text.endswith(said("attendant.catalogue-ok")) for text in status), status
    assert any("'expedite-1-day'" in text and "more than a year" in text for text in status)
    driver.click(f"reprint-{reference}")
    driver.wait_until(lambda: driver.screen_content().text.startswith(f"{reference}: printed"))
    assert driver.text_of("dashboard-message") == driver.screen_content().text
    assert [s for s, _ in driver.journal.prints(reference)] == ["printed", "printed"]
    assert f"reprint {reference}" in driver.text_of("audit-log")
    driver.click("attendant-logout")
    assert driver.screen == "screen-welcome"
    assert not driver.attendant


def test_out_of_order_on_and_off(qtbot, tmp_path) -> None:
    PinStore(tmp_path).set_pin(PIN)
    driver = kiosk(qtbot, tmp_path)
    driver.open_attendant()
    enter_pin(driver, PIN)
    driver.click("out-of-order")
    driver.click("attendant-logout")
    assert driver.screen == "screen-out-of-order"
    for language in ("kk", "ru", "en"):
        assert driver.visible(f"out-of-order-{language}")
    driver.close()
    again = kiosk(qtbot, tmp_path)  # it stays out of order after a restart
    assert again.screen == "screen-out-of-order"
    again.open_attendant()
    enter_pin(again, PIN)
    again.click("out-of-order")
    again.click("attendant-logout")
    assert again.screen == "screen-welcome"


def test_catalogue_reload_refuses_a_broken_one(qtbot, tmp_path) -> None:
    folder = tmp_path / "catalogue"
    (folder / "services").mkdir(parents=True)
    shutil.copy(ASSETS / "fees.yaml", folder)
    for path in (ASSETS / "services").glob("*.yaml"):
        shutil.copy(path, folder / "services")
    PinStore(tmp_path).set_pin(PIN)
    driver = kiosk(qtbot, tmp_path, catalogue=folder)
    driver.open_attendant()
    enter_pin(driver, PIN)
    title = served_title(driver)
    renamed = f"{title} (2)"  # a change visitors would see once the catalogue is reloaded
    broken = folder / "services" / "id-card-restoration.yaml"
    text = broken.read_text(encoding="utf-8")
    assert title in text and "payee: state-budget" in text
    broken.write_text(
        text.replace(title, renamed).replace("payee: state-budget", "payee: nobody"),
        encoding="utf-8",
    )
    driver.click("reload-catalogue")
    assert "unknown payee 'nobody'" in driver.text_of("dashboard-message")
    assert served_title(driver) == title  # visitors are still served from the old one
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("payee: nobody", "payee: state-budget"),
        encoding="utf-8",
    )
    driver.click("reload-catalogue")
    assert "✓" in driver.text_of("dashboard-message")
    assert served_title(driver) == renamed  # and now from the reloaded one


def test_attendant_logged_out_when_idle_and_no_visitor_reset_while_in(qtbot, tmp_path) -> None:
    PinStore(tmp_path).set_pin(PIN)
    driver = kiosk(qtbot, tmp_path, timing=Timing(idle=0.1, countdown=0.1, attendant_idle=1.5))
    driver.open_attendant()
    enter_pin(driver, PIN)
    driver.click("serve-visitor")  # an assisted session: no idle reset
    driver.choose_service("id-card-restoration")
    qtbot.wait(300)
    assert driver.screen == "screen-question"
    assert driver.attendant
    qtbot.waitUntil(lambda: not driver.attendant, timeout=3000)
    assert driver.screen == "screen-welcome"


def test_exit_closes_the_kiosk(qtbot, tmp_path) -> None:
    PinStore(tmp_path).set_pin(PIN)
    driver = kiosk(qtbot, tmp_path)
    driver.window.allow_close = False
    driver.open_attendant()
    enter_pin(driver, PIN)
    driver.click("exit-kiosk")  # asks first: No keeps the kiosk running
    assert driver.screen_content().screen == "confirm"
    assert driver.confirm(yes=False) and driver.window.isVisible()
    assert driver.screen == "screen-dashboard"
    driver.click("exit-kiosk")
    assert driver.confirm(yes=True)
    assert not driver.window.isVisible()
    assert "kiosk closed by staff" in [a for _, a in driver.journal.audit_log()]


def test_set_pin_command(tmp_path) -> None:
    env_folder = {"KIOSK_DATA_FOLDER": str(tmp_path)}
    import os

    env = {**os.environ, **env_folder}
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "set-pin"],
        input="582047\n582047\n",
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert PinStore(tmp_path).check("582047").ok
    assert "582047" not in (tmp_path / "attendant.json").read_text(encoding="utf-8")
    bad = subprocess.run(
        [sys.executable, "-m", "kiosk", "set-pin"],
        input="12\n12\n",
        capture_output=True,
        text=True,
        env=env,
    )
    assert bad.returncode == 1 and "at least 6 digits" in bad.stderr


def test_next_years_mci_is_asked_for_from_1_december(qtbot, tmp_path) -> None:
    PinStore(tmp_path).set_pin(PIN)
    for day, warned in ((date(2026, 11, 30), False), (date(2026, 12, 1), True)):
        driver = KioskDriver.start(qtbot, settings=Settings(data_folder=tmp_path), today=day)
        driver.open_attendant()
        driver.click("lang-en")
        enter_pin(driver, PIN)
        problems = [m.text for m in driver.screen_content().messages if m.kind == "problem"]
        assert any("2027" in text for text in problems) is warned, problems
        texts = " ".join(driver.visible_texts())
        assert ("Next year's MCI (2027) is not configured" in texts) is warned
        driver.close()


def test_only_the_enabled_languages_are_offered(qtbot, tmp_path) -> None:
    driver = kiosk(qtbot, tmp_path, languages=("kk", "ru"), default_language="ru")
    offered = {choice.id for choice in driver.screen_content().choices}
    assert {"lang-kk", "lang-ru"} <= offered and "lang-en" not in offered
    assert driver.visible("lang-kk") and driver.visible("lang-ru")
    assert not driver.visible("lang-en")
    assert driver.remembered()["language"] == "ru"
    assert driver.screen_content().language == "ru"
    driver.click("start")  # every screen's language buttons: English is not among them
    assert driver.visible("lang-kk") and driver.visible("lang-ru")
    assert not driver.visible("lang-en")
    with pytest.raises(LookupError):
        driver.language("en")
    driver.language("kk")
    assert driver.remembered()["language"] == "kk" and driver.screen_content().language == "kk"


def test_data_folder_holds_nothing_a_visitor_saw(qtbot, tmp_path) -> None:
    import logging

    from kiosk.ui.logs import setup_logging

    setup_logging(tmp_path)  # the kiosk's own log file goes into the scan too
    file_handler = logging.getLogger().handlers[-1]
    driver = kiosk(qtbot, tmp_path)
    driver.click("lang-en")
    driver.choose_service("id-card-restoration")
    answers = []  # the answers as the visitor read them on screen
    while driver.question in ID_CARD_STOLEN:
        question = driver.question
        option = f"option-{question}-{ID_CARD_STOLEN[question]}"
        answers += [c.label for c in driver.screen_content().choices if c.id == option]
        driver.answer(question, ID_CARD_STOLEN[question])
    assert len(answers) == len(ID_CARD_STOLEN)
    driver.next()
    driver.click("document-application")
    driver.next()
    assert driver.print_slip() == "printed"
    seen = [text for text in driver.visible_texts() if len(text) > 12 and "K01-" not in text]
    driver.click("finish")
    driver.confirm()
    driver.click("finish")
    driver.confirm()
    left = driver.remembered()  # nothing of the visitor in memory either
    assert left["service"] is None and left["answers"] == {} and left["have"] == set()
    assert left["reference"] is None and left["question"] is None and left["quote"] is None
    driver.journal.close()
    logging.getLogger().removeHandler(file_handler)
    file_handler.close()
    assert (tmp_path / "kiosk.log").stat().st_size > 0
    stored = b""
    for path in tmp_path.rglob("*"):
        if path.is_file() and path.suffix != ".pdf":  # the printed slip itself is paper
            stored += path.read_bytes()
    for text in [*seen, *(answer for answer in answers if len(answer) > 12)]:
        assert text.encode("utf-8") not in stored, text


def test_staff_stepping_in_mid_visit_ends_that_visitor_s_session(qtbot, tmp_path) -> None:
    """A visitor's session that staff interrupt (log in, then serve the next visitor) is
    recorded as abandoned, and the next visitor gets a row of their own."""
    PinStore(tmp_path).set_pin(PIN)
    driver = kiosk(qtbot, tmp_path)
    driver.choose_service("id-card-restoration")
    driver.open_attendant()
    enter_pin(driver, PIN)
    assert driver.screen == "screen-dashboard"
    driver.click("serve-visitor")
    driver.choose_service("driving-licence-replacement")
    driver.click("nav-home")
    driver.confirm()
    rows = [(row["service"], row["outcome"]) for row in driver.journal.sessions()]
    assert rows == [
        ("id-card-restoration", "abandoned"),
        ("driving-licence-replacement", "abandoned"),
    ]
