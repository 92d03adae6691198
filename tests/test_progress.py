"""完成率 and 序时进度 as reviews say them: one progress model, computed by the judge, in every
format."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from reportcheck.actuals import ActualsSet, read_actuals
from reportcheck.model.periods import parse_period
from reportcheck.output.words import pace_words
from reportcheck.registry.records import Registry
from reportcheck.review.evaluate import evaluate
from reportcheck.review.progress import Progress, in_precision
from reportcheck.review.progress import _places as places_of

from .conftest import EXAMPLES, Run
from .rulebook import build, entry, figure

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


# ── The progress model at its edges ─────────────────────────────────────────────────────────


def test_points_behind_are_zero_when_ahead_and_the_shortfall_where_no_pace_applies() -> None:
    assert Progress(ahead=Decimal("5.0")).behind == Decimal(0)
    assert Progress(ahead=Decimal("-3.2")).behind == Decimal("3.2")
    assert Progress(shortfall=Decimal("2.5")).behind == Decimal("2.5")
    assert Progress().behind is None


def _one(wording: dict[str, object], period: str, value: str) -> Progress:
    registry = build(wording)
    found = evaluate(registry, ActualsSet((figure("t", period, value),)), parse_period(period))
    return found.results[0].progress


def test_a_rate_short_of_its_target_is_short_by_its_share_of_it() -> None:
    # 增长9% at 6: 3 points short, a third of the target.
    assert _one(entry("增长9%", "at_least", value=9), "2023-06", "6").shortfall == Decimal("33.3")
    # 保持正增长 at -2 against 0: the shortfall is the points themselves.
    kept = entry("保持正增长", "at_least", value=0)
    assert _one(kept, "2023-06", "-2").shortfall == Decimal("200.0")


def test_what_is_left_per_month_in_the_last_month_and_after_the_target_is_reached() -> None:
    graduates = entry("引进大学生9万名以上", "at_least", value=9, unit="万人", kind="cumulative")
    assert _one(graduates, "2023-11", "8").per_month == Decimal("1.0")
    assert _one(graduates, "2023-06", "9.5").per_month == Decimal("0.0")
    assert _one(graduates, "2023-06", "3").per_month == Decimal("1.0")


@pytest.mark.parametrize(
    ("target", "places"),
    [
        (Fraction(1, 4), 2),
        (Fraction(1, 8), 3),
        (Fraction(1, 20), 2),
        (Fraction(3, 5), 1),
        (Fraction(2, 3), 1),  # 三分之二: no number of places writes it
        (Fraction(6), 1),
        (Fraction(161, 100), 2),
    ],
)
def test_the_places_a_target_is_written_with(target: Fraction, places: int) -> None:
    assert places_of(target) == places


def test_a_figure_worked_out_for_a_target_without_a_number_keeps_one_place() -> None:
    done = entry("完成所有入河排污口整治", "done", unit="是/否", kind="yesno", released="yearly")
    target = build(done).commitments[0]
    assert in_precision(Decimal("0.1234"), target) == Decimal("0.1")
