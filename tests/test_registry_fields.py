"""Registry fields that could make a wrong verdict are refused where they are read.

Each case is one registry value that was once accepted and judged wrongly (milestones above the
target, a baseline after the report's year, a path that runs backwards, a comparison with a
quantity of another unit, a rank of 0, a yes/no figure in 亿元, a 5,000-digit value), and each is
refused naming its field and line once, with nothing reported of what depends on it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest

from reportcheck.model.problems import RegistryError
from reportcheck.output.catalogue import one_line
from reportcheck.registry.load import load_registry

from .conftest import Run
from .test_registry_validation import SEED, registry_text

Cli = Callable[..., Run]

#: The plan of the report every case quotes; the review part holds last year's levels.
REPORT = (
    "一、2022年工作回顾\n贷款余额8800亿元,地区生产总值增长3.3%。\n"
    "二、今年工作安排\n贷款余额突破1万亿元,完成投资100亿元,地区生产总值增长6%左右,"
    "排名进入前25位,居民收入增长快于经济增长,建成通车某大桥,新增企业6家。\n"
)


def loan(**changes: str) -> str:
    """A stock promised as 突破1万亿元, paced along the path from last year's 8800亿元."""
    fields = {
        "id": "loans",
        "section": "二",
        "quote": "贷款余额突破1万亿元",
        "name_zh": "贷款余额",
        "name_en": "Loans",
        "unit": "亿元",
        "comparator": "more_than",
        "value": "10000",
        "kind": "stock",
        "released": "monthly",
        "pacing": "path",
        "baseline": "{value: 8800, year: 2022, quote: 贷款余额8800亿元}",
        **changes,
    }
    return _entry(fields)


def invest(**changes: str) -> str:
    """A flow of 100亿元 with a schedule of milestones."""
    fields = {
        "id": "invest",
        "section": "二",
        "quote": "完成投资100亿元",
        "name_zh": "投资",
        "name_en": "Investment",
        "unit": "亿元",
        "comparator": "at_least",
        "value": "100",
        "kind": "cumulative",
        "released": "monthly",
        "pacing": "milestones",
        "milestones": '{"2023-06": 40, "2023-09": 70}',
        **changes,
    }
    return _entry(fields)


def _entry(fields: dict[str, str]) -> str:
    lines = [f"    {key}: {value}" for key, value in fields.items() if value]
    return "  - " + "\n".join(lines)[4:] + "\n"


#: The other entries of the plan, each right, so that every number of the plan is covered.
REST = """\
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
  - id: rank
    section: 二
    quote: 排名进入前25位
    name_zh: 排名
    name_en: Rank
    unit: 位
    comparator: rank_within
    value: 25
    kind: rate
    released: yearly
  - id: income_growth
    section: 二
    quote: 居民收入增长快于经济增长
    name_zh: 居民收入增速
    name_en: Income growth
    unit: "%"
    comparator: faster_than
    other: gdp_growth
    kind: rate
    released: quarterly
  - id: bridge
    section: 二
    quote: 建成通车某大桥
    name_zh: 建成通车某大桥
    name_en: Bridge opened
    unit: 是/否
    comparator: done
    kind: yesno
    released: yearly
  - id: firms
    section: 二
    quote: 新增企业6家
    name_zh: 新增企业
    name_en: New firms
    unit: 家
    comparator: at_least
    value: 6
    kind: cumulative
    released: monthly
"""


@pytest.fixture
def refused(tmp_path: Path) -> Callable[..., list[str]]:
    """The problems of a registry of REST, the loans and the investment, one line each ([] when
    it loads)."""

    def load(
        loans: str | None = None,
        investment: str | None = None,
        rest: str = REST,
        report: str = REPORT,
    ) -> list[str]:
        (tmp_path / "seed.txt").write_text(report, encoding="utf-8")
        text = registry_text(rest + (loans or loan()) + (investment or invest()))
        path = tmp_path / "targets.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            load_registry(path)
        except RegistryError as error:
            return [one_line(p).replace(f"{tmp_path}/", "") for p in error.problems]
        return []

    return load


def test_the_cases_start_from_a_registry_that_loads(refused: Callable[..., list[str]]) -> None:
    assert refused() == []


