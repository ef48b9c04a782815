"""Quotes carry one payment payload per payee, and each pays exactly that payee's lines."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.money import MoneyError
from kiosk.logic.payment import parse_payload
from kiosk.settings import demo_payment_profiles
from tests.emv_reference import read_tlv, verify

from .helpers import CATALOGUE, ID_LOST_FIRST_STANDARD, LICENCE_EARLY, TODAY, journeys

PROFILES = demo_payment_profiles()


def priced(catalogue: Catalogue, service: str, answers: dict[str, str], **kw):
    from kiosk.logic.quote import make_quote

    return make_quote(
        catalogue,
        service,
        answers,
        visit_date=kw.get("day", TODAY),
        centre_class=kw.get("centre_class", "major"),
        language=kw.get("language", "kk"),
        profiles=PROFILES,
        reference="K01-20261123-0042",
    )


def test_one_payment_per_payee(catalogue: Catalogue) -> None:
    answers = dict(ID_LOST_FIRST_STANDARD, urgency="1-day")
    q = priced(catalogue, "id-card-restoration", answers)
    assert [(p.payee, p.amount) for p in q.payments] == [
        ("state-budget", Decimal(865)),
        ("state-corporation", Decimal(3372)),
    ]
    budget, corporation = (verify(p.payload) for p in q.payments)
    assert budget["54"] == "865" and corporation["54"] == "3372"
    assert read_tlv(budget["62"])["01"] == "K01-20261123-0042"
    assert read_tlv(budget["26"])["02"] == PROFILES["state-budget"].iban
    assert read_tlv(corporation["26"])["02"] == PROFILES["state-corporation"].iban
    assert all(p.demo for p in q.payments)


def test_nothing_to_pay_means_no_payment(catalogue: Catalogue) -> None:
    q = priced(
        catalogue, "driving-licence-replacement", dict(LICENCE_EARLY, **{"duty-paid-before": "yes"})
    )
    assert q.bill.total == 0 and q.payments == ()


def test_blocked_or_incomplete_quotes_have_no_payment(catalogue: Catalogue) -> None:
    blocked = priced(
        catalogue, "id-card-restoration", {"circumstance": "stolen", "police-talon": "no"}
    )
    assert blocked.payments == ()
    assert priced(catalogue, "id-card-restoration", {"circumstance": "lost"}).payments == ()


def test_missing_profile_is_an_error(catalogue: Catalogue) -> None:
    from kiosk.logic.quote import make_quote

    with pytest.raises(MoneyError, match="state-corporation"):
        make_quote(
            catalogue,
            "id-card-restoration",
            dict(ID_LOST_FIRST_STANDARD, urgency="1-day"),
            visit_date=TODAY,
            centre_class="major",
            language="en",
            profiles={"state-budget": PROFILES["state-budget"]},
            reference="K01-x",
        )


@settings(max_examples=150, deadline=None)
@given(journeys())
def test_every_payload_pays_exactly_its_payees_lines(journey) -> None:
    service_id, centre_class, answers, day, language = journey
    q = priced(
        CATALOGUE, service_id, answers, day=day, centre_class=centre_class, language=language
    )
    expected: dict[str, Decimal] = {}
    for line in q.bill.lines:
        expected[line.payee] = expected.get(line.payee, Decimal(0)) + line.amount
    assert {p.payee: p.amount for p in q.payments} == {k: v for k, v in expected.items() if v}
    for payment in q.payments:
        fields = verify(payment.payload)
        assert Decimal(fields["54"]) == payment.amount
        assert parse_payload(payment.payload, strict=True).amount == payment.amount
