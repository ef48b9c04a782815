"""The service catalogue: services, questions, options, documents, bill lines, messages.

Loaded from YAML (`services/*.yaml` and `fees.yaml` in a catalogue folder) and validated
by pydantic models, then cross-checked: every id a rule names must be defined. Problems
name the file, the field path and the line.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from kiosk.logic.conditions import CENTRE_CLASSES, CentreClass, Condition, Id, answer_tests
from kiosk.logic.i18n import LANGUAGES, LocalText, placeholders
from kiosk.logic.money import FeeSchedule
from kiosk.logic.yamlfile import YamlFile, YamlFileError

MCI_MULTIPLE_MAX = Decimal(10_000)  # an amount in MCI: duties and fines are at most hundreds
MAX_SERVICES = 2000  # files in services/: more is not a catalogue but a mistake
MAX_TOTAL_BYTES = 32 << 20  # all files together (1 000 generated services take about 10 MiB)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)


class Option(_Model):
    """One answer a visitor can tap. Expedited options carry a fee and working days."""

    id: Id
    label: LocalText
    help: LocalText | None = None
    centre_class: tuple[CentreClass, ...] = CENTRE_CLASSES
    working_days: int | None = Field(default=None, ge=0, le=365)
    fee: Id | None = None
    processing: LocalText | None = None


class Question(_Model):
    """One question, asked on its own screen when its `when` holds."""

    id: Id
    text: LocalText
    help: LocalText | None = None
    when: Condition | None = None
    options: tuple[Option, ...] = Field(min_length=1)

    def options_for(self, centre_class: str) -> tuple[Option, ...]:
        """The options offered at a centre of this class."""
        return tuple(option for option in self.options if centre_class in option.centre_class)

    def option(self, option_id: str) -> Option | None:
        """The option with this id, if any."""
        return next((option for option in self.options if option.id == option_id), None)


class TextCase(_Model):
    """A text that replaces the default one when `when` holds."""

    when: Condition
    text: LocalText


class Document(_Model):
    """A document to bring: what it is (`note`), where to get it if missing (`where`), and
    when the answers already say the visitor has it (`held`)."""

    id: Id
    title: LocalText
    note: LocalText
    where: LocalText | None = None
    when: Condition | None = None
    held: Condition | None = None  # the answers say the visitor already has it
    cases: tuple[TextCase, ...] = ()


class _Amount(_Model):
    """Exactly one of: an MCI multiple, a fixed fee, the fee of the option chosen."""

    mci: Decimal | None = Field(default=None, ge=0, le=MCI_MULTIPLE_MAX, decimal_places=4)
    fee: Id | None = None
    option_fee: Id | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> _Amount:
        given = [name for name in ("mci", "fee", "option_fee") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of mci, fee, option_fee (given: {given or 'none'})")
        return self


class AmountCase(_Amount):
    """An amount that replaces the line's own when `when` holds (first match wins)."""

    when: Condition


class BillLineRule(_Amount):
    """A bill line: its payee, label, amount and the cases that change the amount."""

    id: Id
    payee: Id
    label: LocalText
    when: Condition | None = None
    cases: tuple[AmountCase, ...] = ()


class MciSum(_Model):
    """An amount in MCI a message shows, such as a fine of 7 MCI."""

    mci: Decimal = Field(ge=0, le=MCI_MULTIPLE_MAX, decimal_places=4)


class Message(_Model):
    """A warning or a note; `{name}` placeholders show `amounts` at the visit year's MCI."""

    id: Id
    text: LocalText
    when: Condition | None = None
    amounts: dict[str, MciSum] = {}


class Blocker(_Model):
    """Something that must be done before the service: the interview stops here."""

    id: Id
    title: LocalText
    text: LocalText
    when: Condition


class Online(_Model):
    """Where the service can also be done online (shown as a QR code to open on a phone)."""

    url: str = Field(pattern=r"^https://\S+$")
    text: LocalText


