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

from kiosk.logic.conditions import (
    CENTRE_CLASSES,
    CentreClass,
    Condition,
    Id,
)
from kiosk.logic.i18n import LocalText
from kiosk.logic.money import FeeSchedule
from kiosk.logic.workdays import NO_CHANGES, WorkCalendar
from kiosk.logic.yamlfile import YamlFile, YamlFileError

MCI_MULTIPLE_MAX = Decimal(10_000)  # an amount in MCI: duties and fines are at most hundreds
CALENDAR = "calendar.yaml"
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
    """A text that replaces the default one when `when` holds; for a document, also or
    instead where to get it."""

    when: Condition
    text: LocalText | None = None
    where: LocalText | None = None

    @model_validator(mode="after")
    def _says_something(self) -> TextCase:
        if self.text is None and self.where is None:
            raise ValueError("a case gives text, where or both")
        return self


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
    # The note is printed on the slip too, e.g. where a statement is filled in.
    note_on_slip: bool = False


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
    """A warning or a note; `{name}` placeholders show `amounts` at the visit year's MCI.
    The first of `cases` that holds gives the text instead."""

    id: Id
    text: LocalText
    when: Condition | None = None
    amounts: dict[str, MciSum] = {}
    cases: tuple[TextCase, ...] = ()


class Blocker(_Model):
    """Something that must be done before the service: the interview stops here."""

    id: Id
    title: LocalText
    text: LocalText
    when: Condition


class Online(_Model):
    """Where the service can also be done online (shown as a QR code to open on a phone,
    when `when` holds), and the steps of the online application in order."""

    url: str = Field(pattern=r"^https://\S+$")
    text: LocalText
    when: Condition | None = None
    steps: tuple[LocalText, ...] = ()


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

    def summary(self) -> str:
        """One line: the first problem, and how many more there are."""
        first = str(self.problems[0]) if self.problems else "the catalogue is broken"
        more = len(self.problems) - 1
        return f"{first} (and {more} more: kiosk catalogue check lists them)" if more else first


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
    calendar: WorkCalendar = NO_CHANGES  # days the operator adds over the holiday calendar

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


MAX_PROBLEMS = 50  # reported in all; a file as wrong as that has said enough
MAX_FILE_PROBLEMS = 20  # reported from one file


def _validate(
    model: type[_Model] | type[FeeSchedule] | type[WorkCalendar], source: YamlFile
) -> Any:
    try:
        return model.model_validate(source.data)
    except ValidationError as error:
        problems = []
        errors = error.errors(include_url=False, include_context=False, include_input=False)
        reported = [tuple(e["loc"]) for e in errors]
        more = max(0, len(errors) - MAX_FILE_PROBLEMS)
        for details in errors[:MAX_FILE_PROBLEMS]:
            loc = tuple(details["loc"])
            # A list whose item failed also reports "too short"; the item's error says more.
            if details["type"] == "too_short" and any(
                other != loc and other[: len(loc)] == loc for other in reported
            ):
                continue
            path, line = source.locate(loc)
            problems.append(Problem(source.name, path, details["msg"], line))
        if more:
            problems.append(Problem(source.name, "", f"and {more} more problems in this file"))
        raise CatalogueError(problems) from None


def load_catalogue(folder: Path) -> Catalogue:
    """Load, validate and cross-check the catalogue in `folder`; raise CatalogueError."""
    from kiosk.logic.cross_check import check_fees, cross_check  # it needs the models above

    folder = Path(folder)
    problems: list[Problem] = []
    fees: FeeSchedule | None = None
    services: dict[str, Service] = {}
    sources: dict[str, YamlFile] = {}
    texts: dict[str, str] = {}
    calendar = NO_CHANGES
    total = 0
    digest = hashlib.sha256()

    paths = [folder / "fees.yaml", *sorted((folder / "services").glob("*.yaml"))]
    if (folder / CALENDAR).exists():  # optional: the operator's days over the calendar
        paths.insert(1, folder / CALENDAR)
    if len(paths) > MAX_SERVICES + 1:
        where = str(folder / "services")
        problems.append(Problem(where, "", f"more than {MAX_SERVICES} service files"))
        paths = paths[: MAX_SERVICES + 1]
    if not (folder / "services").is_dir():
        problems.append(Problem(str(folder), "", "there is no services/ folder"))
    for path in paths:
        if len(problems) >= MAX_PROBLEMS:
            problems.append(Problem(str(folder), "", "stopped: too many problems to list"))
            break
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
            if path.name == CALENDAR and path.parent == folder:
                calendar = _validate(WorkCalendar, source)
                sources["calendar"] = source
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
        problems.extend(check_fees(fees, sources["fees"]))
        for service in services.values():
            problems.extend(cross_check(service, fees, sources[service.id]))
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
        calendar=calendar,
    )
