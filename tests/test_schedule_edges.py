"""An entry's pacing and milestones at their edges: the pacing a stock gets when none is written,
a path from a baseline level at the target itself, milestones of 0, of the target and of the
figure before, and pacing left unread when the entry's kind or release is itself wrong."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from reportcheck.model.periods import parse_period
from reportcheck.registry.records import Pacing

from .registry_cases import INVESTMENT, LOAN, loads, refused, write

#: Less is better: unemployment held within 5%, judged along the path from last year's rate.
UNEMPLOYMENT = """\
  - id: unemployment
    section: 二
    quote: 城镇调查失业率控制在5%以内
    name_zh: 城镇调查失业率
    name_en: Unemployment
    unit: "%"
    comparator: at_most
    value: 5
    kind: stock
    released: monthly
    pacing: path
"""

#: Last year's loans for the same month, supplied as figures of their own.
LOANS_A_YEAR_EARLIER = """\
  - id: loans_last
    section: 二
    quote: 贷款余额
    name_zh: 上年同期贷款余额
    name_en: Loans a year earlier
    unit: 亿元
    role: reference
    kind: stock
    released: monthly
"""

#: 进一步缩小: below last year's ratio, a rule with no figure of its own.
INCOME_RATIO = """\
  - id: income_ratio
    section: 二
    quote: 城乡居民收入倍差进一步缩小
    name_zh: 城乡居民收入倍差
    name_en: Urban-rural income ratio
    unit: 倍
    comparator: below_baseline
    kind: rate
    released: quarterly
    baseline: {value: 1.61, year: 2022, quote: 城乡居民收入倍差缩小至1.61}
