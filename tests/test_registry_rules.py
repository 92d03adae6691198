"""An entry that its rule cannot use is refused, naming the key and its line (exit 2)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from reportcheck.model.problems import RegistryError
from reportcheck.registry.load import load_registry
from reportcheck.rules import About, Direction, Range

from .conftest import Run
from .test_registry_validation import GOOD_ENTRY, SEED, registry_text

Make = Callable[..., Path]


@pytest.fixture
def make(tmp_path: Path) -> Make:
    def write(text: str, plan: str = "地区生产总值增长6%左右") -> Path:
        """The registry, beside SEED with its plan's one sentence replaced by `plan`."""
        seed = SEED.replace("地区生产总值增长6%左右", plan)
        (tmp_path / "seed.txt").write_text(seed, encoding="utf-8")
        path = tmp_path / "targets.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def problems(path: Path) -> list[tuple[str, int | None, str | None]]:
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    return [(p.code, p.line, p.column) for p in caught.value.problems]


def entry(**changes: str) -> str:
    """GOOD_ENTRY with keys replaced (value "" removes the key) or added."""
    lines = GOOD_ENTRY.splitlines()
    out = []
    for line in lines:
        key = line.strip().removeprefix("- ").split(":")[0]
        if key in changes:
            if changes[key]:
                out.append(f"    {key}: {changes.pop(key)}")
            else:
                changes.pop(key)
            continue
        out.append(line)
    out += [f"    {key}: {value}" for key, value in changes.items()]
    return "\n".join(out) + "\n"


REFUSED = [
    ("value-null", entry(value="~"), ("registry-null", 20, "value")),
    ("tolerance-null", entry(tolerance="~"), ("registry-null", 21, "tolerance")),
    ("comparator-null", entry(comparator="~"), ("registry-null", 19, "comparator")),
    ("unit-null", entry(unit="~"), ("registry-null", 18, "unit")),
    ("value-nan", entry(value=".nan"), ("registry-type", 20, "value")),
    ("value-inf", entry(value=".inf"), ("registry-type", 20, "value")),
    ("negative-tolerance", entry(tolerance="-0.5"), ("registry-rule", 21, "tolerance")),
    ("tolerance-on-at-least", entry(comparator="at_least"), ("registry-rule", 21, "tolerance")),
    ("other-on-about", entry(other="gdp"), ("registry-rule", 24, "other")),
    (
        "direction-on-at-least",
        entry(comparator="at_least", tolerance="", direction="down"),
        ("registry-rule", 23, "direction"),
    ),
    (
        "unknown-direction",
        entry(direction="sideways"),
        ("registry-unknown-direction", 24, "direction"),
    ),
    ("range-one-number", entry(comparator="range", tolerance=""), ("registry-rule", 20, "value")),
    (
        "range-reversed",
        entry(comparator="range", tolerance="", value="[6.5, 6]"),
        ("registry-rule", 20, "value"),
    ),
    ("fraction-by-zero", entry(value="2/0"), ("registry-type", 20, "value")),
    ("due-before-report", entry(due="2022"), ("registry-due", 24, "due")),
    ("due-far-ahead", entry(due="2099"), ("registry-due", 24, "due")),
    ("due-not-a-period", entry(due="soon"), ("registry-due", 24, "due")),
    (
        "linear-on-rank",
        entry(comparator="rank_within", tolerance="", pacing="linear"),
        ("registry-pacing", 23, "pacing"),
    ),
    (
        "path-without-baseline",
        entry(kind="stock", pacing="path"),
        ("registry-pacing", 24, "pacing"),
    ),
    ("milestones-without-schedule", entry(pacing="milestones"), ("registry-pacing", 24, "pacing")),
    (
        "schedule-without-milestones",
        entry(milestones='{"2023-06": 3}'),
        ("registry-pacing", 24, "pacing"),
    ),
    (
        "milestone-after-due",
        entry(pacing="milestones", milestones='{"2024-06": 3}'),
        ("registry-pacing", 25, "milestones"),
    ),
    (
        "done-with-a-rate",
        entry(comparator="done", value="", tolerance=""),
        ("registry-rule", 19, "comparator"),
    ),
    (
        "entered-as-on-a-cap",
        entry(comparator="at_most", tolerance="", entered_as="magnitude"),
        ("registry-rule", 23, "entered_as"),
    ),
    (
        "entered-as-on-a-reference",
        entry(role="reference", comparator="", value="", tolerance="", entered_as="magnitude"),
        ("registry-rule", 22, "entered_as"),
    ),
    (
        "baseline-rule-without-baseline",
        entry(comparator="below_baseline", value="", tolerance=""),
        ("registry-rule", 13, "baseline"),
    ),
    (
        "baseline-without-quote",
        entry(baseline="{value: 3.3, year: 2022}"),
        ("registry-missing-key", 24, "quote"),
    ),
    ("baseline-without-figure", entry(baseline="{year: 2022}"), ("registry-rule", 24, "baseline")),
    (
        "same-period-unknown",
        entry(baseline="{year: 2022, same_period: nothing}"),
        ("registry-unknown-reference", 13, "same_period"),
    ),
    (
        "control-character",
        entry(name_en='"GDP\\x1b[2J growth"'),
        ("registry-control-character", 17, "name_en"),
    ),
    ("empty-quote", entry(quote='""'), ("registry-empty", 15, "quote")),
    ("blank-name", entry(name_zh='"  "'), ("registry-empty", 16, "name_zh")),
    ("unhashable-key", entry() + "    [a, b]: 1\n", ("registry-shape", 24, None)),
]


