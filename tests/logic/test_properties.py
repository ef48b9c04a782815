"""Properties over every answer path, drawn by Hypothesis."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.logic.interview import Interview
from kiosk.logic.quote import make_quote

from .helpers import CATALOGUE, journeys


def quote_for(journey, answers=None):
    service_id, centre_class, path, day, language = journey
    return make_quote(
        CATALOGUE,
        service_id,
        path if answers is None else answers,
        visit_date=day,
        centre_class=centre_class,
        language=language,
    )


@settings(max_examples=300, deadline=None)
@given(journeys())
def test_total_is_the_sum_of_the_lines_and_nothing_is_negative(journey) -> None:
    q = quote_for(journey)
    assert q.bill.total == sum(line.amount for line in q.bill.lines)
    assert all(line.amount >= 0 for line in q.bill.lines)
    assert all(line.amount == line.amount.to_integral_value() for line in q.bill.lines)
    assert q.complete != q.blocked
    assert (q.ready_by is not None) == (q.complete and q.service == "id-card-restoration")
    if q.ready_by is not None:
        assert q.ready_by > q.date


@settings(max_examples=200, deadline=None)
@given(journeys(), st.randoms(use_true_random=False))
def test_answer_order_does_not_matter(journey, rnd) -> None:
    items = list(journey[2].items())
    rnd.shuffle(items)
    assert quote_for(journey, dict(items)) == quote_for(journey)


@settings(max_examples=200, deadline=None)
@given(journeys(), st.data())
def test_back_then_forward_gives_the_same_quote(journey, data) -> None:
    service_id, centre_class, path, _, _ = journey
    interview = Interview(CATALOGUE.service(service_id), centre_class)
    for question, option in path.items():
        interview.answer(question, option)
    before = quote_for(journey, interview.answers)
    # Go back some steps, then forward again giving the same answers.
    steps = data.draw(st.integers(0, len(path)))
    shown = list(path)[-1]
    for _ in range(steps):
        previous = interview.before(shown)
        if previous is None:
            break
        shown = previous.id
    while shown is not None:
        interview.answer(shown, path[shown])
        following = interview.after(shown)
        shown = following.id if following else None
    assert interview.answers == path
    assert quote_for(journey, interview.answers) == before