@pytest.mark.parametrize(
    ("milestones", "said"),
    [
        (
            '{"2023-06": 40, "2023-09": 170}',
            "column milestones: target invest: a milestone of 170 must lie between 0 and the "
            "target 100 [registry-pacing]",
        ),
        (
            '{"2023-06": -5}',
            "column milestones: target invest: a milestone of -5 must lie between 0 and the "
            "target 100 [registry-pacing]",
        ),
        (
            '{"2023-06": 40, "2023-Q2": 45}',
            "column milestones: target invest: milestone 2023-Q2 is for the same period as "
            "2023-06; one per period [registry-pacing]",
        ),
        (
            '{"2023-06": 70, "2023-09": 40}',
            "column milestones: target invest: the milestone of 2023-09, 40, is below the one "
            "before it, 70; a schedule does not fall [registry-pacing]",
        ),
    ],
)
def test_a_schedule_lies_between_nothing_and_the_target_one_figure_a_period_never_falling(
    refused: Callable[..., list[str]], milestones: str, said: str
) -> None:
    [problem] = refused(investment=invest(milestones=milestones))
    line = problem.split(":")[1]
    assert problem == f"targets.yaml:{line}: {said}"


def test_quarterly_milestones_and_quarterly_dues_are_read_as_months(
    refused: Callable[..., list[str]],
) -> None:
    assert (
        refused(investment=invest(milestones='{"2023-Q2": 40, "2023-Q3": 70}', due='"2023-Q4"'))
        == []
    )


def test_a_baseline_is_of_a_year_before_the_reports(refused: Callable[..., list[str]]) -> None:
    """A path from a baseline of the report's own year had no months to run (ZeroDivisionError
    in every command); one after the report's year is no baseline at all."""
    for year in ("2023", "2024"):
        baseline = f"{{value: 8800, year: {year}, quote: 贷款余额8800亿元}}"
        [problem] = refused(loan(baseline=baseline))
        assert problem.endswith(
            "column year: target loans baseline: a baseline's year falls between 2008 and 2022, "
            "before the report's year [registry-baseline-year]"
        )


def test_no_command_divides_by_a_path_of_no_months(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "seed.txt").write_text(REPORT, encoding="utf-8")
    path = tmp_path / "targets.yaml"
    baseline = "{value: 8800, year: 2023, quote: 贷款余额8800亿元}"
    path.write_text(registry_text(REST + loan(baseline=baseline)), encoding="utf-8")
    actuals = tmp_path / "a.csv"
    actuals.write_text("id,period,value\nloans,2023-06,9500\n", encoding="utf-8")
    for args in (["targets"], ["diff", str(actuals)], ["show", "loans"], ["lint"]):
        given = [*args, str(path)] if args == ["lint"] else [*args, "--targets", str(path)]
        result = cli(*given)
        assert result.exit_code == 2, args
        assert "[registry-baseline-year]" in result.stdout + result.stderr


def test_a_path_from_a_baseline_past_the_target_is_refused(
    refused: Callable[..., list[str]],
) -> None:
    """A balance of 10,500 already past 突破1万亿元 makes a path that falls to the target, and a
    June figure below last year's would read as on track."""
    baseline = "{value: 10500, year: 2022, quote: 贷款余额10500亿元}"
    report = REPORT.replace("贷款余额8800亿元", "贷款余额10500亿元")
    [problem] = refused(loan(baseline=baseline), report=report)
    assert problem.endswith(
        "column pacing: target loans: the baseline level 10500 is at or past the target 10000 "
        "already, so a path to it runs backwards; use pacing direct or at_due [registry-pacing]"
    )


@pytest.mark.parametrize(
    ("other", "said"),
    [
        ("bridge", "bridge is a yes/no entry, which nothing is compared with"),
        ("firms", "firms is of kind cumulative and this entry of kind rate"),
        ("rank", "rank is in 位, which does not convert to this entry's %"),
    ],
)
def test_a_relative_target_compares_with_a_quantity_of_its_kind_and_unit(
    refused: Callable[..., list[str]], other: str, said: str
) -> None:
    rest = REST.replace("    other: gdp_growth\n", f"    other: {other}\n")
    [problem] = refused(rest=rest)
    assert f"column other: target income_growth: {said}" in problem


@pytest.mark.parametrize(("rank", "variant"), [("0", "least"), ("-3", "least"), ("2.5", "whole")])
def test_a_rank_is_a_whole_number_of_one_or_more(
    refused: Callable[..., list[str]], rank: str, variant: str
) -> None:
    rest = REST.replace("    value: 25\n", f"    value: {rank}\n").replace("前25位", f"前{rank}位")
    [problem] = refused(rest=rest, report=REPORT.replace("前25位", f"前{rank}位"))
    wanted = "takes 1 or more" if variant == "least" else "takes a whole number"
    assert problem.endswith(
        f"column value: target rank: comparator rank_within {wanted} [registry-rule]"
    )


