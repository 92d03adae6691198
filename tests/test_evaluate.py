"""Judging: every comparator, pacing rule, status and period choice, one behaviour per test."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportcheck.actuals import Actual, ActualsSet, Value
from reportcheck.evaluate import Result, evaluate, exit_code, judge_each_period
from reportcheck.model import (
    DEFAULT_FAIL_ON,
    Baseline,
    Comparator,
    Kind,
    Registry,
    Released,
    ReportMeta,
    Role,
    Section,
    Status,
    Target,
)
from reportcheck.periods import Period, parse_period

META = ReportMeta("某市", "Somewhere", 2023, "报告", "Report", "2023-02-01", "日报", "seed.txt")


def target(
    comparator: Comparator | None = Comparator.AT_LEAST,
    value: str | None = "10",
    kind: Kind = Kind.RATE,
    tolerance: str | None = None,
    baseline: str | None = None,
    other: str | None = None,
    target_id: str = "t",
    unit: str = "%",
    role: Role = Role.COMMITMENT,
) -> Target:
    return Target(
        target_id,
        "二",
        "quote",
        "指标",
        "indicator",
        unit,
        comparator,
        Decimal(value) if value is not None else None,
        Decimal(tolerance) if tolerance is not None else None,
        Baseline(Decimal(baseline), 2022, "q") if baseline is not None else None,
        other,
        kind,
        Released.MONTHLY,
        role,
        1,
    )


def registry(*targets: Target) -> Registry:
    return Registry(Path("t.yaml"), META, {"二": Section("二", "主要", "Main")}, targets)


def actual(value: str | bool | None, period: str = "2023", target_id: str = "t") -> Actual:
    parsed: Value | None = Decimal(value) if isinstance(value, str) else value
    return Actual(target_id, parse_period(period), parsed, "a.csv", 2)


def judge(t: Target, value: str | bool | None, period: str = "2023", *extra: Actual) -> Result:
    reg = registry(t, *(target(None, None, target_id=a.id, role=Role.REFERENCE) for a in extra))
    (result,) = evaluate(reg, ActualsSet((actual(value, period, t.id), *extra))).results
    return result


@pytest.mark.parametrize(
    ("comparator", "value", "status"),
    [
        (Comparator.AT_LEAST, "10", Status.MET),
        (Comparator.AT_LEAST, "9.99", Status.MISSED),
        (Comparator.MORE_THAN, "10.01", Status.MET),
        (Comparator.MORE_THAN, "10", Status.MISSED),
        (Comparator.AT_MOST, "10", Status.MET),
        (Comparator.AT_MOST, "10.1", Status.MISSED),
        (Comparator.RANK_WITHIN, "10", Status.MET),
        (Comparator.RANK_WITHIN, "11", Status.MISSED),
    ],
)
def test_threshold_comparators_at_year_end(
    comparator: Comparator, value: str, status: Status
) -> None:
    assert judge(target(comparator), value).status is status


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("5.5", Status.MET),
        ("6.5", Status.MET),
        ("5.7", Status.MET),
        ("5.49", Status.MISSED),
        ("6.51", Status.MISSED),
    ],
)
def test_about_is_a_band_of_the_stated_tolerance(value: str, status: Status) -> None:
    assert judge(target(Comparator.ABOUT, "6", tolerance="0.5"), value).status is status


def test_gdp_growth_5_7_against_6_about_has_gap_minus_0_3() -> None:
    result = judge(target(Comparator.ABOUT, "6", tolerance="0.5"), "5.7", "2023-06")
    assert (result.status, result.gap, result.required) == (
        Status.ON_TRACK,
        Decimal("-0.3"),
        Decimal(6),
    )


def test_below_baseline() -> None:
    ratio = target(Comparator.BELOW_BASELINE, None, baseline="1.61", unit="倍")
    assert judge(ratio, "1.60").status is Status.MET
    assert judge(ratio, "1.61").status is Status.MISSED
    assert judge(ratio, "1.60").gap == Decimal("-0.01")


def test_rise_by_points_over_the_baseline() -> None:
    share = target(Comparator.RISE_BY, "1.5", baseline="32.1")
    result = judge(share, "33.8")
    assert (result.status, result.required, result.gap) == (
        Status.MET,
        Decimal("33.6"),
        Decimal("0.2"),
    )
    assert judge(share, "33.5").status is Status.MISSED


def test_about_baseline() -> None:
    stable = target(Comparator.ABOUT_BASELINE, None, tolerance="0.2", baseline="5.3")
    assert judge(stable, "5.1").status is Status.MET
    assert judge(stable, "5.0").status is Status.MISSED


def test_faster_than_another_quantity_in_the_same_period() -> None:
    faster = target(Comparator.FASTER_THAN, None, other="gdp")
    result = judge(faster, "6.3", "2023-06", actual("5.7", "2023-06", "gdp"))
    assert (result.status, result.gap, result.other) == (
        Status.ON_TRACK,
        Decimal("0.6"),
        Decimal("5.7"),
    )
    assert judge(faster, "5.7", "2023-06", actual("5.7", "2023-06", "gdp")).status is Status.BEHIND


def test_about_another_quantity() -> None:
    in_step = target(Comparator.ABOUT_OTHER, None, tolerance="1", other="gdp")
    assert judge(in_step, "6.6", "2023", actual("5.7", "2023", "gdp")).status is Status.MET
    assert judge(in_step, "6.8", "2023", actual("5.7", "2023", "gdp")).status is Status.MISSED


def test_relative_target_without_the_other_quantity_is_no_data() -> None:
    faster = target(Comparator.FASTER_THAN, None, other="gdp")
    result = judge(faster, "6.3", "2023-06", actual("5.7", "2023-03", "gdp"))
    assert result.status is Status.NO_DATA
    assert result.reason("en") == "no figure for gdp for 2023-06 to compare with"


def test_yes_no() -> None:
    done = target(Comparator.YES, None, kind=Kind.YESNO, unit="是/否")
    assert judge(done, True).status is Status.MET
    assert judge(done, False).status is Status.MISSED
    assert judge(done, False, "2023-06").status is Status.BEHIND


def test_cumulative_flow_is_paced_by_elapsed_months() -> None:
    graduates = target(value="9", kind=Kind.CUMULATIVE, unit="万人")
    result = judge(graduates, "4.5", "2023-06")
    assert (result.status, result.expected, result.gap) == (
        Status.ON_TRACK,
        Decimal("4.5"),
        Decimal(0),
    )
    assert judge(graduates, "4.4", "2023-06").status is Status.BEHIND
    assert judge(graduates, "1.6", "2023-02").expected == Decimal("1.5")


def test_pace_of_a_thirds_is_kept_to_four_places() -> None:
    result = judge(target(value="100", kind=Kind.CUMULATIVE, unit="个"), "41", "2023-05")
    assert result.expected == Decimal("41.6667")
    assert result.status is Status.BEHIND


def test_more_than_a_flow_is_on_track_when_on_pace_and_strict_at_year_end() -> None:
    projects = target(Comparator.MORE_THAN, "300", kind=Kind.CUMULATIVE, unit="个")
    assert judge(projects, "150", "2023-06").status is Status.ON_TRACK
    assert judge(projects, "300", "2023").status is Status.MISSED


def test_cumulative_at_year_end_is_met_or_missed_against_the_whole_target() -> None:
    graduates = target(value="9", kind=Kind.CUMULATIVE, unit="万人")
    assert judge(graduates, "9.1").status is Status.MET
    assert judge(graduates, "8.9").status is Status.MISSED


def test_rates_in_year_are_compared_directly_not_paced() -> None:
    growth = target(value="9")
    result = judge(growth, "8.1", "2023-03")
    assert (result.status, result.expected, result.required) == (Status.BEHIND, None, Decimal(9))


def test_stock_with_a_baseline_follows_the_straight_path() -> None:
    balance = target(Comparator.MORE_THAN, "10000", kind=Kind.STOCK, baseline="8800", unit="亿元")
    result = judge(balance, "9400", "2023-06")
    assert (result.status, result.expected) == (Status.ON_TRACK, Decimal(9400))
    assert judge(balance, "9399", "2023-06").status is Status.BEHIND


def test_stock_without_a_baseline_is_compared_directly() -> None:
    balance = target(Comparator.MORE_THAN, "10000", kind=Kind.STOCK, unit="亿元")
    assert judge(balance, "9400", "2023-06").status is Status.BEHIND
    assert judge(balance, "10001", "2023-06").status is Status.ON_TRACK


def test_no_row_empty_value_and_nothing_before_the_period() -> None:
    reg = registry(target())
    assert evaluate(reg, ActualsSet(())).results[0].reason("en") == "no figure in the actuals"
    empty = evaluate(reg, ActualsSet((actual(None, "2023-06"),))).results[0]
    assert (empty.status, empty.reason("en")) == (Status.NO_DATA, "value left empty (a.csv:2)")
    later = evaluate(reg, ActualsSet((actual("10", "2023-06"),)), Period(2023, 3)).results[0]
    assert (later.status, later.reason("en")) == (Status.NO_DATA, "no figure on or before 2023-03")


def test_latest_period_is_judged_by_default_and_as_of_on_request() -> None:
    reg = registry(target(value="9", kind=Kind.CUMULATIVE))
    data = ActualsSet((actual("1", "2023-03"), actual("4.6", "2023-06")))
    latest = evaluate(reg, data)
    assert (latest.period, latest.results[0].status) == (Period(2023, 6), Status.ON_TRACK)
    earlier = evaluate(reg, data, Period(2023, 4)).results[0]
    assert (earlier.period, earlier.status) == (Period(2023, 3), Status.BEHIND)


def test_every_period_of_one_commitment() -> None:
    t = target(value="9", kind=Kind.CUMULATIVE)
    data = ActualsSet((actual("4.6", "2023-06"), actual("1", "2023-03")))
    results = judge_each_period(t, data, registry(t))
    assert [(str(r.period), r.status) for r in results] == [
        ("2023-03", Status.BEHIND),
        ("2023-06", Status.ON_TRACK),
    ]


def test_exit_code_follows_the_failing_statuses() -> None:
    reg = registry(target())
    behind = evaluate(reg, ActualsSet((actual("1", "2023-06"),))).results
    assert exit_code(behind, DEFAULT_FAIL_ON) == 1
    assert exit_code(behind, {Status.MISSED}) == 0
    assert exit_code(behind, set()) == 0
    nothing = evaluate(reg, ActualsSet(())).results
    assert exit_code(nothing, DEFAULT_FAIL_ON) == 0
    assert exit_code(nothing, {Status.NO_DATA}) == 1


def test_reference_entries_are_not_judged() -> None:
    reg = registry(target(), target(None, None, target_id="ref", role=Role.REFERENCE))
    assert [r.target.id for r in evaluate(reg, ActualsSet(())).results] == ["t"]


def test_real_registry_judges_the_official_first_half(registry: Registry) -> None:
    data = ActualsSet(
        (
            Actual("gdp_growth", Period(2023, 6), Decimal("5.7"), "x", 2),
            Actual("industrial_va_growth", Period(2023, 6), Decimal("0.7"), "x", 3),
        )
    )
    report = evaluate(registry, data)
    by_id = {r.target.id: r for r in report.results}
    assert by_id["gdp_growth"].status is Status.ON_TRACK
    assert by_id["industrial_va_growth"].status is Status.BEHIND
    assert by_id["industrial_va_growth"].gap == Decimal("-6.3")
    assert report.summary()[Status.NO_DATA] == 89
