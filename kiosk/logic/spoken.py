"""Text as it is said aloud: numbers and amounts in words in the language (num2words speaks
Kazakh, Russian and English), never digit by digit. "4 325 ₸" is said "төрт мың үш жүз
жиырма бес теңге", "four thousand, three hundred and twenty-five tenge"."""

from __future__ import annotations

import re
from decimal import Decimal

from kiosk.logic.i18n import Language

_NUM2WORDS = {"kk": "kz", "ru": "ru", "en": "en"}
_TENGE = {"kk": "теңге", "ru": "тенге", "en": "tenge"}
# A number as the kiosk writes it: digits grouped by spaces (plain, no-break, narrow), with
# an optional decimal part after a comma or a point; then perhaps the tenge sign.
_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?")
_AMOUNT = re.compile(rf"({_NUMBER.pattern})\s*₸")


def number_words(value: Decimal, language: Language) -> str:
    """A number in words."""
    from num2words import num2words

    return str(
        num2words(value if value != value.to_integral() else int(value), lang=_NUM2WORDS[language])
    )


def words(text: str, language: Language) -> str:
    """`text` with its amounts and numbers written out as words."""

    def number(match: re.Match[str]) -> str:
        digits = re.sub(r"[ \u00a0\u202f]", "", match.group(0)).replace(",", ".")
        return number_words(Decimal(digits), language)

    def amount(match: re.Match[str]) -> str:
        return f"{number(_NUMBER.match(match.group(1)))} {_TENGE[language]}"  # type: ignore[arg-type]

    return _NUMBER.sub(number, _AMOUNT.sub(amount, text))
