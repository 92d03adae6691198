"""What a review shows: filters that cannot pass silently, periods, no-data lines, Markdown."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import EXAMPLES, Run

Cli = Callable[..., Run]
Write = Callable[..., Path]
JUNE = str(EXAMPLES / "illustrative-2023-06.csv")
FULL_OPEN, FULL_CLOSE = "\uff08", "\uff09"  # what a Chinese input method types for ( and )


@pytest.fixture
def cli(cli_zh: Callable[..., Run]) -> Callable[..., Run]:
    """These tests read what an analyst's Chinese locale shows."""
    return cli_zh


def test_full_width_section_brackets_select_the_section(cli: Cli) -> None:
    section = f"二{FULL_OPEN}三{FULL_CLOSE}"
    data = json.loads(cli("diff", JUNE, "-f", "json", "--section", section).stdout)
    assert len(data["results"]) == 21
    assert {r["section"] for r in data["results"]} == {"二(三)"}
    targets = json.loads(cli("targets", "-f", "json", "--section", section).stdout)["targets"]
    assert len(targets) == 21


def test_full_width_ids_and_statuses_are_folded(cli: Cli) -> None:
    data = json.loads(
        cli("diff", JUNE, "-f", "json", "--id", "ｇｄｐ_growth", "--status", "ｏｎ_track").stdout
    )
    assert [r["id"] for r in data["results"]] == ["gdp_growth"]


def test_an_unknown_section_exits_2_listing_the_sections(cli_en: Cli) -> None:
    result = cli_en("diff", JUNE, "--section", "四")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "reportcheck: error: unknown section '四'; sections: 二, 二(一), 二(二), 二(三), "
        "二(四), 二(五), 二(六), 三(二), 三(三), 三(四) [unknown-section]\n"
        "reportcheck: 1 error; nothing judged\n"
    )
    assert cli_en("targets", "--section", "四").exit_code == 2


def test_an_unknown_status_exits_2_listing_the_statuses(cli_en: Cli) -> None:
    result = cli_en("diff", JUNE, "--status", "late")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "reportcheck: error: unknown status 'late'; statuses: met, missed, on_track, behind, "
        "not_due, undetermined, no_data [unknown-status]\n"
        "reportcheck: 1 error; nothing judged\n"
    )


def test_a_status_may_be_given_by_its_chinese_label(cli: Cli) -> None:
    data = json.loads(cli("diff", JUNE, "-f", "json", "--status", "滞后").stdout)
    assert data["results"]
    assert {r["status"] for r in data["results"]} == {"behind"}


def test_rows_of_another_period_show_their_period(cli: Cli, write: Write) -> None:
    path = write(
        "id,period,value\ngdp_growth,2023-06,5.7\ngraduates,2023-06,5\n"
        "new_listed_companies,2023-07,4\n"
    )
    table = cli("diff", str(path)).stdout
    assert "截至 2023-07" in table
    gdp = next(line for line in table.splitlines() if "gdp_growth" in line)
    assert gdp.split()[-1] == "2023-06"
    listed = next(line for line in table.splitlines() if "new_listed_companies" in line)
    assert listed.split()[-1] == "2023-07"
    assert "(数据期间不一: 2023-06, 2023-07)" in table
    status = cli("status", "--actuals", str(path)).stdout
    assert status.splitlines()[0].startswith("截至 2023-07  (数据期间不一: 2023-06, 2023-07)")
    markdown = cli("diff", str(path), "-f", "markdown").stdout
    assert "(数据期间不一: 2023-06, 2023-07)" in markdown.splitlines()[2]
    assert "| 期间 |" in markdown
    assert markdown.count("| 2023-06 |") == 2


def test_one_period_shows_no_period_column(cli: Cli) -> None:
    assert "期间" not in cli("diff", JUNE).stdout
    assert "| 期间 |" not in cli("diff", JUNE, "-f", "markdown").stdout


def test_no_data_rows_are_one_line_per_section_saying_what_is_not_due(cli: Cli) -> None:
    result = cli("diff", str(EXAMPLES / "huzhou-2023-h1-official.csv"))
    lines = result.stdout.splitlines()
    assert len(lines) < 40
    assert not any(line.split()[-1:] == ["暂无数据"] for line in lines)
    assert [line.split()[:2] for line in lines if "项(其中" in line] == [
        ["暂无数据", str(n)] for n in (9, 47, 31, 21, 11, 19, 25, 2, 1, 1)
    ]
    # Not yet published (a yearly or quarterly figure) and judged at the due date only (a
    # deliverable) are both said, apart, and neither is counted as missing.
    assert "暂无数据 25 项(其中 9 项尚未发布、9 项到期考核)" in result.stdout
    assert "rd_intensity" not in result.stdout
    full = cli("diff", str(EXAMPLES / "huzhou-2023-h1-official.csv"), "--all").stdout
    rd = next(line for line in full.splitlines() if "rd_intensity" in line)
    assert rd.split()[-2:] == ["暂无数据", "(尚未发布)"]
    outfalls = next(line for line in full.splitlines() if "lakeshore_outfalls" in line)
    assert outfalls.split()[-2:] == ["暂无数据", "(到期考核)"]


