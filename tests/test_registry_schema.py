"""One schema: `lint` has an error exactly when every command refuses the registry.

A property test generates registries, right and broken (wrong keys, missing keys, values of the
wrong type, unknown choices, due dates, milestones, baselines, links, units), and holds `lint` and
the loader to the same verdict and the same errors. The registries where the two used to disagree
are pinned one by one, and a new rule type is shown to need nothing outside its own module.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportcheck.model.problems import RegistryError
from reportcheck.output.catalogue import one_line
from reportcheck.registry.lint import lint_registry
from reportcheck.registry.load import load_registry
from reportcheck.registry.schema import ENTRY, RULE_KEYS
from reportcheck.review.pack import parse_bands
from reportcheck.rules import RULES, Check, Comparator, Formula, Frame, Rule, RuleFields, show
from reportcheck.rules.base import UNIT

from .conftest import Run

REPORT = (
    "一、2022年工作回顾\n贷款余额8800亿元,地区生产总值增长3.3%,收入倍差1.61。\n"
    "二、今年工作安排\n地区生产总值增长6%左右,贷款余额突破1万亿元,完成投资100亿元,"
    "居民收入增长快于经济增长,建成通车某大桥,新增企业6家,排名进入前25位,"
    "收入倍差进一步缩小,增长6%—6.5%。\n"
)

HEADER: dict[str, Any] = {
    "city_zh": "某市",
    "city_en": "Somewhere",
    "year": 2023,
    "title_zh": "报告",
    "title_en": "Report",
    "date": "2023-02-01",
    "source": "日报",
    "seed": "seed.txt",
}


def _entry(ident: str, quote: str, unit: str, **rule: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "section": "二",
        "quote": quote,
        "name_zh": ident,
        "name_en": ident,
        "unit": unit,
        **rule,
    }


ENTRIES: list[dict[str, Any]] = [
    _entry(
        "gdp",
        "地区生产总值增长6%左右",
        "%",
        comparator="about",
        value=6,
        tolerance=0.5,
        kind="rate",
        released="quarterly",
    ),
    _entry(
        "loans",
        "贷款余额突破1万亿元",
        "亿元",
        comparator="more_than",
        value=10000,
        kind="stock",
        released="monthly",
        pacing="path",
        baseline={"value": 8800, "year": 2022, "quote": "贷款余额8800亿元"},
    ),
    _entry(
        "invest",
        "完成投资100亿元",
        "亿元",
        comparator="at_least",
        value=100,
        kind="cumulative",
        released="monthly",
        pacing="milestones",
        milestones={"2023-06": 40, "2023-09": 70},
    ),
    _entry(
        "income",
        "居民收入增长快于经济增长",
        "%",
        comparator="faster_than",
        other="gdp",
        kind="rate",
        released="quarterly",
    ),
    _entry("bridge", "建成通车某大桥", "是/否", comparator="done", kind="yesno", released="yearly"),
    _entry(
        "firms",
        "新增企业6家",
        "家",
        comparator="at_least",
        value=6,
        kind="cumulative",
        released="monthly",
    ),
    _entry(
        "rank",
        "排名进入前25位",
        "位",
        comparator="rank_within",
        value=25,
        kind="rate",
        released="yearly",
    ),
    _entry(
        "ratio",
        "收入倍差进一步缩小",
        "倍",
        comparator="below_baseline",
        kind="rate",
        released="quarterly",
        baseline={"value": 1.61, "year": 2022, "quote": "收入倍差1.61"},
    ),
    _entry(
        "band",
        "增长6%—6.5%",
        "%",
        comparator="range",
        value=[6, 6.5],
        kind="rate",
        released="quarterly",
    ),
]
BASE: dict[str, Any] = {
    "report": HEADER,
    "sections": {"二": {"zh": "计划", "en": "Plan"}},
    "targets": ENTRIES,
}

#: Values that are right for some key and wrong for others: choices, periods, numbers, units,
#: ids, schedules, baselines.
VALUES: list[Any] = [
    *(str(name) for name in sorted(RULES)),
    "rate",
    "cumulative",
    "stock",
    "yesno",
    "monthly",
    "quarterly",
    "yearly",
    "linear",
    "path",
    "milestones",
    "direct",
    "at_due",
    "up",
    "down",
    "none",
    "magnitude",
    "change",
    "reference",
    "commitment",
    "sideways",
    "2023",
    "2023-Q4",
    "2023-06",
    2027,
    2050,
    "soon",
    2022,
    0,
    1,
    6,
    25,
    -3,
    2.5,
    10000,
    "2/3",
    "200/3",
    "1/0",
    "%",
    "亿元",
    "是/否",
    "家",
    "位",
    "万亿元",
    "gdp",
    "loans",
    "bridge",
    "firms",
    "nothing",
    "二",
    "九",
    "",
    None,
    True,
    [6, 6.5],
    [6.5, 6],
    [],
    {"2023-06": 40},
    {"2023-Q2": 60, "2023-Q3": 70},
    {"2023-06": 170},
    {"2023-06": 40, "2023-Q2": 45},
    {"2023-09": 40, "2023-06": 70},
    {"value": 8800, "year": 2022, "quote": "贷款余额8800亿元"},
    {"value": 8800, "year": 2023, "quote": "贷款余额8800亿元"},
    {"value": 12000, "year": 2022, "quote": "贷款余额8800亿元"},
    {"year": 2022, "same_period": "gdp"},
    {"year": 2022, "same_period": "bridge"},
    {"year": 2022},
    {"value": 3.3, "year": 2022, "quote": "地区生产总值增长3.3%"},
    "地区生产总值增长6%左右",
    "没有这句话",
    float("nan"),
    float("inf"),
    10**60,
]
KEYS = sorted(ENTRY.known | {"colour"})
Mutation = tuple[str, int, str, Any]
mutations = st.tuples(
    st.sampled_from(["set", "drop"]),
    st.integers(min_value=0, max_value=len(ENTRIES) - 1),
    st.sampled_from(KEYS),
    st.sampled_from(VALUES),
)
top_mutations = st.sampled_from(
    [
        ("units", {"万立方米": {"family": "volume", "factor": 10000}}),
        ("units", {"亿元": {"family": "yuan", "factor": 1}}),
        ("units", {"三分之一家": {"family": "firm", "factor": "1/3"}}),
        ("units", {"x": {"family": "x"}}),
        ("units", ["x"]),
        ("bands", [10, 30]),
        ("bands", [30, 10]),
        ("bands", [10, 101]),
        ("not_commitments", [{"span": "新增企业6家", "reason": "r"}]),
        ("not_commitments", [{"span": "没有", "reason": ""}]),
        ("not_commitments", 3),
        ("extra", 1),
        ("sections", {"二": "计划"}),
        ("report", {**HEADER, "year": "this year"}),
        ("report", {**HEADER, "texts": {"full": "seed.txt"}}),
        ("report", {**HEADER, "texts": {"Full": "gone.md"}}),
        ("report", {k: v for k, v in HEADER.items() if k != "seed"}),
    ]
)


def mutated(changes: list[Mutation], top: list[tuple[str, Any]]) -> dict[str, Any]:
    document = copy.deepcopy(BASE)
    for action, index, key, value in changes:
        entry = document["targets"][index]
        if action == "drop":
            entry.pop(key, None)
        else:
            entry[key] = value
    for key, value in top:
        document[key] = copy.deepcopy(value)
    return document


def write(folder: Path, document: dict[str, Any]) -> Path:
    (folder / "seed.txt").write_text(REPORT, encoding="utf-8")
    path = folder / "targets.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def verdicts(path: Path) -> tuple[list[str], list[str]]:
    """The errors `lint` reports and those the loader refuses the registry with."""
    linted = [one_line(p) for p in lint_registry(path).problems if p.severity == "error"]
    try:
        load_registry(path)
    except RegistryError as refused:
        return linted, [one_line(p) for p in refused.problems]
    return linted, []


def test_the_base_registry_loads_and_lints_clean(tmp_path: Path) -> None:
    path = write(tmp_path, BASE)
    assert [one_line(p) for p in lint_registry(path).problems] == []
    assert len(load_registry(path).targets) == len(ENTRIES)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(mutations, max_size=3), st.lists(top_mutations, max_size=2))
def test_lint_has_errors_exactly_when_the_loader_refuses(
    tmp_path: Path, changes: list[Mutation], top: list[tuple[str, Any]]
) -> None:
    path = write(tmp_path, mutated(changes, top))
    linted, refused = verdicts(path)
    assert linted == refused


@pytest.mark.parametrize(
    ("changes", "loads"),
    [
        ([("set", 0, "direction", "none")], True),  # a two-sided band
        ([("set", 2, "due", "2023-Q4")], True),
        ([("set", 2, "milestones", {"2023-Q2": 60, "2023-Q3": 70})], True),
        ([("set", 5, "tolerance", 1)], False),  # at_least takes no tolerance
        ([("drop", 1, "baseline", None)], False),  # a path needs a baseline level
        ([("set", 5, "kind", "yesno")], False),  # at_least is not a yes/no rule
        ([("set", 3, "other", "bridge")], False),  # never compared with a yes/no entry
        ([("set", 6, "value", 0)], False),  # a rank of 0
        (
            [
                (
                    "set",
                    1,
                    "baseline",
                    VALUES[
                        VALUES.index({"value": 12000, "year": 2022, "quote": "贷款余额8800亿元"})
                    ],
                )
            ],
            False,
        ),
    ],
    ids=[
        "direction-none",
        "quarterly-due",
        "quarterly-milestones",
        "tolerance-on-at-least",
        "path-without-baseline",
        "at-least-yes-no",
        "other-yes-no",
        "rank-zero",
        "baseline-not-in-quote",
    ],
)
def test_the_registries_lint_and_the_commands_once_judged_apart(
    tmp_path: Path, changes: list[Mutation], loads: bool
) -> None:
    linted, refused = verdicts(write(tmp_path, mutated(changes, [])))
    assert linted == refused
    assert (refused == []) is loads, refused


@pytest.fixture
def new_rule() -> Iterator[type[Rule]]:
    """A rule type written for one test; defining it registers it, so it is defined here."""

    class _AtLeastTwice(Rule, frozen=True):
        """A rule type written for this test alone: at least twice its value."""

        value: Fraction
        comparator: ClassVar[Comparator] = Comparator("at_least_twice")
        required_keys: ClassVar[frozenset[str]] = frozenset({"value"})

        @classmethod
        def from_fields(cls, fields: RuleFields) -> Rule:
            assert fields.value is not None
            return cls(fields.value)

        @property
        def threshold(self) -> Fraction:
            return self.value * 2

        @property
        def numbers(self) -> tuple[Fraction, ...]:
            return (self.value,)

        def judge(self, figure: Fraction, frame: Frame) -> Check:
            return Check(passed=figure >= self.value * 2, reason="meets")

        def formula(self) -> Formula:
            return ("≥ 2 ×", show(self.value), UNIT)

    yield _AtLeastTwice
    RULES.pop("at_least_twice")
    delattr(Comparator, "AT_LEAST_TWICE")


def test_a_new_rule_type_needs_nothing_outside_its_own_module(
    tmp_path: Path, new_rule: type[Rule]
) -> None:
    """Defined, it is a comparator the loader knows, refused keys and all; nothing else was told."""
    assert RULES["at_least_twice"] is new_rule
    assert Comparator.AT_LEAST_TWICE is Comparator("at_least_twice")  # type: ignore[attr-defined]
    assert new_rule.required_keys <= RULE_KEYS
    document = mutated([("set", 6, "comparator", "at_least_twice")], [])
    registry = load_registry(write(tmp_path, document))
    assert registry.get("rank") is not None
    assert registry.get("rank").rule == new_rule(Fraction(25))  # type: ignore[union-attr]
    document["targets"][6]["tolerance"] = 1
    linted, refused = verdicts(write(tmp_path, document))
    assert linted == refused
    assert refused[0].endswith(
        "column tolerance: target rank: comparator at_least_twice takes no such key [registry-rule]"
    )


def test_nan_and_infinity_are_refused_alike(tmp_path: Path) -> None:
    for value in (math.nan, math.inf):
        linted, refused = verdicts(write(tmp_path, mutated([("set", 5, "value", value)], [])))
        assert linted == refused
        assert refused[0].endswith(
            "column value: target firms: must be a finite number [registry-type]"
        )


BANDS = [
    "[10, 30]",
    "[10, 101]",
    "[100]",
    "[0, 100]",
    "[100.0000000001]",
    "[30, 10]",
    "[10.50, 30]",
    "[-1]",
    "[0.0000000001]",
    "[0.00000000001]",
    "[1, 2, 3]",
    "[]",
    '["1/3"]',
    '["1/2"]',
    "[.nan]",
]


@pytest.mark.parametrize("bands", BANDS)
def test_a_registrys_bands_are_held_to_the_rule_report_applies_to_bands_typed(
    tmp_path: Path, bands: str
) -> None:
    """`bands: [10, 101]` once passed lint and stopped every report: the loader and --bands now
    accept exactly the same bands."""
    path = write(tmp_path, BASE)
    path.write_text(path.read_text(encoding="utf-8") + f"bands: {bands}\n", encoding="utf-8")
    linted, refused = verdicts(path)
    assert linted == refused
    typed = bands.strip("[]").replace('"', "").replace(" ", "")
    try:
        parse_bands(typed)
    except ValueError:
        codes = [p.rsplit("[", 1)[-1] for p in refused]
        assert codes == ["registry-bands]"] or (codes and set(codes) == {"registry-type]"})
    else:
        assert refused == []
        assert load_registry(path).bands == parse_bands(typed).limits


def test_wrong_bands_are_said_at_their_key_as_written_and_never_blamed_on_the_option(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    path = write(tmp_path, BASE)
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "bands: [10, 101]\n", encoding="utf-8")
    line = text.count("\n") + 1
    said = (
        f"reportcheck: error: {path}:{line}: column bands: [10, 101]: expected one or two "
        "numbers of points from 0 to 100, the first not above the second, e.g. [10, 30] "
        "[registry-bands]"
    )
    linted = cli("lint", str(path))
    assert (linted.exit_code, linted.stdout) == (2, said + "\n")
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("id,period,value\nfirms,2023-06,3\n", encoding="utf-8")
    out = tmp_path / "pack.md"
    reported = cli("report", "--actuals", str(actuals), "-o", str(out), "--targets", str(path))
    assert reported.exit_code == 2
    assert reported.stderr.splitlines()[0] == said
    assert "--bands" not in reported.stderr
    path.write_text(text + "bands: [10, 30.50]\n", encoding="utf-8")
    reported = cli("report", "--actuals", str(actuals), "-o", str(out), "--targets", str(path))
    assert reported.exit_code == 0, reported.stderr
    assert "by more than 10 and up to 30.5;" in out.read_text(encoding="utf-8")