def test_a_yes_no_entry_is_in_yes_no_and_only_it_is(refused: Callable[..., list[str]]) -> None:
    [problem] = refused(rest=REST.replace("    unit: 是/否\n", "    unit: 亿元\n"))
    assert problem.endswith(
        "column unit: target bridge: the unit 是/否 goes with kind yesno, and kind yesno only "
        "with it [registry-rule]"
    )
    done_as_rate = REST.replace("    kind: yesno\n", "    kind: rate\n")
    [problem] = refused(rest=done_as_rate)
    assert "column comparator: target bridge: the yes/no comparator (done) goes with" in problem
    at_least_as_yes_no = REST.replace(
        "    value: 6\n    kind: cumulative\n", "    value: 6\n    kind: yesno\n"
    )
    [problem] = refused(rest=at_least_as_yes_no)
    assert "column comparator: target firms: the yes/no comparator (done) goes with" in problem


def test_a_five_thousand_digit_value_is_a_clear_error(refused: Callable[..., list[str]]) -> None:
    huge = REST.replace(
        "    value: 6\n    kind: cumulative", f"    value: {'1' * 5000}\n    kind: c"
    )
    [problem] = refused(rest=huge.replace("    kind: c\n", "    kind: cumulative\n"))
    assert problem.endswith(
        "column value: target firms: a number of 5000 characters; a registry's numbers are "
        "written in at most 48 [registry-type]"
    )


#: A figure of 31 digits the report itself writes, so that only its length is wrong; and the
#: largest a figure may have.
LONG, LONGEST = "1234567890123456789012345678901", "9999999999999999.9999999999"


def firms(value: str, rest: str = REST) -> tuple[str, str]:
    """The registry's other entries and the report, with 新增企业 promising `value` 家."""
    rest = rest.replace("新增企业6家", f"新增企业{value}家")
    rest = rest.replace("value: 6\n    kind: cumulative", f"value: {value}\n    kind: cumulative")
    return rest, REPORT.replace("新增企业6家", f"新增企业{value}家")


@pytest.mark.parametrize(
    ("rest", "said"),
    [
        (
            REST,
            "column value: target firms: 31 digits before the decimal point; a registry's "
            "numbers, like figures, have at most 16 [registry-type]",
        ),
        (
            REST.replace("tolerance: 0.5", "tolerance: 0.50000000000000000000000000001"),
            "column tolerance: target gdp_growth: 29 digits after the decimal point; a "
            "registry's numbers, like figures, have at most 10, and are never rounded "
            "[registry-type]",
        ),
        (
            REST.replace(
                "value: 6\n    tolerance",
                'value: "60000000000000000000/10000000000000000000"\n    tolerance',
            ),
            "column value: target gdp_growth: 20 digits before the decimal point; a registry's "
            "numbers, like figures, have at most 16 [registry-type]",
        ),
    ],
)
def test_a_number_beyond_a_figures_digits_is_refused_at_its_line(
    refused: Callable[..., list[str]], rest: str, said: str
) -> None:
    rest, report = firms(LONG, rest) if rest == REST else (rest, REPORT)
    problems = refused(rest=rest, report=report)
    line = int(problems[0].split(":")[1])
    assert problems == [f"targets.yaml:{line}: {said}"]
    text = registry_text(rest)
    assert text.splitlines()[line - 1].split(":")[0].strip() in said


def test_a_number_of_a_figures_digits_and_trailing_zeros_is_read(
    refused: Callable[..., list[str]],
) -> None:
    rest, report = firms(LONGEST)
    assert refused(rest=rest, report=report) == []
    assert refused(rest=REST.replace("tolerance: 0.5", "tolerance: 0.5" + "0" * 30)) == []


