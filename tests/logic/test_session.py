"""The walk through a service's questions, decided without a screen."""

from __future__ import annotations

from datetime import date

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.session import VisitorSession

from .helpers import ID_LOST_FIRST_STANDARD, TODAY


def started(catalogue: Catalogue) -> VisitorSession:
    session = VisitorSession(language="en")
    assert session.choose(catalogue.service("id-card-restoration"), "major") == "question"
    assert session.question == "circumstance"
    return session


def test_answers_lead_question_by_question_to_the_review(catalogue: Catalogue) -> None:
    session = started(catalogue)
    asked = []
    step = "question"
    while step == "question":
        asked.append(session.question)
        step = session.answer(session.question, ID_LOST_FIRST_STANDARD[session.question])
    assert step == "review"
    # The order the catalogue asks in, and no question the answers made irrelevant.
    service = catalogue.service("id-card-restoration")
    assert asked == [q.id for q in service.questions if q.id in ID_LOST_FIRST_STANDARD]
    assert session.dated(TODAY) == TODAY
    assert session.case().answers == ID_LOST_FIRST_STANDARD
    assert session.dated(date(2027, 1, 1)) == TODAY  # the visit keeps its day


def test_a_blocking_answer_goes_to_the_blocker(catalogue: Catalogue) -> None:
    session = started(catalogue)
    assert session.answer("circumstance", "stolen") == "question"
    assert session.question == "police-talon"
    assert session.answer("police-talon", "no") == "blocker"


def test_back_from_the_first_question_is_the_service_list(catalogue: Catalogue) -> None:
    session = started(catalogue)
    assert session.back() == "services"
    session.answer("circumstance", "lost")
    assert session.question == "losses-this-year"
    assert session.back() == "question" and session.question == "circumstance"
    assert session.forward() == "question" and session.question == "losses-this-year"
    assert session.forward() is None  # not answered yet: Continue does nothing


def test_a_change_asks_what_it_made_relevant_then_returns_to_the_review(catalogue) -> None:
    session = started(catalogue)
    for question, option in ID_LOST_FIRST_STANDARD.items():
        session.answer(question, option)
    assert session.change("circumstance") == "question"
    assert session.answer("circumstance", "stolen") == "question"
    assert session.question == "police-talon"  # new, because the loss was a theft
    assert session.answer("police-talon", "yes") == "review"
    assert session.back_from_review() == "question" and session.question == "urgency"


def test_a_wipe_forgets_everything(catalogue: Catalogue) -> None:
    session = started(catalogue)
    session.answer("circumstance", "lost")
    session.have.add("application")
    session.reference = "K01-20261123-0001"
    session.large_text = True
    session.dated(TODAY)
    session.wipe("kk")
    assert session == VisitorSession(language="kk")
