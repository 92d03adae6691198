"""The conventions of command-line tools: -h, options anywhere on the line, completion of every
enumerated value, a closing line after errors, `ok` in JSON, --max-errors, --fail-on warning."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from reportcheck import __version__

from .conftest import EXAMPLES, Run

Cli = Callable[..., Run]
Write = Callable[..., Path]
MONTHLY = str(EXAMPLES / "monthly")
OFFICIAL = str(EXAMPLES / "huzhou-2023-h1-official.csv")
BAD = str(EXAMPLES / "bad-input.csv")
COMMANDS = (
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


@pytest.mark.parametrize("command", COMMANDS)
def test_dash_h_is_help_as_is_dash_dash_help(cli: Cli, command: str) -> None:
    short, long = cli(command, "-h"), cli(command, "--help")
    assert (short.exit_code, long.exit_code) == (0, 0)
    assert short.stdout == long.stdout
    assert f"reportcheck {command}" in short.stdout
    assert "-h, --help" in short.stdout


def test_dash_h_before_the_command_is_the_programs_help(cli: Cli) -> None:
    result = cli("-h")
    assert result.exit_code == 0
    assert all(command in result.stdout for command in COMMANDS)


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--version", "diff"],
        ["diff", "--version"],
        ["show", "--version"],  # before the ID it needs is checked
        ["report", "--version"],  # before the -o it needs is checked
        ["diff", OFFICIAL, "--version"],
    ],
)
def test_version_anywhere_on_the_line(cli: Cli, args: list[str]) -> None:
    result = cli(*args)
    assert (result.exit_code, result.stdout) == (0, f"reportcheck {__version__}\n")


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_anywhere_on_the_line_shows_the_traceback_of_a_bug(
    cli: Cli, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportcheck.review import evaluate as evaluate_module

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(evaluate_module, "evaluate", broken)
    args = ["--debug", "diff", OFFICIAL] if where == "before" else ["diff", OFFICIAL, "--debug"]
    shown = cli(*args)
    assert shown.exit_code == 2
    assert "Traceback" in shown.stderr
    assert "RuntimeError: a bug" in shown.stderr
    hidden = cli("diff", OFFICIAL)  # --debug of one run does not carry over to the next
    assert "Traceback" not in hidden.stderr
    assert "internal error: RuntimeError: a bug" in hidden.stderr


def test_every_command_lists_the_options_of_the_whole_line(cli: Cli) -> None:
    text = cli("diff", "--help").stdout
    for option in ("--version", "--debug", "--max-errors"):
        assert option in text


def _complete(cli: Cli, words: str) -> list[str]:
    env = {
        "_REPORTCHECK_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    return cli(env=env).stdout.split()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("reportcheck diff --status be", ["behind"]),
        ("reportcheck status --fail-on ", ["never", "met", "missed", "on_track", "behind"]),
        ("reportcheck diff --fail-on missed,", ["missed,met", "missed,behind", "missed,warning"]),
        ("reportcheck diff --fail-on wa", ["warning"]),
        ("reportcheck diff --format ", ["table", "json", "csv", "markdown"]),
        ("reportcheck targets -f j", ["json"]),
        ("reportcheck diff --lang ", ["zh", "en"]),
        ("reportcheck diff --encoding ", ["utf-8", "gbk", "gb18030", "big5"]),
        ("reportcheck status --period 2023-Q", ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]),
        ("reportcheck template --period 2023-1", ["2023-10", "2023-11", "2023-12"]),
        ("reportcheck show gdp", ["gdp_growth"]),
        ("reportcheck diff --id gradu", ["graduates"]),
        ("reportcheck diff --section 三(", ["三(二)", "三(三)", "三(四)"]),
    ],
)
def test_every_enumerated_value_completes(cli: Cli, words: str, expected: list[str]) -> None:
    offered = _complete(cli, words)
    assert set(expected) <= set(offered), offered


def test_completion_of_fail_on_offers_no_word_twice(cli: Cli) -> None:
    offered = _complete(cli, "reportcheck diff --fail-on missed,behind,")
    assert "missed,behind,no_data" in offered
    assert not any(word.count("missed") > 1 for word in offered)


def test_periods_complete_in_the_year_of_the_registry_named(cli: Cli) -> None:
    from reportcheck.registry.shipped import default_registry_path

    other = default_registry_path().with_name("huzhou-2024.yaml")
    offered = _complete(cli, f"reportcheck --targets {other} diff --period 2024-0")
    assert "2024-06" in offered
    assert not any(p.startswith("2023") for p in offered)


# ── After input errors: one closing line ───────────────────────────────────────────────────


def test_input_errors_end_with_one_line_counting_errors_and_files(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("id,period,value\ngdp_growth,2023-06,x\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text(
        "id,period,value\ngdp_growth,2023-13,5\nnothing,2023-06,1\n", encoding="utf-8"
    )
    result = cli("status", "--actuals", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "reportcheck: 3 errors in 2 files; nothing judged"
    chinese = cli("status", "--actuals", str(tmp_path), "--lang", "zh")
    assert chinese.stderr.splitlines()[-1] == "reportcheck: 2 个文件中有 3 个错误;未作判定"


def test_one_error_of_the_command_line_is_counted_without_a_file(cli: Cli) -> None:
    result = cli("diff", OFFICIAL, "--period", "2023-13")
    assert result.stderr.splitlines()[-1] == "reportcheck: 1 error; nothing judged"
    written = cli("template", "--period", "2023-13")
    assert written.stderr.splitlines()[-1] == "reportcheck: 1 error; nothing written"


def test_warnings_alone_bring_no_closing_line(cli: Cli, write: Write) -> None:
    path = write("id,period,value\ngdp_growth,2023-06,5.7\ngdp_growth,2023-06,5.7\n")
    result = cli("diff", str(path))
    assert "[duplicate-row]" in result.stderr
    assert "nothing judged" not in result.stderr


# ── ok in every JSON document ──────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("args", "exit_code"),
    [
        (["targets"], 0),
        (["status"], 0),
        (["status", "--actuals", MONTHLY], 1),
        (["status", "--actuals", MONTHLY, "--fail-on", "never"], 0),
        (["show", "graduates", "--actuals", MONTHLY], 0),
        (["diff", OFFICIAL], 1),
        (["diff", OFFICIAL, "--fail-on", "missed"], 0),
        (["diff", BAD], 2),
        (["diff", OFFICIAL, "--id", "nothing"], 2),
        (["show", "nothing"], 2),
        (["targets", "--section", "九"], 2),
        (["status", "--actuals", MONTHLY, "--period", "2023-02"], 2),
    ],
)
def test_every_json_document_says_ok_exactly_when_the_exit_status_is_0(
    cli: Cli, args: list[str], exit_code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli(*args, "--format", "json")
    assert result.exit_code == exit_code
    document = json.loads(result.stdout)
    assert document["ok"] is (exit_code == 0)
    if exit_code == 2:
        assert document["errors"]
        assert all(e["severity"] == "error" for e in document["errors"])


@pytest.mark.parametrize(
    "args",
    [
        ["diff", "--no-such", "-f", "json"],
        ["status", "--format=json", "--nope"],
        ["targets", "-f", "json", "extra-argument"],
    ],
)
def test_a_usage_error_of_a_run_that_asked_for_json_still_prints_its_document(
    cli: Cli, args: list[str]
) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["ok"] is False
    assert [e["code"] for e in document["errors"]] == ["usage-error"]
    assert "[usage-error]" in result.stderr


def test_a_usage_error_without_json_leaves_standard_output_empty(cli: Cli) -> None:
    result = cli("diff", "--no-such")
    assert (result.exit_code, result.stdout) == (2, "")


def test_the_json_of_bad_input_lists_its_errors_and_warnings_apart(cli: Cli, write: Write) -> None:
    path = write("id,period,value,colour\ngdp_growth,2023-06,x,red\n")
    document = json.loads(cli("diff", str(path), "-f", "json").stdout)
    assert [e["code"] for e in document["errors"]] == ["not-a-number"]
    assert [w["code"] for w in document["warnings"]] == ["unknown-column"]
    assert (document["ok"], document["errors_omitted"]) == (False, 0)


# ── --max-errors ───────────────────────────────────────────────────────────────────────────


def test_max_errors_caps_the_problems_listed_and_counts_the_rest(cli: Cli, write: Write) -> None:
    path = write("id,period,value\n" + "graduates,2023-06,x\n" * 12)
    result = cli("diff", str(path), "--max-errors", "5")
    lines = result.stderr.splitlines()
    assert result.exit_code == 2
    assert len([line for line in lines if line.endswith("[not-a-number]")]) == 5
    assert lines[-2:] == [
        "reportcheck: ... and 7 more problems not listed (the first 5 are shown)",
        "reportcheck: 12 errors in 1 file; nothing judged",
    ]
    document = json.loads(cli("diff", str(path), "-f", "json", "--max-errors", "5").stdout)
    assert (len(document["errors"]), document["errors_omitted"]) == (5, 7)


def test_max_errors_before_the_command_and_zero(cli: Cli, write: Write) -> None:
    path = write("id,period,value\n" + "graduates,2023-06,x\n" * 3)
    lines = cli("--max-errors", "0", "diff", str(path)).stderr.splitlines()
    assert lines == [
        "reportcheck: ... and 3 more problems not listed (the first 0 are shown)",
        "reportcheck: 3 errors in 1 file; nothing judged",
    ]


def test_max_errors_of_one_run_does_not_carry_over(cli: Cli, write: Write) -> None:
    path = write("id,period,value\n" + "graduates,2023-06,x\n" * 3)
    cli("diff", str(path), "--max-errors", "1")
    listed = cli("diff", str(path)).stderr.splitlines()
    assert len([line for line in listed if line.endswith("[not-a-number]")]) == 3


def test_max_errors_must_be_a_count(cli: Cli) -> None:
    result = cli("diff", OFFICIAL, "--max-errors", "-1")
    assert result.exit_code == 2
    assert "[usage-error]" in result.stderr


# ── --fail-on warning ──────────────────────────────────────────────────────────────────────


def test_fail_on_warning_makes_a_plausibility_warning_fail_the_run(cli: Cli, write: Write) -> None:
    path = write("id,period,value\ngdp_growth,2023-06,120\n")  # a growth rate beyond 100%
    plain = cli("diff", str(path), "--id", "gdp_growth")
    assert (plain.exit_code, "[rate-beyond-100]" in plain.stderr) == (0, True)
    strict = cli("diff", str(path), "--id", "gdp_growth", "--fail-on", "warning")
    assert strict.exit_code == 1
    both = cli("diff", str(path), "--fail-on", "missed,behind,warning", "-f", "json")
    assert (both.exit_code, json.loads(both.stdout)["ok"]) == (1, False)


def test_fail_on_warning_makes_a_reading_warning_fail_the_run(cli: Cli, write: Write) -> None:
    path = write("id,period,value\ngdp_growth,2023-06,5.7\ngdp_growth,2023-06,5.7\n")
    assert cli("status", "--actuals", str(path), "--fail-on", "never").exit_code == 0
    assert cli("status", "--actuals", str(path), "--fail-on", "warning").exit_code == 1


def test_fail_on_warning_passes_a_clean_run(cli: Cli, write: Write) -> None:
    path = write("id,period,value\ngdp_growth,2023-06,5.7\n")
    assert cli("diff", str(path), "--fail-on", "warning").exit_code == 0
