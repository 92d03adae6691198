"""A malformed registry is refused with every problem named, never loaded half-right."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reportcheck.model.problems import RegistryError
from reportcheck.output.catalogue import one_line
from reportcheck.registry.load import load_registry

from .conftest import Run

#: A report in two parts: last year's review, then this year's plan, whose one number is quoted.
SEED = (
    "一、2022年工作回顾\n去年城乡居民收入倍差缩小至1.61,引进大学生9万名以上。\n"
    "二、今年工作安排\n今年地区生产总值增长6%左右。\n"
)

GOOD_ENTRY = """\
  - id: gdp_growth
    section: 二
    quote: 地区生产总值增长6%左右
    name_zh: 地区生产总值增速
    name_en: GDP growth
    unit: "%"
    comparator: about
    value: 6
    tolerance: 0.5
    kind: rate
    released: quarterly
"""


def registry_text(entries: str = GOOD_ENTRY) -> str:
    return f"""\
report:
  city_zh: 某市
  city_en: Somewhere
  year: 2023
  title_zh: 报告
  title_en: Report
  date: "2023-02-01"
  source: 日报
  seed: seed.txt
sections:
  二: {{zh: 主要预期目标, en: Main targets}}
targets:
{entries}"""


@pytest.fixture
def registry_file(tmp_path: Path) -> Callable[[str], Path]:
    def make(text: str) -> Path:
        (tmp_path / "seed.txt").write_text(SEED, encoding="utf-8")
        path = tmp_path / "targets.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return make


def problems(path: Path) -> list[tuple[str, int | None]]:
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    return [(p.code, p.line) for p in caught.value.problems]


def test_a_valid_registry_loads(registry_file: Callable[[str], Path]) -> None:
    registry = load_registry(registry_file(registry_text()))
    assert [t.id for t in registry.targets] == ["gdp_growth"]


def test_misspelt_key_is_refused_with_its_line(registry_file: Callable[[str], Path]) -> None:
    path = registry_file(registry_text(GOOD_ENTRY.replace("tolerance:", "tolerence:")))
    assert ("registry-unknown-key", 21) in problems(path)


def test_missing_field(registry_file: Callable[[str], Path]) -> None:
    path = registry_file(registry_text(GOOD_ENTRY.replace("    name_en: GDP growth\n", "")))
    assert problems(path) == [("registry-missing-key", 13)]


def test_duplicate_id(registry_file: Callable[[str], Path]) -> None:
    assert problems(registry_file(registry_text(GOOD_ENTRY + GOOD_ENTRY))) == [
        ("registry-duplicate-id", 24)
    ]


def test_duplicate_key_in_one_entry(registry_file: Callable[[str], Path]) -> None:
    path = registry_file(registry_text(GOOD_ENTRY + "    value: 7\n"))
    assert problems(path) == [("registry-duplicate-key", 24)]


def test_unknown_comparator(registry_file: Callable[[str], Path]) -> None:
    path = registry_file(
        registry_text(GOOD_ENTRY.replace("comparator: about", "comparator: roughly"))
    )
    assert problems(path) == [("registry-unknown-comparator", 19)]


def test_unknown_unit(registry_file: Callable[[str], Path]) -> None:
    path = registry_file(registry_text(GOOD_ENTRY.replace('unit: "%"', "unit: 百分比")))
    assert problems(path) == [("registry-unknown-unit", 18)]


def test_quote_not_in_the_report(registry_file: Callable[[str], Path]) -> None:
    path = registry_file(registry_text(GOOD_ENTRY.replace("增长6%左右", "增长7%左右")))
    assert problems(path) == [("registry-quote-not-in-report", 15)]


def test_reference_to_a_missing_id(registry_file: Callable[[str], Path]) -> None:
    entry = """\
  - id: income_growth
    section: 二
    quote: 地区生产总值增长6%左右
    name_zh: 收入增速
    name_en: Income growth
    unit: "%"
    comparator: faster_than
    other: gdp
    kind: rate
    released: quarterly
