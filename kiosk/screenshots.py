"""`kiosk screenshots DIR`: every screen of both services in kk, ru and en at 1280×800 and
in portrait, as PNG files, plus blockers, the idle warning, staff screens, high contrast and
large text; and a contact sheet per language and size with every screen at a glance."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from kiosk.logic.i18n import LANGUAGES
from kiosk.settings import Settings
from kiosk.testing import ID_CARD_STOLEN as ID_CARD
from kiosk.testing import LICENCE_EXPIRED as LICENCE


def take(
    folder: Path,
    settings: Settings | None = None,
    today: date | None = None,
    sizes: tuple[tuple[int, int], ...] = ((1280, 800), (1080, 1920)),
) -> list[Path]:
    """Render the screens into `folder`; return the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile

    from PySide6.QtWidgets import QApplication

    from kiosk.testing import KioskDriver

    app = QApplication.instance() or QApplication([])
    folder.mkdir(parents=True, exist_ok=True)
    # Every run writes its journal, PIN and slips to a throw-away folder, never the real one.
    scratch = Path(tempfile.mkdtemp(prefix="kiosk-screenshots-"))
    settings = (settings or Settings()).model_copy(update={"data_folder": scratch})
    written: list[Path] = []

    def shot(driver: KioskDriver, name: str) -> None:
        QApplication.processEvents()
        path = folder / f"{name}.png"
        driver.window.grab().save(str(path))
        written.append(path)

    for width, height in sizes:
        suffix = "" if (width, height) == sizes[0] else f"-{width}x{height}"
        for language in LANGUAGES:
            prefix = f"{language}{suffix}"
            driver = KioskDriver.start(settings=settings, today=today, size=(width, height))
            driver.click(f"lang-{language}")
            shot(driver, f"{prefix}-01-welcome")
            driver.click("start")
            shot(driver, f"{prefix}-02-services")
            _journey(driver, "id-card-restoration", ID_CARD, f"{prefix}-10-id-card", shot)
            shot(driver, f"{prefix}-12-thanks")
            driver.click("finish")  # thanks → welcome
            driver.click(f"lang-{language}")
            _journey(driver, "driving-licence-replacement", LICENCE, f"{prefix}-20-licence", shot)
            driver.click("finish")
            driver.confirm()
            # Blockers.
            driver.click(f"lang-{language}")
            driver.choose_service("id-card-restoration")
            driver.answer_all({"circumstance": "stolen", "police-talon": "no"})
            shot(driver, f"{prefix}-30-blocker-police")
            driver.click("call-staff")
            driver.click("nav-home")
            shot(driver, f"{prefix}-32-confirm-start-over")  # and staff called, in the header
            driver.confirm()
            driver.click(f"lang-{language}")
            driver.choose_service("driving-licence-replacement")
            driver.answer_all({"reason": "expired", "medical-exam": "no"})
            shot(driver, f"{prefix}-31-blocker-medical")
            # The idle warning over a question.
            driver.click("nav-back")
            driver.idle_warning()
            shot(driver, f"{prefix}-40-idle-warning")
            driver.click("idle-more-time")
            driver.click("nav-home")
            driver.confirm()
            driver.close()
        # Staff: the PIN pad, the dashboard after a few visitors, out of order.
        for language in LANGUAGES:
            driver = KioskDriver.start(settings=settings, today=today, size=(width, height))
            _staff(driver, language, suffix, shot)
        # A printer that fails: the codes and the reference stay on screen.
        driver = KioskDriver.start(
            settings=settings, today=today, size=(width, height), printer=_JammedPrinter()
        )
        driver.click("lang-ru")
        driver.choose_service("id-card-restoration")
        driver.answer_all(ID_CARD)
        driver.next()
        driver.next()
        driver.print_slip()
        shot(driver, f"ru{suffix}-50-print-failed")
        driver.close()
        # High contrast and large text, from the welcome screen's toggles.
        for toggles, name in (
            (("a11y-high-contrast",), "high-contrast"),
            (("a11y-large-text",), "large-text"),
            (("a11y-high-contrast", "a11y-large-text"), "high-contrast-large-text"),
        ):
            driver = KioskDriver.start(settings=settings, today=today, size=(width, height))
            for toggle in toggles:
                driver.click(toggle)
            shot(driver, f"{name}{suffix}-01-welcome")
            driver.click("start")
            driver.choose_service("id-card-restoration")
            shot(driver, f"{name}{suffix}-02-question")
            driver.answer_all(ID_CARD)
            shot(driver, f"{name}{suffix}-03-review")
            driver.next()
            driver.next()
            shot(driver, f"{name}{suffix}-04-result")
            driver.close()
    del app
    return written + contact_sheets(written, folder)


