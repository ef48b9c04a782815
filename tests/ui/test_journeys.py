"""Both services end to end by touch, in every language; blockers and warnings."""

from __future__ import annotations

import contextlib
import io
import json
from decimal import Decimal

import pytest

from kiosk.logic.i18n import LANGUAGES, format_money
from kiosk.logic.payment import parse_payload
from kiosk.testing import KioskDriver
from tests.emv_reference import verify
from tests.logic.helpers import rounded as doc_rounding
from tests.logic.seed_figures import id_card_seed, licence_seed, services_doc

from .conftest import TODAY
from .pixels import decode_qr

ID_CARD = {
    "circumstance": "lost",
    "losses-this-year": "3-or-more",
    "duty-exemption": "no",
    "foreign-passport": "yes",
    "days-without-id": "over-30-days",
    "urgency": "1-day",
}
LICENCE = {
    "reason": "early",
    "unpaid-fines": "dont-know",
    "recent-photo-document": "no",
    "duty-paid-before": "no",
}


def cli_quote(service: str, answers: dict[str, str], language: str):
    """The quote `kiosk quote` prints for these answers on the test day (its JSON)."""
    from kiosk.cli import main

    out = io.StringIO()
    arguments = ["quote", service, "--date", TODAY.isoformat(), "--lang", language]
    for question, option in answers.items():
        arguments += ["--answer", f"{question}={option}"]
    with contextlib.redirect_stdout(out):
        assert main(arguments) == 0
    return json.loads(out.getvalue())


def start_in(driver: KioskDriver, language: str, service: str) -> None:
    driver.click(f"lang-{language}")
    driver.click("start")
    assert driver.screen == "screen-services"
    driver.click(f"service-{service}")
    assert driver.screen == "screen-question"


@pytest.mark.parametrize("language", LANGUAGES)
def test_id_card_end_to_end(driver: KioskDriver, language: str) -> None:
    start_in(driver, language, "id-card-restoration")
    driver.answer_all(ID_CARD)
    assert driver.screen == "screen-review"
    driver.next()
    assert driver.screen == "screen-documents"
    for document in ("application", "duty-receipt", "foreign-passport"):
        assert driver.visible(f"document-{document}")
    driver.click("document-application")
    driver.next()
    assert driver.screen == "screen-result"
    # What the screen shows is the quote the command line gives for the same answers.
    quote = cli_quote("id-card-restoration", ID_CARD, language)
    content = driver.screen_content()
    assert content.language == language and content.total is not None
    assert content.total.amount == Decimal(quote["bill"]["total"])
    assert driver.bill_total() == format_money(content.total.amount, language).replace(
        "\u00a0", " "
    )
    assert content.total.amount == sum(line.amount for line in content.lines)
    assert [line.id for line in content.lines] == [line["id"] for line in quote["bill"]["lines"]]
    # And the amounts are the sources': a third loss costs 1 MCI (seed 004) at 2026's MCI
    # (SERVICES.md), and issuing within a working day at a major centre is the seed's fee.
    seed, doc = id_card_seed(), services_doc()
    [one_day] = [option for option in seed.expedited["major"] if option.days.value == 1]
    duty = seed.repeat_mci.value * doc.mci[TODAY.year].value.value
    assert content.total.amount == duty + one_day.fee.value
    for warning in ("fine-over-30-days", "digital-id-unusable", "report-loss-now"):
        assert driver.visible(f"warning-{warning}")
    payloads = driver.payloads()
    amounts = {p["payee"]: Decimal(p["amount"]) for p in quote["payments"]}
    assert set(payloads) == set(amounts)
    for payee, payload in payloads.items():
        verify(payload)
        assert parse_payload(payload).amount == amounts[payee]
        assert driver.reference in payload  # the bill number is the slip's reference
        widget = driver.widget(f"qr-{payee}")
        driver.ensure_visible(widget)
        assert decode_qr(widget) == [payload]
    assert driver.print_slip() == "printed"
    assert driver.screen == "screen-printing"
    slips = list((driver.data_folder / "slips").glob("*.pdf"))
    assert [s.stem for s in slips] == [driver.reference]
    assert slips[0].stem.startswith("K01-20261123-")
    driver.click("finish")
    driver.confirm()
    assert driver.screen == "screen-thanks"
    driver.click("finish")
    driver.confirm()
    assert driver.screen == "screen-welcome"


