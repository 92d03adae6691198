"""Every reader is bounded: regular files only, a size stated, and limits on a run as a whole."""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reportcheck.actuals import read_actuals, table_paths
from reportcheck.model import limits
from reportcheck.model.limits import RunBudget
from reportcheck.model.problems import ActualsError, UsageError
from reportcheck.output.catalogue import one_line
from reportcheck.registry.draft import draft_registry, read_report
from reportcheck.registry.lint import lint_registry
from reportcheck.registry.load import load_registry
from reportcheck.registry.records import Registry

from .conftest import EXAMPLES, Run

Cli = Callable[..., Run]
PLAN = "二、2023年工作安排\n"
posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes")


# ── draft and lint read regular files of a stated size ──────────────────────────────────────


@posix_only
@pytest.mark.parametrize("command", ["draft", "lint"])
def test_a_pipe_is_refused_at_once(cli: Cli, tmp_path: Path, command: str) -> None:
    pipe = tmp_path / "report.txt"
    os.mkfifo(pipe)  # nobody writes to it: a reader that opens it blocking waits forever
    began = time.perf_counter()
    result = cli(command, str(pipe))
    assert time.perf_counter() - began < 10
    assert result.exit_code == 2
    assert "regular file" in result.stdout + result.stderr  # lint's findings are its output


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("command", ["draft", "lint"])
def test_a_device_that_never_ends_is_refused_unread(cli: Cli, command: str) -> None:
    began = time.perf_counter()
    result = cli(command, "/dev/zero")
    assert time.perf_counter() - began < 10
    assert result.exit_code == 2
    assert "regular file" in result.stdout + result.stderr


