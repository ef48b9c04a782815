"""Ready-by dates over Kazakhstan's working days.

Weekends, public holidays and the government's moved days off (a weekday made a day off,
a Saturday or Sunday made a working day) come from the `holidays` package.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=8)
def _calendar(year: int) -> Any:
    # Two years, so that counting across New Year needs no second look-up. The package is
    # large and only a quote needs it, so it loads with the first quote, not at start-up.
    import holidays

    return holidays.country_holidays("KZ", years=(year, year + 1))


def is_working_day(day: date) -> bool:
    """Whether `day` is a working day in Kazakhstan."""
    return bool(_calendar(day.year).is_working_day(day))


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (`start` itself does not count)."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    left = days
    while left:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day