"""


def milestones(june: object, september: object) -> str:
    return (
        INVESTMENT
        + f"    pacing: milestones\n    milestones: {{2023-06: {june}, 2023-09: {september}}}\n"
    )


def test_a_stock_with_no_baseline_is_judged_at_the_due_date(tmp_path: Path) -> None:
    [target] = loads(write(tmp_path, LOAN)).targets
    assert target.pacing is Pacing.AT_DUE


def test_a_stock_with_a_baseline_level_follows_the_path_from_it(tmp_path: Path) -> None:
    entry = LOAN + "    baseline: {value: 8800, year: 2022, quote: 贷款余额8800亿元}\n"
    [target] = loads(write(tmp_path, entry)).targets
    assert target.pacing is Pacing.PATH


def test_a_stock_with_a_baseline_of_no_level_is_judged_at_the_due_date(tmp_path: Path) -> None:
    entry = LOAN + "    baseline: {same_period: loans_last, year: 2022}\n" + LOANS_A_YEAR_EARLIER
    loans, _ = loads(write(tmp_path, entry)).targets
    assert loans.pacing is Pacing.AT_DUE


@pytest.mark.parametrize(
    ("wrong", "said"),
    [
        (
            ("kind: stock", "kind: stocks"),
            "21: column kind: target loans: stocks is not one of rate, cumulative, stock, yesno "
            "[registry-unknown-kind]",
        ),
        (
            ("released: monthly", "released: weekly"),
            "22: column released: target loans: weekly is not one of monthly, quarterly, yearly "
            "[registry-unknown-released]",
        ),
    ],
)
def test_pacing_is_not_checked_when_the_kind_or_release_is_wrong(
    tmp_path: Path, wrong: tuple[str, str], said: str
) -> None:
    """A path with no baseline is no second problem of an entry whose kind is unknown."""
    entry = LOAN.replace(*wrong) + "    pacing: path\n"
    assert refused(write(tmp_path, entry)) == [said]


def test_a_path_from_a_level_at_the_target_is_refused(tmp_path: Path) -> None:
    entry = (
        LOAN
        + "    pacing: path\n    baseline: {value: 10000, year: 2022, quote: 贷款余额10000亿元}\n"
    )
    assert refused(write(tmp_path, entry)) == [
        "23: column pacing: target loans: the baseline level 10000 is at or past the target "
        "10000 already, so a path to it runs backwards; use pacing direct or at_due "
        "[registry-pacing]"
    ]


def test_a_path_from_a_level_just_short_of_the_target_loads(tmp_path: Path) -> None:
    entry = (
        LOAN
        + "    pacing: path\n    baseline: {value: 9999, year: 2022, quote: 贷款余额9999亿元}\n"
    )
    [target] = loads(write(tmp_path, entry)).targets
    assert target.pacing is Pacing.PATH


def test_a_falling_path_from_a_level_at_the_cap_is_refused(tmp_path: Path) -> None:
    entry = UNEMPLOYMENT + "    baseline: {value: 5, year: 2022, quote: 失业率5%}\n"
    assert refused(write(tmp_path, entry)) == [
        "23: column pacing: target unemployment: the baseline level 5 is at or past the target 5 "
        "already, so a path to it runs backwards; use pacing direct or at_due [registry-pacing]"
    ]


def test_a_falling_path_from_a_level_above_the_cap_loads(tmp_path: Path) -> None:
    entry = UNEMPLOYMENT + "    baseline: {value: 5.1, year: 2022, quote: 失业率5.1%}\n"
    [target] = loads(write(tmp_path, entry)).targets
    assert target.pacing is Pacing.PATH


@pytest.mark.parametrize(
    ("june", "september"),
    [(50, 50), (0, "0.5"), (100, 100)],
    ids=["flat", "from-zero", "at-the-target"],
)
def test_milestones_from_zero_to_the_target_never_falling_load(
    tmp_path: Path, june: object, september: object
) -> None:
    [target] = loads(write(tmp_path, milestones(june, september))).targets
    assert target.milestones == (
        (parse_period("2023-06"), Fraction(str(june))),
        (parse_period("2023-09"), Fraction(str(september))),
    )


@pytest.mark.parametrize(
    ("june", "september", "said"),
    [
        (
            -1,
            50,
            "24: column milestones: target investment: a milestone of -1 must lie between 0 and "
            "the target 100 [registry-pacing]",
        ),
        (
            50,
            101,
            "24: column milestones: target investment: a milestone of 101 must lie between 0 and "
            "the target 100 [registry-pacing]",
        ),
        (
            50,
            49,
            "24: column milestones: target investment: the milestone of 2023-09, 49, is below the "
            "one before it, 50; a schedule does not fall [registry-pacing]",
        ),
    ],
    ids=["below-zero", "beyond-the-target", "falling"],
)
def test_milestones_outside_zero_to_the_target_or_falling_are_refused(
    tmp_path: Path, june: object, september: object, said: str
) -> None:
    assert refused(write(tmp_path, milestones(june, september))) == [said]


def test_a_scaled_pacing_of_a_reference_entry_is_refused(tmp_path: Path) -> None:
    entry = LOANS_A_YEAR_EARLIER + "    pacing: linear\n"
    assert refused(write(tmp_path, entry)) == [
        "22: column pacing: target loans_last: pacing linear needs a target figure to scale; a "
        "reference entry has none [registry-pacing]"
    ]


def test_a_scaled_pacing_of_a_rule_with_no_figure_is_refused(tmp_path: Path) -> None:
    assert refused(write(tmp_path, INCOME_RATIO + "    pacing: linear\n")) == [
        "23: column pacing: target income_ratio: pacing linear needs a target figure to scale; "
        "comparator below_baseline has none [registry-pacing]"
    ]


def test_a_path_of_an_entry_whose_comparator_is_unknown_is_left_unread(tmp_path: Path) -> None:
    """No rule to scale, no second problem: the comparator is the one fault said."""
    entry = LOAN.replace("comparator: more_than", "comparator: morethan") + (
        "    pacing: path\n    baseline: {value: 9000, year: 2022, quote: 贷款余额9000亿元}\n"
    )
    assert refused(write(tmp_path, entry)) == [
        "19: column comparator: target loans: morethan is not one of about, at_least, at_most, "
        "below_baseline, done, faster_than, in_step, more_than, range, rank_within, rise_by, "
        "steady [registry-unknown-comparator]"
    ]