def _staff(driver, language: str, suffix: str, shot) -> None:  # type: ignore[no-untyped-def]
    from kiosk.storage.pin import PinStore

    PinStore(driver.data_folder).set_pin("482916")
    driver.click(f"lang-{language}")
    driver.choose_service("id-card-restoration")
    driver.answer_all(ID_CARD)
    driver.next()
    driver.next()
    driver.print_slip()
    driver.click("finish")
    driver.confirm()
    driver.click("finish")
    driver.confirm()
    driver.choose_service("driving-licence-replacement")
    driver.click("call-staff")
    driver.click("nav-home")
    driver.confirm()
    driver.click(f"lang-{language}")
    driver.open_attendant()
    for digit in "482":
        driver.click(f"pin-{digit}")
    shot(driver, f"{language}{suffix}-60-staff-pin")
    for digit in "916":
        driver.click(f"pin-{digit}")
    driver.click("pin-ok")
    shot(driver, f"{language}{suffix}-61-staff-dashboard")
    driver.click("out-of-order")
    driver.click("attendant-logout")
    shot(driver, f"{language}{suffix}-62-out-of-order")
    (driver.data_folder / "out-of-order").unlink(missing_ok=True)
    driver.close()


class _JammedPrinter:
    """A printer that refuses every job, to show the failure screen."""

    name = "jammed"

    def status(self):  # type: ignore[no-untyped-def]
        from kiosk.printing.backends import PrinterStatus

        return PrinterStatus.NO_PAPER

    def print_slip(self, slip):  # type: ignore[no-untyped-def]
        raise AssertionError("never sent: the printer has no paper")


def _journey(driver, service_id: str, answers: dict[str, str], prefix: str, shot) -> None:  # type: ignore[no-untyped-def]
    driver.choose_service(service_id)
    step = 1
    while driver.state == "question":
        question = driver.screen_content().subject
        shot(driver, f"{prefix}-q{step}-{question}")
        driver.answer(question, answers[question])
        step += 1
    shot(driver, f"{prefix}-5-review")
    first = next(iter(answers))
    driver.change(first)
    shot(driver, f"{prefix}-6-change")
    driver.answer(first, answers[first])
    driver.next()
    documents = driver.screen_content().choices
    if documents:
        driver.click(documents[0].id)
    shot(driver, f"{prefix}-7-documents")
    driver.next()
    shot(driver, f"{prefix}-8-result")
    driver.print_slip()
    shot(driver, f"{prefix}-9-printed")
    driver.click("finish")
    driver.confirm()


def contact_sheets(shots: list[Path], folder: Path, columns: int = 6) -> list[Path]:
    """One image per language and size holding its screens side by side, each captioned
    with its name: every screen at a glance."""
    from PIL import Image, ImageDraw

    groups: dict[str, list[Path]] = {}
    for path in sorted(shots):
        language, _, rest = path.stem.partition("-")
        if language not in LANGUAGES:  # the few theme shots stand on their own
            continue
        size = rest.split("-", 1)[0] if "x" in rest.split("-", 1)[0] else "landscape"
        groups.setdefault(f"{language}-{size}", []).append(path)
    sheets = []
    for name, paths in groups.items():
        first = Image.open(paths[0])
        scale = 320 / max(first.size)
        tile = (round(first.width * scale), round(first.height * scale))
        rows = -(-len(paths) // columns)
        sheet = Image.new("RGB", (columns * (tile[0] + 8), rows * (tile[1] + 28)), "white")
        draw = ImageDraw.Draw(sheet)
        for index, path in enumerate(paths):
            x = (index % columns) * (tile[0] + 8)
            y = (index // columns) * (tile[1] + 28)
            sheet.paste(Image.open(path).convert("RGB").resize(tile), (x, y + 24))
            draw.text((x + 2, y + 6), path.stem, fill="black")
        out = folder / f"sheet-{name}.png"
        sheet.save(out, optimize=True)
        sheets.append(out)
    return sheets
