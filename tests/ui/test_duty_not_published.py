"""The visitor's journey in a year whose MCI is not yet published (2027): the documents as
on any day, then a result that says the duty is paid at the centre, with no amount and no
payment code, and a slip that says the same. A visitor with nothing to pay (exempt) sees no
payment section at all, on the screen or on the slip. From 1 December the dashboard asks
for next year's MCI, until fees.yaml has it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.logic.i18n import LANGUAGES
from kiosk.settings import Settings
from kiosk.storage.pin import PinStore
from kiosk.testing import ID_CARD_STOLEN, LICENCE_EXPIRED, KioskDriver
from tests.logic.helpers import ID_CARD_EXEMPT
from tests.logic.helpers import NOT_PUBLISHED_2027 as NOT_PUBLISHED

UNPUBLISHED = date(2027, 1, 5)
TODAY = date(2026, 11, 23)
PIN = "482916"
ANSWERS = {"id-card-restoration": ID_CARD_STOLEN, "driving-licence-replacement": LICENCE_EXPIRED}
EMV = "000201"  # how every payment payload starts (EMVCo merchant-presented mode)


def journey(qtbot, today: date, language: str, service: str, answers: dict[str, str]):
    driver = KioskDriver.start(qtbot, today=today)
    driver.click(f"lang-{language}")
    driver.choose_service(service)
    driver.answer_all(answers)
    assert driver.screen == "screen-review"
    driver.next()
    return driver


def one_line(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def printed_pdf(driver: KioskDriver) -> tuple[str, list[str]]:
    """Print the slip (PDF back end): the PDF's text and the QR codes found on its page."""
    assert driver.print_slip() == "printed"
    path = driver.data_folder / "slips" / f"{driver.reference}.pdf"
    document = pdfium.PdfDocument(str(path))
    try:
        text = "".join(page.get_textpage().get_text_range() for page in document)
        codes = []
        for page in document:
            image = page.render(scale=300 / 72, grayscale=True).to_numpy()
            pixels = image if image.ndim == 2 else image[..., 0]
            codes += [found.text for found in zxingcpp.read_barcodes(pixels)]
    finally:
        document.close()
    return one_line(text), codes


def payment_widgets(driver: KioskDriver) -> list[str]:
    """Every visible widget that shows or pays an amount."""
    names = []
    for widget in driver.window.findChildren(QWidget):
        name = widget.objectName()
        pays = name.startswith(("qr-", "bill", "pay-")) and name != "qr-online"
        if pays and widget.isVisible():
            names.append(name)
    return names


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("service", sorted(ANSWERS))
def test_a_year_with_no_mci_is_paid_at_the_centre(qtbot, service, language) -> None:
    driver = journey(qtbot, UNPUBLISHED, language, service, ANSWERS[service])
    assert driver.screen == "screen-documents"  # shown as on any day, not skipped
    documents = [c for c in driver.screen_content().choices if c.id.startswith("document-")]
    assert documents and all(driver.visible(c.id) for c in documents)
    driver.next()
    assert driver.screen == "screen-result"
    content = driver.screen_content()
    assert content.total is None and content.lines == ()
    assert driver.visible("warning-duty-not-published")
    box = driver.widget("warning-duty-not-published")
    shown = one_line(" ".join(label.text() for label in box.findChildren(QLabel)))
    assert NOT_PUBLISHED[language] in shown
    assert driver.payloads() == {} and payment_widgets(driver) == []
    texts = " ".join(driver.visible_texts())
    assert "₸" not in texts and "₸" not in " ".join(content.texts())
    assert one_line(texts).count(NOT_PUBLISHED[language]) == 1
    strings = driver.kiosk.strings
    for key in ("result.step-pay", "result.step-pay-one"):
        assert strings.text(key, language) not in content.fact("steps")
    assert driver.visible("print-slip") and driver.visible("nav-back")
    text, codes = printed_pdf(driver)
    assert NOT_PUBLISHED[language] in text
    assert "₸" not in text
    assert not [code for code in codes if code.startswith(EMV)]
    assert driver.screen == "screen-printing"
    driver.click("finish")
    assert driver.screen == "screen-thanks"
    driver.close()


