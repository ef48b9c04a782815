"""Answer sets used across the logic tests."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

import holidays
from hypothesis import strategies as st

from kiosk.logic.catalogue import Catalogue, load_catalogue
from kiosk.logic.conditions import CENTRE_CLASSES
from kiosk.logic.i18n import LANGUAGES
from kiosk.logic.interview import next_question
from kiosk.logic.quote import Quote, make_quote
from kiosk.settings import ASSETS

TODAY = date(2026, 11, 23)
IN_2025 = date(2025, 6, 2)

ID_LOST_FIRST_STANDARD = {
    "circumstance": "lost",
    "losses-this-year": "1",
    "duty-exemption": "no",
    "foreign-passport": "no",
    "days-without-id": "under-10-days",
    "urgency": "standard",
}
ID_CARD_EXEMPT = {**ID_LOST_FIRST_STANDARD, "duty-exemption": "yes"}
# In a year with no MCI published (2027): the sentence a visitor reads, in each language.
NOT_PUBLISHED_2027 = {
    "kk": "2027 жылғы мемлекеттік баж мөлшері әлі жарияланған жоқ",
    "ru": "Размер государственной пошлины на 2027 год ещё не опубликован",
    "en": "The state duty amount for 2027 is not yet published",
}
LICENCE_EARLY = {
    "reason": "early",
    "unpaid-fines": "no",
    "recent-photo-document": "yes",
    "duty-paid-before": "no",
}


def quote(
    catalogue: Catalogue,
    service: str,
    answers: dict[str, str],
    *,
    day: date = TODAY,
    centre_class: str = "major",
    language: str = "en",
    **changes: str,
) -> Quote:
    """A quote for `answers` with some answers changed (underscores stand for hyphens)."""
    merged = dict(answers)
    merged.update({key.replace("_", "-"): value for key, value in changes.items()})
    return make_quote(
        catalogue,
        service,
        merged,
        visit_date=day,
        centre_class=centre_class,  # type: ignore[arg-type]
        language=language,  # type: ignore[arg-type]
    )


def rounded(amount: Decimal, rule: str) -> Decimal:
    """A non-negative amount in whole tenge by a rounding rule as SERVICES.md words it:
    `up` (any tiyn make one more tenge) or `half-up` (50 tiyn or more do). Written apart
    from kiosk.logic.money, which rounds with Decimal.quantize."""
    assert amount >= 0, amount
    whole = Decimal(int(amount))
    rest = amount - whole
    if rule == "up":
        return whole + (1 if rest > 0 else 0)
    if rule == "half-up":
        return whole + (1 if rest >= Decimal("0.5") else 0)
    raise ValueError(f"unknown rounding rule {rule!r}")


@cache
def _kz_calendar(first: int, last: int) -> Any:
    return holidays.country_holidays("KZ", years=range(first, last + 1))


def is_working_day(day: date) -> bool:
    """Whether `day` is a working day in Kazakhstan (the holidays package, directly)."""
    return bool(_kz_calendar(day.year, day.year).is_working_day(day))


def working_days_after(start: date, end: date) -> int:
    """Kazakhstan's working days after `start` up to and including `end`, counted day by
    day with the holidays package (apart from kiosk.logic.workdays)."""
    calendar = _kz_calendar(start.year, end.year)
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += bool(calendar.is_working_day(day))
    return count


CATALOGUE: Catalogue = load_catalogue(ASSETS)
YEARS = CATALOGUE.fees.years()
# The first day every fixed fee has an amount (the expedite fees are the article's 2025 ones).
FIRST_PRICED = max(
    date(YEARS[0], 1, 1), *(min(r.from_ for r in fee.rates) for fee in CATALOGUE.fees.fixed_fees)
)


@st.composite
def journeys(draw: st.DrawFn) -> tuple[str, str, dict[str, str], date, str]:
    """A service, a centre class, answers along one path (complete or blocked), a date."""
    service_id = draw(st.sampled_from(sorted(CATALOGUE.services)))
    centre_class = draw(st.sampled_from(CENTRE_CLASSES))
    service = CATALOGUE.service(service_id)
    answers: dict[str, str] = {}
    while (question := next_question(service, answers, centre_class)) is not None:
        options = [o.id for o in question.options_for(centre_class)]
        answers[question.id] = draw(st.sampled_from(options))
    start = FIRST_PRICED
    day = start + timedelta(days=draw(st.integers(0, (date(YEARS[-1], 12, 31) - start).days)))
    language = draw(st.sampled_from(LANGUAGES))
    return service_id, centre_class, answers, day, language
