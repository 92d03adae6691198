"""`status`, `show`, `template` and `targets`: the monthly routine, one command each."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from reportcheck.cli.app import app

from .conftest import EXAMPLES, Run

Cli = Callable[..., Run]
MONTHLY = str(EXAMPLES / "monthly")


@pytest.fixture
def cli(cli_zh: Callable[..., Run]) -> Callable[..., Run]:
    """These tests read what an analyst's Chinese locale shows."""
    return cli_zh


def test_status_without_actuals_is_an_overview(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("status", "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["commitments"] == 169
    assert data["references"] == 3
    assert data["sections"]["二"] == 10
    assert data["kinds"] == {
        "cumulative": 71,
        "yesno": 60,
        "rate": 27,
        "stock": 4,
        "relative": 3,
        "baseline": 3,
        "rank": 1,
    }
    assert data["released"] == {"yearly": 107, "monthly": 38, "quarterly": 24}
    table = cli("status")
    assert table.exit_code == 0
    assert "reportcheck template" in table.stdout


def test_status_reads_the_actuals_folder_from_the_environment(cli: Cli) -> None:
    result = cli("status", "-f", "json", env={"REPORTCHECK_ACTUALS": MONTHLY})
    assert json.loads(result.stdout)["period"] == "2023-06"


def test_status_finds_actuals_in_the_working_folder(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "actuals").mkdir()
    (tmp_path / "actuals" / "june.csv").write_text(
        "id,period,value\ngdp_growth,2023-06,5.7\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    data = json.loads(cli("status", "-f", "json").stdout)
    assert data["summary"]["on_track"] == 1


def test_status_with_a_year_of_months(cli: Cli) -> None:
    result = cli("status", "--actuals", MONTHLY, "-f", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert (data["period"], data["previous_period"]) == ("2023-06", "2023-05")
    assert set(data) >= {"summary", "sections", "changes", "lagging", "no_data"}
    assert sum(data["sections"]["二(一)"].values()) == 48
    changes = {c["id"]: (c["from"], c["to"], c["kind"]) for c in data["changes"]}
    assert changes["foreign_investment"] == ("on_track", "behind", "newly_failing")
    assert changes["gdp_growth"] == ("no_data", "on_track", "changed")
    assert data["lagging"][0]["id"] == "industrial_va_growth"
    shortfalls = [item["shortfall"] for item in data["lagging"]]
    assert shortfalls == sorted(shortfalls, reverse=True)
    assert len(data["no_data"]) == data["summary"]["no_data"]


def test_status_recovered_and_newly_met(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "05.csv").write_text(
        "id,period,value\ngraduates,2023-05,3\nnew_listed_companies,2023-05,1\n", encoding="utf-8"
    )
    (tmp_path / "12.csv").write_text(
        "id,period,value\ngraduates,2023-06,5\nnew_listed_companies,2023,6\n", encoding="utf-8"
    )
    data = json.loads(cli("status", "--actuals", str(tmp_path), "-f", "json").stdout)
    kinds = {c["id"]: c["kind"] for c in data["changes"]}
    # As of 2023 (the year), graduates has only a June figure: no final figure yet.
    assert kinds == {"new_listed_companies": "newly_met", "graduates": "changed"}
    data = json.loads(
        cli("status", "--actuals", str(tmp_path), "-f", "json", "--period", "2023-06").stdout
    )
    assert {c["id"]: c["kind"] for c in data["changes"]} == {"graduates": "recovered"}


def test_status_table_has_bars_and_sections(cli: Cli) -> None:
    text = cli("status", "--actuals", MONTHLY).stdout
    assert "█" in text
    assert "二(一) 实力新湖州" in text
    assert "滞后最多" in text
    assert "与上期相比的变化 (上期 2023-05)" in text


def test_status_markdown_and_fail_on(cli: Cli) -> None:
    result = cli("status", "--actuals", MONTHLY, "-f", "markdown", "--fail-on", "missed")
    assert result.exit_code == 0
    assert "## 滞后最多" in result.stdout


@pytest.mark.parametrize(
    ("lang", "heading", "not_said"),
    [("zh", "差距最大的未完成项", "滞后最多"), ("en", "missed by most", "lagging most")],
)
def test_status_at_year_end_calls_what_it_lists_missed(
    cli: Cli, lang: str, heading: str, not_said: str
) -> None:
    year = str(EXAMPLES / "illustrative-2023.csv")
    table = cli("status", "--actuals", year, "--lang", lang).stdout
    markdown = cli("status", "--actuals", year, "--lang", lang, "-f", "markdown").stdout
    assert heading in table.splitlines()
    assert f"## {heading}" in markdown.splitlines()
    assert not_said not in table + markdown


def test_the_heading_over_failing_commitments_says_what_they_are() -> None:
    from reportcheck.output.words import failing_kind
    from reportcheck.review.status import Status

    assert failing_kind([Status.BEHIND, Status.BEHIND], at_year_end=True) == "behind"
    assert failing_kind([Status.MISSED], at_year_end=False) == "missed"
    assert failing_kind([Status.MISSED, Status.BEHIND], at_year_end=True) == "both"
    assert failing_kind([], at_year_end=True) == "missed"
    assert failing_kind([], at_year_end=False) == "behind"


def test_status_bad_folder(cli: Cli, tmp_path: Path) -> None:
    result = cli("status", "--actuals", str(tmp_path))
    assert result.exit_code == 2
    assert "[no-actuals]" in result.stderr


def test_show_one_commitment_with_its_history(cli: Cli) -> None:
    result = cli("show", "graduates", "--actuals", MONTHLY)
    assert result.exit_code == 0
    text = result.stdout
    assert "“引进大学生9万名以上”" in text
    assert "≥ 9 万人" in text
    assert "10k people" not in text
    assert "10.6 (2022), “引进大学生10.6万名”" in text
    assert "按序时进度" in text
    history = [line.split() for line in text.splitlines() if line.strip().startswith("2023-")]
    assert history == [
        [
            "2023-05",
            "3.4",
            "3.8",
            "-0.4",
            "37.8%",
            "落后3.9个百分点",
            "滞后",
        ],  # 3.75 due, to 9 万人's places
        ["2023-06", "5.4", "4.5", "+0.9", "60.0%", "超10.0个百分点", "符合进度", "(超额", "0.9)"],
    ]
    assert "实际 (万人)" in text
    assert "走势: ▁█  滞后 符合进度" in text


def test_show_relative_target_names_the_other(cli: Cli) -> None:
    text = cli("show", "income_growth", "--lang", "en").stdout
    assert "gdp_growth 地区生产总值增速" not in text
    assert "gdp_growth GDP growth" in text


def test_show_names_a_unit_in_english_only_where_the_symbol_differs(cli_en: Cli) -> None:
    def unit_line(target_id: str) -> str:
        lines = cli_en("show", target_id).stdout.splitlines()
        return next(line for line in lines if line.startswith("unit")).split(maxsplit=1)[1].strip()

    assert unit_line("gdp_growth") == "%"
    assert unit_line("policy_funds") == "亿元 (100M CNY)"


def test_show_in_chinese_gives_the_unit_as_written(cli: Cli) -> None:
    lines = cli("show", "policy_funds").stdout.splitlines()
    assert next(line for line in lines if line.startswith("单位")).split() == ["单位", "亿元"]


def test_show_explains_the_reading_in_the_language_of_the_run(cli: Cli) -> None:
    chinese = cli("show", "gdp_growth").stdout
    english = cli("show", "gdp_growth", "--lang", "en").stdout
    assert "低于目标不超过 0.5 仍算完成" in chinese
    assert "a shortfall of up to 0.5" not in chinese
    assert "a shortfall of up to 0.5 is still met" in english
    assert "仍算完成" not in english


def test_show_unknown_id_suggests(cli_en: Cli) -> None:
    result = cli_en("show", "graduate")
    assert result.exit_code == 2
    assert result.stderr == (
        "reportcheck: error: unknown id 'graduate'; did you mean graduates? "
        "('reportcheck targets' lists them) [unknown-id]\n"
        "reportcheck: 1 error; nothing judged\n"
    )


def test_template_csv_to_stdout(cli: Cli, registry: object) -> None:
    result = cli("template", "--period", "2023-06")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 172
    assert list(rows[0]) == [
        "id",
        "period",
        "value",
        "unit",
        "name_zh",
        "target",
        "source",
        "note",
        "reason",
    ]
    assert rows[0] == {
        "id": "gdp_growth",
        "period": "2023-06",
        "value": "",
        "unit": "%",
        "name_zh": "地区生产总值增速",
        "target": "地区生产总值增长6%左右",
        "source": "",
        "note": "",
        "reason": "",
    }


def test_unfilled_template_is_refused_as_holding_no_figures(cli: Cli, tmp_path: Path) -> None:
    for name in ("t.csv", "t.xlsx"):
        path = tmp_path / name
        assert cli("template", "-o", str(path)).exit_code == 0
        result = cli("diff", str(path), "-f", "json")
        assert result.exit_code == 2
        assert [e["code"] for e in json.loads(result.stdout)["errors"]] == ["no-figures"]


def test_template_csv_has_a_bom_for_excel(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    cli("template", "--period", "2023-06", "-o", str(path))
    assert path.read_bytes().startswith(b"\xef\xbb\xbfid,period,value")


def test_filled_template_is_what_diff_reads(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    cli("template", "--period", "2023-06", "-o", str(path))
    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    assert sheet["A2"].value == "gdp_growth"
    assert sheet["B2"].value == "2023-06"
    sheet["C2"] = 5.7
    book.save(path)
    data = json.loads(cli("diff", str(path), "-f", "json", "--id", "gdp_growth").stdout)
    assert data["results"][0]["status"] == "on_track"


def test_template_refuses_other_extensions_and_bad_periods(cli: Cli, tmp_path: Path) -> None:
    assert cli("template", "-o", str(tmp_path / "t.json")).exit_code == 2
    result = cli("template", "--period", "2022-06")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "[period-out-of-year]" in result.stderr


def test_targets_json_fields(cli: Cli) -> None:
    document = json.loads(cli("targets", "-f", "json").stdout)
    assert document["ok"] is True
    data = document["targets"]
    assert len(data) == 172
    gdp = data[0]
    assert {
        k: gdp[k]
        for k in (
            "id",
            "section",
            "quote",
            "name_zh",
            "name_en",
            "unit",
            "comparator",
            "value",
            "tolerance",
        )
    } == {
        "id": "gdp_growth",
        "section": "二",
        "quote": "地区生产总值增长6%左右",
        "name_zh": "地区生产总值增速",
        "name_en": "GDP growth",
        "unit": "%",
        "comparator": "about",
        "value": 6,
        "tolerance": 0.5,
    }
    assert gdp["baseline"] == {
        "value": 3.3,
        "year": 2022,
        "quote": "地区生产总值达到3850亿元,增长3.3%",
        "same_period": None,
    }
    assert (gdp["direction"], gdp["due"], gdp["pacing"]) == ("up", "2023", "direct")


def test_targets_filters_and_table(cli: Cli) -> None:
    data = json.loads(cli("targets", "-f", "json", "--section", "三(二)").stdout)["targets"]
    assert [t["id"] for t in data] == ["livelihood_share_of_new_revenue", "general_spending_cut"]
    part = json.loads(cli("targets", "-f", "json", "--section", "三").stdout)["targets"]
    sections = {t["section"] for t in part}
    assert sections == {"三(二)", "三(三)", "三(四)"}
    table = cli("targets", "--id", "graduates").stdout
    assert "引进大学生9万名以上" in table
    assert "1 项承诺" in table
    rows = list(csv.DictReader(io.StringIO(cli("targets", "-f", "csv").stdout)))
    assert len(rows) == 172


def test_version(cli: Cli) -> None:
    from reportcheck import __version__

    assert cli("--version").stdout == f"reportcheck {__version__}\n"


ALL_COMMANDS = (
    "targets",
    "diff",
    "status",
    "show",
    "template",
    "report",
    "harvest",
    "draft",
    "lint",
    "registries",
)


@pytest.mark.parametrize("command", ALL_COMMANDS)
def test_every_command_has_help_with_an_example(cli_en: Cli, command: str) -> None:
    result = cli_en(command, "--help")
    assert result.exit_code == 0
    assert "Example: reportcheck " + command in " ".join(result.stdout.split())


def test_every_command_is_tested_for_help() -> None:
    import typer.main

    group = typer.main.get_command(app)
    assert sorted(group.commands) == sorted(ALL_COMMANDS)  # type: ignore[attr-defined]


def test_unknown_option_is_a_usage_error(cli: Cli) -> None:
    assert cli("diff", "--no-such-option").exit_code == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_shown_on_a_terminal_stderr_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportcheck.output import terminal as cli_module

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with cli_module.reading_progress(3) as advance:
        assert advance is not None
        for name in ("2023-01.csv", "2023-02.csv", "2023-03.csv"):
            advance(Path(name))
    assert "2023-03.csv" in terminal.getvalue()
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with cli_module.reading_progress(3) as advance:
        assert advance is None
    monkeypatch.setattr(sys, "stderr", terminal)
    with cli_module.reading_progress(1) as advance:
        assert advance is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=500), min_size=7, max_size=7))
def test_a_bar_is_exactly_its_width_and_shows_every_status_present(counts: list[int]) -> None:
    from reportcheck.output.render import STYLE, bar
    from reportcheck.review.status import Status

    by_status = dict(zip(Status, counts, strict=True))
    drawn = bar(by_status, width=30)
    if sum(counts):
        assert len(drawn.plain) == 30
    else:
        assert drawn.plain == ""
    shown = {span.style for span in drawn.spans}
    assert {STYLE[s] for s, n in by_status.items() if n} <= shown


def test_status_bars_fit_a_narrow_terminal(cli: Cli) -> None:
    from rich.cells import cell_len

    text = cli("status", "--actuals", str(EXAMPLES / "monthly"), env={"COLUMNS": "50"}).stdout
    assert max(cell_len(line) for line in text.splitlines()) <= 50
