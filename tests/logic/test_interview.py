"""The interview engine: next question, back, change, and the errors it names."""

from __future__ import annotations

import pytest

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.interview import (
    Interview,
    NotApplicable,
    UnknownOption,
    UnknownQuestion,
    check_answers,
    next_question,
    progress,
)

from .helpers import ID_LOST_FIRST_STANDARD

ID = "id-card-restoration"


def test_questions_come_one_at_a_time_in_order(catalogue: Catalogue) -> None:
    service = catalogue.service(ID)
    answers: dict[str, str] = {}
    asked = []
    while (question := next_question(service, answers, "major")) is not None:
        asked.append(question.id)
        answers[question.id] = ID_LOST_FIRST_STANDARD[question.id]
    assert asked == list(ID_LOST_FIRST_STANDARD)


def test_police_talon_is_asked_only_when_stolen(catalogue: Catalogue) -> None:
    service = catalogue.service(ID)
    assert next_question(service, {"circumstance": "lost"}, "major").id == "losses-this-year"
    assert next_question(service, {"circumstance": "stolen"}, "major").id == "police-talon"


def test_blocker_stops_the_interview(catalogue: Catalogue) -> None:
    interview = Interview(catalogue.service(ID), "major")
    interview.answer("circumstance", "stolen")
    interview.answer("police-talon", "no")
    assert [b.id for b in interview.blockers] == ["police-report-first"]
    assert interview.next_unanswered() is None
    assert interview.after("police-talon") is None
    assert not interview.complete


def test_back_keeps_answers_and_forward_walks_the_same_path(catalogue: Catalogue) -> None:
    interview = Interview(catalogue.service(ID), "major")
    for question, option in ID_LOST_FIRST_STANDARD.items():
        interview.answer(question, option)
    assert interview.complete
    before = interview.before("urgency")
    assert before is not None and before.id == "days-without-id"
    assert interview.before("losses-this-year").id == "circumstance"
    assert interview.before("circumstance") is None
    assert interview.answers == ID_LOST_FIRST_STANDARD  # going back forgets nothing
    interview.answer("days-without-id", "under-10-days")
    assert interview.after("days-without-id").id == "urgency"
    assert interview.answers == ID_LOST_FIRST_STANDARD


def test_changing_an_answer_drops_what_no_longer_applies(catalogue: Catalogue) -> None:
    interview = Interview(catalogue.service(ID), "major")
    interview.answer("circumstance", "stolen")
    interview.answer("police-talon", "yes")
    for question in list(ID_LOST_FIRST_STANDARD)[1:]:
        interview.answer(question, ID_LOST_FIRST_STANDARD[question])
    assert interview.complete and "police-talon" in interview.answers
    interview.answer("circumstance", "lost")
    assert "police-talon" not in interview.answers
    assert interview.answers == ID_LOST_FIRST_STANDARD
    assert interview.complete
    interview.answer("circumstance", "stolen")  # the talon must now be asked again
    assert interview.next_unanswered().id == "police-talon"
    assert not interview.complete


def test_unknown_question_is_named(catalogue: Catalogue) -> None:
    with pytest.raises(UnknownQuestion, match="'colour'"):
        check_answers(catalogue.service(ID), {"colour": "red"}, "major")


def test_unknown_option_is_named(catalogue: Catalogue) -> None:
    with pytest.raises(UnknownOption, match="'circumstance' has no option 'burnt'"):
        check_answers(catalogue.service(ID), {"circumstance": "burnt"}, "major")


def test_option_of_another_centre_class_is_named(catalogue: Catalogue) -> None:
    with pytest.raises(UnknownOption, match="'7-days' at a major centre"):
        check_answers(catalogue.service(ID), {"urgency": "7-days"}, "major")


def test_answer_to_a_question_that_does_not_apply(catalogue: Catalogue) -> None:
    with pytest.raises(NotApplicable, match=r"'police-talon'.*circumstance=stolen"):
        check_answers(
            catalogue.service(ID), {"circumstance": "lost", "police-talon": "yes"}, "major"
        )
    interview = Interview(catalogue.service(ID), "major")
    interview.answer("circumstance", "lost")
    with pytest.raises(NotApplicable):
        interview.answer("police-talon", "yes")
    assert interview.answers == {"circumstance": "lost"}


def test_progress_total_only_when_certain(catalogue: Catalogue) -> None:
    service = catalogue.service(ID)
    # Before the first answer, police-talon may or may not be asked.
    assert progress(service, {}, "major", "circumstance") == (1, None)
    assert progress(service, {"circumstance": "lost"}, "major", "losses-this-year") == (2, 6)
    assert progress(service, {"circumstance": "stolen"}, "major", "police-talon") == (2, 7)
