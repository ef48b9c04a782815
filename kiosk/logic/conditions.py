"""Conditions written as data in the catalogue: when a question, document or line applies.

A condition is one of these mappings (never an evaluated string):

    {question: circumstance, in: [stolen]}     the answer to a question is one of these options
    {centre_class: [major, regional]}          the kiosk's centre is of one of these classes
    {from_date: 2026-04-01}                    the visit is on or after this date
    {mci_published: false}                     the visit year's MCI is (not) published
    {all: [...]} / {any: [...]} / {not: ...}   combinations

A condition on a question that has not been answered yet does not hold. A condition on the
visit (its date, whether its year's MCI is published) needs the visit: it may stand only
where the visit is known (what the result says: documents, warnings, notes, the online
alternative), never on what is asked, what blocks or what is billed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag

from kiosk.logic.centre_class import CENTRE_CLASSES as CENTRE_CLASSES
from kiosk.logic.centre_class import CentreClass as CentreClass

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)


class AnswerIs(_Model):
    """The answer to `question` is one of the options `in_`."""

    question: Id
    in_: tuple[Id, ...] = Field(alias="in", min_length=1)


class CentreClassIs(_Model):
    """The kiosk's centre is of one of these classes."""

    centre_class: tuple[CentreClass, ...] = Field(min_length=1)


class DateFrom(_Model):
    """The visit is on or after `from_date` (a rule that starts on a date)."""

    from_date: dt.date


class MciPublished(_Model):
    """The visit year's MCI is published (`true`) or not yet (`false`)."""

    mci_published: bool


class AllOf(_Model):
    """Every condition holds."""

    all: tuple[Condition, ...] = Field(min_length=1)


class AnyOf(_Model):
    """At least one condition holds."""

    any: tuple[Condition, ...] = Field(min_length=1)


class Not(_Model):
    """The condition does not hold."""

    not_: Condition = Field(alias="not")


_KEYS = {
    "question": "answer",
    "centre_class": "centre",
    "from_date": "date",
    "mci_published": "published",
    "all": "all",
    "any": "any",
    "not": "not",
}
_TYPES: dict[type, str] = {
    AnswerIs: "answer",
    CentreClassIs: "centre",
    DateFrom: "date",
    MciPublished: "published",
    AllOf: "all",
    AnyOf: "any",
    Not: "not",
}


def _kind(value: Any) -> str | None:
    if isinstance(value, Mapping):
        return next((tag for key, tag in _KEYS.items() if key in value), None)
    return _TYPES.get(type(value))


Condition = Annotated[
    Annotated[AnswerIs, Tag("answer")]
    | Annotated[CentreClassIs, Tag("centre")]
    | Annotated[DateFrom, Tag("date")]
    | Annotated[MciPublished, Tag("published")]
    | Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[Not, Tag("not")],
    Discriminator(
        _kind,
        custom_error_type="condition",
        custom_error_message=(
            "a condition is one of {question, in}, {centre_class}, {from_date}, "
            "{mci_published}, {all}, {any} or {not}"
        ),
    ),
]

for _model in (AllOf, AnyOf, Not):
    _model.model_rebuild()


def holds(
    condition: Condition | None,
    answers: Mapping[str, str],
    centre_class: str,
    on: dt.date | None = None,
    published: bool | None = None,
) -> bool:
    """Whether `condition` holds for these answers at a centre of this class on the visit
    date `on`, whose year's MCI is `published` or not (None holds). A condition on the
    visit where the visit is not given is an error, never a guess."""
    match condition:
        case None:
            return True
        case AnswerIs():
            return answers.get(condition.question) in condition.in_
        case CentreClassIs():
            return centre_class in condition.centre_class
        case DateFrom():
            if on is None:
                raise ValueError(f"the condition {describe(condition)} needs the visit date")
            return on >= condition.from_date
        case MciPublished():
            if published is None:
                raise ValueError(f"the condition {describe(condition)} needs the visit year")
            return published is condition.mci_published
        case AllOf():
            return all(holds(part, answers, centre_class, on, published) for part in condition.all)
        case AnyOf():
            return any(holds(part, answers, centre_class, on, published) for part in condition.any)
        case Not():
            return not holds(condition.not_, answers, centre_class, on, published)
    raise TypeError(f"not a condition: {condition!r}")


def on_the_visit(condition: Condition | None) -> bool:
    """Whether `condition` tests the visit (its date, its year's MCI) anywhere inside."""
    match condition:
        case DateFrom() | MciPublished():
            return True
        case AllOf():
            return any(on_the_visit(part) for part in condition.all)
        case AnyOf():
            return any(on_the_visit(part) for part in condition.any)
        case Not():
            return on_the_visit(condition.not_)
    return False


def dates_in(condition: Condition | None) -> Iterator[dt.date]:
    """Every date a date condition inside `condition` names."""
    match condition:
        case DateFrom():
            yield condition.from_date
        case AllOf() | AnyOf():
            parts = condition.all if isinstance(condition, AllOf) else condition.any
            for part in parts:
                yield from dates_in(part)
        case Not():
            yield from dates_in(condition.not_)


def answer_tests(condition: Condition | None) -> Iterator[AnswerIs]:
    """Every test on an answer inside `condition`, for checking the ids it names."""
    match condition:
        case AnswerIs():
            yield condition
        case AllOf():
            for part in condition.all:
                yield from answer_tests(part)
        case AnyOf():
            for part in condition.any:
                yield from answer_tests(part)
        case Not():
            yield from answer_tests(condition.not_)


def describe(condition: Condition | None) -> str:
    """A condition in short, for messages: `circumstance=stolen`, `not (a=x or b=y)`."""
    match condition:
        case None:
            return "always"
        case AnswerIs():
            return f"{condition.question}={'|'.join(condition.in_)}"
        case CentreClassIs():
            return f"centre class {'|'.join(condition.centre_class)}"
        case DateFrom():
            return f"from {condition.from_date.isoformat()}"
        case MciPublished():
            return "MCI published" if condition.mci_published else "MCI not published"
        case AllOf():
            return " and ".join(describe(part) for part in condition.all)
        case AnyOf():
            return "(" + " or ".join(describe(part) for part in condition.any) + ")"
        case Not():
            return f"not ({describe(condition.not_)})"
    raise TypeError(f"not a condition: {condition!r}")
