"""Staff accounts on the real PIN pad: each member logs in with their own PIN and the audit
log says who did what; after a wrong PIN the pad says how long to wait, and refuses tries
until then; a damaged staff file makes staff mode unavailable, said plainly, and visitors
are served as ever."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.settings import Printer, Settings
from kiosk.storage.pin import PinStore
from kiosk.testing import ID_CARD_STOLEN, KioskDriver
from tests.ui.test_fit import cut_off

TODAY = date(2026, 11, 23)
AIGERIM, BOLAT = "482916", "735204"


class Clock:
    """A monotonic clock the test steps by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def kiosk(qtbot, folder: Path, **settings) -> KioskDriver:
    settings = Settings(data_folder=folder, printer=Printer(folder=folder / "slips"), **settings)
    return KioskDriver.start(qtbot, settings=settings, today=TODAY)


def enter_pin(driver: KioskDriver, pin: str) -> None:
    for digit in pin:
        driver.click(f"pin-{digit}")
    driver.click("pin-ok")


def said(driver: KioskDriver, key: str, language: str = "en", **values: str) -> str:
    return driver.kiosk.strings.text(key, language, **values)


def test_two_staff_members_log_in_with_their_own_pins_and_the_audit_says_who(
    qtbot, tmp_path
) -> None:
    PinStore(tmp_path).set_pin(AIGERIM, "Айгерім")
    PinStore(tmp_path).set_pin(BOLAT, "Bolat")
    clock = Clock()
    driver = kiosk(qtbot, tmp_path)
    driver.kiosk.staff.pins = PinStore(tmp_path, clock=clock, boot=lambda: "b")
    driver.click("lang-en")
    driver.open_attendant()
    enter_pin(driver, "583920")  # nobody's
    assert driver.screen == "screen-pin"
    clock.now += 1
    enter_pin(driver, AIGERIM)
    assert driver.screen == "screen-dashboard"
    driver.click("test-print")
    driver.click("attendant-logout")
    driver.open_attendant()
    enter_pin(driver, BOLAT)
    assert driver.screen == "screen-dashboard"
    driver.click("out-of-order")
    driver.click("out-of-order")
    assert driver.kiosk.journal.flush(5)
    entries = [(entry.staff, entry.action) for entry in reversed(driver.journal.audit_entries())]
    assert entries == [
        ("", "wrong PIN"),
        ("Айгерім", "attendant logged in"),
        ("Айгерім", "test print"),
        ("Айгерім", "attendant logged out"),
        ("Bolat", "attendant logged in"),
        ("Bolat", "out of order: on"),
        ("Bolat", "out of order: off"),
    ]
    driver.click("attendant-logout")  # the dashboard shows the log with the names
    driver.open_attendant()
    enter_pin(driver, AIGERIM)
    assert driver.screen == "screen-dashboard"
    # The dashboard reads the journal without waiting on it (a read that meets the writer's
    # lock gives up at once): looked at again, it shows the log once it is read.
    assert driver.kiosk.journal.flush(5)
    driver.wait_until(lambda: driver.visible("audit-log"), 10)  # the dashboard looks again
    shown = driver.text_of("audit-log").splitlines()
    assert shown == driver.screen_content().fact("audit-log").splitlines()
    assert any(line.endswith("  —  wrong PIN") for line in shown)
    assert any(line.endswith("  Айгерім  test print") for line in shown)
    assert any(line.endswith("  Bolat  out of order: on") for line in shown)
    assert not any(AIGERIM in line or BOLAT in line for line in shown)


