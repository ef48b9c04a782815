"""Nothing a visitor must read or tap is cut off, on any screen, at the four sizes a kiosk
has, with normal and large text: every label has the room its text needs, every button
shows its whole label, and the header and footer fit the window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QScrollArea, QWidget

from kiosk.settings import Printer, Settings
from kiosk.storage.pin import PinStore
from kiosk.testing import ID_CARD_STOLEN, KioskDriver

TODAY = date(2026, 11, 23)
SIZES = [(1280, 800), (1024, 768), (1920, 1080), (1080, 1920)]
PIN = "482916"
SLACK = 2  # px of rounding


def cut_off(driver: KioskDriver) -> list[str]:
    """What is cut off in the window as it is now: object name (or text), need, room."""
    window = driver.window
    for _ in range(3):  # layouts settle: a scroll bar shown makes its view narrower
        QApplication.processEvents()
    problems = []
    if window.width() > driver.size[0] or window.height() > driver.size[1]:
        problems.append(f"the window grew to {window.width()}×{window.height()}")
    for area in window.findChildren(QScrollArea):
        inner = area.widget()
        if area.isVisible() and inner.width() > area.viewport().width() + SLACK:
            name = area.parentWidget().objectName()
            problems.append(f"{driver.screen} {name}: wider than its view, cut at the right")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.objectName().startswith("qr-"):
            continue
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                need, room = widget.heightForWidth(widget.width()), widget.height()
            else:
                need, room = widget.sizeHint().width(), widget.width()
        elif isinstance(widget, QPushButton) and widget.text():
            need, room = widget.sizeHint().width(), widget.width()
        else:
            continue
        if need > room + SLACK:
            name = widget.objectName() or widget.text()[:30]
            problems.append(f"{driver.screen} {name!r}: needs {need}px, has {room}px")
    return problems


def walk(driver: KioskDriver) -> list[str]:
    """Every screen a visitor meets, and the staff's; what is cut off on each."""
    problems = cut_off(driver)
    driver.click("start")
    problems += cut_off(driver)
    driver.click("service-id-card-restoration")
    for question, option in ID_CARD_STOLEN.items():
        problems += cut_off(driver)
        driver.answer(question, option)
    for _ in range(3):  # review, documents, result
        problems += cut_off(driver)
        if driver.state != "result":
            driver.next()
    driver.print_slip()  # the printer fails: the codes again, and Try again
    problems += cut_off(driver)
    driver.click("finish")
    problems += cut_off(driver)  # thanks
    driver.click("finish")
    driver.choose_service("driving-licence-replacement")
    driver.answer_all({"reason": "expired", "medical-exam": "no"})
    problems += cut_off(driver)  # the blocker
    driver.walk_away()
    driver.kiosk.staff.open()
    problems += cut_off(driver)  # the PIN pad
    for digit in PIN:
        driver.click(f"pin-{digit}")
    driver.click("pin-ok")
    problems += cut_off(driver)  # the dashboard
    return problems


class Jammed:
    """A printer that fails every job before anything is sent."""

    name = "jammed"

    def status(self):
        from kiosk.printing.backends import PrinterStatus

        return PrinterStatus.OFFLINE

    def print_slip(self, slip):  # pragma: no cover - never reached: offline first
        raise AssertionError


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["kk", "ru", "en"])
@pytest.mark.parametrize("large", [False, True], ids=["text", "large-text"])
def test_nothing_is_cut_off(qtbot, tmp_path, size, language, large) -> None:
    PinStore(tmp_path).set_pin(PIN)
    settings = Settings(data_folder=tmp_path, printer=Printer(timeout=0.5))
    driver = KioskDriver.start(qtbot, settings=settings, today=TODAY, size=size, printer=Jammed())
    driver.click(f"lang-{language}")
    if large:
        driver.click("a11y-large-text")
    problems = walk(driver)
    assert not problems, "\n".join(problems)
