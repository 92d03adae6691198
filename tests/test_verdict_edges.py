"""The verdict at its edges: a published bound that only nearly settles a range, a total that
reaches its annual figure early, a rule that moves with a baseline, which periods a run's
figures come from and which empty row is named."""

from __future__ import annotations

from decimal import Decimal

import msgspec
import pytest

from reportcheck.actuals import Actual, ActualsSet
from reportcheck.model.periods import Period, parse_period
from reportcheck.registry.records import Registry
from reportcheck.review.evaluate import Result, evaluate, judged_periods, mixed_periods
from reportcheck.review.status import Status

from .rulebook import build, entry, figure, judge, reference

GROWTH_RANGE = entry("地区生产总值增长6%—6.5%", "range", value=[6, 6.5], direction="none")
GRADUATES = entry("引进大学生9万名以上", "at_least", value=9, unit="万人", kind="cumulative")
MORE_GRADUATES = entry("引进大学生超过9万名", "more_than", value=9, unit="万人", kind="cumulative")
#: 新增城镇就业 held to the same months of last year: no annual figure to reach early.
JOBS = entry(
    "新增城镇就业保持基本稳定",
    "steady",
    id="jobs",
    tolerance=0.2,
    unit="万人",
    kind="cumulative",
    baseline={"year": 2022, "same_period": "jobs_2022"},
)


def bounded(registry: Registry, period: str, value: str, bound: str) -> Result:
    actual: Actual = msgspec.structs.replace(figure("t", period, value), bound=bound)
    return evaluate(registry, ActualsSet((actual,)), parse_period(period)).results[0]


@pytest.mark.parametrize(
    ("value", "bound"),
    [
        ("7", "<="),  # ≤ 7 allows 6.2, inside the range, as well as 6.8, above it
        ("7", "<"),
        ("5.5", ">="),  # ≥ 5.5 allows 6.2 as well as 5.8
        ("5.5", ">"),
    ],
)
def test_a_bound_reaching_back_across_a_range_leaves_it_undetermined(
    value: str, bound: str
) -> None:
    found = bounded(build(GROWTH_RANGE), "2023", value, bound)
    assert (found.status, found.code, found.gap) == (
        Status.UNDETERMINED,
        "bound-undetermined",
        None,
    )


@pytest.mark.parametrize(
    ("value", "bound", "gap"),
    [("6.8", ">=", Decimal("0.3")), ("5.8", "<=", Decimal("-0.2"))],
)
def test_a_bound_running_away_from_a_range_is_missed_by_its_published_gap(
    value: str, bound: str, gap: Decimal
) -> None:
    found = bounded(build(GROWTH_RANGE), "2023", value, bound)
    assert (found.status, found.code, found.gap) == (Status.MISSED, "outside-range", gap)


def test_a_total_exactly_at_a_figure_it_must_exceed_is_not_met_early() -> None:
    # 超过9万名: 9 万 by June is on pace (4.5 due) but has not gone past the year's 9 yet.
    at_nine = judge(build(MORE_GRADUATES), "2023-06", "9")
    assert (at_nine.status, at_nine.final, at_nine.required) == (
        Status.ON_TRACK,
        False,
        Decimal("4.5"),
    )
    past = judge(build(MORE_GRADUATES), "2023-06", "9.1")
    assert (past.status, past.final) == (Status.MET, False)


def test_a_total_held_to_last_years_same_months_is_never_met_early() -> None:
    # 2.5 万 by June against 2.3 a year earlier: on track; the year's own level is not known.
    registry = build(JOBS, reference("jobs_2022", "新增城镇就业", unit="万人"))
    actuals = ActualsSet((figure("jobs", "2023-06", "2.5"), figure("jobs_2022", "2023-06", "2.3")))
    june = evaluate(registry, actuals, Period(2023, 6)).results[0]
    assert (june.status, june.final, june.baseline, june.code) == (
        Status.ON_TRACK,
        False,
        Decimal("2.3"),
        "exceeds",
    )


def test_the_periods_judged_leave_out_commitments_without_a_figure() -> None:
    # As of June, one figure is May's and the other commitment has none: figures from May only.
    jobless = entry("城镇调查失业率控制在5%以内", "at_most", id="jobless", value=5)
    registry = build(GRADUATES, jobless)
    report = evaluate(registry, ActualsSet((figure("t", "2023-05", "4"),)), Period(2023, 6))
    assert [r.status for r in report.results] == [Status.ON_TRACK, Status.NO_DATA]
    assert judged_periods(report.results) == [Period(2023, 5)]
    assert mixed_periods(report.results, report.period) is True


def test_an_empty_row_at_the_period_judged_is_named_before_a_later_one() -> None:
    # Run as of May on a sheet whose May and June rows are both left empty: May's row is named.
    rows = (
        msgspec.structs.replace(figure("t", "2023-05", None), line=3),
        msgspec.structs.replace(figure("t", "2023-06", None), line=4),
    )
    found = evaluate(build(GRADUATES), ActualsSet(rows), Period(2023, 5)).results[0]
    assert (found.status, found.code, found.where) == (Status.NO_DATA, "left-empty", "a.csv:3")