def test_json_says_which_results_are_not_yet_due(cli: Cli) -> None:
    data = json.loads(
        cli("diff", str(EXAMPLES / "huzhou-2023-h1-official.csv"), "-f", "json").stdout
    )
    due = {r["id"]: r["awaited"] for r in data["results"]}
    assert due["rd_intensity"] == "not-published"  # published once a year
    assert due["lakeshore_outfalls"] == "at-due"  # a deliverable, judged at year end
    assert due["graduates"] is None  # monthly: missing, not waiting
    assert due["gdp_growth"] is None  # it has a figure


def test_a_template_row_left_empty_before_its_due_date_is_not_yet_due(
    cli: Cli, write: Write
) -> None:
    path = write(
        "id,period,value\ngdp_growth,2023-06,5.7\nrd_intensity,2023-06,\ngraduates,2023-06,\n"
    )
    data = json.loads(cli("diff", str(path), "-f", "json").stdout)
    results = {r["id"]: r for r in data["results"]}
    assert results["rd_intensity"]["awaited"] == "not-published"  # yearly, left empty in June
    assert results["graduates"]["awaited"] is None  # monthly, left empty: missing
    assert results["rd_intensity"]["reason"].startswith("数值为空")


def test_year_end_nothing_is_not_due(cli: Cli, write: Write) -> None:
    path = write("id,period,value\ngdp_growth,2023,5.7\n")
    data = json.loads(cli("diff", str(path), "-f", "json").stdout)
    assert not any(r["awaited"] for r in data["results"])


def test_status_groups_no_data_by_section(cli: Cli) -> None:
    text = cli("status", "--actuals", str(EXAMPLES / "monthly")).stdout
    assert "二(一) 实力新湖州: 暂无数据" in text
    listed = cli("status", "--actuals", str(EXAMPLES / "monthly"), "--all").stdout
    assert "rd_intensity" in listed


def test_markdown_for_documents(cli: Cli) -> None:
    text = cli("diff", JUNE, "-f", "markdown", "--all").stdout
    header = "| 编号 | 指标 | 报告原文 | 单位 | 实际 | 应达 | 差距 | 完成率 | 较序时进度 | 状态 |"
    assert header in text
    assert "|---|---|---|---|---:|---:|---:|---:|---|---|" in text
    assert "| % | 6.2 | 5.7 | +0.5 |" in text  # the sign of a positive gap is kept
    rd = next(line for line in text.splitlines() if line.startswith("| rd\\_intensity"))
    assert "| — | — | — | — | — | 暂无数据 (尚未发布) |" in rd


def test_filtered_markdown_and_table_say_so_in_the_headline(cli: Cli) -> None:
    text = cli("diff", JUNE, "-f", "markdown", "--status", "behind").stdout
    headline = text.splitlines()[2]
    assert headline.startswith("截至 2023-06 (已筛选: --status behind):")
    table = cli("diff", JUNE, "--section", "二(一)").stdout
    assert "(已筛选: --section 二(一))" in table
    assert "已筛选" not in cli("diff", JUNE).stdout


def test_status_markdown_keeps_the_change_categories(cli: Cli) -> None:
    text = cli("status", "--actuals", str(EXAMPLES / "monthly"), "-f", "markdown").stdout
    assert "| 编号 | 上期状态 | 本期状态 | 变化 |" in text
    assert "| foreign\\_investment | 符合进度 | 滞后 | 新出现滞后/未完成 |" in text


@pytest.mark.parametrize("fmt", ["markdown", "table"])
def test_english_review(cli: Cli, fmt: str) -> None:
    text = cli("diff", JUNE, "-f", fmt, "--lang", "en", "--id", "tax_relief").stdout
    assert "5.0 pp ahead" in text


def test_markdown_names_units_in_the_language_asked_for(cli: Cli) -> None:
    june = str(EXAMPLES / "monthly" / "2023-06.csv")
    english = cli("diff", june, "--lang", "en", "-f", "markdown").stdout
    loans = next(line for line in english.splitlines() if "manufacturing\\_loans" in line)
    assert "| 100M CNY |" in loans
    chinese = cli("diff", june, "--lang", "zh", "-f", "markdown").stdout
    assert "| 亿元 |" in next(line for line in chinese.splitlines() if "manufacturing" in line)
    shown = cli("show", "manufacturing_loans", "--lang", "en", "-f", "markdown").stdout
    assert "100M CNY" in shown
    assert "亿元" not in shown.replace("新增制造业中长期贷款150亿元", "")


def test_an_overshoot_and_a_sign_read_as_a_fall_are_shown_beside_the_status(
    cli: Cli, write: Write
) -> None:
    path = write(
        "id,period,value\ngdp_growth,2023,6.6\nunemployment_rate,2023,4\n"
        "general_spending_cut,2023,-16\nfai_growth,2023,9\n"
    )
    table = cli("diff", str(path), "--lang", "zh").stdout.splitlines()

    def line(target_id: str, lines: list[str]) -> str:
        return next(x for x in lines if target_id in x)

    assert line("gdp_growth", table).rstrip().endswith("已完成 (超额 0.6)")
    assert line("unemployment_rate", table).rstrip().endswith("已完成 (优于 1)")
    assert "-16 (按降幅 16)" in line("general_spending_cut", table)
    assert line("fai_growth", table).rstrip().endswith("已完成")  # met exactly: nothing beside
    markdown = cli("diff", str(path), "-f", "markdown", "--lang", "en").stdout.splitlines()
    assert line("gdp\\_growth", markdown).endswith("| met (exceeded by 0.6) |")
    assert line("spending\\_cut", markdown).endswith("| met (exceeded by 1; a fall of 16) |")
