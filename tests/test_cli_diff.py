"""`reportcheck diff`: formats, filters, exit status as diff(1), errors on stderr only."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from reportcheck.actuals import read_actuals
from reportcheck.output.serialize import report_dict, to_json
from reportcheck.registry.records import Registry
from reportcheck.review import evaluate as evaluate_module
from reportcheck.review.evaluate import evaluate

from .conftest import EXAMPLES, Run

Cli = Callable[..., Run]
Write = Callable[..., Path]
OFFICIAL = str(EXAMPLES / "huzhou-2023-h1-official.csv")
JUNE = str(EXAMPLES / "illustrative-2023-06.csv")
YEAR = str(EXAMPLES / "illustrative-2023.csv")


@pytest.fixture
def cli(cli_zh: Callable[..., Run]) -> Callable[..., Run]:
    """These tests read what an analyst's Chinese locale shows."""
    return cli_zh


def test_table_groups_by_section_and_prints_status_words(cli: Cli) -> None:
    result = cli("diff", OFFICIAL)
    assert result.exit_code == 1  # industrial value added is behind
    lines = result.stdout.splitlines()
    gdp = next(line for line in lines if line.lstrip().startswith("gdp_growth"))
    assert gdp.split() == [
        "gdp_growth",
        "地区生产总值增速",
        "地区生产总值增长6%左右",
        "%",
        "5.7",
        "6",
        "-0.3",
        "符合进度",
    ]
    assert any(line.split() == ["二", "主要预期目标"] for line in lines)  # a section's heading
    assert lines[-2].split() == [
        "截至",
        "2023-06",
        "已完成",
        "0",
        "未完成",
        "0",
        "符合进度",
        "1",
        "滞后",
        "1",
        "未到期",
        "0",
        "暂无数据",
        "167",
    ]
    assert result.stderr == ""


def test_english_labels(cli: Cli) -> None:
    result = cli("diff", OFFICIAL, "--lang", "en", "--id", "gdp_growth")
    row = next(line for line in result.stdout.splitlines() if "gdp_growth" in line)
    assert "GDP growth" in row
    assert row.rstrip().endswith("on track")


def test_cjk_columns_line_up(cli: Cli) -> None:
    from rich.cells import cell_len

    lines = [
        line
        for line in cli("diff", JUNE).stdout.splitlines()
        if line.startswith(" ") and ("符合进度" in line or "滞后" in line)
    ]

    def status_column(line: str) -> int:
        word = "符合进度" if "符合进度" in line else "滞后"
        return cell_len(line[: line.rindex(word)])

    assert len({status_column(line) for line in lines}) == 1


def test_json_is_the_library_result_serialised(cli: Cli, registry: Registry) -> None:
    result = cli("diff", JUNE, "--format", "json")
    report = evaluate(registry, read_actuals([Path(JUNE)], registry))
    assert result.exit_code == 1  # 28 behind
    assert result.stdout == to_json({"ok": False, **report_dict(report, "zh")})
    data = json.loads(result.stdout)
    assert set(data) >= {"ok", "period", "summary", "results", "errors"}
    assert data["summary"] == {
        "met": 0,
        "missed": 0,
        "on_track": 32,
        # income_ratio: a seasonal ratio without its same-period figure has no data;
        # loan_balance: a balance promised for year end is judged in December.
        "behind": 26,
        "not_due": 1,
        "undetermined": 0,
        "no_data": 110,
    }
    first = data["results"][0]
    assert set(first) >= {"id", "status", "actual", "target", "expected", "gap", "period", "reason"}


def test_json_numbers_are_exact(cli: Cli, write: Write) -> None:
    path = write(
        "id,period,value\ngdp_growth,2023-06,5.7\nloan_balance,2023-06,12345678901234.123456789\n"
    )
    results = {
        r["id"]: r for r in json.loads(cli("diff", str(path), "-f", "json").stdout)["results"]
    }
    assert results["gdp_growth"]["gap"] == -0.3
    assert str(results["gdp_growth"]["actual"]) == "5.7"
    raw = cli("diff", str(path), "-f", "json").stdout
    assert '"actual": 12345678901234.123456789' in raw


def test_csv_output(cli: Cli) -> None:
    rows = list(csv.DictReader(io.StringIO(cli("diff", OFFICIAL, "-f", "csv").stdout)))
    gdp = next(r for r in rows if r["id"] == "gdp_growth")
    assert (gdp["status"], gdp["actual"], gdp["gap"], gdp["wording"]) == (
        "on_track",
        "5.7",
        "-0.3",
        "地区生产总值增长6%左右",
    )
    assert len(rows) == 169


