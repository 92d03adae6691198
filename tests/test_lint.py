"""`reportcheck lint`: each check of the schema and of the evidence fails on a registry that
breaks it, with its line; lint reports what the loader finds, and warnings besides."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reportcheck.output.catalogue import message
from reportcheck.registry.lint import LintReport, lint_registry

from .conftest import REPO, Run

Cli = Callable[..., Run]

REPORT = """一、2022年工作回顾
地区生产总值增长3.3%,城乡居民收入倍差缩小至1.61。
二、2023年工作安排
主要预期目标为:地区生产总值增长6.5%左右,城乡居民收入倍差进一步缩小,城镇调查失业率控制在5%以内,\
新增上市公司6家,引进大学生9万名以上,确保新增财力的三分之二以上用于民生,实施“1113”工程。
"""

REGISTRY = """\
report:
  city_zh: 某市
  city_en: A city
  year: 2023
  title_zh: 政府工作报告
  title_en: Work report
  date: "2023-02-01"
  source: test
  seed: report.txt
sections:
  二: {zh: 主要预期目标, en: Main targets}
targets:
  - id: gdp_growth
    section: 二
    quote: 地区生产总值增长6.5%左右
    name_zh: 地区生产总值增速
    name_en: GDP growth
    unit: "%"
    comparator: about
    value: 6.5
    tolerance: 0.5
    kind: rate
    released: quarterly
    baseline: {value: 3.3, year: 2022, quote: 地区生产总值增长3.3%}
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
  - id: unemployment
    section: 二
    quote: 城镇调查失业率控制在5%以内
    name_zh: 城镇调查失业率
    name_en: Unemployment rate
    unit: "%"
    comparator: at_most
    value: 5
    kind: rate
    released: monthly
  - id: listed_companies
    section: 二
    quote: 新增上市公司6家
    name_zh: 新增上市公司
    name_en: New listed companies
    unit: 家
    comparator: at_least
    value: 6
    kind: cumulative
    released: monthly
  - id: graduates
    section: 二
    quote: 引进大学生9万名以上
    name_zh: 引进大学生
    name_en: Graduates attracted
    unit: 万人
    comparator: at_least
    value: 9
    kind: cumulative
    released: monthly
  - id: livelihood_share
    section: 二
    quote: 确保新增财力的三分之二以上用于民生
    name_zh: 新增财力用于民生比例
    name_en: Share of new revenue for livelihoods
    unit: "%"
    comparator: at_least
    value: "200/3"
    kind: rate
    released: yearly
