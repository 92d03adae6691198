"""Numbers and periods are read as people type them, exactly, or refused with the reason."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportcheck.model.numbers import (
    MINUS_SIGNS,
    NotANumberError,
    folds_into_digits,
    format_decimal,
    normalise_text,
    parse_number,
    parse_yes_no,
)
from reportcheck.model.periods import Period, parse_period
from reportcheck.output.catalogue import message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5.7", "5.7"),
        ("1,867.9", "1867.9"),
        ("６．１", "6.1"),
        ("-3.9", "-3.9"),
        ("−3.9", "-3.9"),
        ("－3.9", "-3.9"),
        ("+1.2", "1.2"),
        ("  42 ", "42"),
        ("\u30005.7\u3000", "5.7"),
        ("1,234,567", "1234567"),
        ("0.30", "0.3"),
        ("1.2E+3", "1200"),
        ("-0", "0"),
    ],
)
def test_numbers_people_type(text: str, expected: str) -> None:
    assert format_decimal(parse_number(text, percent_allowed=False)) == expected


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text())
def test_ascii_text_is_normalised_as_any_text_is(text: str) -> None:
    """Text of ASCII alone is only trimmed, as NFKC and the minus signs would leave it."""
    folded = unicodedata.normalize("NFKC", text)
    assert normalise_text(text) == folded.translate({ord(m): "-" for m in MINUS_SIGNS}).strip()
    assert folds_into_digits(text) == any(
        not c.isdecimal() and any("0" <= f <= "9" for f in unicodedata.normalize("NFKC", c))
        for c in text
        if not c.isascii()
    )


def test_minus_sign_is_kept() -> None:
    assert parse_number("−3.9", percent_allowed=False) == Decimal("-3.9")


def test_percent_sign_for_a_percentage() -> None:
    assert parse_number("5.7%", percent_allowed=True) == Decimal("5.7")
    assert parse_number("５．７％", percent_allowed=True) == Decimal("5.7")


def test_percent_sign_refused_for_other_units() -> None:
    with pytest.raises(NotANumberError) as caught:
        parse_number("5.7%", percent_allowed=False)
    assert re.search("not a percentage", message(caught.value.problem, "en"))


@pytest.mark.parametrize(
    "text",
    ["abc", "5.7.1", "1,86", "12,34.5", "约6", "6左右", "", "--3", "(3.9)", "nan", "inf", "1 2"],
)
def test_non_numbers_are_refused(text: str) -> None:
    with pytest.raises(NotANumberError) as caught:
        parse_number(text, percent_allowed=True)
    assert re.search("expected a number", message(caught.value.problem, "en"))


@given(
    st.decimals(
        allow_nan=False,
        allow_infinity=False,
        places=4,
        min_value=Decimal("-1e12"),
        max_value=Decimal("1e12"),
    )
)
def test_numbers_round_trip_exactly(value: Decimal) -> None:
    assert parse_number(format_decimal(value), percent_allowed=False) == value


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("yes", True),
        ("TRUE", True),
        ("1", True),
        ("是", True),
        ("完成", True),
        ("no", False),
        ("false", False),
        ("0", False),
        ("否", False),
        ("未完成", False),
    ],
)
def test_yes_no_answers(text: str, answer: bool) -> None:
    assert parse_yes_no(text) is answer


def test_yes_no_refuses_other_words() -> None:
    with pytest.raises(NotANumberError) as caught:
        parse_yes_no("maybe")
    assert re.search("not a yes/no answer", message(caught.value.problem, "en"))


@pytest.mark.parametrize(
    ("text", "period", "shown"),
    [
        ("2023-06", Period(2023, 6), "2023-06"),
        ("2023-6", Period(2023, 6), "2023-06"),
        ("2023-Q2", Period(2023, 6), "2023-Q2"),
        ("2023", Period(2023, 12), "2023"),
        ("2023年6月", Period(2023, 6), "2023-06"),
        ("2023年1-6月", Period(2023, 6), "2023-06"),
        ("2023年1—2月", Period(2023, 2), "2023-02"),
        ("2023年一季度", Period(2023, 3), "2023-Q1"),
        ("2023年第3季度", Period(2023, 9), "2023-Q3"),
        ("2023年上半年", Period(2023, 6), "2023-Q2"),
        ("2023年前三季度", Period(2023, 9), "2023-Q3"),
        ("2023年全年", Period(2023, 12), "2023"),
    ],
)
def test_periods(text: str, period: Period, shown: str) -> None:
    parsed = parse_period(text)
    assert parsed == period
    assert str(parsed) == shown


def test_a_year_is_the_same_period_as_december() -> None:
    assert parse_period("2023") == parse_period("2023-12")
    assert parse_period("2023").is_full_year


def test_how_a_period_is_written_leaves_equality_hash_and_order_alone() -> None:
    year, december, quarter = (
        Period(2023, 12, "year"),
        Period(2023, 12),
        Period(2023, 12, "quarter"),
    )
    assert year == december == quarter
    assert not year != december  # noqa: SIM202 - != is its own operator
    assert hash(year) == hash(december) == hash((2023, 12))
    assert len({year, december, quarter}) == 1
    assert not year < december
    assert not december < year
    assert year <= december <= year
    assert year >= december >= year
    assert not year > december
    june = Period(2023, 6, "year")
    assert june < december
    assert june <= december
    assert december > june
    assert december >= june
    assert Period(2022, 12) < Period(2023, 1)
    assert sorted([year, june, Period(2022, 12, "quarter")]) == [Period(2022, 12), june, year]
    assert [p.kind for p in sorted([year, december])] == ["year", "month"]  # a stable sort
    assert (str(year), str(december), repr(quarter)) == (
        "2023",
        "2023-12",
        "Period(year=2023, month=12, kind='quarter')",
    )


def test_a_period_equals_and_orders_only_with_periods() -> None:
    period: object = Period(2023, 6)
    assert period != (2023, 6)
    assert period != "2023-06"
    with pytest.raises(TypeError):
        assert period < (2023, 7)  # type: ignore[operator]


@pytest.mark.parametrize(
    "text",
    [
        "2023-13",
        "2023/6",
        "2023-00",
        "23-06",
        "June 2023",
        "2023-Q5",
        "2023年五季度",
        "一季度",
        "2023年下半年",
        "23年上半年",
    ],
)
def test_non_periods_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="expected YYYY-MM"):
        parse_period(text)
