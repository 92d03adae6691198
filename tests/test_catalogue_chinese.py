"""Every problem reportcheck raises is said in Chinese: each code has an entry in the catalogue,
and a sample of each registry and actuals problem reads as Chinese, not as the English text."""

from __future__ import annotations

import ast
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from openpyxl import Workbook

from reportcheck.actuals import read_actuals, table_paths
from reportcheck.actuals.table import read_tables
from reportcheck.model import limits
from reportcheck.model.problems import Problem, ReportcheckError
from reportcheck.output.catalogue import TEMPLATES, message, problem_line
from reportcheck.registry.load import load_registry
from reportcheck.registry.records import Registry
from reportcheck.registry.schema import CHOICES
from reportcheck.review.api import _bands

from .test_registry_rules import entry
from .test_registry_validation import GOOD_ENTRY, SEED, registry_text

SRC = Path(__file__).resolve().parents[1] / "src" / "reportcheck"
#: Modules whose findings are their own output (the drafter's report), not problems.
OWN_OUTPUT = ("registry/draft/",)
#: Calls whose first argument is a problem's code.
RAISERS = {"Problem", "problem", "fail", "refuse", "usage", "_usage", "_warn"}
#: The keys of an entry whose value is one of a fixed set (Checker.choice, and the comparator):
#: a value outside the set is reported as registry-unknown-<key>.
CHOICE_KEYS = (*CHOICES, "comparator")
_CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9_]+)+")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def raised_codes() -> set[str]:
    """The codes src/reportcheck raises problems with, read from its source."""
    codes: set[str] = set()
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        if name.startswith(OWN_OUTPUT):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if called == "choice" and len(node.args) > 1:
                key = node.args[1]
                assert isinstance(key, ast.Constant), f"{name}:{node.lineno}: key not a literal"
                assert isinstance(key.value, str), f"{name}:{node.lineno}: key not text"
                codes.add(f"registry-unknown-{key.value}")
            if called not in RAISERS:
                continue
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if _CODE.fullmatch(first.value):
                    codes.add(first.value)
            elif isinstance(first, ast.JoinedStr):
                # Only Checker.choice builds a code, from its key: counted at its callers.
                assert ast.unparse(first) == "f'registry-unknown-{key}'", f"{name}:{node.lineno}"
    return codes


def test_the_source_is_read_for_codes() -> None:
    codes = raised_codes()
    assert {"not-a-number", "registry-rule", "registry-unknown-pacing"} <= codes
    assert "quote-not-verbatim" not in codes  # lint's own finding


def test_every_raised_code_has_a_chinese_entry() -> None:
    templated = {key.split("/")[0] for key in TEMPLATES}
    assert sorted(raised_codes() - templated) == []


def test_every_choice_key_is_one_checked_in_the_source() -> None:
    choices = {c.removeprefix("registry-unknown-") for c in raised_codes()}
    assert set(CHOICE_KEYS) - {"comparator", "direction"} <= choices
    assert all(f"registry-unknown-{key}" in TEMPLATES for key in CHOICE_KEYS)


def assert_chinese(problems: Iterable[Problem]) -> list[str]:
    """Each problem's Chinese message: has Chinese, is not the English, keeps to one line."""
    codes = []
    for problem in problems:
        said = message(problem, "zh")
        assert said != message(problem, "en"), problem.code
        assert _CJK.search(said), (problem.code, said)
        assert "\n" not in problem_line(problem, "zh")
        codes.append(problem.code)
    return codes


def registry_problems(path: Path) -> list[Problem]:
    with pytest.raises(ReportcheckError) as caught:
        load_registry(path)
    return list(caught.value.problems)


def with_units(units: str) -> str:
    return registry_text().replace("sections:", f"units:\n{units}\nsections:")


