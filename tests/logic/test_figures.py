"""Every figure in SERVICES.md, reproduced from the shipped catalogue and fee schedule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.money import MoneyError, mci_amount

from .helpers import ID_LOST_FIRST_STANDARD, IN_2025, LICENCE_EARLY, TODAY, quote

ID = "id-card-restoration"
LICENCE = "driving-licence-replacement"


def line(q, line_id):
    return next(item for item in q.bill.lines if item.id == line_id)


def test_mci_table(catalogue: Catalogue) -> None:
    table = {m.year: (m.value, m.rounding) for m in catalogue.fees.mci}
    assert table == {
        2023: (3450, "up"),
        2024: (3692, "up"),
        2025: (3932, "up"),
        2026: (4325, "half-up"),
    }


@pytest.mark.parametrize(
    ("multiple", "expected"),
    [("0.2", 787), ("1", 3932), ("7", 27524), ("1.25", 4915)],
)
def test_seed_amounts_with_the_2025_schedule(catalogue: Catalogue, multiple, expected) -> None:
    assert mci_amount(Decimal(multiple), catalogue.fees.mci_for(2025)) == expected


def test_2025_rounds_up_and_2026_half_up(catalogue: Catalogue) -> None:
    # 0.2 × 3 932 = 786.40 rounds up; 1.25 × 4 325 = 5 406.25 rounds half-up, i.e. down.
    assert mci_amount(Decimal("0.2"), catalogue.fees.mci_for(2025)) == 787
    assert mci_amount(Decimal("1.25"), catalogue.fees.mci_for(2026)) == 5406
    assert mci_amount(Decimal("0.5"), catalogue.fees.mci_for(2026)) == 2163  # 2162.5 -> up


def test_missing_year_is_an_error_not_a_guess(catalogue: Catalogue) -> None:
    with pytest.raises(MoneyError, match="2031"):
        catalogue.fees.mci_for(2031)
    with pytest.raises(MoneyError, match="2031"):
        quote(catalogue, ID, ID_LOST_FIRST_STANDARD, day=date(2031, 3, 1))


def test_id_card_lost_first_time_standard_2026(catalogue: Catalogue) -> None:
    q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD)
    assert q.complete
    assert [(item.id, item.mci, item.amount) for item in q.bill.lines] == [
        ("state-duty", Decimal("0.2"), 865)
    ]
    assert q.bill.total == 865
    assert q.ready_by == date(2026, 12, 14)
    assert q.mci.year == 2026 and q.mci.value == 4325


def test_id_card_seed_amounts_in_2025(catalogue: Catalogue) -> None:
    assert quote(catalogue, ID, ID_LOST_FIRST_STANDARD, day=IN_2025).bill.total == 787
    third = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, day=IN_2025, losses_this_year="3-or-more")
    assert third.bill.total == 3932
    fine = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, day=IN_2025, days_without_id="over-30-days")
    assert "(27,524\u00a0₸)" in next(w.text for w in fine.warnings if w.id == "fine-over-30-days")


def test_id_card_third_loss_major_one_day_2026(catalogue: Catalogue) -> None:
    q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, losses_this_year="3-or-more", urgency="1-day")
    assert line(q, "state-duty").amount == 4325
    assert line(q, "expedite").amount == 3372
    assert line(q, "expedite").payee == "state-corporation"
    assert line(q, "state-duty").payee == "state-budget"
    assert q.bill.total == 7697


def test_fine_warning_2026(catalogue: Catalogue) -> None:
    q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, days_without_id="over-30-days")
    text = next(w.text for w in q.warnings if w.id == "fine-over-30-days")
    assert "30\u00a0275\u00a0₸" in text or "30,275\u00a0₸" in text
    kk = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, days_without_id="over-30-days", language="kk")
    assert "30\u00a0275\u00a0₸" in next(w.text for w in kk.warnings if w.id == "fine-over-30-days")


@pytest.mark.parametrize("reason", ["expired", "early", "lost", "stolen", "name-change"])
def test_driving_licence_duty_2026(catalogue: Catalogue, reason: str) -> None:
    answers = dict(LICENCE_EARLY, reason=reason)
    if reason == "expired":
        answers["medical-exam"] = "yes"
    q = quote(catalogue, LICENCE, answers)
    assert q.complete
    assert [(item.id, item.mci, item.amount) for item in q.bill.lines] == [
        ("state-duty", Decimal("1.25"), 5406)
    ]
    assert q.processing == "60 minutes"


def test_driving_licence_duty_2025(catalogue: Catalogue) -> None:
    assert quote(catalogue, LICENCE, LICENCE_EARLY, day=IN_2025).bill.total == 4915


@pytest.mark.parametrize(
    ("centre_class", "option", "fee", "days"),
    [
        ("major", "1-day", 3372, 1),
        ("major", "3-days", 1771, 3),
        ("regional", "3-days", 3372, 3),
        ("regional", "5-days", 1771, 5),
        ("district", "7-days", 678, 7),
    ],
)
def test_expedite_fees_by_centre_class(
    catalogue: Catalogue, centre_class: str, option: str, fee: int, days: int
) -> None:
    q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, centre_class=centre_class, urgency=option)
    assert line(q, "expedite").amount == fee
    assert line(q, "expedite").mci is None
    assert q.bill.total == 865 + fee
    assert q.processing == f"Up to {days} working day{'s' if days > 1 else ''}"


@pytest.mark.parametrize(
    ("centre_class", "offered"),
    [
        ("major", ["standard", "1-day", "3-days"]),
        ("regional", ["standard", "3-days", "5-days"]),
        ("district", ["standard", "7-days"]),
    ],
)
def test_expedited_options_per_centre_class(
    catalogue: Catalogue, centre_class: str, offered: list[str]
) -> None:
    urgency = catalogue.service(ID).question("urgency")
    assert urgency is not None
    assert [o.id for o in urgency.options_for(centre_class)] == offered


def test_standard_has_no_expedite_line(catalogue: Catalogue) -> None:
    q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD)
    assert [item.id for item in q.bill.lines] == ["state-duty"]


def test_exempt_visitor_pays_no_duty(catalogue: Catalogue) -> None:
    q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, duty_exemption="yes")
    assert line(q, "state-duty").amount == 0
    assert q.bill.total == 0
    exempt_third = quote(
        catalogue, ID, ID_LOST_FIRST_STANDARD, duty_exemption="yes", losses_this_year="3-or-more"
    )
    assert exempt_third.bill.total == 0


def test_second_loss_is_still_point_two(catalogue: Catalogue) -> None:
    assert quote(catalogue, ID, ID_LOST_FIRST_STANDARD, losses_this_year="2").bill.total == 865


def test_today_is_the_visit_year(catalogue: Catalogue) -> None:
    assert quote(catalogue, ID, ID_LOST_FIRST_STANDARD, day=TODAY).mci.year == TODAY.year
