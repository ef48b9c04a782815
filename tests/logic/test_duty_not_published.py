"""A visit in a year whose MCI is not yet published (2027, from the kiosk's point of view on
1 December 2026): the visitor still gets the questions, documents, blockers and warnings;
the bill is None, nothing is paid by QR code, and the quote says the duty is paid at the
centre. Adding the year is one line of fees.yaml. And a visitor with nothing to pay (exempt,
or paid before) gets a slip with no payment section at all."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.logic.catalogue import Catalogue, load_catalogue
from kiosk.logic.i18n import LANGUAGES, Language, Strings
from kiosk.logic.money import MoneyError
from kiosk.logic.pricing import Case, Pricing
from kiosk.logic.quote import DUTY_NOT_PUBLISHED, Quote, make_quote
from kiosk.logic.slip import Slip
from kiosk.settings import ASSETS, Settings
from kiosk.testing import ID_CARD_STOLEN, LICENCE_EXPIRED
from tests.logic.helpers import ID_CARD_EXEMPT
from tests.logic.helpers import NOT_PUBLISHED_2027 as NOT_PUBLISHED

UNPUBLISHED = date(2027, 1, 5)
TODAY = date(2026, 11, 23)
ANSWERS = {"id-card-restoration": ID_CARD_STOLEN, "driving-licence-replacement": LICENCE_EXPIRED}
MCI_WORD = {"kk": "АЕК", "ru": "МРП", "en": "MCI"}


@pytest.fixture(scope="module")
def strings() -> Strings:
    return Strings.load(ASSETS / "i18n")


@pytest.fixture(scope="module")
def pricing(catalogue: Catalogue, strings: Strings) -> Pricing:
    return Pricing(catalogue, Settings().payments, strings)


def quote_of(
    pricing: Pricing, service: str, answers: dict[str, str], language: Language, day: date
) -> Quote:
    case = Case(service, answers, day, "major", language, reference="K01-20270105-0007")
    return pricing.quote(case)


def slip_of(pricing: Pricing, strings: Strings, quote: Quote) -> Slip:
    return pricing.slip(
        quote,
        strings,
        centre_name=Settings().centre.name,
        kiosk_id="K01",
        printed_at=datetime.combine(quote.date, datetime.min.time()),
        reference="K01-20270105-0007",
        have=set(),
    )


def test_the_shipped_fee_schedule_has_no_2027(catalogue: Catalogue) -> None:
    assert 2027 not in catalogue.fees.years()  # else these tests prove nothing


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("service", sorted(ANSWERS))
def test_an_unpublished_year_gets_everything_but_an_amount(
    pricing: Pricing, service: str, language: Language
) -> None:
    quote = quote_of(pricing, service, ANSWERS[service], language, UNPUBLISHED)
    assert quote.complete and not quote.blocked
    assert quote.bill is None and quote.payments == () and quote.mci is None
    assert quote.documents, "the documents to bring are still said"
    on_a_priced_day = quote_of(pricing, service, ANSWERS[service], language, TODAY)
    if on_a_priced_day.ready_by is not None:  # working days (the licence: 60 minutes)
        assert quote.ready_by is not None and quote.ready_by > UNPUBLISHED
    assert quote.processing == on_a_priced_day.processing
    first = quote.warnings[0]
    assert first.id == DUTY_NOT_PUBLISHED
    assert NOT_PUBLISHED[language] in first.text
    others = [item.id for item in quote.warnings[1:]]
    assert others == [item.id for item in on_a_priced_day.warnings]
    for item in (*quote.warnings, *quote.notes, *quote.blockers):
        assert "₸" not in item.text, item  # never a guessed amount in tenge


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_fine_is_said_in_mci_when_the_year_has_none(
    pricing: Pricing, language: Language
) -> None:
    quote = quote_of(pricing, "id-card-restoration", ID_CARD_STOLEN, language, UNPUBLISHED)
    [fine] = [item.text for item in quote.warnings if item.id == "fine-over-30-days"]
    assert f"7 {MCI_WORD[language]}" in fine and "₸" not in fine
    assert "30 275" not in fine.replace("\u00a0", " ").replace(",", " ")


def test_the_json_has_no_bill_no_payments_and_no_mci(pricing: Pricing) -> None:
    quote = quote_of(pricing, "id-card-restoration", ID_CARD_STOLEN, "en", UNPUBLISHED)
    data = quote.to_json()
    assert data["bill"] is None and data["payments"] == [] and data["mci"] is None
    assert data["complete"] is True
    assert data["warnings"][0]["id"] == "duty-not-published"
    assert [d["id"] for d in data["documents"]] == [d.id for d in quote.documents]


def test_an_unfinished_or_blocked_case_says_it_too(pricing: Pricing) -> None:
    started = quote_of(pricing, "id-card-restoration", {"circumstance": "lost"}, "ru", UNPUBLISHED)
    assert not started.complete and started.bill is None
    assert started.warnings[0].id == DUTY_NOT_PUBLISHED
    blocked = quote_of(
        pricing,
        "id-card-restoration",
        {"circumstance": "stolen", "police-talon": "no"},
        "kk",
        UNPUBLISHED,
    )
    assert blocked.blocked and blocked.bill is None and blocked.payments == ()
    assert [item.id for item in blocked.blockers] == ["police-report-first"]


def test_without_the_kiosks_texts_the_year_is_refused(catalogue: Catalogue) -> None:
    """A quote that could not say why it has no amount is not made."""
    with pytest.raises(MoneyError, match="2027"):
        make_quote(
            catalogue,
            "id-card-restoration",
            ID_CARD_STOLEN,
            visit_date=UNPUBLISHED,
            centre_class="major",
            language="en",
        )


def test_nothing_is_needed_from_the_mci_an_exempt_visitor_does_not_pay(
    pricing: Pricing,
) -> None:
    """Exempt: the duty is 0 whatever the MCI, so the bill is known (0) and the visitor is not
    told that a duty is to be paid at the centre; an expedited fee in tenge is still paid."""
    exempt = quote_of(pricing, "id-card-restoration", ID_CARD_EXEMPT, "en", UNPUBLISHED)
    assert exempt.bill is not None and exempt.bill.total == 0 and exempt.payments == ()
    assert DUTY_NOT_PUBLISHED not in [item.id for item in exempt.warnings]
    hurried = quote_of(
        pricing, "id-card-restoration", {**ID_CARD_EXEMPT, "urgency": "1-day"}, "en", UNPUBLISHED
    )
    assert hurried.bill is not None
    assert [(line.id, line.amount) for line in hurried.bill.lines] == [
        ("state-duty", 0),
        ("expedite", 3372),
    ]
    assert [payment.payee for payment in hurried.payments] == ["state-corporation"]


def test_adding_the_year_is_one_line_of_fees_yaml(catalogue_copy: Path, strings: Strings) -> None:
    fees = catalogue_copy / "fees.yaml"
    before = fees.read_text(encoding="utf-8").splitlines(keepends=True)
    last = max(i for i, line in enumerate(before) if line.lstrip().startswith("- {year:"))
    after = [*before[: last + 1], "  - {year: 2027, value: 4500, rounding: half-up}\n"]
    after += before[last + 1 :]
    fees.write_text("".join(after), encoding="utf-8")
    assert len(after) == len(before) + 1
    grown = Pricing(load_catalogue(catalogue_copy), Settings().payments, strings)
    quote = quote_of(grown, "id-card-restoration", ID_CARD_STOLEN, "en", UNPUBLISHED)
    assert quote.bill is not None and quote.mci is not None and quote.mci.value == 4500
    duty = next(line for line in quote.bill.lines if line.id == "state-duty")
    assert duty.amount == 4500  # 1 MCI: lost three times this year
    assert DUTY_NOT_PUBLISHED not in [item.id for item in quote.warnings]
    assert [payment.payee for payment in quote.payments] == ["state-budget", "state-corporation"]
    [fine] = [item.text for item in quote.warnings if item.id == "fine-over-30-days"]
    assert "31,500\u00a0₸" in fine  # 7 × 4 500


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("service", sorted(ANSWERS))
def test_the_slip_of_an_unpublished_year(
    pricing: Pricing, strings: Strings, service: str, language: Language
) -> None:
    quote = quote_of(pricing, service, ANSWERS[service], language, UNPUBLISHED)
    slip = slip_of(pricing, strings, quote)
    styles = [block.style for block in slip.blocks]
    assert not {"qr", "row", "total", "demo"} & set(styles), styles
    text = slip.text()
    assert "₸" not in text and "[QR]" not in text
    assert text.count(NOT_PUBLISHED[language]) == 1  # where the bill would be, said once
    payment = styles.index("heading", styles.index("rule", 4))
    assert slip.blocks[payment].text == strings.text("slip.bill", language)
    for document in quote.documents:
        assert document.title in text
    for item in quote.warnings[1:]:
        assert item.text in text
    assert strings.text("slip.next-pay", language) not in text
    assert strings.text("slip.next-counter", language) in text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("day", [TODAY, UNPUBLISHED], ids=str)
def test_an_exempt_visitors_slip_has_no_payment_section(
    pricing: Pricing, strings: Strings, language: Language, day: date
) -> None:
    quote = quote_of(pricing, "id-card-restoration", ID_CARD_EXEMPT, language, day)
    assert quote.bill is not None and quote.bill.total == 0
    slip = slip_of(pricing, strings, quote)
    styles = {block.style for block in slip.blocks}
    assert not styles & {"qr", "row", "total", "demo"}, styles
    texts = [block.text for block in slip.blocks]
    for key in ("slip.bill", "slip.next-pay", "result.total", "slip.documents"):
        assert (strings.text(key, language) in texts) is (key == "slip.documents"), key
    text = slip.text()
    assert "QR" not in text, "an exempt visitor is never told the duty is paid by QR code"
    assert "₸" not in text
    assert strings.text("slip.next-counter", language) in texts


def test_a_duty_paid_before_is_nothing_to_pay_on_the_slip(
    pricing: Pricing, strings: Strings
) -> None:
    answers = {**LICENCE_EXPIRED, "duty-paid-before": "yes"}
    quote = quote_of(pricing, "driving-licence-replacement", answers, "ru", TODAY)
    assert quote.bill is not None and quote.bill.total == 0
    slip = slip_of(pricing, strings, quote)
    assert not {block.style for block in slip.blocks} & {"qr", "row", "total"}
    assert strings.text("slip.bill", "ru") not in [block.text for block in slip.blocks]
