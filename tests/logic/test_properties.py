"""Properties over every answer path, drawn by Hypothesis.

Each property compares the quote with something worked out apart from the code that made
it: the bill from the catalogue's rule data (conditions read here, MCI multiples times the
year's MCI rounded here), the documents and messages from their conditions, the ready-by
date by counting working days, the JSON read back, the same case reached another way.
"""

from __future__ import annotations

import itertools
import json
import re
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.logic.catalogue import Service
from kiosk.logic.i18n import LANGUAGES
from kiosk.logic.interview import Interview
from kiosk.logic.quote import Quote, make_quote
from kiosk.settings import demo_payment_profiles
from tests.emv_reference import verify

from .helpers import CATALOGUE, is_working_day, journeys, rounded, working_days_after

PROFILES = demo_payment_profiles()


def quote_for(journey, answers=None, **changes: Any) -> Quote:
    service_id, centre_class, path, day, language = journey
    arguments: dict[str, Any] = {
        "visit_date": day,
        "centre_class": centre_class,
        "language": language,
        **changes,
    }
    return make_quote(CATALOGUE, service_id, path if answers is None else answers, **arguments)


# --- The catalogue's rules, read here apart from kiosk.logic.conditions and quote ----------


def applies(
    condition: Any, answers: dict[str, str], centre_class: str, day: date | None = None
) -> bool:
    """A catalogue condition, evaluated from its data: {question, in}, {centre_class},
    {from_date} (on the visit `day`), {all}, {any}, {not}; a question not answered yet
    does not hold."""
    if condition is None:
        return True
    data = condition.model_dump(by_alias=True) if hasattr(condition, "model_dump") else condition
    if "question" in data:
        return data["question"] in answers and answers[data["question"]] in data["in"]
    if "centre_class" in data:
        return centre_class in data["centre_class"]
    if "from_date" in data:
        assert day is not None, "a date condition where no visit date is known"
        return day >= data["from_date"]
    if "mci_published" in data:
        assert day is not None, "a condition on the visit where no visit is known"
        return (day.year in CATALOGUE.fees.years()) is data["mci_published"]
    if "all" in data:
        return all(applies(part, answers, centre_class, day) for part in data["all"])
    if "any" in data:
        return any(applies(part, answers, centre_class, day) for part in data["any"])
    if "not" in data:
        return not applies(data["not"], answers, centre_class, day)
    raise AssertionError(f"a condition this test does not know: {data}")


def asked(service: Service, answers: dict[str, str], centre_class: str) -> list[str]:
    return [q.id for q in service.questions if applies(q.when, answers, centre_class)]


def expected_lines(
    service: Service, answers: dict[str, str], centre_class: str, day: date
) -> list[tuple[str, str, Decimal | None, Decimal]]:
    """(id, payee, MCI multiple, amount) of each bill line, from the rule data: the first
    case that holds, else the rule's own amount; an MCI multiple is multiplied by the visit
    year's MCI and rounded by that year's rule; a fixed fee takes its latest rate from on
    or before the day, for the centre's class."""
    mci = {entry.year: entry for entry in CATALOGUE.fees.mci}[day.year]
    lines = []
    for rule in service.bill:
        if not applies(rule.when, answers, centre_class):
            continue
        amount = next((c for c in rule.cases if applies(c.when, answers, centre_class)), rule)
        if amount.mci is not None:
            value = rounded(amount.mci * mci.value, mci.rounding)
            lines.append((rule.id, rule.payee, amount.mci, value))
            continue
        fee_id = amount.fee
        if amount.option_fee is not None:
            question = next(q for q in service.questions if q.id == amount.option_fee)
            option = next(o for o in question.options if o.id == answers[question.id])
            fee_id = option.fee
            if fee_id is None:
                continue  # an option with no fee (standard issuance) bills nothing
        fee = next(f for f in CATALOGUE.fees.fixed_fees if f.id == fee_id)
        rate = max((r for r in fee.rates if r.from_ <= day), key=lambda r: r.from_)
        lines.append((rule.id, rule.payee, None, rate.amounts[centre_class]))
    return lines


