"""`reportcheck harvest` from the command line, the shipped registries by name, and the year-end
account the README builds from Huzhou's own review of 2023."""

from __future__ import annotations

import csv
import io
import re
import shlex
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from reportcheck.registry.shipped import SHIPPED, default_registry_path, registry_named

from .conftest import EXAMPLES, REPO, Run

Cli = Callable[..., Run]
REVIEW = REPO / "seeds" / "huzhou-2024.md"
OUTCOMES = EXAMPLES / "huzhou-2023-outcomes.csv"


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_harvest_writes_the_outcomes_as_actuals_with_a_bom(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "outcomes.csv"
    run = cli("harvest", str(REVIEW), "-o", str(out))
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode())
    assert data == OUTCOMES.read_bytes()
    assert run.stderr.splitlines()[-1] == (
        f"reportcheck: harvested 51 outcomes of the registry's 172 entries from the review of "
        f"{REVIEW}; 8 left for a person (above)"
    )
    warnings = [line for line in run.stderr.splitlines() if "[harvest-unsure]" in line]
    assert len(warnings) == 8
    assert any("target platform_investment_growth" in line for line in warnings)


def test_harvest_without_output_prints_the_csv(cli: Cli) -> None:
    run = cli("harvest", str(REVIEW), "--lang", "zh")
    assert run.exit_code == 0
    assert not run.stdout.startswith("\ufeff")
    rows = _rows(run.stdout)
    assert rows == _rows(OUTCOMES.read_text(encoding="utf-8-sig"))
    gdp = next(r for r in rows if r["id"] == "gdp_growth")
    assert (gdp["period"], gdp["value"], gdp["unit"]) == ("2023", "5.8", "%")
    assert "取得 51 项的结果" in run.stderr


