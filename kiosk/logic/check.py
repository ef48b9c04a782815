"""`kiosk catalogue check`: walk every answer path of every service at every centre class.

A path must end in a complete quote or a blocker, and a complete quote must be priced in
every year of the fee schedule (on the first day of the year, on every date a fixed fee
changes and on every date a rule starts). Loading has already checked the models, ids and
translations.

Checked on a day (`today`), dates already past before a fee's first rate are not priced
(no visit can come then), and warnings ask the operator to look without failing the check:
a fixed fee whose amounts date from more than a year before the day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from kiosk.logic.catalogue import Catalogue, CatalogueError, Problem, Service, load_catalogue
from kiosk.logic.conditions import (
    CENTRE_CLASSES,
    CentreClass,
    Condition,
    answer_tests,
    dates_in,
)
from kiosk.logic.interview import first_unanswered, is_blocked
from kiosk.logic.money import MoneyError
from kiosk.logic.quote import bill_plan, plan_amounts


@dataclass
class CheckReport:
    """What the walk found: counts, and problems (none means the catalogue is sound)."""

    services: int = 0
    paths: int = 0
    complete: int = 0
    blocked: int = 0
    years: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """No problem was found."""
        return not self.problems

    def summary(self) -> str:
        """One line for people."""
        years = f"{self.years[0]}–{self.years[-1]}" if self.years else "none"
        return (
            f"{self.services} services, {self.paths} answer paths "
            f"({self.complete} complete, {self.blocked} blocked) at "
            f"{len(CENTRE_CLASSES)} centre classes, priced for years {years}"
        )


def check_folder(folder: Path, today: date | None = None) -> CheckReport:
    """Load the catalogue in `folder` and walk it; loading problems are reported too."""
    try:
        catalogue = load_catalogue(folder)
    except CatalogueError as error:
        return CheckReport(problems=list(error.problems))
    return check_catalogue(catalogue, today)


def pricing_dates(catalogue: Catalogue) -> list[date]:
    """Dates to price on: 1 January of every schedule year, every fee-rate change, and every
    date a rule starts and the day before it."""
    years = catalogue.fees.years()
    dates = {date(year, 1, 1) for year in years}
    for fee in catalogue.fees.fixed_fees:
        dates.update(rate.from_ for rate in fee.rates if rate.from_.year in years)
    for service in catalogue.services.values():
        for condition in _dated_conditions(service):
            for day in dates_in(condition):
                dates.update(d for d in (day, day - timedelta(days=1)) if d.year in years)
    return sorted(dates)


def _dated_conditions(service: Service) -> list[Condition | None]:
    conditions: list[Condition | None] = [m.when for m in (*service.warnings, *service.notes)]
    for document in service.documents:
        conditions += [document.when, document.held, *(case.when for case in document.cases)]
    return conditions


def fee_warnings(catalogue: Catalogue, today: date) -> list[Problem]:
    """Fixed fees whose amounts in force on `today` date from more than a year before it:
    the operator should check them against the current prices."""
    warnings = []
    source = catalogue.sources.get("fees")
    for index, fee in enumerate(catalogue.fees.fixed_fees):
        rate = fee.rate_on(today)
        if rate is None or rate.from_ > today - timedelta(days=365):
            continue
        name, path, line = (
            catalogue.locate("fees", ("fixed_fees", index, "rates"))
            if source
            else ("fees.yaml", "", None)
        )
        warnings.append(
            Problem(
                name,
                path,
                f"fixed fee {fee.id!r}: its amounts date from {rate.from_.isoformat()}, more "
                f"than a year before {today.isoformat()}; check them against the current prices",
                line,
            )
        )
    return warnings


def check_catalogue(catalogue: Catalogue, today: date | None = None) -> CheckReport:
    """Walk every service's answer paths and price every complete one, as of `today` (the
    real day unless given): warn of fixed fees more than a year old on that day."""
    today = today or date.today()
    report = CheckReport(services=len(catalogue.services), years=catalogue.fees.years())
    report.warnings.extend(fee_warnings(catalogue, today))
    dates = pricing_dates(catalogue)
    if today.year in report.years:  # the day itself: a visitor can come today
        dates = sorted({*dates, today})
    for service in catalogue.services.values():
        walk = _Walk(catalogue, service, dates, report, today)
        for centre_class in CENTRE_CLASSES:
            paths, complete, blocked = walk.down(centre_class, {})
            report.paths += paths
            report.complete += complete
            report.blocked += blocked
    return report


def deciding_questions(service: Service) -> frozenset[str]:
    """The questions whose answers can change what is asked next, what blocks, or the bill.

    The other answers only change texts (documents, warnings, notes), so two paths that
    differ in them alone go on alike and cost the same: the walk takes one for all.
    """
    conditions = [question.when for question in service.questions]
    conditions += [blocker.when for blocker in service.blockers]
    for rule in service.bill:
        conditions += [rule.when, *(case.when for case in rule.cases)]
    named = {test.question for condition in conditions for test in answer_tests(condition)}
    for rule in service.bill:
        named.update(a.option_fee for a in (rule, *rule.cases) if a.option_fee is not None)
    return frozenset(named)


Counts = tuple[int, int, int]  # paths, complete, blocked


class _Walk:
    """Depth-first over one service's answers. What lies below a point depends only on
    which questions are answered and on the deciding answers: each such point is walked
    once, and its counts reused wherever the walk comes to it again."""

    def __init__(
        self,
        catalogue: Catalogue,
        service: Service,
        dates: list[date],
        report: CheckReport,
        today: date | None = None,
    ) -> None:
        self.catalogue, self.service, self.dates, self.report = catalogue, service, dates, report
        self.today = today
        self.deciding = deciding_questions(service)
        self.seen: set[str] = set()  # problems already reported
        self.below: dict[tuple[object, ...], Counts] = {}
        self.priced: set[tuple[object, ...]] = set()  # kinds of bill already priced

    def down(self, centre_class: CentreClass, answers: dict[str, str]) -> Counts:
        # The questions answered (in the order asked: the same set asked in another order
        # only misses the shared walk, never shares a wrong one) and the deciding answers.
        key = (
            centre_class,
            tuple(answers),
            tuple(a for q, a in answers.items() if q in self.deciding),
        )
        counts = self.below.get(key)
        if counts is None:
            counts = self.below[key] = self._visit(centre_class, answers)
        return counts

    def _visit(self, centre_class: CentreClass, answers: dict[str, str]) -> Counts:
        service = self.service
        if is_blocked(service, answers, centre_class):
            return (1, 0, 1)
        question = first_unanswered(service, answers, centre_class)
        if question is None:
            self._price(centre_class, answers)
            return (1, 1, 0)
        options = question.options_for(centre_class)
        if not options:
            index = service.questions.index(question)
            self._problem(
                ("questions", index, "options"),
                f"no option is offered at {centre_class} centres: the path {_path(answers)} "
                "ends with neither a complete quote nor a blocker",
                key=f"dead-end:{question.id}:{centre_class}",
            )
            return (0, 0, 0)
        if question.id not in self.deciding:  # every answer leads on alike: walk one
            paths, complete, blocked = self.down(
                centre_class, {**answers, question.id: options[0].id}
            )
            return (paths * len(options), complete * len(options), blocked * len(options))
        total = (0, 0, 0)
        for option in options:
            below = self.down(centre_class, {**answers, question.id: option.id})
            total = (total[0] + below[0], total[1] + below[1], total[2] + below[2])
        return total

    def _price(self, centre_class: CentreClass, answers: dict[str, str]) -> None:
        service = self.service
        ordered = {q.id: answers[q.id] for q in service.questions if q.id in answers}
        plan = bill_plan(service, ordered, centre_class)
        # Paths whose bills take the same amounts cost the same: price each kind once.
        kind = (centre_class, tuple((rule.id, id(amount), fee) for rule, amount, fee in plan))
        if kind in self.priced:
            return
        self.priced.add(kind)
        for day in self.dates:
            try:
                amounts = plan_amounts(plan, self.catalogue.fees, day, centre_class)
            except MoneyError as error:
                if self._past_first_rate(error.fee_id, day):
                    continue
                self._problem(
                    _fee_location(service, ordered, error.fee_id),
                    f"cannot price {_path(ordered)} at a {centre_class} centre on {day}: {error}",
                    key=f"price:{centre_class}:{error}",
                )
                continue
            if any(amount < 0 for amount in amounts):
                self._problem(("bill",), f"negative amount for {_path(ordered)}", key="negative")

    def _problem(self, loc: tuple[object, ...], message: str, key: str) -> None:
        _problem(self.catalogue, self.service, loc, message, self.report, self.seen, key)

    def _past_first_rate(self, fee_id: str | None, day: date) -> bool:
        """A day already past that comes before the fee's first rate: no visit can come then,
        so nothing can be priced wrong."""
        fee = next((f for f in self.catalogue.fees.fixed_fees if f.id == fee_id), None)
        return (
            fee is not None
            and self.today is not None
            and day < self.today
            and day < min(rate.from_ for rate in fee.rates)
        )


def _problem(
    catalogue: Catalogue,
    service: Service,
    loc: tuple[object, ...],
    message: str,
    report: CheckReport,
    seen: set[str],
    key: str,
) -> None:
    # Many paths share one fault: report each fault once, with the first path showing it.
    if key in seen:
        return
    seen.add(key)
    name, path, line = catalogue.locate(service.id, loc)
    report.problems.append(Problem(name, path, message, line))


def _fee_location(
    service: Service, answers: dict[str, str], fee_id: str | None
) -> tuple[object, ...]:
    """Where a fee that cannot be priced is named: the option chosen, or the bill line."""
    for qi, question in enumerate(service.questions):
        for oi, option in enumerate(question.options):
            if answers.get(question.id) == option.id and option.fee == fee_id:
                return ("questions", qi, "options", oi, "fee")
    for bi, rule in enumerate(service.bill):
        if fee_id is not None and rule.fee == fee_id:
            return ("bill", bi, "fee")
        for ci, case in enumerate(rule.cases):
            if fee_id is not None and case.fee == fee_id:
                return ("bill", bi, "cases", ci, "fee")
    return ("bill",)


def _path(answers: dict[str, str]) -> str:
    return "{" + ", ".join(f"{q}={o}" for q, o in answers.items()) + "}" if answers else "{}"