# --- Properties ------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(journeys(), st.data())
def test_the_bill_is_the_catalogues_rules_priced_at_the_years_mci(journey, data) -> None:
    """On the way (some answers given) and at the end (complete or blocked)."""
    service_id, centre_class, path, day, _ = journey
    service = CATALOGUE.service(service_id)
    given_answers = data.draw(st.integers(0, len(path)))
    answers = dict(list(path.items())[:given_answers])
    q = quote_for(journey, answers)
    blockers = [b.id for b in service.blockers if applies(b.when, answers, centre_class)]
    unanswered = [qid for qid in asked(service, answers, centre_class) if qid not in answers]
    assert [b.id for b in q.blockers] == blockers
    assert q.complete == (not blockers and not unanswered)
    assert not (q.complete and q.blocked)
    if answers == path:
        assert q.complete != q.blocked  # a journey ends complete or at a blocker
    assert q.next_question == (None if blockers or not unanswered else unanswered[0])
    schedule = {entry.year: entry.value for entry in CATALOGUE.fees.mci}
    assert (q.mci.year, q.mci.value) == (day.year, schedule[day.year])
    if len(answers) < len(path):
        assert not q.complete

    got = [(line.id, line.payee, line.mci, line.amount) for line in q.bill.lines]
    want = expected_lines(service, answers, centre_class, day) if q.complete else []
    assert got == want
    assert q.bill.total == sum((amount for *_, amount in want), Decimal(0))
    for line in q.bill.lines:
        assert line.amount >= 0 and line.amount == line.amount.to_integral_value()
        if line.mci is not None:  # the rule SERVICES.md gives for the year
            exact = line.mci * q.mci.value
            if q.mci.rounding == "up":
                assert exact <= line.amount < exact + 1
            else:
                assert abs(line.amount - exact) <= Decimal("0.5")


@settings(max_examples=200, deadline=None)
@given(journeys())
def test_documents_and_messages_are_those_whose_conditions_hold(journey) -> None:
    service_id, centre_class, answers, day, language = journey
    service = CATALOGUE.service(service_id)
    q = quote_for(journey)

    def holding(items) -> list[str]:
        return [item.id for item in items if applies(item.when, answers, centre_class, day)]

    assert [doc.id for doc in q.documents] == holding(service.documents)
    for shown in q.documents:
        rule = next(doc for doc in service.documents if doc.id == shown.id)
        case = next((c for c in rule.cases if applies(c.when, answers, centre_class, day)), None)
        assert shown.note == (case.text if case and case.text else rule.note).get(language)
        where = case.where if case and case.where else rule.where
        assert shown.where == (where.get(language) if where else None)
        assert shown.title == rule.title.get(language)
    assert [w.id for w in q.warnings] == holding(service.warnings)
    assert [n.id for n in q.notes] == holding(service.notes)
    mci = {entry.year: entry for entry in CATALOGUE.fees.mci}[day.year]
    for shown in (*q.warnings, *q.notes):
        rule = next(m for m in (*service.warnings, *service.notes) if m.id == shown.id)
        for amount in rule.amounts.values():  # such as the fine of 7 MCI, at the year's MCI
            value = rounded(amount.mci * mci.value, mci.rounding)
            shown_amounts = [
                Decimal(re.sub(r"\D", "", found))
                for found in re.findall(r"(\d[\d\s\u00a0\u202f,]*?)\s*₸", shown.text)
            ]
            assert value in shown_amounts, (shown.text, value)


@settings(max_examples=200, deadline=None)
@given(journeys())
def test_ready_by_is_the_chosen_options_working_days_later(journey) -> None:
    service_id, _, answers, _, _ = journey
    service = CATALOGUE.service(service_id)
    q = quote_for(journey)
    chosen = [
        option.working_days
        for question in service.questions
        for option in question.options
        if answers.get(question.id) == option.id and option.working_days is not None
    ]
    days = chosen[0] if chosen else service.working_days
    if not q.complete or days is None:
        assert q.ready_by is None
        return
    assert q.ready_by is not None
    assert is_working_day(q.ready_by)
    assert working_days_after(q.date, q.ready_by) == days


@settings(max_examples=150, deadline=None)
@given(journeys())
def test_payments_pay_each_payee_its_lines_and_sum_to_the_total(journey) -> None:
    q = quote_for(journey, profiles=PROFILES, reference="K01-20261123-0001")
    per_payee: dict[str, Decimal] = {}
    for line in q.bill.lines:
        per_payee[line.payee] = per_payee.get(line.payee, Decimal(0)) + line.amount
    assert [(p.payee, p.amount) for p in q.payments] == [
        (payee, amount) for payee, amount in per_payee.items() if amount > 0
    ]
    assert sum((p.amount for p in q.payments), Decimal(0)) == q.bill.total
    for payment in q.payments:
        assert Decimal(verify(payment.payload)["54"]) == payment.amount


