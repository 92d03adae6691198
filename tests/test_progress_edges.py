"""The progress model at its edges: figures rounded once from the exact values (an Excel figure
of fifteen digits), 年度目标 before any figure is in, and the places a worked-out figure keeps."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from reportcheck.registry.records import Target
from reportcheck.review.progress import Progress, annual_target, in_precision

from .rulebook import build, entry, judge, reference
from .test_boundaries import BELOW as RATIO  # 进一步缩小: below last year's 1.61

LOANS = entry("新增制造业中长期贷款150亿元", "at_least", value=150, unit="亿元", kind="cumulative")
GRADUATES = entry("引进大学生9万名以上", "at_least", value=9, unit="万人", kind="cumulative")
GROWTH = entry("地区生产总值增长6%", "at_least", value=6)
SHARE = entry(
    "八大新兴产业链营业收入占比提高1.5个百分点",
    "rise_by",
    value=1.5,
    baseline={"value": 32.1, "year": 2022, "quote": "占比32.1%"},
)
#: 与上年同期基本持平 with no full-year figure: only a month's figure a year earlier says it.
RETAIL = entry(
    "社会消费品零售总额增速与上年同期基本持平",
    "steady",
    id="retail",
    tolerance=0.5,
    baseline={"year": 2022, "same_period": "retail_2022"},
)
REVENUE = entry("一般公共预算收入与经济增长基本同步", "in_step", other="gdp", tolerance=1)
SEWERS = entry("完成所有入河排污口整治", "done", unit="是/否", kind="yesno", released="yearly")
R_AND_D = entry("研发投入强度达到3.35%", "at_least", value=3.35, released="yearly")


def _target(*entries: dict[str, Any]) -> Target:
    return build(*entries).commitments[0]


def test_a_completion_rate_a_hair_under_a_half_is_rounded_down() -> None:
    # 61.5749999999999 亿元 (as Excel writes a computed cell) of 150 is 41.04999999999993%:
    # 41.0%, 9.0 points behind 50.0%; rounding to a dozen places first would print 41.1.
    found = judge(build(LOANS), "2023-06", "61.5749999999999").progress
    assert (found.completion, found.pace, found.ahead) == (
        Decimal("41.0"),
        Decimal("50.0"),
        Decimal("-9.0"),
    )


def test_what_is_left_per_month_a_hair_under_a_half_is_rounded_down() -> None:
    # 9 − 7.250000000001 万 over the 7 months after May is 0.2499999999998…: 0.2 a month.
    found = judge(build(GRADUATES), "2023-05", "7.250000000001").progress
    assert found == Progress(
        annual=Decimal(9),
        completion=Decimal("80.6"),
        pace=Decimal("41.7"),
        ahead=Decimal("38.9"),
        per_month=Decimal("0.2"),
    )


def test_nothing_is_left_per_month_once_the_due_period_is_in() -> None:
    found = judge(build(GRADUATES), "2023-12", "8").progress
    assert (found.completion, found.pace, found.per_month) == (Decimal("88.9"), None, None)


@pytest.mark.parametrize(
    ("wording", "annual"),
    [
        (GROWTH, Decimal(6)),
        (SHARE, Decimal("33.6")),  # 32.1% plus 1.5 points
        (RATIO, Decimal("1.61")),  # below the baseline itself
    ],
)
def test_the_annual_target_as_the_report_states_it(
    wording: dict[str, Any], annual: Decimal
) -> None:
    assert annual_target(_target(wording)) == annual


def test_no_annual_target_where_only_a_figure_can_say_it() -> None:
    assert annual_target(_target(RETAIL, reference("retail_2022"))) is None
    assert annual_target(_target(REVENUE, reference("gdp"))) is None
    assert annual_target(_target(SEWERS)) is None


def test_a_gap_is_shown_to_the_places_of_the_target_or_of_the_figure_beside_it() -> None:
    growth = _target(GROWTH)
    assert in_precision(Decimal("0.46"), growth, Decimal("6.5")) == Decimal("0.5")
    assert in_precision(Decimal("0.46"), growth, Decimal("7")) == Decimal("0.5")
    assert in_precision(Decimal("0.046"), growth, Decimal("6.45")) == Decimal("0.05")
    # 研发投入强度达到3.35%: two places, whatever the figure.
    assert in_precision(Decimal("0.0456"), _target(R_AND_D), Decimal("3.4")) == Decimal("0.05")
    # 倍差进一步缩小 from 1.61: the baseline's two places.
    assert in_precision(Decimal("-0.0456"), _target(RATIO), Decimal("1.6")) == Decimal("-0.05")


def test_a_figure_of_fifteen_digits_is_worked_to_eleven_places_at_most() -> None:
    # 5.66666666666667% (a computed cell exported by Excel) against 6%: a gap of −0.33333…
    gap = in_precision(Decimal("-0.33333333333333"), _target(GROWTH), Decimal("5.66666666666667"))
    assert gap == Decimal("-0.33333333333")
