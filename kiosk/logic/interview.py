"""Which question comes next, going back, and changing an answer.

Answers are a mapping of question id to option id. The catalogue's question order is the
order of asking; a question is asked when its `when` holds for the answers so far. When a
blocker applies the interview stops: nothing more is asked until an answer changes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from kiosk.logic.catalogue import Blocker, Question, Service
from kiosk.logic.conditions import answer_tests, describe, holds


class AnswerError(ValueError):
    """An answer names an unknown question or option, or a question that does not apply."""


class UnknownQuestion(AnswerError):
    """The service has no question with this id."""


class UnknownOption(AnswerError):
    """The question has no such option (at this centre)."""


class NotApplicable(AnswerError):
    """The question is not asked for these answers."""


Answers = Mapping[str, str]


def applicable_questions(service: Service, answers: Answers, centre_class: str) -> list[Question]:
    """The questions asked for these answers, in order."""
    return [q for q in service.questions if holds(q.when, answers, centre_class)]


def active_blockers(service: Service, answers: Answers, centre_class: str) -> list[Blocker]:
    """The blockers that apply to these answers."""
    return [b for b in service.blockers if holds(b.when, answers, centre_class)]


def is_blocked(service: Service, answers: Answers, centre_class: str) -> bool:
    """Whether a blocker applies to these answers."""
    return any(holds(b.when, answers, centre_class) for b in service.blockers)


def first_unanswered(service: Service, answers: Answers, centre_class: str) -> Question | None:
    """The first question asked for these answers and not answered, blockers aside."""
    return next(
        (
            q
            for q in service.questions
            if q.id not in answers and holds(q.when, answers, centre_class)
        ),
        None,
    )


def next_question(service: Service, answers: Answers, centre_class: str) -> Question | None:
    """The first question still to answer; None when complete or blocked."""
    if is_blocked(service, answers, centre_class):
        return None
    return first_unanswered(service, answers, centre_class)


def answer_paths(service: Service, centre_class: str) -> Iterator[dict[str, str]]:
    """Every way through the interview, answers in the order asked: each path ends complete
    or at a blocker (a question with no option at this centre ends a path too)."""
    stack: list[dict[str, str]] = [{}]
    while stack:
        answers = stack.pop()
        question = next_question(service, answers, centre_class)
        if question is None:
            yield answers
            continue
        options = question.options_for(centre_class)
        if not options:
            yield answers
        for option in reversed(options):  # popped in the catalogue's order
            stack.append({**answers, question.id: option.id})


def is_complete(service: Service, answers: Answers, centre_class: str) -> bool:
    """Every applicable question is answered and no blocker applies."""
    if active_blockers(service, answers, centre_class):
        return False
    return next_question(service, answers, centre_class) is None


def check_answers(service: Service, answers: Answers, centre_class: str) -> None:
    """Raise an AnswerError naming the first answer that cannot stand."""
    for question_id, option_id in answers.items():
        question = service.question(question_id)
        if question is None:
            known = ", ".join(q.id for q in service.questions)
            raise UnknownQuestion(
                f"service {service.id!r} has no question {question_id!r} (questions: {known})"
            )
        offered = question.options_for(centre_class)
        if option_id not in {option.id for option in offered}:
            choices = ", ".join(option.id for option in offered)
            where = f" at a {centre_class} centre" if question.option(option_id) else ""
            raise UnknownOption(
                f"question {question_id!r} has no option {option_id!r}{where} (options: {choices})"
            )
    asked = {q.id for q in applicable_questions(service, answers, centre_class)}
    for question_id in answers:
        if question_id not in asked:
            question = service.question(question_id)
            when = describe(question.when) if question else "never"
            raise NotApplicable(
                f"question {question_id!r} does not apply to these answers "
                f"(it is asked only when {when})"
            )


def prune(service: Service, answers: Answers, centre_class: str) -> dict[str, str]:
    """The answers that still apply, in question order (conditions look only backwards)."""
    kept: dict[str, str] = {}
    for question in service.questions:
        if question.id in answers and holds(question.when, kept, centre_class):
            kept[question.id] = answers[question.id]
    return kept


def progress(
    service: Service, answers: Answers, centre_class: str, question_id: str
) -> tuple[int, int | None]:
    """Position of a question among those asked (1-based) and how many there will be.

    The total is None when it is not yet certain: a later question's `when` could still
    change with an answer not given yet.
    """
    asked = applicable_questions(service, answers, centre_class)
    ids = [q.id for q in asked]
    position = ids.index(question_id) + 1 if question_id in ids else len(ids) + 1
    for question in service.questions:
        if question.id in answers or question.when is None:
            continue
        if question.id not in ids and _could_apply(question, service, answers, centre_class):
            return position, None
    return position, len(asked)


def _could_apply(question: Question, service: Service, answers: Answers, centre: str) -> bool:
    """Whether some answers still open could make `question` apply."""
    open_questions = {
        test.question for test in answer_tests(question.when) if test.question not in answers
    }
    if not open_questions:
        return False
    trial = dict(answers)
    return _any_assignment(sorted(open_questions), service, trial, question, centre)


def _any_assignment(
    open_ids: list[str], service: Service, trial: dict[str, str], question: Question, centre: str
) -> bool:
    if not open_ids:
        return holds(question.when, trial, centre)
    first, rest = open_ids[0], open_ids[1:]
    asked = service.question(first)
    if asked is None:
        return False
    for option in asked.options_for(centre):
        trial[first] = option.id
        if _any_assignment(rest, service, trial, question, centre):
            del trial[first]
            return True
    del trial[first]
    return False


class Interview:
    """One visitor's answers to one service, with a cursor on the question shown.

    Moving forward after an answer goes to the next question that applies (answered or
    not), so Back then Next walks the same path; a changed answer drops the later answers
    that no longer apply.
    """

    def __init__(self, service: Service, centre_class: str) -> None:
        self.service = service
        self.centre_class = centre_class
        self.answers: dict[str, str] = {}

    def first(self) -> Question:
        """The first question asked."""
        return applicable_questions(self.service, self.answers, self.centre_class)[0]

    def answer(self, question_id: str, option_id: str) -> None:
        """Record an answer (replacing any earlier one) and drop answers that no longer apply."""
        trial = dict(self.answers)
        trial[question_id] = option_id
        trial = prune(self.service, trial, self.centre_class)
        check_answers(self.service, trial, self.centre_class)
        if question_id not in trial:
            check_answers(self.service, {**self.answers, question_id: option_id}, self.centre_class)
        self.answers = trial

    def after(self, question_id: str) -> Question | None:
        """The question shown after this one: None means review (or a blocker applies)."""
        if active_blockers(self.service, self.answers, self.centre_class):
            return None
        asked = applicable_questions(self.service, self.answers, self.centre_class)
        ids = [q.id for q in asked]
        later = asked[ids.index(question_id) + 1 :] if question_id in ids else asked
        return later[0] if later else None

    def before(self, question_id: str) -> Question | None:
        """The question shown before this one; None at the first."""
        asked = applicable_questions(self.service, self.answers, self.centre_class)
        ids = [q.id for q in asked]
        if question_id not in ids:
            return asked[-1] if asked else None
        index = ids.index(question_id)
        return asked[index - 1] if index > 0 else None

    def next_unanswered(self) -> Question | None:
        """The first question still to answer (after a change, what must be asked again)."""
        return next_question(self.service, self.answers, self.centre_class)

    @property
    def complete(self) -> bool:
        """All questions that apply are answered and nothing blocks."""
        return is_complete(self.service, self.answers, self.centre_class)

    @property
    def blockers(self) -> list[Blocker]:
        """Blockers in force."""
        return active_blockers(self.service, self.answers, self.centre_class)

    def clear(self) -> None:
        """Forget every answer."""
        self.answers = {}