@settings(max_examples=150, deadline=None)
@given(journeys())
def test_the_quotes_json_reads_back_as_the_quote(journey) -> None:
    q = quote_for(journey)
    data = json.loads(json.dumps(q.to_json(), ensure_ascii=False))
    assert data["service"] == q.service and data["language"] == q.language
    assert date.fromisoformat(data["date"]) == q.date
    assert data["complete"] == q.complete and data["next_question"] == q.next_question
    assert data["answers"] == q.answers
    for group in ("blockers", "warnings", "notes", "documents"):
        assert [item["id"] for item in data[group]] == [item.id for item in getattr(q, group)]
    assert [w["text"] for w in data["warnings"]] == [w.text for w in q.warnings]
    lines = data["bill"]["lines"]
    assert [
        (
            line["id"],
            line["payee"],
            None if line["mci"] is None else Decimal(line["mci"]),
            Decimal(line["amount"]),
        )
        for line in lines
    ] == [(line.id, line.payee, line.mci, line.amount) for line in q.bill.lines]
    assert Decimal(data["bill"]["total"]) == sum(
        (Decimal(line["amount"]) for line in lines), Decimal(0)
    )
    assert Decimal(data["bill"]["total"]) == q.bill.total
    ready_by = data["ready_by"]
    assert (date.fromisoformat(ready_by) if ready_by else None) == q.ready_by
    assert (data["mci"]["year"], Decimal(data["mci"]["value"])) == (q.mci.year, q.mci.value)


@settings(max_examples=100, deadline=None)
@given(journeys())
def test_only_the_texts_depend_on_the_language(journey) -> None:
    def facts(q: Quote):
        return (
            q.complete,
            q.next_question,
            [b.id for b in q.blockers],
            [w.id for w in q.warnings],
            [n.id for n in q.notes],
            [d.id for d in q.documents],
            [(line.id, line.mci, line.amount, line.payee) for line in q.bill.lines],
            q.ready_by,
        )

    quotes = [quote_for(journey, language=language) for language in LANGUAGES]
    assert all(facts(q) == facts(quotes[0]) for q in quotes)
    assert {q.language for q in quotes} == set(LANGUAGES)


@settings(max_examples=200, deadline=None)
@given(journeys(), st.randoms(use_true_random=False))
def test_answer_order_does_not_matter(journey, rnd) -> None:
    items = list(journey[2].items())
    rnd.shuffle(items)
    assert quote_for(journey, dict(items)) == quote_for(journey)


@settings(max_examples=200, deadline=None)
@given(journeys(), st.data())
def test_back_then_forward_walks_the_same_questions_to_the_same_quote(journey, data) -> None:
    """Answer along the path, go Back some steps, then Next through what `after` shows
    (answering as before): the questions shown are the path's own, in its order, the walk
    ends where the path ends, and the quote is the path's."""
    service_id, centre_class, path, _, _ = journey
    interview = Interview(CATALOGUE.service(service_id), centre_class)
    order = list(path)
    interview.answer(order[0], path[order[0]])
    for previous, question in itertools.pairwise(order):
        shown = interview.after(previous)
        assert shown is not None and shown.id == question
        interview.answer(question, path[question])
    assert interview.after(order[-1]) is None  # review, or the blocker
    steps = data.draw(st.integers(0, len(order) - 1))
    shown_id = order[-1]
    for _ in range(steps):
        previous = interview.before(shown_id)
        assert previous is not None and previous.id == order[order.index(shown_id) - 1]
        shown_id = previous.id
    assert interview.before(order[0]) is None
    walked = []
    while shown_id is not None:
        walked.append(shown_id)
        interview.answer(shown_id, path[shown_id])
        following = interview.after(shown_id)
        shown_id = following.id if following else None
    tail = order[len(order) - 1 - steps :]
    whole = quote_for(journey)
    if whole.complete:
        assert walked == tail
    else:  # with the blocking answer still given, Next goes straight to the blocker
        assert walked == tail[: len(walked)]
    assert interview.complete == whole.complete
    assert quote_for(journey, interview.answers) == whole


@settings(max_examples=200, deadline=None)
@given(journeys(), st.data())
def test_changing_an_answer_and_changing_it_back_recovers_the_quote(journey, data) -> None:
    """Change one answer to another option, then back: the answers that no longer applied
    are dropped, and answering what the interview asks again (as before) gives the quote.
    (A blocked path ends at its blocker: questions it dropped before it are not asked.)"""
    service_id, centre_class, path, _, _ = journey
    service = CATALOGUE.service(service_id)
    interview = Interview(service, centre_class)
    for question, option in path.items():
        interview.answer(question, option)
    question_id = data.draw(st.sampled_from(list(path)))
    question = service.question(question_id)
    assert question is not None
    others = [o.id for o in question.options_for(centre_class) if o.id != path[question_id]]
    if others:
        interview.answer(question_id, data.draw(st.sampled_from(others)))
        assert all(
            applies(service.question(q).when, interview.answers, centre_class)
            for q in interview.answers
        )
    interview.answer(question_id, path[question_id])
    while (ask := interview.next_unanswered()) is not None:
        assert ask.id in path, f"{ask.id} was not asked on the path {list(path)}"
        interview.answer(ask.id, path[ask.id])
    again, whole = quote_for(journey, interview.answers), quote_for(journey)
    if whole.complete:
        assert again == whole
    else:
        assert again.blocked and again.blockers == whole.blockers
        assert again.answers.items() <= whole.answers.items()
