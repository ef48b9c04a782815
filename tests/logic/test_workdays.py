"""Kazakhstan's working days from the `holidays` calendar."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.logic.workdays import add_working_days, is_working_day


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 11, 23), True),  # Monday
        (date(2026, 11, 28), False),  # Saturday
        (date(2026, 12, 16), False),  # Independence Day
        (date(2026, 3, 24), False),  # Nowruz, moved day off
        (date(2025, 1, 3), False),  # a weekday made a day off
        (date(2025, 1, 5), True),  # a Sunday made a working day
    ],
)
def test_working_days(day: date, working: bool) -> None:
    assert is_working_day(day) is working


def test_add_working_days() -> None:
    assert add_working_days(date(2026, 11, 23), 15) == date(2026, 12, 14)
    assert add_working_days(date(2026, 11, 23), 0) == date(2026, 11, 23)
    assert add_working_days(date(2026, 12, 30), 2) == date(2027, 1, 5)  # New Year's days


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 1), -1)
