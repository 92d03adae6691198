"""A small registry written out as YAML text, so that each problem's line can be counted in the
test that expects it: the header takes lines 1 to 12 and the first entry starts on line 13."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportcheck.model.problems import RegistryError
from reportcheck.output.catalogue import one_line
from reportcheck.registry.lint import lint_registry
from reportcheck.registry.load import load_registry
from reportcheck.registry.records import Registry

from .test_registry_validation import GOOD_ENTRY, registry_text

#: The header of test_registry_validation's registry, and its entry of a growth rate promised
#: at about 6%: the entry the tests change one field of.
HEAD = registry_text("")
GROWTH = GOOD_ENTRY

#: A flow summed through the year: 100 亿元 of investment.
INVESTMENT = """\
  - id: investment
    section: 二
    quote: 完成年度投资100亿元
    name_zh: 投资
    name_en: Investment
    unit: 亿元
    comparator: at_least
    value: 100
    kind: cumulative
    released: monthly
"""

#: A balance promised for the year end, from last year's 8800 亿元.
LOAN = """\
  - id: loans
    section: 二
    quote: 贷款余额突破1万亿元
    name_zh: 贷款余额
    name_en: Loans
    unit: 亿元
    comparator: more_than
    value: 10000
    kind: stock
    released: monthly
"""


def seed(entries: str) -> str:
    """A report whose plan is the entries' quotes and whose review is their baselines' quotes."""
    plan = re.findall(r"^    quote: (.+)$", entries, flags=re.MULTILINE)
    review = re.findall(r"baseline: \{.*quote: ([^,}]+)", entries)
    return f"一、去年工作回顾\n{'。'.join(review)}。\n二、今年工作安排\n{'。'.join(plan)}。\n"


def write(folder: Path, entries: str, *, head: str = HEAD, report: str | None = None) -> Path:
    """The registry `head` + `entries` in `folder`, beside `report` (by default one made of
    their quotes)."""
    (folder / "seed.txt").write_text(seed(entries) if report is None else report, "utf-8")
    path = folder / "targets.yaml"
    path.write_text(head + entries, encoding="utf-8")
    return path


def loads(path: Path) -> Registry:
    """The registry at `path`, which `lint` finds no error in either."""
    registry = load_registry(path)
    assert [one_line(p) for p in lint_registry(path).problems if p.severity == "error"] == []
    return registry


def refused(path: Path) -> list[str]:
    """Each problem the loader refuses `path` for, on one line; `lint` finds the same errors."""
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    said = [one_line(p) for p in caught.value.problems]
    assert [one_line(p) for p in lint_registry(path).problems if p.severity == "error"] == said
    return [line.removeprefix(f"{path}:") for line in said]
