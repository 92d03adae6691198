"""The monthly review at its edges: the order of what lags most when shortfalls tie, and the
count by section of a review chosen by responsible unit."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from reportcheck.actuals import ActualsSet
from reportcheck.model.periods import Period
from reportcheck.review.changes import review
from reportcheck.review.status import Status

from .conftest import EXAMPLES, Run
from .rulebook import build, entry, figure

Cli = Callable[..., Run]


def test_what_lags_most_comes_first_and_equal_shortfalls_go_by_id() -> None:
    # 5.4 of 6% and 7.2 of 8% are both a tenth short; 8 of 10% is a fifth short.
    registry = build(
        entry("城镇居民人均可支配收入增长6%", "at_least", id="income", value=6),
        entry("出口增长8%", "at_least", id="exports", value=8),
        entry("固定资产投资增长10%", "at_least", id="investment", value=10),
        entry("社会消费品零售总额增长5%", "at_least", id="retail", value=5),
    )
    actuals = ActualsSet(
        (
            figure("income", "2023-06", "5.4"),
            figure("exports", "2023-06", "7.2"),
            figure("investment", "2023-06", "8"),
            figure("retail", "2023-06", "5.5"),
        )
    )
    lagging = review(registry, actuals, Period(2023, 6)).lagging
    assert [(r.target.id, r.status, r.shortfall) for r in lagging] == [
        ("investment", Status.BEHIND, Decimal("0.2")),
        ("exports", Status.BEHIND, Decimal("0.1")),
        ("income", Status.BEHIND, Decimal("0.1")),
    ]


def test_a_review_chosen_by_unit_counts_only_the_sections_it_keeps(
    cli_zh: Cli, tmp_path: Path
) -> None:
    # 市发改委 answers for GDP and investment, both in 二 (主要预期目标): no other section shows.
    units = tmp_path / "责任分解.csv"
    units.write_text(
        "序号,id,指标,责任单位\n"
        "1,gdp_growth,地区生产总值增速,市发改委、市统计局\n"
        "2,fai_growth,固定资产投资增速,市发改委\n",
        encoding="utf-8",
    )
    official = str(EXAMPLES / "huzhou-2023-h1-official.csv")
    chosen = cli_zh(
        "status", "--actuals", official, "--units", str(units), "--lead", "市发改委", "-f", "json"
    )
    assert chosen.exit_code == 0
    data = json.loads(chosen.stdout)
    assert [(r["id"], r["status"]) for r in data["results"]] == [
        ("gdp_growth", "on_track"),
        ("fai_growth", "no_data"),
    ]
    assert data["sections"] == {
        "二": {
            "met": 0,
            "missed": 0,
            "on_track": 1,
            "behind": 0,
            "not_due": 0,
            "undetermined": 0,
            "no_data": 1,
        }
    }
