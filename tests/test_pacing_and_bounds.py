"""Edges that decide verdicts: the due date itself, the first and last month, zero, the limits."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from reportcheck.actuals import ActualsSet
from reportcheck.model.periods import parse_period
from reportcheck.model.problems import RegistryError
from reportcheck.output.catalogue import one_line
from reportcheck.registry.load import load_registry
from reportcheck.review.evaluate import evaluate
from reportcheck.review.pacing import frame_for, share_due
from reportcheck.review.status import Status
from reportcheck.rules import Frame

from .rulebook import LOAN, MILESTONES, build, entry, figure, judge, reference
from .test_registry_rules import entry as good_entry
from .test_registry_validation import SEED, registry_text

Make = Callable[..., Path]
F = Fraction
FLOW = entry("引进大学生9万名以上", "at_least", value=9, unit="万人", kind="cumulative")


@pytest.fixture
def make(tmp_path: Path) -> Make:
    def write(text: str, plan: str = "地区生产总值增长6%左右") -> Path:
        """The registry, beside SEED with its plan's one sentence replaced by `plan`."""
        seed = SEED.replace("地区生产总值增长6%左右", plan)
        (tmp_path / "seed.txt").write_text(seed, encoding="utf-8")
        path = tmp_path / "targets.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def frame(wording: dict[str, Any], period: str) -> Frame | None:
    return frame_for(build(wording).commitments[0], parse_period(period), 2023)


def test_linear_pacing_by_months_to_the_due_date() -> None:
    assert frame(FLOW, "2023-02") == Frame(final=False, share=F(2, 12))
    assert frame(FLOW, "2023-11") == Frame(final=False, share=F(11, 12))
    assert frame(FLOW, "2023-12") == Frame(final=True)
    half = entry(
        "上半年引进大学生5万名", "at_least", value=5, unit="万人", kind="cumulative", due="2023-06"
    )
    assert frame(half, "2023-03") == Frame(final=False, share=F(3, 6))
    assert frame(half, "2023-06") == Frame(final=True)


def test_milestones_and_the_path_give_levels() -> None:
    assert frame(MILESTONES, "2023-05") is None
    assert frame(MILESTONES, "2023-06") == Frame(final=False, level=F(40))
    assert frame(MILESTONES, "2023-10") == Frame(final=False, level=F(70))
    assert frame(LOAN, "2023-03") == Frame(final=False, level=F(8800) + F(1200) * F(3, 12))


def test_the_share_due_is_what_the_pace_column_prints() -> None:
    flow = build(FLOW).commitments[0]
    assert share_due(flow, parse_period("2023-06"), 2023) == F(1, 2)
    assert share_due(flow, parse_period("2023-12"), 2023) is None
    scheduled = build(MILESTONES).commitments[0]
    assert share_due(scheduled, parse_period("2023-07"), 2023) == F(40, 100)
    assert share_due(scheduled, parse_period("2023-03"), 2023) is None
    loan = build(LOAN).commitments[0]
    assert share_due(loan, parse_period("2023-06"), 2023) == F(9400, 10000)
    rate = build(entry("增长9%", "at_least", value=9)).commitments[0]
    assert share_due(rate, parse_period("2023-06"), 2023) is None
    yearly = build(entry("达到3.4%", "at_least", value=3.4, released="yearly")).commitments[0]
    assert share_due(yearly, parse_period("2023-06"), 2023) is None


def test_completion_and_pace_for_a_path_and_a_schedule() -> None:
    loan = judge(build(LOAN), "2023-06", "9500").progress
    assert (loan.completion, loan.pace, loan.ahead) == (Decimal(95), Decimal(94), Decimal(1))
    scheduled = judge(build(MILESTONES), "2023-07", "45").progress
    assert (scheduled.completion, scheduled.pace, scheduled.ahead) == (
        Decimal(45),
        Decimal(40),
        Decimal(5),
    )


def test_a_cap_and_a_rate_have_no_completion_rate() -> None:
    cap = entry("能耗控制在100万吨以内", "at_most", value=100, unit="万吨", kind="cumulative")
    assert judge(build(cap), "2023-06", "40").progress.completion is None
    rate = judge(build(entry("增长9%", "at_least", value=9)), "2023", "9")
    assert rate.progress.completion is None


def test_a_flow_already_past_its_yearly_target_is_met_early() -> None:
    yearly_flow = entry(
        "新增上市公司6家", "at_least", value=6, unit="家", kind="cumulative", released="yearly"
    )
    assert judge(build(yearly_flow), "2023-09", "7").status is Status.MET
    assert judge(build(yearly_flow), "2023-09", "5").status is Status.NOT_DUE
    yearly_rate = entry("达到3.4%", "at_least", value=3.4, released="yearly")
    assert judge(build(yearly_rate), "2023-09", "3.5").status is Status.NOT_DUE


