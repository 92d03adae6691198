"""The year-end account an analyst would sign: nothing is kept or broken on an in-year figure.

Each case is written from the report's own words and judged through the shipped registry.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reportcheck
from reportcheck.actuals import Actual, ActualsSet
from reportcheck.model.periods import parse_period
from reportcheck.output.explain import reason
from reportcheck.output.pack.markdown import pack_markdown
from reportcheck.output.pack.paragraphs import count_paragraph, count_parts
from reportcheck.output.pack.tabular import account_table, verdict_cell
from reportcheck.output.words import status_words
from reportcheck.registry.records import Registry
from reportcheck.review.api import pack_of
from reportcheck.review.evaluate import Result, evaluate
from reportcheck.review.pack import Pack, Row
from reportcheck.review.status import Light, Status, Verdict

from .conftest import Run

Write = Callable[..., Path]
Cli = Callable[..., Run]
HEAD = "id,period,value\n"


def pack(write: Write, text: str, period: str | None = None, **options: object) -> Pack:
    return reportcheck.review_pack(write(HEAD + text), period, **options)  # type: ignore[arg-type]


def row(built: Pack, target_id: str) -> Row:
    return next(r for r in built.rows if r.target.id == target_id)


# ── Finality belongs to the judge ────────────────────────────────────────────────────────────


def test_a_february_figure_is_never_the_years_account(write: Write) -> None:
    # 完成文旅重大项目投资300亿元以上: 80.44 by February says nothing about the year's end.
    built = pack(write, "tourism_investment,2023-02,80.44\n", "2023-12")
    tourism = row(built, "tourism_investment")
    assert (tourism.status, tourism.result.final, tourism.verdict) == (
        Status.NO_DATA,
        False,
        Verdict.NOT_REPORTED,
    )
    assert tourism.result.interim is Status.ON_TRACK  # 80.44 of 300 is ahead of 2/12
    assert tourism.result.progress.per_month is None  # nothing is left to spread at year end
    assert verdict_cell(tourism, "zh") == "未报告 (按2023年1—2月数据:符合进度)"
    assert "no figure for 2023 yet; on the 2023-02 figure" in reason(tourism.result, "en")


def test_half_year_figures_keep_gdp_and_industry_out_of_the_account(write: Write) -> None:
    # 地区生产总值增长6%左右 at 5.7 and 规上工业增加值增长7%左右 at 0.7, both for 2023-06.
    figures = "gdp_growth,2023-06,5.7\nindustrial_va_growth,2023-06,0.7\n"
    built = pack(write, figures, "2023-12")
    gdp, industry = row(built, "gdp_growth"), row(built, "industrial_va_growth")
    assert (gdp.verdict, industry.verdict) == (Verdict.NOT_REPORTED, Verdict.NOT_REPORTED)
    assert (gdp.result.interim, industry.result.interim) == (Status.ON_TRACK, Status.BEHIND)
    assert verdict_cell(industry, "en") == "not reported (on 2023-06 figures: behind)"
    cells = account_table(built, "zh").rows
    assert not any(cell in ("完成", "未完成") for line in cells for cell in line)


def test_final_in_july_keeps_the_rule_and_says_so(write: Write) -> None:
    # 引进大学生9万名以上: 6.1 by July is on pace, not a kept promise.
    built = pack(write, "graduates,2023-07,6.1\n", final=True)
    graduates = row(built, "graduates")
    assert (graduates.status, graduates.verdict) == (Status.ON_TRACK, Verdict.NOT_REPORTED)
    markdown = pack_markdown(built, "zh")
    assert (
        "年度目标任务完成情况对照表（截至2023年1—7月；尚无考核期数据的169项列为未报告" in markdown
    )


def test_a_year_end_pack_of_january_to_november_never_says_met_or_missed(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "actuals"
    folder.mkdir()
    for month in range(1, 12):
        (folder / f"2023-{month:02}.csv").write_text(
            HEAD
            + f"graduates,2023-{month:02},{month * 0.84:.2f}\n"  # 9.24 of 9 万 by November
            + f"gdp_growth,2023-{month:02},5.6\n"
            + f"energy_saving,2023-{month:02},{'是' if month == 11 else '否'}\n",
            encoding="utf-8",
        )
    built = reportcheck.review_pack(folder, "2023-12", final=True)
    verdicts = built.verdict_counts()
    assert verdicts[Verdict.MET] == verdicts[Verdict.MISSED] == 0
    words = {verdict_cell(r, "zh") for r in built.rows}
    assert not words & {"完成", "基本完成", "未完成"}


def test_a_deliverable_done_early_is_met_in_year_but_the_account_waits_for_year_end(
    write: Write,
) -> None:
    # 节能降耗 done by June is 已提前完成 in June's review, not yet the year's account.
    in_year = row(pack(write, "energy_saving,2023-06,是\n", "2023-06"), "energy_saving")
    assert (in_year.status, in_year.result.final, in_year.verdict) == (
        Status.MET,
        False,
        Verdict.NOT_REPORTED,
    )
    year_end = row(pack(write, "energy_saving,2023-06,是\n", "2023-12"), "energy_saving")
    assert (year_end.status, year_end.result.interim, year_end.verdict) == (
        Status.NO_DATA,
        Status.MET,
        Verdict.NOT_REPORTED,
    )
    reported = row(
        pack(write, "energy_saving,2023-06,是\nenergy_saving,2023-12,是\n", "2023-12"),
        "energy_saving",
    )
    assert (reported.status, reported.result.final, reported.verdict) == (
        Status.MET,
        True,
        Verdict.MET,
    )


def test_a_total_past_its_target_by_october_is_not_the_years_account(write: Write) -> None:
    # 引进大学生9万名以上: 9.5 by October is ahead; the account is December's figure.
    built = pack(write, "graduates,2023-10,9.5\n", "2023-12")
    graduates = row(built, "graduates")
    assert (graduates.status, graduates.result.interim, graduates.verdict) == (
        Status.NO_DATA,
        Status.MET,
        Verdict.NOT_REPORTED,
    )
    assert verdict_cell(graduates, "zh") not in {"完成", "基本完成", "未完成"}


# ── Relative targets are final only with the other quantity's final figure ─────────────────


def test_budget_revenue_against_gdp_known_only_to_the_third_quarter_is_provisional(
    registry: Registry,
) -> None:
    # 一般公共预算收入与经济增长基本同步: December revenue 5.3 against GDP known only to Q3.
    third = ActualsSet(
        (
            _figure("budget_revenue_growth", "2023-12", "5.3"),
            _figure("gdp_growth", "2023-Q3", "5.9"),
        )
    )
    early = _result(registry, third, "budget_revenue_growth")
    assert (early.status, early.final, early.other_period) == (
        Status.ON_TRACK,
        False,
        parse_period("2023-Q3"),
    )
    assert "provisional: gdp_growth is known only to 2023-Q3" in reason(early, "en")
    annual = ActualsSet((*third.actuals, _figure("gdp_growth", "2023", "6.5")))
    late = _result(registry, annual, "budget_revenue_growth")
    assert (late.status, late.final) == (Status.MISSED, True)  # 5.3 lags 6.5 by more than 1


def _figure(target_id: str, period: str, value: str, bound: str | None = None) -> Actual:
    return Actual(
        id=target_id,
        period=parse_period(period),
        value=Decimal(value),
        file="a.csv",
        line=2,
        bound=bound,
    )


def _result(registry: Registry, data: ActualsSet, target_id: str) -> Result:
    report = evaluate(registry, data)
    return next(r for r in report.results if r.target.id == target_id)


# ── A balance promised for the year's end ───────────────────────────────────────────────────


def test_the_loan_balance_is_not_behind_in_january(write: Write) -> None:
    # 全市金融机构贷款余额突破1万亿元: 9200 in January is not a lag.
    loans = row(pack(write, "loan_balance,2023-01,9200\n"), "loan_balance")
    assert (loans.status, loans.light) == (Status.NOT_DUE, Light.GREY)


def test_show_states_finality_and_pacing_for_every_entry(cli: Cli) -> None:
    from reportcheck.registry.load import load_registry

    for target in load_registry().commitments:
        text = cli("show", target.id, "--lang", "en").stdout
        assert "finality" in text, target.id
        assert "pacing" in text, target.id
    loans = cli("show", "loan_balance", "--lang", "en").stdout
    assert "the registry gives no earlier level to run a path from" in loans


# ── Nothing is not due at or after the due period; not due depends on the period alone ─────


def test_at_the_due_period_a_half_year_figure_is_no_data_not_not_due(write: Write) -> None:
    # 研发投入强度达到3.4%左右 is judged on the year's figure; a June figure does not settle it.
    built = pack(write, "rd_intensity,2023-06,3.2\ngdp_growth,2023,6.1\n", "2023-12")
    rd = row(built, "rd_intensity").result
    assert (rd.status, rd.interim) == (Status.NO_DATA, Status.NOT_DUE)
    assert not any(r.status is Status.NOT_DUE for r in built.rows)


def test_not_due_does_not_depend_on_other_files_in_the_folder(tmp_path: Path) -> None:
    june = HEAD + "rd_intensity,2023-06,3.2\n"
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "06.csv").write_text(june, encoding="utf-8")
    beside = tmp_path / "beside"
    beside.mkdir()
    (beside / "06.csv").write_text(june, encoding="utf-8")
    (beside / "09.csv").write_text(HEAD + "graduates,2023-09,7\n", encoding="utf-8")
    first = row(reportcheck.review_pack(alone, "2023-06"), "rd_intensity").result
    second = row(reportcheck.review_pack(beside, "2023-06"), "rd_intensity").result
    assert (first.status, first.code, first.awaited) == (Status.NOT_DUE, "short", "")
    assert (second.status, second.code, second.awaited) == (first.status, first.code, "")


# ── Words that read true at the boundary ────────────────────────────────────────────────────


def test_equal_to_a_strict_target_says_not_above(write: Write) -> None:
    # 完成文旅重大项目投资300亿元以上 is 以上; 超过90% is strict.
    built = pack(write, "village_income_share,2023,90\n")
    village = row(built, "village_income_share").result
    assert (village.status, village.code) == (Status.MISSED, "not-above")
    assert reason(village, "zh") == "90,等于 90%,未超过"
    assert reason(village, "en") == "90, equal to 90%, not above it"


@pytest.mark.parametrize(
    ("figures", "target_id", "zh"),
    [
        ("gdp_growth,2023,5.5\n", "gdp_growth", "基本完成"),  # 6%左右, 0.5 forgiven
        ("rd_intensity,2023,3.3\n", "rd_intensity", "基本完成"),  # 3.4%左右, 2022's level
        ("gdp_growth,2023,6\n", "gdp_growth", "已完成"),
    ],
)
def test_met_only_through_the_tolerance_is_basically_met(
    write: Write, figures: str, target_id: str, zh: str
) -> None:
    result = row(pack(write, figures), target_id)
    assert result.status is Status.MET
    assert status_words(result.result, "zh") == zh
    expected = "基本完成" if zh == "基本完成" else "完成"
    assert verdict_cell(result, "zh") == expected


def test_basically_met_is_said_in_every_format(cli_zh: Cli, write: Write) -> None:
    path = write(HEAD + "gdp_growth,2023,5.5\n")
    table = cli_zh("diff", str(path), "--id", "gdp_growth").stdout
    assert "基本完成" in table
    data = json.loads(cli_zh("diff", str(path), "-f", "json", "--id", "gdp_growth").stdout)
    (gdp,) = data["results"]
    assert (gdp["status"], gdp["met_within_tolerance"], gdp["status_words"]) == (
        "met",
        True,
        "基本完成",
    )
    assert "基本完成" in cli_zh("diff", str(path), "-f", "markdown", "--id", "gdp_growth").stdout
    output = path.parent / "year.md"
    assert cli_zh("report", "--actuals", str(path), "-o", str(output)).exit_code == 0
    assert "基本完成" in output.read_text(encoding="utf-8")


# ── Published bounds ────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("target_id", "value", "bound", "status"),
    [
        ("graduates", "9", ">=", Status.MET),  # 9万名以上 settled by "9以上"
        ("village_income_share", "90", ">=", Status.UNDETERMINED),  # 超过90%: 90 may be all
        ("village_income_share", "90", ">", Status.MET),  # "超过90%" settles it
        ("unemployment_rate", "5", ">", Status.MISSED),  # 控制在5%以内: above 5 misses
        ("unemployment_rate", "4", ">=", Status.UNDETERMINED),  # 4 or more: could be either
        ("unemployment_rate", "4.5", "<=", Status.MET),
    ],
)
def test_a_figure_published_as_a_bound_is_judged_where_the_bound_settles_the_rule(
    registry: Registry, target_id: str, value: str, bound: str, status: Status
) -> None:
    data = ActualsSet((_figure(target_id, "2023", value, bound=bound),))
    result = next(r for r in evaluate(registry, data).results if r.target.id == target_id)
    assert result.status is status
    if status is Status.UNDETERMINED:
        assert result.code == "bound-undetermined"
        assert reason(result, "en").startswith(f"published as {'≥' if bound == '>=' else '>'}")


@pytest.mark.parametrize(
    ("target_id", "value", "bound", "gap"),
    [
        ("village_income_share", "90", ">", "0"),  # 超过90% settled by "超过90": no gap to show
        ("unemployment_rate", "5", ">", "0"),  # above 5 misses 5%以内, by no printable amount
        ("unemployment_rate", "4.5", "<", "-0.5"),
    ],
)
def test_a_settled_bound_shows_the_published_figures_gap_not_the_edge_it_was_tried_at(
    registry: Registry, target_id: str, value: str, bound: str, gap: str
) -> None:
    data = ActualsSet((_figure(target_id, "2023", value, bound=bound),))
    result = next(r for r in evaluate(registry, data).results if r.target.id == target_id)
    assert result.gap == Decimal(gap)
    assert result.excess is None or result.excess == max(-result.gap, result.gap)


# ── The count paragraph adds up ─────────────────────────────────────────────────────────────


_CASES = [
    "graduates,2023-06,3.5",
    "graduates,2023-06,6",
    "fai_growth,2023-06,9.5",
    "fai_growth,2023-06,1",
    "energy_saving,2023-06,否",
    "energy_saving,2023-06,是",
    "loan_balance,2023-06,9000",
    "rd_intensity,2023-06,3.2",
    "gdp_growth,2023-06,5.7",
]


@settings(max_examples=40, deadline=None)
@given(chosen=st.lists(st.sampled_from(_CASES), unique_by=lambda c: c.split(",")[0]))
def test_the_count_paragraph_always_adds_up(chosen: list[str], registry: Registry) -> None:
    figures = tuple(
        Actual(
            id=line.split(",")[0],
            period=parse_period("2023-06"),
            value=_value(line),
            file="a.csv",
            line=i + 2,
        )
        for i, line in enumerate(chosen)
    )
    built = pack_of(registry, ActualsSet(figures), parse_period("2023-06"), bands="10,30")
    parts = count_parts(built)
    assert sum(parts.values()) == len(built.rows) == 169
    text = count_paragraph(built, "zh")
    assert f"169项承诺中，有进度判断的{parts['passing'] + parts['failing']}项" in text
    assert f"暂无数据{parts['no_data']}项" in text


def _value(line: str) -> Decimal | bool:
    raw = line.split(",")[2]
    return {"是": True, "否": False}.get(raw, Decimal(raw) if raw not in ("是", "否") else False)


# ── The 对照表 names each commitment ──────────────────────────────────────────────────────────


def test_account_rows_are_named_so_two_rows_never_read_as_the_same_promise() -> None:
    built = reportcheck.review_pack(
        Path(__file__).parents[1] / "examples" / "illustrative-2023.csv"
    )
    table = account_table(built, "zh")
    name = table.header.index("指标")
    names = [line[name] for line in table.rows]
    assert len(names) == len(set(names)) == 169


def test_the_english_accounts_heading_reads_as_english(write: Write) -> None:
    built = pack(write, "graduates,2023-06,5\n", "2023-06", final=True)
    markdown = pack_markdown(built, "en")
    assert "## Year-end account of the commitments (as of 2023-06; the " in markdown
    assert "（" not in markdown.split("## Year-end account")[1].splitlines()[0]
