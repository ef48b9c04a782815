"""Which staff PINs and names are accepted: easy guesses are refused, each with one line
that says what is wrong and never repeats the PIN."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.logic.pin_policy import name_problem, pin_problem, staff_name


@pytest.mark.parametrize(
    ("pin", "said"),
    [
        ("000000", "one digit repeated"),
        ("111111111111", "one digit repeated"),
        ("123456", "going up or down"),
        ("654321", "going up or down"),
        ("890123", "going up or down"),  # wraps past 9
        ("321098", "going up or down"),
        ("121212", "group of digits repeated"),
        ("123123", "group of digits repeated"),
        ("1231231", "group of digits repeated"),
        ("12345", "at least 6 digits"),
        ("48291", "at least 6 digits"),
        ("4829164829167", "at most 12 digits"),
        ("", "digits 0 to 9 only"),
        ("٤٨٢٩١٦", "digits 0 to 9 only"),  # Arabic-Indic digits: str.isdigit says yes
        ("４８２９１６", "digits 0 to 9 only"),  # fullwidth digits
        ("48291６", "digits 0 to 9 only"),
        ("482 916", "digits 0 to 9 only"),
        ("48291a", "digits 0 to 9 only"),
    ],
)
def test_easy_or_malformed_pins_are_refused(pin: str, said: str) -> None:
    problem = pin_problem(pin)
    assert problem is not None and said in problem
    assert "\n" not in problem
    assert not pin or pin not in problem


@pytest.mark.parametrize("pin", ["482916", "582047", "135792", "1357924680", "482916482917"])
def test_good_pins_are_accepted(pin: str) -> None:
    assert pin_problem(pin) is None


@given(st.text(alphabet="0123456789", min_size=6, max_size=12))
def test_every_accepted_pin_is_no_easy_guess(pin: str) -> None:
    if pin_problem(pin) is None:
        assert len(set(pin)) > 1
        assert pin not in "0123456789" * 3 and pin not in "9876543210" * 3
        for length in range(1, len(pin) // 2 + 1):
            assert (pin[:length] * len(pin))[: len(pin)] != pin


@pytest.mark.parametrize("name", ["attendant", "Айгерім Сейітқызы", "Bolat.K", "shift_2-a"])
def test_good_names(name: str) -> None:
    assert name_problem(name) is None


@pytest.mark.parametrize(
    "name", ["", " Bolat", "Bolat ", "a" * 33, "Bolat/K", "Bolat\nK", "Bolat\tK", "x;rm"]
)
def test_bad_names(name: str) -> None:
    problem = name_problem(name)
    assert problem is not None and "\n" not in problem


def test_a_name_typed_two_ways_is_one_name() -> None:
    decomposed = "\u0418\u0306"  # И and a combining breve: Й typed in two parts
    assert staff_name(decomposed) == "\u0419"
    assert name_problem(decomposed) is None
