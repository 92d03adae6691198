"""Judging a whole registry: which figure is judged, no-data reasons, exit codes, history.

Each rule's own verdicts are pinned in test_rules.py; this file pins what lies around them.
"""

from __future__ import annotations

from decimal import Decimal

from reportcheck.actuals import Actual, ActualsSet
from reportcheck.model.periods import Period
from reportcheck.output.explain import reason as explain
from reportcheck.registry.records import Registry
from reportcheck.review.evaluate import evaluate, exit_code, judge_each_period
from reportcheck.review.status import DEFAULT_FAIL_ON, Status

from .rulebook import build, entry, figure, reference

GRADUATES = entry("引进大学生9万名以上", "at_least", value=9, unit="万人", kind="cumulative")
GROWTH = entry("固定资产投资增长9%", "at_least", value=9)
RD = entry("研发投入强度达到3.4%左右", "about", value=3.4, tolerance=0.1, released="yearly")


def test_no_row_empty_value_and_nothing_before_the_period() -> None:
    registry = build(GROWTH)
    nothing = evaluate(registry, ActualsSet(())).results[0]
    assert (nothing.status, nothing.code, explain(nothing, "en")) == (
        Status.NO_DATA,
        "no-row",
        "no figure in the actuals",
    )
    empty = evaluate(registry, ActualsSet((figure("t", "2023-06", None),))).results[0]
    assert (empty.status, explain(empty, "en")) == (Status.NO_DATA, "value left empty (a.csv:2)")
    data = ActualsSet((figure("t", "2023-06", "10"),))
    later = evaluate(registry, data, Period(2023, 3)).results[0]
    assert (later.status, explain(later, "en")) == (
        Status.NO_DATA,
        "no figure on or before 2023-03",
    )


def test_a_yearly_figure_missing_in_june_is_said_to_be_not_published_yet() -> None:
    registry = build(RD, reference("other"))
    data = ActualsSet((figure("other", "2023-06", "1"),))
    result = evaluate(registry, data).results[0]
    assert (result.status, result.code, result.awaited) == (
        Status.NO_DATA,
        "not-published",
        "not-published",
    )
    assert explain(result, "en") == "due 2023; the figure is not published yet"


def test_latest_period_is_judged_by_default_and_as_of_on_request() -> None:
    registry = build(GRADUATES)
    data = ActualsSet((figure("t", "2023-03", "1"), figure("t", "2023-06", "4.6")))
    latest = evaluate(registry, data)
    assert (latest.period, latest.results[0].status) == (Period(2023, 6), Status.ON_TRACK)
    earlier = evaluate(registry, data, Period(2023, 4)).results[0]
    assert (earlier.period, earlier.status) == (Period(2023, 3), Status.BEHIND)


def test_every_period_of_one_commitment() -> None:
    registry = build(GRADUATES)
    data = ActualsSet((figure("t", "2023-06", "4.6"), figure("t", "2023-03", "1")))
    results = judge_each_period(registry.commitments[0], data, registry)
    assert [(str(r.period), r.status) for r in results] == [
        ("2023-03", Status.BEHIND),
        ("2023-06", Status.ON_TRACK),
    ]


def test_exit_code_follows_the_failing_statuses() -> None:
    registry = build(GROWTH)
    behind = evaluate(registry, ActualsSet((figure("t", "2023-06", "1"),))).results
    assert exit_code(behind, DEFAULT_FAIL_ON) == 1
    assert exit_code(behind, {Status.MISSED}) == 0
    assert exit_code(behind, set()) == 0
    nothing = evaluate(registry, ActualsSet(())).results
    assert exit_code(nothing, DEFAULT_FAIL_ON) == 0
    assert exit_code(nothing, {Status.NO_DATA}) == 1


def test_not_due_never_fails_a_run_by_default() -> None:
    outfalls = entry("完成入河排污口整治", "done", unit="是/否", kind="yesno", released="yearly")
    results = evaluate(build(outfalls), ActualsSet((figure("t", "2023-06", False),))).results
    assert results[0].status is Status.NOT_DUE
    assert exit_code(results, DEFAULT_FAIL_ON) == 0
    assert exit_code(results, {Status.NOT_DUE}) == 1


def test_reference_entries_are_not_judged() -> None:
    registry = build(GROWTH, reference("ref"))
    assert [r.target.id for r in evaluate(registry, ActualsSet(())).results] == ["t"]


def test_real_registry_judges_the_official_first_half(registry: Registry) -> None:
    data = ActualsSet(
        (
            Actual(id="gdp_growth", period=Period(2023, 6), value=Decimal("5.7"), file="x", line=2),
            Actual(
                id="industrial_va_growth",
                period=Period(2023, 6),
                value=Decimal("0.7"),
                file="x",
                line=3,
            ),
        )
    )
    report = evaluate(registry, data)
    by_id = {r.target.id: r for r in report.results}
    assert (by_id["gdp_growth"].status, by_id["gdp_growth"].code) == (
        Status.ON_TRACK,
        "within-tolerance",
    )
    assert by_id["industrial_va_growth"].status is Status.BEHIND
    assert by_id["industrial_va_growth"].gap == Decimal("-6.3")
    assert report.summary()[Status.NO_DATA] == len(registry.commitments) - 2


def test_the_real_registrys_headline_targets_in_a_good_year(registry: Registry) -> None:
    """Beating a growth target is met, never missed or lagging."""
    data = ActualsSet(
        (
            Actual(
                id="gdp_growth",
                period=Period(2023, 12, "year"),
                value=Decimal("6.6"),
                file="x",
                line=2,
            ),
            Actual(
                id="industrial_va_growth",
                period=Period(2023, 12, "year"),
                value=Decimal("8.1"),
                file="x",
                line=3,
            ),
            Actual(
                id="rd_intensity",
                period=Period(2023, 12, "year"),
                value=Decimal("3.5"),
                file="x",
                line=4,
            ),
            Actual(
                id="budget_revenue_growth",
                period=Period(2023, 12, "year"),
                value=Decimal("9.0"),
                file="x",
                line=5,
            ),
            Actual(
                id="export_share",
                period=Period(2023, 12, "year"),
                value=Decimal("5.5"),
                file="x",
                line=6,
            ),
            Actual(
                id="export_share_prior",
                period=Period(2023, 12, "year"),
                value=Decimal("5.2"),
                file="x",
                line=7,
            ),
        )
    )
    by_id = {r.target.id: r for r in evaluate(registry, data).results}
    for target_id in (
        "gdp_growth",
        "industrial_va_growth",
        "rd_intensity",
        "budget_revenue_growth",
        "export_share",
    ):
        assert (target_id, by_id[target_id].status, by_id[target_id].code) == (
            target_id,
            Status.MET,
            "exceeds",
        )


def test_a_figure_without_a_period_is_never_judged() -> None:
    registry = build(GROWTH)
    loose = Actual(id="t", period=None, value=Decimal(10), file="a.csv", line=2)
    result = evaluate(registry, ActualsSet((loose,))).results[0]
    assert (result.status, result.code) == (Status.NO_DATA, "no-row")