@pytest.mark.parametrize(
    ("text", "expected"), [pytest.param(t, e, id=name) for name, t, e in REFUSED]
)
def test_an_entry_its_rule_cannot_use_is_refused(
    make: Make, text: str, expected: tuple[str, int, str | None]
) -> None:
    assert expected in problems(make(registry_text(text)))


def test_an_empty_seed_does_not_switch_the_quote_check_off(make: Make) -> None:
    for seed in ('""', "~"):
        path = make(registry_text().replace("seed: seed.txt", f"seed: {seed}"))
        codes = [code for code, _, _ in problems(path)]
        assert codes[0] in ("registry-seed-missing", "registry-null")


def test_a_report_text_that_is_not_a_file_is_refused(make: Make) -> None:
    path = make(registry_text().replace("seed: seed.txt", "seed: /dev/zero"))
    assert [code for code, _, _ in problems(path)] == ["registry-seed-unreadable"]


def test_a_huge_registry_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# " + b"x" * (5 * 1024 * 1024))
    assert problems(path) == [("registry-unreadable", None, None)]


def test_a_direction_and_a_range_are_built_as_written(make: Make) -> None:
    cap = load_registry(make(registry_text(entry(direction="down")))).targets[0]
    assert cap.rule == About(Fraction(6), Fraction(1, 2), Direction.DOWN)
    ranged = load_registry(
        make(
            registry_text(
                entry(comparator="range", tolerance="", value="[6, 6.5]", quote="增长6%—6.5%")
            ),
            "增长6%—6.5%",
        )
    ).targets[0]
    assert isinstance(ranged.rule, Range)
    assert (ranged.rule.low, ranged.rule.high) == (Fraction(6), Fraction(13, 2))


#: An entry in a unit the registry declares, quoting a plan that states it.
WATER = entry(unit="万立方米", comparator="at_least", tolerance="", quote="供水6万立方米")


def test_a_registry_can_declare_a_unit(make: Make) -> None:
    text = registry_text(WATER)
    declared = text.replace(
        "sections:", "units:\n  万立方米: {family: volume, factor: 10000, en: 10k m³}\nsections:"
    )
    registry = load_registry(make(declared, "供水6万立方米"))
    assert registry.units["万立方米"].factor == 10000
    assert registry.units["万立方米"].en == "10k m³"
    assert ("registry-unknown-unit", 18, "unit") in problems(make(text, "供水6万立方米"))


def test_a_built_in_unit_cannot_be_redeclared(make: Make) -> None:
    text = registry_text().replace(
        "sections:", "units:\n  亿元: {family: yuan, factor: 1}\nsections:"
    )
    assert [code for code, _, _ in problems(make(text))] == ["registry-unit"]


def test_cli_names_the_key_and_line_of_a_null_value(make: Make, cli: Callable[..., Run]) -> None:
    path = make(registry_text(entry(value="~")))
    result = cli("targets", "--targets", str(path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"reportcheck: error: {path}:20: column value: target gdp_growth: has no value "
        "(remove the key or give it one) [registry-null]\n"
        "reportcheck: 1 error in 1 file; nothing listed\n"
    )


def test_figures_in_a_declared_unit_convert_by_its_scale(make: Make, tmp_path: Path) -> None:
    from reportcheck.actuals import read_actuals
    from reportcheck.model.problems import ActualsError

    declared = registry_text(WATER).replace(
        "sections:",
        "units:\n  万立方米: {family: volume, factor: 10000}\n"
        "  立方米: {family: volume, factor: 1}\nsections:",
    )
    registry = load_registry(make(declared, "供水6万立方米"))
    data = tmp_path / "a.csv"
    data.write_text("id,period,value,unit\ngdp_growth,2023-06,35000,立方米\n", encoding="utf-8")
    (actual,) = read_actuals([data], registry).actuals
    assert actual.value == Decimal("3.5")
    data.write_text("id,period,value,unit\ngdp_growth,2023-06,3,亿元\n", encoding="utf-8")
    with pytest.raises(ActualsError) as caught:
        read_actuals([data], registry)
    from reportcheck.output.catalogue import message

    assert "expected one of: 万立方米, 立方米" in message(caught.value.problems[0], "en")