def test_csv_tells_a_year_met_within_tolerance_from_one_met_outright(
    cli: Cli, cli_en: Cli, write: Write
) -> None:
    # 地区生产总值增长6%左右 at 5.5 is 基本完成; 规上工业增加值增长7%左右 at 7.2 is 已完成.
    path = write("id,period,value\ngdp_growth,2023,5.5\nindustrial_va_growth,2023,7.2\n")

    def rows(run: Cli) -> dict[str, dict[str, str]]:
        out = run("diff", str(path), "-f", "csv").stdout
        return {r["id"]: r for r in csv.DictReader(io.StringIO(out))}

    zh, en = rows(cli), rows(cli_en)
    fields = ("status", "status_words", "met_within_tolerance", "final")
    assert [zh["gdp_growth"][f] for f in fields] == ["met", "基本完成", "yes", "yes"]
    assert [zh["industrial_va_growth"][f] for f in fields] == ["met", "已完成", "no", "yes"]
    assert en["gdp_growth"]["status_words"] == "met within tolerance"
    assert en["industrial_va_growth"]["status_words"] == "met"


def test_csv_gives_the_in_year_reading_of_a_figure_older_than_the_due_period(
    cli: Cli, write: Write
) -> None:
    path = write("id,period,value\ngraduates,2023-10,9.5\n")
    out = cli("diff", str(path), "--period", "2023-12", "-f", "csv").stdout
    graduates = next(r for r in csv.DictReader(io.StringIO(out)) if r["id"] == "graduates")
    assert (graduates["status"], graduates["interim_status"], graduates["final"]) == (
        "no_data",
        "met",
        "no",
    )


def test_markdown_output(cli: Cli) -> None:
    text = cli("diff", OFFICIAL, "-f", "markdown").stdout
    assert "## 二 主要预期目标" in text
    row = (
        "| gdp\\_growth | 地区生产总值增速 | 地区生产总值增长6%左右 | % | 5.7 | 6 | -0.3 | — | — "
        "| 符合进度 |"
    )
    assert row in text


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--id", "gdp_growth", "--id", "graduates"], ["gdp_growth", "graduates"]),
        (
            ["--section", "二(三)"],
            [
                "rural_industry_projects",
                "future_farms",
                "agri_leading_firms",
                "model_family_farms",
                "clustered_villages",
                "beautiful_communities",
                "beautiful_streets",
                "townscape_model_zones",
                "future_communities",
                "fuchun_model_zones",
                "modern_town_models",
                "grain_area",
                "grain_output",
                "land_consolidation_projects",
                "rural_talents",
                "territorial_spatial_plan",
                "central_city_overall_design",
                "central_city_quality_plan",
                "shihe_culture_path",
                "lotus_garden_walkway",
                "agri_hightech_zone",
            ],
        ),
        (["--status", "behind", "--id", "fai_growth", "--id", "gdp_growth"], ["fai_growth"]),
    ],
)
def test_filters(cli: Cli, args: list[str], ids: list[str]) -> None:
    data = json.loads(cli("diff", JUNE, "-f", "json", *args).stdout)
    assert [r["id"] for r in data["results"]] == ids


def test_a_section_includes_its_subsections(cli: Cli) -> None:
    data = json.loads(cli("diff", JUNE, "-f", "json", "--section", "二").stdout)
    assert len(data["results"]) == 165


def test_section_filter_takes_full_width_parentheses(cli: Cli) -> None:
    data = json.loads(cli("diff", JUNE, "-f", "json", "--section", "二\uff08三\uff09").stdout)
    assert len(data["results"]) == 21


def test_exit_0_when_nothing_fails(cli: Cli) -> None:
    assert cli("diff", OFFICIAL, "--id", "gdp_growth").exit_code == 0


def test_exit_1_when_something_fails(cli: Cli) -> None:
    assert cli("diff", OFFICIAL, "--id", "industrial_va_growth").exit_code == 1


@pytest.mark.parametrize(
    ("fail_on", "code"), [("missed", 0), ("missed,behind", 1), ("no_data", 1), ("never", 0)]
)
def test_fail_on(cli: Cli, fail_on: str, code: int) -> None:
    assert cli("diff", OFFICIAL, "--fail-on", fail_on).exit_code == code


def test_year_end_file_has_met_and_missed(cli: Cli) -> None:
    data = json.loads(cli("diff", YEAR, "-f", "json").stdout)
    assert data["period"] == "2023"
    assert data["summary"]["met"] > 0
    assert data["summary"]["missed"] > 0
    assert data["summary"]["on_track"] == data["summary"]["behind"] == 0


def test_period_option_judges_as_of_that_period(cli: Cli) -> None:
    data = json.loads(
        cli("diff", str(EXAMPLES / "monthly"), "-f", "json", "--period", "2023-05").stdout
    )
    assert data["period"] == "2023-05"
    assert {r["period"] for r in data["results"] if r["period"]} == {"2023-05"}


def test_bad_fail_on_is_a_usage_error(cli_en: Cli) -> None:
    result = cli_en("diff", OFFICIAL, "--fail-on", "late")
    assert result.exit_code == 2
    assert result.stderr == (
        "reportcheck: error: --fail-on 'late': expected a comma list of "
        "met, missed, on_track, behind, not_due, undetermined, no_data, warning or 'never' "
        "[bad-fail-on]\n"
        "reportcheck: 1 error; nothing judged\n"
    )


