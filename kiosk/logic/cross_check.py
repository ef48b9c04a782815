"""Cross-checks of a loaded catalogue: every id a rule names is defined, no id is used
twice, conditions look only backwards (and dates only where the visit date is known), every
text can be filled in; the fee schedule has no year or fee twice."""

from __future__ import annotations

from typing import Any

from kiosk.logic.catalogue import AmountCase, Problem, Service
from kiosk.logic.conditions import Condition, answer_tests, on_the_visit
from kiosk.logic.i18n import LANGUAGES, LocalText, placeholders
from kiosk.logic.money import FeeSchedule
from kiosk.logic.yamlfile import YamlFile


def _duplicates(ids: list[str]) -> list[tuple[int, str]]:
    seen: set[str] = set()
    found = []
    for index, item in enumerate(ids):
        if item in seen:
            found.append((index, item))
        seen.add(item)
    return found


def check_fees(fees: FeeSchedule, source: YamlFile) -> list[Problem]:
    problems = []

    def problem(loc: tuple[Any, ...], message: str) -> None:
        path, line = source.locate(loc)
        problems.append(Problem(source.name, path, message, line))

    for index, year in _duplicates([str(entry.year) for entry in fees.mci]):
        problem(("mci", index, "year"), f"year {year} is given twice")
    for index, fee_id in _duplicates([fee.id for fee in fees.fixed_fees]):
        problem(("fixed_fees", index, "id"), f"fixed fee {fee_id!r} is defined twice")
    for index, payee_id in _duplicates([payee.id for payee in fees.payees]):
        problem(("payees", index, "id"), f"payee {payee_id!r} is defined twice")
    return problems


def cross_check(service: Service, fees: FeeSchedule, source: YamlFile) -> list[Problem]:
    """Every id the service's rules name is defined; conditions look only backwards."""
    problems: list[Problem] = []

    def problem(loc: tuple[Any, ...], message: str) -> None:
        path, line = source.locate(loc)
        problems.append(Problem(source.name, path, message, line))

    fee_ids = {fee.id for fee in fees.fixed_fees}
    position = {question.id: index for index, question in enumerate(service.questions)}

    def check_condition(
        loc: tuple[Any, ...], condition: Condition | None, before: int, dated: bool = False
    ) -> None:
        if not dated and on_the_visit(condition):
            problem(
                loc,
                "a condition on the visit (from_date, mci_published) may stand only on "
                "documents, warnings, notes and the online alternative",
            )
        for test in answer_tests(condition):
            question = service.question(test.question)
            if question is None:
                problem(loc, f"condition on unknown question {test.question!r}")
                continue
            if position[test.question] >= before:
                problem(loc, f"condition on question {test.question!r}, which is not asked before")
            for option_id in test.in_:
                if question.option(option_id) is None:
                    problem(loc, f"question {test.question!r} has no option {option_id!r}")

    groups: dict[str, list[str]] = {
        "questions": [q.id for q in service.questions],
        "documents": [d.id for d in service.documents],
        "bill": [b.id for b in service.bill],
        "blockers": [b.id for b in service.blockers],
        "warnings": [w.id for w in service.warnings],
        "notes": [n.id for n in service.notes],
    }
    for group, ids in groups.items():
        for index, item in _duplicates(ids):
            problem((group, index, "id"), f"id {item!r} is used twice in {group}")

    everything = len(service.questions)
    for qi, question in enumerate(service.questions):
        check_condition(("questions", qi, "when"), question.when, qi)
        for oi, item in _duplicates([option.id for option in question.options]):
            problem(("questions", qi, "options", oi, "id"), f"option {item!r} is given twice")
        for oi, option in enumerate(question.options):
            if option.fee is not None and option.fee not in fee_ids:
                problem(("questions", qi, "options", oi, "fee"), f"unknown fee {option.fee!r}")
    for di, document in enumerate(service.documents):
        check_condition(("documents", di, "when"), document.when, everything, dated=True)
        check_condition(("documents", di, "held"), document.held, everything, dated=True)
        for ci, case in enumerate(document.cases):
            check_condition(("documents", di, "cases", ci, "when"), case.when, everything, True)
    for bi, rule in enumerate(service.bill):
        check_condition(("bill", bi, "when"), rule.when, everything)
        if rule.payee not in fees.payee_ids():
            problem(("bill", bi, "payee"), f"unknown payee {rule.payee!r}")
        for loc, amount in [(("bill", bi), rule)] + [
            (("bill", bi, "cases", ci), case) for ci, case in enumerate(rule.cases)
        ]:
            if isinstance(amount, AmountCase):
                check_condition((*loc, "when"), amount.when, everything)
            if amount.fee is not None and amount.fee not in fee_ids:
                problem((*loc, "fee"), f"unknown fee {amount.fee!r}")
            if amount.option_fee is not None and service.question(amount.option_fee) is None:
                problem((*loc, "option_fee"), f"unknown question {amount.option_fee!r}")
    for bi, blocker in enumerate(service.blockers):
        check_condition(("blockers", bi, "when"), blocker.when, everything)
    for group, messages in (("warnings", service.warnings), ("notes", service.notes)):
        for mi, message in enumerate(messages):
            check_condition((group, mi, "when"), message.when, everything, dated=True)
            for ci, case in enumerate(message.cases):
                check_condition((group, mi, "cases", ci, "when"), case.when, everything, True)
            texts: list[tuple[tuple[Any, ...], LocalText]] = [((group, mi, "text"), message.text)]
            for ci, case in enumerate(message.cases):
                if case.where is not None:
                    problem((group, mi, "cases", ci, "where"), "a message has no where")
                if case.text is not None:
                    texts.append(((group, mi, "cases", ci, "text"), case.text))
            for loc, local in texts:
                for language in LANGUAGES:
                    try:
                        names = placeholders(local.get(language))
                    except ValueError as error:  # a stray brace: the text cannot be filled in
                        problem((*loc, language), f"not a valid text: {error}")
                        continue
                    for name in sorted(names - set(message.amounts)):
                        problem((*loc, language), f"placeholder {{{name}}} has no entry in amounts")
    if service.online is not None:
        check_condition(("online", "when"), service.online.when, everything, dated=True)
    return problems