"""
    assert problems(registry_file(registry_text(GOOD_ENTRY + entry))) == [
        ("registry-unknown-reference", 24)
    ]


def test_comparator_missing_its_value(registry_file: Callable[[str], Path]) -> None:
    path = registry_file(registry_text(GOOD_ENTRY.replace("    value: 6\n", "")))
    assert problems(path) == [("registry-rule", 13)]


def test_non_number_value(registry_file: Callable[[str], Path]) -> None:
    path = registry_file(registry_text(GOOD_ENTRY.replace("value: 6", "value: 六")))
    assert problems(path) == [("registry-type", 20)]


@pytest.mark.parametrize("written", ["1:30", "6:00", "1:30.5"])
def test_a_base_sixty_number_is_not_read_as_a_number(
    registry_file: Callable[[str], Path], written: str
) -> None:
    """YAML 1.1 reads 1:30 as 90; a registry is not a clock."""
    path = registry_file(registry_text(GOOD_ENTRY.replace("value: 6", f"value: {written}")))
    assert problems(path) == [("registry-type", 20)]


@pytest.mark.parametrize(
    ("written", "line"),
    [
        ("title_zh: 123", 5),
        ("title_zh: !!binary aGVsbG8=", 5),
        ("date: 2023-02-01", 7),
        ("source: yes", 8),
    ],
)
def test_header_text_must_be_text(
    registry_file: Callable[[str], Path], written: str, line: int
) -> None:
    key = written.split(":", maxsplit=1)[0]
    text = registry_text()
    start = text.index(f"  {key}:")
    end = text.index("\n", start)
    path = registry_file(text[:start] + "  " + written + text[end:])
    assert problems(path) == [("registry-type", line)]


@pytest.mark.parametrize(
    ("title", "refused"),
    [
        ('"[blink]报告"', True),
        ('"报告[/]"', True),
        ('"[link=http://x]报告[/link]"', True),
        ('"[#ff0000]报告"', True),
        ('"报告[2023]"', False),  # brackets around a year are a title's own
        ('"Report [Draft]"', False),
    ],
)
def test_rich_markup_in_registry_text_is_refused(
    registry_file: Callable[[str], Path], title: str, refused: bool
) -> None:
    path = registry_file(registry_text().replace("title_zh: 报告", f"title_zh: {title}"))
    if refused:
        assert problems(path) == [("registry-markup", 5)]
    else:
        assert load_registry(path).meta.title_zh == title.strip('"')


def test_every_problem_is_reported_at_once(registry_file: Callable[[str], Path]) -> None:
    broken = (
        GOOD_ENTRY.replace("comparator: about", "comparator: roughly")
        .replace('unit: "%"', "unit: 百分比")
        .replace("tolerance:", "tolerence:")
    )
    assert {code for code, _ in problems(registry_file(registry_text(broken)))} == {
        "registry-unknown-comparator",
        "registry-unknown-unit",
        "registry-unknown-key",
    }


def test_invalid_yaml(registry_file: Callable[[str], Path]) -> None:
    assert problems(registry_file(registry_text() + "  - id: [unclosed\n")) == [
        ("registry-yaml", 25)
    ]


def test_yaml_is_loaded_safely(registry_file: Callable[[str], Path]) -> None:
    path = registry_file("report: !!python/object/apply:os.system ['true']\n")
    assert [code for code, _ in problems(path)] == ["registry-yaml"]


def test_missing_seed(registry_file: Callable[[str], Path]) -> None:
    path = registry_file(registry_text().replace("seed: seed.txt", "seed: nowhere.txt"))
    assert [code for code, _ in problems(path)] == ["registry-seed-unreadable"]


def test_missing_file(tmp_path: Path) -> None:
    assert problems(tmp_path / "none.yaml") == [("registry-unreadable", None)]


def test_cli_refuses_a_bad_registry_with_exit_2(
    registry_file: Callable[[str], Path], cli: Callable[..., Run]
) -> None:
    path = registry_file(registry_text(GOOD_ENTRY.replace("tolerance:", "tolerence:")))
    result = cli("targets", "--targets", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"reportcheck: error: {path}:13: column tolerance: target gdp_growth: the key is missing "
        "(needed by comparator about) [registry-rule]\n"
        f"reportcheck: error: {path}:21: column tolerence: target gdp_growth: unknown key "
        "(known: baseline, basis, comparator, direction, due, entered_as, id, kind, lead, leader, "
        "milestones, name_en, name_zh, note, other, pacing, quote, released, role, section, "
        "text, tolerance, unit, value) [registry-unknown-key]\n"
        "reportcheck: 2 errors in 1 file; nothing listed\n"
    )


def test_another_registry_can_be_used(
    registry_file: Callable[[str], Path], cli: Callable[..., Run]
) -> None:
    result = cli("targets", "--targets", str(registry_file(registry_text())), "-f", "csv")
    assert result.exit_code == 0
    assert [line.split(",")[0] for line in result.stdout.splitlines()] == ["id", "gdp_growth"]


@pytest.mark.parametrize("comparator", ["faster_than", "in_step"])
def test_a_relative_rule_whose_other_is_empty_needs_it(
    registry_file: Callable[[str], Path], comparator: str
) -> None:
    entry = GOOD_ENTRY.replace("comparator: about", f"comparator: {comparator}").replace(
        "    value: 6\n    tolerance: 0.5\n", '    other: ""\n'
    )
    path = registry_file(registry_text(entry))
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    found = [(p.key, p.line, one_line(p, "en")) for p in caught.value.problems]
    assert found[-1][:2] == ("registry-rule/needs-other", 20)
    assert f"comparator {comparator} needs the id of the quantity it compares with" in found[-1][2]
