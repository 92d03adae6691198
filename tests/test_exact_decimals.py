"""A fraction that ends in decimal notation is kept whole however many digits it takes; one that
does not end is rounded once, to the places asked for, however large its whole part."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportcheck.rules import show, to_decimal


@pytest.mark.parametrize(
    ("value", "decimal"),
    [
        # a registry's largest numerator over 2^20: 30 digits, more than Decimal's default 28
        (Fraction(9999999999999999, 2**20), Decimal("9536743164.06249904632568359375")),
        (Fraction(9 * 10**27 + 1, 8), Decimal("1125000000000000000000000000.125")),
    ],
)
def test_a_fraction_that_ends_keeps_every_digit(value: Fraction, decimal: Decimal) -> None:
    assert to_decimal(value) == decimal
    assert show(value) == format(decimal, "f")  # whole, so not marked as rounded


def test_a_fraction_that_does_not_end_is_rounded_at_its_places_however_large() -> None:
    value = Fraction(10**40 + 1, 3)
    assert to_decimal(value) == Decimal("3333333333333333333333333333333333333333.6667")
    assert show(value) == "3333333333333333333333333333333333333333.6667…"


def _ends(value: Fraction) -> bool:
    """Whether the fraction ends in decimal notation: its denominator has no prime but 2 and 5."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1


@given(
    st.fractions(max_denominator=10**6)
    | st.builds(
        Fraction, st.integers(-(10**30), 10**30), st.sampled_from([1, 2, 3, 8, 10, 2**20, 5**15])
    )
)
def test_a_fraction_is_kept_whole_exactly_when_it_ends(value: Fraction) -> None:
    kept = to_decimal(value)
    assert (Fraction(kept) == value) == _ends(value)
    if not _ends(value) and kept.adjusted() >= -4:  # rounded at four places
        assert abs(Fraction(kept) - value) <= Fraction(1, 2 * 10**4)
        assert kept.as_tuple().exponent >= -4  # type: ignore[operator]
