"""Every text the kiosk draws is legible, measured from its pixels: at least 4.5:1 in the
default theme and 7:1 in high contrast (WCAG 2.2, 1.4.3 and 1.4.6), on every screen and in
every language; a pressed button and a keyboard focus ring show at 3:1 against what
surrounds them (1.4.11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.logic.i18n import LANGUAGES
from kiosk.printing.backends import PrinterStatus
from kiosk.settings import Printer, Settings
from kiosk.storage.pin import PinStore
from kiosk.testing import ID_CARD_STOLEN, KioskDriver, settle
from kiosk.ui.theme import VARIANTS, Theme
from tests.printing.test_faults import FakePrinter

from .conftest import TODAY
from .contrast import Measure, focus_contrast, measure, measure_all, pressed_contrast, ratio

NEEDED = {"default": 4.5, "high-contrast": 7.0}
STATE_NEEDED = 3.0  # a pressed state and a focus ring against what surrounds them
PIN = "482916"


class Audit:
    """Measures every text on the screen in front and keeps those below the threshold."""

    def __init__(self, driver: KioskDriver, variant: str) -> None:
        self.driver, self.variant, self.needed = driver, variant, NEEDED[variant]
        self.failures: list[str] = []
        self.measured: list[Measure] = []
        self.screens: set[str] = set()

    def check(self, where: str, root: QWidget | None = None) -> None:
        """Measure the screen as it is now."""
        settle()
        self.screens.add(where)
        found = measure_all(self.driver.window, root)
        assert found, f"{where}: no text measured"
        self.measured += found
        self.failures += [f"{where}: {m.describe()}" for m in found if m.ratio < self.needed]

    def every_language(self, where: str) -> None:
        """Measure the screen in each language, switched as a visitor would."""
        for language in LANGUAGES:
            self.driver.language(language)
            self.check(f"{where} [{language}]")

    def idle_warning(self, where: str) -> None:
        """Measure the idle warning over the screen in front, in each language."""
        driver = self.driver
        for language in LANGUAGES:
            driver.language(language)
            driver.idle_warning()
            # Only the warning counts: what it covers or veils is out of reach.
            self.check(f"{where} [{language}]", driver.widget("idle-more-time").parentWidget())
            driver.click("idle-more-time")

    def high_contrast(self) -> None:
        """On the welcome screen, ask for high contrast when this audit is of it."""
        assert self.driver.screen == "screen-welcome"
        if self.variant == "high-contrast":
            self.driver.click("a11y-high-contrast")


def start(qtbot, tmp_path: Path, variant: str) -> tuple[KioskDriver, Audit]:
    """A kiosk whose printer is offline (prints fail) and whose staff PIN is set."""
    PinStore(tmp_path).set_pin(PIN)
    settings = Settings(data_folder=tmp_path, printer=Printer(timeout=0.3))
    printer = FakePrinter(status=PrinterStatus.OFFLINE)
    driver = KioskDriver.start(qtbot, settings=settings, today=TODAY, printer=printer)
    return driver, Audit(driver, variant)


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_text_on_every_screen_is_legible(qtbot, tmp_path: Path, variant: str) -> None:
    driver, audit = start(qtbot, tmp_path, variant)
    # A visitor's whole journey: every screen, with a failed print.
    audit.high_contrast()
    audit.every_language("welcome")
    driver.click("start")
    audit.every_language("services")
    driver.click("service-id-card-restoration")
    audit.every_language("question")
    driver.answer_all(ID_CARD_STOLEN)
    assert driver.screen == "screen-review"
    audit.every_language("review")
    driver.back()  # the last question again, its answer marked
    assert driver.screen == "screen-question"
    audit.every_language("question answered")
    driver.answer_all(ID_CARD_STOLEN)
    driver.next()
    assert driver.screen == "screen-documents"
    driver.click("document-application")  # ticked; the others not
    audit.every_language("documents")
    audit.idle_warning("idle warning")
    driver.next()
    assert driver.screen == "screen-result"
    audit.every_language("result")
    audit.idle_warning("idle warning over the payment codes")
    assert driver.print_slip() == "failed"
    audit.every_language("printing failed")
    driver.click("finish")
    assert driver.screen == "screen-thanks"
    audit.every_language("thanks")
    driver.click("finish")
    # A visitor stopped by a blocker; then staff.
    audit.high_contrast()
    driver.choose_service("id-card-restoration")
    driver.answer_all({"circumstance": "stolen", "police-talon": "no"})
    assert driver.screen == "screen-blocker"
    audit.every_language("blocker")
    driver.kiosk.staff.open()
    settle()
    assert driver.screen == "screen-pin"
    audit.every_language("PIN pad")
    for digit in PIN:
        driver.click(f"pin-{digit}")
    driver.click("pin-ok")
    assert driver.screen == "screen-dashboard"
    audit.every_language("dashboard")
    driver.click("out-of-order")
    driver.click("attendant-logout")
    assert driver.screen == "screen-out-of-order"
    # Nobody chooses a theme here; it is shown in each to hold it to both.
    driver.kiosk.navigator.chrome.theme.set(Theme(variant))
    audit.check("out of order")  # all three languages at once
    assert len(audit.screens) == 14 * len(LANGUAGES) + 1
    assert not audit.failures, (
        f"texts under {audit.needed}:1 in the {variant} theme:\n" + "\n".join(audit.failures)
    )


@pytest.mark.parametrize("variant", VARIANTS)
def test_pressed_and_focused_buttons_stand_out(qtbot, tmp_path: Path, variant: str) -> None:
    driver, audit = start(qtbot, tmp_path, variant)
    audit.high_contrast()
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD_STOLEN)
    assert driver.screen == "screen-review"
    problems = []
    for name in ("nav-next", "nav-back", "change-circumstance"):  # primary, normal, in a card
        button = driver.widget(name)
        driver.ensure_visible(button)
        window = driver.window
        button.clearFocus()
        settle()
        rest = window.grab().toImage()

        QTest.mousePress(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
        settle()
        held = window.grab().toImage()
        text = measure(held, button, window)
        # Let go off the button: no click.
        QTest.mouseRelease(button, Qt.MouseButton.LeftButton, pos=QPoint(-20, -20))
        settle()
        assert driver.screen == "screen-review"
        pressed = pressed_contrast(rest, held, button, window)
        if pressed.changed == 0 or pressed.ratio < STATE_NEEDED:
            problems.append(f"{name} pressed: {pressed.describe()}")
        if text is None or text.ratio < audit.needed:
            problems.append(f"{name} pressed, its text: {text.describe() if text else 'none'}")

        button.setFocus(Qt.FocusReason.TabFocusReason)
        settle()
        focused = focus_contrast(rest, window.grab().toImage(), button, window)
        button.clearFocus()
        around = 2 * (button.width() + button.height())  # a ring all round, 1 px wide
        if focused.changed < around or focused.ratio < STATE_NEEDED:
            problems.append(f"{name} focus ring: {focused.describe()}")
    assert not problems, f"{variant}: " + "; ".join(problems)


@pytest.mark.parametrize(
    ("text", "background", "expected"),
    [("#777777", "#FFFFFF", 4.48), ("#000000", "#000000", 1.0), ("#FFE500", "#000000", 16.46)],
)
def test_measured_contrast_is_that_of_the_colours(qtbot, text, background, expected) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.setStyleSheet(f"QWidget {{ background: {background}; color: {text}; font-size: 18px }}")
    shown = QLabel("Ёё Әә Ғғ — Quick brown fox 1,234 ₸")
    QVBoxLayout(window).addWidget(shown)
    window.show()
    qtbot.waitExposed(window)
    found = measure(window.grab().toImage(), shown, window)
    assert found is not None
    assert found.ratio == pytest.approx(expected, abs=0.01)
    assert ratio(1.0, 0.0) == pytest.approx(21.0)