def test_harvest_never_overwrites_without_force(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "outcomes.csv"
    out.write_text("typed by hand\n", encoding="utf-8")
    run = cli("harvest", str(REVIEW), "-o", str(out))
    assert run.exit_code == 2
    assert "[file-exists]" in run.stderr
    assert out.read_text(encoding="utf-8") == "typed by hand\n"
    assert cli("harvest", str(REVIEW), "-o", str(out), "--force").exit_code == 0
    assert out.read_bytes() == OUTCOMES.read_bytes()


def test_harvest_refuses_an_output_that_is_no_csv(cli: Cli, tmp_path: Path) -> None:
    run = cli("harvest", str(REVIEW), "-o", str(tmp_path / "outcomes.xlsx"))
    assert run.exit_code == 2
    assert "expected a .csv file name [bad-output]" in run.stderr
    assert not (tmp_path / "outcomes.xlsx").exists()


def test_harvest_refuses_to_write_over_its_input(cli: Cli, tmp_path: Path) -> None:
    report = tmp_path / "report.csv"  # a report saved under a name that looks like output
    shutil.copy(REVIEW, report)
    run = cli("harvest", str(report), "-o", str(report), "--force")
    assert run.exit_code == 2
    assert "[output-is-input]" in run.stderr
    assert report.read_bytes() == REVIEW.read_bytes()


def test_harvest_of_a_missing_report_is_one_error(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "report-2024.txt"
    run = cli("harvest", str(missing))
    assert run.exit_code == 2
    assert run.stderr.splitlines()[0] == (
        f"reportcheck: error: {missing}: no such file [report-unreadable]"
    )


def test_harvest_reads_a_gb18030_report(cli: Cli, tmp_path: Path) -> None:
    copy = tmp_path / "report-2024.txt"
    copy.write_bytes(REVIEW.read_text(encoding="utf-8").encode("gb18030"))
    run = cli("harvest", str(copy))
    assert run.exit_code == 0
    assert _rows(run.stdout) == _rows(OUTCOMES.read_text(encoding="utf-8-sig"))


def test_harvest_refuses_a_review_of_another_year(cli: Cli) -> None:
    """The 2024 report reviews 2023: its figures are not the outcomes of 2024's promises."""
    run = cli("harvest", str(REVIEW), "--targets", "huzhou-2024")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr.splitlines()[0] == (
        f"reportcheck: error: {REVIEW}: the review looks back on 2023, but the registry holds the "
        "commitments of 2024; their outcomes are in the review of the 2025 report [harvest-year]"
    )


def test_the_harvest_is_read_back_as_actuals_with_its_bounds(cli: Cli) -> None:
    import json

    run = cli("diff", str(OUTCOMES), "--period", "2023", "-f", "json", "--fail-on", "never")
    assert run.exit_code == 0, run.stderr
    results = {r["id"]: r for r in json.loads(run.stdout)["results"]}
    assert (results["loan_balance"]["bound"], results["loan_balance"]["status"]) == (">", "met")
    assert results["gdp_growth"]["actual"] == 5.8
    assert results["minimum_living_standard"]["actual"] == 1.326
    assert results["safe_huzhou_17th"]["note"] == "预计"


# ── The shipped registries, by name ──────────────────────────────────────────────────────────


def test_registries_lists_the_shipped_ones_and_the_default(cli_zh: Cli) -> None:
    import json

    listed = json.loads(cli_zh("registries", "-f", "json").stdout)["registries"]
    assert [(r["name"], r["default"], r["year"]) for r in listed] == [
        ("huzhou-2023", True, 2023),
        ("huzhou-2024", False, 2024),
    ]
    assert listed[0]["path"] == str(default_registry_path())
    table = cli_zh("registries", "--lang", "en").stdout
    assert "huzhou-2024" in table
    assert "Huzhou Municipal Government Work Report 2024" in table
    assert "huzhou-2024" in cli_zh("registries", "-f", "csv").stdout
    assert "| huzhou-2023 | 是 |" in cli_zh("registries", "-f", "markdown").stdout


def test_registries_and_targets_names_are_in_the_help(cli: Cli) -> None:
    assert "registries" in cli("--help").stdout
    assert "huzhou-2024" in " ".join(cli("diff", "--help").stdout.split())


@pytest.mark.parametrize(
    "args",
    [
        ["targets", "--targets", "huzhou-2024", "--id", "fdi_rank"],
        ["--targets", "huzhou-2024", "targets", "--id", "fdi_rank"],
        ["show", "fdi_rank", "--targets", "huzhou-2024"],
        ["template", "--targets", "huzhou-2024", "--period", "2024-06"],
        ["diff", "{actuals}", "--targets", "huzhou-2024"],
        ["status", "--actuals", "{actuals}", "--targets", "huzhou-2024"],
        ["report", "--actuals", "{actuals}", "--targets", "huzhou-2024", "-o", "{tmp}/p.md"],
        ["lint", "huzhou-2024"],
    ],
)
def test_every_command_takes_a_shipped_registry_by_name(
    cli: Cli, tmp_path: Path, args: list[str]
) -> None:
    actuals = tmp_path / "2024-06.csv"
    actuals.write_text("id,period,value\nfdi_rank,2024-06,3\n", encoding="utf-8")
    run = cli(*(a.format(actuals=actuals, tmp=tmp_path) for a in args))
    assert run.exit_code == 0, run.stderr
    if args[0] in ("targets", "--targets", "show", "template"):
        assert "fdi_rank" in run.stdout


def test_the_default_registry_is_2023_and_a_path_still_works(cli: Cli) -> None:
    assert SHIPPED[next(iter(SHIPPED))] == default_registry_path().name
    by_name = cli("targets", "-f", "csv", "--targets", "huzhou-2023").stdout
    assert by_name == cli("targets", "-f", "csv").stdout
    path = registry_named(Path("huzhou-2024"))
    assert (
        cli("targets", "-f", "csv", "--targets", str(path)).stdout
        == cli("targets", "-f", "csv", "--targets", "huzhou-2024").stdout
    )


def test_a_file_of_that_name_is_the_file(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("huzhou-2024").write_text("not: a registry\n", encoding="utf-8")
    assert registry_named(Path("huzhou-2024")) == Path("huzhou-2024")
    run = cli("targets", "--targets", "huzhou-2024")
    assert run.exit_code == 2  # the file was read, and is no registry
    assert registry_named(Path("huzhou-2025")) == Path("huzhou-2025")  # no such name: a path


# ── The README's year-end account ────────────────────────────────────────────────────────────


def test_the_readme_year_end_commands_give_the_2023_account(
    cli_zh: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- year-end -->\n```sh\n(.+?)```", readme, re.S)
    assert block is not None
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    lines = [line.split("#")[0].strip() for line in block.group(1).splitlines()]
    commands = [shlex.split(line)[1:] for line in lines if line.startswith("reportcheck ")]
    assert [c[0] for c in commands] == ["harvest", "report"]
    for command in commands:
        run = cli_zh(*command)
        assert run.exit_code == 0, (command, run.stderr)
    harvested = next(Path(c[c.index("-o") + 1]) for c in commands if c[0] == "harvest")
    assert harvested.read_bytes() == OUTCOMES.read_bytes()
    account = next(Path(c[c.index("-o") + 1]) for c in commands if c[0] == "report")
    assert account.suffix == ".docx"
    with zipfile.ZipFile(account) as document:
        xml = document.read("word/document.xml").decode("utf-8")
    assert "年度目标任务完成情况对照表" in xml
    assert "地区生产总值增长6%左右" in xml