def test_a_registry_beyond_its_size_is_refused_by_lint(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as stream:
        stream.truncate(limits.MAX_REGISTRY_BYTES + 1)
    found = lint_registry(path)
    assert [p.code for p in found.problems] == ["registry-unreadable"]
    assert "at most 2 MiB" in one_line(found.problems[0])


def test_a_seed_beyond_its_size_is_refused_by_lint(tmp_path: Path) -> None:
    shipped = Path(load_registry().path).read_text(encoding="utf-8")
    seed = re.search(r"seed: (.+)", shipped)
    assert seed is not None
    registry = tmp_path / "targets.yaml"
    registry.write_text(shipped.replace(seed.group(0), "seed: big.txt"), encoding="utf-8")
    with (tmp_path / "big.txt").open("wb") as stream:
        stream.truncate(limits.MAX_REPORT_BYTES + 1)
    found = lint_registry(registry)
    assert "registry-seed-unreadable" in [p.code for p in found.problems]
    from reportcheck.output.catalogue import message

    assert any("8 MiB" in message(p, "en") for p in found.problems)


def test_a_report_beyond_its_size_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as stream:
        stream.truncate(limits.MAX_REPORT_BYTES + 1)
    with pytest.raises(UsageError) as refused:
        read_report(path)
    (problem,) = refused.value.problems
    assert problem.key == "report-too-large"
    assert one_line(problem).endswith(
        "is 8388609 bytes; a report's text may be at most 8 MiB: this is no work report "
        "[report-too-large]"
    )


@pytest.mark.parametrize(
    ("make", "key"),
    [
        (lambda p: None, "report-unreadable/missing"),
        (lambda p: p.mkdir(), "report-unreadable/folder"),
        (lambda p: p.write_bytes(b"\xff\xfe\x00\xd8" * 3), "report-encoding"),
    ],
)
def test_a_report_that_cannot_be_read_says_why(
    tmp_path: Path, make: Callable[[Path], None], key: str
) -> None:
    path = tmp_path / "report.txt"
    make(path)
    with pytest.raises(UsageError) as refused:
        read_report(path)
    assert [p.key for p in refused.value.problems] == [key]


# ── draft: what a hostile text can no longer do ─────────────────────────────────────────────


def test_a_million_digit_figure_is_no_figure_and_no_crash() -> None:
    text = PLAN + "增长" + "9" * 1_000_001 + "%。新增上市公司6家。"
    drafted = draft_registry(text, seed="r.txt")
    assert drafted.commitments == 1
    assert "99999999999" not in drafted.yaml


@pytest.mark.parametrize(
    "control", ["\x00", "\x1b", "\r", "\x0b", "\x0c", "\x1c", "\x7f", "\x85", "\u202e", "\u2028"]
)
def test_control_characters_never_reach_a_drafted_registry(tmp_path: Path, control: str) -> None:
    """A report with them drafts a registry that loads, each quote verbatim in the report."""
    from reportcheck.registry.yamlnodes import _CONTROL

    report = (
        f"湖州市人民政府{control}工作报告\r\n{PLAN}地区生产总值增长6%{control}左右,"
        f"新增上市公司{control}6家\r\n城乡居民收入倍差进一步缩小{control}。"
    )
    (tmp_path / "report.txt").write_text(report, encoding="utf-8", newline="")
    drafted = draft_registry(report, seed="report.txt")
    assert drafted.commitments >= 2
    import yaml

    data = yaml.safe_load(drafted.yaml)
    texts = [data["report"]["title_zh"], *(str(v) for t in data["targets"] for v in t.values())]
    assert not any(_CONTROL.search(text) for text in texts)
    assert all(t["quote"] in report for t in data["targets"])
    (tmp_path / "targets.yaml").write_text(drafted.yaml, encoding="utf-8")
    found = lint_registry(tmp_path / "targets.yaml")
    assert not [p for p in found.problems if "control" in p.code], found.problems


def test_a_draft_beyond_any_reports_commitments_is_refused() -> None:
    text = PLAN + "新增企业5家," * (limits.MAX_DRAFT_COMMITMENTS + 1)
    with pytest.raises(UsageError) as refused:
        draft_registry(text, seed="r.txt", name="r.txt")
    (problem,) = refused.value.problems
    assert problem.key == "draft-too-large/commitments"
    assert f"more than {limits.MAX_DRAFT_COMMITMENTS} commitments" in one_line(problem)


def test_a_draft_beyond_any_reports_numbers_is_refused_before_holding_them() -> None:
    text = PLAN + "“" + "1,2," * (limits.MAX_DRAFT_NUMBERS + 10) + "”"
    with pytest.raises(UsageError) as refused:
        draft_registry(text, seed="r.txt", name="r.txt")
    assert [p.key for p in refused.value.problems] == ["draft-too-large/numbers"]


def test_a_clause_longer_than_any_sentence_part_is_not_read_as_wording() -> None:
    text = PLAN + "新增企业5家" + "和" * limits.MAX_CLAUSE_CHARS + "。新增上市公司6家。"
    drafted = draft_registry(text, seed="r.txt")
    assert drafted.commitments == 1
    assert "not read as wording" in drafted.yaml


def _seconds(text: str) -> float:
    """CPU seconds of this process, which other work on a shared machine does not lengthen."""
    began = time.process_time()
    with contextlib.suppress(UsageError):  # refused beyond a limit: bounded just the same
        draft_registry(text, seed="r.txt", year=2023)
    return time.process_time() - began


@pytest.mark.parametrize(
    "unit",
    [
        "推进工作,",  # clauses of one sentence: each looked back over the sentence before
        "建设A项目、",  # list items: each looked back over the items before
        "\n",  # empty lines: each an empty clause
        "十",  # a run of numerals a plain pattern reads in quadratic time
        "三分之",
        "“A”、",
        "——",
        "我市",
    ],
)
def test_drafting_time_grows_in_proportion_to_the_text(unit: str) -> None:
    """Twice the text takes about twice the time, not four times (with a margin for noise)."""
    small = PLAN + unit * (200_000 // len(unit))
    large = PLAN + unit * (800_000 // len(unit))
    times = [min(_seconds(small) for _ in range(2)), min(_seconds(large) for _ in range(2))]
    assert times[1] < 8 * max(times[0], 0.01), times  # quadratic would be 16 times


# ── actuals: limits on a run as a whole ─────────────────────────────────────────────────────


def _month_files(folder: Path, files: int, rows: int) -> None:
    folder.mkdir(exist_ok=True)
    for n in range(files):
        lines = "".join(f"gdp_growth,2023-{1 + n % 12:02d},5.{r % 10}\n" for r in range(rows))
        (folder / f"{n:03d}.csv").write_text("id,period,value\n" + lines, encoding="utf-8")


def test_a_folder_of_files_each_within_limits_is_stopped_at_the_run_limit(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_RUN_ROWS", 1_000)
    _month_files(tmp_path / "actuals", files=5, rows=300)
    with pytest.raises(ActualsError) as refused:
        read_actuals(table_paths(tmp_path / "actuals"), registry)
    over = [p for p in refused.value.problems if p.code == "too-large"]
    assert [(Path(p.file or "").name, p.variant) for p in over] == [("003.csv", "run-rows")]
    assert refused.value.problems[0] == over[0]  # first, before the rows' own warnings
    assert "beyond 1000, the limit over all files (3 read before it)" in one_line(over[0])


def test_the_bytes_of_a_run_are_limited_before_a_file_is_read(
    tmp_path: Path, registry: Registry
) -> None:
    folder = tmp_path / "actuals"
    _month_files(folder, files=2, rows=10)
    budget = RunBudget(rows=10**6, size=2_000)
    problem, size = budget.admit(folder / "000.csv")
    assert problem is None
    assert budget.take("000.csv", 10, 1_500) is None
    with (folder / "big.csv").open("wb") as stream:
        stream.truncate(1_000)
    problem, size = budget.admit(folder / "big.csv")
    assert size == 1_000
    assert problem is not None
    assert problem.key == "too-large/run-bytes"


def test_a_year_of_monthly_files_for_500_commitments_is_far_within_the_run_limits() -> None:
    rows = 12 * 500
    assert rows * 10 < limits.MAX_RUN_ROWS
    assert rows * 200 * 10 < limits.MAX_RUN_BYTES  # 200 bytes a row, notes and sources included


def test_the_shipped_examples_are_within_every_limit(registry: Registry) -> None:
    data = read_actuals(table_paths(EXAMPLES / "monthly"), registry)
    assert data.actuals
