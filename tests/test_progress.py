"""完成率 and 序时进度 as reviews say them: one progress model, computed by the judge, in every
format."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from reportcheck.actuals import read_actuals
from reportcheck.output.words import pace_words
from reportcheck.registry.records import Registry
from reportcheck.review.evaluate import evaluate
from reportcheck.review.progress import Progress

from .conftest import EXAMPLES, Run

Cli = Callable[..., Run]
Write = Callable[..., Path]
JUNE = str(EXAMPLES / "illustrative-2023-06.csv")


@pytest.fixture
def cli(cli_zh: Callable[..., Run]) -> Callable[..., Run]:
    """These tests read what an analyst's Chinese locale shows."""
    return cli_zh


def _results(registry: Registry, path: Path) -> dict[str, Progress]:
    report = evaluate(registry, read_actuals([path], registry))
    return {r.target.id: r.progress for r in report.results}


def _pace(found: Progress) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    return found.completion, found.pace, found.ahead


def test_cumulative_target_in_june(registry: Registry, write: Write) -> None:
    # 新增制造业中长期贷款150亿元: 61.5 by June is 41.0% done against 50.0% of the year.
    found = _results(registry, write("id,period,value\nmanufacturing_loans,2023-06,61.5\n"))
    loans = found["manufacturing_loans"]
    assert _pace(loans) == (Decimal("41.0"), Decimal("50.0"), Decimal("-9.0"))
    assert loans.annual == Decimal(150)
    assert loans.per_month == Decimal("14.8")  # 88.5 left over 6 months, to one place
    assert loans.behind == Decimal("9.0")


def test_the_points_behind_are_the_difference_of_the_printed_figures(
    registry: Registry, write: Write
) -> None:
    # 61.575 of 150 is 41.05%: printed 41.1%, against 50.0% of the year, is 8.9 points behind
    # (rounding the exact 8.95 alone would print 9.0, and the three figures would not add up).
    found = _results(registry, write("id,period,value\nmanufacturing_loans,2023-06,61.575\n"))
    assert _pace(found["manufacturing_loans"]) == (
        Decimal("41.1"),
        Decimal("50.0"),
        Decimal("-8.9"),
    )
    assert pace_words(found["manufacturing_loans"], "zh") == "落后序时进度8.9个百分点"


def test_pace_in_may_is_rounded_half_up(registry: Registry, write: Write) -> None:
    # 引进大学生9万名以上: 3.4 by May is 37.8% against 41.7% (5/12).
    found = _results(registry, write("id,period,value\ngraduates,2023-05,3.4\n"))
    assert _pace(found["graduates"]) == (Decimal("37.8"), Decimal("41.7"), Decimal("-3.9"))


def test_year_end_has_completion_but_no_pace(registry: Registry, write: Write) -> None:
    found = _results(registry, write("id,period,value\ngraduates,2023,9.9\n"))
    assert found["graduates"] == Progress(annual=Decimal(9), completion=Decimal("110.0"))


def test_stock_compared_directly_has_completion(registry: Registry, write: Write) -> None:
    found = _results(registry, write("id,period,value\nloan_balance,2023-06,9500\n"))
    assert found["loan_balance"].completion == Decimal("95.0")
    assert found["loan_balance"].ahead is None


def test_rates_caps_and_no_data_get_neither(registry: Registry, write: Write) -> None:
    found = _results(
        registry, write("id,period,value\ngdp_growth,2023-06,5.7\nunemployment_rate,2023-06,4\n")
    )
    assert found["gdp_growth"] == Progress(annual=Decimal(6))
    assert found["unemployment_rate"] == Progress(annual=Decimal(5))
    assert found["graduates"] == Progress()


def test_pace_words() -> None:
    behind = Progress(completion=Decimal("41.0"), pace=Decimal("50.0"), ahead=Decimal("-9.0"))
    ahead = Progress(completion=Decimal("55.0"), pace=Decimal("50.0"), ahead=Decimal("5.0"))
    level = Progress(completion=Decimal("50.0"), pace=Decimal("50.0"), ahead=Decimal("0.0"))
    assert pace_words(behind, "zh") == "落后序时进度9.0个百分点"
    assert pace_words(ahead, "zh") == "超序时进度5.0个百分点"
    assert pace_words(level, "zh") == "与序时进度持平"
    assert pace_words(behind, "en") == "9.0 pp behind pace"
    assert pace_words(Progress(), "zh") == ""


def test_in_every_format(cli: Cli) -> None:
    args = ("diff", JUNE, "--id", "manufacturing_loans")
    table = cli(*args).stdout
    row = next(line for line in table.splitlines() if "manufacturing_loans" in line)
    assert row.split()[-3:] == ["41.0%", "落后9.0个百分点", "滞后"]
    (line,) = list(csv.DictReader(io.StringIO(cli(*args, "-f", "csv").stdout)))
    assert (line["completion_rate"], line["pace_points"]) == ("41", "-9")
    assert line["pace_words"] == "落后序时进度9.0个百分点"
    (result,) = json.loads(cli(*args, "-f", "json").stdout)["results"]
    assert (result["completion_rate"], result["pace"], result["pace_points"]) == (41, 50, -9)
    assert result["pace_words"] == "落后序时进度9.0个百分点"
    markdown = cli(*args, "-f", "markdown").stdout
    assert "| 41.0% | 落后序时进度9.0个百分点 | 滞后 |" in markdown


def test_in_the_lagging_table_of_status(cli: Cli) -> None:
    text = cli("status", "--actuals", str(EXAMPLES / "monthly")).stdout
    lagging = text[text.index("滞后最多") :]
    row = next(line for line in lagging.splitlines() if "manufacturing_loans" in line)
    assert row.split()[-3:] == ["41.0%", "落后9.0个百分点", "滞后"]
    markdown = cli("status", "--actuals", str(EXAMPLES / "monthly"), "-f", "markdown").stdout
    lagging_md = markdown[markdown.index("## 滞后最多") :]
    assert "| 41.0% | 落后序时进度9.0个百分点 | 滞后 |" in lagging_md
