"""The dashboard's day figures are counted by the journal; out of order survives a restart."""

from __future__ import annotations

from datetime import date, datetime

from kiosk.storage.figures import day_figures
from kiosk.storage.journal import Journal
from kiosk.storage.out_of_order import OutOfOrder


def test_a_day_is_counted_by_service_outcome_language_and_where_people_gave_up(tmp_path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    morning = datetime(2026, 11, 23, 9, 0)
    plan = [
        ("id-card-restoration", "kk", "completed", "result"),
        ("id-card-restoration", "ru", "abandoned", "documents"),
        ("driving-licence-replacement", "kk", "timed-out", "question"),
        (None, "en", "abandoned", "services"),
        ("id-card-restoration", "kk", None, "question"),  # still at the kiosk
    ]
    for service, language, outcome, screen in plan:
        session = journal.start_session(language, morning)
        journal.update_session(session, service=service, last_screen=screen)
        if outcome:
            journal.end_session(session, outcome, morning)
    other_day = journal.start_session("kk", datetime(2026, 11, 22, 18, 0))
    journal.end_session(other_day, "completed", datetime(2026, 11, 22, 18, 5))

    figures = day_figures(journal, date(2026, 11, 23))
    assert figures.sessions == 5
    assert figures.services == {
        None: 1,
        "driving-licence-replacement": 1,
        "id-card-restoration": 3,
    }
    assert figures.outcomes == {
        "abandoned": 2,
        "completed": 1,
        "in progress": 1,
        "timed-out": 1,
    }
    assert figures.languages == {"en": 1, "kk": 3, "ru": 1}
    assert figures.gave_up == {"documents": 1, "question": 1, "services": 1}
    assert day_figures(journal, date(2026, 11, 24)).sessions == 0


def test_out_of_order_is_kept_in_the_data_folder(tmp_path) -> None:
    state = OutOfOrder(tmp_path / "data")
    assert not state.on
    state.set(True, datetime(2026, 11, 23, 14, 5))
    assert OutOfOrder(tmp_path / "data").on  # as a restarted kiosk finds it
    assert (tmp_path / "data" / "out-of-order").read_text() == "2026-11-23T14:05:00"
    state.set(False, datetime(2026, 11, 23, 15, 0))
    assert not OutOfOrder(tmp_path / "data").on
