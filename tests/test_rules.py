"""Each rule judged from the report's own words, at year end and mid-year.

One row per case: the wording and its rule as the registry states it, the period, the figure,
and the status and reason an analyst would sign.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from reportcheck.output.explain import reason as explain
from reportcheck.review.status import Status
from reportcheck.rules import RULES

from .conftest import REPO, Run
from .rulebook import LOAN, MILESTONES, build, entry, figure, judge, reference

Cli = Callable[..., Run]
GDP = entry("地区生产总值增长6%左右", "about", value=6, tolerance=0.5, released="quarterly")
CPI = entry("居民消费价格涨幅控制在3%左右", "about", value=3, tolerance=0.5, direction="down")
BAND = entry("增长6%左右", "about", value=6, tolerance=0.5, direction="none")
RANGE = entry("增长6%—6.5%", "range", value=[6, 6.5])
RANGE_BOTH = entry("增长6%—6.5%", "range", value=[6, 6.5], direction="none")
GRADUATES = entry("引进大学生9万名以上", "at_least", value=9, unit="万人", kind="cumulative")
ROLLING = entry(
    "滚动推进10亿元以上重大项目超200个",
    "more_than",
    value=200,
    unit="个",
    kind="stock",
    pacing="direct",
    released="quarterly",
)
FLOW_MORE = entry("新签约项目超过300个", "more_than", value=300, unit="个", kind="cumulative")
UNEMPLOYMENT = entry("城镇调查失业率控制在5%以内", "at_most", value=5)
RANK = entry("国家创新型城市排名进入全国前25位", "rank_within", value=25, unit="位")
RISE = entry(
    "占比提高1.5个百分点",
    "rise_by",
    value=1.5,
    baseline={"value": 32.1, "year": 2022, "quote": "营业收入占比32.1%"},
)
TWO_THIRDS = entry(
    "确保新增财力的三分之二以上用于民生", "at_least", value="200/3", released="yearly"
)
SPENDING_CUT = entry(
    "继续压减一般性支出15%以上", "at_least", value=15, entered_as="magnitude", released="yearly"
)
SPENDING_CHANGE = entry(
    "继续压减一般性支出15%以上", "at_least", value=15, entered_as="change", released="yearly"
)
OUTFALLS = entry("完成所有入河排污口整治", "done", unit="是/否", kind="yesno", released="yearly")
HALF_YEAR_TASK = entry(
    "上半年完成省下达指标",
    "done",
    unit="是/否",
    kind="yesno",
    released="yearly",
    due="2023-06",
)
RD = entry("研发投入强度达到3.4%左右", "about", value=3.4, tolerance=0.1, released="yearly")
FIVE_YEAR = entry(
    "今后五年地区生产总值突破5000亿元",
    "more_than",
    value=5000,
    unit="亿元",
    kind="stock",
    due=2027,
    baseline={"value": 3850, "year": 2022, "quote": "地区生产总值达到3850亿元"},
)

CASES: list[tuple[str, dict[str, Any], str, str | bool, Status, str]] = [
    # 左右 forgives a small shortfall and welcomes an overshoot in the good direction.
    ("gdp-6.6-year", GDP, "2023", "6.6", Status.MET, "exceeds"),
    ("gdp-6-year", GDP, "2023", "6", Status.MET, "meets"),
    ("gdp-5.6-year", GDP, "2023", "5.6", Status.MET, "within-tolerance"),
    ("gdp-5.5-year", GDP, "2023", "5.5", Status.MET, "within-tolerance"),
    ("gdp-5.49-year", GDP, "2023", "5.49", Status.MISSED, "short"),
    ("gdp-6.8-june", GDP, "2023-06", "6.8", Status.ON_TRACK, "exceeds"),
    ("gdp-5.7-june", GDP, "2023-06", "5.7", Status.ON_TRACK, "within-tolerance"),
    ("gdp-5.4-june", GDP, "2023-06", "5.4", Status.BEHIND, "short"),
    # 控制在3%左右: less is better, only the overshoot counts.
    ("cpi-1.0", CPI, "2023", "1.0", Status.MET, "exceeds"),
    ("cpi-3.5", CPI, "2023", "3.5", Status.MET, "within-tolerance"),
    ("cpi-3.6", CPI, "2023", "3.6", Status.MISSED, "over"),
    # A two-sided band only where the registry says so.
    ("band-6.6", BAND, "2023", "6.6", Status.MISSED, "outside-range"),
    ("band-5.5", BAND, "2023", "5.5", Status.MET, "meets"),
    # 6%—6.5%
    ("range-6.2", RANGE, "2023", "6.2", Status.MET, "meets"),
    ("range-7", RANGE, "2023", "7", Status.MET, "exceeds"),
    ("range-5.9", RANGE, "2023", "5.9", Status.MISSED, "short"),
    ("range-both-7", RANGE_BOTH, "2023", "7", Status.MISSED, "outside-range"),
    ("range-both-5.9", RANGE_BOTH, "2023", "5.9", Status.MISSED, "outside-range"),
    # 以上: paced by 序时进度 through the year.
    ("graduates-9", GRADUATES, "2023", "9", Status.MET, "meets"),
    ("graduates-8.99", GRADUATES, "2023", "8.99", Status.MISSED, "short"),
    ("graduates-4.5-june", GRADUATES, "2023-06", "4.5", Status.ON_TRACK, "meets"),
    ("graduates-4.4-june", GRADUATES, "2023-06", "4.4", Status.BEHIND, "short"),
    # 滚动推进…超200个: projects in hand, compared directly.
    ("rolling-110-june", ROLLING, "2023-06", "110", Status.BEHIND, "short"),
    ("rolling-201-june", ROLLING, "2023-06", "201", Status.ON_TRACK, "exceeds"),
    ("rolling-200-june", ROLLING, "2023-06", "200", Status.ON_TRACK, "meets"),
    (
        "rolling-200-year",
        ROLLING,
        "2023",
        "200",
        Status.MISSED,
        "not-above",  # 超过: equal is not above
    ),
    # 超过 a flow: the pro-rata share is on pace; "more than" is strict at year end.
    ("flow-150-june", FLOW_MORE, "2023-06", "150", Status.ON_TRACK, "meets"),
    (
        "flow-300-year",
        FLOW_MORE,
        "2023",
        "300",
        Status.MISSED,
        "not-above",  # 超过: equal is not above
    ),
    ("flow-301-year", FLOW_MORE, "2023", "301", Status.MET, "exceeds"),
    # 以内
    ("unemployment-5", UNEMPLOYMENT, "2023", "5", Status.MET, "meets"),
    ("unemployment-5.1", UNEMPLOYMENT, "2023", "5.1", Status.MISSED, "over"),
    ("unemployment-4.8-june", UNEMPLOYMENT, "2023-06", "4.8", Status.ON_TRACK, "exceeds"),
    # 前N位
    ("rank-25", RANK, "2023", "25", Status.MET, "meets"),
    ("rank-26", RANK, "2023", "26", Status.MISSED, "over"),
    # 提高N个百分点
    ("rise-33.6", RISE, "2023", "33.6", Status.MET, "meets"),
    ("rise-33.5", RISE, "2023", "33.5", Status.MISSED, "short"),
    # 三分之二 is exactly two thirds.
    ("two-thirds-66.668", TWO_THIRDS, "2023", "66.668", Status.MET, "exceeds"),
    ("two-thirds-66.666", TWO_THIRDS, "2023", "66.666", Status.MISSED, "short"),
    # 压减 entered as a magnitude (a negative figure is read as a signed fall) or as a change.
    ("cut-16", SPENDING_CUT, "2023", "16", Status.MET, "exceeds"),
    ("cut-minus-16", SPENDING_CUT, "2023", "-16", Status.MET, "exceeds"),
    ("cut-14", SPENDING_CUT, "2023", "14", Status.MISSED, "short"),
    ("change-minus-16", SPENDING_CHANGE, "2023", "-16", Status.MET, "exceeds"),
    ("change-16", SPENDING_CHANGE, "2023", "16", Status.MISSED, "short"),
    # A yes/no task due at year end: not done in June is not behind.
    ("outfalls-no-june", OUTFALLS, "2023-06", False, Status.NOT_DUE, "not-done"),
    ("outfalls-yes-june", OUTFALLS, "2023-06", True, Status.MET, "done"),
    ("outfalls-no-year", OUTFALLS, "2023", False, Status.MISSED, "not-done"),
    ("outfalls-yes-year", OUTFALLS, "2023", True, Status.MET, "done"),
    ("half-year-task-no-june", HALF_YEAR_TASK, "2023-06", False, Status.MISSED, "not-done"),
    ("half-year-task-no-march", HALF_YEAR_TASK, "2023-03", False, Status.NOT_DUE, "not-done"),
    # A yearly figure is judged at year end only.
    ("rd-3.2-june", RD, "2023-06", "3.2", Status.NOT_DUE, "short"),
    ("rd-3.35-year", RD, "2023", "3.35", Status.MET, "within-tolerance"),
    # Milestones written in the registry.
    ("milestone-march", MILESTONES, "2023-03", "10", Status.NOT_DUE, "before-first-milestone"),
    ("milestone-40-june", MILESTONES, "2023-06", "40", Status.ON_TRACK, "meets"),
    ("milestone-39-august", MILESTONES, "2023-08", "39", Status.BEHIND, "short"),
    ("milestone-69-september", MILESTONES, "2023-09", "69", Status.BEHIND, "short"),
    ("milestone-100-year", MILESTONES, "2023", "100", Status.MET, "meets"),
    # A stock along the straight path from its baseline level.
    ("loan-9400-june", LOAN, "2023-06", "9400", Status.ON_TRACK, "meets"),
    ("loan-9399-june", LOAN, "2023-06", "9399", Status.BEHIND, "short"),
    (
        "loan-10000-year",
        LOAN,
        "2023",
        "10000",
        Status.MISSED,
        "not-above",  # 超过: equal is not above
    ),
    # Due in a later year: a good 2023 is on track, not yet met.
    ("five-year-4100-2023", FIVE_YEAR, "2023", "4100", Status.ON_TRACK, "exceeds"),
    ("five-year-4000-2023", FIVE_YEAR, "2023", "4000", Status.BEHIND, "short"),
]


@pytest.mark.parametrize(
    ("wording", "period", "value", "status", "code"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_rule_from_the_reports_words(
    wording: dict[str, Any], period: str, value: str | bool, status: Status, code: str
) -> None:
    result = judge(build(wording), period, value)
    assert (result.status, result.code) == (status, code)


def test_an_overshoot_is_shown_as_such() -> None:
    result = judge(build(GDP), "2023", "6.6")
    assert (result.excess, result.gap, result.required) == (
        Decimal("0.6"),
        Decimal("0.6"),
        Decimal(6),
    )
    assert explain(result, "zh") == "6.6,高于要求 6%,超额 0.6"
    assert explain(result, "en") == "6.6, above the required 6%, exceeded by 0.6"


@pytest.mark.parametrize(
    ("wording", "value", "zh", "en"),
    [
        (UNEMPLOYMENT, "4", "4,低于上限 5%,优于要求 1", "4, under the limit 5%, better by 1"),
        (CPI, "2.5", "2.5,低于上限 3%,优于要求 0.5", "2.5, under the limit 3%, better by 0.5"),
    ],
)
def test_an_undershoot_of_a_cap_is_said_as_under_it(
    wording: dict[str, Any], value: str, zh: str, en: str
) -> None:
    result = judge(build(wording), "2023", value)
    assert (result.status, result.code) == (Status.MET, "exceeds")
    assert (explain(result, "zh"), explain(result, "en")) == (zh, en)


def test_a_forgiven_shortfall_names_the_tolerance() -> None:
    result = judge(build(GDP), "2023-06", "5.7")
    assert explain(result, "en") == "5.7, below 6% by 0.3, within the tolerance of 0.5"


def test_two_thirds_is_judged_exactly_and_shown_rounded() -> None:
    result = judge(build(TWO_THIRDS), "2023", "66.668")
    assert result.required == Decimal("66.6667")
    assert result.gap == Decimal("0.0013")


def test_a_shortfall_smaller_than_the_places_shown_is_never_shown_as_zero() -> None:
    result = judge(build(TWO_THIRDS), "2023", "66.6666666666")
    assert result.status is Status.MISSED
    assert result.gap == Decimal("-6.7E-11")  # 66.6666666666 - 200/3, two significant digits
    assert "差 0.000000000067" in explain(result, "zh")


def test_a_negative_fall_is_converted_with_a_note() -> None:
    result = judge(build(SPENDING_CUT), "2023", "-16")
    assert (result.actual, result.judged, result.notes) == (
        Decimal(-16),
        Decimal(16),
        ("sign-converted",),
    )
    assert "-16 was read as a fall of 16" in explain(result, "en")


def test_a_flow_carries_completion_and_points_against_pace() -> None:
    result = judge(build(GRADUATES), "2023-06", "4.8")
    done = result.progress
    assert (done.completion, done.pace, done.ahead, result.expected) == (
        Decimal("53.3"),
        Decimal("50.0"),
        Decimal("3.3"),
        Decimal("4.5"),
    )


def test_a_rate_has_no_completion_rate() -> None:
    result = judge(build(GDP), "2023-06", "5.7")
    done = result.progress
    assert (done.completion, done.pace, done.ahead, result.expected) == (None, None, None, None)


def test_a_five_year_target_is_paced_from_its_baseline_to_its_due_year() -> None:
    result = judge(build(FIVE_YEAR), "2023", "4100")
    # 3850 + (5000 − 3850) × 12 / 60
    assert (result.required, result.progress.completion) == (Decimal(4080), Decimal("82.0"))


INCOME = entry("居民人均可支配收入增长快于经济增长", "faster_than", other="gdp")
REVENUE = entry("一般公共预算收入与经济增长基本同步", "in_step", other="gdp", tolerance=1)
EXPORT = entry(
    "出口占全省份额基本稳定",
    "steady",
    tolerance=0.2,
    baseline={"year": 2022, "same_period": "export_prior"},
)
RATIO = entry(
    "城乡居民收入倍差进一步缩小",
    "below_baseline",
    unit="倍",
    baseline={
        "value": 1.61,
        "year": 2022,
        "quote": "城乡居民收入倍差缩小至1.61",
        "same_period": "ratio_prior",
    },
)


@pytest.mark.parametrize(
    ("wording", "period", "value", "other", "status", "code"),
    [
        pytest.param(INCOME, "2023", "6.3", ("gdp", "2023", "5.7"), Status.MET, "exceeds", id="f1"),
        pytest.param(
            INCOME, "2023", "5.7", ("gdp", "2023", "5.7"), Status.MISSED, "not-above", id="f2"
        ),
        pytest.param(
            REVENUE, "2023", "6.6", ("gdp", "2023", "5.7"), Status.MET, "exceeds", id="in-step-up"
        ),
        pytest.param(
            REVENUE, "2023", "4.7", ("gdp", "2023", "5.7"), Status.MET, "within-tolerance", id="s2"
        ),
        pytest.param(
            REVENUE, "2023", "4.6", ("gdp", "2023", "5.7"), Status.MISSED, "short", id="s3"
        ),
        pytest.param(
            EXPORT,
            "2023-06",
            "5.1",
            ("export_prior", "2023-06", "5.2"),
            Status.ON_TRACK,
            "within-tolerance",
            id="steady-5.1",
        ),
        pytest.param(
            EXPORT,
            "2023-06",
            "5.6",
            ("export_prior", "2023-06", "5.2"),
            Status.ON_TRACK,
            "exceeds",
            id="steady-rise",
        ),
        pytest.param(
            EXPORT,
            "2023-06",
            "4.9",
            ("export_prior", "2023-06", "5.2"),
            Status.BEHIND,
            "short",
            id="steady-fall",
        ),
        pytest.param(
            RATIO,
            "2023-06",
            "1.70",
            ("ratio_prior", "2023-06", "1.72"),
            Status.ON_TRACK,
            "exceeds",
            id="ratio-same-period",
        ),
    ],
)
def test_rules_against_another_quantity(
    wording: dict[str, Any],
    period: str,
    value: str,
    other: tuple[str, str, str],
    status: Status,
    code: str,
) -> None:
    registry = build(wording, reference(other[0], unit=wording["unit"]))
    result = judge(registry, period, value, figure(*other))
    assert (result.status, result.code) == (status, code)


def test_monthly_revenue_uses_the_latest_quarterly_gdp() -> None:
    registry = build(REVENUE, reference("gdp"))
    result = judge(registry, "2023-08", "8", figure("gdp", "2023-Q2", "5.7"))
    assert (result.status, str(result.other_period), result.other) == (
        Status.ON_TRACK,
        "2023-Q2",
        Decimal("5.7"),
    )
    assert "gdp 2023-Q2 = 5.7" in explain(result, "en")


def test_gdp_of_another_year_is_not_used() -> None:
    registry = build(REVENUE, reference("gdp"))
    result = judge(registry, "2023-02", "8", figure("gdp", "2022-Q4", "3.3"))
    assert (result.status, result.code) == (Status.NO_DATA, "no-other")


def test_a_seasonal_ratio_without_its_same_period_figure_is_not_judged_in_the_year() -> None:
    # The ratio is lower in the first half-year: June against the 2022 full-year 1.61 says
    # nothing. Without last June's figure, no data; the full-year figure serves a full year.
    registry = build(RATIO, reference("ratio_prior", unit="倍"))
    june = judge(registry, "2023-06", "1.70")
    assert (june.status, june.code, june.baseline) == (
        Status.NO_DATA,
        "no-same-period-baseline",
        None,
    )
    assert "a seasonal figure is not compared with the full-year one" in explain(june, "en")
    year = judge(registry, "2023", "1.60")
    assert (year.status, year.baseline) == (Status.MET, Decimal("1.61"))


def test_a_same_period_baseline_is_no_data_without_its_figure() -> None:
    result = judge(build(EXPORT, reference("export_prior")), "2023-06", "5.1")
    assert (result.status, result.code) == (Status.NO_DATA, "no-same-period-baseline")


def test_the_readmes_wording_table_names_every_comparator() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- wording-table -->")[1].split("\n\n")[0]
    named = set(re.findall(r"\| `([a-z_]+)`", table))
    assert named == set(RULES)


@pytest.mark.parametrize(
    ("wording", "period", "value", "zh", "en"),
    [
        (OUTFALLS, "2023-06", False, "尚未完成,2023到期", "not done, due 2023"),
        (
            GRADUATES,
            "2023-06",
            "4.4",
            "4.4,低于要求 4.5 万人,差 0.1,按序时进度",
            "4.4, below the required 4.5 10k people by 0.1, the part due by now",
        ),
        (
            MILESTONES,
            "2023-08",
            "39",
            "39,低于要求 40 亿元,差 1,按阶段目标",
            "39, below the required 40 100M CNY by 1, the milestone due by now",
        ),
        (CPI, "2023", "3.6", "3.6,高于上限 3%,超出 0.6", "3.6, above the limit 3% by 0.6"),
        (RANGE_BOTH, "2023", "7", "7,在区间 6—6.5 % 以外", "7, outside the range 6—6.5 %"),
        (
            MILESTONES,
            "2023-03",
            "10",
            "10,第一个阶段目标尚未到期,2023到期",
            "10, the first milestone is not due yet, due 2023",
        ),
    ],
)
def test_reasons_are_said_in_both_languages(
    wording: dict[str, Any], period: str, value: str | bool, zh: str, en: str
) -> None:
    result = judge(build(wording), period, value)
    assert (explain(result, "zh"), explain(result, "en")) == (zh, en)


def test_show_explains_direction_tolerance_due_pacing_and_sign(cli: Cli) -> None:
    gdp = cli("show", "gdp_growth", "--lang", "en").stdout
    assert "more is better: overshoot is welcome" in gdp
    assert "a shortfall of up to 0.5 is still met" in gdp
    assert "2023, the end of the report's year" in gdp
    assert "the figure to date is compared with the target" in gdp
    cut = cli("show", "general_spending_cut", "--lang", "zh").stdout
    assert "按降幅填报(如压减16%填16)" in cut
    outfalls = cli("show", "lakeshore_outfalls", "--lang", "zh").stdout
    assert "到期一次判定:期限前未完成不算滞后" in outfalls
    rolling = cli("show", "major_projects", "--lang", "en").stdout
    assert "the figure to date is compared with the target" in rolling
    graduates = cli("show", "graduates", "--lang", "zh").stdout
    assert "按序时进度:年度目标×已过月数/至期限的月数" in graduates
