"""Every touch target is large enough on every screen; every theme's text is legible."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton

from kiosk.settings import ASSETS, Settings
from kiosk.testing import KioskDriver
from kiosk.ui.theme import VARIANTS, Theme, Tokens, contrast_ratio

from .conftest import TODAY
from .test_journeys import ID_CARD, LICENCE

MINIMUM = 64


def small_targets(driver: KioskDriver, where: str) -> list[str]:
    """Buttons under 64 px, and a window pushed wider than the screen by its contents."""
    found = []
    if driver.window.width() > driver.size[0] or driver.window.height() > driver.size[1]:
        size = f"{driver.window.width()}×{driver.window.height()}"
        found.append(f"{where}: the window grew to {size} px")
    for button in driver.window.findChildren(QAbstractButton):
        if button.isVisible() and (button.width() < MINIMUM or button.height() < MINIMUM):
            found.append(f"{where}: {button.objectName()} {button.width()}×{button.height()}")
    return found


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
@pytest.mark.parametrize("large_text", [False, True])
def test_every_target_is_at_least_64_px(qtbot, tmp_path: Path, size, large_text) -> None:
    driver = KioskDriver.start(
        qtbot, settings=Settings(data_folder=tmp_path), today=TODAY, size=size
    )
    problems: list[str] = []
    if large_text:
        driver.click("a11y-large-text")
    problems += small_targets(driver, "welcome")
    driver.click("start")
    problems += small_targets(driver, "services")
    for service, answers in (
        ("id-card-restoration", ID_CARD),
        ("driving-licence-replacement", LICENCE),
    ):
        driver.click(f"service-{service}")
        while driver.state == "question":
            question = driver.question
            assert question is not None
            problems += small_targets(driver, question)
            driver.answer(question, answers[question])
        problems += small_targets(driver, "review")
        driver.next()
        problems += small_targets(driver, "documents")
        driver.next()
        problems += small_targets(driver, "result")
        driver.idle_warning()
        assert driver.visible("idle-more-time")
        problems += small_targets(driver, "idle")
        driver.click("idle-more-time")
        driver.print_slip()
        problems += small_targets(driver, "printing")
        driver.click("finish")
        driver.confirm()
        problems += small_targets(driver, "thanks")
        driver.click("finish")
        driver.confirm()
        if large_text:
            driver.click("a11y-large-text")
        driver.click("start")
    driver.click("service-id-card-restoration")
    driver.answer_all({"circumstance": "stolen", "police-talon": "no"})
    problems += small_targets(driver, "blocker")
    assert driver.screen == "screen-blocker"
    driver.open_attendant()
    assert driver.screen == "screen-pin"
    problems += small_targets(driver, "pin")
    assert problems == []


@pytest.mark.parametrize("variant", VARIANTS)
def test_text_contrast_meets_wcag(variant: str) -> None:
    tokens = Tokens(ASSETS / "theme")
    colors = tokens.colors(variant)
    needed = 7.0 if variant == "high-contrast" else 4.5
    pairs = tokens.contrast_pairs(variant)
    assert len(pairs) >= 10
    for text, background in pairs:
        ratio = contrast_ratio(colors[text], colors[background])
        assert ratio >= needed, f"{variant}: {text} on {background} is {ratio:.2f}:1"


def test_contrast_ratio_is_wcag() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_every_colour_the_stylesheet_uses_is_a_token() -> None:
    tokens = Tokens(ASSETS / "theme")
    for variant in VARIANTS:
        for large in (False, True):
            sheet = tokens.stylesheet(Theme(variant, large))
            assert "$" not in sheet
    template = (ASSETS / "theme" / "kiosk.qss").read_text(encoding="utf-8")
    assert not re.findall(r"#[0-9A-Fa-f]{3,8}\b|rgba?\(", template)  # colours are tokens


def test_large_text_is_half_as_large_again() -> None:
    tokens = Tokens(ASSETS / "theme")
    normal, large = tokens.sizes(False), tokens.sizes(True)
    assert large["font"] == round(normal["font"] * 1.5)
    assert large["font_title"] == round(normal["font_title"] * 1.5)


def test_theme_toggles_apply_and_reset(driver: KioskDriver) -> None:
    tokens = Tokens(ASSETS / "theme")
    assert driver.window.styleSheet() == tokens.stylesheet(Theme())
    driver.click("a11y-high-contrast")
    assert driver.window.styleSheet() == tokens.stylesheet(Theme("high-contrast"))
    assert toggled(driver) == {"a11y-high-contrast": True, "a11y-large-text": False}
    driver.click("a11y-large-text")
    assert driver.window.styleSheet() == tokens.stylesheet(Theme("high-contrast", True))
    assert f"font-size: {tokens.sizes(True)['font']}px" in driver.window.styleSheet()
    assert toggled(driver) == {"a11y-high-contrast": True, "a11y-large-text": True}
    driver.click("start")
    driver.click("nav-back")  # start over: the next visitor gets the default theme
    assert driver.screen == "screen-welcome"
    assert driver.window.styleSheet() == tokens.stylesheet(Theme())
    assert toggled(driver) == {"a11y-high-contrast": False, "a11y-large-text": False}
    assert not driver.widget("a11y-high-contrast").isChecked()
    assert not driver.widget("a11y-large-text").isChecked()


def toggled(driver: KioskDriver) -> dict[str, bool]:
    """The welcome screen's accessibility toggles, on or off, as its content says."""
    return {c.id: c.selected for c in driver.screen_content().choices if c.id.startswith("a11y-")}
