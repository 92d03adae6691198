"""Numbers, ids and statuses are never cut: a table that cannot fit is drawn stacked."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import EXAMPLES, Run

Cli = Callable[..., Run]
JUNE = str(EXAMPLES / "illustrative-2023-06.csv")
#: Every id, number and status word the June example's results hold.
WHOLE = ("platform_revenue", "3900", "3250", "+650", "manufacturing_loans", "61.5", "-13.5")


@pytest.fixture
def cli(cli_zh: Callable[..., Run]) -> Callable[..., Run]:
    """These tests read what an analyst's Chinese locale shows."""
    return cli_zh


@pytest.mark.parametrize("width", [30, 40, 50, 60, 70, 76, 80, 90, 100, 120])
def test_no_number_id_or_status_is_cut_at_any_width(cli: Cli, width: int) -> None:
    text = cli("diff", JUNE, env={"COLUMNS": str(width)}).stdout
    words = set(re.split(r"\s+", text))
    for whole in WHOLE:
        assert whole in words, (width, whole)
    assert "符合进度" in words
    assert "滞后" in words


def test_a_narrow_terminal_gets_one_block_per_commitment(cli: Cli) -> None:
    lines = cli("diff", JUNE, "--id", "platform_revenue", env={"COLUMNS": "40"}).stdout
    block = [line.rstrip() for line in lines.splitlines()]
    start = block.index("platform_revenue  符合进度 (超额 650)")
    assert block[start + 1 : start + 3] == [
        "  “2+8”平台规上工业总营收",
        "  10个平台规上工业总营收达到6500亿元以上",
    ]
    items = " ".join(block[start + 3 :])
    for item in ("单位 亿元", "实际 3900", "应达 3250", "差距 +650", "完成率 60.0%"):
        assert item in items


def test_the_status_lagging_table_and_show_history_never_cut_either(cli: Cli) -> None:
    monthly = str(EXAMPLES / "monthly")
    text = cli("status", "--actuals", monthly, env={"COLUMNS": "40"}).stdout
    assert "industrial_va_growth  滞后" in text
    lines = [line.rstrip() for line in text.splitlines()]
    assert "  符合进度 8  滞后 11  未到期 1  暂无数据 28" in lines
    history = cli("show", "graduates", "--actuals", monthly, env={"COLUMNS": "30"}).stdout
    flat = " ".join(history.split())
    assert "2023-05 滞后 实际 (万人) 3.4 应达 (万人) 3.8 差距 (万人) -0.4" in flat


def test_stacked_rows_of_another_period_keep_the_status_beside_the_id(
    cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,period,value\ngdp_growth,2023-06,5.7\ngraduates,2023-07,5\n")
    lines = cli("diff", str(path), env={"COLUMNS": "40"}).stdout.splitlines()
    assert "gdp_growth  符合进度" in lines
    assert any(line.strip() == "期间 2023-06" for line in lines)


def test_targets_stacked_are_headed_by_the_id(cli: Cli) -> None:
    text = cli("targets", "--id", "graduates", env={"COLUMNS": "30"}).stdout
    assert text.splitlines()[0] == "graduates"
    assert "部分 二(二)   单位 万人" in text


def test_table_and_markdown_carry_units(cli: Cli) -> None:
    table = cli("diff", JUNE, "--id", "manufacturing_loans").stdout
    row = next(line for line in table.splitlines() if "manufacturing_loans" in line)
    assert "亿元" in row.split()
    assert "单位" in table
    markdown = cli("diff", JUNE, "--id", "manufacturing_loans", "-f", "markdown").stdout
    assert "| 单位 |" in markdown
    assert "| 亿元 | 61.5 | 75 | -13.5 |" in markdown
    english = cli("diff", JUNE, "--id", "manufacturing_loans", "--lang", "en").stdout
    assert "100M CNY" in english


def test_lagging_table_carries_units(cli: Cli, tmp_path: Path) -> None:
    text = cli("status", "--actuals", str(EXAMPLES / "monthly")).stdout
    lagging = text[text.index("滞后最多") :]
    row = next(line for line in lagging.splitlines() if "manufacturing_loans" in line)
    assert "亿元" in row.split()
    markdown = cli("status", "--actuals", str(EXAMPLES / "monthly"), "-f", "markdown").stdout
    assert (
        "| 编号 | 指标 | 期间 | 单位 | 实际 | 应达 | 差距 | 完成率 | 较序时进度 | 状态 |"
        in markdown
    )


@pytest.mark.parametrize("columns", ["0", "abc", "-5", ""])
def test_a_useless_columns_setting_still_draws_the_table(cli: Cli, columns: str) -> None:
    run = cli("diff", JUNE, env={"COLUMNS": columns})
    assert run.exit_code == 1
    assert "manufacturing_loans" in run.stdout
    assert "截至 2023-06" in run.stdout


def test_columns_below_the_narrowest_layout_draw_the_stacked_layout(cli: Cli) -> None:
    run = cli("diff", JUNE, env={"COLUMNS": "3"})
    assert run.exit_code == 1
    assert "manufacturing_loans  滞后" in run.stdout  # one block per commitment, nothing lost
