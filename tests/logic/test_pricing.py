"""One way to price: the fee an option shows before it is chosen is the fee the bill then
charges, and a fee with no rate that day is left out, never guessed."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.conditions import CENTRE_CLASSES
from kiosk.logic.pricing import Case, Pricing

from .helpers import ID_LOST_FIRST_STANDARD, TODAY

ID = "id-card-restoration"


@pytest.mark.parametrize("centre_class", CENTRE_CLASSES)
def test_an_option_s_fee_is_what_the_bill_charges_for_it(catalogue, centre_class) -> None:
    pricing = Pricing(catalogue)
    fees = pricing.option_fees(ID, "urgency", TODAY, centre_class)
    question = catalogue.service(ID).question("urgency")
    offered = {option.id for option in question.options_for(centre_class)}
    assert fees and set(fees) < offered  # the standard time costs nothing extra
    for option_id, fee in fees.items():
        answers = dict(ID_LOST_FIRST_STANDARD, urgency=option_id)
        quote = pricing.quote(Case(ID, answers, TODAY, centre_class, "en"))
        [expedite] = [line for line in quote.bill.lines if line.id == "expedite"]
        assert expedite.amount == fee


def test_a_fee_with_no_rate_that_day_is_left_out(catalogue: Catalogue, caplog) -> None:
    before_any_rate = date(2022, 12, 30)
    assert Pricing(catalogue).option_fees(ID, "urgency", before_any_rate, "major") == {}
    assert "no amount for fee" in caplog.text
