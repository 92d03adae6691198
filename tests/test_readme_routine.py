"""The README's monthly routine and review script, run as written in an empty folder."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from .conftest import EXAMPLES, REPO


def readme_block(marker: str) -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- {marker} -->\n```sh\n(.+?)```", text, re.S)
    assert match is not None, marker
    return match.group(1)


@pytest.fixture
def shell(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH finds this interpreter's reportcheck, and no actuals set."""
    bin_dir = Path(sys.executable).parent
    if shutil.which("reportcheck", path=str(bin_dir)) is None:  # pragma: no cover
        pytest.skip("reportcheck is not installed beside this interpreter")
    env = {k: v for k, v in os.environ.items() if k not in ("REPORTCHECK_ACTUALS", "COLUMNS")}
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", LANG="C.UTF-8", LC_ALL="")
    return env


def run(line: str, folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", line], cwd=folder, env=env, capture_output=True, text=True, check=False
    )


def type_the_june_figures(sheet_path: Path) -> None:
    """Step 2, as a person would: the published June figures typed into the value column."""
    with (EXAMPLES / "huzhou-2023-h1-official.csv").open(encoding="utf-8") as handle:
        figures = {row["id"]: row["value"] for row in csv.DictReader(handle)}
    book = load_workbook(sheet_path)
    sheet = book.active
    assert sheet is not None
    for row in sheet.iter_rows(min_row=2):
        if row[0].value in figures:
            row[2].value = float(figures[str(row[0].value)])
    book.save(sheet_path)


def test_the_routine_and_the_review_script_work_in_an_empty_folder(
    tmp_path: Path, shell: dict[str, str]
) -> None:
    commands = [line.split("#")[0].strip() for line in readme_block("routine").splitlines()]
    commands = [c for c in commands if c]
    assert [c.split()[1] for c in commands] == ["template", "status", "show", "report"]
    sheet = tmp_path / "actuals" / "2023-06.xlsx"
    for command in commands:
        done = run(command, tmp_path, shell)
        assert done.returncode in (0, 1), (command, done.stderr)
        assert "Traceback" not in done.stderr
        if command.split()[1] == "template":
            assert done.returncode == 0
            type_the_june_figures(sheet)
            again = run(command, tmp_path, shell)  # step 1 run twice keeps the typed figures
            assert again.returncode == 2
            assert "[file-has-values]" in again.stderr
        if command.split()[1] == "status":
            assert "截至 2023-06" in done.stdout
            assert done.returncode == 1  # industrial value added lags
    notice = _text_of(tmp_path / "通报-2023-06.docx")
    assert "截至2023年1—6月" in notice
    assert "规上工业增加值增速" in notice  # the commitment that lags, named with its reason

    script = tmp_path / "monthly-review.sh"
    script.write_text(readme_block("review-script"), encoding="utf-8")
    done = run("bash ./monthly-review.sh 2023-06", tmp_path, shell)
    assert (done.returncode, done.stdout) == (1, "2023-06: some commitments are behind or missed\n")
    assert "industrial\\_va\\_growth" in (tmp_path / "lagging-2023-06.md").read_text(
        encoding="utf-8"
    )
    assert (tmp_path / "review-2023-06.json").stat().st_size > 0


def _text_of(document: Path) -> str:
    """Every paragraph and table cell of a Word document, one per line."""
    import docx

    read = docx.Document(str(document))
    cells = [c.text for t in read.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in read.paragraphs] + cells)


def test_the_quick_start_gives_a_notice_to_hand_round_from_an_empty_folder(
    tmp_path: Path, shell: dict[str, str]
) -> None:
    lines = [line.split("#")[0].strip() for line in readme_block("quick-start").splitlines()]
    install, folder, *commands = [line for line in lines if line]
    assert install.endswith("pip install .")  # what .ci/run does before the tests
    assert folder == "mkdir 月报 && cd 月报"
    work = tmp_path / "月报"
    work.mkdir()
    assert [c.split()[1] for c in commands] == ["template", "status", "report"]
    for command in commands:
        done = run(command, work, shell)
        assert done.returncode in (0, 1), (command, done.stderr)
        if command.split()[1] == "template":
            type_the_june_figures(work / "actuals" / "2023-06.xlsx")
    notice = _text_of(work / "通报-2023-06.docx")
    assert "附件1" in notice
    assert "地区生产总值增速" in notice


def test_the_readme_puts_a_short_quick_start_and_the_users_part_before_the_reference() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    quick = text[text.index("## Quick start") : text.index("\n## ", text.index("## Quick start"))]
    assert len(quick.strip().splitlines()) <= 15
    users = text[: text.index("<!-- reference -->")]
    assert len(users.splitlines()) < 250
    assert users.index("## Quick start") < users.index("## The monthly routine")


def test_every_link_within_the_readme_names_one_of_its_headings() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    headings = {
        re.sub(r"[^\w\- ]", "", line.lstrip("#").strip().lower()).replace(" ", "-")
        for line in text.splitlines()
        if line.startswith("#") and not line.startswith("#!")
    }
    links = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert links
    assert links - headings == set()


def test_the_install_blocks_are_what_ci_runs() -> None:
    """Blocks that install reportcheck are run by .ci/run; their reportcheck commands by tests."""
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    main = readme_block("main-command").strip()
    steps = [step.strip() for step in main.split("&&")]
    assert steps[:2] == ["python3 -m venv .venv", ". .venv/bin/activate"]
    assert "python3 -m venv .venv && . .venv/bin/activate" in ci
    assert steps[2].startswith("pip install .")
    assert steps[3] in ci


def test_the_main_command_judges_the_shipped_example(shell: dict[str, str]) -> None:
    command = readme_block("main-command").split("&&")[-1].strip()
    done = run(command, REPO, shell)
    assert done.returncode == 1
    assert "gdp_growth" in done.stdout


def test_the_main_commands_output_is_what_the_readme_shows(shell: dict[str, str]) -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- main-output -->\n```text\n(.+?)```\n<!-- /main-output -->", text, re.S)
    assert match is not None
    shown = [" ".join(line.split()) for line in match.group(1).splitlines()]
    command = readme_block("main-command").split("&&")[-1].strip()
    done = run(command, REPO, {**shell, "COLUMNS": "160", "REPORTCHECK_LANG": "zh"})
    printed = {" ".join(line.split()) for line in done.stdout.splitlines()}
    assert [line for line in shown if line != "..." and line not in printed] == []
    assert len(shown) > 8


def test_every_shell_block_in_the_readme_is_run_by_a_test() -> None:
    """A shell example without a marker that a test runs would be free to drift."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"(?:<!-- ([\w-]+) -->\n)?```sh\n", text)
    assert sorted(blocks) == [
        "main-command",
        "quick-start",  # above
        "review-pack",
        "review-script",
        "routine",
        "test-command",
        "unit-loop",  # tests/test_unit_loop.py
        "year-end",  # tests/test_cli_harvest.py
    ]
