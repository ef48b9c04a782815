"""Settings from `KIOSK_*` environment variables: nested keys, JSON for tables and lists,
and the checks that name the variable a bad value came from."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel


class EnvironmentValueError(ValueError):
    """A `KIOSK_*` variable's value cannot be read; the message names it."""


ENV_PREFIX = "KIOSK_"


def environment_values(model: type[BaseModel]) -> dict[str, Any]:
    """The settings the environment gives, as nested values: `KIOSK_CENTRE__NAME__KK` is
    centre.name.kk (`__` between keys, any case); a key whose value is a table or a list
    (KIOSK_LANGUAGES, KIOSK_TIMING, KIOSK_CENTRE__NAME) takes JSON, merged under the keys
    set one by one. Variables that name no setting (KIOSK_SETTINGS_FILE) are not settings.
    Raises EnvironmentValueError naming the variable for JSON that does not parse."""
    found: list[tuple[list[str], str, str]] = []
    for name, raw in os.environ.items():
        if not name.upper().startswith(ENV_PREFIX):
            continue
        keys = name[len(ENV_PREFIX) :].lower().split("__")
        if keys[0] in model.model_fields:
            found.append((keys, name, raw))
    values: dict[str, Any] = {}
    for keys, name, raw in sorted(found, key=lambda item: len(item[0])):  # tables first
        value: Any = raw
        if _takes_json(model, keys):
            try:
                value = json.loads(raw)
            except ValueError as error:
                key = ".".join(keys)
                raise EnvironmentValueError(
                    f"setting {key}: {name} is not valid JSON: {error}"
                ) from None
        place = values
        for key in keys[:-1]:
            inner = place.get(key)
            place = place.setdefault(key, {}) if not isinstance(inner, dict) else inner
            if not isinstance(place, dict):
                break
        else:
            if isinstance(place.get(keys[-1]), dict) and isinstance(value, dict):
                place[keys[-1]] = merged(place[keys[-1]], value)
            else:
                place[keys[-1]] = value
    return values


def _takes_json(model: type[BaseModel], keys: list[str]) -> bool:
    """Whether the setting at `keys` is a table or a list (its variable holds JSON)."""
    annotation: Any = model
    for key in keys:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(key)
            if field is None:
                return False  # not a setting: refused by the model, naming it
            annotation = field.annotation
        elif get_origin(annotation) is dict:
            annotation = get_args(annotation)[1]
        else:
            return False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return get_origin(annotation) in (dict, list, tuple, set, frozenset)


def merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`over` on top of `base`, tables merged key by key."""
    result = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = value
    return result


MAX_NESTING = 32  # brackets within brackets: a settings value is a few levels deep


def too_deep(text: str) -> int:
    """The line where brackets nest more than MAX_NESTING deep (outside quotes), or 0: such
    a value would exhaust the parser's recursion."""
    depth, line, quote = 0, 1, ""
    for char in text:
        if char == "\n":
            line += 1
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
    return 0


def _variable(parts: list[str]) -> str | None:
    """The KIOSK_* variable that sets this key (or a key above it), if one does."""
    names = {name.upper(): name for name in os.environ if name.upper().startswith("KIOSK_")}
    for end in range(len(parts), 0, -1):
        name = "KIOSK_" + "__".join(parts[:end]).upper()
        if name in names:
            return names[name]
    return None


def source(parts: list[str], values: dict[str, Any], path: Path) -> str:
    """Where a key's value came from: ` (from KIOSK_X)`, ` (in FILE)` or nothing."""
    variable = _variable(parts)
    if variable:
        return f" (from {variable})"
    return f" (in {path})" if values else ""
