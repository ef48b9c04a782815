"""`kiosk catalogue check`: walk every answer path of every service at every centre class.

A path must end in a complete quote or a blocker, and a complete quote must be priced in
every year of the fee schedule (on the first day of the year and on every date a fixed
fee changes). Loading has already checked the models, ids and translations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kiosk.logic.catalogue import Catalogue, CatalogueError, Problem, Service, load_catalogue
from kiosk.logic.conditions import CENTRE_CLASSES, CentreClass
from kiosk.logic.interview import active_blockers, next_question
from kiosk.logic.money import MoneyError
from kiosk.logic.quote import make_quote


@dataclass
class CheckReport:
    """What the walk found: counts, and problems (none means the catalogue is sound)."""

    services: int = 0
    paths: int = 0
    complete: int = 0
    blocked: int = 0
    years: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

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


def check_folder(folder: Path) -> CheckReport:
    """Load the catalogue in `folder` and walk it; loading problems are reported too."""
    try:
        catalogue = load_catalogue(folder)
    except CatalogueError as error:
        return CheckReport(problems=list(error.problems))
    return check_catalogue(catalogue)


def pricing_dates(catalogue: Catalogue) -> list[date]:
    """Dates to price on: 1 January of every schedule year and every fee-rate change."""
    years = catalogue.fees.years()
    dates = {date(year, 1, 1) for year in years}
    for fee in catalogue.fees.fixed_fees:
        dates.update(rate.from_ for rate in fee.rates if rate.from_.year in years)
    return sorted(dates)


def check_catalogue(catalogue: Catalogue) -> CheckReport:
    """Walk every service's answer paths and price every complete one."""
    report = CheckReport(services=len(catalogue.services), years=catalogue.fees.years())
    dates = pricing_dates(catalogue)
    for service in catalogue.services.values():
        seen: set[str] = set()
        for centre_class in CENTRE_CLASSES:
            _walk(catalogue, service, centre_class, {}, dates, report, seen)
    return report


def _walk(
    catalogue: Catalogue,
    service: Service,
    centre_class: CentreClass,
    answers: dict[str, str],
    dates: list[date],
    report: CheckReport,
    seen: set[str],
) -> None:
    if active_blockers(service, answers, centre_class):
        report.paths += 1
        report.blocked += 1
        return
    question = next_question(service, answers, centre_class)
    if question is None:
        report.paths += 1
        report.complete += 1
        _price_everywhere(catalogue, service, centre_class, answers, dates, report, seen)
        return
    options = question.options_for(centre_class)
    if not options:
        index = service.questions.index(question)
        _problem(
            catalogue,
            service,
            ("questions", index, "options"),
            f"no option is offered at {centre_class} centres: the path {_path(answers)} "
            "ends with neither a complete quote nor a blocker",
            report,
            seen,
            key=f"dead-end:{question.id}:{centre_class}",
        )
        return
    for option in options:
        _walk(
            catalogue,
            service,
            centre_class,
            {**answers, question.id: option.id},
            dates,
            report,
            seen,
        )


def _price_everywhere(
    catalogue: Catalogue,
    service: Service,
    centre_class: CentreClass,
    answers: dict[str, str],
    dates: list[date],
    report: CheckReport,
    seen: set[str],
) -> None:
    for day in dates:
        try:
            quote = make_quote(
                catalogue,
                service.id,
                answers,
                visit_date=day,
                centre_class=centre_class,
                language="kk",
            )
        except MoneyError as error:
            _problem(
                catalogue,
                service,
                _fee_location(service, answers, error.fee_id),
                f"cannot price {_path(answers)} at a {centre_class} centre on {day}: {error}",
                report,
                seen,
                key=f"price:{centre_class}:{error}",
            )
            continue
        if any(line.amount < 0 for line in quote.bill.lines):
            _problem(
                catalogue,
                service,
                ("bill",),
                f"negative amount for {_path(answers)}",
                report,
                seen,
                key="negative",
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
        if fee_id is not None and fee_id in {rule.fee, *(case.fee for case in rule.cases)}:
            return ("bill", bi, "fee")
    return ("bill",)


def _path(answers: dict[str, str]) -> str:
    return "{" + ", ".join(f"{q}={o}" for q, o in answers.items()) + "}" if answers else "{}"