not_commitments:
  - {span: 二、2023年工作安排, reason: the heading's year}
  - {span: “1113”工程, reason: programme name}
"""


def lint(tmp_path: Path, registry: str = REGISTRY, report: str = REPORT) -> LintReport:
    (tmp_path / "report.txt").write_text(report, encoding="utf-8")
    path = tmp_path / "registry.yaml"
    path.write_text(registry, encoding="utf-8")
    return lint_registry(path)


def edited(old: str, new: str, registry: str = REGISTRY) -> str:
    assert old in registry, old
    return registry.replace(old, new, 1)


def codes(found: LintReport) -> list[tuple[str, str, int | None]]:
    return [(p.code, p.severity, p.line) for p in found.problems]


def test_a_sound_registry_is_clean(tmp_path: Path) -> None:
    found = lint(tmp_path)
    assert codes(found) == []
    assert found.entries == 6
    assert not found.failed(strict=True)


# (what to change, the code it must raise, its severity, the text of the line it must name)
CASES = [
    (
        "quote: 新增上市公司6家",
        "quote: 新增上市公司6 家",
        "registry-quote-not-in-report",
        "error",
        "6 家",
    ),
    ("quote: 新增上市公司6家", 'quote: ""', "registry-empty", "error", 'quote: ""'),
    ("value: 6.5", "value: 65", "value-not-in-quote", "error", "value: 65"),
    ("unit: 万人", "unit: 人", "value-not-in-quote", "error", "value: 9"),
    ("value: 9\n", "value: 90000\n", "value-not-in-quote", "error", "value: 90000"),
    ('value: "200/3"', 'value: "3/4"', "value-not-in-quote", "error", "3/4"),
    ('value: "200/3"', 'value: "two thirds"', "registry-type", "error", "two thirds"),
    (
        "    comparator: at_most\n    value: 5\n",
        "    comparator: at_most\n",
        "registry-rule",
        "error",
        "id: unemployment",
    ),
    ("comparator: at_most", "comparator: below", "registry-unknown-comparator", "error", "below\n"),
    (
        "comparator: at_most",
        "comparator: at_least",
        "wording-mismatch",
        "error",
        "comparator: at_least\n    value: 5",
    ),
    (
        "    comparator: about\n    value: 6.5\n    tolerance: 0.5\n",
        "    comparator: at_least\n    value: 6.5\n",
        "wording-mismatch",
        "warning",
        "comparator: at_least\n    value: 6.5",
    ),
    ("unit: 家", "unit: 家族", "registry-unknown-unit", "error", "家族"),
    ("id: graduates", "id: Graduates", "registry-bad-id", "error", "Graduates"),
    (
        "id: graduates",
        "id: listed_companies\n",
        "registry-duplicate-id",
        "error",
        "listed_companies\n\n",
    ),
    (
        "section: 二\n    quote: 新增",
        "section: 三\n    quote: 新增",
        "registry-unknown-section",
        "error",
        "section: 三",
    ),
    ("name_en: New listed companies", 'name_en: ""', "registry-empty", "error", 'name_en: ""'),
    # names the drafter left: a placeholder, or a name cut out of its sentence
    (
        "name_en: New listed companies",
        'name_en: "item 11"',
        "placeholder-name",
        "warning",
        'name_en: "item 11"',
    ),
    (
        "id: listed_companies\n    section: 二\n    quote: 新增上市公司6家\n"
        "    name_zh: 新增上市公司\n    name_en: New listed companies",
        "id: listed_companies_2\n    section: 二\n    quote: 新增上市公司6家\n"
        "    name_zh: 新增上市公司\n    name_en: listed companies 2",
        "placeholder-name",
        "warning",
        "name_en: listed companies 2",
    ),
    (
        "name_zh: 新增上市公司\n",
        "name_zh: 粮食播种面积和产量分别达到120.3万亩以上、\n",
        "name-cut",
        "warning",
        "name_zh: 粮食",
    ),
    (
        "name_zh: 新增上市公司\n",
        "name_zh: 单位能耗和碳排放分别下降10%、\n",
        "name-cut",
        "warning",
        "name_zh: 单位",
    ),
    ("name_zh: 新增上市公司\n", "name_zh: 新增上市公司和\n", "name-cut", "warning", "公司和"),
    ("name_zh: 新增上市公司\n", "name_zh: 上市公司分别\n", "name-cut", "warning", "司分别"),
    ("name_zh: 新增上市公司\n", "name_zh: “新增上市公司\n", "name-cut", "warning", "“新增"),
    ("kind: cumulative", "kind: flow", "registry-unknown-kind", "error", "flow"),
    ("released: yearly", "released: weekly", "registry-unknown-released", "error", "weekly"),
    (
        "    released: yearly\n",
        "    released: yearly\n    due: 2050\n",
        "registry-due",
        "error",
        "2050",
    ),
    (
        "    released: yearly\n",
        "    released: yearly\n    due: soon\n",
        "registry-due",
        "error",
        "soon",
    ),
    (
        "    released: yearly\n",
        "    released: yearly\n    other: nothing\n",
        "registry-rule",
        "error",
        "nothing",
    ),
    (
        "    released: yearly\n",
        "    released: yearly\n    pacing: weekly\n",
        "registry-unknown-pacing",
        "error",
        "pacing",
    ),
    (
        "    released: yearly\n",
        "    released: yearly\n    entered_as: signed\n",
        "registry-unknown-entered_as",
        "error",
        "entered_as",
    ),
    (
        "    released: yearly\n",
        "    released: yearly\n    role: promise\n",
        "registry-unknown-role",
        "error",
        "role: promise",
    ),
    ("tolerance: 0.5\n", "tolerance: -1\n", "registry-rule", "error", "tolerance: -1"),
    (
        "    released: yearly\n",
        '    released: yearly\n    milestones: {"2023-06": 50}\n',
        "registry-pacing",
        "error",
        "milestones",
    ),
    (
        "    baseline: {value: 1.61, year: 2022, quote: 城乡居民收入倍差缩小至1.61}\n",
        "",
        "registry-rule",
        "error",
        "id: income_ratio",
    ),
    (
        "quote: 城乡居民收入倍差缩小至1.61",
        "quote: 城乡居民收入倍差缩小至1.6",
        "value-not-in-quote",
        "error",
        "至1.6}",
    ),
    (
        "quote: 城乡居民收入倍差缩小至1.61",
        "quote: 城乡居民收入倍差缩小为1.61",
        "registry-quote-not-in-report",
        "error",
        "缩小为",
    ),
    (
        "year: 2022, quote: 城乡",
        "year: 2023, quote: 城乡",
        "registry-baseline-year",
        "error",
        "year: 2023, quote",
    ),
    (
        "baseline: {value: 3.3, year: 2022, quote: 地区生产总值增长3.3%}",
        "baseline: {value: 6.5, year: 2022, quote: 地区生产总值增长6.5%}",
        "baseline-in-plan",
        "warning",
        "value: 6.5, year",
    ),
    ("span: “1113”工程", "span: “1114”工程", "not-commitment-stale", "warning", "1114"),
    ("reason: programme name", 'reason: ""', "registry-empty", "error", 'reason: ""'),
    ("  seed: report.txt\n", "", "registry-missing-key", "error", "city_zh"),
    ("  seed: report.txt\n", '  seed: ""\n', "registry-seed-missing", "error", 'seed: ""'),
    ("seed: report.txt", "seed: missing.txt", "registry-seed-unreadable", "error", "missing.txt"),
    ("year: 2023\n  title", "year: this year\n  title", "registry-type", "error", "this year"),
    (
        "sections:\n  二: {zh: 主要预期目标, en: Main targets}\n",
        "",
        "registry-missing-key",
        "error",
        "report:",
    ),
    (
        "    released: yearly\n",
        "    released: yearly\n    colour: red\n",
        "registry-unknown-key",
        "error",
        "colour",
    ),
    ("report:\n", "extra: 1\nreport:\n", "registry-unknown-key", "error", "extra"),
    (
        "report:\n",
        "units: {亿斤: {family: jin}}\nreport:\n",
        "registry-missing-key",
        "error",
        "units:",
    ),
    ("report:\n", "units: [亿斤]\nreport:\n", "registry-shape", "error", "units:"),
    (
        "not_commitments:\n",
        "not_commitments: 3\nxx:\n",
        "registry-shape",
        "error",
        "not_commitments: 3",
    ),
    (
        "    comparator: at_most\n",
        "    comparator: at_most\n    tolerance: 1\n",
        "registry-rule",
        "error",
        "tolerance: 1",
    ),
    (
        "二: {zh: 主要预期目标, en: Main targets}",
        "二: 主要预期目标",
        "registry-shape",
        "error",
        "二: 主要预期目标",
    ),
]


def line_of(registry: str, text: str) -> int:
    return registry[: registry.index(text)].count("\n") + 1


@pytest.mark.parametrize(("old", "new", "code", "severity", "at"), CASES)
def test_each_broken_registry_names_its_problem_and_line(
    tmp_path: Path, old: str, new: str, code: str, severity: str, at: str
) -> None:
    registry = edited(old, new)
    found = lint(tmp_path, registry)
    assert (code, severity, line_of(registry, at)) in codes(found)


def test_a_number_no_entry_covers_is_said_at_the_reports_line(tmp_path: Path) -> None:
    registry = edited("  - {span: “1113”工程, reason: programme name}\n", "")
    [found] = lint(tmp_path, registry).problems
    assert (found.code, found.file, found.line, found.value) == (
        "number-uncovered",
        str(tmp_path / "report.txt"),
        4,
        "1113",
    )


def test_a_commitment_quoted_from_the_review_is_a_warning(tmp_path: Path) -> None:
    report = REPORT.replace("新增上市公司6家,", "").replace(
        "缩小至1.61。", "缩小至1.61,新增上市公司6家。"
    )
    found = lint(tmp_path, REGISTRY, report)
    assert codes(found) == [("quote-in-review", "warning", line_of(REGISTRY, "quote: 新增"))]


def test_a_stale_span_is_only_a_warning_but_what_it_left_is_an_error(tmp_path: Path) -> None:
    registry = edited("span: “1113”工程", "span: “1114”工程")
    found = {(p.code, p.severity) for p in lint(tmp_path, registry).problems}
    assert found == {("not-commitment-stale", "warning"), ("number-uncovered", "error")}


def test_a_declared_unit_is_known(tmp_path: Path) -> None:
    registry = edited("unit: 家\n", "unit: 亿斤\n")
    registry = edited("新增上市公司6家", "粮食产能稳定在1100亿斤以上", registry)
    registry = edited("value: 6\n", "value: 1100\n", registry)
    report = REPORT.replace("新增上市公司6家", "粮食产能稳定在1100亿斤以上")
    assert "registry-unknown-unit" in [c for c, _, _ in codes(lint(tmp_path, registry, report))]
    declared = "units:\n  亿斤: {family: jin, factor: 100000000, en: 100M jin}\n" + registry
    assert codes(lint(tmp_path, declared, report)) == []


def test_the_closest_span_and_first_difference_are_shown(tmp_path: Path) -> None:
    """A quote typed with an ASCII comma where the report has a full-width one."""
    report = REPORT.replace("增长6.5%左右", "增长6.5%左右\uff0c力争7%")
    registry = edited("quote: 地区生产总值增长6.5%左右", "quote: 地区生产总值增长6.5%左右,力争7%")
    found = lint(tmp_path, registry, report)
    [problem] = [p for p in found.problems if p.code == "registry-quote-not-in-report"]
    assert message(problem, "en") == (
        "target gdp_growth: is not verbatim in the report; closest "
        "'地区生产总值增长6.5%左右\uff0c力争7%', first difference at character 15 "
        "(',' U+002C where the text has '\uff0c' U+FF0C)"
    )
    assert codes(found) == [("registry-quote-not-in-report", "error", 15)]  # nothing else


def test_a_baseline_quote_shows_its_first_difference_too(tmp_path: Path) -> None:
    registry = edited("quote: 城乡居民收入倍差缩小至1.61}", "quote: 城乡居民收入倍差缩小到1.61}")
    found = lint(tmp_path, registry, REPORT)
    [problem] = [p for p in found.problems if p.code == "registry-quote-not-in-report"]
    said = message(problem, "en")
    assert said.startswith("target income_ratio baseline: is not verbatim in the report")
    assert said.endswith("('到' U+5230 where the text has '至' U+81F3)")
    assert "第 11 个字符不同('到' U+5230,原文为 '至' U+81F3)" in message(problem, "zh")


GRADUATES = """\
  - id: {ident}
    section: 二
    quote: 引进大学生9万名以上
    name_zh: {name}
    name_en: Graduates attracted
    unit: 万人
    comparator: at_least
    value: 9
    kind: cumulative
    released: monthly
"""


def test_a_registry_that_cannot_be_read_is_said_in_chinese(tmp_path: Path, cli: Cli) -> None:
    missing = tmp_path / "nothere.yaml"
    result = cli("lint", str(missing), "--lang", "zh")
    assert result.exit_code == 2
    assert result.stdout == f"reportcheck: 错误: {missing}: 文件不存在 [registry-unreadable]\n"


def test_one_promise_entered_twice_is_a_warning(tmp_path: Path) -> None:
    twice = edited(
        "not_commitments:",
        GRADUATES.format(ident="graduates_again", name="引进大学生") + "not_commitments:",
    )
    found = lint(tmp_path, twice)
    assert codes(found) == [("entry-repeated", "warning", line_of(twice, "graduates_again") + 2)]
    assert message(found.problems[0], "en") == (
        "target graduates_again: the same quote, rule, value and name as graduates; one promise "
        "entered twice?"
    )
    other_subject = edited(
        "not_commitments:",
        GRADUATES.format(ident="graduates_b", name="引进研究生") + "not_commitments:",
    )
    assert codes(lint(tmp_path, other_subject)) == []


def test_every_problem_of_a_file_in_one_run(tmp_path: Path) -> None:
    registry = edited("value: 6.5", "value: 65")
    registry = edited("id: graduates", "id: Graduates", registry)
    registry = edited("unit: 家", "unit: 家族", registry)
    found = lint(tmp_path, registry)
    assert {p.code for p in found.problems} == {
        "value-not-in-quote",
        "registry-bad-id",
        "registry-unknown-unit",
    }
    assert found.errors == 3


@pytest.mark.parametrize("name", ["about_baseline", "about_other", '"yes"'])
def test_the_earlier_comparator_names_are_refused_as_every_command_refuses_them(
    tmp_path: Path, name: str
) -> None:
    registry = edited("comparator: below_baseline", f"comparator: {name}")
    line = line_of(registry, f"comparator: {name}")
    assert codes(lint(tmp_path, registry)) == [("registry-unknown-comparator", "error", line)]


def test_a_range_needs_both_ends_in_its_quote(tmp_path: Path) -> None:
    report = REPORT.replace("增长6.5%左右", "增长6%—6.5%")
    registry = edited("quote: 地区生产总值增长6.5%左右", "quote: 地区生产总值增长6%—6.5%")
    registry = edited(
        "comparator: about\n    value: 6.5\n    tolerance: 0.5",
        "comparator: range\n    value: [6, 6.5]",
        registry,
    )
    assert codes(lint(tmp_path, registry, report)) == []
    wrong = edited("value: [6, 6.5]", "value: [6, 7]", registry)
    assert codes(lint(tmp_path, wrong, report)) == [("value-not-in-quote", "error", 20)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("report: [unclosed", "registry-yaml"),
        ("report: &a {year: 2023}\nsections: *a\n", "registry-yaml"),
        ("report: !!python/object:os.system {}\n", "registry-yaml"),
        ("report: !!python/object/apply:os.system ['true']\n", "registry-yaml"),
        ("report: {}\nreport: {}\n", "registry-duplicate-key"),
        ("- just\n- a list\n", "registry-shape"),
        ("report: {}\nsections: {二: {zh: a, en: b}}\n", "registry-missing-key"),
    ],
)
def test_yaml_that_is_not_plain_data_is_refused(tmp_path: Path, text: str, code: str) -> None:
    assert code in {p.code for p in lint(tmp_path, text).problems}


def test_an_unreadable_registry_is_one_problem(tmp_path: Path) -> None:
    found = lint_registry(tmp_path / "none.yaml")
    assert [p.code for p in found.problems] == ["registry-unreadable"]


def test_a_gb18030_report_is_read(tmp_path: Path) -> None:
    path = tmp_path / "registry.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "report.txt").write_bytes(REPORT.encode("gb18030"))
    assert codes(lint_registry(path)) == []


def test_cli_exit_codes_clean_error_and_strict_warning(tmp_path: Path, cli: Cli) -> None:
    lint(tmp_path)
    path = str(tmp_path / "registry.yaml")
    clean = cli("lint", path)
    assert (clean.exit_code, clean.stdout) == (0, "")
    assert "6 entries, 0 errors, 0 warnings" in clean.stderr

    registry = edited(
        "  - id: graduates\n", "  # check: a guess of the drafter\n  - id: graduates\n"
    )
    lint(tmp_path, registry)
    warned = cli("lint", path)
    assert warned.exit_code == 0
    line = line_of(registry, "# check:")
    assert warned.stdout == (
        f"reportcheck: warning: {path}:{line}: a `# check:` line of the draft is left; check the "
        "guess, then delete the line [draft-check-left]\n"
    )
    chinese = cli("lint", path, "--lang", "zh")
    assert chinese.stdout == (
        f"reportcheck: 警告: {path}:{line}: 起草时留下的待核行(# check:)尚未处理;核对后删除该行 "
        "[draft-check-left]\n"
    )
    assert chinese.stderr == "reportcheck: 6 项,0 个错误,1 个警告\n"
    assert cli("lint", path, "--strict").exit_code == 2
    assert cli("targets", "--targets", path).exit_code == 0  # a warning does not refuse it

    lint(tmp_path, edited("value: 6.5", "value: 65"))
    broken = cli("lint", path)
    assert broken.exit_code == 2
    assert broken.stdout == (
        f"reportcheck: error: {path}:20: column value: target gdp_growth: 65 % is not a number of "
        "its quote 地区生产总值增长6.5%左右 [value-not-in-quote]\n"
    )
    refused = cli("targets", "--targets", path)
    closing = "reportcheck: 1 error in 1 file; nothing listed\n"
    assert (refused.exit_code, refused.stderr) == (2, broken.stdout + closing)


def test_control_characters_from_the_registry_are_escaped(tmp_path: Path, cli: Cli) -> None:
    registry = edited("id: graduates", 'id: "\\e[31mred"')
    lint(tmp_path, edited("unit: 万人", "unit: 万只", registry))
    result = cli("lint", str(tmp_path / "registry.yaml"))
    assert "\x1b" not in result.stdout
    assert "\\x1b[31mred" in result.stdout


def test_the_shipped_registry_lints_clean_from_the_command_line(cli: Cli) -> None:
    result = cli("lint", str(REPO / "data" / "targets.yaml"), "--strict")
    assert result.exit_code == 0
    assert "172 entries, 0 errors, 0 warnings" in result.stderr


def test_a_registry_without_targets_is_told_so_once_without_knock_on_numbers(
    tmp_path: Path,
) -> None:
    head, _, rest = REGISTRY.partition("targets:\n")
    registry = head + "not_commitments:" + rest.partition("not_commitments:")[2]
    found = lint(tmp_path, registry)
    assert [(p.code, p.line, p.column) for p in found.problems] == [
        ("registry-missing-key", 1, "targets")
    ]
    # the list that is there is still checked
    found = lint(tmp_path, registry.replace("reason: programme name", 'reason: ""'))
    assert ("registry-empty", "error", line_of(registry, "reason: programme")) in codes(found)
    # a key with no list says so once, at its line; an empty list covers nothing
    found = lint(
        tmp_path, head + "targets:\n" + "not_commitments:" + rest.split("not_commitments:")[1]
    )
    assert [(p.code, p.line) for p in found.problems] == [
        ("registry-shape", line_of(registry, "not_commitments:"))
    ]
    found = lint(
        tmp_path, head + "targets: []\nnot_commitments:" + rest.split("not_commitments:")[1]
    )
    assert {p.code for p in found.problems} == {"number-uncovered"}


def test_max_errors_caps_the_findings_listed_errors_first_and_counts_the_rest(
    tmp_path: Path, cli: Cli
) -> None:
    head, _, rest = REGISTRY.partition("  - id: unemployment")
    registry = head.replace("  - id: gdp_growth", "  # check: a guess\n  - id: gdp_growth")
    lint(tmp_path, registry + "not_commitments:" + rest.partition("not_commitments:")[2])
    path = str(tmp_path / "registry.yaml")
    every = cli("lint", path).stdout.splitlines()
    assert [line.rsplit(" ", 1)[-1] for line in every] == ["[draft-check-left]"] + [
        "[number-uncovered]"
    ] * 4
    capped = cli("lint", path, "--max-errors", "2")
    assert capped.exit_code == 2
    assert capped.stdout.splitlines() == every[1:3]  # the errors before the warning
    assert capped.stderr.splitlines() == [
        "reportcheck: ... and 3 more problems not listed (the first 2 are shown)",
        "reportcheck: 2 entries, 4 errors, 1 warnings",
    ]
    none = cli("--max-errors", "0", "lint", path)
    assert (none.exit_code, none.stdout) == (2, "")
    assert "5 more problems not listed" in none.stderr
    assert cli("lint", path, "--max-errors", "5").stdout.splitlines() == every


def test_a_draft_renamed_but_with_the_drafters_names_left_fails_strict(
    tmp_path: Path, cli: Cli
) -> None:
    """Ids renamed by a reviewer, names still the drafter's: not reviewed."""
    registry = edited("name_en: New listed companies", 'name_en: "item 11"')
    registry = edited(
        "name_zh: 新增上市公司\n", "name_zh: 粮食播种面积和产量分别达到120.3万亩以上、\n", registry
    )
    lint(tmp_path, registry)
    path = str(tmp_path / "registry.yaml")
    warned = cli("lint", path)
    assert warned.exit_code == 0
    assert warned.stdout.splitlines() == [
        f"reportcheck: warning: {path}:{line_of(registry, '粮食播种')}: column name_zh: "
        "粮食播种面积和产量分别达到120.3万亩以上、 ends in '、', a name cut out of its sentence; "
        "name the one quantity of this entry [name-cut]",
        f"reportcheck: warning: {path}:{line_of(registry, 'item 11')}: column name_en: item 11 is "
        "a placeholder the drafter wrote; give the entry an id and an English name that say what "
        "it is [placeholder-name]",
    ]
    assert cli("lint", path, "--strict").exit_code == 2
    chinese = cli("lint", path, "--lang", "zh").stdout
    assert "以“、”结尾,是从句中截下的片段" in chinese


@pytest.mark.parametrize(
    "name",
    [
        "城镇居民人均可支配收入",
        "“千万工程”示范村",
        "研发投入（R&D）强度",
        "和美乡村",
        "新增财力用于民生比例",
    ],
)
def test_a_whole_name_is_no_cut_name(tmp_path: Path, name: str) -> None:
    found = lint(tmp_path, edited("name_zh: 新增上市公司\n", f"name_zh: {name}\n"))
    assert codes(found) == []


def test_a_wording_judged_no_commitment_is_listed_without_a_number(tmp_path: Path) -> None:
    """not_commitments records a wording of the plan read as no deliverable of the year, not only
    a number; a span that stands in no plan part is stale."""
    registry = edited(
        "not_commitments:\n", "not_commitments:\n  - {span: 城乡居民收入倍差进一步, reason: x}\n"
    )
    assert codes(lint(tmp_path, registry)) == []
    stale = edited("not_commitments:\n", "not_commitments:\n  - {span: 去年很好, reason: x}\n")
    assert codes(lint(tmp_path, stale)) == [
        ("not-commitment-stale", "warning", line_of(stale, "去年很好"))
    ]