def test_back_from_the_result_goes_to_the_documents(qtbot) -> None:
    driver = journey(qtbot, UNPUBLISHED, "en", "id-card-restoration", ID_CARD_STOLEN)
    driver.next()
    assert driver.screen == "screen-result"
    driver.back()
    assert driver.screen == "screen-documents"
    driver.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_exempt_visitor_sees_no_payment_section(qtbot, language) -> None:
    driver = journey(qtbot, TODAY, language, "id-card-restoration", ID_CARD_EXEMPT)
    driver.next()
    assert driver.screen == "screen-result"
    content = driver.screen_content()
    assert content.total is None and content.lines == () and content.qr == ()
    assert payment_widgets(driver) == [] and driver.payloads() == {}
    assert not driver.visible("bill") and not driver.visible("mci-year")
    texts = driver.visible_texts()
    assert not [text for text in texts if re.search(r"\b0\s?₸|₸", text)], texts
    assert not [text for text in texts if "QR" in text], texts
    strings = driver.kiosk.strings
    for key in ("result.step-pay", "result.step-pay-one"):
        assert strings.text(key, language) not in content.fact("steps")
    assert strings.text("result.step-window", language) in content.fact("steps")
    assert strings.text("result.step-print", language) in content.fact("steps")
    assert driver.visible("steps") and driver.visible("print-slip")
    reference = driver.reference
    text, codes = printed_pdf(driver)
    assert codes == [] and "₸" not in text and "QR" not in text
    slip = driver.kiosk.jobs.rebuild(reference)
    assert slip is not None
    assert not {block.style for block in slip.blocks} & {"qr", "row", "total", "demo"}
    assert strings.text("slip.bill", language) not in [block.text for block in slip.blocks]
    assert strings.text("slip.next-pay", language) not in slip.text()
    driver.close()


def test_finishing_unprinted_with_nothing_to_pay_speaks_of_no_codes(qtbot) -> None:
    driver = journey(qtbot, TODAY, "en", "id-card-restoration", ID_CARD_EXEMPT)
    driver.next()
    driver.click("finish")
    asked = driver.screen_content()
    assert asked.screen == "confirm" and asked.subject == "finish-unprinted-no-codes"
    assert "QR" not in asked.heading
    driver.confirm()
    assert driver.screen == "screen-thanks"
    driver.close()


def dashboard_problems(qtbot, folder: Path, day: date, catalogue: Path | None = None):
    settings = Settings(data_folder=folder, **({"catalogue": catalogue} if catalogue else {}))
    driver = KioskDriver.start(qtbot, settings=settings, today=day)
    driver.open_attendant()
    driver.click("lang-en")
    for digit in PIN:
        driver.click(f"pin-{digit}")
    driver.click("pin-ok")
    assert driver.screen == "screen-dashboard"
    problems = [m.text for m in driver.screen_content().messages if m.kind == "problem"]
    texts = " ".join(driver.visible_texts())
    driver.close()
    return problems, texts


@pytest.mark.parametrize(
    ("day", "warned"), [(date(2026, 11, 30), False), (date(2026, 12, 1), True)]
)
def test_the_dashboard_asks_for_next_years_mci_from_1_december(
    qtbot, tmp_path, day, warned
) -> None:
    PinStore(tmp_path).set_pin(PIN)
    problems, texts = dashboard_problems(qtbot, tmp_path, day)
    missing = "Next year's MCI (2027) is not configured"
    assert any(missing in text for text in problems) is warned, problems
    assert (missing in texts) is warned


def test_the_dashboard_is_quiet_once_fees_yaml_has_next_year(
    qtbot, tmp_path, catalogue_copy
) -> None:
    fees = catalogue_copy / "fees.yaml"
    lines = fees.read_text(encoding="utf-8").splitlines(keepends=True)
    last = max(i for i, line in enumerate(lines) if line.lstrip().startswith("- {year:"))
    lines.insert(last + 1, "  - {year: 2027, value: 4500, rounding: half-up}\n")
    fees.write_text("".join(lines), encoding="utf-8")
    PinStore(tmp_path).set_pin(PIN)
    problems, _ = dashboard_problems(qtbot, tmp_path, date(2026, 12, 1), catalogue_copy)
    assert not [text for text in problems if "2027" in text], problems
