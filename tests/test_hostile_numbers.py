"""Numbers: kept exactly as typed within the stated precision, refused beyond it, never rounded."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportcheck.model.limits import MAX_DECIMAL_PLACES, MAX_INTEGER_DIGITS
from reportcheck.model.numbers import NotANumberError, format_decimal, parse_number
from reportcheck.output.catalogue import message

from .conftest import Run

Cli = Callable[..., Run]
Write = Callable[..., Path]


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**MAX_INTEGER_DIGITS - 1),
    st.integers(min_value=0, max_value=10**MAX_DECIMAL_PLACES - 1),
    st.booleans(),
)
def test_every_value_within_the_limits_is_kept_and_shown_exactly(
    whole: int, fraction: int, negative: bool
) -> None:
    text = f"{'-' if negative else ''}{whole}.{fraction:0{MAX_DECIMAL_PLACES}d}"
    number = parse_number(text, percent_allowed=False)
    assert number == Decimal(text)
    assert Decimal(format_decimal(number)) == Decimal(text)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=MAX_DECIMAL_PLACES + 1, max_value=60), st.integers(1, 9))
def test_more_decimal_places_than_the_limit_are_refused_not_rounded(places: int, last: int) -> None:
    text = "6." + "0" * (places - 1) + str(last)
    with pytest.raises(NotANumberError) as caught:
        parse_number(text, percent_allowed=False)
    assert re.search("digits after the decimal point", message(caught.value.problem, "en"))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1e1000000", "digits before the decimal point"),
        ("1e-1000000", "digits after the decimal point"),
        ("1" * 31, "digits before the decimal point"),
        ("6.50000000000000000000000000001", "digits after the decimal point"),
        ("8.99999999999999999999999999999", "digits after the decimal point"),
        ("9" * 65, "too long for a number"),
    ],
)
def test_the_issue_examples_are_clear_errors(text: str, reason: str) -> None:
    with pytest.raises(NotANumberError) as caught:
        parse_number(text, percent_allowed=False)
    assert re.search(reason, message(caught.value.problem, "en"))


def test_trailing_zeros_beyond_the_limit_are_not_digits() -> None:
    assert parse_number("5.70000000000000000000", percent_allowed=False) == Decimal("5.7")


def test_long_values_are_shown_without_rounding() -> None:
    assert format_decimal(Decimal("8.99999999999999999999999999999")) == (
        "8.99999999999999999999999999999"
    )
    assert format_decimal(Decimal("1E+4")) == "10000"


def test_diff_refuses_a_huge_exponent_with_file_line_and_column(cli: Cli, write: Write) -> None:
    run = cli("diff", str(write("id,period,value\ngdp_growth,2023-06,1e1000000\n")))
    assert run.exit_code == 2
    assert ":2: column value:" in run.stderr
    assert "[not-a-number]" in run.stderr
    assert "internal error" not in run.stderr


def test_what_was_judged_is_what_is_shown(cli: Cli, write: Write) -> None:
    path = write("id,period,value\ngdp_growth,2023-06,5.4999999999\n")
    run = cli("diff", str(path), "-f", "csv", "--id", "gdp_growth")
    assert "5.4999999999" in run.stdout