def test_the_pad_says_how_long_to_wait_and_refuses_tries_until_then(qtbot, tmp_path) -> None:
    PinStore(tmp_path).set_pin(AIGERIM, "Айгерім")
    clock = Clock()
    driver = kiosk(qtbot, tmp_path)
    driver.kiosk.staff.pins = PinStore(tmp_path, clock=clock, boot=lambda: "b")
    driver.open_attendant()
    driver.click("lang-en")
    enter_pin(driver, "583920")
    clock.now += 1
    enter_pin(driver, "583921")
    assert driver.text_of("pin-message") == said(
        driver, "attendant.pin-wrong", seconds="2", left="8"
    )
    # The wall clock jumps a day ahead: the pad still waits; the right PIN is refused.
    driver.kiosk.staff.now = lambda: datetime.now() + timedelta(days=1)
    clock.now += 1.5
    enter_pin(driver, AIGERIM)
    assert driver.screen == "screen-pin"
    assert driver.text_of("pin-message") == said(driver, "attendant.pin-wait", seconds="1")
    for language in ("kk", "ru"):
        driver.click(f"lang-{language}")
        assert driver.text_of("pin-message") == said(
            driver, "attendant.pin-wait", language, seconds="1"
        )
    clock.now += 0.5
    enter_pin(driver, AIGERIM)
    assert driver.screen == "screen-dashboard"
    actions = [entry.action for entry in driver.journal.audit_entries()]
    assert actions.count("wrong PIN") == 2  # the try within the delay was not counted


def test_the_pad_says_so_when_staff_mode_is_locked(qtbot, tmp_path) -> None:
    PinStore(tmp_path).set_pin(AIGERIM, "Айгерім")
    data = json.loads((tmp_path / "attendant.json").read_text(encoding="utf-8"))
    data["failures"] = 10
    (tmp_path / "attendant.json").write_text(json.dumps(data), encoding="utf-8")
    driver = kiosk(qtbot, tmp_path)
    driver.open_attendant()
    driver.click("lang-ru")
    assert driver.text_of("pin-message") == said(driver, "attendant.pin-locked", "ru")
    enter_pin(driver, AIGERIM)
    assert driver.screen == "screen-pin"
    assert "kiosk set-pin" in driver.text_of("pin-message")


def damage(path: Path, kind: str) -> None:
    if kind == "garbage":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff garbage")
    elif kind == "list":
        path.write_text('[{"salt": "00", "hash": "11"}]', encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)


@pytest.mark.parametrize("kind", ["garbage", "list", "fifo"])
def test_a_damaged_staff_file_is_said_on_the_pad_and_visitors_are_served(
    qtbot, tmp_path, kind
) -> None:
    damage(tmp_path / "attendant.json", kind)
    driver = kiosk(qtbot, tmp_path)
    driver.open_attendant()
    assert driver.screen == "screen-pin"
    for language in ("kk", "ru", "en"):
        driver.click(f"lang-{language}")
        message = driver.text_of("pin-message")
        assert message == said(driver, "attendant.pin-damaged", language)
        assert "kiosk set-pin" in message
    enter_pin(driver, AIGERIM)  # refused, said again, nothing breaks
    assert driver.screen == "screen-pin"
    assert driver.text_of("pin-message") == said(driver, "attendant.pin-damaged")
    driver.click("pin-cancel")
    assert driver.screen == "screen-welcome"
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    driver.next()
    assert driver.screen == "screen-result" and driver.payloads()
    assert driver.print_slip() == "printed"


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_longest_pad_messages_fit_with_large_text(qtbot, tmp_path, language) -> None:
    (tmp_path / "attendant.json").write_bytes(b"not json")
    driver = kiosk(qtbot, tmp_path)
    driver.click(f"lang-{language}")
    driver.click("a11y-large-text")
    driver.open_attendant()
    assert said(driver, "attendant.pin-damaged", language) == driver.text_of("pin-message")
    assert not cut_off(driver)
    values = {"seconds": "256", "left": "1"}
    driver.kiosk.staff.refusal = ("attendant.pin-wrong", values)
    driver.kiosk.navigator.refresh()
    assert driver.text_of("pin-message") == said(driver, "attendant.pin-wrong", language, **values)
    assert not cut_off(driver)


def test_the_pad_takes_twelve_digits_and_no_more(qtbot, tmp_path) -> None:
    PinStore(tmp_path).set_pin("482916482917", "Bolat")
    driver = kiosk(qtbot, tmp_path)
    driver.open_attendant()
    enter_pin(driver, "4829164829175")  # the thirteenth digit is not taken
    assert driver.screen == "screen-dashboard"