#: Registries broken one way each, as test_registry_rules builds them.
BROKEN_REGISTRIES = {
    "unknown-key": registry_text(GOOD_ENTRY.replace("tolerance:", "tolerence:")),
    "missing-key": registry_text(GOOD_ENTRY.replace("    name_en: GDP growth\n", "")),
    "missing-comparator": registry_text(entry(comparator="", value="", tolerance="")),
    "duplicate-id": registry_text(GOOD_ENTRY + GOOD_ENTRY),
    "duplicate-key": registry_text(GOOD_ENTRY + "    value: 7\n"),
    "bad-id": registry_text(GOOD_ENTRY.replace("id: gdp_growth", "id: GDP-growth")),
    "no-id": registry_text(GOOD_ENTRY.replace("id: gdp_growth", "id: ~")),
    "unknown-section": registry_text(entry(section="九")),
    "unknown-unit": registry_text(entry(unit="万立方米")),
    "null": registry_text(entry(value="~")),
    "text-as-list": registry_text(entry(name_en="[a, b]")),
    "nan": registry_text(entry(value=".nan")),
    "text-number": registry_text(entry(value="six")),
    "report-year": registry_text().replace("year: 2023", "year: soon"),
    "control": registry_text(entry(name_en='"GDP\\x1b[2J growth"')),
    "empty": registry_text(entry(quote='""')),
    "not-verbatim": registry_text(entry(quote="增长七成")),
    "negative-tolerance": registry_text(entry(tolerance="-0.5")),
    "takes-no": registry_text(entry(comparator="at_least")),
    "needs-key": registry_text(entry(comparator="about", value="")),
    "range-one": registry_text(entry(comparator="range", tolerance="")),
    "range-reversed": registry_text(entry(comparator="range", tolerance="", value="[6.5, 6]")),
    "done-rate": registry_text(entry(comparator="done", value="", tolerance="")),
    "entered-as": registry_text(entry(comparator="at_most", tolerance="", entered_as="magnitude")),
    "needs-baseline": registry_text(entry(comparator="below_baseline", value="", tolerance="")),
    "reference-value": registry_text(entry(role="reference", comparator="")),
    "baseline-no-quote": registry_text(entry(baseline="{value: 3.3, year: 2022}")),
    "baseline-no-figure": registry_text(entry(baseline="{year: 2022}")),
    "baseline-year": registry_text(entry(baseline="{year: last, same_period: gdp_growth}")),
    "baseline-shape": registry_text(entry(baseline="[2022]")),
    "same-period-unknown": registry_text(entry(baseline="{year: 2022, same_period: nothing}")),
    "same-period-self": registry_text(entry(baseline="{year: 2022, same_period: gdp_growth}")),
    "other-unknown": registry_text(
        entry(comparator="faster_than", tolerance="", value="", other="x")
    ),
    "due-not-a-period": registry_text(entry(due="soon")),
    "due-far": registry_text(entry(due="2099")),
    "linear-on-rank": registry_text(entry(comparator="rank_within", tolerance="", pacing="linear")),
    "linear-on-reference": registry_text(
        entry(role="reference", comparator="", value="", tolerance="", pacing="linear")
    ),
    "path-no-baseline": registry_text(entry(kind="stock", pacing="path")),
    "milestones-no-schedule": registry_text(entry(pacing="milestones")),
    "schedule-no-pacing": registry_text(entry(milestones='{"2023-06": 3}')),
    "milestones-shape": registry_text(entry(pacing="milestones", milestones="[3]")),
    "milestone-bad-period": registry_text(entry(pacing="milestones", milestones='{"soon": 3}')),
    "milestone-after-due": registry_text(entry(pacing="milestones", milestones='{"2024-06": 3}')),
    "unit-built-in": with_units("  亿元: {family: yuan, factor: 1}"),
    "unit-factor": with_units("  万立方米: {family: volume, factor: -1}"),
    "unit-shape": with_units("  万立方米: 10000"),
    "units-shape": registry_text().replace("sections:", "units: [a]\nsections:"),
    "sections-shape": registry_text().replace(
        "sections:\n  二: {zh: 主要预期目标, en: Main targets}", "sections: [二]"
    ),
    "section-keys": registry_text().replace("en: Main targets", "en: Main, note: x"),
    "targets-shape": registry_text("  gdp_growth\n").replace("targets:\n", "targets: "),
    "entry-shape": registry_text("  - gdp_growth\n"),
    "registry-shape": "- a\n- b\n",
    "registry-keys": registry_text() + "extra: 1\n",
    "unhashable-key": registry_text(entry() + "    [a, b]: 1\n"),
    "seed-empty": registry_text().replace("seed: seed.txt", 'seed: ""'),
    "seed-missing-file": registry_text().replace("seed: seed.txt", "seed: gone.txt"),
    "not-yaml": registry_text() + "  - id: [unclosed\n",
    "alias": registry_text() + "x: &a 1\ny: *a\n",
    "bands": registry_text() + "bands: [30, 10]\n",
    "markup": registry_text().replace("title_zh: 报告", 'title_zh: "[link=http://x]报告[/link]"'),
    **{
        f"unknown-{key}": registry_text(entry(**{key: "sideways"}))
        for key in CHOICE_KEYS
        if key != "entered_as"
    },
    "unknown-entered_as": registry_text(entry(comparator="at_least", entered_as="sideways")),
    "yes-no-other": registry_text(
        entry(comparator="faster_than", tolerance="", value="", other="done_thing")
        + "  - {id: done_thing, section: 二, quote: 今年, name_zh: 事, name_en: thing,\n"
        + "     unit: 是/否, comparator: done, kind: yesno, released: yearly}\n"
    ),
    "unknown-text": registry_text(entry(text="full")),
    "text-unreadable": registry_text().replace(
        "seed: seed.txt", "seed: seed.txt\n  texts: {full: gone.md}"
    ),
    "text-name": registry_text().replace(
        "seed: seed.txt", "seed: seed.txt\n  texts: {Full: seed.txt}"
    ),
    "baseline-after": registry_text(entry(baseline="{year: 2023, same_period: x}")),
    "too-deep": "a: " + "[" * 30 + "]" * 30 + "\n",
    "too-long": registry_text(entry(value="1" * 5000)),
    "rank-zero": registry_text(entry(comparator="rank_within", tolerance="", value="0")),
    "milestone-twice": registry_text(
        entry(pacing="milestones", milestones='{"2023-06": 3, "2023-Q2": 3}')
    ),
    "path-past": registry_text(
        entry(
            comparator="at_least",
            tolerance="",
            kind="stock",
            pacing="path",
            baseline="{value: 6, year: 2022, quote: 增长6%左右}",
        )
    ),
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "seed.txt").write_text(SEED, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name", sorted(BROKEN_REGISTRIES))
def test_a_registry_problem_is_said_in_chinese(folder: Path, name: str) -> None:
    path = folder / "targets.yaml"
    path.write_text(BROKEN_REGISTRIES[name], encoding="utf-8")
    assert assert_chinese(registry_problems(path))


def file_problems(folder: Path) -> list[Problem]:
    """Registry problems of files that cannot be read, or are too large, as YAML."""
    found = registry_problems(folder / "gone.yaml")
    (folder / "latin.yaml").write_bytes(b"report: \xff\n")
    found += registry_problems(folder / "latin.yaml")
    huge = folder / "huge.yaml"
    with huge.open("wb") as stream:
        stream.truncate(limits.MAX_REGISTRY_BYTES + 1)
    found += registry_problems(huge)
    return found


def test_every_registry_code_is_sampled_and_said_in_chinese(folder: Path) -> None:
    seen = set(assert_chinese(file_problems(folder)))
    for name, text in BROKEN_REGISTRIES.items():
        path = folder / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        seen |= {p.code for p in registry_problems(path)}
    registry_codes = {c for c in raised_codes() if c.startswith("registry-")}
    assert sorted(registry_codes - seen) == []


def test_the_where_of_a_registry_problem_is_said_in_chinese(folder: Path) -> None:
    path = folder / "targets.yaml"
    path.write_text(BROKEN_REGISTRIES["baseline-no-quote"], encoding="utf-8")
    (problem,) = registry_problems(path)
    assert message(problem, "zh") == "目标 gdp_growth 的基期:基期数值须附上其出处原文(quote)"
    path.write_text(BROKEN_REGISTRIES["unit-factor"], encoding="utf-8")
    (problem,) = registry_problems(path)
    assert message(problem, "zh") == "单位 万立方米:factor 应为正数"
    path.write_text(BROKEN_REGISTRIES["unknown-kind"], encoding="utf-8")
    (problem,) = registry_problems(path)
    assert message(problem, "zh") == (
        "目标 gdp_growth:sideways 不是可选值之一(可选:rate, cumulative, stock, yesno)"
    )


def workbook(path: Path, *sheets: list[list[object]]) -> Path:
    book = Workbook()
    first = book.active
    assert first is not None
    for index, rows in enumerate(sheets):
        sheet = first if index == 0 else book.create_sheet(f"S{index + 1}")
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def actuals_problems(paths: list[Path], registry: Registry) -> list[Problem]:
    try:
        return list(read_actuals(paths, registry).warnings)
    except ReportcheckError as error:
        return list(error.problems)


HEAD: list[object] = ["id", "period", "value"]
ROW = "id,period,value\ngdp_growth,2023-06,5.7\n"


def test_every_actuals_problem_is_said_in_chinese(tmp_path: Path, registry: Registry) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    rows = {
        "digits.csv": f"id,period,value\ngdp_growth,2023-06,1.12345678901\n"
        f"gdp_growth,2023-07,12345678901234567\ngdp_growth,2023-08,{'1' * 70}\n",
        "values.csv": "id,period,value,note\ngdp_growth,2023-06,5.7%\ngdp_growth,soon,x\n"
        "nothing,2023-06,1\n,2023-06,1\ngdp_growth,2022-06,5\ngdp_growth,,5\n"
        "gdp_growth,2023-06,5.7,a,b\n\n",
        "dup.csv": "id,period,value,value,colour\n",
        "empty.csv": "",
        "header.csv": "id,period,value\n",
        "wide.csv": ",".join(["id", "period", "value"] + ["x"] * limits.MAX_COLUMNS) + "\n",
        "cell.csv": f"id,period,value,note\ngdp_growth,2023-06,5.7,{'长' * 40000}\n",
        "rows.csv": "id,period,value\n" + "a,b,c\n" * limits.MAX_ROWS,
        "lacks.csv": "name,value\n",
        "utf16.csv": "",
    }
    for name, text in rows.items():
        (bad / name).write_text(text, encoding="utf-8")
    (bad / "utf16.csv").write_bytes("id,period,value\n".encode("utf-16"))
    (bad / "gbk.csv").write_bytes(b"\x80\x80\xff\xfe\x00id\n")
    (bad / "mixed.csv").write_bytes(
        "id,period,value,note\ngdp_growth,2023-06,5.7,增长\n".encode()
        + "gdp_growth,2023-07,5.8,增长\n".encode("gbk")
    )
    (bad / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with zipfile.ZipFile(bad / "zip.csv", "w") as archive:
        archive.writestr("a.txt", "a")
    with (bad / "big.csv").open("wb") as stream:
        stream.truncate(limits.MAX_FILE_BYTES + 1)
    workbook(bad / "f.xlsx", [HEAD, ["gdp_growth", "2023-06", "=1+4.7"]])
    workbook(bad / "s.xlsx", [HEAD, ["gdp_growth", "2023-06", 5.7]], [["增速", 8.1]], [["说明"]])
    problems = []
    for path in sorted(bad.iterdir()):
        problems += [p for t in read_tables(path) for p in t.problems]
        problems += actuals_problems([path], registry)
    year = tmp_path / "year"
    year.mkdir()
    (year / "2022-06.csv").write_text(ROW.replace("2023", "2022"), encoding="utf-8")
    (year / "2023-06.csv").write_text(ROW, encoding="utf-8")
    (year / "blank.csv").write_text("id,period,value\ngdp_growth,2023-06,\n", encoding="utf-8")
    (year / "2023-07.et").write_bytes(b"x")
    (year / "notes.docx").write_bytes(b"x")
    (year / ".hidden.csv").write_text(ROW, encoding="utf-8")
    (year / "sub").mkdir()
    (year / "~$lock.xlsx").write_bytes(b"x")
    (year / "readme.txt").write_text("说明\n", encoding="utf-8")
    (year / "broken.csv").symlink_to(year / "gone.csv")
    (year / "loop.csv").symlink_to(year / "loop.csv")
    problems += actuals_problems(table_paths(year), registry)
    blank = tmp_path / "blank.csv"
    blank.write_text("id,period,value\ngdp_growth,2023-06,\n", encoding="utf-8")
    problems += actuals_problems([blank], registry)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "a.xls").write_bytes(b"x")
    problems += actuals_problems(table_paths(empty), registry)
    codes = set(assert_chinese(problems))
    assert {
        "too-large",
        "formula-without-value",
        "sheet-without-header",
        "skipped",
        "no-figures",
        "no-actuals",
        "not-a-number",
        "unknown-id",
    } <= codes


@pytest.mark.parametrize("bands", ["x", "-1", "30,10"])
def test_a_bad_bands_option_is_said_in_chinese(bands: str) -> None:
    with pytest.raises(ReportcheckError) as caught:
        _bands(bands)
    assert assert_chinese(caught.value.problems) == ["bad-bands"]
