"""An entry's limits at their exact edges (a rank of 1, a baseline year fifteen years back), how an
entry is named when its id is not one, and a wrong baseline reported alone while a baseline with
only a warning is kept."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportcheck.registry.records import Pacing
from reportcheck.registry.schema import MAX_YEARS_BACK

from .registry_cases import GROWTH, HEAD, LOAN, loads, refused, write

RANK = """\
  - id: rank
    section: 二
    quote: 国家创新型城市排名进入前{value}位
    name_zh: 国家创新型城市排名
    name_en: Innovative city rank
    unit: 位
    comparator: rank_within
    value: {value}
    kind: rate
    released: yearly
"""

#: The report's year is 2023: a baseline may be as old as this, and no older.
EARLIEST = 2023 - MAX_YEARS_BACK


def loan_baseline(fields: str) -> str:
    return LOAN + f"    baseline: {{{fields}}}\n"


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("id: 5", "13: column id: target (no id): must be text (put it in quotes) [registry-type]"),
        ('id: ""', "13: column id: target (no id): is empty [registry-empty]"),
    ],
)
def test_an_entry_with_no_usable_id_is_named_as_having_none(
    tmp_path: Path, written: str, said: str
) -> None:
    assert refused(write(tmp_path, GROWTH.replace("id: gdp_growth", written))) == [said]


def test_a_rank_within_the_first_place_loads(tmp_path: Path) -> None:
    [target] = loads(write(tmp_path, RANK.format(value=1))).targets
    assert target.value == 1


def test_a_rank_within_no_place_is_refused(tmp_path: Path) -> None:
    assert refused(write(tmp_path, RANK.format(value=0))) == [
        "20: column value: target rank: comparator rank_within takes 1 or more [registry-rule]"
    ]


@pytest.mark.parametrize("year", [EARLIEST, 2022])
def test_a_baseline_year_within_the_years_back_loads(tmp_path: Path, year: int) -> None:
    entry = loan_baseline(f"value: 8800, year: {year}, quote: 贷款余额8800亿元")
    [target] = loads(write(tmp_path, entry)).targets
    assert target.baseline is not None
    assert (target.baseline.year, target.baseline.value) == (year, Decimal(8800))


@pytest.mark.parametrize("year", [EARLIEST - 1, 2023])
def test_a_baseline_year_outside_the_years_back_is_refused(tmp_path: Path, year: int) -> None:
    entry = loan_baseline(f"value: 8800, year: {year}, quote: 贷款余额8800亿元")
    assert refused(write(tmp_path, entry)) == [
        f"23: column year: target loans baseline: a baseline's year falls between {EARLIEST} "
        "and 2022, before the report's year [registry-baseline-year]"
    ]


def test_a_baseline_value_its_quote_does_not_hold_is_reported_alone(tmp_path: Path) -> None:
    """Not also judged as a level already past the target: the path from it is not checked."""
    entry = (
        LOAN
        + "    pacing: path\n"
        + "    baseline: {value: 12000, year: 2022, quote: 贷款余额8800亿元}\n"
    )
    assert refused(write(tmp_path, entry)) == [
        "24: column value: target loans baseline: the baseline value 12000 亿元 is not a number "
        "of its quote 贷款余额8800亿元 [value-not-in-quote]"
    ]


def test_a_baseline_with_no_year_is_reported_alone(tmp_path: Path) -> None:
    entry = LOAN + "    pacing: path\n" + "    baseline: {value: 12000, quote: 贷款余额12000亿元}\n"
    assert refused(write(tmp_path, entry)) == [
        "24: column year: target loans baseline: the key is missing [registry-missing-key]"
    ]


def test_a_baseline_with_only_a_warning_is_kept(tmp_path: Path) -> None:
    """Quoted from the plan instead of the review: worth a word, and the path still runs from it."""
    report = (
        "一、去年工作回顾\n去年成绩显著。\n"
        "二、今年工作安排\n贷款余额8800亿元。贷款余额突破1万亿元。\n"
    )
    entry = loan_baseline("value: 8800, year: 2022, quote: 贷款余额8800亿元")
    [target] = loads(write(tmp_path, entry, report=report)).targets
    assert target.baseline is not None
    assert (target.pacing, target.baseline.value) == (Pacing.PATH, Decimal(8800))


def test_an_unknown_text_when_the_registry_names_none(tmp_path: Path) -> None:
    assert refused(write(tmp_path, GROWTH + "    text: full\n")) == [
        "24: column text: target gdp_growth: no text named full under report.texts (named: —) "
        "[registry-unknown-text]"
    ]


def test_a_text_that_cannot_be_read_is_said_once_not_per_entry(tmp_path: Path) -> None:
    head = HEAD.replace("  seed: seed.txt\n", "  seed: seed.txt\n  texts: {full: gone.md}\n")
    path = write(tmp_path, GROWTH + "    text: full\n", head=head)
    assert refused(path) == [
        "10: column full: the text, gone.md, does not exist [registry-text-unreadable]"
    ]