def test_the_sign_of_a_fall_only_changes_when_the_entry_says_so() -> None:
    cut = entry("压减一般性支出15%以上", "at_least", value=15, entered_as="magnitude")
    plain = judge(build(cut), "2023", "16")
    assert (plain.judged, plain.notes) == (None, ())
    zero = judge(build(cut), "2023", "0")
    assert (zero.judged, zero.notes, zero.status) == (None, (), Status.MISSED)
    unsigned = judge(build(entry("增长9%", "at_least", value=9)), "2023", "-16")
    assert (unsigned.judged, unsigned.status) == (None, Status.MISSED)


def test_a_full_year_figure_with_a_seasonal_baseline_needs_no_note() -> None:
    ratio = entry(
        "城乡居民收入倍差进一步缩小",
        "below_baseline",
        unit="倍",
        baseline={"value": 1.61, "year": 2022, "quote": "倍差1.61", "same_period": "prior"},
    )
    result = judge(build(ratio, reference("prior", unit="倍")), "2023", "1.6")
    assert (result.status, result.notes, result.baseline) == (Status.MET, (), Decimal("1.61"))


def test_not_due_without_a_figure_ends_at_the_due_date() -> None:
    rd = entry("研发投入强度达到3.4%左右", "about", value=3.4, tolerance=0.1, released="yearly")
    registry = build(rd, reference("other"))
    for period, code in (("2023-11", "not-published"), ("2023-12", "no-row")):
        data = ActualsSet((figure("other", period, "1"),))
        assert evaluate(registry, data).results[0].code == code


@pytest.mark.parametrize(
    ("changes", "loads"),
    [
        ({"due": "2023"}, True),
        ({"due": "2038"}, True),
        ({"due": "2039"}, False),
        ({"due": "2022"}, False),
        ({"tolerance": "0"}, True),
        ({"comparator": "range", "tolerance": "", "value": "[6, 6]"}, False),
        (
            {"comparator": "range", "tolerance": "", "value": "[6, 6.5]", "quote": "增长6%—6.5%"},
            True,
        ),
        ({"comparator": "range", "tolerance": "", "value": "[6, x]"}, False),
        ({"pacing": "milestones", "milestones": '{"2023-12": 6}'}, True),
        ({"pacing": "milestones", "milestones": '{"2022-12": 6}'}, False),
        ({"pacing": "milestones", "milestones": "{}"}, False),
        ({"pacing": "milestones", "milestones": '{"soon": 6}'}, False),
        ({"pacing": "path", "kind": "stock", "baseline": "{year: 2022, same_period: x}"}, False),
        ({"value": "true"}, False),
        ({"value": '"200/3"', "quote": "三分之二以上"}, True),
        ({"value": '"1.5/0.5"', "quote": "增长3%左右"}, True),
    ],
)
def test_registry_bounds(make: Make, changes: dict[str, str], loads: bool) -> None:
    plan = changes.get("quote", "地区生产总值增长6%左右")
    path = make(registry_text(good_entry(**changes)), plan)
    if loads:
        load_registry(path)
    else:
        with pytest.raises(RegistryError):
            load_registry(path)


def test_line_numbers_and_shown_values_of_registry_problems(make: Make) -> None:
    path = make(registry_text(good_entry(value="~", tolerance="-1")))
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    shown = [(p.code, p.line, p.column, p.value) for p in caught.value.problems]
    assert shown == [
        ("registry-null", 20, "value", "~"),
        ("registry-rule", 21, "tolerance", "-1"),
    ]


def test_optional_words_are_none_when_absent_and_kept_when_given() -> None:
    bare = build(entry("增长9%", "at_least", value=9)).commitments[0]
    assert (bare.basis, bare.lead, bare.note, bare.due_stated) == (None, None, None, False)
    full = build(
        entry("增长9%", "at_least", value=9, basis="可比价", lead="市统计局", note="n", due=2023)
    ).commitments[0]
    assert (full.basis, full.lead, full.note, full.due_stated) == ("可比价", "市统计局", "n", True)


@pytest.mark.parametrize(
    ("changes", "code", "message"),
    [
        (
            {"due": "2040"},
            "registry-due",
            "column due: target gdp_growth: must fall between 2023 and 2038",
        ),
        (
            {"comparator": "done", "value": "", "tolerance": "", "kind": "yesno"},
            "registry-rule",
            "column unit: target gdp_growth: the unit 是/否 goes with kind yesno",
        ),
        (
            {"baseline": "{value: 6, year: true, quote: 增长6%左右}"},
            "registry-type",
            "column year: target gdp_growth baseline: must be a whole year",
        ),
    ],
)
def test_registry_messages_name_what_is_wrong(
    make: Make, changes: dict[str, str], code: str, message: str
) -> None:
    with pytest.raises(RegistryError) as caught:
        load_registry(make(registry_text(good_entry(**changes))))
    assert any(p.code == code and message in one_line(p) for p in caught.value.problems), [
        one_line(p) for p in caught.value.problems
    ]


def test_a_path_needs_a_baseline_level_not_only_a_same_period_figure() -> None:
    loan = dict(LOAN, pacing="path", baseline={"year": 2022, "same_period": "prior"})
    with pytest.raises(RegistryError) as caught:
        build(loan, reference("prior", unit="亿元"))
    assert [p.code for p in caught.value.problems] == ["registry-pacing"]
