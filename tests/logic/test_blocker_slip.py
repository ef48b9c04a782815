"""A visitor stopped by a blocker takes a slip too: what to do first and where, what to
bring on coming back, and nothing to pay."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.conditions import CENTRE_CLASSES
from kiosk.logic.i18n import LANGUAGES, Language, Strings
from kiosk.logic.interview import answer_paths, is_complete
from kiosk.logic.pricing import Case, Pricing
from kiosk.logic.quote import Quote
from kiosk.logic.slip import Slip, SlipError
from kiosk.settings import ASSETS, Settings

VISIT = date(2026, 11, 23)
REFERENCE = "K01-20261123-0042"
LICENCE_NO_EXAM = {"reason": "expired", "medical-exam": "no"}
ID_CARD_NO_TALON = {"circumstance": "stolen", "police-talon": "no"}
# Where the medical examination is done, as the blocker says it in each language.
EXAM_WHERE = {
    "kk": "жүргізушілерді медициналық тексеруге лицензиясы бар медициналық ұйымда",
    "ru": "в медицинской организации, имеющей лицензию на медицинское освидетельствование",
    "en": "at a medical organisation licensed for drivers' medical examinations",
}
TALON = {"kk": "талон-хабарлама", "ru": "талон-уведомление", "en": "talon-notification"}


@pytest.fixture(scope="module")
def pricing(catalogue: Catalogue) -> Pricing:
    return Pricing(catalogue, Settings().payments)


@pytest.fixture(scope="module")
def strings() -> Strings:
    return Strings.load(ASSETS / "i18n")


def quote_of(
    pricing: Pricing,
    service: str,
    answers: dict[str, str],
    language: Language,
    centre_class: str = "major",
) -> Quote:
    case = Case(service, answers, VISIT, centre_class, language, REFERENCE)  # type: ignore[arg-type]
    return pricing.quote(case)


def slip_of(pricing: Pricing, strings: Strings, quote: Quote, have: set[str] | None = None) -> Slip:
    return pricing.slip(
        quote,
        strings,
        centre_name=Settings().centre.name,
        kiosk_id="K01",
        printed_at=datetime(2026, 11, 23, 10, 30),
        reference=REFERENCE,
        have=have or set(),
    )


def one_line(text: str) -> str:
    return " ".join(text.split())


def assert_nothing_to_pay(slip: Slip, strings: Strings) -> None:
    styles = {block.style for block in slip.blocks}
    assert not styles & {"qr", "row", "total", "demo"}, styles
    texts = {block.text for block in slip.blocks}
    for key in ("slip.bill", "slip.next-pay", "result.total"):
        assert strings.text(key, slip.language) not in texts, key  # type: ignore[arg-type]
    assert "[QR]" not in slip.text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_medical_exam_slip_says_what_to_do_first_and_where(
    pricing: Pricing, strings: Strings, language: Language
) -> None:
    quote = quote_of(pricing, "driving-licence-replacement", LICENCE_NO_EXAM, language)
    assert [blocker.id for blocker in quote.blockers] == ["medical-exam-required"]
    slip = slip_of(pricing, strings, quote)
    text = one_line(slip.text())
    [blocker] = quote.blockers
    assert blocker.title and blocker.title in text
    assert EXAM_WHERE[language] in text
    assert strings.text("slip.blocked", language).upper() in text
    assert strings.text("slip.blocked-bring", language) in text
    assert REFERENCE in text and "2026" in text
    assert quote.documents and all(document.title in text for document in quote.documents)
    assert_nothing_to_pay(slip, strings)


@pytest.mark.parametrize("language", LANGUAGES)
def test_stolen_id_card_slip_says_get_the_police_talon_first(
    pricing: Pricing, strings: Strings, language: Language
) -> None:
    quote = quote_of(pricing, "id-card-restoration", ID_CARD_NO_TALON, language)
    assert [blocker.id for blocker in quote.blockers] == ["police-report-first"]
    slip = slip_of(pricing, strings, quote)
    blocks = [block.text for block in slip.blocks]
    [blocker] = quote.blockers
    first_step = blocks.index(blocker.title)
    assert blocks[first_step + 1] == blocker.text and TALON[language] in blocker.text
    bring = blocks.index(strings.text("slip.blocked-bring", language))
    talon = next(doc for doc in quote.documents if doc.id == "police-talon")
    assert (
        first_step < bring < blocks.index(f"{strings.text('slip.missing', language)} {talon.title}")
    )
    assert talon.where in blocks  # where the talon is given
    assert_nothing_to_pay(slip, strings)


def test_documents_at_hand_are_ticked_on_a_blocker_slip(pricing: Pricing, strings: Strings) -> None:
    quote = quote_of(pricing, "id-card-restoration", ID_CARD_NO_TALON, "en")
    text = slip_of(pricing, strings, quote, have={"application"}).text()
    assert "[✓] have it Written statement describing how the card went missing" in text
    assert "[ ] MISSING Talon-notification from the police" in text


def test_every_blocked_path_prints_a_blocker_slip(
    catalogue: Catalogue, pricing: Pricing, strings: Strings
) -> None:
    blocked = 0
    for service_id, service in catalogue.services.items():
        for centre_class in CENTRE_CLASSES:
            for answers in answer_paths(service, centre_class):
                if is_complete(service, answers, centre_class):
                    continue
                for language in LANGUAGES:
                    quote = quote_of(pricing, service_id, answers, language, centre_class)
                    assert quote.blocked, answers
                    slip = slip_of(pricing, strings, quote)
                    texts = [block.text for block in slip.blocks]
                    assert all(blocker.text in texts for blocker in quote.blockers)
                    assert_nothing_to_pay(slip, strings)
                    blocked += 1
    assert blocked


def test_complete_slips_keep_their_bill_and_codes(
    catalogue: Catalogue, pricing: Pricing, strings: Strings
) -> None:
    service = catalogue.service("id-card-restoration")
    for answers in answer_paths(service, "major"):
        if not is_complete(service, answers, "major"):
            continue
        quote = quote_of(pricing, service.id, answers, "ru")
        slip = slip_of(pricing, strings, quote)
        texts = [block.text for block in slip.blocks]
        for key in ("slip.blocked", "slip.blocked-bring", "slip.blocked-next"):
            assert strings.text(key, "ru") not in texts
        assert strings.text("slip.documents", "ru") in texts
        assert quote.bill is not None
        if quote.bill.total:
            assert strings.text("slip.bill", "ru") in texts
        else:  # exempt: nothing to pay, no payment section at all
            assert_nothing_to_pay(slip, strings)
        codes = [block.payload for block in slip.blocks if block.style == "qr"]
        assert codes == [payment.payload for payment in quote.payments]


def test_an_unfinished_interview_has_no_slip(pricing: Pricing, strings: Strings) -> None:
    quote = quote_of(pricing, "id-card-restoration", {"circumstance": "lost"}, "kk")
    assert not quote.complete and not quote.blocked
    with pytest.raises(SlipError, match="not complete"):
        slip_of(pricing, strings, quote)