def test_bad_period_option(cli: Cli) -> None:
    result = cli("diff", OFFICIAL, "--period", "2023-13")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "[bad-period]" in result.stderr


def test_unknown_id_option_suggests(cli_en: Cli) -> None:
    result = cli_en("diff", OFFICIAL, "--id", "gdp")
    assert result.exit_code == 2
    assert result.stderr == (
        "reportcheck: error: unknown id 'gdp'; did you mean gdp_growth, gdp_level? "
        "('reportcheck targets' lists them) [unknown-id]\n"
        "reportcheck: 1 error; nothing judged\n"
    )


def test_bad_input_exits_2_with_every_error_on_stderr(cli_en: Cli, write: Write) -> None:
    path = write("id,period,value\ngdp_grwth,2023-06,5.7\ngraduates,2023-06,abc\n")
    result = cli_en("diff", str(path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"reportcheck: error: {path}:2: column id: 'gdp_grwth' is not an id in the registry; "
        "did you mean gdp_growth? ('reportcheck targets' lists them) [unknown-id]",
        f"reportcheck: error: {path}:3: column value: 'abc' is not a number; expected a number "
        "such as 5.7, -3.9, +1.2 or 1,867.9 [not-a-number]",
        "reportcheck: 2 errors in 1 file; nothing judged",
    ]


def test_bad_input_json_lists_errors(cli_en: Cli, write: Write) -> None:
    path = write("id,period,value\ngraduates,2023-06,abc\n")
    result = cli_en("diff", str(path), "-f", "json")
    assert result.exit_code == 2
    (error,) = json.loads(result.stdout)["errors"]
    assert error == {
        "code": "not-a-number",
        "severity": "error",
        "file": str(path),
        "line": 2,
        "column": "value",
        "value": "abc",
        "params": {},
        "message": "'abc' is not a number; expected a number such as 5.7, -3.9, +1.2 or 1,867.9",
    }


def test_errors_are_capped_and_the_cap_is_said(cli_en: Cli, write: Write) -> None:
    path = write("id,period,value\n" + "graduates,2023-06,x\n" * 130)
    result = cli_en("diff", str(path), "-f", "json")
    data = json.loads(result.stdout)
    assert (data["ok"], len(data["errors"]), data["errors_omitted"]) == (False, 100, 30)
    assert result.stderr.splitlines()[-2:] == [
        "reportcheck: ... and 30 more problems not listed (the first 100 are shown)",
        "reportcheck: 130 errors in 1 file; nothing judged",
    ]


def test_warnings_go_to_stderr_and_do_not_fail(cli: Cli, write: Write) -> None:
    path = write("id,period,value\ngdp_growth,2023-06,5.7\ngdp_growth,2023-06,5.7\n")
    result = cli("diff", str(path), "--id", "gdp_growth")
    assert result.exit_code == 0
    assert "[duplicate-row]" in result.stderr
    assert "warning" in result.stderr


def test_gbk_file_from_excel(cli: Cli, write: Write) -> None:
    path = write("id,period,value,note\ngdp_growth,2023-06,5.7,上半年\n", encoding="gbk")
    assert cli("diff", str(path), "--id", "gdp_growth").exit_code == 0


def test_internal_error_is_one_line_without_debug(
    cli_en: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(evaluate_module, "evaluate", broken)
    result = cli_en("diff", OFFICIAL)
    assert result.exit_code == 2
    assert result.stderr == (
        "reportcheck: internal error: RuntimeError: boom (run again with --debug for a traceback)\n"
    )
    debug = cli_en("--debug", "diff", OFFICIAL)
    assert debug.exit_code == 2
    assert debug.stderr.startswith("Traceback (most recent call last):")
    assert debug.stderr.rstrip().endswith("RuntimeError: boom")


def test_colour_is_added_and_no_color_removes_it(cli: Cli) -> None:
    coloured = cli("diff", OFFICIAL, "--id", "gdp_growth", env={"NO_COLOR": "", "FORCE_COLOR": "1"})
    assert "\x1b[32m" in coloured.stdout
    plain = cli("diff", OFFICIAL, "--id", "gdp_growth", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[32m" not in plain.stdout
    assert "符合进度" in plain.stdout


def test_piped_table_without_columns_is_wide_enough_for_the_wording(cli: Cli) -> None:
    result = cli(
        "diff", OFFICIAL, "--all", "--id", "emerging_chains_revenue_share", env={"COLUMNS": ""}
    )
    assert "八大新兴产业链营业收入占比提高" in result.stdout  # 30 cells: a sliver at 80 columns


def test_csv_for_excel_carries_a_byte_order_mark_only_when_asked(cli: Cli) -> None:
    plain = cli("diff", OFFICIAL, "-f", "csv").stdout
    marked = cli("diff", OFFICIAL, "-f", "csv", "--bom").stdout
    assert not plain.startswith("\ufeff")
    assert marked == "\ufeff" + plain
    for command in (["targets"], ["status", "--actuals", OFFICIAL], ["show", "gdp_growth"]):
        assert cli(*command, "-f", "csv", "--bom").stdout.startswith("\ufeffid,")