@pytest.mark.parametrize(
    "command",
    [
        ("diff", "{actuals}"),
        ("status", "--actuals", "{actuals}"),
        ("show", "firms", "--actuals", "{actuals}"),
        ("report", "--actuals", "{actuals}", "-o", "{out}"),
        ("targets",),
        ("template", "-o", "{out}.csv"),
    ],
)
def test_every_command_refuses_a_value_beyond_a_figures_digits_and_judges_one_within(
    tmp_path: Path, cli: Cli, command: tuple[str, ...]
) -> None:
    """A value of 31 digits once passed lint and crashed diff, status and report (Decimal's 28
    digits): it is refused at its line; the largest value within the limits is judged."""
    actuals = tmp_path / "actuals.csv"
    actuals.write_text(
        "id,period,value\nfirms,2023-06,0.0000000001\n"
        "gdp_growth,2023-06,-9999999999999999.9999999999\n"
    )
    path = tmp_path / "targets.yaml"
    for value in (LONG, LONGEST):
        rest, report = firms(value)
        (tmp_path / "seed.txt").write_text(report, encoding="utf-8")
        path.write_text(registry_text(rest + loan() + invest()), encoding="utf-8")
        out = tmp_path / f"pack-{len(value)}.md"
        args = [a.format(actuals=actuals, out=out) for a in command]
        result = cli(*args, "--targets", str(path))
        assert "internal error" not in result.stderr
        if value == LONGEST:
            assert result.exit_code in (0, 1), result.stderr
            continue
        assert result.exit_code == 2
        line = path.read_text(encoding="utf-8").splitlines().index(f"    value: {LONG}") + 1
        assert (
            f"{path}:{line}: column value: target firms: 31 digits before the decimal point"
            in result.stderr
        )


def test_a_wrong_entry_leaves_no_false_not_an_id_in_those_naming_it(
    refused: Callable[..., list[str]],
) -> None:
    broken = REST.replace("    value: 6\n    tolerance: 0.5", "    value: six\n    tolerance: 0.5")
    [problem] = refused(rest=broken)
    assert problem == (
        "targets.yaml:20: column value: target gdp_growth: must be a number or a fraction such "
        "as 2/3 [registry-type]"
    )


def test_a_declared_symbol_is_folded_as_a_figures_unit_cell_is(tmp_path: Path, cli: Cli) -> None:
    """万吨（标煤） declared with full-width brackets is read back from the template's own row."""
    seed = SEED.replace("地区生产总值增长6%左右", "节约能源50万吨（标煤）以上")
    (tmp_path / "seed.txt").write_text(seed, encoding="utf-8")
    entry = _entry(
        {
            "id": "energy",
            "section": "二",
            "quote": "节约能源50万吨（标煤）以上",
            "name_zh": "节约能源",
            "name_en": "Energy saved",
            "unit": "万吨（标煤）",
            "comparator": "at_least",
            "value": "50",
            "kind": "cumulative",
            "released": "yearly",
        }
    )
    text = registry_text(entry).replace(
        "sections:", "units:\n  万吨（标煤）: {family: tce, factor: 10000}\nsections:"
    )
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    registry = load_registry(path)
    assert registry.targets[0].unit == "万吨(标煤)"
    assert list(registry.units)[-1] == "万吨(标煤)"
    sheet = tmp_path / "sheet.csv"
    assert (
        cli("template", "--targets", str(path), "--period", "2023", "-o", str(sheet)).exit_code == 0
    )
    rows = sheet.read_text(encoding="utf-8-sig").splitlines()
    header = rows[0].split(",")
    row = dict(zip(header, rows[1].split(","), strict=False))
    assert row["unit"] == "万吨(标煤)"
    filled = tmp_path / "filled.csv"
    filled.write_text(
        f"id,period,value,unit\nenergy,2023,51,{row['unit']}\nenergy,2023-06,30,万吨（标煤）\n",
        encoding="utf-8",
    )
    result = cli("diff", str(filled), "--targets", str(path), "-f", "csv")
    assert result.exit_code == 0, result.stderr


def test_a_declared_factor_is_an_exact_fraction(tmp_path: Path, cli: Cli) -> None:
    """18 of a unit of 1/3 家 are 6 家 exactly, so 6家 is met, not missed by 10⁻²⁷."""
    seed = SEED.replace("地区生产总值增长6%左右", "新增企业6家")
    (tmp_path / "seed.txt").write_text(seed, encoding="utf-8")
    entry = _entry(
        {
            "id": "firms",
            "section": "二",
            "quote": "新增企业6家",
            "name_zh": "新增企业",
            "name_en": "New firms",
            "unit": "家",
            "comparator": "at_least",
            "value": "6",
            "kind": "cumulative",
            "released": "yearly",
        }
    )
    text = registry_text(entry).replace(
        "sections:", 'units:\n  三分之一家: {family: firm, factor: "1/3"}\nsections:'
    )
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_registry(path).units["三分之一家"].factor == Fraction(1, 3)
    actuals = tmp_path / "a.csv"
    actuals.write_text("id,period,value,unit\nfirms,2023,18,三分之一家\n", encoding="utf-8")
    result = cli("diff", str(actuals), "--targets", str(path), "-f", "csv")
    cells = next(csv.DictReader(io.StringIO(result.stdout)))
    assert (result.exit_code, cells["status"], cells["actual"]) == (0, "met", "6")
