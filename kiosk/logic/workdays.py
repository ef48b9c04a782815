"""Ready-by dates over Kazakhstan's working days.

Weekends, public holidays and the government's moved days off (a weekday made a day off,
a Saturday or Sunday made a working day) come from the `holidays` package. An operator can
add what a release does not know yet in the catalogue's `calendar.yaml`, read over it:
days off (a new holiday, a moved day off) and working days (a Saturday worked instead).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


class WorkCalendar(BaseModel):
    """`calendar.yaml`: days the operator adds over the `holidays` calendar."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    days_off: tuple[date, ...] = Field(default=(), max_length=1000)
    working_days: tuple[date, ...] = Field(default=(), max_length=1000)

    @model_validator(mode="after")
    def _not_both(self) -> WorkCalendar:
        both = sorted(set(self.days_off) & set(self.working_days))
        if both:
            raise ValueError(f"{both[0].isoformat()} is both a day off and a working day")
        return self


NO_CHANGES = WorkCalendar()


@lru_cache(maxsize=8)
def _calendar(year: int) -> Any:
    # Two years, so that counting across New Year needs no second look-up. The package is
    # large and only a quote needs it, so it loads with the first quote, not at start-up.
    import holidays

    return holidays.country_holidays("KZ", years=(year, year + 1))


def is_working_day(day: date, changes: WorkCalendar = NO_CHANGES) -> bool:
    """Whether `day` is a working day in Kazakhstan (with the operator's `changes`)."""
    if day in changes.days_off:
        return False
    if day in changes.working_days:
        return True
    return bool(_calendar(day.year).is_working_day(day))


def add_working_days(start: date, days: int, changes: WorkCalendar = NO_CHANGES) -> date:
    """The date `days` working days after `start` (`start` itself does not count)."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    left = days
    while left:
        day += timedelta(days=1)
        if is_working_day(day, changes):
            left -= 1
    return day
