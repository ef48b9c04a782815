"""Texts in the kiosk's three languages and Babel formatting of numbers, money and dates."""

from __future__ import annotations

import string
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal

from babel.dates import format_date as babel_format_date
from babel.dates import get_month_names
from babel.numbers import format_decimal
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from kiosk.logic.language import DEFAULT_LANGUAGE as DEFAULT_LANGUAGE
from kiosk.logic.language import LANGUAGES as LANGUAGES
from kiosk.logic.language import Language as Language
from kiosk.logic.yamlfile import read_text, safe_load

DateCase = Literal["nominative", "dative"]

# Babel locale per kiosk language. Kazakhstan's conventions for kk and ru; English as written
# internationally (CLDR has no en_KZ).
LOCALES: dict[Language, str] = {"kk": "kk_KZ", "ru": "ru_KZ", "en": "en"}
TENGE = "₸"
NBSP = "\u00a0"


class LocalText(BaseModel):
    """One text in Kazakh, Russian and English; every language is required."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    kk: str = Field(min_length=1)
    ru: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, language: Language) -> str:
        """The text in `language`."""
        return str(getattr(self, language))

    def render(self, language: Language, values: dict[str, str] | None = None) -> str:
        """The text in `language` with its `{name}` placeholders filled from `values`."""
        text = self.get(language)
        return text.format_map(values) if values else text

    def placeholders(self) -> dict[Language, set[str]]:
        """The `{name}` placeholders each language's text uses."""
        return {language: placeholders(self.get(language)) for language in LANGUAGES}


class Strings:
    """The kiosk's own texts (`assets/i18n/*.yaml`), reached through `text()` alone."""

    def __init__(self, texts: dict[str, LocalText]) -> None:
        self._texts = texts

    @classmethod
    def load(cls, folder: Path) -> Strings:
        """Read every YAML file in `folder`; each key needs all three languages."""
        texts: dict[str, LocalText] = {}
        adapter = TypeAdapter(dict[str, LocalText])
        for path in sorted(folder.glob("*.yaml")):
            try:
                loaded = adapter.validate_python(
                    safe_load(read_text(path, path.name), path.name) or {}
                )
            except ValidationError as error:
                first = error.errors()[0]
                where = ".".join(str(part) for part in first["loc"])
                raise ValueError(f"{path.name}: {where}: {first['msg']}") from None
            for key in loaded.keys() & texts.keys():
                raise ValueError(f"{path.name}: text {key!r} is defined twice")
            for key, local in loaded.items():
                for language in LANGUAGES:
                    try:
                        placeholders(local.get(language))
                    except ValueError as error:
                        raise ValueError(f"{path.name}: {key}.{language}: {error}") from None
            texts.update(loaded)
        return cls(texts)

    def text(self, key: str, language: Language, **values: str) -> str:
        """The text `key` in `language`, placeholders filled; an unknown key is an error."""
        try:
            local = self._texts[key]
        except KeyError:
            raise KeyError(f"no text {key!r} in assets/i18n") from None
        return local.render(language, values or None)

    def local(self, key: str) -> LocalText:
        """The text `key` in all three languages."""
        return self._texts[key]

    def names(self) -> set[str]:
        """Every text's key."""
        return set(self._texts)


def placeholders(text: str) -> set[str]:
    """Names of the `{name}` fields in a format string."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def format_number(value: Decimal, language: Language) -> str:
    """A number as the language writes it: `0,2` in kk and ru, `0.2` in en."""
    return str(format_decimal(value, format="#,##0.##", locale=LOCALES[language]))


def format_money(amount: Decimal, language: Language) -> str:
    """An amount of tenge: `30 275 ₸`; tiyn shown only when there are any."""
    return f"{format_number(amount, language)}{NBSP}{TENGE}"


def format_date(day: date, language: Language, case: DateCase = "nominative") -> str:
    """A date written out in the language: `2026 жылғы 14 желтоқсан`, `14 декабря 2026 г.`,
    `14 December 2026`. `case="dative"` is for a text that puts a postposition after the
    date (`{date} дейін`): `2026 жылғы 14 желтоқсанға`. Russian and English dates read the
    same before a preposition (`до 14 декабря 2026 г.`, `by 14 December 2026`)."""
    if language == "kk":
        # Babel's Kazakh pattern (`2026 ж. 14 желтоқсан`) abbreviates the year and has no
        # cases; the month's name is still CLDR's.
        month = str(get_month_names("wide", "format", LOCALES["kk"])[day.month])
        if case == "dative":
            month += kazakh_dative_ending(month)
        return f"{day.year} жылғы {day.day} {month}"
    if language == "ru":
        # CLDR's long form: the month in the genitive and `г.` after the year.
        text = str(babel_format_date(day, format="long", locale=LOCALES["ru"]))
        return text.replace("\u202f", NBSP)  # thermal printers' code pages lack U+202F
    return str(babel_format_date(day, format="d MMMM y", locale=LOCALES[language]))


_KAZAKH_FRONT_VOWELS = "әеөүіэи"
_KAZAKH_BACK_VOWELS = "аоұыяёю"
_KAZAKH_VOICELESS = "кқпстфхцчшщ"


def kazakh_dative_ending(word: str) -> str:
    """The dative ending a Kazakh word takes: front or back by its last vowel (vowel
    harmony), voiced or voiceless by its last sound. `қараша` -> `ға`, `сәуір` -> `ге`,
    `қыркүйек` -> `ке`."""
    lower = word.lower()
    vowels = [letter for letter in lower if letter in _KAZAKH_FRONT_VOWELS + _KAZAKH_BACK_VOWELS]
    front = bool(vowels) and vowels[-1] in _KAZAKH_FRONT_VOWELS
    if lower and lower[-1] in _KAZAKH_VOICELESS:
        return "ке" if front else "қа"
    return "ге" if front else "ға"


def amount_text(amount: Decimal) -> str:
    """An amount as the quote's JSON carries it: whole tenge, or tenge.tiyn."""
    whole = amount.quantize(Decimal(1))
    if whole == amount:
        return str(whole)
    return str(amount.quantize(Decimal("0.01")))