@pytest.mark.parametrize("language", LANGUAGES)
def test_licence_end_to_end(driver: KioskDriver, language: str) -> None:
    start_in(driver, language, "driving-licence-replacement")
    driver.answer_all(LICENCE)
    driver.next()
    assert driver.visible("document-photo")
    driver.next()
    assert driver.screen == "screen-result"
    quote = cli_quote("driving-licence-replacement", LICENCE, language)
    total = driver.screen_content().total.amount
    assert total == Decimal(quote["bill"]["total"])
    # 1.25 MCI (seed 000) at 2026's MCI, rounded half-up as SERVICES.md says: 5 406.25 → 5 406.
    exact = licence_seed().duty_mci.value * services_doc().mci[TODAY.year].value.value
    assert doc_rounding(exact, services_doc().mci[TODAY.year].rounding) == total
    shown = [m.id for m in driver.screen_content().messages if m.kind == "warning"]
    assert shown == [f"warning-{w['id']}" for w in quote["warnings"]]
    for warning in ("check-fines", "data-not-digitised", "online-available"):
        assert driver.visible(f"warning-{warning}")
    online = driver.widget("qr-online")
    driver.ensure_visible(online)
    assert online.property("payload").startswith("https://egov.kz")
    assert decode_qr(online) == [online.property("payload")]
    assert list(driver.payloads()) == ["state-budget"]
    driver.click("finish")
    driver.confirm()
    assert driver.screen == "screen-thanks"


@pytest.mark.parametrize(
    ("service", "answers", "blocker"),
    [
        (
            "id-card-restoration",
            {"circumstance": "stolen", "police-talon": "no"},
            "police-report-first",
        ),
        (
            "driving-licence-replacement",
            {"reason": "expired", "medical-exam": "no"},
            "medical-exam-required",
        ),
        ("driving-licence-replacement", {"reason": "lost", "unpaid-fines": "yes"}, "unpaid-fines"),
    ],
)
def test_blockers(driver: KioskDriver, service, answers, blocker) -> None:
    start_in(driver, "en", service)
    driver.answer_all(answers)
    assert driver.screen == "screen-blocker"
    assert driver.visible(f"blocker-{blocker}")
    assert not driver.payloads()
    # Back lets the visitor change the answer that blocked.
    driver.back()
    assert driver.screen == "screen-question"
    last = list(answers)[-1]
    assert driver.question == last
    assert driver.widget(f"option-{last}-{answers[last]}").property("selected") is True
    driver.click("nav-home")
    driver.confirm()
    assert driver.screen == "screen-welcome"


@pytest.mark.parametrize(
    ("days", "warning"),
    [("10-to-30-days", "warning-10-to-30-days"), ("over-30-days", "fine-over-30-days")],
)
def test_penalty_warnings(driver: KioskDriver, days: str, warning: str) -> None:
    start_in(driver, "ru", "id-card-restoration")
    driver.answer_all(dict(ID_CARD, **{"days-without-id": days}))
    driver.next()
    driver.next()
    from PySide6.QtWidgets import QLabel

    frame = driver.widget(f"warning-{warning}")  # the object name is warning-<id>
    text = frame.findChild(QLabel).text().replace("\u00a0", " ")
    if warning == "fine-over-30-days":
        assert "7 МРП (30 275 ₸)" in text
    else:
        assert "предупреждение" in text


def test_nothing_to_pay(driver: KioskDriver) -> None:
    start_in(driver, "en", "driving-licence-replacement")
    driver.answer_all(dict(LICENCE, **{"duty-paid-before": "yes"}))
    driver.next()
    driver.next()
    assert not driver.visible("bill") and not driver.visible("bill-total")  # no payment section
    assert not driver.visible("pay-panel")
    assert driver.payloads() == {}
    assert driver.visible("nothing-to-pay")
    assert driver.visible("note-previously-paid")


def test_visit_date_drives_the_mci(qtbot, tmp_path) -> None:
    from datetime import date

    from kiosk.settings import Settings

    driver = KioskDriver.start(
        qtbot, settings=Settings(data_folder=tmp_path), today=date(2025, 6, 2)
    )
    start_in(driver, "en", "id-card-restoration")
    driver.answer_all(dict(ID_CARD, **{"losses-this-year": "1", "urgency": "standard"}))
    driver.next()
    driver.next()
    assert driver.bill_total() == "787 ₸"
    assert "0.2 MCI × 3,932 ₸ = 787 ₸" in driver.text_of("bill-amount-state-duty").replace(
        "\u00a0", " "
    )
    assert "2025" in driver.text_of("mci-year")
