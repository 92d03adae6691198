"""Periods as offices type them: dates read as their month, an unreadable value said once, a
--period before every figure refused, last year's figures beside a new registry named as such,
and the month a template's file name states."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from reportcheck.actuals import read_actuals
from reportcheck.actuals.cells import period_in_name, read_period
from reportcheck.model.periods import Period
from reportcheck.model.problems import ActualsError
from reportcheck.output.catalogue import message
from reportcheck.registry.records import Registry
from reportcheck.registry.shipped import default_registry_path

from .conftest import EXAMPLES, Run

Cli = Callable[..., Run]
Write = Callable[..., Path]
NEXT_YEAR = str(default_registry_path().with_name("huzhou-2024.yaml"))
JUNE = Period(2023, 6)


@pytest.mark.parametrize(
    "text",
    [
        "2023/6/30",
        "2023-06-30",
        "2023/06/01",
        "2023.6.30",
        "2023年6月30日",
        "2023/6/30 0:00",
        "2023-06-30 00:00:00",
        "2023-06-30T00:00:00",
        "2023/6",
        "45107",  # Excel's date serial of 2023-06-30
        "45078.0",  # 2023-06-01
    ],
)
def test_a_date_in_a_period_cell_reads_as_its_month(text: str) -> None:
    assert read_period(text) == JUNE


@pytest.mark.parametrize("text", ["2023/6/31", "2023/13/1", "12345", "99999", "June", "6/30"])
def test_what_is_no_date_stays_no_period(text: str) -> None:
    with pytest.raises(ValueError, match="neither a period nor a date"):
        read_period(text)


def test_csv_date_cells_are_judged_as_the_month(write: Write, registry: Registry) -> None:
    path = write("id,period,value\ngdp_growth,2023/6/30,5.7\ngraduates,45107,4.2\n")
    actuals = read_actuals([path], registry).actuals
    assert [(a.id, a.period) for a in actuals] == [("gdp_growth", JUNE), ("graduates", JUNE)]


def test_xlsx_date_cells_and_serials_are_the_month(tmp_path: Path, registry: Registry) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "period", "value"])
    sheet.append(["gdp_growth", dt.datetime(2023, 6, 30), 5.7])  # a real date cell
    sheet.append(["graduates", 45107, 4.2])  # a date serial left in General format
    sheet.append(["fai_growth", "2023/6/30", 3.1])  # a date typed as text
    sheet["B2"].number_format = "yyyy/m/d"
    path = tmp_path / "dates.xlsx"
    book.save(path)
    actuals = read_actuals([path], registry).actuals
    assert [a.period for a in actuals] == [JUNE, JUNE, JUNE]


def test_an_unreadable_period_is_one_error_naming_the_rows_that_repeat_it(
    cli: Cli, write: Write
) -> None:
    rows = "".join(f"gdp_growth,六月底,5.{i}\n" for i in range(8))
    path = write("id,period,value\n" + rows + "graduates,2023-13,4\n")
    result = cli("diff", str(path))
    errors = [line for line in result.stderr.splitlines() if "[bad-period]" in line]
    assert len(errors) == 2
    assert errors[0].startswith(f"reportcheck: error: {path}:2: column period: '六月底' is not")
    assert errors[0].endswith(" (the same in 7 more rows: lines 3, 4, 5, 6, 7, …) [bad-period]")
    assert errors[1].startswith(f"reportcheck: error: {path}:10: column period: '2023-13'")
    assert result.stderr.splitlines()[-1] == "reportcheck: 2 errors in 1 file; nothing judged"
    zh = cli("diff", str(path), "--lang", "zh").stderr
    assert "(另有 7 行相同:第 3, 4, 5, 6, 7, … 行)" in zh


def test_json_keeps_one_problem_per_value_with_its_rows(cli: Cli, write: Write) -> None:
    path = write("id,period,value\ngdp_growth,soon,5\ngraduates,soon,4\n")
    (error,) = json.loads(cli("diff", str(path), "-f", "json").stdout)["errors"]
    assert (error["code"], error["line"], error["params"]) == (
        "bad-period",
        2,
        {"more": "1", "lines": "3"},
    )


# ── --period before every figure ───────────────────────────────────────────────────────────


@pytest.mark.parametrize("command", [["diff"], ["status", "--actuals"]])
def test_a_period_before_every_figure_is_refused_as_judging_nothing(
    cli: Cli, command: list[str]
) -> None:
    monthly = str(EXAMPLES / "monthly")  # figures for 2023-05 and 2023-06
    result = cli(*command, monthly, "--period", "2023-03")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-2:] == [
        "reportcheck: error: no figures at or before --period 2023-03 (the earliest is for "
        "2023-05), so nothing would be judged; give a later period [no-figures]",
        "reportcheck: 1 error; nothing judged",
    ]
    assert cli(*command, monthly, "--period", "2023-05").exit_code in (0, 1)


# ── A new year's registry beside last year's figures ──────────────────────────────────────


@pytest.mark.parametrize(
    "args", [["status", "--actuals"], ["show", "gdp_growth", "--actuals"], ["diff"]]
)
def test_a_folder_of_last_years_files_is_named_as_such_not_as_empty(
    cli: Cli, args: list[str]
) -> None:
    result = cli("--targets", NEXT_YEAR, *args, str(EXAMPLES / "monthly"))
    assert result.exit_code == 2
    error = next(line for line in result.stderr.splitlines() if "[no-figures]" in line)
    assert "no figures of the registry's year 2024" in error
    assert "every file's periods are in 2023" in error
    assert "--targets" in error
    assert "every value is empty" not in result.stderr


def test_a_file_of_last_year_says_its_period_once(cli: Cli) -> None:
    june = str(EXAMPLES / "monthly" / "2023-06.csv")
    result = cli("show", "gdp_growth", "--targets", NEXT_YEAR, "--actuals", june)
    errors = [line for line in result.stderr.splitlines() if "[period-out-of-year]" in line]
    assert len(errors) == 1
    assert "outside the registry's year 2024" in errors[0]
    assert "more rows" in errors[0]


def test_a_folder_with_only_an_empty_template_keeps_its_clear_error(
    cli: Cli, tmp_path: Path
) -> None:
    folder = tmp_path / "actuals"
    assert cli("template", "--period", "2023-06", "-o", str(folder / "t.csv")).exit_code == 0
    result = cli("status", "--actuals", str(folder))
    assert result.exit_code == 2
    assert "no figures: every value is empty; fill in the value column [no-figures]" in (
        result.stderr
    )


# ── The month a template's file name states ────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("name", "period"),
    [
        ("actuals/2023-08.csv", "2023-08"),
        ("actuals/2023-08.xlsx", "2023-08"),
        ("2023-Q2.csv", "2023-Q2"),
        ("湖州2023年8月.xlsx", "2023-08"),
        ("湖州2023年1-8月.csv", "2023-08"),
        ("actuals_2023_08.csv", "2023-08"),
    ],
)
def test_template_takes_the_period_from_the_file_name(
    cli: Cli, tmp_path: Path, name: str, period: str
) -> None:
    output = tmp_path / name
    result = cli("template", "-o", str(output))
    assert result.exit_code == 0, result.stderr
    assert f"the period {period} is taken from the file name" in result.stderr
    if output.suffix == ".xlsx":
        sheet = load_workbook(output).active
        assert sheet is not None
        periods = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    else:
        lines = output.read_text(encoding="utf-8-sig").splitlines()[1:]
        periods = {line.split(",")[1] for line in lines}
    assert periods == {period}


def test_template_period_option_wins_over_the_name(cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "2023-08.csv"
    result = cli("template", "--period", "2023-09", "-o", str(output))
    assert "taken from the file name" not in result.stderr
    assert ",2023-09," in output.read_text(encoding="utf-8-sig")


def test_template_refuses_a_name_of_another_year(cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "2022-08.csv"
    result = cli("template", "-o", str(output))
    assert result.exit_code == 2
    assert "[period-out-of-year]" in result.stderr
    assert not output.exists()


@pytest.mark.parametrize("name", ["t.csv", "湖州2023.xlsx", "2023-06 to 2023-07.csv"])
def test_a_name_without_one_month_leaves_the_period_empty(name: str) -> None:
    assert period_in_name(Path(name).stem) is None


def test_every_repeated_period_key_has_a_template(write: Write, registry: Registry) -> None:
    path = write("id,period,value\na,x,1\nb,x,1\nc,2022-06,1\nd,2022-06,1\n")
    with pytest.raises(ActualsError) as caught:
        read_actuals([path], registry)
    repeated = [p for p in caught.value.problems if p.variant == "repeated"]
    assert {p.code for p in repeated} == {"bad-period", "period-out-of-year"}
    for found in repeated:
        assert "more rows" in message(found, "en")
        assert "行相同" in message(found, "zh")