class Service(_Model):
    """A service the kiosk walks a visitor through."""

    id: Id
    order: int = Field(default=0, ge=-100_000, le=100_000)
    icon: str = "document"
    title: LocalText
    summary: LocalText
    processing: LocalText
    working_days: int | None = Field(default=None, ge=0, le=365)
    questions: tuple[Question, ...] = Field(min_length=1)
    documents: tuple[Document, ...] = ()
    bill: tuple[BillLineRule, ...] = ()
    blockers: tuple[Blocker, ...] = ()
    warnings: tuple[Message, ...] = ()
    notes: tuple[Message, ...] = ()
    online: Online | None = None

    def question(self, question_id: str) -> Question | None:
        """The question with this id, if any."""
        return next((q for q in self.questions if q.id == question_id), None)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the catalogue, located as precisely as we can."""

    file: str
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class CatalogueError(Exception):
    """The catalogue is broken; it is never loaded. `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(problems)
        head = f"the catalogue has {count} problem{'s' if count != 1 else ''}"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in problems))


@dataclass(frozen=True)
class Catalogue:
    """Every service and the fee schedule, validated and cross-checked."""

    folder: Path
    services: dict[str, Service] = field(repr=False)
    fees: FeeSchedule = field(repr=False)
    version: str
    sources: dict[str, YamlFile] = field(
        default_factory=dict, repr=False
    )  # service id / "fees" -> file
    texts: dict[str, str] = field(default_factory=dict, repr=False)  # relative path -> text

    def locate(self, source: str, loc: tuple[Any, ...]) -> tuple[str, str, int | None]:
        """File name, field path and line of `loc` in a service's file (or "fees")."""
        yaml_file = self.sources[source]
        path, line = yaml_file.locate(loc)
        return yaml_file.name, path, line

    def payees(self) -> set[str]:
        """Every payee a bill line of some service names."""
        return {rule.payee for service in self.services.values() for rule in service.bill}

    def service(self, service_id: str) -> Service:
        """The service with this id; an unknown id is a LookupError naming it."""
        try:
            return self.services[service_id]
        except KeyError:
            known = ", ".join(self.services)
            raise UnknownService(f"unknown service {service_id!r} (known: {known})") from None


class UnknownService(LookupError):
    """No service has this id."""


def _validate(model: type[_Model] | type[FeeSchedule], source: YamlFile) -> Any:
    try:
        return model.model_validate(source.data)
    except ValidationError as error:
        problems = []
        reported = [tuple(e["loc"]) for e in error.errors()]
        for details in error.errors():
            loc = tuple(details["loc"])
            # A list whose item failed also reports "too short"; the item's error says more.
            if details["type"] == "too_short" and any(
                other != loc and other[: len(loc)] == loc for other in reported
            ):
                continue
            path, line = source.locate(loc)
            problems.append(Problem(source.name, path, details["msg"], line))
        raise CatalogueError(problems) from None


def load_catalogue(folder: Path) -> Catalogue:
    """Load, validate and cross-check the catalogue in `folder`; raise CatalogueError."""
    folder = Path(folder)
    problems: list[Problem] = []
    fees: FeeSchedule | None = None
    services: dict[str, Service] = {}
    sources: dict[str, YamlFile] = {}
    texts: dict[str, str] = {}
    total = 0
    digest = hashlib.sha256()

    paths = [folder / "fees.yaml", *sorted((folder / "services").glob("*.yaml"))]
    if len(paths) > MAX_SERVICES + 1:
        where = str(folder / "services")
        problems.append(Problem(where, "", f"more than {MAX_SERVICES} service files"))
        paths = paths[: MAX_SERVICES + 1]
    if not (folder / "services").is_dir():
        problems.append(Problem(str(folder), "", "there is no services/ folder"))
    for path in paths:
        try:
            source = YamlFile.read(path, root=folder)
        except YamlFileError as error:
            problems.append(Problem(error.name, "", error.message, error.line))
            continue
        total += len(source.text)
        if total > MAX_TOTAL_BYTES:
            limit = f"{MAX_TOTAL_BYTES >> 20} MiB"
            problems.append(Problem(source.name, "", f"the catalogue is larger than {limit}"))
            break
        relative = path.relative_to(folder).as_posix()  # the version names no folder
        digest.update(relative.encode() + b"\0" + source.text.encode())
        texts[relative] = source.text
        try:
            if path.name == "fees.yaml" and path.parent == folder:
                fees = _validate(FeeSchedule, source)
                sources["fees"] = source
                continue
            service = _validate(Service, source)
        except CatalogueError as error:
            problems.extend(error.problems)
            continue
        if service.id in services:
            first = sources[service.id].name
            problems.append(
                Problem(source.name, "id", f"service {service.id!r} is also defined in {first}")
            )
            continue
        services[service.id] = service
        sources[service.id] = source
    if not services and not problems:
        problems.append(Problem(str(folder / "services"), "", "there is no service"))
    if fees is not None:
        problems.extend(_check_fees(fees, sources["fees"]))
        for service in services.values():
            problems.extend(_cross_check(service, fees, sources[service.id]))
    if problems:
        raise CatalogueError(problems)
    assert fees is not None
    return Catalogue(
        folder=folder,
        services=dict(sorted(services.items(), key=lambda item: (item[1].order, item[0]))),
        fees=fees,
        version=digest.hexdigest()[:12],
        sources=sources,
        texts=texts,
    )


def _duplicates(ids: list[str]) -> list[tuple[int, str]]:
    seen: set[str] = set()
    found = []
    for index, item in enumerate(ids):
        if item in seen:
            found.append((index, item))
        seen.add(item)
    return found


def _check_fees(fees: FeeSchedule, source: YamlFile) -> list[Problem]:
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


def _cross_check(service: Service, fees: FeeSchedule, source: YamlFile) -> list[Problem]:
    """Every id the service's rules name is defined; conditions look only backwards."""
    problems: list[Problem] = []

    def problem(loc: tuple[Any, ...], message: str) -> None:
        path, line = source.locate(loc)
        problems.append(Problem(source.name, path, message, line))

    fee_ids = {fee.id for fee in fees.fixed_fees}
    position = {question.id: index for index, question in enumerate(service.questions)}

    def check_condition(loc: tuple[Any, ...], condition: Condition | None, before: int) -> None:
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
        check_condition(("documents", di, "when"), document.when, everything)
        check_condition(("documents", di, "held"), document.held, everything)
        for ci, case in enumerate(document.cases):
            check_condition(("documents", di, "cases", ci, "when"), case.when, everything)
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
            check_condition((group, mi, "when"), message.when, everything)
            for language in LANGUAGES:
                try:
                    names = placeholders(message.text.get(language))
                except ValueError as error:  # a stray brace: the text cannot be filled in
                    problem((group, mi, "text", language), f"not a valid text: {error}")
                    continue
                for name in sorted(names - set(message.amounts)):
                    problem(
                        (group, mi, "text", language),
                        f"placeholder {{{name}}} has no entry in amounts",
                    )
    return problems
