"""Errors, hints and help follow --lang, else the locale; Chinese by default; codes unchanged."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reportcheck.cli.lang import resolve_lang
from reportcheck.output.catalogue import message, problem_line

from .conftest import EXAMPLES, Run

Cli = Callable[..., Run]
Write = Callable[..., Path]
BAD = str(EXAMPLES / "bad-input.csv")
ZH = {"LANG": "zh_CN.UTF-8"}
_CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({}, "zh"),
        ({"LANG": "C.UTF-8"}, "zh"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "REPORTCHECK_LANG": "zh"}, "zh"),
        ({"LANG": "zh_CN.UTF-8", "REPORTCHECK_LANG": "EN"}, "en"),
        ({"LANG": "en_US.UTF-8", "REPORTCHECK_LANG": "fr"}, "en"),  # not a language of ours
    ],
)
def test_the_locale_decides_when_lang_is_not_given(env: dict[str, str], lang: str) -> None:
    assert resolve_lang(None, env) == lang
    assert resolve_lang("en", {"LANG": "zh_CN.UTF-8"}) == "en"
    assert resolve_lang("zh", {"LANG": "en_US.UTF-8"}) == "zh"


def test_errors_in_chinese_keep_their_codes(cli: Cli) -> None:
    zh = cli("diff", BAD, env=ZH)
    en = cli("diff", BAD)
    assert zh.exit_code == en.exit_code == 2
    assert zh.stderr.splitlines() == [
        f"reportcheck: 错误: {BAD}:2: id 列: 'gdp_grwth' 不是登记表中的编号;是否指 gdp_growth?"
        "(`reportcheck targets` 列出全部编号) [unknown-id]",
        f"reportcheck: 错误: {BAD}:3: value 列: 'abc' 不是数字;应为 5.7、-3.9、+1.2 或 1,867.9 "
        "这样的数 [not-a-number]",
        f"reportcheck: 错误: {BAD}:4: period 列: '2023-13' 不是期间;应为 YYYY-MM、YYYY-Qn、YYYY、"
        "2023年6月、2023年1-6月、2023年一季度、2023年上半年或 2023/6/30 这样的日期 [bad-period]",
        f"reportcheck: 错误: {BAD}:6: value 列: gdp_growth 在 2023-06 的数值为 '5.8',"
        f"但 {BAD}:5 为 5.7;请只保留其中一行 [conflicting-duplicate]",
        "reportcheck: 1 个文件中有 4 个错误;未作判定",
    ]
    codes = [line.rsplit(" ", 1)[-1] for line in zh.stderr.splitlines()[:-1]]
    assert codes == [line.rsplit(" ", 1)[-1] for line in en.stderr.splitlines()[:-1]]
    assert en.stderr.splitlines()[-1] == "reportcheck: 4 errors in 1 file; nothing judged"


def test_lang_option_beats_the_locale(cli: Cli) -> None:
    assert cli("diff", BAD, "--lang", "en", env=ZH).stderr.startswith("reportcheck: error: ")
    assert cli("diff", BAD, "--lang", "zh").stderr.startswith("reportcheck: 错误: ")
    chosen = {"REPORTCHECK_LANG": "zh"}
    assert cli("diff", BAD, "--lang", "en", env=chosen).stderr.startswith("reportcheck: error: ")


def test_lang_before_the_command_holds_for_the_run_unless_the_command_says_otherwise(
    cli: Cli,
) -> None:
    june = str(EXAMPLES / "illustrative-2023-06.csv")
    before = cli("--lang", "zh", "diff", june, "--id", "gdp_growth")
    assert before.exit_code == 0
    assert "符合进度" in before.stdout
    assert cli("--lang=zh", "diff", BAD).stderr.startswith("reportcheck: 错误: ")
    both = cli("--lang", "zh", "diff", june, "--id", "gdp_growth", "--lang", "en", env=ZH)
    assert "on track" in both.stdout
    assert cli("--lang", "xx", "targets").exit_code == 2


@pytest.mark.parametrize(
    ("env", "header", "status"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "指标", "符合进度"),
        ({"LANG": ""}, "指标", "符合进度"),  # no locale at all, as on Windows
        ({"LANG": "en_US.UTF-8"}, "indicator", "on track"),
        ({"LANG": "en_US.UTF-8", "REPORTCHECK_LANG": "zh"}, "指标", "符合进度"),
    ],
)
def test_one_language_for_tables_json_and_messages(
    cli: Cli, env: dict[str, str], header: str, status: str
) -> None:
    june = str(EXAMPLES / "illustrative-2023-06.csv")
    table = cli("diff", june, "--id", "gdp_growth", env=env).stdout
    assert header in table
    assert status in table
    data = json.loads(cli("diff", june, "--id", "gdp_growth", "-f", "json", env=env).stdout)
    assert data["results"][0]["status_words"] == status
    unknown = cli("diff", june, "--id", "gdp", env=env).stderr
    assert ("错误" in unknown) is (header == "指标")


def test_usage_errors_from_options_in_chinese(cli: Cli) -> None:
    result = cli("diff", BAD, "--fail-on", "late", env=ZH)
    assert result.stderr == (
        "reportcheck: 错误: --fail-on 'late' 无效:应为逗号分隔的 met, missed, on_track, behind, "
        "not_due, undetermined, no_data, warning,或 never [bad-fail-on]\n"
        "reportcheck: 1 个错误;未作判定\n"
    )
    missing = cli("show", env=ZH)
    assert missing.stderr == (
        "reportcheck: 错误: 命令行有误:缺少参数 ID(用法见 `reportcheck show --help`) "
        "[usage-error]\n"
    )
    mistyped = cli("diff", BAD, "--stat", "behind", env=ZH)
    assert "没有选项 --stat(可能是:--status" in mistyped.stderr
    extra = cli("diff", BAD, "b", env=ZH)
    assert "命令行有误:多余的参数:b(用法见" in extra.stderr
    bad_format = cli("diff", BAD, "-f", "xml", env=ZH)
    assert "命令行有误:--format 的值 xml 无效,可选:'table', 'json'" in bad_format.stderr
    command = cli("templat", env=ZH)
    assert "没有命令 templat,是否想用 template?" in command.stderr
    section = cli("diff", BAD, "--section", "四", env=ZH)
    assert section.stderr.startswith("reportcheck: 错误: 未知部分 '四';可选:二, 二(一)")


def test_hints_follow_the_language(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    assert cli("template", "-o", str(out), env=ZH).stderr == f"reportcheck: 已写入 172 行到 {out}\n"
    assert cli("template", "-o", str(out), "--force").stderr == (
        f"reportcheck: wrote 172 rows to {out}\n"
    )


def test_help_in_chinese_by_default_and_english_on_request(cli: Cli) -> None:
    zh = cli("diff", "--help", env={"LANG": "C.UTF-8"}).stdout
    assert "将一份实际数据与全部目标逐项对照" in zh
    assert "示例: reportcheck diff" in zh
    assert "只看这个编号(可重复)。" in zh
    en = cli("diff", "--help", "--lang", "en", env={"LANG": "zh_CN.UTF-8"}).stdout
    assert "Compare a file of actuals with every commitment" in en
    assert zh.startswith("用法: reportcheck diff [OPTIONS] [FILE]")
    assert "选项:" in zh
    assert "[默认: missed,behind]" in " ".join(zh.split())
    top = cli("--help", env=ZH).stdout
    assert "对照年内统计数据,检查政府工作报告的量化目标。" in top
    assert "生成某月的实际数据填报表。" in top
    assert "显示此帮助并退出。" in top
    assert "Usage:" in en
    assert "Usage:" not in zh


def test_a_key_without_a_template_is_said_by_its_code_and_parameters_never_lost() -> None:
    from reportcheck.model.problems import problem

    fresh = problem("brand-new-code", file="a.csv", line=2, column="value", value="x", n=3)
    assert message(fresh, "zh") == "brand-new-code (file=a.csv, line=2, column=value, value=x, n=3)"
    assert problem_line(fresh, "en").endswith("[brand-new-code]")


@pytest.mark.parametrize("command", ["targets", "diff", "status", "show", "template"])
def test_the_routine_commands_and_their_options_have_chinese_help(command: str) -> None:
    import typer.main

    from reportcheck.cli.app import app
    from reportcheck.cli.chinese_help import COMMAND_HELP, OPTION_HELP

    group = typer.main.get_command(app)
    click_command = group.commands[command]  # type: ignore[attr-defined]
    assert command in COMMAND_HELP
    for param in click_command.params:
        assert f"{command}.{param.name}" in OPTION_HELP or param.name in OPTION_HELP, param.name


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_help_never_breaks_a_line_inside_a_word(lang: str) -> None:
    """At 60 columns, where Click wraps option help most; in a process of its own, since Click
    reads the terminal's width from the environment."""
    env = {**os.environ, "COLUMNS": "60", "NO_COLOR": "1"}
    for command in ("targets", "diff", "status", "show", "template", "report", "draft", "lint"):
        text = subprocess.run(
            [sys.executable, "-m", "reportcheck", command, "--help", "--lang", lang],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout
        broken = [line for line in text.splitlines() if re.search(r"[A-Za-z]-$", line)]
        assert broken == [], (command, broken)


def test_a_command_without_chinese_help_keeps_its_english_help(cli: Cli) -> None:
    from reportcheck.cli import chinese_help as messages

    saved = messages.COMMAND_HELP.pop("show")
    try:
        text = cli("show", "--help", env={"LANG": "C.UTF-8"}).stdout
    finally:
        messages.COMMAND_HELP["show"] = saved
    assert "Everything about one commitment" in text


def test_diff_without_any_actuals_says_so_in_chinese(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("diff", env=ZH)
    assert result.stderr == (
        "reportcheck: 错误: 没有给出文件,$REPORTCHECK_ACTUALS 未设置,也没有 ./actuals/ 文件夹 "
        "[no-actuals]\n"
        "reportcheck: 1 个错误;未作判定\n"
    )


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["diff", BAD, "--period", "2023-13"], "bad-period"),
        (["diff", BAD, "--period", "2022-06"], "period-out-of-year"),
        (["diff", BAD, "--status", "late"], "unknown-status"),
        (["diff", BAD, "--id", "gdp"], "unknown-id"),
        (["show", "nothing_like_it"], "unknown-id"),
        (["template", "-o", "t.json"], "bad-output"),
        (["template", "-o", "taken.csv"], "file-has-values"),
        (["template", "-o", "taken.csv/t.csv"], "unwritable-file"),
        (["status", "--actuals", "empty"], "no-actuals"),
        (["diff", "--nope"], "usage-error"),
    ],
)
def test_every_command_line_error_has_chinese_words(
    cli: Cli, args: list[str], code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "taken.csv").write_text("id,period,value\ngdp_growth,2023-06,5.7\n")
    (tmp_path / "empty").mkdir()
    result = cli(*args, env=ZH)
    line, *closing = result.stderr.splitlines()
    assert len(closing) == (code != "usage-error")  # Click's own errors are one line
    assert line.startswith("reportcheck: 错误: ")
    assert line.endswith(f"[{code}]")
    english = cli(*args).stderr
    assert english.startswith("reportcheck: error: ")
    assert line.removeprefix("reportcheck: 错误: ") != english.removeprefix("reportcheck: error: ")


def test_json_says_its_problems_in_the_language_of_the_messages(cli: Cli) -> None:
    chinese = json.loads(cli("diff", BAD, "-f", "json", "--lang", "zh").stdout)
    english = json.loads(cli("diff", BAD, "-f", "json", "--lang", "en").stdout)
    assert [e["code"] for e in chinese["errors"]] == [e["code"] for e in english["errors"]]
    assert all(_CJK.search(e["message"]) for e in chinese["errors"])
    assert english["errors"][1]["message"].startswith("'abc' is not a number")


def test_a_yes_no_figure_is_said_in_the_language_of_the_run(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "done.csv"
    path.write_text("id,period,value\nenergy_saving,2023-06,是\n", encoding="utf-8")
    zh = cli("diff", str(path), "--id", "energy_saving", "--lang", "zh").stdout.split()
    en = cli("diff", str(path), "--id", "energy_saving", "--lang", "en").stdout.split()
    assert "是" in zh
    assert "yes" not in zh
    assert "yes" in en
