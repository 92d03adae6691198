"""A registry may quote more than its seed: `report.texts` names further texts, and an entry or a
baseline with `text: NAME` is checked against that text instead, verbatim, in its parts, with
its numbers; every text's plan is covered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reportcheck.model.problems import RegistryError
from reportcheck.output.catalogue import one_line
from reportcheck.registry.lint import lint_registry
from reportcheck.registry.load import load_registry

from .test_registry_validation import GOOD_ENTRY, SEED, registry_text

#: The full text: the seed's plan sentence, and one promise the seed leaves out.
FULL = (
    "一、2022年工作回顾\n认定高新技术企业289家。\n"
    "二、今年工作安排\n地区生产总值增长6%左右，新认定高新技术企业280家以上。\n"
)
FIRMS = """\
  - id: hightech_firms
    section: 二
    text: full
    quote: 新认定高新技术企业280家以上
    name_zh: 新认定高新技术企业
    name_en: New high-tech firms
    unit: 家
    comparator: at_least
    value: 280
    kind: cumulative
    released: yearly
    baseline: {value: 289, year: 2022, quote: 认定高新技术企业289家, text: full}
"""
Write = Callable[..., Path]
Problems = Callable[..., list[str]]


@pytest.fixture
def write(tmp_path: Path) -> Write:
    """A registry of GOOD_ENTRY and `entries` beside the seed and the full text."""

    def make(entries: str = FIRMS, texts: str = "{full: full.md}", full: str = FULL) -> Path:
        (tmp_path / "seed.txt").write_text(SEED, encoding="utf-8")
        (tmp_path / "full.md").write_text(full, encoding="utf-8")
        text = registry_text(GOOD_ENTRY + entries).replace(
            "seed: seed.txt", f"seed: seed.txt\n  texts: {texts}"
        )
        path = tmp_path / "targets.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return make


@pytest.fixture
def problems(tmp_path: Path, write: Write) -> Problems:
    """The errors the loader refuses the registry for, which are lint's, without the folder."""

    def load(*args: str, **kwargs: str) -> list[str]:
        path = write(*args, **kwargs)
        linted = [one_line(p) for p in lint_registry(path).problems if p.severity == "error"]
        try:
            load_registry(path)
        except RegistryError as error:
            refused = [one_line(p) for p in error.problems]
            assert refused == linted
            return [line.replace(f"{tmp_path}/", "") for line in refused]
        assert linted == []
        return []

    return load


def test_an_entry_quotes_the_text_it_names(problems: Problems) -> None:
    assert problems() == []


def test_without_its_text_the_quote_is_not_in_the_report(problems: Problems) -> None:
    [problem] = problems(FIRMS.replace("    text: full\n", ""))
    assert problem.startswith(
        "targets.yaml:27: column quote: target hightech_firms: is not verbatim in the report; "
    )
    assert problem.endswith("[registry-quote-not-in-report]")


def test_a_baseline_quotes_the_review_of_its_own_text(problems: Problems, write: Write) -> None:
    moved = FULL.replace("认定高新技术企业289家。\n", "").replace(
        "以上。", "以上，认定高新技术企业289家。"
    )
    assert problems(full=moved) == []
    [warning] = lint_registry(write(full=moved)).problems
    assert one_line(warning).endswith(
        "column quote: target hightech_firms baseline: the baseline quote comes from the plan of "
        "text full, not from the review of last year [baseline-in-plan]"
    )


def test_every_number_of_each_texts_plan_is_covered(problems: Problems) -> None:
    more = FULL.replace("以上。", "以上，新增上市公司6家。")
    assert problems(full=more) == [
        "full.md:4: 6 in '家以上，新增上市公司6家。 ' is in no quote and not listed under "
        "not_commitments [number-uncovered]"
    ]


def test_an_unknown_text_is_said_once(problems: Problems) -> None:
    assert problems(FIRMS.replace("text: full\n", "text: fulll\n", 1)) == [
        "targets.yaml:27: column text: target hightech_firms: no text named fulll under "
        "report.texts (named: full) [registry-unknown-text]"
    ]


def test_an_unreadable_text_is_said_once(problems: Problems) -> None:
    assert problems(texts="{full: gone.md}") == [
        "targets.yaml:10: column full: the text, gone.md, does not exist [registry-text-unreadable]"
    ]


@pytest.mark.parametrize(
    ("texts", "said"),
    [
        ("{Full: full.md}", "column texts: a text's name is lower-case ASCII letters"),
        ("[full.md]", "column texts: report: texts must be a mapping of name to a path"),
        ('{full: ""}', "column full: report: is empty"),
    ],
)
def test_the_names_of_texts_are_checked(problems: Problems, texts: str, said: str) -> None:
    found = problems(FIRMS.replace("    text: full\n", "").replace(", text: full", ""), texts)
    assert any(said in line for line in found), found


def test_a_text_named_wrongly_is_said_once_not_again_at_each_entry(problems: Problems) -> None:
    found = problems(FIRMS.replace("text: full", "text: Full"), "{Full: full.md}")
    assert [line.split("[")[-1] for line in found] == ["registry-bad-text-name]"]
