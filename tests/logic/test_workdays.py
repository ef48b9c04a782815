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


# --- The operator's calendar.yaml, over the holidays package ---------------------------------


def _lost_card_ready_by(folder) -> date:
    from kiosk.logic.catalogue import load_catalogue
    from kiosk.logic.quote import make_quote
    from tests.logic.helpers import ID_LOST_FIRST_STANDARD

    quote = make_quote(
        load_catalogue(folder),
        "id-card-restoration",
        ID_LOST_FIRST_STANDARD,
        visit_date=date(2026, 11, 23),
        centre_class="major",
        language="en",
    )
    assert quote.ready_by is not None
    return quote.ready_by


def test_a_day_off_the_operator_adds_moves_the_ready_by_date(catalogue_copy) -> None:
    before = _lost_card_ready_by(catalogue_copy)  # 15 working days: 2026-12-14
    assert before == date(2026, 12, 14)
    (catalogue_copy / "calendar.yaml").write_text(
        "# A day off announced after this release\ndays_off: [2026-12-02]\n", encoding="utf-8"
    )
    assert _lost_card_ready_by(catalogue_copy) == date(2026, 12, 15)
    (catalogue_copy / "calendar.yaml").write_text(
        "days_off: [2026-12-02]\nworking_days: [2026-11-28]  # a Saturday worked instead\n",
        encoding="utf-8",
    )
    assert _lost_card_ready_by(catalogue_copy) == date(2026, 12, 14)


def test_the_calendar_file_is_part_of_the_catalogue_version(catalogue_copy) -> None:
    from kiosk.logic.catalogue import load_catalogue

    plain = load_catalogue(catalogue_copy)
    (catalogue_copy / "calendar.yaml").write_text("days_off: [2026-12-02]\n", encoding="utf-8")
    changed = load_catalogue(catalogue_copy)
    assert changed.version != plain.version and "calendar.yaml" in changed.texts


def test_a_broken_calendar_file_names_the_file_and_field(catalogue_copy) -> None:
    import pytest

    from kiosk.logic.catalogue import CatalogueError, load_catalogue

    (catalogue_copy / "calendar.yaml").write_text(
        "days_off: [2026-12-02, 2026-13-01]\n", encoding="utf-8"
    )
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(catalogue_copy)
    assert str(caught.value.problems[0]).startswith("catalogue/calendar.yaml:1: not a valid value")
    (catalogue_copy / "calendar.yaml").write_text(
        "days_off: [2026-12-02]\nworking_days: [2026-12-02]\n", encoding="utf-8"
    )
    with pytest.raises(CatalogueError, match="2026-12-02 is both a day off and a working day"):
        load_catalogue(catalogue_copy)
