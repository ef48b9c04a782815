"""Conditions written as data in the catalogue: when a question, document or line applies.

A condition is one of these mappings (never an evaluated string):

    {question: circumstance, in: [stolen]}     the answer to a question is one of these options
    {centre_class: [major, regional]}          the kiosk's centre is of one of these classes
    {all: [...]} / {any: [...]} / {not: ...}   combinations

A condition on a question that has not been answered yet does not hold.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
CentreClass = Literal["major", "regional", "district"]
CENTRE_CLASSES: tuple[CentreClass, ...] = ("major", "regional", "district")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)


class AnswerIs(_Model):
    """The answer to `question` is one of the options `in_`."""

    question: Id
    in_: tuple[Id, ...] = Field(alias="in", min_length=1)


class CentreClassIs(_Model):
    """The kiosk's centre is of one of these classes."""

    centre_class: tuple[CentreClass, ...] = Field(min_length=1)


class AllOf(_Model):
    """Every condition holds."""

    all: tuple[Condition, ...] = Field(min_length=1)


class AnyOf(_Model):
    """At least one condition holds."""

    any: tuple[Condition, ...] = Field(min_length=1)


class Not(_Model):
    """The condition does not hold."""

    not_: Condition = Field(alias="not")


_KEYS = {"question": "answer", "centre_class": "centre", "all": "all", "any": "any", "not": "not"}
_TYPES: dict[type, str] = {
    AnswerIs: "answer",
    CentreClassIs: "centre",
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
    | Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[Not, Tag("not")],
    Discriminator(
        _kind,
        custom_error_type="condition",
        custom_error_message=(
            "a condition is one of {question, in}, {centre_class}, {all}, {any} or {not}"
        ),
    ),
]

for _model in (AllOf, AnyOf, Not):
    _model.model_rebuild()


def holds(condition: Condition | None, answers: Mapping[str, str], centre_class: str) -> bool:
    """Whether `condition` holds for these answers at a centre of this class (None holds)."""
    match condition:
        case None:
            return True
        case AnswerIs():
            return answers.get(condition.question) in condition.in_
        case CentreClassIs():
            return centre_class in condition.centre_class
        case AllOf():
            return all(holds(part, answers, centre_class) for part in condition.all)
        case AnyOf():
            return any(holds(part, answers, centre_class) for part in condition.any)
        case Not():
            return not holds(condition.not_, answers, centre_class)
    raise TypeError(f"not a condition: {condition!r}")


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
        case AllOf():
            return " and ".join(describe(part) for part in condition.all)
        case AnyOf():
            return "(" + " or ".join(describe(part) for part in condition.any) + ")"
        case Not():
            return f"not ({describe(condition.not_)})"
    raise TypeError(f"not a condition: {condition!r}")
