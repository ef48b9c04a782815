"""Text as it is said aloud: numbers, amounts and dates in words in the language (num2words
speaks Kazakh, Russian and English), never digit by digit. "4 325 ₸" is said "төрт мың үш
жүз жиырма бес теңге", "four thousand, three hundred and twenty-five tenge"; "14 декабря
2026 г." is said "четырнадцатое декабря две тысячи двадцать шестого года".

Each language's grammar where the number meets its words: Kazakh ordinals (num2words has
none) for years, dates and "1-сұрақ"; Russian cases after prepositions ("до одного рабочего
дня", "из трёх"), before "года" and with seconds; English dates. Reference numbers such as
K01-20261123-0001 are spelled out, and abbreviations said letter by letter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from kiosk.logic.i18n import Language

_NUM2WORDS = {"kk": "kz", "ru": "ru", "en": "en"}
_TENGE = {"kk": "теңге", "ru": "тенге", "en": "tenge"}
_MARKS = {"→": ",", "✓": ""}  # an arrow is a pause; a tick says nothing the words do not
_SYMBOLS = {
    "kk": {"×": "көбейту", "=": "тең", "₸": "теңге", "%": "пайыз", "№": "нөмір", **_MARKS},
    "ru": {"×": "умножить на", "=": "равно", "₸": "тенге", "%": "процентов", "№": "номер",
           **_MARKS},
    "en": {"×": "times", "=": "equals", "₸": "tenge", "%": "percent", "№": "number", **_MARKS},
}  # fmt: skip
# Said letter by letter (the voices would read them as words).
_LETTERS = {
    "kk": ("АЕК", "ЖСН", "ХҚКО", "QR"),
    "ru": ("МРП", "ИИН", "QR"),
    "en": ("MCI", "IIN", "QR"),
}
_OF = {"kk": r"\1, барлығы \2", "ru": r"\1 из \2", "en": r"\1 of \2"}  # "1/2"
# A number as the kiosk writes it in the language: digits grouped by spaces (plain,
# no-break, narrow) and a decimal comma in Kazakh and Russian, grouped by commas with a
# decimal point in English; never part of a name such as F1.
_GROUPED = {
    "kk": r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?",
    "ru": r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?",
    "en": r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
}
_NUMBER = {code: re.compile(rf"(?<![^\W\d_])(?:{pattern})") for code, pattern in _GROUPED.items()}
_AMOUNT = {code: re.compile(rf"({number.pattern})\s*₸") for code, number in _NUMBER.items()}
_CODE = re.compile(r"\b[A-Z]{1,4}\d{1,4}(?:-\d+)+\b")  # a slip's reference: K01-20261123-0001
_FRACTION = re.compile(r"\b(\d+)/(\d+)\b")
# Dates as kiosk.logic.i18n.format_date writes them, and the grammar around numbers.
_KK_YEAR = re.compile(r"\b(\d{4})(?= жыл)")  # 2026 жылғы, 2026 жылы: an ordinal
_KK_DATE = re.compile(r"\b(\d{4}) жылғы (\d{1,2})\b")
_KK_ORDINAL_SUFFIX = re.compile(r"\b(\d+)-(?=\w)")  # 1-сұрақ: бірінші сұрақ
_RU_DATE = re.compile(r"(?:\b(до|с|со|от|после|к)\s+)?\b(\d{1,2}) ([а-яё]+) (\d{4})(?:\s*г\.)?")
_RU_YEAR = re.compile(r"\b(\d{4})\s+(года|году|год)\b")
_RU_GENITIVE = re.compile(
    r"\b([Дд]о|[Бб]олее|[Ии]з|[Оо]т|[Сс]выше|[Мм]енее|[Оо]коло)\s+(\d+)\b(?![.,]\d)"
)
_RU_SECONDS = re.compile(r"\b(\d+)\s+с\b(?=[\s.,])")
_EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_EN_DATE = re.compile(rf"\b(\d{{1,2}}) ({_EN_MONTHS}) (\d{{4}})\b")
# Kazakh ordinals from the last word of the cardinal (num2words has no Kazakh ordinals).
_KK_ORDINAL = {
    "бір": "бірінші", "екі": "екінші", "үш": "үшінші", "төрт": "төртінші", "бес": "бесінші",
    "алты": "алтыншы", "жеті": "жетінші", "сегіз": "сегізінші", "тоғыз": "тоғызыншы",
    "он": "оныншы", "жиырма": "жиырмасыншы", "отыз": "отызыншы", "қырық": "қырқыншы",
    "елу": "елуінші", "алпыс": "алпысыншы", "жетпіс": "жетпісінші", "сексен": "сексенінші",
    "тоқсан": "тоқсаныншы", "жүз": "жүзінші", "мың": "мыңыншы",
}  # fmt: skip
# A Kazakh decimal: "бір бүтін жүзден жиырма бес" (1,25): the part's denominator in the
# ablative, then its numerator.
_KK_PARTS = {1: "оннан", 2: "жүзден", 3: "мыңнан"}


def number_words(value: Decimal | int, language: Language) -> str:
    """A number in words."""
    from num2words import num2words

    if isinstance(value, Decimal) and value == value.to_integral():
        value = int(value)
    if language == "kk" and isinstance(value, Decimal):
        whole, _, part = f"{value:f}".partition(".")
        if len(part) in _KK_PARTS:
            return (
                f"{number_words(int(whole), 'kk')} бүтін {_KK_PARTS[len(part)]} "
                f"{number_words(int(part), 'kk')}"
            )
    return str(num2words(value, lang=_NUM2WORDS[language]))


def ordinal_words(value: int, language: Language, **forms: str) -> str:
    """An ordinal number in words (Russian `forms`: num2words' case and gender)."""
    from num2words import num2words

    if language == "kk":
        *head, last = number_words(value, "kk").split()
        return " ".join([*head, _KK_ORDINAL[last]])
    return str(num2words(value, lang=_NUM2WORDS[language], to="ordinal", **forms))


def _russian(value: int, **forms: object) -> str:
    from num2words import num2words

    return str(num2words(value, lang="ru", **forms))


def _seconds(count: int) -> str:
    """ "через двадцать секунд", "через одну секунду", "через две секунды"."""
    said = _russian(count, case="a", gender="f", animate=False)
    if count % 10 == 1 and count % 100 != 11:
        return f"{said} секунду"
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return f"{said} секунды"
    return f"{said} секунд"


def _kazakh(text: str) -> str:
    def date(m: re.Match[str]) -> str:
        return f"{ordinal_words(int(m[1]), 'kk')} жылғы {ordinal_words(int(m[2]), 'kk')}"

    text = _KK_DATE.sub(date, text)
    text = _KK_YEAR.sub(lambda m: ordinal_words(int(m[1]), "kk"), text)
    return _KK_ORDINAL_SUFFIX.sub(lambda m: f"{ordinal_words(int(m[1]), 'kk')} ", text)


def _russian_grammar(text: str) -> str:
    def date(m: re.Match[str]) -> str:
        before = f"{m[1]} " if m[1] else ""
        day = ordinal_words(int(m[2]), "ru", gender="n", **({"case": "g"} if m[1] else {}))
        year = ordinal_words(int(m[4]), "ru", case="g")
        return f"{before}{day} {m[3]} {year} года"

    def year(m: re.Match[str]) -> str:
        case = {"года": "g", "году": "p", "год": "n"}[m[2]]
        return f"{ordinal_words(int(m[1]), 'ru', case=case)} {m[2]}"

    text = _RU_DATE.sub(date, text)
    text = _RU_YEAR.sub(year, text)
    text = _RU_GENITIVE.sub(lambda m: f"{m[1]} {_russian(int(m[2]), case='g')}", text)
    return _RU_SECONDS.sub(lambda m: _seconds(int(m[1])), text)


def _english(text: str) -> str:
    from num2words import num2words

    return _EN_DATE.sub(
        lambda m: (
            f"the {ordinal_words(int(m[1]), 'en')} of {m[2]}, "
            f"{num2words(int(m[3]), lang='en', to='year')}"
        ),
        text,
    )


_GRAMMAR: dict[str, Callable[[str], str]] = {"kk": _kazakh, "ru": _russian_grammar, "en": _english}


def spell(code: str, language: Language) -> str:
    """A reference said character by character, its parts apart: "K 0 1, 2 0 2 6 …"."""
    parts = []
    for part in code.split("-"):
        parts.append(" ".join(number_words(int(c), language) if c.isdigit() else c for c in part))
    return ", ".join(parts)


def words(text: str, language: Language) -> str:
    """`text` with its dates, amounts and numbers written out as words."""

    grouping = "," if language == "en" else " \u00a0\u202f"

    def number(match: re.Match[str]) -> str:
        digits = re.sub(f"[{grouping}]", "", match.group(0)).replace(",", ".")
        return number_words(Decimal(digits), language)

    def amount(match: re.Match[str]) -> str:
        return f"{number(_NUMBER[language].match(match.group(1)))} {_TENGE[language]}"  # type: ignore[arg-type]

    said = _CODE.sub(lambda m: spell(m[0], language), text)
    said = _FRACTION.sub(_OF[language], said)
    said = _AMOUNT[language].sub(amount, _GRAMMAR[language](said))
    said = _NUMBER[language].sub(number, said)
    for symbol, word in _SYMBOLS[language].items():
        said = said.replace(symbol, f" {word} ")
    for letters in _LETTERS[language]:
        said = re.sub(rf"\b{letters}\b", " ".join(letters), said)
    said = re.sub(r"\s+([,.])", r"\1", said)
    said = re.sub(r"([.!?:;])\s*\.", r"\1", said)  # "не болды?." and the like
    return re.sub(r"[ \u00a0\u202f]{2,}", " ", said).strip()
