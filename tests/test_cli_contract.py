"""One command-line contract: the same --format names, diff's default input, completion, errors."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from .conftest import EXAMPLES, Run

Cli = Callable[..., Run]
MONTHLY = str(EXAMPLES / "monthly")
JUNE_TEXT = (EXAMPLES / "illustrative-2023-06.csv").read_bytes()
FORMATS = ("table", "json", "csv", "markdown")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "args",
    [
        ["targets"],
        ["diff", str(EXAMPLES / "illustrative-2023-06.csv")],
        ["status", "--actuals", MONTHLY],
        ["status"],
        ["show", "graduates", "--actuals", MONTHLY],
    ],
)
def test_every_command_that_prints_results_takes_every_format(
    cli: Cli, args: list[str], fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli(*args, "--format", fmt)
    assert result.exit_code in (0, 1), result.stderr
    assert result.stdout


def test_show_json_is_the_target_and_its_results(cli: Cli) -> None:
    data = json.loads(cli("show", "graduates", "--actuals", MONTHLY, "-f", "json").stdout)
    assert data["target"]["quote"] == "引进大学生9万名以上"
    assert [(r["period"], r["status"]) for r in data["results"]] == [
        ("2023-05", "behind"),
        ("2023-06", "on_track"),
    ]


def test_status_csv_has_one_row_per_commitment_with_its_change(cli: Cli) -> None:
    rows = list(
        csv.DictReader(io.StringIO(cli("status", "--actuals", MONTHLY, "-f", "csv").stdout))
    )
    assert len(rows) == 169
    foreign = next(r for r in rows if r["id"] == "foreign_investment")
    assert (foreign["status"], foreign["previous_period"], foreign["change"]) == (
        "behind",
        "2023-05",
        "newly_failing",
    )
    loans = next(r for r in rows if r["id"] == "manufacturing_loans")
    assert (loans["status"], loans["change"]) == ("behind", "")  # behind in May too


def test_targets_markdown(cli_zh: Cli) -> None:
    text = cli_zh("targets", "-f", "markdown", "--id", "graduates").stdout
    assert text.splitlines()[2] == (
        "| 二(二) | graduates | 引进大学生 | 引进大学生9万名以上 | 万人 | ≥ 9 万人 |"
    )


def test_diff_reads_the_environment_then_the_actuals_folder(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    nothing = cli("diff")
    assert (nothing.exit_code, nothing.stdout) == (2, "")
    assert "[no-actuals]" in nothing.stderr
    from_env = json.loads(cli("diff", "-f", "json", env={"REPORTCHECK_ACTUALS": MONTHLY}).stdout)
    assert from_env["period"] == "2023-06"
    (tmp_path / "actuals").mkdir()
    (tmp_path / "actuals" / "a.csv").write_text("id,period,value\ngdp_growth,2023-03,4.9\n")
    assert json.loads(cli("diff", "-f", "json").stdout)["period"] == "2023-03"


def test_diff_reads_standard_input(cli: Cli) -> None:
    data = json.loads(cli("diff", "-", "-f", "json", stdin=JUNE_TEXT).stdout)
    assert data["summary"]["behind"] == 26
    bad = cli("diff", "-", stdin=b"id,period,value\ngdp_grwth,2023-06,5.7\n")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("reportcheck: error: <stdin>:2: column id: 'gdp_grwth'")


def test_diff_reads_a_workbook_from_standard_input(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    cli("template", "--period", "2023-06", "-o", str(out))
    unfilled = cli("diff", "-", "-f", "json", stdin=out.read_bytes())
    assert unfilled.exit_code == 2
    assert [e["code"] for e in json.loads(unfilled.stdout)["errors"]] == ["no-figures"]
    book = load_workbook(out)
    sheet = book.active
    assert sheet is not None
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "gdp_growth")
    row[2].value = "5.7"
    book.save(out)
    data = json.loads(cli("diff", "-", "-f", "json", stdin=out.read_bytes()).stdout)
    assert data["summary"]["on_track"] == 1


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("reportcheck show grad", "graduates"),
        ("reportcheck diff --id gdp_", "gdp_growth"),
        ("reportcheck targets --section 二(", "二(一)"),
    ],
)
def test_shell_completion_offers_ids_and_sections(cli: Cli, words: str, expected: str) -> None:
    result = cli(
        env={
            "_REPORTCHECK_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - 1),
        }
    )
    assert expected in result.stdout.split()


@pytest.mark.parametrize(
    "args",
    [
        ["diff", "--no-such-option"],
        ["diff", "x.csv", "--format", "xlsx"],
        ["show"],
        ["no-such-command"],
    ],
)
def test_usage_errors_have_one_style(cli: Cli, args: list[str]) -> None:
    result = cli(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    (line,) = result.stderr.splitlines()
    assert line.startswith("reportcheck: error: ")
    assert line.endswith("--help') [usage-error]")


def test_completion_with_a_broken_registry_offers_nothing(cli: Cli, tmp_path: Path) -> None:
    broken = tmp_path / "t.yaml"
    broken.write_text("targets: [\n")
    words = f"reportcheck show --targets {broken} grad"
    result = cli(
        env={"_REPORTCHECK_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "4"}
    )
    assert (result.exit_code, result.stdout.strip(), result.stderr) == (0, "", "")


def test_status_csv_keeps_a_note_with_a_line_break_in_one_cell(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "06.csv").write_text('id,period,value,note\ngraduates,2023-06,5,"first\nsecond"\n')
    rows = list(
        csv.DictReader(io.StringIO(cli("status", "--actuals", str(tmp_path), "-f", "csv").stdout))
    )
    assert next(r for r in rows if r["id"] == "graduates")["note"] == "first\nsecond"
