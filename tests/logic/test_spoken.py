"""Numbers, amounts, dates and signs as the voice says them, in each language's grammar."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.logic.i18n import format_date
from kiosk.logic.spoken import ordinal_words, words

DAY = date(2026, 12, 14)


@pytest.mark.parametrize(
    ("language", "case", "expected"),
    [
        ("kk", "nominative", "екі мың жиырма алтыншы жылғы он төртінші желтоқсан"),
        ("kk", "dative", "екі мың жиырма алтыншы жылғы он төртінші желтоқсанға"),
        ("ru", "nominative", "четырнадцатое декабря две тысячи двадцать шестого года"),
        ("en", "nominative", "the fourteenth of December, twenty twenty-six"),
    ],
)
def test_dates_are_said_with_ordinals(language, case, expected) -> None:
    assert words(format_date(DAY, language, case=case), language) == expected


def test_a_russian_date_after_a_preposition_is_in_the_genitive() -> None:
    said = words(f"Готово до {format_date(DAY, 'ru')}", "ru")
    assert said == "Готово до четырнадцатого декабря две тысячи двадцать шестого года"


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "бірінші"), (2, "екінші"), (6, "алтыншы"), (20, "жиырмасыншы"), (31, "отыз бірінші"),
     (40, "қырқыншы"), (2030, "екі мың отызыншы"), (100, "жүзінші")],
)  # fmt: skip
def test_kazakh_ordinals(number, expected) -> None:
    assert ordinal_words(number, "kk") == expected


def test_the_grammar_of_counting() -> None:
    assert words("1-сұрақ", "kk") == "бірінші сұрақ"
    assert words("Вопрос 2 из 3", "ru") == "Вопрос два из трёх"
    assert words("Question 2 of 3", "en") == "Question two of three"


def test_bill_lines_say_their_signs() -> None:
    assert words("0,2 АЕК × 4\u00a0325 ₸ = 865 ₸", "kk") == (
        "нөл бүтін оннан екі А Е К көбейту төрт мың үш жүз жиырма бес теңге тең "
        "сегіз жүз алпыс бес теңге"
    )
    assert words("1.25 MCI × 4,325\u00a0₸ = 5,406\u00a0₸", "en") == (
        "one point two five M C I times four thousand, three hundred and twenty-five tenge "
        "equals five thousand, four hundred and six tenge"
    )


def test_names_with_digits_and_stops_are_left_alone() -> None:
    assert words("F1 or 0.", "en") == "F1 or zero."
    assert words("Не болды?.", "kk") == "Не болды?"


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("ru", "Срок: до 1 рабочего дня", "Срок: до одного рабочего дня"),
        ("ru", "более 30 дней назад", "более тридцати дней назад"),
        ("ru", "МРП 2026 года", "М Р П две тысячи двадцать шестого года"),
        ("ru", "в 2026 году", "в две тысячи двадцать шестом году"),
        ("ru", "на 2027 год", "на две тысячи двадцать седьмой год"),
        ("ru", "Через 20 с экран", "Через двадцать секунд экран"),
        ("ru", "через 1 с.", "через одну секунду."),
        ("ru", "через 3 с.", "через три секунды."),
        ("ru", "QR-код 1/2", "Q R-код один из двух"),
        ("kk", "2026 жылғы АЕК", "екі мың жиырма алтыншы жылғы А Е К"),
        ("kk", "1,25 АЕК", "бір бүтін жүзден жиырма бес А Е К"),
        ("kk", "QR-код 1/2", "Q R-код бір, барлығы екі"),
        ("en", "Code 1/2", "Code one of two"),
        ("en", "Citizens → Transport", "Citizens, Transport"),
    ],
)  # fmt: skip
def test_the_grammar_around_numbers(language, text, expected) -> None:
    assert words(text, language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Slip number: K zero one, two zero two six one one two three, zero zero zero one"),
        ("kk", "Slip number: K нөл бір, екі нөл екі алты бір бір екі үш, нөл нөл нөл бір"),
    ],
)
def test_a_slip_number_is_spelled_not_added_up(language, expected) -> None:
    assert words("Slip number: K01-20261123-0001", language) == expected
