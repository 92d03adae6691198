"""The judge at its edges: published bounds on a two-sided rule and at the very limit, when a
figure can be awaited, which empty row is named, what a result is unless said otherwise."""

from __future__ import annotations

from decimal import Decimal

import msgspec
import pytest

from reportcheck.actuals import Actual, ActualsSet
from reportcheck.model.periods import Period, parse_period
from reportcheck.registry.records import Registry
from reportcheck.review.evaluate import Result, awaited, evaluate
from reportcheck.review.status import Status

from .rulebook import build, entry, figure

RANGE_BOTH = entry("增长6%—6.5%", "range", value=[6, 6.5], direction="none")
BAND = entry("增长6%左右", "about", value=6, tolerance=0.5, direction="none")
CAP = entry("城镇调查失业率控制在5%以内", "at_most", value=5)
MORE = entry("引进大学生超过9万名", "more_than", value=9, unit="万人", kind="cumulative")
GRADUATES = entry("引进大学生9万名以上", "at_least", value=9, unit="万人", kind="cumulative")


def bounded(registry: Registry, period: str, value: str, bound: str) -> Result:
    actual: Actual = msgspec.structs.replace(figure("t", period, value), bound=bound)
    return evaluate(registry, ActualsSet((actual,)), parse_period(period)).results[0]


@pytest.mark.parametrize(
    ("value", "bound", "status"),
    [
        ("7", ">=", Status.MISSED),  # every figure it allows is above the range
        ("6.5", ">", Status.MISSED),  # above its top, however little
        ("6.5", ">=", Status.UNDETERMINED),  # 6.5 itself is in the range
        ("6.2", ">=", Status.UNDETERMINED),
        ("5", "<=", Status.MISSED),  # every figure it allows is below the range
        ("6", "<", Status.MISSED),
        ("6", "<=", Status.UNDETERMINED),
        ("6.2", "<", Status.UNDETERMINED),
    ],
)
def test_a_bound_on_a_two_sided_range_is_judged_only_where_it_settles(
    value: str, bound: str, status: Status
) -> None:
    assert bounded(build(RANGE_BOTH), "2023", value, bound).status is status


@pytest.mark.parametrize(
    ("value", "bound", "status"),
    [("7", ">=", Status.MISSED), ("6.2", ">=", Status.UNDETERMINED), ("5", "<", Status.MISSED)],
)
def test_a_bound_on_a_two_sided_band_is_judged_only_where_it_settles(
    value: str, bound: str, status: Status
) -> None:
    assert bounded(build(BAND), "2023", value, bound).status is status


def test_a_strict_bound_at_the_very_limit_settles_a_strict_or_a_capped_rule() -> None:
    # 超过9万名 published as >9: met; 5%以内 published as <5: met, with the published gap.
    more = bounded(build(MORE), "2023", "9", ">")
    assert (more.status, more.gap) == (Status.MET, Decimal(0))
    cap = bounded(build(CAP), "2023", "5", "<")
    assert (cap.status, cap.gap) == (Status.MET, Decimal(0))
    assert bounded(build(CAP), "2023", "5", ">").status is Status.MISSED
    assert bounded(build(MORE), "2023", "9", "<").status is Status.MISSED


@pytest.mark.parametrize(
    ("released", "as_of", "expected"),
    [
        ("quarterly", Period(2023, 2), "not-published"),  # the first quarter is not out yet
        ("quarterly", Period(2023, 3), ""),
        ("monthly", Period(2023, 2), ""),
        ("yearly", Period(2023, 11), "not-published"),
        ("quarterly", parse_period("2023"), ""),  # at the due period nothing is awaited
    ],
)
def test_what_cannot_be_out_yet(released: str, as_of: Period, expected: str) -> None:
    target = build(entry("增长6%", "at_least", value=6, released=released)).commitments[0]
    assert awaited(target, as_of) == expected


def test_a_quarterly_figure_of_a_later_year_is_not_awaited_in_this_years_first_quarter() -> None:
    target = build(
        entry("增长6%", "at_least", value=6, released="quarterly", due=2024)
    ).commitments[0]
    assert awaited(target, Period(2023, 2)) == ""
    assert awaited(target, Period(2024, 2)) == "not-published"


def test_an_empty_value_is_named_at_the_period_judged_else_at_its_latest_row() -> None:
    registry = build(GRADUATES)
    rows = (
        msgspec.structs.replace(figure("t", "2023-05", None), line=3),
        msgspec.structs.replace(figure("t", "2023-06", None), line=4),
    )
    at_june = evaluate(registry, ActualsSet(rows), Period(2023, 6)).results[0]
    assert (at_june.code, at_june.where) == ("left-empty", "a.csv:4")
    at_july = evaluate(registry, ActualsSet(rows[:1]), Period(2023, 7)).results[0]
    assert (at_july.code, at_july.where) == ("left-empty", "a.csv:3")


def test_a_result_is_neither_final_nor_tolerated_unless_the_judge_says_so() -> None:
    nothing = evaluate(build(GRADUATES), ActualsSet(())).results[0]
    assert (nothing.status, nothing.final, nothing.tolerated) == (Status.NO_DATA, False, False)


def test_a_total_on_pace_but_short_of_its_target_is_on_track_not_met() -> None:
    # 5 of 9 万 by June is ahead of 序时进度 (4.5), not the year's 9.
    june = evaluate(
        build(GRADUATES), ActualsSet((figure("t", "2023-06", "5"),)), Period(2023, 6)
    ).results[0]
    assert (june.status, june.final) == (Status.ON_TRACK, False)
