"""benchmarks/draft_quality.py scores honestly: one entry answers one label, quotes overlap by
half the shorter, values are compared in base units, held-out texts are never tuned on."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from .conftest import REPO


@pytest.fixture(scope="module")
def quality() -> Iterator[ModuleType]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        yield importlib.import_module("draft_quality")
    finally:
        sys.path.remove(str(REPO / "benchmarks"))


def entry(quote: str, comparator: str = "at_least", **rest: Any) -> dict[str, Any]:
    return {"quote": quote, "comparator": comparator, **rest}


TEXT = "新增上市公司6家,城镇新增就业6万人以上,城乡居民收入分别增长6%和7%。"


def test_one_entry_answers_one_label(quality: ModuleType) -> None:
    labels = [entry("城乡居民收入分别增长6%和7%")] * 2
    assert quality.match(labels, [entry("城乡居民收入分别增长6%和7%")], TEXT) == {0: 0}


def test_quotes_must_overlap_by_half_the_shorter(quality: ModuleType) -> None:
    label = [entry("城镇新增就业6万人以上")]
    assert quality.match(label, [entry("就业6万人以上")], TEXT) == {0: 0}
    assert quality.match(label, [entry("新增上市公司6家,城镇")], TEXT) == {}


def test_entries_that_agree_are_paired_first(quality: ModuleType) -> None:
    labels = [
        entry("城乡居民收入分别增长6%和7%", value=6, unit="%"),
        entry("城乡居民收入分别增长6%和7%", value=7, unit="%"),
    ]
    drafted = [
        entry("城乡居民收入分别增长6%和7%", value=7, unit="%"),
        entry("城乡居民收入分别增长6%和7%", value=6, unit="%"),
    ]
    assert quality.match(labels, drafted, TEXT) == {0: 1, 1: 0}


def test_values_are_compared_in_base_units(quality: ModuleType) -> None:
    assert quality.scaled({"value": 1.2, "unit": "万亿元"}) == quality.scaled(
        {"value": 12000, "unit": "亿元"}
    )
    assert quality.scaled({"value": 5.4, "unit": "万套（间）"}) == quality.scaled(
        {"value": 54000, "unit": "套"}
    )
    assert quality.scaled({"value": "2/3", "unit": "%"}) == quality.scaled(
        {"value": "200/3", "unit": "%"}
    )


def test_held_out_texts_are_no_texts_tuned_on(quality: ModuleType) -> None:
    assert quality.HELD_OUT
    assert not quality.HELD_OUT & quality.TUNED
    corpus = {p.stem for p in (REPO / "tests" / "data" / "corpus").glob("*.md")}
    assert corpus >= quality.HELD_OUT


def test_the_readme_states_what_the_benchmark_measures(
    quality: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's table of every text is the benchmark's, all but the milliseconds, which
    are the machine's."""
    monkeypatch.setattr(quality, "RUNS", 1)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- draft-quality -->\n", 1)[1].split("\n\n", 1)[0]

    def cells(row: str) -> list[str]:
        return [c.strip() for c in row.strip().strip("|").split("|")][:-1]  # ms left out

    stated = [cells(row) for row in table.splitlines()[2:]]
    scores = [(item, quality.score(item, False)) for item in quality.texts()]
    old = [s for t, s in scores if not t.corpus]
    corpus = [s for t, s in scores if t.corpus]
    groups = (
        ("old texts, tuned on", [s for s in old if s.name in quality.TUNED]),
        ("old texts, not tuned on", [s for s in old if s.name not in quality.TUNED]),
        ("corpus, tuned on", [s for s in corpus if s.name in quality.TUNED]),
        ("corpus, held out", [s for s in corpus if s.name in quality.HELD_OUT]),
        ("all", [s for _, s in scores]),
    )
    measured = [s.row() for _, s in scores] + [quality.total(t, g).row() for t, g in groups]
    assert stated == [cells(row) for row in measured]
